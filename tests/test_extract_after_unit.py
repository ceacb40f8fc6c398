"""extractors/after_unit.py: what follows a unit (composites, rates, parts of a duration, ages)."""

from __future__ import annotations

from quantcheck.extractors.after_unit import physical_rate, wage_period
from tests.extract_parts import candidate, context


def test_composites_add_the_smaller_unit():
    _, c = candidate("He is 5 ft 2 in tall.", "5")
    assert c.unit == "foot" and abs(c.value - (5 + 2 / 12)) < 1e-12
    _, c = candidate("It cost 3 dollars 50 cents.", "3")
    assert (c.unit, c.value) == ("USD", 3.5)


def test_duration_in_parts():
    _, c = candidate("The record is 2h 21min 34s.", "2")
    assert c.unit == "hour" and abs(c.value - (2 + 21 / 60 + 34 / 3600)) < 1e-12


def test_rates():
    _, c = candidate("Oil sold at $78 a barrel.", "78")
    assert c.unit == "USD/oil_barrel"
    _, c = candidate("Il a plu 40 litres par mètre carré.", "40", "fr")
    assert c.unit == "liter/meter**2"
    _, c = candidate("They earn £12.21 an hour.", "12.21")
    assert c.unit == "GBP/hour"  # a wage: money per hour
    _, c = candidate("The state spent $5bn a year.", "5")
    assert c.unit == "USD"  # the period is the budget's, not a rate


def test_rate_rules_alone():
    assert physical_rate("[mass]", "[length] ** 2")
    assert not physical_rate("[mass]", "[time]") and not physical_rate("[mass]", "[mass]")
    assert wage_period(context("x"), "hour", 1) and not wage_period(context("x"), "year", 1)
    # a period followed by "earlier", "ago" ([words] period_dated) says when, not per what
    ctx = context("$1.71 a week earlier")
    assert not wage_period(ctx, "week", ctx.text.index(" earlier"))


def test_half_and_age_after_a_time_unit():
    _, c = candidate("It took four years and a half.", "four")
    assert (c.unit, c.value) == ("year", 4.5)
    _, c = candidate("A 45-year-old man was hurt.", "45")
    assert c.age
