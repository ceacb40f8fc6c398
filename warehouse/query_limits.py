"""Resource limits for a query someone types (``quantcheck sql``): time, memory, spill files.

A read-only, locked-down connection cannot change anything, but a query can still run for ever
(``SELECT count(*) FROM range(100000000000000)``), take most of the machine's memory, or spill up to 90 %
of the free disk into ``<db>.tmp/`` beside the warehouse (DuckDB's default temporary directory), although
the command promises to write no file. So the connection is opened with:

- ``memory_limit``: a quarter of the physical memory, at most 8 GiB (``--memory-limit``);
- ``temp_directory``: a private folder under the system's temporary directory, made for this query and
  removed afterwards, with ``max_temp_directory_size`` a quarter of that file system's free space, at most
  10 GiB; nothing is written beside the warehouse;
- no progress bar (it would mix with the output);

and the query is interrupted through the connection (``con.interrupt()``) when it runs longer than its
timeout (``--timeout``). These settings are fixed at connection time: the configuration is locked.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import duckdb

GIB = 1 << 30
MEMORY_SHARE, MEMORY_CAP, MEMORY_FLOOR = 0.25, 8 * GIB, 256 << 20
SPILL_SHARE, SPILL_CAP = 0.25, 10 * GIB


@dataclass(frozen=True)
class QueryLimits:
    memory_limit: str            # e.g. "4096MB", DuckDB's syntax
    temp_directory: str          # a private folder, removed when the query ends
    max_temp_directory_size: str

    def config(self) -> dict[str, object]:
        """DuckDB configuration options (given to duckdb.connect before the configuration is locked)."""
        return {
            "memory_limit": self.memory_limit,
            "temp_directory": self.temp_directory,
            "max_temp_directory_size": self.max_temp_directory_size,
        }


def default_memory_limit() -> str:
    """A quarter of the physical memory, between 256 MiB and 8 GiB."""
    try:
        total = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        total = 4 * GIB
    return f"{max(MEMORY_FLOOR, min(MEMORY_CAP, int(total * MEMORY_SHARE))) >> 20}MB"


@contextlib.contextmanager
def query_limits(memory_limit: str | None = None) -> Iterator[QueryLimits]:
    """Limits for one query, with its private spill folder (removed on exit, whatever happened)."""
    folder = tempfile.mkdtemp(prefix="quantcheck-sql-")
    try:
        free = shutil.disk_usage(folder).free
        spill = max(64 << 20, min(SPILL_CAP, int(free * SPILL_SHARE)))
        yield QueryLimits(memory_limit or default_memory_limit(), os.path.join(folder, "spill"),
                          f"{spill >> 20}MB")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class Deadline:
    """Interrupts the connection's running query after ``seconds`` (None or 0: never)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, seconds: float | None) -> None:
        self.seconds = seconds
        self.fired = threading.Event()
        self._con = con
        self._timer = threading.Timer(seconds, self._fire) if seconds else None
        if self._timer is not None:
            self._timer.daemon = True

    def _fire(self) -> None:
        self.fired.set()
        with contextlib.suppress(Exception):
            self._con.interrupt()

    def __enter__(self) -> Deadline:
        if self._timer is not None:
            self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._timer is not None:
            self._timer.cancel()
