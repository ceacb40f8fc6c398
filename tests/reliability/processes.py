"""Real ``quantcheck`` processes for the campaign, and the local Prefect server they share.

A plain ``quantcheck run`` starts Prefect's temporary server each time (~10 s). The campaign starts many
runs (kills, overlaps, the disk-full sequence, the soak), so it starts one real ``prefect server`` on a
loopback port for the session and points every child at it with PREFECT_API_URL; when the server cannot
start, children fall back to the temporary server (slower, same behaviour).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BIN = Path(sys.executable).parent
QUANTCHECK = str(BIN / "quantcheck")
PREFECT = str(BIN / "prefect")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def base_env(prefect_home: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_") and k != "QUANTCHECK_DB"}
    env.update(
        {
            "PREFECT_HOME": prefect_home or tempfile.mkdtemp(prefix="qc-prefect-"),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "DO_NOT_TRACK": "1",
            "PREFECT_LOGGING_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


@contextmanager
def prefect_server(
    startup_timeout: float = 120.0, home: Path | None = None, extra_env: dict[str, str] | None = None
) -> Iterator[str | None]:
    """``prefect server start`` on a free loopback port (SQLite under ``home``, log in home/server.log):
    yields its API URL, or None if it did not come up in time; stopped (whole process group) afterwards."""
    home = Path(home or tempfile.mkdtemp(prefix="qc-prefect-server-"))
    home.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {**base_env(str(home)), "PREFECT_UI_ENABLED": "false", **(extra_env or {})}
    with (home / "server.log").open("wb") as log:
        proc = subprocess.Popen(
            [PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}/api"
        deadline = time.monotonic() + startup_timeout
        ready = False
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(url + "/health", timeout=2) as resp:
                    ready = resp.status == 200
            except OSError:
                pass
            if ready:
                break
            time.sleep(0.3)
        try:
            yield url if ready else None
        finally:
            stop_group(proc, signal.SIGTERM, grace=20)


def stop_group(proc: subprocess.Popen, sig: int, grace: float) -> int:
    """Send ``sig`` to the process group this test started, wait ``grace`` s, then SIGKILL what is left;
    returns the exit code."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=grace)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            pass
    with _suppress():
        os.killpg(proc.pid, signal.SIGKILL)
    return proc.wait(timeout=30)


def log_tail(path: Path, chars: int = 4000) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-chars:]
    except FileNotFoundError:
        return "(no log)"


@contextmanager
def _suppress():
    try:
        yield
    except (ProcessLookupError, PermissionError):
        pass


def run_env(api_url: str | None, **extra: str) -> dict[str, str]:
    env = base_env()
    if api_url:
        env["PREFECT_API_URL"] = api_url
    env.update(extra)
    return env


def quantcheck(
    *args: str, env: dict[str, str], timeout: float = 300, cwd: str | None = None, preexec_fn=None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [QUANTCHECK, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        preexec_fn=preexec_fn,
    )


def start_quantcheck(
    *args: str, env: dict[str, str], log_path: Path, cwd: str | None = None, preexec_fn=None
) -> subprocess.Popen:
    """Start a run in its own process group (so a kill reaches any worker it spawned)."""
    fh = open(log_path, "wb")  # noqa: SIM115 - owned by the child; closed by the OS at exit
    return subprocess.Popen(
        [QUANTCHECK, *args],
        env=env,
        stdout=fh,
        stderr=subprocess.STDOUT,
        cwd=cwd,
        start_new_session=True,
        preexec_fn=preexec_fn,
    )


def kill_group(proc: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    with _suppress():
        os.killpg(proc.pid, sig)
    proc.wait(timeout=60)


def wait_for_line(log_path: Path, needle: str, proc: subprocess.Popen, timeout: float) -> bool:
    """Poll the child's log until ``needle`` appears (True) or the child exits / time runs out (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if needle in log_path.read_text(encoding="utf-8", errors="replace"):
                return True
        except FileNotFoundError:
            pass
        if proc.poll() is not None:
            return needle in log_path.read_text(encoding="utf-8", errors="replace")
        time.sleep(0.02)
    return False
