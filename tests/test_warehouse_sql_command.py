"""``quantcheck sql``: one read-only query, readable output, and no way to change anything.

Every write or escape attempt (DROP, INSERT, UPDATE, DELETE, CREATE, ALTER, ATTACH, COPY TO, EXPORT,
INSTALL, LOAD, SET, reading other files) fails with a clear error, exit status 1, and leaves the
warehouse file byte-identical and no file written.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_warehouse_support import file_digest, make_doc

from quantcheck.flows.cli import main
from quantcheck.warehouse.db import open_writer


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("sql") / "w.duckdb"
    with open_writer(db) as w:
        w.start_run("flow-1")
        w.load_batch([make_doc("one", 2), make_doc("two", 1)])
        w.skip("https://down.test/feed", "HTTP 500")
    return db


def sql(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["sql", "--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


ATTEMPTS = {
    "drop": "DROP TABLE documents",
    "insert": "INSERT INTO sources VALUES ('x', 'x', 'x', 'x', NULL, now())",
    "update": "UPDATE documents SET title = 'pwned'",
    "delete": "DELETE FROM mentions",
    "create": "CREATE TABLE evil (x INT)",
    "create view": "CREATE VIEW evil AS SELECT 1",
    "alter": "ALTER TABLE runs ADD COLUMN x INT",
    "attach": "ATTACH '{tmp}/other.duckdb' AS other",
    "copy to": "COPY documents TO '{tmp}/leak.csv'",
    "copy query to": "COPY (SELECT text FROM documents) TO '{tmp}/leak.parquet' (FORMAT parquet)",
    "export": "EXPORT DATABASE '{tmp}/dump'",
    "install": "INSTALL httpfs",
    "load": "LOAD httpfs",
    "set": "SET enable_external_access = true",
    "set threads": "SET threads = 1",
    "read other files": "SELECT * FROM read_csv('/etc/passwd')",
    "transaction": "BEGIN; DROP TABLE runs; COMMIT",
    "two statements": "SELECT 1; SELECT 2",
    "call": "CALL enable_logging()",
    "pragma statement": "PRAGMA enable_profiling",
    "explain analyze": "EXPLAIN ANALYZE SELECT * FROM claims",
    "sql in a string": "SELECT * FROM query('SELECT 1')",
    "state-changing table function": "SELECT count(*) FROM claims, disable_logging()",
    "hidden in a subquery": "SELECT (SELECT count(*) FROM truncate_duckdb_logs()) AS n",
}


@pytest.mark.parametrize("name", sorted(ATTEMPTS))
def test_write_and_escape_attempts_fail_and_change_nothing(
    name: str, warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = file_digest(warehouse)
    code, out, err = sql(warehouse, ATTEMPTS[name].format(tmp=tmp_path), capsys=capsys)
    assert code == 1 and out == ""
    assert err.startswith("error: ") and ("read-only" in err or "disabled" in err or "locked" in err), err
    assert "Traceback" not in err
    assert file_digest(warehouse) == before
    assert list(tmp_path.iterdir()) == [], "nothing was written anywhere"
    code, out, _ = sql(warehouse, "--format", "csv", "SELECT count(*) AS n FROM documents", capsys=capsys)
    assert (code, out) == (0, "n\n2\n")


@pytest.mark.parametrize("where", ["CALL", "SELECT * FROM"])
def test_logging_to_a_file_is_refused_before_it_can_crash_the_process(
    where: str, warehouse: Path, tmp_path: Path
) -> None:
    """DuckDB 1.5.5 accepts enable_logging(storage='file') despite lock_configuration, after which every
    query fails and closing the connection aborts the process: the guard must refuse it first."""
    query = f"{where} enable_logging(storage = 'file', storage_path = '{tmp_path}/logs')"
    proc = subprocess.run(
        [sys.executable, "-m", "quantcheck.flows.cli", "sql", "--db", str(warehouse), query],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    assert "not allowed" in proc.stderr or "only queries are allowed" in proc.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("query", [
    "DESCRIBE claims", "SHOW TABLES", "SUMMARIZE SELECT value FROM claims", "FROM claims LIMIT 1",
    "SELECT * FROM pragma_table_info('claims')", "SELECT view_name, comment FROM duckdb_views()",
    "WITH c AS (SELECT * FROM claims) SELECT count(*) FROM c", "SELECT * FROM range(3)",
])
def test_ordinary_inspection_queries_are_allowed(
    query: str, warehouse: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = sql(warehouse, query, capsys=capsys)
    assert code == 0 and out and not err, err


def test_table_output_is_aligned(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = sql(warehouse, "SELECT surface, value, unit, sentence FROM claims ORDER BY claim_id",
                       capsys=capsys)
    assert code == 0
    lines = out.splitlines()
    assert [c.strip() for c in lines[0].split(" | ")] == ["surface", "value", "unit", "sentence"]
    assert set(lines[1]) <= {"-", "+"}
    assert lines[-1] == "(3 rows)"
    bars = [i for i, ch in enumerate(lines[0]) if ch == "|"]
    for line in lines[2:-1]:  # every row has its separators under the header's
        assert [i for i, ch in enumerate(line) if ch == "|"] == bars
    values = sorted(line.split(" | ")[1] for line in lines[2:-1])
    assert values == ["   10", " 1000", " 1000"]  # numbers right-aligned
    code, out, _ = sql(warehouse, "--max-width", "12", "SELECT sentence FROM claims LIMIT 1", capsys=capsys)
    assert out.splitlines()[2].endswith("…") and len(out.splitlines()[2]) == 12


def test_csv_and_json_output(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = "SELECT claim_id, surface, value, published_at, NULL AS nothing FROM claims ORDER BY claim_id"
    code, out, _ = sql(warehouse, "--format", "csv", query, capsys=capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 3 and rows[0]["surface"] == "1000" and rows[0]["nothing"] == ""
    code, out, _ = sql(warehouse, "--format", "json", query, capsys=capsys)
    records = json.loads(out)
    assert [r["surface"] for r in records] == [r["surface"] for r in rows]
    assert records[0]["value"] == 1000.0 and records[0]["nothing"] is None
    assert records[0]["published_at"] == "2024-03-01T09:00:00+00:00"
    code, out, _ = sql(warehouse, "--format", "json", "SELECT status, skipped FROM runs", capsys=capsys)
    assert json.loads(out) == [{"status": "completed",
                                "skipped": [{"item": "https://down.test/feed", "reason": "HTTP 500"}]}]


def test_bad_sql_and_missing_warehouse(
    warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = sql(warehouse, "SELEC nonsense", capsys=capsys)
    assert code == 1 and out == "" and "syntax error" in err.lower()
    code, out, err = sql(tmp_path / "missing.duckdb", "SELECT 1", capsys=capsys)
    assert code == 2 and out == "" and "no warehouse at" in err and "quantcheck run" in err
    assert not (tmp_path / "missing.duckdb").exists(), "a read-only query never creates a warehouse"
    garbage = tmp_path / "notes.duckdb"
    garbage.write_bytes(b"this is not a database\n" * 100)
    before = file_digest(garbage)
    code, out, err = sql(garbage, "SELECT 1", capsys=capsys)
    assert code == 2 and out == "" and "cannot open the warehouse" in err and "Traceback" not in err
    assert file_digest(garbage) == before


def test_the_installed_command_uses_quantcheck_db(warehouse: Path, tmp_path: Path) -> None:
    env = {"QUANTCHECK_DB": str(warehouse), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-m", "quantcheck.flows.cli", "sql", "--format", "csv",
         "SELECT count(*) AS n FROM claims"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60,
    )
    assert (proc.returncode, proc.stdout) == (0, "n\n3\n"), proc.stderr
