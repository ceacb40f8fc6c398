"""checks.refresh skips a run that changed none of its inputs, and rebuilds whenever one changed.

Real warehouse files written through the real writer (which calls checks.refresh before publishing);
each test compares what the views say after a skipped or incremental refresh with a forced full rebuild.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
from test_checks_support import claim_doc, load_docs

from quantcheck import checks
from quantcheck.checks.loading import load_rates_file

EUR = {"unit": "EUR", "si_unit": "EUR", "dimension": "currency_EUR"}
USD = {"unit": "USD", "si_unit": "USD", "dimension": "currency_USD"}


def troops(surface: str, value: float) -> dict:
    return {"surface": surface, "value": value, "concept": "troops"}


def first_docs() -> list:
    return [
        claim_doc("a", "Russia has massed 100,000 troops at the border.", [troops("100,000", 100000)],
                  published="2022-01-01"),
        claim_doc("b", "Russia has massed 175,000 troops at the border.", [troops("175,000", 175000)],
                  published="2022-01-02"),
    ]


def snapshot(con: duckdb.DuckDBPyConnection) -> tuple[list, list, list]:
    return (
        con.execute("SELECT * FROM claim_keys ORDER BY mention_id").fetchall(),
        con.execute("SELECT claim_a, claim_b, reason FROM conflicts ORDER BY ALL").fetchall(),
        con.execute("SELECT * FROM claim_groups ORDER BY fact_id").fetchall(),
    )


def test_a_refresh_with_nothing_new_is_skipped_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    load_docs(db, first_docs())
    with duckdb.connect(str(db)) as con:
        before = snapshot(con)
        assert len(before[1]) == 1
        out = checks.refresh(con)
        assert out["skipped"] == 1 and out["claim_keys"] == 2
        assert snapshot(con) == before
        forced = checks.refresh(con, force=True)
        assert forced["skipped"] == 0 and snapshot(con) == before


def test_new_documents_are_not_skipped_and_match_a_full_rebuild(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    load_docs(db, first_docs())
    load_docs(db, [claim_doc("c", "Russia has massed 40,000 troops at the border.", [troops("40,000", 40000)],
                             published="2022-01-03")])
    with duckdb.connect(str(db)) as con:
        incremental = snapshot(con)
        assert len(incremental[0]) == 3 and len(incremental[1]) == 3
        assert checks.refresh(con)["skipped"] == 1
        checks.refresh(con, force=True)
        assert snapshot(con) == incremental


def test_each_input_change_triggers_a_rebuild(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    load_docs(db, [
        claim_doc("fr", "Le plan d'aide de 2 milliards d'euros a été voté.",
                  [{"surface": "2 milliards d'euros", "value": 2e9, **EUR}], lang="fr",
                  published="2024-01-03"),
        claim_doc("es", "El plan de ayuda de 1.000 millones de dólares fue aprobado.",
                  [{"surface": "1.000 millones de dólares", "value": 1e9, **USD}], lang="es",
                  published="2024-01-03"),
    ])
    with duckdb.connect(str(db)) as con:
        assert snapshot(con)[1] == []          # EUR and USD: never compared without rates
    rates = tmp_path / "rates.csv"
    rates.write_text("date,from,to,rate\n2024-01-02,USD,EUR,0.92\n", encoding="utf-8")
    load_rates_file(rates, str(db))           # only a rate changed: the refresh must not be skipped
    with duckdb.connect(str(db)) as con:
        assert len(snapshot(con)[1]) == 1
        # a table emptied behind refresh's back, or a changed published date, is rebuilt too
        con.execute("DELETE FROM claim_keys")
        assert checks.refresh(con)["skipped"] == 0 and len(snapshot(con)[1]) == 1
        con.execute("UPDATE documents SET published_at = published_at + INTERVAL 30 DAY "
                    "WHERE document_id = (SELECT min(document_id) FROM documents)")
        assert checks.refresh(con)["skipped"] == 0 and snapshot(con)[1] == []
