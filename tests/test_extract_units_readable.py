"""Every unit the extractor can emit is readable outside the project.

The output contract says a unit is "a pint expression, or an ISO-4217 code". Consumers (the warehouse users,
the scorers in ../shared/eval) read it with a *default* pint registry plus the ISO currency codes and the
usual minor units, not with the project's extractors/units.txt. A unit only the project defines
("decennium", "quintal", "kopek") could never be compared with anyone else's figure, so the engine writes
such units out (engine.READABLE_UNITS); this test walks every unit the language files can produce.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pint
import pytest

from quantcheck.extractors.engine import MINOR_UNITS, READABLE_UNITS
from quantcheck.extractors.langdata import available_languages, read_raw

UNITS_TXT = Path(__file__).resolve().parents[1] / "extractors" / "units.txt"
# the minor units a consumer is expected to know, as ../shared/eval/quantscore.py defines them
MINOR = ("cent = 0.01 * USD", "centime = 0.01 * EUR", "penny = 0.01 * GBP = _ = pence",
         "satoshi = 1e-8 * BTC", "pesewa = 0.01 * GHS", "sen = 0.01 * JPY")


@lru_cache(maxsize=1)
def consumer_registry() -> pint.UnitRegistry:
    """Default pint, every ISO-4217 code of units.txt as its own dimension, and the usual minor units."""
    ureg = pint.UnitRegistry(on_redefinition="ignore")
    for line in UNITS_TXT.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Z]{3}) = \[currency_\1\]", line)
        if m:
            ureg.define(f"{m.group(1)} = [currency_{m.group(1)}]")
    for line in MINOR:
        ureg.define(line)
    return ureg


def emittable_units(code: str) -> set[str]:
    """The units a language file can make the engine emit (before rates combine two of them)."""
    raw = read_raw(code)
    units = {str(u) for u in raw.get("units", {}).values()}
    units |= {str(u) for u in raw.get("unit_symbols", {}).values()}
    units |= {str(u) for u in raw.get("currency_prefixes", {}).values()}
    units |= {str(u) for u in raw.get("currency_suffixes", {}).values()}
    units |= {str(u) for u in raw.get("currency_codes", {}).get("aliases", {}).values()}
    units |= {str(u) for u in raw.get("currency_codes", {}).get("codes", [])}
    for amb in raw.get("ambiguous", []):
        units.add(str(amb.get("default", "")))
        units |= {str(r["unit"]) for r in amb.get("rules", []) if "unit" in r}
    return {u for u in units if u}


def readable(unit: str) -> bool:
    unit = READABLE_UNITS.get(unit, (1.0, unit))[1]
    if unit in MINOR_UNITS and unit not in ("cent", "centime", "penny", "sen"):
        return False
    try:
        consumer_registry().Quantity(1.0, unit).to_base_units()
    except (pint.errors.PintError, ValueError, TypeError, AttributeError, AssertionError):
        return False
    return True


@pytest.mark.parametrize("code", available_languages())
def test_every_unit_of_the_language_is_readable_by_a_default_registry(code):
    unreadable = sorted(u for u in emittable_units(code) if not readable(u))
    assert not unreadable, f"{code}: units only extractors/units.txt defines: {unreadable}"


@pytest.mark.parametrize(("text", "lang", "value", "unit"), [
    ("Er spielte fünf Jahrzehnte lang in der Bundesliga.", "de", 50, "year"),
    ("Over seven decades, prices rose tenfold.", "en", 70, "year"),
    ("La récolte atteint 3 quintaux par exploitation.", "fr", 300, "kilogram"),
    ("La BCE a relevé ses taux de 25 points de base.", "fr", 0.25, "percent"),
])
def test_project_only_units_are_written_out(text, lang, value, unit):
    from quantcheck.extractors import extract

    got = [(m.value, m.unit) for m in extract(text, lang=lang)]
    assert (value, unit) in [(round(v, 6), u) for v, u in got], got
