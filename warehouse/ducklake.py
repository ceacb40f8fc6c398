"""The warehouse on DuckLake: a catalog database plus Parquet data files, for several writers at once.

Why a second backend: the default warehouse is one embedded DuckDB file written by one run at a time (a
private master published as a read-only copy). A consortium that loads from many processes or machines at
once needs a store with concurrent writers. DuckLake keeps the catalog (tables, snapshots, file lists) in
SQLite (several processes on one machine) or PostgreSQL (several machines) and the data as Parquet files
under a folder or object-store path; every DuckDB client can ``ATTACH`` it and query the same tables and
views, with snapshot isolation.

Schema: the lake's tables are derived from the same numbered migrations as the embedded warehouse
(``warehouse/migrations``): they are applied to an in-memory DuckDB, and the lake gets the same tables and
columns (DuckLake has no PRIMARY KEY/UNIQUE constraints and no sequences, so those are left out; NOT NULL
and constant defaults are kept). New migrations add tables, or columns at the end, exactly as in the
embedded file. The views are the same ``views/*.sql`` files, created inside the lake's catalog.

Writers and exact deduplication: DuckLake lets concurrent transactions append to the same table without
conflict, so an anti-join "insert documents whose content_hash is not stored yet" run by two writers at once
would insert the same article twice. Every writing transaction therefore also rewrites the single row of
``writer_state.state``. Two transactions that both changed that row
cannot both commit: DuckLake reports a conflict (PostgreSQL catalog) or SQLite reports the catalog busy
(SQLite catalog), the loser rolls back and retries on the newer snapshot, where its anti-join now sees the
winner's documents. Commits are thus serialised — each is short (Parquet files are written before the
commit) — while extraction, the expensive part, runs fully in parallel.
"""

from __future__ import annotations

import contextlib
import functools
import os
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from quantcheck.warehouse import extensions, migrate
from quantcheck.warehouse.create_views import apply_views, view_sources
from quantcheck.warehouse.extensions import sql_literal
from quantcheck.warehouse.sqlfiles import run_sql_script, sql_text
from quantcheck.warehouse.writer import Writer

T = TypeVar("T")

DEFAULT_ALIAS = "qc"
STATE_SCHEMA = "writer_state"
SQL_FOLDER = "ducklake_sql"  # this backend's own versions of warehouse/statements (no primary keys here)
# Substrings of the errors that mean "another writer committed first; retry on the newer snapshot".
RETRYABLE = (
    "transaction conflict",
    "database is locked",
    "could not serialize",
    "deadlock detected",
    "duplicate key value",  # two writers racing for the same snapshot id in the PostgreSQL catalog
    "conflict",
)


class LakeError(RuntimeError):
    """The DuckLake warehouse cannot be used as configured; the message says why."""


class LakeSchemaError(LakeError):
    """The lake's tables disagree with the migrations of this quantcheck."""


