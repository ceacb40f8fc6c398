"""What the read-only commands share: the ``--db`` option and opening the published warehouse.

Every reading command must fail the same way on a missing or unreadable warehouse (a message on
stderr and exit status 2), so the logic lives here once.
"""

from __future__ import annotations

import argparse
import sys

import duckdb

DB_HELP = "warehouse file (default: $QUANTCHECK_DB or ./quantcheck.duckdb)"


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help=DB_HELP)


def open_reader(db: str | None, limits: dict[str, object] | None = None) -> duckdb.DuckDBPyConnection | None:
    """A locked-down read-only connection (with ``limits``: warehouse.query_limits), or None after printing
    why there is none."""
    from warehouse.db import WarehouseNotFound, connect_read_only

    try:
        return connect_read_only(db, limits=limits)
    except WarehouseNotFound as exc:
        print(f"error: {exc}", file=sys.stderr)
    except duckdb.Error as exc:
        print(f"error: cannot open the warehouse read-only: {exc}", file=sys.stderr)
    return None
