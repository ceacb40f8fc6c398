"""``quantcheck sql`` has time, memory, spill and row limits, and guards the views of the file it opens
(issue 14, defects 8 and 10). Real DuckDB files, the real command (in this process, or as a child
process where memory is measured).

Used to: ``SELECT count(*) FROM range(100000000000000)`` ran for ever; ``SELECT * FROM range(30000000)``
loaded every row into Python (2.7 GB); a large GROUP BY could spill up to 90 % of the free disk into
``<db>.tmp/`` beside the warehouse; a view over ``query(...)`` in a file passed with ``--db`` ran
unchecked; a plain ``PIVOT`` was refused as "2 statements given".
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pytest
from reliability.recorder import case_log
from reliability.warehouse_state import dir_listing, file_sha256
from test_reliability_sql import run_sql_command

from quantcheck.warehouse.db import open_writer
from quantcheck.warehouse.records import DocumentIn


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("sqllimits") / "w.duckdb"
    with open_writer(db, wait_seconds=30) as w:
        w.start_run()
        w.load_batch([DocumentIn(source="s", text=f"Article {i}: 12 km.", lang="fr") for i in range(3)])
    return db


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temporary folder of this test, to see what the command leaves there."""
    folder = tmp_path / "systmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return folder


@pytest.mark.timeout(60)
def test_a_query_that_runs_for_ever_is_stopped(warehouse: Path, request) -> None:
    record = case_log(request).record("`quantcheck sql` resource limits",
                                      "count(*) over 10^14 rows, --timeout 2")
    started = time.monotonic()
    code, out, err = run_sql_command("--db", str(warehouse), "--timeout", "2",
                                     "SELECT count(*) FROM range(100000000000000)")
    elapsed = time.monotonic() - started
    record.observed(err.strip(), "file byte-identical")
    assert code == 1 and out == ""
    assert err.strip() == ("error: the query ran longer than 2 s and was stopped (--timeout 2; --timeout 0 "
                           "for no limit)")
    assert elapsed < 15


def test_table_output_is_capped_and_says_so(warehouse: Path, request) -> None:
    record = case_log(request).record("`quantcheck sql` resource limits", "50,000 rows in table format")
    code, out, _ = run_sql_command("--db", str(warehouse), "SELECT * FROM range(50000)")
    lines = out.splitlines()
    record.observed(lines[-1], "—")
    assert code == 0 and len(lines) == 2 + 10_000 + 1
    assert lines[-1].startswith("(first 10,000 rows shown; the query returned more")
    code, out, _ = run_sql_command("--db", str(warehouse), "--max-rows", "0", "SELECT * FROM range(50000)")
    assert out.splitlines()[-1] == "(50000 rows)"


def test_rows_are_streamed_not_loaded(warehouse: Path, request) -> None:
    """Peak memory of a child writing 5,000,000 rows as CSV: bounded, not proportional to the result."""
    record = case_log(request).record("`quantcheck sql` resource limits", "5,000,000 rows as CSV")
    script = (
        "import resource, subprocess, sys\n"
        "p = subprocess.run([sys.argv[1], 'sql', '--db', sys.argv[2], '--format', 'csv', '--timeout', '0',\n"
        "                    'SELECT * FROM range(5000000)'], stdout=subprocess.PIPE)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(p.returncode, p.stdout.count(b'\\n'), peak)\n"
    )
    quantcheck = str(Path(sys.executable).parent / "quantcheck")
    done = subprocess.run([sys.executable, "-c", script, quantcheck, str(warehouse)], capture_output=True,
                          text=True, timeout=600)
    code, lines, peak_kb = map(int, done.stdout.split())
    record.observed(f"exit {code}; {lines - 1:,} rows written; peak memory {peak_kb // 1024} MB", "—")
    assert code == 0 and lines == 5_000_001
    assert peak_kb < 300 * 1024, f"peak RSS {peak_kb // 1024} MB for a streamed result"


