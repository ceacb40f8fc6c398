"""Concurrency and crash safety with REAL second processes (DuckDB's file locks are per process).

What each case shows:
- a fact-checker holding the public file open read-only never makes a run fail; they keep querying
  their snapshot, and a new connection sees the new data;
- a reader re-opening the file during many publishes never sees a torn or half-loaded warehouse;
- a writer killed with SIGKILL in the middle of a load leaves master and public byte-identical to before,
  and the next run completes;
- two overlapping runs are serialised by the lock (the second waits, or gives up with WarehouseBusy);
  never a double load;
- a process holding the public file READ-WRITE does not make the run fail or lose data: the snapshot is
  published by the next run once the file is free, and its WAL is never replayed into the new snapshot.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from test_warehouse_support import counts, file_digest, make_docs

from quantcheck.warehouse.db import WarehouseBusy, connect_read_only, open_writer, publish_now

SUPPORT = Path(__file__).with_name("test_warehouse_support.py")


def spawn(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(SUPPORT), *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, cwd=SUPPORT.parent,
    )


def read_json(proc: subprocess.Popen, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    line = proc.stdout.readline()
    if not line:
        proc.wait(max(deadline - time.monotonic(), 1))
        raise AssertionError(f"child exited {proc.returncode}: {proc.stderr.read()}")
    return json.loads(line)


def seed(db: Path, prefix: str = "seed", n: int = 3) -> None:
    with open_writer(db) as w:
        w.load_batch(make_docs(prefix, n))


def master_of(db: Path) -> Path:
    return db.with_name(db.name + ".d") / "master.duckdb"


def test_reader_holding_the_file_does_not_block_a_run(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    seed(db)
    reader = spawn("reader", str(db))
    try:
        assert read_json(reader) == {"ready": 3}
        with open_writer(db, wait_seconds=5) as w:  # the run succeeds while the reader holds the file
            assert w.load_batch(make_docs("new", 4)).documents_added == 4
        reader.stdin.write("count\n")
        reader.stdin.flush()
        assert read_json(reader) == {"count": 3}, "the open reader keeps its snapshot"
        fresh = spawn("reader", str(db))
        assert read_json(fresh) == {"ready": 7}, "a new reader sees the run's data"
        fresh.stdin.close()
        fresh.wait(30)
        reader.stdin.write("count\n")
        reader.stdin.flush()
        assert read_json(reader) == {"count": 3}
    finally:
        reader.stdin.close()
        assert reader.wait(30) == 0, reader.stderr.read()


def test_readers_never_see_a_torn_warehouse_during_publishes(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    seed(db)
    stop = tmp_path / "stop"
    reader = spawn("reopen", str(db), str(stop))
    assert read_json(reader) == {"started": True}
    for i in range(4):
        with open_writer(db) as w:
            w.load_batch(make_docs(f"p{i}", 2, n_mentions=2))
    stop.touch()
    result = read_json(reader)
    assert reader.wait(30) == 0, (result, reader.stderr.read())
    assert result["opens"] > 4, "the reader opened the file while runs were publishing"
    assert counts(connect_read_only(db))["documents"] == 3 + 2 * 4


@pytest.mark.parametrize("moment", ["between_batches", "while_loading"])
def test_writer_killed_mid_run_leaves_everything_as_before(tmp_path: Path, moment: str) -> None:
    db = tmp_path / "w.duckdb"
    seed(db)
    master_before, public_before = file_digest(master_of(db)), file_digest(db)
    pause = "30" if moment == "between_batches" else "0"
    writer = spawn("writer", str(db), "killed", "100000", pause)
    assert "locked" in read_json(writer)
    assert read_json(writer)["batch"] == 0  # one batch committed inside the run's scratch copy
    if moment == "while_loading":
        read_json(writer)
        time.sleep(0.15)
    writer.send_signal(signal.SIGKILL)
    writer.wait(30)
    assert file_digest(master_of(db)) == master_before
    assert file_digest(db) == public_before
    assert list(db.with_name("w.duckdb.d").glob("scratch-*")), "the crash left its scratch copy behind"
    with open_writer(db, wait_seconds=5) as w:  # the lock died with the process; leftovers are cleaned
        assert w.load_batch(make_docs("after", 2)).documents_added == 2
    assert not list(db.with_name("w.duckdb.d").glob("scratch-*"))
    con = connect_read_only(db)
    assert counts(con)["documents"] == 5
    assert con.execute("SELECT count(*) FROM documents WHERE url LIKE '%killed%'").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM runs WHERE flow_run_id = 'proc-killed'").fetchone() == (0,)


def test_overlapping_runs_are_serialised_never_doubled(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    seed(db)
    first = spawn("writer", str(db), "same", "2", "0.6")
    assert "locked" in read_json(first)
    second = spawn("writer", str(db), "same", "2", "0", "60")  # same documents, waits for the lock
    with pytest.raises(WarehouseBusy, match="being written by another run"):
        with open_writer(db, wait_seconds=0):
            pass
    lines_first = [read_json(first) for _ in range(3)]
    lines_second = [read_json(second) for _ in range(4)]
    assert first.wait(30) == 0 and second.wait(30) == 0
    assert [x["added"] for x in lines_first[:2]] == [5, 5]
    assert [x["added"] for x in lines_second[1:3]] == [0, 0], "the second run found everything stored"
    assert lines_second[0]["locked"] >= lines_first[2]["done"] - 0.5
    con = connect_read_only(db)
    assert counts(con)["documents"] == 13
    runs = con.execute("SELECT flow_run_id, documents_added, documents_duplicate, started_at, finished_at "
                       "FROM runs WHERE flow_run_id = 'proc-same' ORDER BY run_id").fetchall()
    assert [(r[1], r[2]) for r in runs] == [(10, 0), (0, 10)]
    assert runs[1][3] >= runs[0][4], "the second run started after the first finished"


def test_public_file_held_read_write_defers_publication_safely(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    seed(db)
    holder = spawn("open_rw", str(db))  # like `duckdb w.duckdb` without -readonly, writing notes
    try:
        assert read_json(holder) == {"ready": True}
        inode = db.stat().st_ino
        with open_writer(db, wait_seconds=5) as w:
            assert w.load_batch(make_docs("held", 2)).documents_added == 2
        assert w.published is False
        assert db.stat().st_ino == inode, "publication waits while the public file is held read-write"
        master = duckdb.connect(str(master_of(db)), read_only=True)
        assert counts(master)["documents"] == 5, "the run's data is safe in the master"
        master.close()
    finally:
        holder.stdin.write("go\n")
        holder.stdin.close()
        assert holder.wait(30) == 0, holder.stderr.read()
    assert publish_now(db) is True
    inode = db.stat().st_ino
    assert publish_now(db) is True and db.stat().st_ino == inode, "already up to date: no copy"
    con = connect_read_only(db)
    assert counts(con)["documents"] == 5
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert "my_notes" not in tables, "writes made in the public snapshot are not carried over"
    assert not os.path.exists(str(db) + ".wal")


def test_interrupted_publication_is_completed_by_the_next_writer(tmp_path: Path) -> None:
    """Crash after the commit point (master replaced) but before the public file was replaced."""
    db = tmp_path / "w.duckdb"
    seed(db)
    stale = db.read_bytes()
    with open_writer(db) as w:
        w.load_batch(make_docs("committed", 2))
    db.write_bytes(stale)  # the public file as it was before that run's publish step
    (db.with_name("w.duckdb.d") / "published.json").unlink()
    assert counts(connect_read_only(db))["documents"] == 3
    with open_writer(db):
        pass
    assert counts(connect_read_only(db))["documents"] == 5
