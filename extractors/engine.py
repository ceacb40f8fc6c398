"""The extraction engine: one pass over the text to find numeric anchors, then local parsing.

How it stays fast and safe:
- one precompiled anchor regex per language finds every place a number may start (a digit, a number
  word, an article before a unit, a currency sign before digits) in a single linear scan; number words
  and units are ``regex`` named lists (set lookups, longest match first);
- everything else (scale words, units, qualifiers, counted nouns, filters) is a handful of anchored
  matches around each anchor, never a scan of the whole text;
- every quantifier over unbounded input is possessive or bounded, so no pattern backtracks.

The language knowledge is data (extractors/lang/*.toml, compiled by ``langdata``); this module only
holds the rules that are the same in every language.

This module runs the passes in order; each part lives in a module of its own, over a shared
``ExtractionContext``: text_views, unit_resolution, number_parsing, after_unit, non_quantity_filters,
age_rules, counted_nouns, concepts, and the passes candidate_pass, qualifier_pass, range_pass,
unit_carrying_pass.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import unicodedata
from collections.abc import Callable

import regex

from quantcheck.extractors.candidate_pass import find_candidates
from quantcheck.extractors.concepts import concept_of
from quantcheck.extractors.extraction_context import Candidate, ExtractionContext
from quantcheck.extractors.extraction_context import lower_same_length as _lower_same_length
from quantcheck.extractors.langdata import available_languages, load
from quantcheck.extractors.langdetect import detect_language
from quantcheck.extractors.model import Mention
from quantcheck.extractors.qualifier_pass import qualify
from quantcheck.extractors.range_pass import join_ranges
from quantcheck.extractors.unit_carrying_pass import carry_units, currency_references
from quantcheck.extractors.unit_tables import MINOR_UNITS, READABLE_UNITS
from quantcheck.extractors.units import COUNT, unit_info

# the names other code and tests import from the engine (the parts live in their own modules)
__all__ = ["MINOR_UNITS", "READABLE_UNITS", "Candidate", "ExtractionContext", "_lower_same_length", "extract"]


def _resolve_language(text: str, lang: str | None) -> str:
    """The language code to read ``text`` in: ``lang`` when known ("en-GB" is "en"), detected when absent,
    English (or the first language) for an unknown code."""
    langs = available_languages()
    if lang:
        code = str(lang).strip().lower().replace("_", "-").split("-")[0]
        if code in langs:
            return code
    return detect_language(text) if not lang else ("en" if "en" in langs else langs[0])


def to_mention(ctx: ExtractionContext, c: Candidate) -> Mention | None:
    """The ``Mention`` of a finished candidate (units written out readably, values in SI), or None when
    its unit is unknown or a value is beyond a double."""
    _readable_unit(c)
    try:
        info = unit_info(c.unit) if c.unit else COUNT
    except ValueError:
        return None
    value, low, high = c.value, c.low, c.high
    si = (info.to_si(value), info.to_si(low), info.to_si(high))
    if not all(x is None or math.isfinite(x) for x in (value, low, high, *si)):
        return None  # beyond a double ("1e308 billion"): JSON cannot carry inf, and it is no claim
    s0, s1 = ctx.sentences.span(c.start)
    return Mention(
        start=c.start, end=c.end, surface=ctx.text[c.start:c.end], value=value, low=low, high=high,
        unit=c.unit, qualifier=c.qualifier, counted=c.counted, concept=concept_of(ctx, c, info),
        si_value=si[0], si_low=si[1], si_high=si[2],
        si_unit=info.si_unit, dimension=info.dimension, lang=ctx.lang.code,
        sentence_start=s0, sentence_end=max(s1, c.end), rule=c.rule,
    )


def run(ctx: ExtractionContext) -> list[Mention]:
    """The passes in order: candidates, qualifiers, ranges, carried units, currencies a rate is for; then
    the mentions."""
    cands = find_candidates(ctx)
    if not cands:
        return []
    qualify(ctx, cands)
    cands = join_ranges(ctx, cands)
    carry_units(ctx, cands)
    cands = currency_references(ctx, cands)
    out = []
    for c in cands:
        if c.end <= c.start:
            continue
        m = to_mention(ctx, c)
        if m is not None:
            out.append(m)
    return out


def _readable_unit(c: Candidate) -> None:
    """"fünf Jahrzehnte" → 50 year, "70 quintaux par hectare" → 7000 kilogram/hectare: see READABLE_UNITS."""
    num, slash, den = c.unit.partition("/")
    n, d = READABLE_UNITS.get(num), READABLE_UNITS.get(den) if slash else None
    if n is None and d is None:
        return
    factor = (n[0] if n else 1.0) / (d[0] if d else 1.0)
    c.unit = (n[1] if n else num) + (slash + (d[1] if d else den) if slash else "")
    c.value, c.low, c.high = (None if x is None else x * factor for x in (c.value, c.low, c.high))


def extract(text: str, lang: str | None = None) -> list[Mention]:
    """Every quantity mention in ``text``, in order of appearance.

    ``lang`` is an ISO 639-1 code ("fr", "en-GB" is read as "en"); when absent it is detected. Unknown
    languages fall back to English data.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not text:
        return []
    code = _resolve_language(text, lang)
    if unicodedata.is_normalized("NFC", text):
        return run(ExtractionContext.of(text, load(code)))
    view = _nfc_view(text)
    if view is None:
        return run(ExtractionContext.of(text, load(code)))
    nfc, to_orig = view
    out = []
    for m in run(ExtractionContext.of(nfc, load(code))):
        s, e = to_orig(m.start), to_orig(m.end)
        out.append(dataclasses.replace(m, start=s, end=e, surface=text[s:e], sentence_start=to_orig(
            m.sentence_start), sentence_end=to_orig(m.sentence_end)))
    return out


_DECOMPOSED = regex.compile(r"\P{M}\p{M}++", regex.V1)


def _nfc_view(text: str) -> tuple[str, Callable[[int], int]] | None:
    """The NFC form of ``text`` ("Pre\u0300s de" -> "Près de") and a map from its offsets back to ``text``.

    Word lists are written composed, so decomposed text (macOS file names, some feeds) would miss every
    accented word. Only the clusters holding combining marks are recomposed; offsets move at each such
    cluster, and a mention's offsets are mapped back to whole clusters of the original, so
    ``text[start:end] == surface`` still holds. None when composition is not cluster-local (the view
    would differ from ``unicodedata.normalize``), in which case the text is read as written."""
    parts: list[str] = []
    nfc_points, orig_points = [0], [0]
    last = 0
    nfc_len = 0
    for m in _DECOMPOSED.finditer(text):
        a, b = m.span()
        cluster = unicodedata.normalize("NFC", m.group())
        if len(cluster) == b - a:
            continue
        parts.append(text[last:a])
        parts.append(cluster)
        nfc_len += (a - last) + len(cluster)
        last = b
        nfc_points.append(nfc_len)
        orig_points.append(b)
    parts.append(text[last:])
    nfc = "".join(parts)
    if nfc != unicodedata.normalize("NFC", text):
        return None

    def to_orig(pos: int) -> int:
        i = bisect.bisect_right(nfc_points, pos) - 1
        return min(orig_points[i] + (pos - nfc_points[i]), len(text))

    return nfc, to_orig
