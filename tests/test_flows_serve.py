"""`quantcheck serve` against a real local Prefect server: deployments registered with the config's
schedules, a scheduled run (5 s interval) and a triggered run both completing into the warehouse.

Schedules do not fire on Prefect's temporary server, so this test starts `prefect server start` on a free
port (own PREFECT_HOME in tmp, analytics off), waits for /api/health, runs `quantcheck serve` in a
subprocess with PREFECT_API_URL pointing at it, and cleans up both process groups at the end.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

SERVER_START_TIMEOUT = 90
RUN_TIMEOUT = 120


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen, sig: int = signal.SIGINT, grace: float = 15) -> None:
    """Ask the process group to stop, then kill what is left (only processes this test started)."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=grace)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=10)


@pytest.fixture
def prefect_server(tmp_path):
    port = free_port()
    home = tmp_path / "prefect-home"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "DO_NOT_TRACK": "1", "PREFECT_UI_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    log = (tmp_path / "server.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            assert proc.poll() is None, "prefect server exited:\n" + (tmp_path / "server.log").read_text()
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "server not ready:\n" + (tmp_path / "server.log").read_text()
            time.sleep(0.5)
        yield url, home
    finally:
        stop(proc, signal.SIGTERM)
        log.close()


def read_db(db: Path) -> dict[str, int]:
    from warehouse.db import connect_read_only

    if not db.exists():
        return {}
    con = connect_read_only(db)
    try:
        return dict(con.execute("SELECT s.name, count(d.document_id) FROM sources s "
                                "LEFT JOIN documents d USING (source_id) GROUP BY 1").fetchall())
    finally:
        con.close()


def test_serve_registers_scheduled_deployments_and_runs_complete(prefect_server, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterName
    from prefect.settings import PREFECT_API_URL, temporary_settings

    url, home = prefect_server
    (tmp_path / "fast").mkdir()
    (tmp_path / "fast" / "a.txt").write_text("Some 2,000 people were evacuated on Monday.", encoding="utf-8")
    (tmp_path / "nightly").mkdir()
    (tmp_path / "nightly" / "b.txt").write_text("Le stock atteint 3 500 tonnes.", encoding="utf-8")
    cfg = tmp_path / "sources.toml"
    cfg.write_text("""
[settings]
schedule = "0 3 * * *"

[[source]]
name = "fast"
location = "fast"
schedule = 5

[[source]]
name = "nightly"
location = "nightly"
""", encoding="utf-8")
    db = tmp_path / "served.duckdb"
    env = {**os.environ, "PREFECT_API_URL": url, "PREFECT_HOME": str(home),
           "PREFECT_RUNNER_POLL_FREQUENCY": "2", "PREFECT_LOGGING_LEVEL": "INFO"}
    log = (tmp_path / "serve.log").open("w")
    cmd = [sys.executable, "-m", "flows.cli", "serve", "--config", str(cfg), "--db", str(db)]
    serve = subprocess.Popen(cmd, env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT,
                             start_new_session=True)
    try:
        with temporary_settings({PREFECT_API_URL: url}), get_client(sync_client=True) as client:
            deadline = time.monotonic() + 60
            deployments = []
            while len(deployments) < 2:
                assert serve.poll() is None, "serve exited:\n" + (tmp_path / "serve.log").read_text()
                assert time.monotonic() < deadline, "deployments not registered:\n" + (
                    tmp_path / "serve.log").read_text()
                time.sleep(0.5)
                names = DeploymentFilterName(any_=["quantcheck-every-5s", "quantcheck-cron-0-3"])
                deployments = client.read_deployments(deployment_filter=DeploymentFilter(name=names))
            by_name = {d.name: d for d in deployments}
            fast, nightly = by_name["quantcheck-every-5s"], by_name["quantcheck-cron-0-3"]
            assert [s.schedule.interval.total_seconds() for s in fast.schedules] == [5.0]
            assert [s.schedule.cron for s in nightly.schedules] == ["0 3 * * *"]
            assert fast.parameters["only_sources"] == ["fast"]
            assert nightly.parameters == {"config_path": str(cfg), "db": str(db), "only_sources": ["nightly"]}

            # trigger the nightly deployment now; the fast one runs on its own every 5 s
            triggered = client.create_flow_run_from_deployment(nightly.id)
            deadline = time.monotonic() + RUN_TIMEOUT
            while True:
                run = client.read_flow_run(triggered.id)
                if run.state and run.state.is_final():
                    break
                assert time.monotonic() < deadline, "triggered run did not finish:\n" + (
                    tmp_path / "serve.log").read_text()
                time.sleep(1)
            assert run.state.is_completed(), run.state
            while True:
                scheduled = [r for r in client.read_flow_runs() if r.deployment_id == fast.id
                             and r.state and r.state.is_completed()]
                if scheduled:
                    break
                assert time.monotonic() < deadline, "no scheduled run completed:\n" + (
                    tmp_path / "serve.log").read_text()
                time.sleep(1)
        counts = read_db(db)
        assert counts["fast"] == 1 and counts["nightly"] == 1
    finally:
        stop(serve, signal.SIGINT)
        log.close()
