"""Matching claims about the same fact end to end: hand-made mentions (independent of the extractor) go
through the real warehouse writer into a real DuckDB file, whose checks.refresh reads their frames and
groups them into facts (checks/identity.py). The rules themselves are unit-tested in test_checks_identity.py
and test_checks_frames.py; these tests pin what a fact-checker sees in claim_facts and conflicts."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from test_checks_support import claim_doc, load_docs

EUR = {"unit": "EUR", "si_unit": "EUR", "dimension": "currency_EUR"}
USD = {"unit": "USD", "si_unit": "USD", "dimension": "currency_USD"}
HOURS = {"unit": "hour", "si_unit": "second", "dimension": "[time]"}
HECTARES = {"unit": "hectare", "si_unit": "meter ** 2", "dimension": "[length] ** 2"}


def troops(surface: str, value: float, **kw) -> dict:
    return {"surface": surface, "value": value, "concept": "troops", "counted": "troops", **kw}


def facts(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT s.name, m.surface, k.kind, k.measured, k.fact_id FROM claim_keys k "
            "JOIN mentions m USING (mention_id) JOIN sources s ON s.source_id = k.source_id "
            "ORDER BY s.name, m.start"
        ).fetchall()


def conflicts(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT source_a, source_b, surface_a, surface_b, reason FROM conflicts ORDER BY ALL"
        ).fetchall()


def test_troops_massed_are_not_compared_with_troops_withdrawn(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    load_docs(
        db,
        [
            claim_doc(
                "a",
                "Au moins 100 000 soldats massés à la frontière, selon Kiev.",
                [troops("100 000 soldats", 100000, counted="soldats")],
                lang="fr",
                published="2022-01-01",
            ),
            claim_doc(
                "b",
                "Moscou dit avoir retiré 10 000 soldats de la zone.",
                [troops("10 000 soldats", 10000, counted="soldats")],
                lang="fr",
                published="2022-01-02",
            ),
            claim_doc(
                "c",
                "Russia has pulled back 10,000 troops from the area.",
                [troops("10,000 troops", 10000)],
                lang="en",
                published="2022-01-02",
            ),
        ],
    )
    rows = {name: (measured, fact) for name, _, _, measured, fact in facts(db)}
    assert rows["a"][0] == "troops deployed" and rows["b"][0] == rows["c"][0] == "troops withdrawn"
    assert rows["a"][1] != rows["b"][1] and rows["b"][1] == rows["c"][1]
    assert conflicts(db) == []


def test_a_calls_length_is_not_compared_with_a_contracts_length(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    load_docs(
        db,
        [
            claim_doc(
                "a",
                "The 2-hour phone call ended without agreement.",
                [{"surface": "2-hour", "value": 2, "si_value": 7200, **HOURS}],
                published="2022-01-01",
            ),
            claim_doc(
                "b",
                "The firm signed a 48-hour contract for the repairs.",
                [{"surface": "48-hour", "value": 48, "si_value": 172800, **HOURS}],
                published="2022-01-01",
            ),
        ],
    )
    (_, _, _, fa, fact_a), (_, _, _, fb, fact_b) = facts(db)
    assert (fa, fb) == ("call duration", "contract duration") and fact_a != fact_b
    assert conflicts(db) == []


def test_dates_far_apart_are_different_facts(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    sentence = "Russia has massed {} troops at the border."
    load_docs(
        db,
        [
            claim_doc("a", sentence.format("100,000"), [troops("100,000", 100000)], published="2022-01-01"),
            claim_doc("b", sentence.format("175,000"), [troops("175,000", 175000)], published="2022-01-05"),
            claim_doc("c", sentence.format("60,000"), [troops("60,000", 60000)], published="2022-03-01"),
        ],
    )
    found = conflicts(db)
    assert [(a, b) for a, b, *_ in found] == [("a", "b")], found
    assert "4 days apart" in found[0][4] and found[0][4].startswith("both: troops deployed")


def test_claims_about_different_countries_are_not_compared(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    load_docs(
        db,
        [
            claim_doc(
                "a",
                "Fires burned 12,000 hectares in Spain this week.",
                [{"surface": "12,000 hectares", "value": 12000, "si_value": 1.2e8, **HECTARES}],
                published="2025-07-15",
            ),
            claim_doc(
                "b",
                "Fires burned 20,000 hectares in Portugal this week.",
                [{"surface": "20,000 hectares", "value": 20000, "si_value": 2e8, **HECTARES}],
                published="2025-07-15",
            ),
        ],
    )
    assert conflicts(db) == []


def test_an_undated_article_is_compared_without_a_day(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    load_docs(
        db,
        [
            claim_doc(
                "a",
                "As many as 100,000 troops are massed at the border.",
                [troops("100,000", 100000, qualifier="at_most", high=100000)],
                published="2022-01-01",
            ),
            claim_doc("b", "Russia has massed 175,000 troops at the border.", [troops("175,000", 175000)]),
        ],
    )
    assert {frozenset(x[:2]) for x in conflicts(db)} == {frozenset(("a", "b"))}


def test_a_figure_repeated_in_title_and_body_is_one_claim(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    text = "Russia masses 175,000 troops\n\nRussia has massed 175,000 troops at the border."
    load_docs(
        db,
        [
            claim_doc(
                "a",
                text,
                [troops("175,000", 175000), troops("175,000", 175000, occurrence=2)],
                published="2022-01-02",
            ),
            claim_doc(
                "b",
                "As many as 100,000 troops are massed at the border.",
                [troops("100,000", 100000, qualifier="at_most", high=100000)],
                published="2022-01-01",
            ),
        ],
    )
    assert len(conflicts(db)) == 1


def test_a_headline_figure_is_read_with_the_bodys_qualifier(tmp_path: Path) -> None:
    """"Strikes kill 56 civilians" over "at least 56 civilians were killed": the article does not disagree
    with another outlet's "at least 73"; it still disagrees with a lower "40" (both of its statements do)."""
    db = tmp_path / "w.duckdb"
    people = {"counted": "civilians", "concept": "civilians"}
    a_text = ("Strikes kill 56 civilians in Idlib\n\nAt least 56 civilians were killed in air strikes on a "
              "market in Idlib on Sunday, a monitor said.")
    load_docs(
        db,
        [
            claim_doc("a", a_text, [{"surface": "56", "value": 56, **people},
                                    {"surface": "At least 56", "value": 56, "qualifier": "at_least",
                                     "low": 56, **people}],
                      published="2016-06-13"),
            claim_doc("b", "At least 73 civilians were killed in air strikes on a market in Idlib on Sunday.",
                      [{"surface": "At least 73", "value": 73, "qualifier": "at_least", "low": 73, **people}],
                      published="2016-06-13"),
            claim_doc("c", "Air strikes on a market in Idlib killed 40 civilians on Sunday.",
                      [{"surface": "40", "value": 40, **people}], published="2016-06-13"),
        ],
    )
    assert len({fact for *_, fact in facts(db)}) == 1
    pairs = {(a, b, sa, sb) for a, b, sa, sb, _ in conflicts(db)}
    # "56" against "At least 73" would be a conflict on its own; the body's "At least 56" is not one
    assert not any({"a", "b"} == {x, y} for x, y, _, _ in pairs)
    assert {("c", "a", "40", "56"), ("c", "a", "40", "At least 56")} <= pairs


