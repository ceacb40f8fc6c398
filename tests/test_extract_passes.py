"""The passes over candidates, each on its own: candidate_pass, qualifier_pass, range_pass,
unit_carrying_pass (extractors/*_pass.py)."""

from __future__ import annotations

from quantcheck.extractors.candidate_pass import find_candidates, literal_anchors
from quantcheck.extractors.qualifier_pass import qualify, vague_qualifier
from quantcheck.extractors.range_pass import change_before, is_score, join_ranges, share_unit
from quantcheck.extractors.unit_carrying_pass import carry_units, compared, signed_change
from tests.extract_parts import context


def _candidates(text: str, lang: str = "en"):
    ctx = context(text, lang)
    return ctx, find_candidates(ctx)


def test_candidates_are_filtered_and_given_their_counted_noun():
    ctx, cands = _candidates("In 2014, 300 soldiers and 12 tanks were seen at 9 pm.")
    assert [(ctx.text[c.start:c.end], c.counted) for c in cands] == [("300", "soldiers"), ("12", "tanks")]


def test_literal_anchors_find_vague_counts_and_one():
    ctx = context("Dozens of people and one child were hurt.")
    assert [m.lastgroup for m in literal_anchors(ctx)] == ["vague", "one"]


def test_qualifiers_before_and_after():
    ctx, cands = _candidates("At least 10 people died and about 5 were hurt; 70 people at least fled.")
    qualify(ctx, cands)
    assert [(c.value, c.qualifier, c.low) for c in cands] == [(10.0, "at_least", 10.0), (5.0, "approx", None),
                                                             (70.0, "at_least", 70.0)]


def test_a_vague_range_keeps_or_drops_a_bound():
    ctx, (c,) = _candidates("up to hundreds of people")
    assert c.vague and c.qualifier == "range"
    c.qualifier = "at_most"
    vague_qualifier(c)
    assert c.low is None and c.high is not None


def test_ranges_scores_and_changes():
    ctx, cands = _candidates("between 500 and 1300 people")
    (r,) = join_ranges(ctx, cands)
    assert (r.low, r.high, r.qualifier, r.counted) == (500.0, 1300.0, "range", "people")
    ctx, (a, b) = _candidates("they won 3:1 at home")
    assert is_score(ctx, a, b) and join_ranges(ctx, [a, b]) == []
    ctx, cands = _candidates("inflation rose from 3% to 5%")
    assert change_before(ctx, cands[0]) == ("from", "rose")
    assert len(join_ranges(ctx, cands)) == 2  # the old level and the new one, not a range


def test_a_bare_number_shares_the_unit_after_it():
    ctx, (a, b) = _candidates("doses of 45 and 50 mg")
    share_unit(ctx, a, b)
    assert a.unit == "milligram" and a.rule.endswith("+shared")


def test_units_carried_within_a_sentence():
    ctx, cands = _candidates("Output was 1.5 billion cubic metres, down from 2.1 billion.")
    carry_units(ctx, cands)
    assert [c.unit for c in cands] == ["meter**3", "meter**3"]
    ctx, cands = _candidates("Le chômage est à 3,2 %, contre 2,9 en mai.", "fr")
    compared(ctx, cands)
    assert cands[1].unit == "percent" and cands[1].rule.endswith("+compared")
    ctx, cands = _candidates("RN 31,4 % (+7,2) et LFI 20 %", "fr")
    signed_change(ctx, cands)
    assert cands[1].unit == "percent" and cands[1].rule.endswith("+points")
