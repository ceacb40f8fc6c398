"""Display units: the unit a reader would write for a claim or a fact, and values converted into it.

Claims are compared in base units (m², s, K, EUR/m³) because that is what makes "12 000 hectares" and
"nearly 20,000 square miles" comparable; nobody reads "2190 EUR / meter ** 3" though. A fact is shown in
the unit its own articles used most often (``choose_unit``), labelled the way a reader writes it
(``unit_label``: "EUR/L", "km²", "°C", "min", "degrees"), with values converted by the project's one
pint registry (extractors/units.py), offsets included (kelvin → °C). The labels and the fallbacks are
data (checks/display_units.toml).
"""

from __future__ import annotations

import re
import threading
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("display_units.toml")
SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class DisplayUnit:
    """How to show values stored in base units: ``shown = (si - offset) / factor``, labelled ``label``."""

    unit: str            # the pint expression ("" for counts)
    label: str           # what a reader writes ("EUR/L", "km²", "°C"; "" for counts)
    factor: float = 1.0
    offset: float = 0.0

    def from_si(self, value: float | None) -> float | None:
        """A base-unit value in this unit (None stays None; ±inf stays ±inf)."""
        if value is None:
            return None
        return (value - self.offset) / self.factor


COUNT = DisplayUnit("", "")
_WARMING: list[threading.Thread] = []


def warm_registry() -> None:
    """Start building the pint registry on a thread, for the fact labels a refresh writes last.

    Building it takes about half a second of Python, once per process; a refresh started in a fresh
    process (``quantcheck refresh``, the benchmark) would otherwise spend it between two SQL statements.
    Started once the blocks' processes have been forked (checks/block_facts.py: no thread may run across a
    fork), it overlaps the statements that follow, which mostly run on one thread inside DuckDB. The
    registry builds itself once under its own lock, so a caller that needs it earlier simply waits.
    """
    from quantcheck.extractors.units import registry

    thread = threading.Thread(target=registry, name="quantcheck-pint-registry", daemon=True)
    thread.start()
    _WARMING.append(thread)


def registry_warmed() -> None:
    """Wait for :func:`warm_registry`'s thread (a refresh leaves no thread of its own running)."""
    while _WARMING:
        _WARMING.pop().join()


@cache
def _data() -> dict:
    with DATA_FILE.open("rb") as fh:
        return tomllib.load(fh)


def _symbol(name: str) -> str:
    symbols = _data()["symbols"]
    if name in symbols:
        return symbols[name]
    if CURRENCY_RE.match(name):
        return name
    from quantcheck.extractors.units import registry

    try:
        return registry().get_symbol(name)
    except Exception:  # pint raises several unrelated types for odd names
        return name


def _power(symbol: str, exponent: float) -> str:
    exponent = abs(exponent)
    if exponent == 1:
        return symbol
    text = str(int(exponent)) if float(exponent).is_integer() else str(exponent)
    return symbol + text.translate(SUPERSCRIPTS)


@cache
def unit_label(unit: str) -> str:
    """The label a reader writes for a pint unit expression.

    >>> unit_label("EUR/liter"), unit_label("kilometer**2"), unit_label("degC"), unit_label("minute")
    ('EUR/L', 'km²', '°C', 'min')
    >>> unit_label("degree"), unit_label("microgram/meter**3"), unit_label(""), unit_label("tonne/hectare")
    ('degrees', 'µg/m³', '', 't/ha')
    """
    if not unit:
        return ""
    from quantcheck.extractors.units import registry

    try:
        parts = dict(registry().Unit(unit)._units)
    except Exception:  # not a unit pint knows: show it as written
        return unit
    num = [_power(_symbol(n), e) for n, e in parts.items() if e > 0]
    den = [_power(_symbol(n), e) for n, e in parts.items() if e < 0]
    label = "·".join(num) or "1"
    if den:
        label += "/" + ("·".join(den) if len(den) == 1 else "(" + "·".join(den) + ")")
    return label


@cache
def display_unit(unit: str) -> DisplayUnit:
    """The display unit for values of a written pint ``unit`` (counts: no unit)."""
    if not unit:
        return COUNT
    from quantcheck.extractors.units import unit_info

    try:
        info = unit_info(unit)
    except ValueError:
        return DisplayUnit(unit, unit)
    return DisplayUnit(unit, unit_label(unit), info.factor or 1.0, info.offset)


@cache
def fallback_unit(si_unit: str) -> DisplayUnit:
    """The display unit for a base unit when no article says which unit to use.

    >>> fallback_unit("EUR / meter ** 3").label, fallback_unit("kelvin").label, fallback_unit("EUR").label
    ('EUR/L', '°C', 'EUR')
    """
    if not si_unit:
        return COUNT
    table = _data()["fallback"]
    if si_unit in table:
        return display_unit(table[si_unit])
    m = re.match(r"^([A-Z]{3}) / meter \*\* 3$", si_unit)
    if m:  # prices of fuels and drinks are quoted per litre
        return display_unit(f"{m.group(1)}/liter")
    compact = si_unit.replace(" ", "")
    shown = display_unit(compact)
    return shown if shown.label != compact or CURRENCY_RE.match(compact) else DisplayUnit(si_unit, si_unit)


def choose_unit(written_units: Iterable[str | None], si_unit: str | None) -> DisplayUnit:
    """The unit most claims of a fact were written in (ties: alphabetical), among those measuring the
    fact's base unit; the fallback for that base unit when none does (e.g. amounts converted from
    another currency).

    >>> choose_unit(["hectare", "hectare", "kilometer**2"], "meter ** 2").label
    'ha'
    >>> choose_unit(["USD"], "EUR").label
    'EUR'
    """
    counts = Counter(u for u in written_units if u)
    return first_measuring(sorted(counts, key=lambda u: (-counts[u], u)), si_unit)


def first_measuring(ranked_units: Iterable[str | None], si_unit: str | None) -> DisplayUnit:
    """The display unit of the first of ``ranked_units`` (most used first) that measures ``si_unit``;
    the fallback for ``si_unit`` when none does."""
    si_unit = si_unit or ""
    if not si_unit:
        return COUNT
    for unit in ranked_units:
        if unit and _base_of(unit) == si_unit:
            return display_unit(unit)
    return fallback_unit(si_unit)


@cache
def _base_of(unit: str) -> str | None:
    from quantcheck.extractors.units import unit_info

    try:
        return unit_info(unit).si_unit
    except ValueError:
        return None
