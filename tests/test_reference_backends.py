"""`quantcheck reference load|rates` on both backends: the embedded DuckDB file and a DuckLake (issue 13).

DuckLake tables have no primary keys, so the embedded file's INSERT OR REPLACE failed there with a
BinderException; every write now goes through the Writer with SQL per backend. Real parts: the CLI's
``main``, a real DuckDB file and a real DuckLake whose catalog is a local SQLite file (no PostgreSQL
needed), filled by a real run through the writer first. Loading the same files twice must not duplicate a
row, a changed row replaces the stored one, and both backends end with the same rows in the tables the
files fill and in what checks.refresh derives from them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_scaleout_ducklake import load, sample_batches

from quantcheck.flows.cli import main
from quantcheck.flows.warehouse_writer import open_run_writer
from quantcheck.warehouse.db import connect_read_only, is_lake

FACTS_CSV = """fact_id,concept,subject,value,low,high,unit,as_of,source
troops-border,troops,soldiers massed at the border,,100000,120000,,2025-12-30,Pentagon
burned-area,,forest burned by the fire,20000,,,mile**2,2025-12-31,Forest service
package,,the package's worth,1.9e9,,,USD,2025-12-30,Treasury
"""
FACTS_CHANGED_CSV = FACTS_CSV.replace("1.9e9,,,USD", "2.0e9,,,USD")
RATES_CSV = "date,from,to,rate,source\n2025-12-30,USD,EUR,0.92,ECB\n2025-12-31,USD,EUR,0.93,ECB\n"
RATES_CHANGED_CSV = RATES_CSV.replace("0.93", "0.94")


@pytest.fixture(params=["file", "lake"])
def warehouse(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A warehouse a run has filled: an embedded DuckDB file, or a DuckLake with a SQLite catalog."""
    db = (str(tmp_path / "w.duckdb") if request.param == "file"
          else f"ducklake:sqlite:{tmp_path / 'lake' / 'catalog.sqlite'}")
    assert is_lake(db) == (request.param == "lake")
    with open_run_writer(db) as writer:
        writer.start_run("fill")
        load(writer, sample_batches())
    return db


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def rows(db: str, sql: str) -> list[tuple]:
    con = connect_read_only(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


FACT_ROWS = ("SELECT fact_id, subject, value, low, high, si_value, si_unit FROM reference_facts "
             "ORDER BY fact_id")
RATE_ROWS = 'SELECT "date", "from", "to", rate, source FROM exchange_rates ORDER BY ALL'


def test_reference_facts_load_twice_without_duplicates_and_replace_by_id(
    warehouse: str, tmp_path: Path
) -> None:
    facts = write(tmp_path, "facts.csv", FACTS_CSV)
    assert main(["reference", "load", facts, "--db", warehouse]) == 0
    first = rows(warehouse, FACT_ROWS)
    assert [r[0] for r in first] == ["burned-area", "package", "troops-border"]
    assert main(["reference", "load", facts, "--db", warehouse]) == 0
    assert rows(warehouse, FACT_ROWS) == first
    changed = write(tmp_path, "changed.csv", FACTS_CHANGED_CSV)
    assert main(["reference", "load", changed, "--db", warehouse]) == 0
    after = rows(warehouse, FACT_ROWS)
    assert len(after) == 3 and dict((r[0], r[2]) for r in after)["package"] == 2.0e9
    assert [r for r in after if r[0] != "package"] == [r for r in first if r[0] != "package"]
    # the writer ran checks.refresh before publishing: the derived reference keys follow the facts
    assert rows(warehouse, "SELECT count(DISTINCT fact_id) FROM reference_keys") == [(3,)]


def test_rates_load_twice_without_duplicates_and_replace_by_day_and_currencies(
    warehouse: str, tmp_path: Path
) -> None:
    rates = write(tmp_path, "rates.csv", RATES_CSV)
    assert main(["reference", "rates", rates, "--db", warehouse]) == 0
    assert main(["reference", "rates", rates, "--db", warehouse]) == 0
    assert [r[3] for r in rows(warehouse, RATE_ROWS)] == [0.92, 0.93]
    changed = write(tmp_path, "changed.csv", RATES_CHANGED_CSV)
    assert main(["reference", "rates", changed, "--db", warehouse]) == 0
    assert [(str(r[0]), r[1], r[2], r[3]) for r in rows(warehouse, RATE_ROWS)] == [
        ("2025-12-30", "USD", "EUR", 0.92), ("2025-12-31", "USD", "EUR", 0.94)]


def test_a_refused_file_changes_nothing_on_either_backend(warehouse: str, tmp_path: Path) -> None:
    assert main(["reference", "load", write(tmp_path, "facts.csv", FACTS_CSV), "--db", warehouse]) == 0
    before = rows(warehouse, FACT_ROWS)
    bad = write(tmp_path, "bad.csv", FACTS_CSV + "broken,,,not-a-number,,,,,\n")
    assert main(["reference", "load", bad, "--db", warehouse]) == 1
    assert rows(warehouse, FACT_ROWS) == before


def test_both_backends_end_with_the_same_rows(tmp_path: Path) -> None:
    """The same files loaded into a file and a lake give the same stored and derived rows."""
    got = {}
    for kind, db in (("file", str(tmp_path / "w.duckdb")),
                     ("lake", f"ducklake:sqlite:{tmp_path / 'lake' / 'catalog.sqlite'}")):
        with open_run_writer(db) as writer:
            load(writer, sample_batches())
        for name, text in (("facts.csv", FACTS_CSV), ("changed.csv", FACTS_CHANGED_CSV)):
            assert main(["reference", "load", write(tmp_path, f"{kind}-{name}", text), "--db", db]) == 0
        assert main(["reference", "rates", write(tmp_path, f"{kind}-rates.csv", RATES_CSV), "--db", db]) == 0
        got[kind] = [rows(db, FACT_ROWS), rows(db, RATE_ROWS),
                     rows(db, "SELECT * FROM reference_keys ORDER BY ALL"),
                     rows(db, "SELECT fact_id, surface, verdict FROM checks ORDER BY ALL")]
    assert got["lake"] == got["file"]
    assert len(got["file"][2]) >= 3  # every fact has its keys (checks.refresh ran on both backends)

