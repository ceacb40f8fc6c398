"""``quantcheck reference``: load official figures and dated exchange rates into the warehouse.

    quantcheck reference load facts.csv [--db PATH]    # reference_facts → the `checks` view's verdicts
    quantcheck reference rates rates.csv [--db PATH]   # exchange_rates → amounts compared across currencies

A file with any bad row is refused whole, with every problem listed; nothing is half-loaded.
Exit status: 0 loaded, 1 refused (bad file), 2 no warehouse at that path (never created here), 3 the
warehouse is busy with another run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quantcheck.flows.commands.common import DB_HELP


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("reference", help="load reference facts or exchange rates",
                              description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="reference_command", required=True, metavar="ACTION")
    load = sub.add_parser(
        "load", help="load reference facts from CSV or Parquet",
        description="Columns: subject (required), value or low+high, unit (pint unit or ISO 4217 code; empty "
        "for counts), concept (required for counts), as_of (YYYY-MM-DD), source, fact_id, notes.")
    load.add_argument("file", type=Path)
    load.add_argument("--db", help=DB_HELP)
    load.set_defaults(func=run_load)
    rates = sub.add_parser(
        "rates", help="load dated exchange rates from CSV or Parquet",
        description="Columns: date (YYYY-MM-DD), from, to (ISO 4217 codes), rate (1 from = rate to), "
        "source (optional). A claim uses the latest rate dated on or before its article's day.")
    rates.add_argument("file", type=Path)
    rates.add_argument("--db", help=DB_HELP)
    rates.set_defaults(func=run_rates)


def missing_warehouse(db: str | None) -> str | None:
    """Why there is no warehouse to load into, or None. Loading reference figures adds to a warehouse
    that runs have filled; it never creates one (a typo in --db would otherwise give a new, empty
    warehouse that no report ever reads)."""
    from quantcheck.warehouse.db import is_lake
    from quantcheck.warehouse.paths import WarehousePaths

    if is_lake(db):
        return None
    paths = WarehousePaths.for_db(db)
    if paths.public.is_file() or paths.master.is_file():
        return None
    return (f"no warehouse at {paths.public}: run `quantcheck run` first, or point --db / QUANTCHECK_DB "
            "at one (loading reference files never creates a warehouse)")


def _run(loader, kind: str, args: argparse.Namespace) -> int:
    from quantcheck.checks.loading import LoadError
    from quantcheck.warehouse.db import WarehouseBusy

    problem = missing_warehouse(args.db)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        n = loader(args.file, args.db)
    except LoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except WarehouseBusy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    from quantcheck.checks.present import plural

    print(f"loaded {plural(n, kind)} from {args.file}")
    return 0


def run_load(args: argparse.Namespace) -> int:
    from quantcheck.checks.loading import load_reference_file

    return _run(load_reference_file, "reference fact", args)


def run_rates(args: argparse.Namespace) -> int:
    from quantcheck.checks.loading import load_rates_file

    return _run(load_rates_file, "exchange rate", args)
