"""Interval semantics, table-driven: each claim → [low, high] in base units (checks/tolerances.toml).

The intervals come from the warehouse's own SQL (checks.intervals.claim_intervals runs
checks/sql/claim_intervals.sql on an in-memory DuckDB), so these rows test what the views use.
"""

from __future__ import annotations

import math

import pytest

from quantcheck.checks.intervals import Claim, claim_intervals, overlaps
from quantcheck.checks.tolerances import TOLERANCES_FILE, load_tolerances, parse_tolerances

INF = math.inf
MI2 = 2589988.110336      # m² per square mile
HA = 10_000.0
EUR = {"unit": "EUR", "si_unit": "EUR", "dimension": "currency_EUR"}

# name: (claim, expected low, expected high) — in base units
CASES: dict[str, tuple[Claim, float, float]] = {
    "seed: 'Pas moins de 100 000 soldats' → [100 000, ∞)":
        (Claim("100 000", 100000, "at_least", low=100000, lang="fr"), 100000, INF),
    "'As many as 100,000 troops' (count) → [0, 100 000]":
        (Claim("100,000", 100000, "at_most", high=100000), 0, 100000),
    "at_most of a measure → (−∞, v]":
        (Claim("50 km", 50, "at_most", unit="km", si_value=50000, si_unit="meter", dimension="[length]",
               high=50, si_high=50000), -INF, 50000),
    "'20 000' → ±500 (two significant digits assumed)": (Claim("20 000", 20000, lang="fr"), 19500, 20500),
    "'100,000' → ±5,000": (Claim("100,000", 100000), 95000, 105000),
    "'175,000' → ±500 (last written digit)": (Claim("175,000", 175000), 174500, 175500),
    "'12,500' exact → ±50": (Claim("12,500", 12500), 12450, 12550),
    "'98.000' (German grouping) → ±500": (Claim("98.000", 98000, lang="de"), 97500, 98500),
    "'about 100,000' → ±(5,000 + 10%)": (Claim("100,000", 100000, "approx"), 85000, 115000),
    "'some 12,500 hectares' → ±(50 + 10%) ha":
        (Claim("12,500 hectares", 12500, "approx", unit="hectare", si_value=12500 * HA, si_unit="meter ** 2",
               dimension="[length] ** 2"), 11200 * HA, 13800 * HA),
    "'nearly 20,000 square miles' ≈ 51,800 km² ± (500 mi² + 10%)":
        (Claim("20,000 square miles", 20000, "approx", unit="mile**2", si_value=20000 * MI2,
               si_unit="meter ** 2", dimension="[length] ** 2"), 17500 * MI2, 22500 * MI2),
    "'1.9 billion' EUR → ±0.05 billion": (Claim("$1.9bn", 1.9e9, si_value=1.9e9, **EUR), 1.85e9, 1.95e9),
    "'1,9 milliard d'euros' → ±0.05 billion":
        (Claim("1,9 milliard d'euros", 1.9e9, si_value=1.9e9, lang="fr", **EUR), 1.85e9, 1.95e9),
    "'2.500 millones de euros' → ±50 million":
        (Claim("2.500 millones de euros", 2.5e9, si_value=2.5e9, lang="es", **EUR), 2.45e9, 2.55e9),
    "'2,19 euros le litre' → ±0.005 €/l":
        (Claim("2,19 euros le litre", 2.19, unit="EUR/liter", si_value=2190, si_unit="EUR / meter ** 3",
               dimension="currency_EUR / [length] ** 3", lang="fr"), 2185, 2195),
    "'2,2 Euro pro Liter' → ±0.05 €/l":
        (Claim("2,2 Euro pro Liter", 2.2, unit="EUR/liter", si_value=2200, si_unit="EUR / meter ** 3",
               dimension="currency_EUR / [length] ** 3", lang="de"), 2150, 2250),
    "'2,50 €' keeps its written zero → ±0.005":
        (Claim("2,50 €", 2.5, si_value=2.5, lang="fr", **EUR), 2.495, 2.505),
    "'50 minutes' → ±0.5 min":
        (Claim("50 minutes", 50, unit="minute", si_value=3000, si_unit="second", dimension="[time]"),
         2970, 3030),
    "range 'entre 1 500 et 2 000 migrants' → [1 500, 2 000]":
        (Claim("entre 1 500 et 2 000", None, "range", low=1500, high=2000, lang="fr"), 1500, 2000),
    "'-20C' → ±0.5 K around 253.15 K":
        (Claim("-20C", -20, unit="degC", si_value=253.15, si_unit="kelvin", dimension="[temperature]"),
         252.65, 253.65),
    # a whole number is never read finer than its unit: "deux" is 1.5..2.5, like "2"
    "number word 'deux' → 2 ± 0.5": (Claim("deux", 2, lang="fr"), 1.5, 2.5),
    "'7' → 7 ± 0.5": (Claim("7", 7), 6.5, 7.5),
}


@pytest.fixture(scope="module")
def computed() -> dict[str, tuple[float, float]]:
    names = list(CASES)
    return dict(zip(names, claim_intervals(CASES[n][0] for n in names), strict=True))


@pytest.mark.parametrize("name", list(CASES))
def test_interval(computed, name: str) -> None:
    _, lo, hi = CASES[name]
    got_lo, got_hi = computed[name]
    assert got_lo == pytest.approx(lo, rel=1e-6, abs=1e-9), name
    assert got_hi == pytest.approx(hi, rel=1e-6, abs=1e-9), name