@dataclass(frozen=True)
class LakeConfig:
    """Where a DuckLake warehouse lives.

    ``catalog`` is ``sqlite:/path/catalog.sqlite``, ``postgres:<libpq connection string>`` (e.g.
    ``postgres:host=db.example port=5432 dbname=quantcheck user=qc``) or a bare path ending in ``.sqlite``
    / ``.db``. ``data_path`` is the folder (or ``s3://…`` path) of the Parquet files; it is stored in the
    catalog when the lake is created, so readers and later writers may leave it out.
    """

    catalog: str
    data_path: str | None = None
    alias: str = DEFAULT_ALIAS
    metadata_schema: str | None = None   # several lakes in one PostgreSQL database: one schema each

    def __post_init__(self) -> None:
        catalog = self.catalog.strip()
        if catalog.startswith("ducklake:"):
            catalog = catalog[len("ducklake:"):]
        if not catalog:
            raise LakeError("DuckLake catalog is empty: give sqlite:/path/catalog.sqlite or postgres:<dsn>")
        if not catalog.startswith(("sqlite:", "postgres:")):
            if catalog.endswith((".sqlite", ".sqlite3", ".db")):
                catalog = "sqlite:" + catalog
            else:
                raise LakeError(
                    f"DuckLake catalog {self.catalog!r}: expected sqlite:/path/catalog.sqlite or "
                    "postgres:<dsn>"
                )
        if catalog.startswith("sqlite:"):
            catalog = "sqlite:" + str(Path(catalog[len("sqlite:"):]).expanduser().absolute())
        object.__setattr__(self, "catalog", catalog)
        data_path = self.data_path
        if data_path and "://" not in data_path:
            data_path = str(Path(data_path).expanduser().absolute()) + os.sep
        object.__setattr__(self, "data_path", data_path or None)
        if not self.alias.isidentifier():
            raise LakeError(f"DuckLake alias {self.alias!r} must be a plain identifier")
        if self.metadata_schema is not None and not self.metadata_schema.isidentifier():
            raise LakeError(f"DuckLake metadata schema {self.metadata_schema!r} must be a plain identifier")

    @property
    def kind(self) -> str:
        """``sqlite`` or ``postgres``: which catalog database (and DuckDB extension) is used."""
        return self.catalog.split(":", 1)[0]

    @property
    def uri(self) -> str:
        return "ducklake:" + self.catalog

    def attach_sql(self, read_only: bool = False, with_data_path: bool = True) -> str:
        """The ``ATTACH`` statement (DuckDB cannot take parameters in ATTACH, hence the quoting helper)."""
        options: list[str] = []
        if with_data_path and self.data_path:
            options.append(f"DATA_PATH {sql_literal(self.data_path)}")
        if self.metadata_schema:
            options.append(f"METADATA_SCHEMA {sql_literal(self.metadata_schema)}")
        if self.kind == "sqlite":
            # WAL lets readers and one committing writer overlap; the busy timeout makes a writer wait for
            # another's commit instead of failing at once.
            options += ["META_JOURNAL_MODE 'WAL'", "META_BUSY_TIMEOUT 10000"]
        if read_only:
            options.append("READ_ONLY")
        return f"ATTACH {sql_literal(self.uri)} AS {self.alias} ({', '.join(options)})"

    def user_attach_line(self) -> str:
        """The one line a fact-checker types in any DuckDB client (extensions installed, see README)."""
        schema = f", METADATA_SCHEMA {sql_literal(self.metadata_schema)}" if self.metadata_schema else ""
        return f"ATTACH {sql_literal(self.uri)} AS {self.alias} (READ_ONLY{schema}); USE {self.alias};"