def test_one_toll_in_two_towns_is_two_facts(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    people = {"counted": "people", "concept": "people"}
    load_docs(
        db,
        [
            claim_doc(
                "a",
                "Air strikes on a market in Idlib killed 13 people on Sunday.",
                [{"surface": "13", "value": 13, **people}],
                published="2016-06-13",
            ),
            claim_doc(
                "b",
                "Air strikes on a market in Idlib killed at least 36 people on Sunday.",
                [{"surface": "36", "value": 36, "qualifier": "at_least", "low": 36, **people}],
                published="2016-06-13",
            ),
            claim_doc(
                "c",
                "Air strikes in Hasakah killed 9 people on Sunday.",
                [{"surface": "9", "value": 9, **people}],
                published="2016-06-13",
            ),
        ],
    )
    rows = {name: fact for name, _, _, _, fact in facts(db)}
    assert rows["a"] == rows["b"] != rows["c"]
    ((a, b, _, _, reason),) = conflicts(db)
    assert (a, b) == ("a", "b") and reason.startswith("both: people killed, Idlib, 12 Jun 2016, air strike")


def test_an_open_bound_is_rounded_like_the_figure_it_is_before_two_claims_conflict(tmp_path: Path) -> None:
    # "more than 1,400" may stand for 1,360: no contradiction with "1,300" (1,250-1,350), but "1,200" is one;
    # the stored interval keeps the warehouse contract, at_least -> [1,400, inf)
    db = tmp_path / "w.duckdb"
    people = {"counted": "people", "concept": "people"}
    sentence = "The chemical attack on the town of Douma killed {} people on Sunday, doctors said."
    load_docs(
        db,
        [
            claim_doc("a", sentence.format("more than 1,400"),
                      [{"surface": "more than 1,400", "value": 1400, "qualifier": "at_least", "low": 1400,
                        **people}],
                      published="2013-08-22"),
            claim_doc("b", sentence.format("1,300"), [{"surface": "1,300", "value": 1300, **people}],
                      published="2013-08-22"),
            claim_doc("c", sentence.format("1,200"), [{"surface": "1,200", "value": 1200, **people}],
                      published="2013-08-22"),
        ],
    )
    assert len({fact for *_, fact in facts(db)}) == 1
    assert [(a, b) for a, b, *_ in conflicts(db)] == [("c", "a")]
    with duckdb.connect(str(db), read_only=True) as con:
        low, high = con.execute("SELECT si_low_b, si_high_b FROM conflicts").fetchone()
    assert low == pytest.approx(1400) and high == float("inf")


@pytest.mark.parametrize(
    ("first", "second", "kw", "shown"),
    [
        # a crowd: the unions' "more than 40,000" against the police's 18,500 is the story's disagreement
        ("Police put the number of marchers at {}.", "Unions said {} people marched through the capital.",
         {}, True),
        # a toll: "at least 40 killed" against 18 is more often a whole against a part (identity.toml
        # conflict_at_least_penalty)
        ("Rescuers said {} people were killed.", "The regional government said {} people died.",
         {"counted": "people", "concept": "people"}, False),
    ],
)
def test_an_open_bound_against_a_smaller_figure_is_weaker_only_for_a_toll(
    tmp_path: Path, first: str, second: str, kw: dict, shown: bool
) -> None:
    db = tmp_path / "w.duckdb"
    big, small = ("more than 40,000", 40000.0), ("18,500", 18500.0)
    if not shown:
        big, small = ("at least 40", 40.0), ("18", 18.0)
    load_docs(
        db,
        [
            claim_doc("a", first.format(small[0]), [{"surface": small[0], "value": small[1], **kw}],
                      published="2027-10-20"),
            claim_doc("b", second.format(big[0]),
                      [{"surface": big[0], "value": big[1], "qualifier": "at_least", "low": big[1], **kw}],
                      published="2027-10-21"),
        ],
    )
    assert len({fact for *_, fact in facts(db)}) == 1
    assert bool(conflicts(db)) is shown


class TestCurrencies:
    def docs(self) -> list:
        return [
            claim_doc(
                "fr",
                "Le gouvernement a annoncé une aide de 1,9 milliard d'euros.",
                [{"surface": "1,9 milliard d'euros", "value": 1.9e9, **EUR}],
                lang="fr",
                published="2025-03-10",
            ),
            claim_doc(
                "en",
                "The government announced a $2.1bn relief package.",
                [{"surface": "$2.1bn", "value": 2.1e9, **USD}],
                published="2025-03-11",
            ),
            claim_doc(
                "es",
                "El Gobierno aprobó un plan de ayudas de 2.500 millones de euros.",
                [{"surface": "2.500 millones de euros", "value": 2.5e9, **EUR}],
                lang="es",
                published="2025-03-11",
            ),
        ]

    def test_different_currency_codes_are_never_compared_without_rates(self, tmp_path: Path) -> None:
        db = tmp_path / "w.duckdb"
        load_docs(db, self.docs())
        assert {frozenset(x[:2]) for x in conflicts(db)} == {frozenset(("fr", "es"))}

    def test_loaded_rates_convert_with_the_rate_of_the_articles_date(self, tmp_path: Path) -> None:
        from quantcheck.checks.loading import load_rates_file

        db = tmp_path / "w.duckdb"
        load_docs(db, self.docs())
        rates = tmp_path / "rates.csv"
        # 0.92 applies on 2025-03-11 (the English article); 0.70 on 2025-03-12 must not be used
        rates.write_text(
            "date,from,to,rate\n2025-03-07,USD,EUR,0.92\n2025-03-12,USD,EUR,0.70\n", encoding="utf-8"
        )
        assert load_rates_file(rates, str(db)) == 2
        pairs = {frozenset(x[:2]): x[4] for x in conflicts(db)}
        assert set(pairs) == {frozenset(("fr", "es")), frozenset(("en", "es"))}
        assert "converted with dated exchange rates" in pairs[frozenset(("en", "es"))]
        with duckdb.connect(str(db), read_only=True) as con:
            rate, day, nominal = con.execute(
                "SELECT rate, rate_date, nominal FROM claim_keys WHERE converted_from = 'USD'"
            ).fetchone()
        assert (rate, str(day), nominal) == (0.92, "2025-03-07", pytest.approx(2.1e9 * 0.92))

    def test_a_stale_rate_is_not_used(self, tmp_path: Path) -> None:
        from quantcheck.checks.loading import load_rates_file

        db = tmp_path / "w.duckdb"
        load_docs(db, self.docs())
        rates = tmp_path / "rates.csv"
        rates.write_text("date,from,to,rate\n2024-01-02,USD,EUR,0.92\n", encoding="utf-8")
        load_rates_file(rates, str(db))
        assert {frozenset(x[:2]) for x in conflicts(db)} == {frozenset(("fr", "es"))}


def test_frames_are_cached_and_only_new_mentions_are_read(tmp_path: Path) -> None:
    from quantcheck import checks

    db = tmp_path / "w.duckdb"
    load_docs(
        db,
        [
            claim_doc(
                "a",
                "Russia has massed 175,000 troops at the border.",
                [troops("175,000", 175000)],
                published="2022-01-02",
            )
        ],
    )
    con = duckdb.connect(str(db))
    try:
        assert checks.refresh(con)["new_frames"] == 0
        con.execute("UPDATE claim_frames SET lexicon_version = 'old'")
        assert checks.refresh(con)["new_frames"] == 1
    finally:
        con.close()


def test_the_warehouse_blocks_claims_as_the_definition_does(tmp_path: Path) -> None:
    """claims_for_comparison.sql writes each claim's block in SQL; checks.identity.block_key is the
    definition. On the sample corpus (four languages, counts and measures) both agree for every claim."""
    from test_checks_support import sample_warehouse

    from quantcheck.checks.claim_columns import frame_from_row
    from quantcheck.checks.identity import block_key
    from quantcheck.checks.lexicon import load_lexicon

    lex = load_lexicon()
    with duckdb.connect(str(sample_warehouse(tmp_path)), read_only=True) as con:
        rows = con.execute("SELECT k.block, k.kind, f.* FROM claim_keys k "
                           "JOIN claim_frames f USING (mention_id)").to_arrow_table().to_pylist()
    assert len(rows) > 40 and sum(r["block"] is not None for r in rows) > 20
    for r in rows:
        key = block_key(frame_from_row(r["mention_id"], r), r["kind"], lex)
        assert r["block"] == ("|".join(key) if key else None), r["mention_id"]


def test_a_count_the_extractor_named_no_concept_for_is_compared_by_its_group(tmp_path: Path) -> None:
    """The extractor sometimes names no concept ("dozens of people", a number word): the frame's group
    still makes the claim comparable, in the warehouse as in the definition."""
    db = tmp_path / "w.duckdb"
    text = "An air strike on a market in Idlib killed {} people on Sunday, rescuers said."
    load_docs(db, [
        claim_doc("a", text.format("13"), [{"surface": "13", "value": 13}], published="2016-06-12"),
        claim_doc("b", text.format("36"), [{"surface": "36", "value": 36}], published="2016-06-12"),
    ])
    rows = facts(db)
    assert [r[2] for r in rows] == [None, None]                 # no concept from the extractor ...
    assert rows[0][4] is not None and rows[0][4] == rows[1][4]  # ... one fact all the same
    assert len(conflicts(db)) == 1


def test_a_conversion_joins_its_figures_fact_and_is_never_a_conflict(tmp_path: Path) -> None:
    """"4,000 hectares (9,000 acres)" against another outlet's "4,000 hectares": 9,000 acres is 3,642 ha,
    outside 4,000's rounding, but it is the first outlet's own figure converted, not a rival claim."""
    db = tmp_path / "w.duckdb"
    acres = {"unit": "acre", "si_unit": "meter ** 2", "dimension": "[length] ** 2"}
    text = "The wildfire near Valencia burnt {} on Sunday, officials said."
    load_docs(db, [
        claim_doc("a", text.format("4,000 hectares (9,000 acres)"),
                  [{"surface": "4,000 hectares", "value": 4000, "si_value": 4.0e7, **HECTARES},
                   {"surface": "9,000 acres", "value": 9000, "si_value": 3.642e7, **acres}],
                  published="2025-07-13"),
        claim_doc("b", text.format("4,000 hectares"),
                  [{"surface": "4,000 hectares", "value": 4000, "si_value": 4.0e7, **HECTARES}],
                  published="2025-07-13"),
    ])
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT m.surface, k.fact_id, k.is_repeat FROM claim_keys k JOIN mentions m "
                           "USING (mention_id) ORDER BY m.start, k.source_id").fetchall()
        assert con.execute("SELECT n_documents FROM claim_groups").fetchall() == [(2,)]
    converted = [r for r in rows if r[0] == "9,000 acres"][0]
    assert converted[1] is not None and converted[2]                      # in the fact, as a repeat
    assert {r[1] for r in rows} == {converted[1]}
    assert conflicts(db) == []


