"""Schema: migrations are applied once and recorded, edits and unknown versions are refused; the tables
and views carry the spec's columns in the spec's order, and every view says what one row is."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from quantcheck.warehouse.create_views import ViewError, apply_views, default_views_dir
from quantcheck.warehouse.db import NotAWarehouse, connect_read_only, open_writer
from quantcheck.warehouse.migrate import MigrationError, apply_migrations, default_migrations_dir

SPEC_TABLES = {
    "sources": ["source_id", "name", "kind", "location", "lang", "added_at"],
    "documents": ["document_id", "source_id", "url", "title", "lang", "published_at", "fetched_at",
                  "content_hash", "text"],
    "mentions": ["mention_id", "document_id", "start", "end", "surface", "sentence", "value", "low", "high",
                 "qualifier", "unit", "dimension", "si_value", "si_low", "si_high", "si_unit", "counted",
                 "concept", "extractor_version"],
    "reference_facts": ["fact_id", "concept", "subject", "value", "low", "high", "unit", "si_value",
                        "si_unit", "as_of", "source"],
    "runs": ["run_id", "flow_run_id", "started_at", "finished_at", "status", "documents_added",
             "mentions_added"],
}
SPEC_VIEWS = {
    "claims": ["claim_id", "source", "url", "title", "lang", "published_at", "sentence", "surface", "value",
               "low", "high", "qualifier", "unit", "si_value", "si_low", "si_high", "si_unit", "counted",
               "concept"],
}


def columns(con: duckdb.DuckDBPyConnection, name: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [name],
    ).fetchall()]


def test_migrations_are_applied_once_and_recorded(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "m.duckdb"))
    first = apply_migrations(con)
    assert first and first == sorted(first) and first[0] == 1
    assert apply_migrations(con) == []  # second connect: nothing to do
    rows = con.execute(
        "SELECT version, name, applied_at, checksum FROM schema_migrations ORDER BY version"
    ).fetchall()
    assert [r[0] for r in rows] == first
    assert rows[0][1] == "init" and all(re.fullmatch(r"[0-9a-f]{64}", r[3]) for r in rows)


def test_edited_migration_is_refused(tmp_path: Path) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(default_migrations_dir(), migrations)
    con = duckdb.connect(str(tmp_path / "m.duckdb"))
    apply_migrations(con, migrations)
    init = migrations / "0001_init.sql"
    init.write_text(init.read_text() + "\n-- an innocent-looking edit\n")
    with pytest.raises(MigrationError, match="0001_init.sql was changed after it was applied"):
        apply_migrations(con, migrations)


def test_new_migration_is_applied_and_a_newer_database_is_refused(tmp_path: Path) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(default_migrations_dir(), migrations)
    con = duckdb.connect(str(tmp_path / "m.duckdb"))
    apply_migrations(con, migrations)
    (migrations / "0099_add_note.sql").write_text("ALTER TABLE runs ADD COLUMN note VARCHAR;\n")
    assert apply_migrations(con, migrations) == [99]
    assert columns(con, "runs")[-1] == "note"
    (migrations / "0099_add_note.sql").unlink()
    with pytest.raises(MigrationError, match=r"migrations \[99\] that this quantcheck does not know"):
        apply_migrations(con, migrations)


def test_failing_migration_leaves_nothing_half_applied(tmp_path: Path) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(default_migrations_dir(), migrations)
    (migrations / "0098_broken.sql").write_text("CREATE TABLE half (x INT);\nSELECT * FROM no_such_table;\n")
    con = duckdb.connect(str(tmp_path / "m.duckdb"))
    with pytest.raises(MigrationError, match="0098_broken.sql failed"):
        apply_migrations(con, migrations)
    tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
    assert "half" not in tables
    assert 98 not in [r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()]


@pytest.mark.parametrize("bad_name", ["1_init.sql", "0002-Add.sql"])
def test_misnamed_or_duplicate_migration_files_are_errors(tmp_path: Path, bad_name: str) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(default_migrations_dir(), migrations)
    (migrations / bad_name).write_text("SELECT 1;")
    with pytest.raises(MigrationError, match="named NNNN_lowercase_name.sql"):
        apply_migrations(duckdb.connect(), migrations)
    (migrations / bad_name).unlink()
    (migrations / "0001_again.sql").write_text("SELECT 1;")
    with pytest.raises(MigrationError, match="used twice"):
        apply_migrations(duckdb.connect(), migrations)


def test_first_writer_creates_and_publishes_the_warehouse(tmp_path: Path) -> None:
    db = tmp_path / "fresh" / "w.duckdb"
    with open_writer(db):
        pass
    assert db.is_file() and (tmp_path / "fresh" / "w.duckdb.d" / "master.duckdb").is_file()
    con = connect_read_only(db)
    for table, spec in SPEC_TABLES.items():
        got = columns(con, table)
        assert got[: len(spec)] == spec, f"{table}: spec columns first, in the spec order"
    for view, spec in SPEC_VIEWS.items():
        got = columns(con, view)
        assert got[: len(spec)] == spec, f"{view}: spec columns first, in the spec order"


def test_every_view_file_says_what_one_row_is(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with open_writer(db):
        pass
    con = connect_read_only(db)
    comments = dict(con.execute(
        "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal AND NOT temporary"
    ).fetchall())
    files = sorted(default_views_dir().glob("*.sql"))
    assert "claims" in {f.stem for f in files}
    for path in files:
        sql = path.read_text()
        header = re.match(r"--\s*(\w+):\s*(.+)", sql)
        assert header, f"{path.name} must start with '-- NAME: what one row is'"
        assert header.group(1) == path.stem
        assert comments.get(path.stem), f"view {path.stem} has no COMMENT ON VIEW"
        assert header.group(2).lower().startswith("one row per"), f"{path.name}: say what one row is"
        assert comments[path.stem].startswith("One row per"), f"{path.stem}: the comment says what a row is"


def test_views_are_plain_sql_readable_by_any_client(tmp_path: Path) -> None:
    """A bare DuckDB connection (no project code, like the duckdb CLI) can query every view."""
    db = tmp_path / "w.duckdb"
    with open_writer(db):
        pass
    con = duckdb.connect(str(db), read_only=True)
    for (name,) in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall():
        con.execute(f'SELECT * FROM "{name}" LIMIT 1').fetchall()


def test_views_in_dependency_order_and_a_broken_view_is_reported(tmp_path: Path) -> None:
    views = tmp_path / "views"
    views.mkdir()
    # a_top depends on b_mid which depends on claims: alphabetical order is the wrong order.
    (views / "a_top.sql").write_text("CREATE OR REPLACE VIEW a_top AS SELECT count(*) AS n FROM b_mid;")
    (views / "b_mid.sql").write_text("CREATE OR REPLACE VIEW b_mid AS SELECT claim_id FROM claims;")
    shutil.copy(default_views_dir() / "claims.sql", views / "claims.sql")
    con = duckdb.connect()
    apply_migrations(con)
    order = apply_views(con, views)
    assert order.index("claims") < order.index("b_mid") < order.index("a_top")
    (views / "c_bad.sql").write_text("CREATE OR REPLACE VIEW c_bad AS SELECT * FROM nowhere;")
    with pytest.raises(ViewError, match="c_bad.sql"):
        apply_views(con, views)


def test_a_foreign_file_at_the_path_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "notes.duckdb"
    db.write_bytes(b"my precious notes\n" * 50)
    before = db.read_bytes()
    with pytest.raises(NotAWarehouse, match="is not a DuckDB database"), open_writer(db):
        pass
    assert db.read_bytes() == before
    assert not list(db.with_name("notes.duckdb.d").glob("scratch-*"))
    other = tmp_path / "mine.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE my_budget AS SELECT 42 AS euros")
    con.close()
    before = other.read_bytes()
    with pytest.raises(NotAWarehouse, match="not a quantcheck warehouse"), open_writer(other):
        pass
    assert other.read_bytes() == before
