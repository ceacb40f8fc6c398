"""Readable fact names and display units: the label builder (checks/labels.py), the unit chooser and
formatter (checks/display_units.py, checks/present.py), the tables refresh fills with them (fact_labels,
unit_labels) and the columns the views gained (claim_groups, conflicts, claims)."""

from __future__ import annotations

import glob
import math
import tomllib
from pathlib import Path

import duckdb
import pytest
from test_checks_support import claim_doc, load_docs, sample_warehouse

from quantcheck.checks.display_units import choose_unit, display_unit, fallback_unit, unit_label
from quantcheck.checks.labels import day_span, fact_label, measured_phrase
from quantcheck.checks.lexicon import load_lexicon
from quantcheck.checks.present import fmt_interval, fmt_number, nice_axis, nice_step, plural, round_sig

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("parts", "label"), [
    ({"measured": "people killed", "place": "Idlib", "day": "2016-06-12"},
     "people killed · Idlib · 12 Jun 2016"),
    ({"measured": "area burnt", "incident": "fire", "place": "Sierra de Gata"},
     "area burnt · Sierra de Gata · fire"),
    ({"measured": "diesel price", "first_day": "2025-03-10", "last_day": "2025-03-12"},
     "diesel price · 10–12 Mar 2025"),
    ({"measured": "children killed", "scope": "running total"}, "children killed · running total"),
    ({}, "figure"),
])
def test_fact_label_from_any_parts(parts: dict, label: str) -> None:
    assert fact_label(**parts) == label


@pytest.mark.parametrize(("parts", "phrase"), [
    ({"kind": "count", "who": "troops", "action": "deployed"}, "troops deployed"),
    ({"kind": "[length] ** 2", "action": "burnt"}, "area burnt"),
    ({"kind": "currency_EUR / [length] ** 3", "topic": "diesel"}, "diesel price"),
    ({"kind": "currency_EUR / [length] ** 3", "topic": "petrol price"}, "petrol price"),
    ({"kind": "[time]"}, "duration"),
    ({"kind": "[temperature]", "topic": "sea temperature"}, "sea temperature"),
    ({"kind": "troops"}, "troops"),
    ({}, "figure"),
])
def test_measured_phrase_names_counts_by_group_and_measures_by_topic(parts: dict, phrase: str) -> None:
    assert measured_phrase(**parts) == phrase


def test_fact_label_is_keyword_only_and_day_beats_incident_or_publication_days() -> None:
    with pytest.raises(TypeError):
        fact_label("people killed")  # type: ignore[misc]
    assert fact_label(measured="people killed", day="2016-06-12", first_day="2016-06-13",
                      last_day="2016-06-20") == "people killed · 12 Jun 2016"
    assert fact_label(measured="people killed", day="not a date", first_day="2016-06-13") == \
        "people killed · 13 Jun 2016"


def test_day_spans() -> None:
    assert day_span("2025-06-30", "2025-07-02") == "30 Jun – 2 Jul 2025"
    assert day_span("2025-07-16", "2025-07-15") == "15–16 Jul 2025"
    assert day_span(None, "2025-07-15") == "15 Jul 2025" and day_span(None) == ""


def test_every_group_action_and_topic_of_the_lexicon_has_an_english_label() -> None:
    """Fact names are built from the lexicon's labels (checks/lexicon/terms.toml): a key without one
    would be shown as its internal name."""
    lex = load_lexicon()
    for section in ("group", "action", "topic"):
        labelled = lex.terms.labels.get(section, {})
        assert labelled and all(v and "_" not in v for v in labelled.values()), section


