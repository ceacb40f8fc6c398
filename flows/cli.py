"""The ``quantcheck`` command: one sub-command per module under ``flows/commands``.

Each command module exposes ``register(subparsers)`` which adds its parser and sets
``func`` (a callable taking the parsed args and returning an exit status). Keeping one module per
command lets each part of the project own its command without editing a shared file.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

COMMAND_MODULES = (
    "extract",
    "run",
    "serve",
    "sql",
    "demo",
    "conflicts",
    "reference",
    "report",
    "export",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quantcheck",
        description="Check the numbers in the news: extract quantity claims, store them in DuckDB, "
        "and show where sources disagree.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"flows.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"flows.commands.{name}":
                continue  # command not built yet
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # quantcheck only talks to the sources it is given: Prefect's usage telemetry stays off unless the
    # user turns it on explicitly.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
