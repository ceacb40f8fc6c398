"""The process-wide pint registry and a cache of what each unit string means in base units.

Pint is slow to build (~0.5 s) and slow per call (tens of microseconds), so the registry is built once,
lazily, and every unit string the extractor emits is converted once into a linear map to base units
(``si = factor * value + offset``; the offset is non-zero only for degC/degF). The hot path then never
calls pint.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pint

UNITS_FILE = Path(__file__).with_name("units.txt")
_LOCK = threading.Lock()
_REGISTRY: pint.UnitRegistry | None = None


def registry() -> pint.UnitRegistry:
    """The one pint registry of the process, with the project's definitions (extractors/units.txt)."""
    global _REGISTRY
    if _REGISTRY is None:
        with _LOCK:
            if _REGISTRY is None:
                # "raise": a line of units.txt that clashes with pint's own definitions (or with another line)
                # is an error at start-up, never a silent second meaning of a unit name
                ureg = pint.UnitRegistry(on_redefinition="raise", autoconvert_offset_to_baseunit=True)
                ureg.load_definitions(str(UNITS_FILE))
                _REGISTRY = ureg
    return _REGISTRY


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """How to turn a value in ``unit`` into base units, and what kind of quantity it is."""

    unit: str
    factor: float
    offset: float
    si_unit: str
    dimension: str

    def to_si(self, value: float | None) -> float | None:
        if value is None:
            return None
        return self.factor * value + self.offset


COUNT = UnitInfo("", 1.0, 0.0, "", "count")


def _dimension_label(dimensionality: str, si_unit: str) -> str:
    """Pint's dimensionality string, with currencies as ``currency_EUR`` and named dimensionless kinds.

    Pint reports angles, information and percentages all as "dimensionless"; the base unit tells them
    apart, which later stages need (a 3 % rise is not a 3-degree turn).
    """
    if dimensionality == "dimensionless":
        if si_unit == "radian":
            return "[angle]"
        if si_unit == "bit":
            return "[information]"
        return "dimensionless"
    if "[currency_" in dimensionality:
        return _strip_currency_brackets(dimensionality)
    return dimensionality


def _strip_currency_brackets(dimensionality: str) -> str:
    out = []
    for part in dimensionality.split("[currency_"):
        if not out:
            out.append(part)
            continue
        code, _, rest = part.partition("]")
        out.append("currency_" + code + rest)
    return "".join(out)


@lru_cache(maxsize=4096)
def unit_info(unit: str) -> UnitInfo:
    """Base-unit map of a pint unit expression; raises ValueError for an unknown unit.

    A base value is ``value * factor + offset``: the offset is what makes temperatures comparable
    (0 °C is 273.15 K), and a count has no unit at all.

    >>> info = unit_info("degC")
    >>> info.factor, info.offset, info.si_unit
    (1.0, 273.15, 'kelvin')
    >>> unit_info("km").factor, unit_info("").dimension
    (1000.0, 'count')
    """
    if not unit:
        return COUNT
    ureg = registry()
    try:
        one = ureg.Quantity(1.0, unit).to_base_units()
        zero = ureg.Quantity(0.0, unit).to_base_units()
    except Exception as exc:  # pint raises several unrelated types
        raise ValueError(f"unknown unit {unit!r}: {exc}") from exc
    offset = float(zero.magnitude)
    factor = float(one.magnitude) - offset
    si_unit = str(one.units)
    if si_unit == "dimensionless":
        si_unit = ""
    dim = _dimension_label(str(one.dimensionality), si_unit)
    return UnitInfo(unit, factor, offset, si_unit, dim)


def is_currency(unit: str) -> bool:
    return unit_info(unit).dimension.startswith("currency_") if unit else False
