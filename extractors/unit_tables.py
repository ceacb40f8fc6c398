"""The units the rules of the engine name, with their factors read from the one pint registry.

The rules need a few units by name (the parts of a duration written in parts, the minor units of money,
the composites "5 ft 2 in", the units only the project's registry knows and that are written out for
consumers). Their factors are read from ``extractors.units.registry()`` (extractors/units.txt and pint's
own definitions), never written again here, so a definition changes in one place.
"""

from __future__ import annotations

from quantcheck.extractors.units import registry

TIME_UNITS = frozenset({"second", "millisecond", "minute", "hour", "day", "week", "fortnight", "month",
                        "year", "decade", "decennium", "century", "millennium"})
AGE_UNITS = frozenset({"year", "month", "week", "day"})


def factor(unit: str, into: str) -> float:
    """How many ``into`` one ``unit`` is, as the registry defines it ("cent" into "USD": 0.01)."""
    return float(registry().Quantity(1.0, unit).to(into).magnitude)


# the parts of a duration written in parts ("2 h 21 min 34 s"), in seconds
SECONDS = {unit: factor(unit, "second") for unit in ("hour", "minute", "second")}
# a whole unit followed by a smaller one ("5 ft 2 in", "3 lb 4 oz", "four years and nine months", "deux ans
# et six mois"): the smaller one's factor into the whole one. A prison term or an age in years and months is
# one figure in the news (every news set here reads it so), after a word that introduces a term ([words]
# term_before: "sentenced to", "condamné à"); quantulum3's suite reads "twenty-one years and six months in the
# future" as two.
COMPOSITES = {(big, small): factor(small, big) for big, small in (
    ("foot", "inch"), ("pound", "ounce"), ("year", "month"))}
# joined by "and" after a term word only (after_unit.one_term): "3 years, 2 months, 14 days" is a list
COMPOSITES_WITH_AND = frozenset({("year", "month")})
# minor units of money, as a fraction of their major unit ("3 dollars 50 cents")
MINOR_UNITS = {minor: factor(minor, major) for minor, major in (
    ("cent", "USD"), ("penny", "GBP"), ("centime", "EUR"), ("kopek", "RUB"), ("mao", "CNY"), ("sen", "JPY"))}
# Units that only the project's registry defines (extractors/units.txt) are written out in units any pint
# registry with ISO currency codes reads, so that consumers (the warehouse, the scorers) can compare them:
# unit -> (factor, readable unit).
READABLE_UNITS = {unit: (factor(unit, readable), readable) for unit, readable in (
    ("decennium", "year"), ("quintal", "kilogram"), ("kopek", "RUB"), ("mao", "CNY"), ("ppb", "ppm"),
    ("basis_point", "percent"), ("mmbtu", "Btu"))}
