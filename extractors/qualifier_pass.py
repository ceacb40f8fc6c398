"""The qualifier pass: "at least", "about", "up to" before a mention, or after it, and the bound it gives.
"""

from __future__ import annotations

from quantcheck.extractors.extraction_context import Candidate, ExtractionContext
from quantcheck.extractors.numbers import AHEAD
from quantcheck.extractors.text_views import prev_word
from quantcheck.extractors.unit_tables import TIME_UNITS


def qualify(ctx: ExtractionContext, cands: list[Candidate]) -> None:
    """Give each candidate its qualifier: a phrase of [qualifiers] before it (not a verb's particle, not
    "over five years" meaning during), else one after it or after its counted noun; an approximate
    multiplier word ("une vingtaine"); and the bound an "at least"/"at most" gives."""
    prev_end = -10
    for c in cands:
        qm = ctx.patterns["qual_left"].search(ctx.lower, max(0, c.start - 40), c.start)
        if qm is None and c.age:  # "under the age of 18": the qualifier is before "the age of"
            am = ctx.patterns["age_left"].search(ctx.lower, max(0, c.start - 24), c.start)
            if am is not None:
                qm = ctx.patterns["qual_left"].search(ctx.lower, max(0, am.start() - 40), am.start())
        # "0,3 Prozent mehr als ein Jahr zuvor", "28 cents less than a month ago": right after another
        # mention the phrase compares two amounts; it qualifies neither
        if qm and not ctx.text[prev_end:qm.start()].strip() and prev_end >= 0:
            qm = None
            prev_end = c.end
            continue
        prev_end = c.end
        if qm:
            phrase = " ".join(qm.group("q").lower().split())
            q = ctx.lang.qualifiers.get(phrase)
            particle = ctx.lang.qualifier_particles.get(phrase)
            if particle and prev_word(ctx, qm.start()).lower() in particle:
                q = None  # "took over two oil fields": the word belongs to the verb
            if q and not (phrase in ctx.lang.during_words and c.unit in TIME_UNITS and not c.age and
                          prev_word(ctx, qm.start()).lower() not in ctx.lang.during_after):
                c.qualifier = q  # (but "over five years" is "during five years")
        else:
            rm = ctx.patterns["qual_right"].match(ctx.lower, c.end, c.end + AHEAD)
            if rm is None and c.counted:  # "Kills 70 People at Least": after the counted noun
                k = c.end + 1
                w = c.counted.lower()
                if ctx.lower.startswith(w, k) and ctx.text[c.end:k] == " ":
                    rm = ctx.patterns["qual_right"].match(ctx.lower, k + len(w), k + len(w) + AHEAD)
            if rm:
                q = ctx.lang.qualifiers_after.get(" ".join(rm.group("q").lower().split()))
                if q:
                    c.qualifier = q
        if c.vague:
            vague_qualifier(c)
            continue
        if c.qualifier == "exact" and c.words and ctx.lang.approx_multipliers:
            last = ctx.lower[c.num_start:c.num.end].replace("-", " ").rsplit(None, 1)[-1:]
            if last and last[0] in ctx.lang.approx_multipliers:
                c.qualifier = "approx"  # "une vingtaine de retraités", "un millar de militares"
        if c.value is not None:
            if c.qualifier == "at_least":
                c.low = c.value
            elif c.qualifier == "at_most":
                c.high = c.value


def vague_qualifier(c: Candidate) -> None:
    """"at least dozens", "up to hundreds": one bound of the vague range; "some dozens", "about hundreds"
    stay the range."""
    if c.qualifier == "at_least":
        c.high = None
    elif c.qualifier == "at_most":
        c.low = None
    else:
        c.qualifier = "range"
