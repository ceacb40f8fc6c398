"""Atomic file replacement and the public-snapshot publication step.

A reader opening the public path must see either the previous file or the next one, never a file
being written: the copy goes to a temporary file in the same directory, is fsynced, and is renamed over
the public path (``os.replace`` is atomic within a filesystem). Readers that had the old file open keep
its inode and keep querying it.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
from pathlib import Path

log = logging.getLogger(__name__)


def fsync_dir(directory: Path) -> None:
    """Make a rename durable: fsync the directory entry (best effort where directories cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_name(dst: Path) -> Path:
    """A temporary name beside ``dst`` (same filesystem, so the final rename is atomic)."""
    return dst.with_name(f".{dst.name}.tmp-{os.getpid()}")


def copy_atomically(src: Path, dst: Path) -> None:
    """Copy ``src`` to ``dst`` so that ``dst`` is always either the old file or the complete new one."""
    tmp = temp_name(dst)
    try:
        shutil.copyfile(src, tmp)
        fsync_file(tmp)
        os.replace(tmp, dst)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(dst.parent)


def held_read_write(path: Path) -> bool:
    """True when another process has ``path`` open read-write in DuckDB.

    DuckDB takes an fcntl write lock on a database it opens read-write and a read lock when it opens it
    read-only; a non-blocking shared ``lockf`` therefore fails only while a read-write holder exists.
    (Opening and closing a descriptor drops *this* process's fcntl locks on the file, so this must not
    be called on a file the calling process itself has open in DuckDB.)
    """
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def publish_file(master: Path, public: Path, wal: Path) -> bool:
    """Publish a copy of ``master`` at ``public``; False (and a warning) when it is unsafe right now.

    A process holding the public file read-write could later write a WAL beside the *new* file, which
    DuckDB would replay into it; in that case the snapshot is left as it is and the next run publishes.
    A WAL without a holder is a leftover of a crashed read-write session on the old file: removed.
    """
    public.parent.mkdir(parents=True, exist_ok=True)
    if held_read_write(public):
        log.warning(
            "public warehouse %s is open read-write by another process (open it with `duckdb -readonly`); "
            "the run's data is safe in the master and will be published by the next run",
            public,
        )
        return False
    with contextlib.suppress(FileNotFoundError):
        wal.unlink()
    copy_atomically(master, public)
    return True