# (claim a, claim b, agree?) — the comparison rule on pairs of the table above
PAIRS = [
    ("seed: 'Pas moins de 100 000 soldats' → [100 000, ∞)",
     "'As many as 100,000 troops' (count) → [0, 100 000]", True),
    ("seed: 'Pas moins de 100 000 soldats' → [100 000, ∞)", "'175,000' → ±500 (last written digit)", True),
    ("'As many as 100,000 troops' (count) → [0, 100 000]", "'175,000' → ±500 (last written digit)", False),
    ("'about 100,000' → ±(5,000 + 10%)", "'98.000' (German grouping) → ±500", True),
    ("'2,19 euros le litre' → ±0.005 €/l", "'2,2 Euro pro Liter' → ±0.05 €/l", True),
    ("'1,9 milliard d'euros' → ±0.05 billion", "'2.500 millones de euros' → ±50 million", False),
]


@pytest.mark.parametrize(("a", "b", "agree"), PAIRS)
def test_agreement(computed, a: str, b: str, agree: bool) -> None:
    assert overlaps(computed[a], computed[b]) is agree


def test_nearly_20000_square_miles_contains_51800_km2(computed) -> None:
    lo, hi = computed["'nearly 20,000 square miles' ≈ 51,800 km² ± (500 mi² + 10%)"]
    assert lo < 51_800e6 < hi


def test_tolerances_file_is_the_documented_data() -> None:
    tol = load_tolerances()
    assert (tol.min_significant_digits, tol.half_step, tol.approx_relative) == (2, 0.5, 0.10)
    assert "approx_relative" in TOLERANCES_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "message"), [
    ("", "missing [rounding] min_significant_digits"),
    ("[rounding]\nmin_significant_digits = -1\nhalf_step = 0.5", "non-negative"),
    ("[rounding]\nmin_significant_digits = 1.5\nhalf_step = 0.5", "integer"),
])
def test_bad_tolerances_are_refused_with_the_key(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_tolerances(text)


def test_wider_approx_tolerance_changes_the_interval() -> None:
    text = TOLERANCES_FILE.read_text(encoding="utf-8")
    text = text.replace("approx_relative = 0.10", "approx_relative = 0.20")
    [(lo, hi)] = claim_intervals([Claim("100,000", 100000, "approx")], parse_tolerances(text))
    assert (lo, hi) == (pytest.approx(75000), pytest.approx(125000))


def test_odd_values_never_raise_and_are_left_unmatched() -> None:
    """The refresh runs inside every pipeline run: no stored value may make it fail."""
    odd = [Claim("0", 0.0), Claim("nan", math.nan), Claim("inf", math.inf),
           Claim("-inf", -math.inf, "approx"),
           Claim("9" * 400, 1e300), Claim("1e-300", 1e-300), Claim("", None), Claim("x", None, "range"),
           Claim("5", 5.0, "unknown-qualifier"), Claim("1" + "0" * 320, 1e300),
           Claim("7 m", 7.0, "at_most", unit="m", si_value=None, dimension="[length]")]
    got = claim_intervals(odd)
    assert len(got) == len(odd)
    assert got[0] == (0.0, 0.0)
    assert all(math.isnan(lo) or math.isnan(hi) or lo <= hi for lo, hi in got)   # NaN: never matched


def test_decimal_separator_comes_from_the_language_files(monkeypatch, tmp_path) -> None:
    """The interval SQL reads '2,500' with the separator of the claim's language file, not a list of its own:
    a new language file whose decimal is ',' makes '2,500' 2.5 (two decimals), one whose decimal is '.'
    makes it 2500 (grouped), and an unknown language falls back to the length of the last group."""
    import shutil

    from quantcheck.extractors import langdata

    for name in ("common.toml", "en.toml"):
        shutil.copy(langdata.LANG_DIR / name, tmp_path / name)
    monkeypatch.setattr(langdata, "LANG_DIR", tmp_path)
    english = (tmp_path / "en.toml").read_text(encoding="utf-8")
    assert 'decimal = "."' in english
    claim = Claim("2,500", 2.5, lang="xx")

    (tmp_path / "xx.toml").write_text(english.replace('code = "en"', 'code = "xx"')
                                      .replace('decimal = "."', 'decimal = ","'), encoding="utf-8")
    assert langdata.decimal_separators()["xx"] == ","
    [comma] = claim_intervals([claim])
    assert comma == pytest.approx((2.4995, 2.5005))  # three decimals written: ± half the last one

    (tmp_path / "xx.toml").write_text(english.replace('code = "en"', 'code = "xx"'), encoding="utf-8")
    [point] = claim_intervals([claim])
    assert point != comma
    assert point == pytest.approx(claim_intervals([Claim("2,500", 2.5, lang="en")])[0])


def test_a_new_decimal_separator_makes_the_next_refresh_rebuild(monkeypatch, tmp_path) -> None:
    """The separators are an input of the refresh like the SQL itself: changing one in a language file
    changes the digest that lets an unchanged warehouse skip its rebuild (checks/state.py)."""
    import shutil

    from quantcheck.checks import state
    from quantcheck.extractors import langdata

    for path in langdata.LANG_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    state.code_digest.cache_clear()
    try:
        before = state.code_digest()
        monkeypatch.setattr(langdata, "LANG_DIR", tmp_path)
        state.code_digest.cache_clear()
        assert state.code_digest() == before  # the same files elsewhere
        english = tmp_path / "en.toml"
        english.write_text(english.read_text(encoding="utf-8").replace('decimal = "."', 'decimal = ","'),
                           encoding="utf-8")
        state.code_digest.cache_clear()
        assert state.code_digest() != before
    finally:
        monkeypatch.undo()
        state.code_digest.cache_clear()
