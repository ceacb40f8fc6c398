"""``quantcheck serve``: serve the pipeline as Prefect deployment(s) on the schedules in the config.

Sources sharing a schedule (their own ``schedule``, else ``[settings] schedule``) form one deployment, so a
feed polled every 5 minutes and an archive folder read nightly run on their own clocks. The process runs
until interrupted; runs are executed by it (Prefect's ``serve``), no worker or work pool is needed.

Schedules only fire on a Prefect server that outlives this process: start one with ``prefect server start``
and set ``PREFECT_API_URL=http://127.0.0.1:4200/api`` (or point it at any Prefect server). Without it
Prefect uses a temporary server and warns that it cannot schedule.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import OrderedDict

from quantcheck.flows.config import Config, ConfigError, build_config

DEFAULT_NAME = "quantcheck"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve",
        help="serve the pipeline as a scheduled Prefect deployment (cron or interval from the config)",
        description="Serve the pipeline flow as Prefect deployment(s) with the schedules of the config file. "
        "Needs a Prefect server for schedules to fire: run `prefect server start` and set "
        "PREFECT_API_URL=http://127.0.0.1:4200/api, or point PREFECT_API_URL at your Prefect server.",
    )
    p.add_argument("--config", metavar="FILE", required=True, help="sources TOML file")
    p.add_argument("--db", metavar="PATH", help="warehouse file (default as for `quantcheck run`)")
    p.add_argument("--name", default=DEFAULT_NAME, help=f"deployment name (default {DEFAULT_NAME!r})")
    p.add_argument("--limit", type=int, default=1, metavar="N",
                   help="flow runs executed at the same time by this process (default 1: runs due while "
                   "another is running wait their turn instead of competing for the warehouse lock)")
    p.set_defaults(func=main)


def schedule_groups(cfg: Config) -> OrderedDict[str | int | None, list[str]]:
    """Source names grouped by effective schedule, in config order (None: not scheduled)."""
    groups: OrderedDict[str | int | None, list[str]] = OrderedDict()
    for s in cfg.sources:
        sched = s.schedule if s.schedule is not None else cfg.settings.schedule
        groups.setdefault(sched, []).append(s.name)
    return groups


def deployment_name(base: str, schedule: str | int | None, n_groups: int) -> str:
    if n_groups == 1:
        return base
    if schedule is None:
        return f"{base}-manual"
    if isinstance(schedule, int):
        return f"{base}-every-{schedule}s"
    return f"{base}-cron-{re.sub(r'[^0-9A-Za-z]+', '-', schedule).strip('-')}"


def build_deployments(cfg: Config, config_path: str, db: str | None, name: str) -> list:
    """RunnerDeployments of the pipeline flow, one per schedule group (parameters point at the config)."""
    from quantcheck.flows.pipeline import quantcheck_pipeline

    groups = schedule_groups(cfg)
    deployments = []
    for schedule, names in groups.items():
        params: dict = {"config_path": config_path}
        if db:
            params["db"] = db if db.startswith("ducklake:") else os.path.abspath(db)
        if len(groups) > 1:
            params["only_sources"] = names
        kwargs: dict = {}
        if isinstance(schedule, int):
            kwargs["interval"] = schedule
        elif isinstance(schedule, str):
            kwargs["cron"] = schedule
        deployments.append(quantcheck_pipeline.to_deployment(
            name=deployment_name(name, schedule, len(groups)), parameters=params,
            description=f"quantcheck pipeline for {', '.join(names)}", tags=["quantcheck"], **kwargs))
    return deployments


def main(args: argparse.Namespace) -> int:
    config_path = os.path.abspath(args.config)
    try:
        cfg = build_config(config_path)
    except ConfigError as exc:
        print(f"quantcheck serve: config error: {exc}", file=sys.stderr)
        return 2
    if not cfg.sources:
        print(f"quantcheck serve: {config_path} has no [[source]] entries", file=sys.stderr)
        return 2
    groups = schedule_groups(cfg)
    if None in groups:
        print(f"quantcheck serve: note: source(s) {', '.join(groups[None])} have no schedule (set [settings] "
              "schedule or the source's schedule); they run only when triggered", file=sys.stderr)
    if not os.environ.get("PREFECT_API_URL"):
        print("quantcheck serve: PREFECT_API_URL is not set, so Prefect uses a temporary server on which "
              "schedules do not fire. Start `prefect server start` in another terminal and run\n"
              "  export PREFECT_API_URL=http://127.0.0.1:4200/api\nthen start `quantcheck serve` again.",
              file=sys.stderr)
    from prefect import serve

    deployments = build_deployments(cfg, config_path, args.db, args.name)
    serve(*deployments, print_starting_message=True, limit=max(1, args.limit))
    return 0
