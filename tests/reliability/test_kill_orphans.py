"""``kill -9`` of a ``quantcheck run`` leaves no process behind (campaign, issue 14, defect 9).

A real run, with Prefect's temporary server (no PREFECT_API_URL) and the extraction pool (fork server,
resource tracker, two workers), is killed with SIGKILL — the command's process alone, not its group, as
an OOM killer or ``kill -9 PID`` does — once its first batch is loaded. Every process it started carries
a marker in its environment; all must be gone within 15 s. Before: the server (~250 MB) and the pool
(~160 MB per process) were still alive long after (748 MB in five orphans).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

from reliability.processes import QUANTCHECK, base_env

GRACE = 15.0


def _marked(mark: str, exclude: int) -> list[tuple[int, str]]:
    """(pid, command) of live processes whose environment holds the marker."""
    found = []
    needle = f"QUANTCHECK_TEST_MARK={mark}".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == exclude:
            continue
        try:
            if needle in Path(f"/proc/{entry}/environ").read_bytes():
                state = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    cmd = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
                    found.append((int(entry), cmd[:100]))
        except OSError:
            continue
    return found


def test_kill_9_of_a_run_leaves_no_orphan(tmp_path: Path, cases) -> None:
    record = cases.record("Process killed (SIGKILL) during a run",
                          "kill -9 of the command alone: temporary Prefect server and extraction pool")
    src = tmp_path / "a.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(3000):
            text = f"Selon la préfecture, {1000 + i} manifestants ont défilé sur {i % 17 + 2} km. " * 20
            fh.write(json.dumps({"text": text, "lang": "fr"}) + "\n")
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'[settings]\nbatch_size = 50\nextract_processes = 2\n\n[[source]]\nname = "a"\n'
                   f"location = {json.dumps(str(src))}\n", encoding="utf-8")
    mark = uuid.uuid4().hex
    env = {**base_env(), "QUANTCHECK_TEST_MARK": mark}  # no PREFECT_API_URL: the temporary server
    log = tmp_path / "run.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([QUANTCHECK, "run", "--config", str(cfg), "--db", str(tmp_path / "w.duckdb")],
                                env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    started: list[tuple[int, str]] = []
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:
            if "batch 1/" in log.read_text(encoding="utf-8", errors="replace"):
                break
            time.sleep(0.1)
        started = _marked(mark, proc.pid)
        assert proc.poll() is None, "the run ended before it could be killed:\n" + log.read_text()[-2000:]
        kinds = {"server": "uvicorn", "fork server": "forkserver", "tracker": "resource_tracker"}
        missing = [k for k, needle in kinds.items() if not any(needle in c for _, c in started)]
        assert not missing, f"expected children not running: {missing}: {started}"
        os.kill(proc.pid, signal.SIGKILL)  # the command only, as `kill -9 PID` does
        proc.wait(timeout=30)
        end = time.monotonic() + GRACE
        left = _marked(mark, proc.pid)
        while left and time.monotonic() < end:
            time.sleep(0.2)
            left = _marked(mark, proc.pid)
        record.observed(
            f"{len(started)} child processes when killed; {len(left)} left after {GRACE:g} s",
            "no orphan: server, fork server, tracker and workers ended",
        )
        assert not left, f"orphans {GRACE:g} s after kill -9: {left}"
    finally:
        for pid, _ in _marked(mark, proc.pid):  # only processes this test started (they carry its marker)
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        if proc.poll() is None:
            proc.kill()