def test_a_large_group_by_spills_only_into_a_private_folder(warehouse: Path, private_tmp: Path,
                                                           request) -> None:
    record = case_log(request).record("`quantcheck sql` resource limits",
                                      "GROUP BY of 5,000,000 keys with --memory-limit 64MB")
    before, listing = file_sha256(warehouse), dir_listing(warehouse.parent)
    code, out, err = run_sql_command(
        "--db", str(warehouse), "--memory-limit", "64MB", "--format", "json",
        "SELECT count(*) AS n FROM (SELECT i % 5000000 AS k, count(*) FROM range(10000000) t(i) GROUP BY k)")
    record.observed(err.strip() or f"answered: {out.strip()}; spilled into a private folder, removed",
                    "file byte-identical, no file beside it, temporary folder empty")
    assert code == 0, err
    assert json.loads(out) == [{"n": 5_000_000}]
    assert file_sha256(warehouse) == before and dir_listing(warehouse.parent) == listing
    assert not Path(str(warehouse) + ".tmp").exists()
    assert list(private_tmp.iterdir()) == [], "the private spill folder was not removed"


def _hostile_copy(warehouse: Path, tmp_path: Path, ddl: str) -> Path:
    """A copy of the warehouse in which someone added a view or a macro."""
    copy = tmp_path / "hostile.duckdb"
    copy.write_bytes(warehouse.read_bytes())
    con = duckdb.connect(str(copy))
    con.execute(ddl)
    con.close()
    return copy


HOSTILE_DEFINITIONS = {
    "view over query()": "CREATE VIEW innocent AS SELECT * FROM query('SELECT 42 AS answer')",
    "view with a table function in a subquery": (
        "CREATE VIEW innocent AS SELECT (SELECT count(*) FROM query_table('runs')) AS n"),
    "scalar macro over query()": "CREATE MACRO innocent(x) AS (SELECT count(*) FROM query('SELECT 1'))",
    "table macro over query()": "CREATE MACRO innocent() AS TABLE SELECT * FROM query('SELECT 1')",
}


@pytest.mark.parametrize("name", list(HOSTILE_DEFINITIONS))
def test_views_and_macros_of_the_file_are_guarded(name: str, warehouse: Path, tmp_path: Path,
                                                    request) -> None:
    record = case_log(request).record("SQL guard: views and macros of a --db file", name)
    copy = _hostile_copy(warehouse, tmp_path, HOSTILE_DEFINITIONS[name])
    before = file_sha256(copy)
    code, out, err = run_sql_command("--db", str(copy), "SELECT 1 AS one")
    record.observed(err.strip()[:160], "file byte-identical")
    assert code == 1 and out == ""
    assert "of this database is not a plain query" in err and "query" in err, err
    assert file_sha256(copy) == before


def test_the_warehouse_s_own_views_pass(warehouse: Path) -> None:
    code, out, err = run_sql_command("--db", str(warehouse), "--format", "json",
                                     "SELECT count(*) AS n FROM claims")
    assert (code, err) == (0, "") and json.loads(out) == [{"n": 0}]


def test_pivot_is_one_query(warehouse: Path, request) -> None:
    record = case_log(request).record("SQL guard: views and macros of a --db file", "plain PIVOT")
    code, out, err = run_sql_command("--db", str(warehouse), "--format", "json",
                                     "PIVOT (SELECT status FROM runs) ON status USING count(*)")
    record.observed(err.strip() or "answered", "—")
    assert (code, err) == (0, "")
    assert json.loads(out) == [{"completed": 1}]
    code, _, err = run_sql_command("--db", str(warehouse),
                                   "PIVOT (SELECT * FROM query('SELECT 1 AS a')) ON a USING count(*)")
    assert code == 1 and "table function(s) query are not allowed" in err
    code, _, err = run_sql_command("--db", str(warehouse), "SELECT 1; SELECT 2")
    assert code == 1 and "(2 statements given)" in err
