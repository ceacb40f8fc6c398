"""The warehouse's public API: where it is, how a run writes it, how readers open it.

One chooser over two sibling backends: ``--db`` / ``$QUANTCHECK_DB`` naming ``ducklake:sqlite:/…`` or
``ducklake:postgres:…`` selects the DuckLake backend (warehouse/ducklake.py: a catalog plus Parquet files,
several writers at once); anything else is the embedded DuckDB file (warehouse/embedded.py: one writer at
a time, readers on a published snapshot). Both hand out the same ``Writer``; the backends never call
each other, and every caller, the flow and the commands alike, comes through here.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator

import duckdb

from quantcheck.warehouse import ducklake, embedded
from quantcheck.warehouse.create_views import ViewError
from quantcheck.warehouse.embedded import NotAWarehouse, WarehouseNotFound, publish_now
from quantcheck.warehouse.lock import WarehouseBusy
from quantcheck.warehouse.migrate import MigrationError
from quantcheck.warehouse.paths import default_db_path
from quantcheck.warehouse.writer import Writer

__all__ = [
    "MigrationError",
    "NotAWarehouse",
    "ViewError",
    "WarehouseBusy",
    "WarehouseNotFound",
    "Writer",
    "connect_read_only",
    "default_db_path",
    "is_lake",
    "open_writer",
    "publish_now",
]


def is_lake(db: str | os.PathLike[str] | None) -> bool:
    """Whether ``db`` (or ``$QUANTCHECK_DB`` when None) names a DuckLake rather than a DuckDB file."""
    return ducklake.lake_for(db) is not None


def connect_read_only(
    db: str | os.PathLike[str] | None = None, *, safe: bool = True, limits: dict[str, object] | None = None
) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse ``db`` names (locked down unless ``safe=False``); ``limits``
    are DuckDB options set before the lock (warehouse.query_limits: memory, spill folder)."""
    lake = ducklake.lake_for(db)
    if lake is not None:
        return ducklake.connect_read_only(lake, safe=safe, limits=limits)
    return embedded.connect_read_only(db, safe=safe, limits=limits)


@contextlib.contextmanager
def open_writer(
    db: str | os.PathLike[str] | None = None, *,
    before_publish: Callable[[duckdb.DuckDBPyConnection], object] | None = None,
    wait_seconds: float | None = 300.0,
) -> Iterator[Writer]:
    """Write access for one run on whichever backend ``db`` names; see ``embedded.open_writer`` (commit
    and publish on normal exit, discard on exception) and ``ducklake.open_writer`` (each change commits
    on its own). ``before_publish(con)`` rebuilds what is derived from the run's writes (``checks.refresh``,
    passed in by flows): the warehouse never imports the packages built on it.
    """
    lake = ducklake.lake_for(db)
    opened = (ducklake.open_writer(lake, before_publish=before_publish, wait_seconds=wait_seconds)
              if lake is not None else
              embedded.open_writer(db, before_publish=before_publish, wait_seconds=wait_seconds))
    with opened as writer:
        yield writer