def test_every_unit_the_extractor_writes_has_a_readable_label() -> None:
    units = set()
    for path in glob.glob(str(ROOT / "extractors" / "lang" / "*.toml")):
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        units |= {v for table in ("units", "unit_symbols") for v in data.get(table, {}).values()
                  if isinstance(v, str)}
    assert len(units) > 100
    unreadable = {u: unit_label(u) for u in units if any(x in unit_label(u) for x in ("**", "_", "*"))}
    assert not unreadable, unreadable
    assert unit_label("EUR/liter") == "EUR/L" and unit_label("kilometer**2") == "km²"
    assert unit_label("degC") == "°C" and unit_label("minute") == "min" and unit_label("degree") == "degrees"


def test_display_units_convert_with_offsets_and_come_from_the_articles() -> None:
    celsius = display_unit("degC")
    assert celsius.from_si(269.15) == pytest.approx(-4.0)
    assert display_unit("EUR/liter").from_si(2190.0) == pytest.approx(2.19)
    assert display_unit("degree").from_si(math.radians(120)) == pytest.approx(120)
    assert choose_unit(["mile**2", "mile**2", "kilometer**2"], "meter ** 2").label == "mi²"
    assert choose_unit(["kilometer**2", "hectare"], "meter ** 2").label == "ha"      # tie: alphabetical
    assert choose_unit([], "kelvin").label == "°C" and fallback_unit("second").label == "min"
    assert choose_unit(["", ""], "").label == "" and choose_unit(["nonsense-unit"], "meter").label == "km"


def test_numbers_for_people() -> None:
    assert fmt_number(99999.9999) == "100,000" and fmt_number(2.18999999781) == "2.19"
    assert fmt_number(-3.0000000001) == "−3" and fmt_number(None) == "?"
    assert round_sig(51799762206.72, 4) == 51800000000
    assert fmt_interval(2184.999997815, 2195.000002195, display_unit("EUR/liter")) == "2.185–2.195 EUR/L"
    assert fmt_interval(float("-inf"), float("inf")) == "any value"
    assert plural(0, "source") == "0 sources" and plural(1, "fact") == "1 fact" and plural(1200, "claim") == \
        "1,200 claims"


@pytest.mark.parametrize(("values", "unit", "integer", "labels", "caption"), [
    ([269.1 - 273.15, 269.2 - 273.15], "°C", False, ("−4.1", "−4.05", "−4", "−3.95", "−3.9"), "°C"),
    ([115, 125], "degrees", False, ("110", "115", "120", "125", "130"), "degrees"),
    ([1.95, 2.05], "", True, ("1", "2", "3"), "firefighters"),
    ([0, 100000, 174500, 175500], "", True, ("0", "50,000", "100,000", "150,000", "200,000"), "troops"),
    ([1.85e9, 2.55e9], "EUR", False, ("1.8", "2", "2.2", "2.4", "2.6"), "billion EUR"),
    ([49.5, 50.5], "min", False, ("49", "49.5", "50", "50.5", "51"), "min"),
])
def test_axes_use_1_2_5_steps_in_display_units(values, unit, integer, labels, caption) -> None:
    noun = "firefighters" if integer and max(values) < 10 else "troops"
    axis = nice_axis(values, unit, integer=integer, caption_noun=noun)
    assert axis.labels == labels and axis.caption == caption
    assert axis.start <= min(values) and axis.end >= max(values)
    assert nice_step(0.3, integer=True) == 1 and nice_step(7) == 10 and nice_step(1.5) == 2


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(sample_warehouse(tmp_path_factory.getbasetemp())), read_only=True)
    yield con
    con.close()


def test_claim_groups_and_conflicts_carry_labels_and_display_units(sample) -> None:
    groups = {r[0]: r[1:] for r in sample.execute(
        "SELECT fact_label, display_unit, display_min, display_max, kind, subject FROM claim_groups"
    ).fetchall()}
    unit, lo, hi, kind, subject = groups["diesel price · 10–12 Mar 2025"]
    assert (unit, kind, subject) == ("EUR/L", "currency_EUR / [length] ** 3", "diesel price")  # kind stays
    assert (round(lo, 6), round(hi, 6)) == (2.19, 2.2)
    burnt = [v for k, v in groups.items() if k.startswith("area burnt · Gata · fire · ")]
    assert len(burnt) == 1 and burnt[0][:3] == ("ha", 12000.0, 20000.0)
    assert all(label for label in groups) and not [g for g in groups if "[" in g or "currency_" in g]
    rows = sample.execute("SELECT fact_label, display_unit, publisher_a, publisher_b FROM conflicts "
                          "ORDER BY ALL").fetchall()
    troops = ("troops deployed · 31 Dec 2021 – 2 Jan 2022", "", "worldwire.example", "Kyiv Courier")
    assert troops in rows, rows
    assert len(rows) == 5 and all(r[0] for r in rows)