def connect(
    config: LakeConfig, read_only: bool = False, sync_schema: bool = True
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the lake attached and selected (``USE``), schema brought up to date.

    The extensions come from the ``duckdb-extension-*`` wheels (``warehouse.extensions``), never from
    the network. Read-only connections skip the schema step and refuse every write.
    """
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        extensions.load(con, "ducklake", config.kind)
        if config.data_path and "://" in config.data_path:
            extensions.load(con, "httpfs")
        _attach(con, config, read_only)
        con.execute(f"USE {config.alias}")
        _load_for_stored_data_path(con, config.alias)
        if sync_schema and not read_only:
            ensure_schema(con, config.alias)
    except BaseException:
        con.close()
        raise
    return con


def _load_for_stored_data_path(con: duckdb.DuckDBPyConnection, alias: str) -> None:
    """Readers learn the data path from the catalog: load httpfs when the files are on an object store."""
    row = con.execute(
        "SELECT value FROM ducklake_options(?) WHERE option_name = 'data_path'", [alias]
    ).fetchone()
    if row and row[0] and "://" in row[0] and not row[0].startswith("file://"):
        extensions.load(con, "httpfs")


def _attach(con: duckdb.DuckDBPyConnection, config: LakeConfig, read_only: bool) -> None:
    """ATTACH, retrying while another process is creating the same catalog (first use of a new lake)."""
    if config.kind == "sqlite":
        catalog_file = Path(config.catalog[len("sqlite:"):])
        if read_only and not catalog_file.is_file():
            raise LakeError(
                f"no DuckLake catalog at {catalog_file}: run `quantcheck run --db {config.uri}` first"
            )
        catalog_file.parent.mkdir(parents=True, exist_ok=True)

    def attach() -> None:
        try:
            con.execute(config.attach_sql(read_only=read_only))
        except duckdb.Error as exc:
            if "does not match existing data path" not in str(exc):
                raise
            # An existing lake keeps the data path recorded in its catalog (the configured one is for
            # creating a lake); DuckLake refuses a different one rather than silently moving the files.
            con.execute(config.attach_sql(read_only=read_only, with_data_path=False))

    try:
        with_retry(attach, what=f"attach DuckLake {config.uri}")
    except duckdb.Error as exc:
        raise LakeError(f"cannot attach DuckLake {config.uri}: {exc}") from exc


def is_retryable(exc: BaseException) -> bool:
    """A commit lost to a concurrent writer (or a busy catalog), as opposed to a real error."""
    if not isinstance(exc, duckdb.Error):
        return False
    message = str(exc).lower()
    return isinstance(exc, duckdb.TransactionException) or any(marker in message for marker in RETRYABLE)


def with_retry(
    fn: Callable[[], T],
    what: str,
    attempts: int = 60,
    first_wait: float = 0.02,
    on_retry: Callable[[BaseException], None] | None = None,
) -> T:
    """Run ``fn`` until it stops failing with a retryable error; waits grow and are jittered.

    The jitter only spreads the retries of writers that collided; the data written does not depend on it.
    """
    wait = first_wait
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except duckdb.Error as exc:
            if not is_retryable(exc):
                raise
            if attempt == attempts:
                raise LakeError(f"{what}: still conflicting after {attempts} attempts: {exc}") from exc
            if on_retry is not None:
                on_retry(exc)
            time.sleep(wait * (0.5 + random.random()))
            wait = min(wait * 1.6, 1.0)
    raise AssertionError("unreachable")  # pragma: no cover


def in_transaction(con: duckdb.DuckDBPyConnection, body: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
    """Run ``body`` once in a lake transaction that rewrites the writer-state row; roll back on error."""
    con.execute("BEGIN TRANSACTION")
    try:
        touch_state(con)
        result = body(con)
        con.execute("COMMIT")
        return result
    except BaseException:
        _rollback(con)
        raise


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass  # a failed COMMIT has already ended the transaction


def touch_state(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite the writer-state row: two transactions that both did this cannot both commit."""
    con.execute(f"UPDATE {STATE_SCHEMA}.state SET commits = commits + 1, updated_at = now()")


def run_script(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]) -> None:
    """Run ``ducklake_sql/<name>.sql`` statement by statement, each with the parameters it names."""
    run_sql_script(con, sql_text("warehouse", SQL_FOLDER, name), params)


# --------------------------------------------------------------------------------------------------
# Schema: derived from warehouse/migrations, applied to the lake in one retried transaction.


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    nullable: bool
    default: str | None


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class Reference:
    """What this quantcheck's migrations and view files produce on an empty DuckDB."""

    tables: dict[str, list[Column]]
    migrations: list[migrate.Migration]
    views: list[tuple[str, str]]                    # (name, file SQL) in dependency order
    view_definitions: dict[str, tuple[str, str]]    # name -> (normalised SQL, comment) as DuckDB stores them


