"""Scheduled runs for real: a local Prefect server whose scheduler fires, `quantcheck serve`, and its runs.

Prefect's temporary server never fires schedules, so a test of *scheduled* runs needs ``prefect server
start``. This one gets its own PREFECT_HOME (SQLite in the test's tmp folder), a free loopback port, no UI,
and a recent-deployments scheduler loop of 1 s instead of 5 s, so a deployment gets its first runs about a
second after `quantcheck serve` registers it. Everything else is Prefect's default: the scheduler creates
the interval runs ahead of time, marks them late when they wait, and `quantcheck serve` (Prefect's runner)
polls for due runs every ``PREFECT_RUNNER_POLL_FREQUENCY`` seconds and runs each in its own process.

Stopping a stream of scheduled runs cleanly is the delicate part: stopping the runner cancels the runs it
is executing (they would have fetched articles and loaded nothing). ``DeploymentRuns.quiesce`` stops the
schedule first (pause the deployment, so the scheduler creates no more runs and Prefect deletes the future
ones), removes the due runs nobody has started, and waits until the started ones have finished; only then
is `quantcheck serve` interrupted.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from uuid import UUID

from reliability.processes import QUANTCHECK, base_env, log_tail, prefect_server

SERVER_STARTUP_SECONDS = 120
BULK_LIMIT = 50  # most flow runs one /flow_runs/bulk_delete call may delete (Prefect's limit)
# The scheduler's "recently updated deployments" loop (default 5 s): first runs ~1 s after serve starts.
SERVER_ENV = {
    "PREFECT_UI_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_SCHEDULER_RECENT_DEPLOYMENTS_LOOP_SECONDS": "1",
}


@contextmanager
def scheduling_prefect_server(home: Path) -> Iterator[str]:
    """``prefect server start`` on a free loopback port; yields its API URL, fails if it never starts."""
    with prefect_server(SERVER_STARTUP_SECONDS, home=home, extra_env=SERVER_ENV) as url:
        assert url is not None, f"prefect server not ready:\n{log_tail(home / 'server.log')}"
        yield url


def start_serve(config: Path, db: Path, api_url: str, home: Path, log_path: Path, limit: int,
                poll_seconds: float) -> subprocess.Popen:
    """`quantcheck serve` as a user starts it, pointed at the local server; its own process group."""
    env = base_env(str(home))
    env.update({"PREFECT_API_URL": api_url, "PREFECT_RUNNER_POLL_FREQUENCY": f"{poll_seconds:g}"})
    with log_path.open("wb") as log:
        return subprocess.Popen(
            [QUANTCHECK, "serve", "--config", str(config), "--db", str(db), "--limit", str(limit)],
            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )


def assert_alive(serve: subprocess.Popen, log_path: Path) -> None:
    assert serve.poll() is None, f"quantcheck serve exited ({serve.returncode}):\n{log_tail(log_path)}"


class DeploymentRuns:
    """The flow runs of one deployment, through Prefect's own client (no settings needed: explicit URL)."""

    def __init__(self, api_url: str) -> None:
        from prefect.client.orchestration import SyncPrefectClient

        self.client = SyncPrefectClient(api_url)
        self.client.__enter__()
        self.deployment_id: UUID | None = None

    def close(self) -> None:
        self.client.__exit__(None, None, None)

    def wait_for_deployment(self, name: str, serve: subprocess.Popen, log_path: Path, timeout: float):
        """The deployment ``flow/name`` once `quantcheck serve` has registered it."""
        from prefect.exceptions import ObjectNotFound

        deadline = time.monotonic() + timeout
        while True:
            assert_alive(serve, log_path)
            try:
                deployment = self.client.read_deployment_by_name(name)
                self.deployment_id = deployment.id
                return deployment
            except ObjectNotFound:
                pass
            assert time.monotonic() < deadline, f"deployment {name} not registered:\n{log_tail(log_path)}"
            time.sleep(0.3)

    def runs(self, *, types: list[str] | None = None, exclude: list[str] | None = None) -> list:
        """Flow runs of the deployment whose state type is in ``types`` / not in ``exclude``, oldest first."""
        from prefect.client.schemas.filters import (
            FlowRunFilter,
            FlowRunFilterDeploymentId,
            FlowRunFilterState,
            FlowRunFilterStateType,
        )
        from prefect.client.schemas.objects import StateType
        from prefect.client.schemas.sorting import FlowRunSort

        state = FlowRunFilterState(type=FlowRunFilterStateType(
            any_=[StateType(t) for t in types] if types else None,
            not_any_=[StateType(t) for t in exclude] if exclude else None,
        ))
        flt = FlowRunFilter(deployment_id=FlowRunFilterDeploymentId(any_=[self.deployment_id]), state=state)
        out: list = []
        while True:  # the API returns at most 200 rows per call
            page = self.client.read_flow_runs(flow_run_filter=flt, sort=FlowRunSort.EXPECTED_START_TIME_ASC,
                                              limit=200, offset=len(out))
            out.extend(page)
            if len(page) < 200:
                return out

    def wait_started(self, n: int, serve: subprocess.Popen, log_path: Path, timeout: float) -> float:
        """Block until the runner has picked up ``n`` runs (left Scheduled); returns the seconds it took.

        Fails early when a run fails or crashes, or when serve exits.
        """
        t0 = time.monotonic()
        while True:
            picked = self.runs(exclude=["SCHEDULED"])
            bad = [r for r in picked if r.state.is_failed() or r.state.is_crashed()]
            assert not bad, f"run {bad[0].name} ended {bad[0].state}:\n{log_tail(log_path)}"
            if len(picked) >= n:
                return time.monotonic() - t0
            assert_alive(serve, log_path)
            assert time.monotonic() - t0 < timeout, (
                f"only {len(picked)}/{n} scheduled runs started in {timeout:.0f} s:\n{log_tail(log_path)}"
            )
            time.sleep(0.4)

    def quiesce(self, timeout: float) -> int:
        """Stop the schedule and let started runs finish; returns how many unstarted runs were removed.

        Pausing makes the scheduler skip the deployment and deletes its future runs; runs already due
        (late, still Scheduled) stay, and the runner would start them, so they are deleted here, in one
        bulk delete right after the pause. A run deleted while the runner is picking it up never reaches
        its flow code (its state change is refused, or its process cannot load a deleted run), so no
        article it could have fetched goes missing.
        """
        self.client.pause_deployment(self.deployment_id)
        removed, clean_passes = 0, 0
        deadline = time.monotonic() + timeout
        while clean_passes < 3:  # three quiet passes in a row: nothing scheduled, nothing running
            deleted = self.delete_scheduled()
            removed += deleted
            active = self.runs(types=["PENDING", "RUNNING", "CANCELLING", "PAUSED"])
            clean_passes = clean_passes + 1 if not deleted and not active else 0
            assert time.monotonic() < deadline, f"runs still active after {timeout:.0f} s: {active}"
            time.sleep(0.5)
        return removed

    def delete_scheduled(self) -> int:
        """Delete the deployment's runs still in a Scheduled state (server-side, 50 per transaction)."""
        from prefect.client.schemas.filters import (
            FlowRunFilter,
            FlowRunFilterDeploymentId,
            FlowRunFilterState,
            FlowRunFilterStateType,
        )
        from prefect.client.schemas.objects import StateType

        flt = FlowRunFilter(
            deployment_id=FlowRunFilterDeploymentId(any_=[self.deployment_id]),
            state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED])),
        )
        body = {"flow_runs": flt.model_dump(mode="json", exclude_unset=True), "limit": BULK_LIMIT}
        total = 0
        while True:
            # through Prefect's client: it retries the 503 a busy SQLite server answers now and then
            resp = self.client.request("POST", "/flow_runs/bulk_delete", json=body)
            deleted = len(resp.json()["deleted"])
            total += deleted
            if deleted < BULK_LIMIT:
                return total
