"""Every language file parses, every unit it names is known to the project's pint registry, and every
concept key is shared with English (so that claims compare across languages)."""

from __future__ import annotations

import pytest

from quantcheck.extractors.langdata import available_languages, load, read_raw
from quantcheck.extractors.units import unit_info


@pytest.mark.parametrize("code", available_languages())
def test_language_file_compiles_and_units_are_known(code):
    data = load(code)
    units = set(data.units_ci.values()) | set(data.units_cs.values())
    units |= {a.default for a in data.ambiguous.values() if a.default}
    units |= {r["unit"] for a in data.ambiguous.values() for r in a.rules}
    units |= set(data.currency_prefix.values()) | set(data.currency_suffix.values())
    for unit in sorted(units):
        unit_info(unit)  # raises ValueError for an unknown unit


@pytest.mark.parametrize("code", available_languages())
def test_concept_keys_are_shared(code):
    english = set(read_raw("en").get("concepts", {}))
    assert set(read_raw(code).get("concepts", {})) <= english


def test_the_four_languages_are_shipped():
    assert {"en", "fr", "es", "de"} <= set(available_languages())
