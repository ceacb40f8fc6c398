"""What the read-only commands share: the ``--db`` option and opening the published warehouse.

Every reading command must fail the same way on a missing or unreadable warehouse (a message on
stderr and exit status 2), so the logic lives here once.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TypeVar

import duckdb

T = TypeVar("T")

DB_HELP = "warehouse file (default: $QUANTCHECK_DB or ./quantcheck.duckdb)"


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help=DB_HELP)


def open_reader(db: str | None, limits: dict[str, object] | None = None) -> duckdb.DuckDBPyConnection | None:
    """A locked-down read-only connection (with ``limits``: warehouse.query_limits), or None after printing
    why there is none."""
    from quantcheck.warehouse.db import WarehouseNotFound, connect_read_only

    try:
        return connect_read_only(db, limits=limits)
    except WarehouseNotFound as exc:
        print(f"error: {exc}", file=sys.stderr)
    except duckdb.Error as exc:
        print(f"error: cannot open the warehouse read-only: {exc}", file=sys.stderr)
    return None


def read_with(db: str | None, read: Callable[[duckdb.DuckDBPyConnection], T]) -> T | None:
    """``read(con)`` on a locked-down read-only connection, closed afterwards; None after printing why
    the warehouse cannot be opened (the caller exits with status 2)."""
    con = open_reader(db)
    if con is None:
        return None
    try:
        return read(con)
    finally:
        con.close()


def write_or_complain(path, text: str, prefix: str) -> bool:
    """``write_output``; False after printing why the file cannot be written (the caller exits with 1)."""
    try:
        write_output(path, text, prefix)
    except OSError as exc:
        print(f"error: cannot write {path}: {exc}", file=sys.stderr)
        return False
    return True


def current_umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux /proc), else by
    setting and restoring it (commands are single-threaded at this point)."""
    import os

    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_output(path, text: str, prefix: str) -> None:
    """Write ``text`` to ``path`` atomically (a temporary file beside it, then a rename, so a reader
    never sees half a file) with the permissions any new file gets (0666 minus the umask), not the
    0600 of a temporary file. Raises OSError."""
    import os
    import tempfile
    from pathlib import Path

    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=path.suffix, dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~current_umask())
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