@functools.lru_cache(maxsize=1)
def reference_schema() -> Reference:
    """Apply the migrations and views to an in-memory DuckDB and read back what they made.

    Cached per process: the files do not change while quantcheck runs.
    """
    mem = duckdb.connect()
    try:
        migrate.apply_migrations(mem)
        tables: dict[str, list[Column]] = {}
        rows = mem.execute(
            "SELECT table_name, column_name, data_type, is_nullable, column_default FROM duckdb_columns() "
            "WHERE database_name = 'memory' AND schema_name = 'main' ORDER BY table_name, column_index"
        ).fetchall()
        for table, column, data_type, nullable, default in rows:
            tables.setdefault(table, []).append(Column(column, data_type, bool(nullable), default))
        sources = view_sources()
        views = [(name, sources[name]) for name in apply_views(mem)]  # the embedded file's order
        definitions = {
            name: (sql, comment)
            for name, sql, comment in mem.execute(
                "SELECT view_name, sql, comment FROM duckdb_views() WHERE database_name = 'memory'"
            ).fetchall()
        }
    finally:
        mem.close()
    return Reference(tables, migrate.discover(), views, definitions)


def _lake_columns(con: duckdb.DuckDBPyConnection, alias: str) -> dict[str, list[Column]]:
    rows = con.execute(
        "SELECT table_name, column_name, data_type, is_nullable, column_default FROM duckdb_columns() "
        "WHERE database_name = ? AND schema_name = 'main' ORDER BY table_name, column_index",
        [alias],
    ).fetchall()
    tables: dict[str, list[Column]] = {}
    for table, column, data_type, nullable, default in rows:
        tables.setdefault(table, []).append(Column(column, data_type, bool(nullable), default))
    return tables


def _column_ddl(column: Column) -> str:
    ddl = f"{quote_ident(column.name)} {column.data_type}"
    if column.default is not None and "nextval" not in column.default.lower():
        ddl += f" DEFAULT {column.default}"
    if not column.nullable:
        ddl += " NOT NULL"
    return ddl


def schema_plan(reference: dict[str, list[Column]], lake: dict[str, list[Column]]) -> list[str]:
    """The DDL that brings the lake's tables to the reference: new tables, new trailing columns.

    Anything else (a column missing in the middle, a changed type, a table the migrations do not know) means
    the lake was written by another version of quantcheck: an error, never a silent rewrite.
    """
    ddl: list[str] = []
    for table, columns in reference.items():
        have = lake.get(table)
        if have is None:
            body = ", ".join(_column_ddl(c) for c in columns)
            ddl.append(f"CREATE TABLE {quote_ident(table)} ({body})")
            continue
        for i, column in enumerate(columns):
            if i < len(have):
                if (have[i].name, have[i].data_type) != (column.name, column.data_type):
                    raise LakeSchemaError(
                        f"lake table {table}: column {i + 1} is {have[i].name} {have[i].data_type}, the "
                        f"migrations say {column.name} {column.data_type}"
                    )
            else:
                ddl.append(f"ALTER TABLE {quote_ident(table)} ADD COLUMN {_column_ddl(column)}")
        if len(have) > len(columns):
            extra = [c.name for c in have[len(columns):]]
            raise LakeSchemaError(
                f"lake table {table} has columns {extra} unknown to this quantcheck: upgrade quantcheck"
            )
    return ddl


def ensure_schema(con: duckdb.DuckDBPyConnection, alias: str = DEFAULT_ALIAS) -> list[str]:
    """Bring the lake's tables, migration records, writer state and views up to date; return the DDL run.

    One retried transaction: two processes starting on a fresh lake at once both try, one commits, the
    other retries, finds everything in place and changes nothing.
    """
    ref = reference_schema()

    def body(c: duckdb.DuckDBPyConnection) -> list[str]:
        ran: list[str] = []
        run_script(c, "writer_state", {})
        for ddl in schema_plan(ref.tables, _lake_columns(c, alias)):
            c.execute(ddl)
            ran.append(ddl)
        _record_migrations(c, ref.migrations)
        ran += _sync_views(c, alias, ref)
        return ran

    def attempt() -> list[str]:
        con.execute("BEGIN TRANSACTION")
        try:
            ran = body(con)
            con.execute("COMMIT")
            return ran
        except BaseException:
            _rollback(con)
            raise

    return with_retry(attempt, what="bring the DuckLake schema up to date")


