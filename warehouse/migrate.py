"""Numbered, append-only schema migrations, applied once each and recorded with a checksum.

Each ``migrations/NNNN_name.sql`` runs in its own transaction together with its row in
``schema_migrations``, so a crash leaves the schema at a whole migration. A migration that was edited
after it was applied, or a database that knows a migration this code does not, is an error: silently
diverging schemas are how warehouses rot (``CREATE IF NOT EXISTS`` alone never notices them).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb

MIGRATION_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

CREATE_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL,
    checksum   VARCHAR NOT NULL  -- sha256 of the file: an edited, already-applied migration is an error
)
"""


class MigrationError(RuntimeError):
    """The database's recorded migrations disagree with the migration files."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def default_migrations_dir() -> Path:
    return Path(str(resources.files("quantcheck.warehouse") / "migrations"))


def discover(directory: Path | None = None) -> list[Migration]:
    """The migration files in version order; duplicate versions and misnamed .sql files are errors."""
    directory = directory or default_migrations_dir()
    found: dict[int, Migration] = {}
    for path in sorted(directory.glob("*.sql")):
        m = MIGRATION_FILE.match(path.name)
        if not m:
            raise MigrationError(f"{path}: migration files are named NNNN_lowercase_name.sql")
        version = int(m.group(1))
        if version in found:
            raise MigrationError(f"{path}: version {version:04d} is used twice")
        found[version] = Migration(version, m.group(2), path.read_text(encoding="utf-8"))
    return [found[v] for v in sorted(found)]


def pending(applied: dict[int, str], migrations: list[Migration]) -> list[Migration]:
    """The migrations not applied yet, after checking the applied ones ({version: checksum}, as recorded
    in ``schema_migrations`` by either backend) against the files: an unknown or edited one is an error."""
    known = {m.version for m in migrations}
    unknown = sorted(set(applied) - known)
    if unknown:
        raise MigrationError(
            f"the database has migrations {unknown} that this quantcheck does not know: it was written by "
            "a newer version; upgrade quantcheck"
        )
    for mig in migrations:
        if mig.version in applied and applied[mig.version] != mig.checksum:
            raise MigrationError(
                f"migration {mig.version:04d}_{mig.name}.sql was changed after it was applied "
                "(checksum differs); migrations are append-only: restore it and add a new migration"
            )
    return [m for m in migrations if m.version not in applied]


def apply_migrations(con: duckdb.DuckDBPyConnection, directory: Path | None = None) -> list[int]:
    """Apply the pending migrations; return the versions applied now (empty when up to date)."""
    migrations = discover(directory)
    con.execute(CREATE_TABLE)
    applied = dict(con.execute("SELECT version, checksum FROM schema_migrations").fetchall())
    done: list[int] = []
    for mig in pending(applied, migrations):
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(mig.sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, now(), ?)", [mig.version, mig.name, mig.checksum]
            )
            con.execute("COMMIT")
        except BaseException as exc:
            con.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise MigrationError(f"migration {mig.version:04d}_{mig.name}.sql failed: {exc}") from exc
            raise
        done.append(mig.version)
    return done
