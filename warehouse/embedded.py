"""The embedded backend: one DuckDB file, written by one run at a time and published as a snapshot.

``warehouse.db`` chooses between this and the DuckLake backend (warehouse/ducklake.py); callers use it.

Why a published snapshot: DuckDB lets a file be opened by one read-write process *or* by several
read-only ones. If runs wrote the file fact-checkers query, a notebook left open would make every
scheduled run fail. So runs write a private master under an exclusive lock, on a scratch copy, and
publish a fresh snapshot to the public path by atomic rename; readers keep their snapshot until they
reconnect. See warehouse/README.md ("Concurrency and crash safety") for the full protocol.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb

from quantcheck.warehouse.create_views import apply_views
from quantcheck.warehouse.lock import RunLock
from quantcheck.warehouse.migrate import apply_migrations
from quantcheck.warehouse.paths import WarehousePaths
from quantcheck.warehouse.publish import fsync_dir, fsync_file, publish_file
from quantcheck.warehouse.writer import Writer

log = logging.getLogger(__name__)

# Locked-down reader configuration: cannot write the file, touch other files, or load code.
SAFE_READER_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}


class WarehouseNotFound(FileNotFoundError):
    """The public warehouse file does not exist yet."""


class NotAWarehouse(RuntimeError):
    """The path holds a file that is not a DuckDB database (never overwritten)."""


def connect_read_only(
    db: str | os.PathLike[str] | None = None, *, safe: bool = True, limits: dict[str, object] | None = None
) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the public snapshot (locked down unless ``safe=False``); ``limits`` are
    DuckDB options set before the lock (warehouse.query_limits: memory, spill folder)."""
    path = WarehousePaths.for_db(db).public
    if not path.is_file():
        raise WarehouseNotFound(
            f"no warehouse at {path}: run `quantcheck run` first, or point --db / QUANTCHECK_DB at one"
        )
    # this order: DuckDB refuses a temp_directory given after enable_external_access = false
    config = {**(SAFE_READER_CONFIG if safe else {}), **(limits or {})}
    return duckdb.connect(str(path), read_only=True, config=config)


@contextlib.contextmanager
def open_writer(
    db: str | os.PathLike[str] | None = None, *,
    before_publish: Callable[[duckdb.DuckDBPyConnection], object] | None = None,
    wait_seconds: float | None = 300.0,
) -> Iterator[Writer]:
    """Write access for one run: commit and publish on normal exit, discard on exception.

    ``before_publish(con)`` runs on the scratch copy after the run's writes and before the commit point,
    so what it derives (``checks.refresh``: the tables the comparison views read) is published together
    with them. The caller passes it in: the warehouse does not know the packages built on it.
    Raises WarehouseBusy when another run holds the lock beyond ``wait_seconds`` (None = forever).
    """
    paths = WarehousePaths.for_db(db)
    with RunLock(paths.lock, wait_seconds):
        _recover(paths)
        scratch = paths.scratch()
        _remove_db_files(scratch)
        adopted = False
        try:
            if paths.master.exists():
                shutil.copyfile(paths.master, scratch)
            elif paths.public.exists():
                log.info("no master for %s: adopting the public file as the master", paths.public)
                shutil.copyfile(paths.public, scratch)
                adopted = True
            con = duckdb.connect(str(scratch))
        except duckdb.Error as exc:
            _remove_db_files(scratch)
            if adopted:
                raise NotAWarehouse(
                    f"{paths.public} exists but is not a DuckDB database ({exc}); it was left untouched: "
                    "move it away or choose another --db / QUANTCHECK_DB"
                ) from exc
            raise
        except BaseException:
            _remove_db_files(scratch)
            raise
        try:
            if adopted:
                _refuse_foreign(con, paths.public)
            # The scratch copy is discarded on a crash, so WAL durability buys nothing here; checkpointing
            # less often (every 128 MB of WAL instead of 16) cut the CPU of loading small batches by a
            # fifth and gave a smaller file (fewer partial row groups) in bench_warehouse.
            con.execute("SET checkpoint_threshold = '128MB'")
            apply_migrations(con)
            apply_views(con)
        except BaseException:
            con.close()
            _remove_db_files(scratch)
            raise
        writer = Writer(con)
        try:
            yield writer
            writer.complete(before_publish)
            con.execute("CHECKPOINT")
            con.close()
        except BaseException as exc:
            with contextlib.suppress(Exception):
                con.close()
            _remove_db_files(scratch)
            if writer.run_id is not None:
                _record_failed_run(paths, writer, exc)
            raise
        _commit(paths, scratch)
        writer.published = _try_publish(paths)


def publish_now(db: str | os.PathLike[str] | None = None, *, wait_seconds: float | None = 300.0) -> bool:
    """Publish the master to the public path if it is not published yet (e.g. after a reader held the
    public file read-write); True when the public file is now up to date."""
    paths = WarehousePaths.for_db(db)
    with RunLock(paths.lock, wait_seconds):
        _recover(paths)
        if not paths.master.exists():
            return False
        return _published_identity(paths) == _identity(paths.master) or _try_publish(paths)


