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


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command, or with just ``only`` (so ``quantcheck extract`` does not pay
    for importing Prefect, which the pipeline commands need)."""
    parser = argparse.ArgumentParser(
        prog="quantcheck",
        description="Check the numbers in the news: extract quantity claims, store them in DuckDB, "
        "and show where sources disagree.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES if only is None else (only,):
        importlib.import_module(f"quantcheck.flows.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # quantcheck only talks to the sources it is given: Prefect's usage telemetry stays off unless the
    # user turns it on explicitly.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    argv = sys.argv[1:] if argv is None else argv
    first = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(first if first in COMMAND_MODULES else None)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