def test_union_of_both_sides_of_a_pair_view_is_right(sample) -> None:
    """DuckDB 1.5.5 once answered claim_a for claim_b here when the view joined fact_labels after the pair
    join (warehouse/views/conflicts.sql says why it is joined where it is)."""
    pairs = sample.execute("SELECT claim_a, claim_b, source_a, source_b FROM conflicts").fetchall()
    for i, (a, b) in enumerate((("claim_a", "claim_b"), ("source_a", "source_b"))):
        got = {r[0] for r in sample.execute(f"SELECT {a} FROM conflicts UNION SELECT {b} FROM conflicts")
               .fetchall()}
        assert got == {p[2 * i] for p in pairs} | {p[2 * i + 1] for p in pairs}, a


def test_claims_view_fills_approximate_bounds_and_shows_display_units(sample) -> None:
    rows = sample.execute("SELECT surface, si_value, si_low, si_high, unit, display_unit, publisher "
                          "FROM claims WHERE qualifier = 'approx'").fetchall()
    assert rows and all(r[2] is not None and r[3] is not None and r[2] < r[1] < r[3] for r in rows), rows
    semaines = [r for r in rows if r[0] == "deux semaines"][0]
    assert semaines[4:6] == ("week", "weeks")
    # "environ deux semaines": 2 weeks − half a week (rounding of "deux") − 10 % of 2 weeks = 1.3 weeks,
    # no float noise either
    assert semaines[2] == pytest.approx(1.3 * 7 * 86400) and semaines[2] == round(semaines[2], 3)
    exact = sample.execute("SELECT count(*) FROM claims WHERE qualifier = 'exact' AND si_low IS NOT NULL")
    assert exact.fetchone()[0] == 0                                      # exact claims: as extracted
    assert sample.execute("SELECT count(*) FROM claims WHERE display_unit IS NULL").fetchone()[0] == 0


def test_fact_labels_follow_a_rebuild(tmp_path: Path) -> None:
    """Labels are rebuilt with claim_keys: a new article that extends a fact's days changes its label."""
    db = tmp_path / "w.duckdb"
    text = "Russia has massed {} troops at the Ukrainian border, officials said."
    def fig(surface: str, value: int) -> list[dict]:
        return [{"surface": surface, "value": value, "concept": "troops"}]

    docs = [claim_doc("a", text.format("100,000"), fig("100,000", 100_000), published="2022-01-01"),
            claim_doc("b", text.format("175,000"), fig("175,000", 175_000), published="2022-01-02")]
    load_docs(db, docs)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT fact_label FROM claim_groups").fetchall() == [
            ("troops deployed · 1–2 Jan 2022",)]
    load_docs(db, [claim_doc("c", text.format("150,000") + " Again.", fig("150,000", 150_000),
                             published="2022-01-04")])
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT fact_label, n_sources FROM claim_groups").fetchall() == [
            ("troops deployed · 1–4 Jan 2022", 3)]
        assert con.execute("SELECT count(*) FROM fact_labels").fetchone()[0] == 1


@pytest.mark.parametrize("module", ["quantcheck.checks.labels", "quantcheck.checks.display_units",
                                    "quantcheck.checks.present", "quantcheck.flows.languages",
                                    "quantcheck.flows.publishers"])
def test_docstring_examples(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0, result