def test_a_conversion_after_a_figure_without_a_fact_joins_no_other_fact(tmp_path: Path) -> None:
    """"killed 30 people ... only 3 km (2 miles) from the centre": "3 km" is compared with nothing, so its
    conversion is not either — never the toll's fact, the figure before it."""
    db = tmp_path / "w.duckdb"
    miles = {"unit": "mile", "si_unit": "meter", "dimension": "[length]"}
    km = {"unit": "kilometer", "si_unit": "meter", "dimension": "[length]"}
    text = ("The strike killed 30 people in Jobar on Sunday. Jobar lies only 3 km (2 miles) from the "
            "centre.")
    load_docs(db, [
        claim_doc("a", text, [{"surface": "30", "value": 30, "counted": "people", "concept": "people"},
                              {"surface": "3 km", "value": 3, "si_value": 3000.0, **km},
                              {"surface": "2 miles", "value": 2, "si_value": 3218.7, **miles}],
                  published="2016-06-13"),
    ])
    with duckdb.connect(str(db), read_only=True) as con:
        facts = dict(con.execute("SELECT m.surface, k.fact_id FROM claim_keys k JOIN mentions m "
                                 "USING (mention_id)").fetchall())
    assert facts["30"] is not None and facts["2 miles"] == facts["3 km"]


