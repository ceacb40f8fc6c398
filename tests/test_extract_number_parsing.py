"""extractors/number_parsing.py: reading one anchor, each step on its own."""

from __future__ import annotations

from quantcheck.extractors.extraction_context import Candidate
from quantcheck.extractors.number_parsing import (
    apply_unit,
    digits_not_a_quantity,
    parse_anchor,
    read_digit_number,
    read_scale,
    read_sign,
)
from quantcheck.extractors.numbers import Number, parse_digits
from tests.extract_parts import anchor_at, candidate, context


def test_identifiers_and_codes_are_rejected_at_their_digits():
    for text, number in (("an F35 jet", "35"), ("COVID-19 cases", "19"), ("call 030 1234567", "030")):
        ctx = context(text)
        got = read_digit_number(ctx, text.index(number))
        assert got[0] is None and len(got) == 2, text


def test_a_currency_sign_before_the_digits():
    ctx = context("it costs $5 today")
    num, start, num_start, code, scale, neg = read_digit_number(ctx, ctx.text.index("5"))
    assert (num.value, start, num_start, code, scale, neg) == (5.0, ctx.text.index("$"), ctx.text.index("5"),
                                                              "USD", 1.0, False)


def test_signs():
    ctx = context("it fell to -12 degrees")
    s = ctx.text.index("12")
    assert read_sign(ctx, s, s) == (True, s - 1)
    ctx = context("from 20-25 degrees")  # a hyphen against a number joins, it is no minus
    s = ctx.text.index("25")
    assert read_sign(ctx, s, s) == (False, s)
    ctx = context("plus or minus 2.5 points")
    s = ctx.text.index("2.5")
    assert read_sign(ctx, s, s) == (False, s)


def test_digits_that_are_no_quantity():
    for text, number in (("the 1960s", "1960"), ("a 4K screen", "4")):
        ctx = context(text)
        s = text.index(number)
        num = parse_digits(ctx.text, s, ctx.lang)
        assert digits_not_a_quantity(ctx, num, s, None) == num.end + 1, text
    ctx = context("the 1960 season")
    num = parse_digits(ctx.text, 4, ctx.lang)
    assert digits_not_a_quantity(ctx, num, 4, None) == -1


def test_scale_symbol_m_means_million_only_before_a_noun():
    for text, scaled in (("1.8m vehicles were sold", True), ("he is 1.8m tall", False)):
        ctx = context(text)
        s = text.index("1.8")
        num = parse_digits(ctx.text, s, ctx.lang)
        c = Candidate(start=s, end=num.end, value=num.value, num=num)
        got = read_scale(ctx, c, num, num.end, None)
        assert (got >= 0) == scaled, text
        if scaled:
            assert c.value == 1.8e6 and c.scaled == 1e6


def test_currency_sign_decides_over_a_unit_word():
    num = Number(value=10.0, end=2)
    c = Candidate(start=0, end=2, value=10.0, num=num)
    assert apply_unit(c, ("USD", 10), "USD") == 10 and c.unit == "USD"
    c = Candidate(start=0, end=2, value=10.0, num=num)
    assert apply_unit(c, ("kilogram", 10), "USD") == -1 and c.unit == "USD"
    c = Candidate(start=0, end=2, value=2.0, num=num)
    assert apply_unit(c, ("USD*1000000", 10), None) == 10 and (c.unit, c.value) == ("USD", 2e6)


def test_parse_anchor_reads_number_scale_and_unit():
    ctx, c = candidate("Prices rose by 2.5 million euros last year.", "2.5")
    assert (c.value, c.unit, c.scaled) == (2.5e6, "EUR", 1e6)
    assert ctx.text[c.start:c.end] == "2.5 million euros"
    ctx, c = candidate("a temperature of -5 degrees", "5")
    assert (c.value, c.unit) == (-5.0, "degC")


def test_parse_anchor_rejects_a_glued_word():
    ctx = context("the 3rd time")
    c, used = parse_anchor(ctx, anchor_at(ctx, 4))
    assert c is None and used == len("the 3rd")
