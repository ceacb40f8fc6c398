"""The run lock: at most one writer per warehouse, across processes.

``fcntl.flock`` locks belong to an open file description, so two runs conflict whether they are two
processes or two threads of one process, and the kernel drops the lock when a process dies (even by
SIGKILL): a crashed run never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import time
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

POLL_SECONDS = 0.05


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse lock for longer than we were willing to wait."""


class RunLock:
    """Exclusive lock on ``path``; ``wait_seconds=None`` waits forever, ``0`` tries once."""

    def __init__(self, path: Path, wait_seconds: float | None = 300.0) -> None:
        self.path = path
        self.wait_seconds = wait_seconds
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = None if self.wait_seconds is None else time.monotonic() + max(self.wait_seconds, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if deadline is not None and time.monotonic() >= deadline:
                    holder = _read_holder(fd)
                    os.close(fd)
                    raise WarehouseBusy(
                        f"warehouse {self.path.parent} is being written by another run ({holder}); "
                        f"gave up after {self.wait_seconds:g} s"
                    ) from None
                time.sleep(POLL_SECONDS)
        os.ftruncate(fd, 0)
        since = datetime.now(UTC).isoformat(timespec="seconds")
        os.pwrite(fd, f"pid {os.getpid()} since {since}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        return os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "holder unknown"
    except OSError:
        return "holder unknown"
