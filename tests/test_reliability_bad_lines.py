"""A file of many bad lines is reported once, briefly (issue 14, defect 5). Real files, real flow runs,
a real DuckDB file.

Used to: a JSON Lines file of 100,000 invalid lines took 100 s, wrote 18.7 MB of warnings (each also
sent to the Prefect API: PREFECT_HOME grew by 66 MB), stored a 16.2 MB ``runs.skipped`` cell, and the
next run over the unchanged file did it all again. Now a file lists at most MAX_SKIPPED_PER_FILE items
plus one summary ("and 99,980 more skipped lines …"), a source at most MAX_SKIPPED_PER_SOURCE, the log
at most MAX_LOGGED_SKIPS lines plus one, and a run does not list again the items of a local file that
did not change since a completed run listed them (it adds one note saying so).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from quantcheck.flows.config import Settings, SourceConfig
from quantcheck.flows.pipeline import MAX_LOGGED_SKIPS, log_skipped
from quantcheck.flows.sources import MAX_SKIPPED_PER_FILE, MAX_SKIPPED_PER_SOURCE, read_source
from quantcheck.warehouse.db import connect_read_only

BAD_LINES = 100_000


def bad_jsonl(path: Path, bad: int = BAD_LINES) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": "Environ 45 kilomètres de bouchons."}) + "\n")
        for i in range(bad):
            fh.write(f"{{not json {i}\n")
    return path


def test_the_lines_of_one_file_are_capped_and_summarised(tmp_path: Path) -> None:
    path = bad_jsonl(tmp_path / "bad.jsonl")
    result = read_source(SourceConfig("bad", "file", str(path)), Settings())
    assert len(result.documents) == 1
    assert len(result.skipped) == MAX_SKIPPED_PER_FILE + 1
    assert result.skipped[0].location == f"{path}:2"
    summary = result.skipped[-1]
    more = BAD_LINES - MAX_SKIPPED_PER_FILE
    assert summary.location == str(path)
    assert summary.reason == (f"and {more:,} more skipped lines ({more:,} invalid JSON), "
                              f"the last: {path}:{BAD_LINES + 1}")
    st = path.stat()
    assert {s.fingerprint for s in result.skipped} == {f"{st.st_size}:{st.st_mtime_ns}"}


def test_a_source_lists_at_most_its_cap(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(MAX_SKIPPED_PER_SOURCE + 150):
        (folder / f"f{i:05d}.doc").write_bytes(b"x")
    result = read_source(SourceConfig("many", "folder", str(folder)), Settings())
    assert len(result.skipped) == MAX_SKIPPED_PER_SOURCE + 1
    assert result.skipped[-1].reason.startswith(
        "and 150 more skipped items in this source (150 unsupported file type '.doc' ")


def test_the_log_is_aggregated() -> None:
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())

    log = logging.getLogger("test-aggregate")
    log.addHandler(Collect())
    log.propagate = False
    log_skipped(log, [{"item": f"i{i}", "reason": "r", "source": "s"} for i in range(5000)], 7)
    assert len(records) == MAX_LOGGED_SKIPS + 1
    assert records[-1] == "skipped 4980 more item(s) from s; all are listed in runs.skipped of run 7"


def _runs(db: Path) -> list[tuple[int, list]]:
    con = connect_read_only(db)
    try:
        rows = con.execute("SELECT run_id, skipped FROM runs ORDER BY run_id").fetchall()
    finally:
        con.close()
    return [(r, json.loads(s)) for r, s in rows]


def test_an_unchanged_file_is_not_reported_again(tmp_path: Path, prefect_harness) -> None:
    from quantcheck.flows.pipeline import quantcheck_pipeline

    path = bad_jsonl(tmp_path / "bad.jsonl", 30_000)
    db = tmp_path / "w.duckdb"
    for _ in range(2):
        quantcheck_pipeline(db=str(db), sources=[str(path)])
    with path.open("a", encoding="utf-8") as fh:  # the file changes: its items are listed again
        fh.write("{still not json\n")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    third = quantcheck_pipeline(db=str(db), sources=[str(path)])
    (r1, first), (r2, second), (r3, again) = _runs(db)
    assert len(first) == MAX_SKIPPED_PER_FILE + 1 and len(json.dumps(first)) < 10_000
    assert all("fingerprint" not in e and "file" not in e for e in first)
    assert second == [{"item": str(path), "reason": f"unchanged since run {r1}, which listed its skipped "
                       f"items: {MAX_SKIPPED_PER_FILE + 1} entries not listed again", "source": "bad"}]
    assert len(again) == MAX_SKIPPED_PER_FILE + 1 and again[-1]["reason"].startswith("and 29,981 more")
    assert third["skipped"] == again
