"""extractors/unit_resolution.py: which unit or currency a surface means at its place."""

from __future__ import annotations

from quantcheck.extractors.unit_resolution import (
    currency_of,
    demonym_currency,
    match_unit,
    negative_reading,
    resolve_unit,
    scale_at,
    unit_at,
)
from tests.extract_parts import candidate, context


def test_currency_signs_codes_and_words():
    ctx = context("x")
    assert currency_of(ctx, "$") == ("USD", 1.0)
    assert currency_of(ctx, "EUR") == ("EUR", 1.0)
    assert currency_of(ctx, "MUSD") == ("USD", 1e6)  # a code with a scale letter
    assert currency_of(ctx, "kilometres") is None


def test_ambiguous_unit_follows_the_cues_of_its_sentence():
    money = context("He paid 50 pounds for the ticket.")
    weight = context("The baby weighed 8 pounds at birth.")
    assert resolve_unit(money, "pounds", money.text.index("pounds"), False, False, 50.0) == "GBP"
    assert resolve_unit(weight, "pounds", weight.text.index("pounds"), False, False, 8.0) == "pound"


def test_longest_unit_at_an_offset():
    ctx = context("a 20 km/h limit")
    m = unit_at(ctx, ctx.text.index("km"))
    assert ctx.text[m.start("u"):m.end("u")] == "km/h"


def test_unit_word_inside_a_noun_is_no_unit():
    ctx, c = candidate("They dropped 34 barrel bombs.", "34")
    assert c.unit == ""  # "barrel bombs": the unit word is part of a noun ([unit_compounds])
    ctx, c = candidate("Oil at 34 barrels a day.", "34")
    assert match_unit(ctx, ctx.text.index(" barrels"), c, False)[0] == "oil_barrel"


def test_a_country_word_names_the_currency():
    ctx = context("It cost 4.2 million Norwegian crowns.")
    end = len("It cost 4.2 million Norwegian crowns")
    assert demonym_currency(ctx, ctx.text.index(" Norwegian")) == ("NOK", end)


def test_negative_values_read_degrees_as_temperatures():
    assert negative_reading(context("x"), "degree") == "degC"
    assert negative_reading(context("x"), "meter") == "meter"


def test_scale_words_and_symbols():
    ctx = context("3bn and 2 million")
    assert scale_at(ctx, 1).group() == "bn"
    assert scale_at(ctx, ctx.text.index(" million")).group("w") == "million"
