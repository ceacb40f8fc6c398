"""The Prefect task runner a run uses, chosen from the config (``[settings] task_runner``).

Why: batches of documents are the unit of distribution. On one machine Prefect's thread pool is enough
for fetching (I/O) and extraction batches go to a process pool inside the task; a consortium with more
articles than one machine can extract runs the same flow on ``prefect-dask``'s ``DaskTaskRunner``, on a
local cluster of worker processes or on an existing Dask scheduler whose workers run on other machines.
Nothing else changes: the flow submits the same tasks, and each task builds what it needs (pint
registry, language data) lazily in the process it runs in.

    [settings]
    task_runner = "thread"      # default: threads in the flow's own process
    # task_runner = "process"   # Prefect's ProcessPoolTaskRunner; only sensible with a real Prefect
    #                           # server (PREFECT_API_URL), else each worker starts a temporary server
    # task_runner = "dask"      # prefect-dask: a local Dask cluster ...
    # dask_workers = 2          # ... of this many worker processes (default: $QUANTCHECK_DASK_WORKERS,
    #                           # else one per CPU); with Dask each task extracts inline (processes=1)
    # dask_address = "tcp://10.0.0.5:8786"   # ... or a running Dask scheduler (then no local cluster)

The runner is built inside the flow run (not fixed in the @flow decorator), so a served deployment picks
up a change of runner in the config file on its next run. ``make_task_runner`` accepts the flow's
``Settings`` (or a ``Config``), a plain dict of those keys, or a ``RunnerSettings``; keys it does not know
are ignored (``dask_workers`` is read when the settings have it).

With Dask the worker processes are the parallelism: an extraction task must not open its own process
pool there (Dask worker processes are daemonic and cannot have children), so the flow passes
``processes=1`` to extraction tasks whenever ``task_runner`` is not ``thread``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from quantcheck.flows.config import ConfigError

KINDS = ("thread", "process", "dask")
ALIASES = {"local": "thread", "threads": "thread", "processes": "process"}
FETCH_THREADS = 8  # default thread pool: fetches wait on the network, extraction has its own processes
WORKERS_ENV = "QUANTCHECK_DASK_WORKERS"  # size of a local Dask cluster when the config does not say


class RunnerConfigError(ConfigError):
    """The settings ask for a runner that cannot be built; the message says what to fix."""


@dataclass(frozen=True)
class RunnerSettings:
    """The part of the settings that chooses the task runner, validated."""

    task_runner: str = "thread"
    dask_address: str | None = None
    dask_workers: int | None = None
    threads_per_worker: int = 1
    max_workers: int | None = None  # thread/process pools: None = FETCH_THREADS / Prefect's default

    def __post_init__(self) -> None:
        kind = ALIASES.get(self.task_runner, self.task_runner)
        if kind not in KINDS:
            raise RunnerConfigError(f"task_runner = {self.task_runner!r}: expected one of {', '.join(KINDS)}")
        object.__setattr__(self, "task_runner", kind)
        for name in ("dask_workers", "max_workers", "threads_per_worker"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                raise RunnerConfigError(f"{name} = {value!r}: expected a whole number >= 1")
        if self.dask_address is not None and (
            not isinstance(self.dask_address, str) or "://" not in self.dask_address
        ):
            raise RunnerConfigError(f"dask_address = {self.dask_address!r}: expected e.g. 'tcp://host:8786'")
        if self.task_runner != "dask" and self.dask_address:
            raise RunnerConfigError("dask_address is set but task_runner is not \"dask\"")

    @property
    def local_dask_workers(self) -> int:
        return self.dask_workers or os.cpu_count() or 1


def runner_settings(settings: Any = None) -> RunnerSettings:
    """Read the runner choice from the accepted shapes; unknown extra keys/attributes are ignored."""
    if settings is None:
        return RunnerSettings()
    if isinstance(settings, RunnerSettings):
        return settings
    if not isinstance(settings, Mapping) and hasattr(settings, "settings"):
        settings = settings.settings  # a whole flows.config.Config
    get = settings.get if isinstance(settings, Mapping) else (lambda key: getattr(settings, key, None))
    workers = get("dask_workers") or None
    if workers is None and os.environ.get(WORKERS_ENV, "").strip():
        text = os.environ[WORKERS_ENV].strip()
        if not text.isdigit():
            raise RunnerConfigError(f"{WORKERS_ENV}={text!r}: expected a whole number >= 1")
        workers = int(text)
    return RunnerSettings(
        task_runner=get("task_runner") or "thread",
        dask_address=get("dask_address") or None,
        dask_workers=workers,
        threads_per_worker=get("dask_threads_per_worker") or 1,
        max_workers=get("max_workers"),
    )


def make_task_runner(settings: Any = None) -> TaskRunner:
    """The task runner the settings ask for; use as ``with make_task_runner(s) as runner: runner.submit``.

    A local Dask cluster starts when the runner is entered and stops when it is left, so it lives exactly
    as long as the run; building the runner costs nothing and needs no scheduler.
    """
    chosen = runner_settings(settings)
    if chosen.task_runner == "thread":
        return ThreadPoolTaskRunner(max_workers=chosen.max_workers or FETCH_THREADS)
    if chosen.task_runner == "process":
        return ProcessPoolTaskRunner(max_workers=chosen.max_workers)
    try:
        from quantcheck.flows.dask_runner import QuoteSafeDaskTaskRunner
    except ImportError:
        raise RunnerConfigError("task_runner = 'dask' needs the prefect-dask package") from None
    if chosen.dask_address:
        return QuoteSafeDaskTaskRunner(address=chosen.dask_address)
    return QuoteSafeDaskTaskRunner(
        cluster_kwargs={
            "n_workers": chosen.local_dask_workers,
            "threads_per_worker": chosen.threads_per_worker,
            "processes": True,
            # No dashboard: it needs bokeh and a free port, and a pipeline run never looks at it.
            "dashboard_address": None,
        }
    )


task_runner_from_config = make_task_runner  # the name used in issue 6's brief


def describe(settings: Any = None) -> str:
    """One line for logs and progress output: which runner a run uses."""
    chosen = runner_settings(settings)
    if chosen.task_runner == "thread":
        return f"threads in the flow process ({chosen.max_workers or FETCH_THREADS})"
    if chosen.task_runner == "process":
        return f"Prefect process pool (max_workers={chosen.max_workers or 'default'})"
    if chosen.dask_address:
        return f"Dask scheduler at {chosen.dask_address}"
    return (
        f"local Dask cluster ({chosen.local_dask_workers} worker processes x "
        f"{chosen.threads_per_worker} threads)"
    )
