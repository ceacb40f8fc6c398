"""Faults around real ``quantcheck run`` processes: kills, a full disk, readers, no Prefect, overlaps.

The warehouse's own tests (tests/test_warehouse_concurrency.py) prove the writer protocol with the
writer API; these drive the whole pipeline as a scheduler would, through the command line, and check the
contract from outside: the public file always opens, its counts always equal a complete state (before or
after the run, never in between), the next run completes, and the final counts equal those of a clean run
over the same sources.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reliability.conftest import write_corpus
from reliability.processes import free_port, kill_group, quantcheck, run_env, start_quantcheck, wait_for_line
from reliability.warehouse_state import fingerprint, query_json

SEED = 20261125
CONTENT_TABLES = ("sources", "documents", "mentions")


def config(path: Path, folder: Path, **settings) -> Path:
    s = {"batch_size": 40, "extract_processes": 1, **settings}
    body = "[settings]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in s.items())
    body += f'\n[[source]]\nname = "corpus"\nlocation = {json.dumps(str(folder))}\nkind = "folder"\n'
    path.write_text(body, encoding="utf-8")
    return path


def content(db: Path) -> dict[str, int]:
    rows = fingerprint(db).rows()
    return {t: rows[t] for t in CONTENT_TABLES}


def run_ok(env, cfg: Path, db: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    proc = quantcheck("run", "--config", str(cfg), "--db", str(db), env=env, timeout=timeout)
    assert proc.returncode == 0, (
        f"run failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    )
    return proc


@pytest.fixture
def reference(env, tmp_path):
    """Counts of a clean, uninterrupted run over a folder (what every faulted sequence must end with)."""

    def make(folder: Path) -> dict[str, int]:
        db = tmp_path / f"reference-{time.monotonic_ns()}.duckdb"
        run_ok(env, config(tmp_path / "ref.toml", folder), db)
        return content(db)

    return make


# --- SIGKILL at random points -------------------------------------------------------------------------


def test_sigkill_at_random_points_never_leaves_a_partial_batch(env, tmp_path, cases, reference) -> None:
    rng = random.Random(SEED)
    folder, db = tmp_path / "corpus", tmp_path / "w.duckdb"
    cfg = config(tmp_path / "c.toml", folder)
    write_corpus(folder, 0, 100)
    run_ok(env, cfg, db)
    state = content(db)
    kills, total = 0, 100
    for i in range(6):
        write_corpus(folder, total, 600)
        total += 600
        log = tmp_path / f"kill-{i}.log"
        proc = start_quantcheck("run", "--config", str(cfg), "--db", str(db), env=env, log_path=log)
        if i % 2 == 0:  # during the load: after a random batch was committed to the scratch copy
            j = rng.randint(1, 15)
            where = f"after 'batch {j}/N loaded'"
            reached = wait_for_line(log, f"batch {j}/", proc, timeout=180)
        else:  # anywhere: a random moment of the run
            delay = rng.uniform(1.0, 8.0)
            where = f"at {delay:.1f} s"
            time.sleep(delay)
            reached = proc.poll() is None
        finished_before_kill = proc.poll() is not None
        kill_group(proc)
        kills += not finished_before_kill
        case = cases.record("Process killed (SIGKILL) during a run", f"kill {i + 1} {where}")
        after = content(db)  # raises if the public file does not open
        expected_new = reference(folder) if i == 0 else None
        # Before the commit point the run leaves nothing; after it (publishing, Prefect teardown) the run is
        # complete. Anything in between would be a partial batch.
        assert after == state or after["documents"] == total, (
            f"kill {i + 1} ({where}, reached={reached}): counts {after} are neither the previous complete "
            f"state {state} nor the complete new state ({total} documents)"
        )
        committed = after != state
        rerun = run_ok(env, cfg, db)
        resumed = content(db)
        assert resumed["documents"] == total, (
            f"after the next run: {resumed}, expected {total} documents; killed run's log:\n"
            f"{log.read_text()[-2500:]}\nnext run:\n{rerun.stdout[-2500:]}\n{rerun.stderr[-2500:]}"
        )
        if expected_new is not None:
            assert resumed == expected_new, f"kill+rerun gives {resumed}, a clean run gives {expected_new}"
        dup = query_json(db, "SELECT count(*) - count(DISTINCT content_hash) FROM documents")[0][0]
        assert dup == 0
        case.observed(
            "public file opens; counts = "
            + (
                "the new complete state (killed after the commit)"
                if committed
                else "the previous complete state"
            ),
            "next run completes; exact counts, no duplicate",
        )
        state = resumed
    assert kills >= 4, f"only {kills} of 6 kills hit a running process: the corpus is too small to test this"
    assert state == reference(folder), "killed-and-resumed warehouse differs from a clean run"


# --- disk full ------------------------------------------------------------------------------------------


@contextlib.contextmanager
def small_disk(where: Path, size_mb: int):
    """A tmpfs of ``size_mb`` at ``where`` (root only); yields False when mounting is not possible."""
    where.mkdir(parents=True, exist_ok=True)
    ok = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(where)], capture_output=True
        ).returncode
        == 0
    )
    try:
        yield ok
    finally:
        if ok:
            subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(disk: Path, leave_bytes: int) -> Path:
    """Fill the file system at ``disk`` until about ``leave_bytes`` remain free."""
    filler = disk / "filler.bin"
    st = os.statvfs(disk)
    free = st.f_bavail * st.f_frsize
    size = max(free - leave_bytes, 0)
    with filler.open("wb") as fh:
        block = bytes(1 << 20)
        while size > 0:
            n = min(size, len(block))
            try:
                fh.write(block[:n])
                fh.flush()
            except OSError:
                break
            size -= n
    return filler


def clear_error(out: str) -> str:
    """The one line `quantcheck run` prints when a run does not complete (Prefect's own log lines aside)."""
    return next((ln for ln in out.splitlines() if ln.startswith("quantcheck run:")), "")


SPACE_ERROR = re.compile(
    r"No space left|disk (is )?full|ENOSPC|not enough space|Could not write|"
    r"File too large|EFBIG|space",
    re.I,
)


def test_disk_full_fails_cleanly_and_recovers(env, tmp_path, cases, reference) -> None:
    disk, folder = tmp_path / "disk", tmp_path / "corpus"
    write_corpus(folder, 0, 200)
    with small_disk(disk, 64) as mounted:
        if not mounted:
            pytest.skip("cannot mount a tmpfs here (not root?); see test_file_size_limit_fails_cleanly")
        db = disk / "w.duckdb"
        cfg = config(tmp_path / "c.toml", folder)
        run_ok(env, cfg, db)
        size = db.stat().st_size
        base = content(db)
        write_corpus(folder, 200, 1200)
        unclear: list[str] = []
        # Leave less room than each phase needs: the scratch copy, the load, the commit, the publication.
        for leave in (64 << 10, size // 2, size + (size // 2), 2 * size + (1 << 20)):
            filler = fill(disk, leave)
            proc = quantcheck("run", "--config", str(cfg), "--db", str(db), env=env, timeout=600)
            out = proc.stdout + proc.stderr
            case = cases.record("Disk full while writing (tmpfs)", f"{leave >> 10} KiB left free")
            if proc.returncode == 0:
                filler.unlink()
                pytest.fail(f"the run succeeded with {leave} bytes free on a full disk: {out[-1500:]}")
            msg = clear_error(out)
            case.observed(msg or out.strip().splitlines()[-1], "content unchanged; next run exact")
            assert msg, f"no 'quantcheck run: ...' error line:\n{out[-3000:]}"
            if not SPACE_ERROR.search(msg):
                unclear.append(msg)
            filler.unlink()
            # The failed run may add its own 'failed' row to `runs` (that is the record of why); the
            # content tables must be exactly as before.
            assert content(db) == base, f"the warehouse content changed after a failed run: {content(db)}"
            ((status, error),) = query_json(db, "SELECT status, error FROM runs ORDER BY run_id DESC LIMIT 1")
            if status == "failed":
                case.observed(msg, f"content unchanged; runs row 'failed': {str(error)[:80]}")
        leftovers = (
            [p.name for p in (disk / "w.duckdb.d").iterdir()] if (disk / "w.duckdb.d").exists() else []
        )
        run_ok(env, cfg, db)
        assert content(db) == reference(folder), "after the space came back, counts differ from a clean run"
        cases.record("Disk full while writing (tmpfs)", "space back: next run").observed(
            f"run completed; leftovers before it: {', '.join(sorted(leftovers)) or 'none'}",
            "counts equal a clean run",
        )
    if unclear:  # imperative xfail: which phase meets the bug depends on file sizes
        pytest.xfail(
            "bug: warehouse/writer.py load_batch runs ROLLBACK after a failed COMMIT (disk full); DuckDB has "
            "already ended the transaction, so 'TransactionException: cannot rollback - no transaction is "
            f"active' replaces the real cause (No space left on device): {unclear}"
        )


def _limit_file_size(limit: int):
    def apply() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes fail with EFBIG instead of killing

    return apply


def test_file_size_limit_fails_cleanly(env, tmp_path, cases, reference) -> None:
    """The same fault without root: RLIMIT_FSIZE makes every write past the limit fail (EFBIG)."""
    folder, db = tmp_path / "corpus", tmp_path / "w.duckdb"
    write_corpus(folder, 0, 200)
    cfg = config(tmp_path / "c.toml", folder)
    run_ok(env, cfg, db)
    base = content(db)
    write_corpus(folder, 200, 1200)
    limit = db.stat().st_size + (256 << 10)
    proc = quantcheck(
        "run", "--config", str(cfg), "--db", str(db), env=env, timeout=600, preexec_fn=_limit_file_size(limit)
    )
    out = proc.stdout + proc.stderr
    case = cases.record("Disk full while writing (RLIMIT_FSIZE)", f"files limited to {limit >> 10} KiB")
    msg = clear_error(out)
    case.observed(msg or out.strip().splitlines()[-1], "public file byte-identical; next run exact")
    assert proc.returncode != 0, f"the run succeeded past the file size limit: {out[-1500:]}"
    assert msg, f"no 'quantcheck run: ...' error line:\n{out[-3000:]}"
    assert content(db) == base, "the warehouse content changed after a failed run"
    run_ok(env, cfg, db)
    assert content(db) == reference(folder)
    if not SPACE_ERROR.search(msg):
        pytest.xfail(f"bug: the error names something else than the file size limit: {msg}")


# --- readers --------------------------------------------------------------------------------------------

READER = r"""
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
n = 0
print("open", flush=True)
while True:
    try:
        if open(sys.argv[2]).read().strip() == "stop":
            break
    except FileNotFoundError:
        pass
    con.execute("SELECT count(*) FROM documents, (SELECT count(*) FROM mentions)").fetchall()
    n += 1
    time.sleep(0.02)
print("queries", n, flush=True)
"""


@pytest.mark.parametrize("mode", ["read-only", "read-write"])
def test_reader_holding_the_public_file_for_the_whole_run(mode, env, tmp_path, cases, reference) -> None:
    folder, db = tmp_path / "corpus", tmp_path / "w.duckdb"
    write_corpus(folder, 0, 100)
    cfg = config(tmp_path / "c.toml", folder)
    run_ok(env, cfg, db)
    write_corpus(folder, 100, 1500)
    stop = tmp_path / "stop"
    script = READER if mode == "read-only" else READER.replace("read_only=True", "read_only=False")
    reader = subprocess.Popen(
        [sys.executable, "-c", script, str(db), str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout.readline().strip() == "open"
        proc = quantcheck("run", "--config", str(cfg), "--db", str(db), env=env, timeout=600)
        out = proc.stdout + proc.stderr
    finally:
        stop.write_text("stop")
        r_out, r_err = reader.communicate(timeout=60)
    case = cases.record(
        "Warehouse held by a reader for the whole run", f"{mode} connection in another process"
    )
    assert reader.returncode == 0, f"the reader failed: {r_err[-2000:]}"
    assert proc.returncode == 0, f"the run failed while a {mode} reader held the file:\n{out[-3000:]}"
    if mode == "read-write":
        note = next((ln for ln in out.splitlines() if re.search(r"read-write|not published|publish", ln)), "")
        said = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
        case.observed(f"{note} / summary: {said[said.find('stored'):]}" if note else said or "run completed",
                      "published by the next run")
        # the summary must not claim the public file holds the new documents (issue 14, defect 10)
        assert f"to {db}" not in proc.stdout and "NOT yet in" in proc.stdout, proc.stdout
        run_ok(env, cfg, db)  # nobody holds it now: the deferred publication happens
    else:
        case.observed(
            f"run completed; the reader ran {r_out.split()[-1]} queries meanwhile",
            "new connections see the new data",
        )
    assert content(db) == reference(folder)


# --- Prefect unavailable ---------------------------------------------------------------------------------


def test_prefect_server_unavailable_at_start(tmp_path, cases) -> None:
    folder, db = tmp_path / "corpus", tmp_path / "w.duckdb"
    write_corpus(folder, 0, 20)
    cfg = config(tmp_path / "c.toml", folder)
    env = run_env(f"http://127.0.0.1:{free_port()}/api")  # nothing listens there
    started = time.monotonic()
    proc = quantcheck("run", "--config", str(cfg), "--db", str(db), env=env, timeout=300)
    elapsed = time.monotonic() - started
    out = proc.stdout + proc.stderr
    last = [ln for ln in out.strip().splitlines() if ln.strip()]
    case = cases.record("Prefect server unavailable at start", "PREFECT_API_URL on a closed loopback port")
    case.observed(
        next((ln for ln in reversed(last) if re.search(r"Prefect|reach|API", ln)), last[-1] if last else ""),
        "nothing written",
    )
    assert proc.returncode != 0, "exit status 0 without a Prefect API"
    assert re.search(r"Prefect|API|connect", out), f"no clear error:\n{out[-2000:]}"
    assert not db.exists(), "a warehouse was written although the run could not start"
    assert elapsed < 120, f"took {elapsed:.0f} s to give up"
    assert re.search(r"Prefect|API", clear_error(out)), f"no clear error line:\n{out[-1500:]}"


# --- overlapping runs -------------------------------------------------------------------------------------


@pytest.mark.parametrize("n_runs", [2, 3])
def test_overlapping_runs_never_load_twice(n_runs, env, tmp_path, cases, reference) -> None:
    folder, db = tmp_path / "corpus", tmp_path / "w.duckdb"
    write_corpus(folder, 0, 1200)
    cfg = config(tmp_path / "c.toml", folder)
    logs = [tmp_path / f"run-{i}.log" for i in range(n_runs)]
    procs = [
        start_quantcheck("run", "--config", str(cfg), "--db", str(db), env=env, log_path=log) for log in logs
    ]
    codes = [p.wait(timeout=900) for p in procs]
    outs = [log.read_text(encoding="utf-8", errors="replace") for log in logs]
    runs = query_json(db, "SELECT status, documents_added, documents_duplicate FROM runs ORDER BY run_id")
    case = cases.record("Overlapping scheduled runs", f"{n_runs} runs started together on one warehouse")
    case.observed(
        f"exit statuses {codes}; documents added per run {[r[1] for r in runs]}",
        "exact counts: every document once",
    )
    for code, out in zip(codes, outs, strict=True):
        assert code == 0 or re.search(r"busy|another run|lock|skipp", out, re.I), out[-2000:]
    assert sum(r[1] for r in runs if r[0] == "completed") == 1200, runs
    assert content(db) == reference(folder)


def test_stale_scratch_files_are_cleaned(env, tmp_path, cases) -> None:
    """Leftovers of crashed runs (a big scratch copy) do not accumulate run after run."""
    folder, db = tmp_path / "corpus", tmp_path / "w.duckdb"
    write_corpus(folder, 0, 50)
    cfg = config(tmp_path / "c.toml", folder)
    run_ok(env, cfg, db)
    state_dir = tmp_path / "w.duckdb.d"
    shutil.copyfile(db, state_dir / "scratch-999999.duckdb")
    (tmp_path / ".w.duckdb.tmp-123").write_bytes(b"x" * 1000)
    run_ok(env, cfg, db)
    left = sorted(p.name for p in state_dir.iterdir()) + sorted(
        p.name for p in tmp_path.glob(".w.duckdb.tmp-*")
    )
    cases.record("Leftovers of crashed runs", "stale scratch copy and publish temp file").observed(
        f"files after the next run: {', '.join(left)}", "removed by the next run"
    )
    assert not [n for n in left if n.startswith(("scratch-", ".w.duckdb.tmp-"))], left