def _record_migrations(con: duckdb.DuckDBPyConnection, migrations: Iterable[migrate.Migration]) -> None:
    """Record the migrations whose tables schema_plan created; recorded ones are checked as the embedded
    file checks them (warehouse.migrate.pending: an unknown or edited migration is an error)."""
    applied = dict(con.execute("SELECT version, checksum FROM schema_migrations").fetchall())
    for mig in migrate.pending(applied, list(migrations)):
        con.execute(
            "INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (?, ?, now(), ?)",
            [mig.version, mig.name, mig.checksum],
        )


def _sync_views(con: duckdb.DuckDBPyConnection, alias: str, ref: Reference) -> list[str]:
    """(Re)create a view only when its definition or comment differs, so idle writers never conflict."""
    have = {
        name: (sql, comment)
        for name, sql, comment in con.execute(
            "SELECT view_name, sql, comment FROM duckdb_views() "
            "WHERE database_name = ? AND schema_name = 'main'",
            [alias],
        ).fetchall()
    }
    changed: list[str] = []
    for name, sql in ref.views:
        if have.get(name) != ref.view_definitions.get(name):
            con.execute(sql)
            changed.append(f"view {name}")
    return changed


# --------------------------------------------------------------------------------------------------
# The writer: warehouse.writer.Writer's interface, each change one retried lake transaction.


class LakeBackend:
    """How the Writer's changes reach a DuckLake (``warehouse.writer.Backend``): same SQL, same ids.

    Each change (start a run, upsert a source, finish a run, reference facts, the derived tables' refresh)
    runs inside one lake transaction that also rewrites the writer-state row, and is re-run from the start
    on a newer snapshot when another writer committed first; a batch load takes the writer-state row as the
    first statement of its own transaction (``claim``). That makes the embedded writer's "skip texts
    already stored" and "next run id = max + 1" exact with any number of writers. Differences forced by
    sharing the lake: every batch commits on its own (there is no private copy to publish at the end), so
    a run that crashes keeps the batches it committed (each one whole); re-running adds only what is
    missing.
    """

    sql_folder = SQL_FOLDER

    def __init__(self, attempts: int = 60) -> None:
        self.attempts = attempts
        self.conflicts = 0  # transactions re-run because another writer committed first

    def _count(self, exc: BaseException) -> None:
        self.conflicts += 1

    def change(self, con: duckdb.DuckDBPyConnection, body: Callable[[], T], what: str) -> T:
        return self.batch(lambda: in_transaction(con, lambda _con: body()), what)

    def batch(self, attempt: Callable[[], T], what: str) -> T:
        return with_retry(attempt, what=what, attempts=self.attempts, on_retry=self._count)

    def claim(self, con: duckdb.DuckDBPyConnection) -> None:
        touch_state(con)


def lake_writer(con: duckdb.DuckDBPyConnection, attempts: int = 60) -> Writer:
    """The Writer on a connection made by ``connect`` (schema up to date)."""
    return Writer(con, LakeBackend(attempts))


@contextlib.contextmanager
def open_writer(
    config: LakeConfig, *, before_publish: Callable[[duckdb.DuckDBPyConnection], object] | None = None,
    wait_seconds: float | None = None,
) -> Iterator[Writer]:
    """Write access to a DuckLake warehouse, shaped like ``warehouse.embedded.open_writer``.

    There is no run lock (``wait_seconds`` is accepted for the same call shape and ignored): any number of
    writers may be open at once, in any processes or machines that reach the catalog. On normal exit the
    run is marked completed and ``before_publish`` (the derived tables' refresh the caller passes in, e.g.
    ``checks.refresh``) runs as one change; on an exception the run is marked failed (its committed
    batches stay) and the error is re-raised.
    """
    con = connect(config)
    writer = lake_writer(con)
    try:
        yield writer
        writer.complete(before_publish)
    except BaseException as exc:
        if writer.run_id is not None and not writer.run_finished:
            with contextlib.suppress(Exception):
                writer.finish_run("failed", error=f"{type(exc).__name__}: {exc}"[:2000])
        raise
    finally:
        con.close()


