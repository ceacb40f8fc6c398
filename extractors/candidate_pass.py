"""The first pass: every anchor in text order, parsed, given its counted noun and age, and filtered.
"""

from __future__ import annotations

import heapq

import regex

from quantcheck.extractors import budget as _budget
from quantcheck.extractors.age_rules import apposition_age, bare_age, second_age
from quantcheck.extractors.counted_nouns import collective_number, counted_noun
from quantcheck.extractors.extraction_context import Candidate, ExtractionContext
from quantcheck.extractors.non_quantity_filters import is_non_quantity, per_article, rate_denominator
from quantcheck.extractors.number_parsing import clock_duration, parse_anchor
from quantcheck.extractors.numbers import AHEAD
from quantcheck.extractors.text_patterns import ALNUM_RUN
from quantcheck.extractors.unit_tables import AGE_UNITS


def age_word_before(ctx: ExtractionContext, start: int) -> bool:
    """An age word right before ``start``, or before a qualifier that stands right before it: "aged 23",
    and "The children were aged under 10", which would otherwise count ten children."""
    if ctx.patterns["age_left"].search(ctx.lower, max(0, start - 24), start):
        return True
    qm = ctx.patterns["qual_left"].search(ctx.lower, max(0, start - 40), start)
    return qm is not None and \
        ctx.patterns["age_left"].search(ctx.lower, max(0, qm.start() - 24), qm.start()) is not None


def find_candidates(ctx: ExtractionContext) -> list[Candidate]:
    """Every candidate of the text in order: the anchors (literal words, digits, number words) parsed one
    by one, overlaps skipped, each given its counted noun and age, and the non-quantities dropped (with the
    identifiers listed after one, "Crit'Air 3, 4 et 5"). Stops where the document's budget runs out."""
    out: list[Candidate] = []
    consumed = 0
    anchors = heapq.merge(literal_anchors(ctx), ctx.patterns["anchor"].finditer(ctx.text),
                          ctx.patterns["anchor_words"].finditer(ctx.lower), key=_start)
    limit = _budget.current()  # a per-document budget (extractors/budget.py), set by the pipeline
    for m in anchors:
        if limit is not None and limit.exhausted(m.start()):
            break
        if m.start() < consumed:
            continue
        if m.lastgroup == "skip":
            consumed = m.end()
            continue
        c, used = clock_duration(ctx, m) if m.lastgroup == "clock" else parse_anchor(ctx, m)
        consumed = max(consumed, used)
        if c is None or out and (per_article(ctx, c, out[-1]) or rate_denominator(ctx, c, out[-1])):
            continue
        if out and c.start < out[-1].end:
            c.start = max(c.start, out[-1].end)
        if not c.unit and not c.counted:
            c.counted = counted_noun(ctx, c.num.end if c.scaled == 1.0 else c.end,
                                          c.scaled > 1.0 or collective_number(ctx, c.num, c.num_start))
            if c.counted and c.counted.lower() in ctx.lang.stopwords:
                c.counted = None
        if (c.unit in AGE_UNITS or not c.unit and not c.counted) and c.value is not None and \
                0 < c.value < 130 and age_word_before(ctx, c.start):
            # "aged 23", "at the age of 87", "âgé de 45 ans", "un bebé de 3 meses", "aged under 10"
            c.unit, c.age = c.unit or "year", True
        if not c.age and c.unit in ("", "year") and c.value is not None and 0 < c.value < 120 and (
                apposition_age(ctx, c) or bare_age(ctx, c) or
                second_age(ctx, c, out[-1] if out else None)):  # (a cheap test before the three rules)
            c.unit, c.age, c.counted = "year", True, None
        if is_non_quantity(ctx, c):
            c.keep = False
            # "Crit'Air 3, 4 et 5", "Euro 5 und 6": a list after an identifier holds identifiers (not after a
            # time of day: "vers 2 h 30 à 176 km/h" is a time, then a speed)
            lm = ctx.patterns["id_list"].match(ctx.text, c.end, c.end + AHEAD) \
                if c.num.plain_int and not c.unit else None
            if lm is not None and len(c.num.plain_int) <= 3:
                consumed = max(consumed, lm.end())
            # "2013-14": the year's tail is not a count either; nor "2:0" after a name ("Mainz 2:0")
            # ("R. 413-14-1": every part of a chained identifier)
            tail = c.end
            while c.num.plain_int and ctx.text[tail:tail + 1] in ("-", "–", ":") and \
                    ctx.text[tail + 1:tail + 2].isdigit():
                tail = ALNUM_RUN.match(ctx.text, tail + 1).end()
                consumed = max(consumed, tail)
            continue
        out.append(c)
    return out


def literal_anchors(ctx: ExtractionContext) -> list[regex.Match]:
    """The anchors of vague counts and counts of one ([vague], one_words), in text order: each word of
    ``literal_anchors`` found with ``str.find``, kept where its pattern matches (see langdata)."""
    low, n = ctx.lower, ctx.length
    found: dict[int, regex.Match] = {}
    for word, pattern, back in ctx.lang.literal_anchors:
        i = low.find(word)
        while i >= 0:
            # (not "2 millions": a scale word after a number, read with it; but "2016 Dozens of")
            if i == 0 or not low[i - 1].isalnum() and not (
                    low[i - 1] == " " and low[i - 2:i - 1].isdigit() and word in ctx.lang.scales):
                k = i
                if back is not None:  # "un mort": the noun was found, the anchor is the article before it
                    bm = back.search(low, max(0, i - 60), i)
                    k = bm.start() if bm is not None else -1
                if k >= 0 and k not in found:
                    m = pattern.match(low, k, min(n, k + AHEAD))
                    if m is not None:
                        found[k] = m
            i = low.find(word, i + len(word))
    return [found[i] for i in sorted(found)]


def _start(m: regex.Match) -> int:
    """The sort key of ``heapq.merge`` over anchors: where each starts."""
    return m.start()