# --- internals -----------------------------------------------------------------------------------------


def _remove_db_files(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def _recover(paths: WarehousePaths) -> None:
    """Under the lock: clear what crashed runs left, and finish an interrupted publication."""
    paths.state_dir.mkdir(parents=True, exist_ok=True)
    for leftover in paths.state_dir.glob("scratch-*"):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    for leftover in paths.state_dir.glob(".*.tmp-*"):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    for leftover in paths.public.parent.glob(f".{paths.public.name}.tmp-*"):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    if paths.wal(paths.master).exists():
        # Only failed-run records are written to the master directly; replay and fold their WAL.
        con = duckdb.connect(str(paths.master))
        con.execute("CHECKPOINT")
        con.close()
    if paths.master.exists() and _published_identity(paths) != _identity(paths.master):
        log.info("publishing %s: the last run committed but did not publish", paths.public)
        _try_publish(paths)


def _refuse_foreign(con: duckdb.DuckDBPyConnection, public: Path) -> None:
    """A DuckDB file with tables but no schema_migrations is someone else's database: never adopt it."""
    rows = con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT temporary").fetchall()
    tables = {r[0] for r in rows}
    if tables and "schema_migrations" not in tables:
        raise NotAWarehouse(
            f"{public} is a DuckDB database but not a quantcheck warehouse (tables: "
            f"{', '.join(sorted(tables)[:5])}); it was left untouched: choose another --db / QUANTCHECK_DB"
        )


def _identity(path: Path) -> dict[str, int]:
    st = path.stat()
    return {"inode": st.st_ino, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _published_identity(paths: WarehousePaths) -> dict[str, int] | None:
    if not paths.public.exists():
        return None
    try:
        return json.loads(paths.published_marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _commit(paths: WarehousePaths, scratch: Path) -> None:
    """The commit point of a run: the checkpointed scratch copy atomically becomes the master."""
    if paths.wal(scratch).exists():
        raise RuntimeError(f"{scratch} still has a WAL after CHECKPOINT; refusing to commit it")
    fsync_file(scratch)
    os.replace(scratch, paths.master)
    fsync_dir(paths.state_dir)


def _publish(paths: WarehousePaths) -> bool:
    if not publish_file(paths.master, paths.public, paths.wal(paths.public)):
        return False
    marker = paths.state_dir / ".published.json.tmp-marker"
    marker.write_text(json.dumps(_identity(paths.master)), encoding="utf-8")
    os.replace(marker, paths.published_marker)
    return True


def _try_publish(paths: WarehousePaths) -> bool:
    """Publish after the commit point: a failure (disk full…) is logged, not raised, because the run is
    already durable in the master and the next writer (or publish_now) publishes it."""
    try:
        return _publish(paths)
    except (OSError, duckdb.Error) as exc:
        log.error("run committed to %s but publishing %s failed (%s); the next run publishes it",
                  paths.master, paths.public, exc)
        return False


def _record_failed_run(paths: WarehousePaths, writer: Writer, exc: BaseException) -> None:
    """Best effort, but always tried: a failed run leaves one 'failed' row in runs (its data is discarded)
    and is published, so the failure shows where people look for it.

    A first run that fails has no master to record into: an empty warehouse (migrations and views) is
    created for its row, unless a public file exists (it is adopted by the next successful run; writing a
    master beside it here would publish over it). If the row cannot be written with its skipped items,
    it is written without them (the error says so) rather than not at all.
    """
    error = f"{type(exc).__name__}: {exc}"[:2000]
    if not paths.master.exists():
        if paths.public.exists():
            return
        try:
            _create_empty_master(paths)
        except Exception:  # a full disk, say: nothing can be recorded
            log.exception("could not create %s to record the failed run", paths.master)
            return
    attempts = [list(writer.skipped), []]
    for skipped in attempts:
        try:
            con = duckdb.connect(str(paths.master))
            try:
                con.execute("BEGIN TRANSACTION")  # all or nothing: no 'running' row left by a failed try
                failed = Writer(con)
                failed.start_run(writer.flow_run_id)
                failed.documents_seen = writer.documents_seen
                failed.skipped = skipped
                note = "" if skipped or not writer.skipped else (
                    f" ({len(writer.skipped)} skipped item(s) could not be recorded)")
                failed.finish_run("failed", error=error + note)
                con.execute("COMMIT")
                con.execute("CHECKPOINT")
            finally:
                con.close()
        except Exception:  # the original error matters more than the bookkeeping
            log.exception("could not record the failed run in %s", paths.master)
            continue
        _try_publish(paths)
        return


def _create_empty_master(paths: WarehousePaths) -> None:
    """A new master holding only the schema (built on a scratch file, then renamed into place)."""
    scratch = paths.scratch()
    _remove_db_files(scratch)
    try:
        con = duckdb.connect(str(scratch))
        try:
            apply_migrations(con)
            apply_views(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        _commit(paths, scratch)
    except BaseException:
        _remove_db_files(scratch)
        raise