def test_the_columns_read_in_sql_equal_the_frames_read_in_python(tmp_path: Path) -> None:
    """The refresh builds its FrameTable from Arrow columns (checks/claim_columns.py); FrameTable.build reads
    Frame objects. On the sample corpus and two sentences with parts of a toll, both give the same flags,
    days and spans, and ids that split the claims the same way."""
    import numpy as np
    from test_checks_support import copy_warehouse, sample_warehouse

    from quantcheck.checks.claim_columns import frame_from_row, frame_table
    from quantcheck.checks.identity import load_settings
    from quantcheck.checks.lexicon import load_lexicon
    from quantcheck.checks.pair_scores import FrameTable

    lex, st = load_lexicon(), load_settings()
    (tmp_path / "copy").mkdir()
    db = copy_warehouse(sample_warehouse(tmp_path), tmp_path / "copy")  # the sample file is shared
    people = {"counted": "people", "concept": "people"}
    load_docs(db, [
        claim_doc("p", "Police arrested 190 people across France on Thursday, 92 of them in Paris.",
                  [{"surface": "190", "value": 190, **people}, {"surface": "92", "value": 92, **people}],
                  published="2026-09-18"),
        claim_doc("q", "The strike killed 58 people including 11 children on Sunday.",
                  [{"surface": "58", "value": 58, **people}, {"surface": "11", "value": 11, **people}],
                  published="2016-06-13"),
    ])
    with duckdb.connect(str(db), read_only=True) as con:
        table = con.execute("SELECT f.*, m.document_id FROM claim_frames f "
                            "JOIN mentions m USING (mention_id) ORDER BY f.mention_id").to_arrow_table()
    rows = table.to_pylist()
    from_sql = frame_table(table, lex, st)
    frames = [frame_from_row(r["mention_id"], r) for r in rows]
    from_python = FrameTable.build(frames, [r["document_id"] for r in rows], lex, st)
    subgroup = np.asarray([f.part == "subgroup" for f in frames])
    # "92 of them" and "11 children" are parts of their article's figure
    assert np.array_equal(from_python.subgroup, subgroup) and subgroup.sum() == 2
    for name in FrameTable.__dataclass_fields__:
        left, right = getattr(from_sql, name), getattr(from_python, name)
        if name in ("fine_group", "cc", "region", "spot", "place_sk", "entity", "what", "wording", "document",
                    "families"):
            # ids: equal where the other side's ids are equal
            assert np.array_equal(left[:, None] == left[None, :], right[:, None] == right[None, :]), name
        elif name == "day":  # days since two different epochs, -1 when undated
            assert np.array_equal(left < 0, right < 0) and len(set((left - right)[left >= 0])) == 1
        else:
            assert np.array_equal(left, right, equal_nan=left.dtype.kind == "f"), name
