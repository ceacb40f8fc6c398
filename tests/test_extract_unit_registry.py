"""The one pint registry (extractors/units.py) and the unit tables the engine reads from it.

The registry is built with ``on_redefinition="raise"``: a line of extractors/units.txt that gives a unit
name a second meaning fails at start-up. The engine's unit factors (minor units of money, parts of a
duration, composites, the units written out for consumers) are read from it, not written again.
"""

from __future__ import annotations

import pint
import pytest

from quantcheck.extractors import unit_tables
from quantcheck.extractors.units import UNITS_FILE, registry, unit_info


def test_registry_raises_on_redefinition():
    with pytest.raises(pint.RedefinitionError):
        registry().define("cent = 0.02 * USD")  # a second meaning for a unit of units.txt


def test_units_file_has_no_redefinition():
    # a fresh registry loads the project's definitions without any clash with pint's own
    ureg = pint.UnitRegistry(on_redefinition="raise", autoconvert_offset_to_baseunit=True)
    ureg.load_definitions(str(UNITS_FILE))
    assert ureg.Quantity(1, "decennium").to("year").magnitude == 10


def test_a_redefining_line_is_caught(tmp_path):
    bad = tmp_path / "units.txt"
    bad.write_text(UNITS_FILE.read_text(encoding="utf-8") + "\nquintal = 50 * kilogram\n", encoding="utf-8")
    ureg = pint.UnitRegistry(on_redefinition="raise")
    with pytest.raises(pint.RedefinitionError):
        ureg.load_definitions(str(bad))


def test_minor_units_are_read_from_the_registry():
    assert unit_tables.MINOR_UNITS == {"cent": 0.01, "penny": 0.01, "centime": 0.01, "kopek": 0.01,
                                       "mao": 0.1, "sen": 0.01}
    for minor, fraction in unit_tables.MINOR_UNITS.items():
        assert unit_info(minor).dimension.startswith("currency_")
        assert fraction == pytest.approx(unit_info(minor).factor)  # major units are base units


def test_duration_parts_and_composites():
    assert unit_tables.SECONDS == {"hour": 3600.0, "minute": 60.0, "second": 1.0}
    assert unit_tables.COMPOSITES[("foot", "inch")] == 1 / 12
    assert unit_tables.COMPOSITES[("pound", "ounce")] == 1 / 16
    assert unit_tables.factor("mile", "kilometer") == pytest.approx(1.609344)


def test_readable_units_convert_to_their_readable_unit():
    expected = {"decennium": (10.0, "year"), "quintal": (100.0, "kilogram"), "kopek": (0.01, "RUB"),
                "mao": (0.1, "CNY"), "ppb": (0.001, "ppm"), "basis_point": (0.01, "percent"),
                "mmbtu": (1e6, "Btu")}
    assert unit_tables.READABLE_UNITS == expected
    for unit, (fraction, readable) in unit_tables.READABLE_UNITS.items():
        assert unit_info(unit).factor == pytest.approx(fraction * unit_info(readable).factor)


def test_engine_reexports_the_tables():
    from quantcheck.extractors import engine

    assert engine.MINOR_UNITS is unit_tables.MINOR_UNITS
    assert engine.READABLE_UNITS is unit_tables.READABLE_UNITS
