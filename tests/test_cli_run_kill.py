"""A `quantcheck run` process killed (SIGKILL) in the middle of loading leaves the public warehouse exactly
as it was before that run, and the next run completes with everything.

The killed run is a real subprocess of the CLI, talking to the session's Prefect test server; it is killed
right after it logs that its first batch was loaded (so a batch is in the run's private copy, and more are
to come), then the warehouse is inspected through a read-only connection.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from quantcheck.flows.pipeline import quantcheck_pipeline

TEMPLATES = [
    ("en", "Officials said {n:,} people attended the rally in district {i}, about {p} percent more."),
    ("fr", "Selon la préfecture, {n} personnes ont manifesté dans le quartier {i}, soit {p} % de plus."),
    ("es", "Según la policía, {n} personas se manifestaron en el distrito {i}, un {p} % más."),
    ("de", "Nach Polizeiangaben demonstrierten {n} Menschen im Bezirk {i}, rund {p} Prozent mehr."),
]


def write_jsonl(path: Path, start: int, count: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(start, start + count):
            lang, t = TEMPLATES[i % 4]
            text = " ".join(t.format(n=1000 + 37 * i + k, i=i, p=k + 3) for k in range(6))
            fh.write(json.dumps({"url": f"https://kill.example/{i}", "title": f"Article {i}", "text": text,
                                 "lang": lang}) + "\n")


def public_state(db: Path) -> tuple:
    from quantcheck.warehouse.db import connect_read_only

    con = connect_read_only(db)
    try:
        counts = tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                       for t in ("sources", "documents", "mentions"))
        runs = con.execute("SELECT run_id, status, documents_added FROM runs ORDER BY run_id").fetchall()
        return counts, runs
    finally:
        con.close()


def test_killed_run_leaves_warehouse_unchanged_and_next_run_completes(prefect_harness, tmp_path):
    from prefect.settings import PREFECT_API_URL

    write_jsonl(tmp_path / "first.jsonl", 0, 20)
    write_jsonl(tmp_path / "second.jsonl", 20, 120)
    settings = "[settings]\nbatch_size = 4\nextract_processes = 1\n"
    first_cfg = tmp_path / "first.toml"
    first_src = '[[source]]\nname = "first"\nlocation = "first.jsonl"\n'
    first_cfg.write_text(settings + first_src, encoding="utf-8")
    both_cfg = tmp_path / "both.toml"
    both_cfg.write_text(settings + first_src +
                        '[[source]]\nname = "second"\nlocation = "second.jsonl"\n', encoding="utf-8")
    db = tmp_path / "k.duckdb"

    assert quantcheck_pipeline(config_path=str(first_cfg), db=str(db), return_state=True).is_completed()
    before = public_state(db)
    before_bytes = db.read_bytes()
    assert before[0][1] == 20

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_LOGGING_LEVEL": "INFO",
           "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "quantcheck.flows.cli", "run", "--config", str(both_cfg), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(ln) for ln in proc.stderr], daemon=True).start()
    seen: list[str] = []
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                assert proc.poll() is None, "run ended before loading a batch:\n" + "".join(seen)
                continue
            seen.append(line)
            if "batch 1/" in line and "loaded" in line:
                os.kill(proc.pid, signal.SIGKILL)
                break
        else:
            raise AssertionError("no batch loaded within 120 s:\n" + "".join(seen[-30:]))
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert not any("published" in ln for ln in seen), "the run finished before it was killed"

    # the public warehouse is exactly the one from before the killed run
    assert public_state(db) == before
    assert db.read_bytes() == before_bytes

    # the next run recovers (lock released by the kernel, scratch copy discarded) and loads everything
    state = quantcheck_pipeline(config_path=str(both_cfg), db=str(db), return_state=True)
    assert state.is_completed()
    counts, runs = public_state(db)
    assert counts[:2] == (2, 140)
    assert runs == [(1, "completed", 20), (2, "completed", 120)]
    leftovers = list(Path(str(db) + ".d").glob("scratch-*"))
    assert not leftovers, "the killed run's scratch copy was not cleaned up"