def connect_read_only(config: LakeConfig, *, safe: bool = True,
                      limits: dict[str, object] | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection for queries (``quantcheck sql`` on a lake): every write is refused.

    ``safe`` also locks the connection down like the embedded warehouse's readers: after the lake is
    attached, file access is limited to the lake's data path (DuckLake reads its Parquet files from
    there), no extension can be loaded and the configuration cannot be changed back, so a typed query
    can neither attach nor read other files.
    """
    con = connect(config, read_only=True)
    try:
        for name, value in (limits or {}).items():  # before the lock: memory, spill folder (query_limits)
            con.execute(f"SET {LIMIT_SETTINGS[name]} = ?", [value])
    except BaseException:
        con.close()
        raise
    if not safe:
        return con
    try:
        row = con.execute(
            "SELECT value FROM ducklake_options(?) WHERE option_name = 'data_path'", [config.alias]
        ).fetchone()
        if row and row[0]:
            con.execute("SET allowed_directories = [?]", [row[0]])
        for setting in LOCKDOWN:
            con.execute(setting)
    except BaseException:
        con.close()
        raise
    return con


# The options warehouse.query_limits may set, as reviewed SQL identifiers (never formatted from input).
LIMIT_SETTINGS = {name: name for name in (
    "memory_limit", "temp_directory", "max_temp_directory_size", "enable_progress_bar")}

LOCKDOWN = (
    "SET enable_external_access = false",
    "SET autoload_known_extensions = false",
    "SET autoinstall_known_extensions = false",
    "SET lock_configuration = true",
)


# --------------------------------------------------------------------------------------------------
# Which lake a `--db` names: warehouse.db chooses the backend with it.

def is_lake_location(db: str | os.PathLike[str] | None) -> bool:
    """``--db ducklake:sqlite:/…`` / ``QUANTCHECK_DB=ducklake:postgres:…`` name a lake, not a file."""
    return isinstance(db, str) and db.strip().startswith("ducklake:")


DATA_PATH_ENV = "QUANTCHECK_DUCKLAKE_DATA_PATH"  # where a new lake's Parquet files go (PostgreSQL catalogs)


def lake_for(db: str | os.PathLike[str] | None) -> LakeConfig | None:
    """The lake named by ``db`` (or by ``$QUANTCHECK_DB`` when ``db`` is None), else None.

    The hook for ``warehouse.db``: ``open_writer``/``connect_read_only`` call it first, so every command
    that takes ``--db`` works on a lake given as ``ducklake:sqlite:/…`` or ``ducklake:postgres:…``.
    """
    if db is None:
        db = os.environ.get("QUANTCHECK_DB", "").strip() or None
    if not is_lake_location(db):
        return None
    return lake_config_from(db)


def lake_config_from(db: str | os.PathLike[str] | None) -> LakeConfig | None:
    """The lake ``db`` names (``ducklake:…``), or None for the embedded DuckDB file.

    The data path comes from ``$QUANTCHECK_DUCKLAKE_DATA_PATH``; for a SQLite catalog without one the
    Parquet files go to ``data/`` beside the catalog file. An existing lake keeps the data path recorded in
    its catalog. Only ``db`` chooses the backend (``--db``, ``$QUANTCHECK_DB`` or the config's
    ``[settings] db``): there is no second setting that could disagree with it.
    """
    if not is_lake_location(db):
        return None
    data_path = os.environ.get(DATA_PATH_ENV, "").strip() or None
    config = LakeConfig(str(db), data_path)
    if config.data_path is None and config.kind == "sqlite":
        config = LakeConfig(str(db), str(Path(config.catalog[len("sqlite:"):]).parent / "data"))
    return config
