"""The fast matchers give exactly the answers of the regexes they replace.

``extractors/unitmatch.py`` reads the unit pattern by hand with set lookups, and
``extractors/prefilter.py`` puts a one-character test in front of the small look-around patterns; both
exist for speed only, so at every position of varied text (news-like sentences in each language, and
random strings made of unit words, power words, brackets, hyphens and digits) they must agree with the
reference regex: same match or no match, same groups.
"""

from __future__ import annotations

import random

import pytest
import regex

from quantcheck.extractors.engine import _lower_same_length
from quantcheck.extractors.langdata import available_languages, load
from quantcheck.extractors.prefilter import _Ahead, _Behind

SENTENCES = [
    "About 12,000 troops crossed 20 square kilometres (5 sq. mi.) in 3 days, at 45 km/h.",
    "Près de 20 000 milles carrés, 2,19 euros le litre, 1,9 milliard d'euros et 3,2 %.",
    "Unos 1.200 millones de dólares, 5 m² y 10 - 15 km, hasta 3 kilómetros cuadrados.",
    "Rund 5 Mrd. Euro, 120 km/h, 45-jähriger, 3,5 Quadratkilometer und 10 °C.",
    "A 120-degree field, $78 a barrel, 5 ft 2 in, 7 [m] and 9 (kg), US$ 5, 10 MB, 4 mph.",
    "20 km\u00a0carrés, 3 m\u00a0²",
    "Il a 5\u202fkm, 7 <kg> et 8 {m}, 9\u00a0\u202fkm, 3 \u2011 km, 4 (km], 6 ( km).",
]


def _strings(code: str, rng: random.Random) -> list[str]:
    L = load(code)
    ci = L.res["unit_ci"]
    cs = L.res["unit_cs"]
    vocab = sorted(ci.units.words)[::7] + sorted(cs.units.words)[::7]
    vocab += sorted(ci.prefixes.words) + sorted(ci.suffixes.words)
    pieces = ["5", "12", " ", "  ", "-", "- ", "\u2011", "(", ")", "[", "]", "{", "}", "<", ">", "²", "a",
              ".", "\u00a0", "\u202f"]
    out = list(SENTENCES)
    for _ in range(400):
        parts = [rng.choice(vocab if rng.random() < 0.5 else pieces) for _ in range(8)]
        out.append("".join(p if rng.random() < 0.5 else p.upper() for p in parts))
    return out


@pytest.mark.parametrize("code", available_languages())
def test_unit_matcher_agrees_with_the_unit_regex(code):
    L = load(code)
    flags = regex.VERBOSE | regex.V1
    refs = {}
    for name in ("unit_ci", "unit_cs"):
        m = L.res[name]
        refs[name] = (m, regex.compile(L.unit_pattern, flags, units=sorted(m.units.words),
                                       pp=sorted(m.prefixes.words) or ["\x00"],
                                       ps=sorted(m.suffixes.words) or ["\x00"]))
    groups = ("gap", "open", "pp", "u", "ps", "close")
    compared = 0
    for text in _strings(code, random.Random(7)):
        low = _lower_same_length(text)
        for pos in range(len(text)):
            for s, (fast, ref) in ((low, refs["unit_ci"]), (text, refs["unit_cs"])):
                a, b = ref.match(s, pos, pos + 200), fast.match(s, pos, pos + 200)
                assert (a is None) == (b is None), (text, pos, a, b and b.group())
                if a is not None:
                    want = [a.span(g) if a.group(g) is not None else None for g in groups]
                    got = [b.spans[g] if b.group(g) is not None else None for g in groups]
                    assert (want, a.end()) == (got, b.end()), (text, pos)
                compared += 1
    assert compared > 10_000


@pytest.mark.parametrize("code", available_languages())
def test_prefiltered_patterns_agree_with_their_patterns(code):
    L = load(code)
    wrapped = {k: v for k, v in L.res.items() if isinstance(v, _Ahead | _Behind)}
    assert {"scale_w", "half", "month_after", "qual_left", "cur_left"} <= set(wrapped)
    texts = SENTENCES + [
        "1 and a half, 2 of age, 3 years old, 4 janvier, March 5, at least 6, près de 7, 8 or more",
        "$ 9, € -10, moins 11, entre 12 et 13, between 14 and 15, 16 h, 17 a.m., 18 de marzo",
    ]
    for text in texts:
        low = _lower_same_length(text)
        for pos in range(len(text) + 1):
            for name, fast in wrapped.items():
                for s in (low, text):
                    if isinstance(fast, _Ahead):
                        a, b = fast.pattern.match(s, pos, pos + 200), fast.match(s, pos, pos + 200)
                    else:
                        lo = max(0, pos - 40)
                        a, b = fast.pattern.search(s, lo, pos), fast.search(s, lo, pos)
                    assert (a and a.span()) == (b and b.span()), (name, text, pos)
