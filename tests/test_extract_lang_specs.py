"""Per-language extraction cases, read from tests/specs/lang/<code>.toml (one file per language).

The cases are data so that adding a language, or a sentence, needs no test code. A file holds:

- ``lang``: the language code the sentences are extracted in (``extract(text, lang=lang)``);
- ``detect``: a sentence with one mention, which the language detector must give to that language;
- ``[[case]]``: ``id`` (unique in the file), ``group`` (numbers, words, units, qualifiers, non_mentions,
  mixed, news, news_rules: for reading only), ``text``, and ``expect``, every mention the sentence must give,
  in order, nothing else (``expect = []``: no mention at all). An expected mention is an inline table of
  the fields to check: ``value`` (absent: no value, as for a range), ``unit`` (pint unit; a list accepts
  any of them; absent: a count), ``qualifier`` (default "exact"), ``low``, ``high``, ``counted``
  (``""``: none), ``concept``, ``surface_has`` (a piece of text the surface contains). Optional
  ``xfail = "reason"`` marks a known engine gap as a strict xfail: the expectation stays written, a fix
  must remove the mark;
- ``[[same_concept]]``: ``id`` and ``claims``, a list of ``{ text, lang, counted }``: the mentions counting
  those nouns must all have one, non-empty, concept key ("soldats" and "troops" both count ``troops``).

Per ../shared/spec/quantities.md; the comparison rules are tests/extract_expect.py.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from extract_expect import Q, check_case, concept_of

from quantcheck.extractors import extract

SPEC_DIR = Path(__file__).parent / "specs" / "lang"
CASE_KEYS = {"id", "group", "text", "expect", "xfail"}
EXPECT_KEYS = {"value", "unit", "qualifier", "low", "high", "counted", "concept", "surface_has"}


def _load() -> dict[str, dict]:
    specs = {}
    for path in sorted(SPEC_DIR.glob("*.toml")):
        with open(path, "rb") as fh:
            spec = tomllib.load(fh)
        assert spec.get("lang") == path.stem, f"{path}: lang must be {path.stem!r}"
        ids = [c["id"] for c in spec.get("case", [])]
        assert len(ids) == len(set(ids)), f"{path}: duplicate case ids"
        for c in spec.get("case", []):
            assert set(c) <= CASE_KEYS, f"{path}: case {c['id']}: unknown keys {sorted(set(c) - CASE_KEYS)}"
            for e in c["expect"]:
                unknown = sorted(set(e) - EXPECT_KEYS)
                assert not unknown, f"{path}: case {c['id']}: unknown keys {unknown}"
        specs[spec["lang"]] = spec
    return specs


SPECS = _load()


def expected(entry: dict) -> Q:
    """One ``expect`` table as the :class:`Q` the checker compares with."""
    fields = dict(entry)
    if isinstance(fields.get("unit"), list):
        fields["unit"] = tuple(fields["unit"])
    return Q(**fields)


def _cases() -> list:
    return [pytest.param(lang, c["text"], [expected(e) for e in c["expect"]], id=f"{lang}-{c['id']}",
                         marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if "xfail" in c else [])
            for lang, spec in SPECS.items() for c in spec.get("case", [])]


def test_every_language_has_cases():
    from quantcheck.extractors.langdata import available_languages

    assert set(SPECS) == set(available_languages())
    assert all(spec.get("case") and spec.get("detect") for spec in SPECS.values())


@pytest.mark.parametrize(("lang", "text", "expect"), _cases())
def test_sentence(lang, text, expect):
    check_case(text, lang, expect)


@pytest.mark.parametrize(("lang", "claims"), [
    pytest.param(lang, s["claims"], id=f"{lang}-{s['id']}")
    for lang, spec in SPECS.items() for s in spec.get("same_concept", [])])
def test_counted_nouns_share_a_concept(lang, claims):
    found = [concept_of(c["text"], c["lang"], c["counted"]) for c in claims]
    assert None not in found and "" not in found and len(set(found)) == 1, dict(
        zip([c["counted"] for c in claims], found, strict=True))


@pytest.mark.parametrize("lang", list(SPECS))
def test_language_is_detected(lang):
    mentions = extract(SPECS[lang]["detect"])
    assert [m.lang for m in mentions] == [lang]
