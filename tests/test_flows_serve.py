"""`quantcheck serve` against a real local Prefect server: deployments registered with the config's
schedules, a scheduled run (5 s interval) and a triggered run both completing into the warehouse.

Schedules do not fire on Prefect's temporary server, so this test starts `prefect server start` on a free
port (own PREFECT_HOME in tmp, analytics off), waits for /api/health, runs `quantcheck serve` in a
subprocess with PREFECT_API_URL pointing at it, and cleans up both process groups at the end.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability.processes import log_tail, stop_group
from reliability.processes import prefect_server as local_prefect_server

SERVER_START_TIMEOUT = 90
RUN_TIMEOUT = 120


@pytest.fixture
def prefect_server(tmp_path):
    home = tmp_path / "prefect-home"
    with local_prefect_server(SERVER_START_TIMEOUT, home=home) as url:
        assert url is not None, "server not ready:\n" + log_tail(home / "server.log")
        yield url, home


def read_db(db: Path) -> dict[str, int]:
    from quantcheck.warehouse.db import connect_read_only

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
    cmd = [sys.executable, "-m", "quantcheck.flows.cli", "serve", "--config", str(cfg), "--db", str(db)]
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
        stop_group(serve, signal.SIGINT, grace=15)
        log.close()
