"""The warehouse on DuckLake: SQLite and PostgreSQL catalogs, concurrent writers, same SQL as the default.

What each test shows:
- extensions come from the duckdb-extension-* wheels, with autoinstall off (no network), and a fresh
  DuckDB client with them installed attaches the lake with the one documented line;
- a lake gets the same tables (from the same migrations) and the same views as the embedded file, and every
  view answers the same rows on the embedded file, a SQLite-catalog lake and a PostgreSQL-catalog lake;
- re-loading the same texts adds nothing; run ids count 1, 2, …;
- two writer processes loading overlapping batches at the same time lose nothing and duplicate nothing
  (exact counts), on both catalogs;
- the conflict that makes this exact is real: a writer whose snapshot predates another writer's commit
  of the same texts retries and then adds nothing (deterministic interleaving in one process);
- a run that fails keeps its committed batches whole and is marked failed; a writer killed with SIGKILL
  mid-run leaves only whole batches (its run stays "running"), and the next run adds exactly the rest;
- readers are read-only and locked down; a missing lake is a clear error; an existing lake keeps the
  data path recorded in its catalog.

PostgreSQL: .ci/postgres.sh starts a server on 127.0.0.1 and writes its DSN to
``$QUANTCHECK_PG_DIR/dsn`` (default ``${TMPDIR:-/tmp}/quantcheck-pg/dsn``); ``QUANTCHECK_TEST_PG_DSN``
overrides it. Without a server those tests skip and say so. Each test uses its own metadata schema and
drops it afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import uuid
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from quantcheck.checks import refresh
from quantcheck.extractors.model import Mention
from quantcheck.warehouse import ducklake, extensions
from quantcheck.warehouse.records import DocumentIn
from quantcheck.warehouse.writer import Writer

ROOT = Path(__file__).resolve().parents[1]
FETCHED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)

# Two outlets reporting the same facts, sometimes with different figures: enough for every view
# (claims, and the checks views once they exist) to return rows. Mentions are built here, not by the
# extractor, so that these storage tests do not move when extraction rules change.
FACTS = [
    ("troops", "soldiers", "{n} soldiers were massed at the border.", 100_000, 175_000),
    ("area", "square miles", "The fire burned {n} square miles of forest.", 20_000, 20_000),
    ("budget", "dollars", "The package is worth {n} dollars in total.", 1_900_000_000, 2_500_000_000),
]


# --- helpers -------------------------------------------------------------------------------------------


def make_docs(source: str, lo: int, hi: int, variant: int = 0) -> list[DocumentIn]:
    """Documents ``lo``…``hi - 1`` of ``source``: same index and variant => same text (content hash)."""
    docs = []
    for i in range(lo, hi):
        concept, counted, template, a, b = FACTS[i % len(FACTS)]
        n = a if variant == 0 else b
        number = f"{n:,}"
        head = f"Report {i}. "
        text = head + template.format(n=number)
        start = len(head) + template.index("{n}")
        sentence_start = len(head)
        mention = Mention(
            start=start,
            end=start + len(number),
            surface=number,
            value=float(n),
            low=None,
            high=None,
            unit="",
            counted=counted,
            concept=concept,
            si_value=float(n),
            si_unit="",
            dimension="count",
            lang="en",
            sentence_start=sentence_start,
            sentence_end=len(text),
        )
        docs.append(
            DocumentIn(
                source=source,
                text=text,
                url=f"https://{source}.example/{i}-{variant}",
                title=f"Report {i}",
                lang="en",
                published_at=datetime(2026, 1, 1, tzinfo=UTC),
                fetched_at=FETCHED,
                mentions=[mention],
                source_kind="feed",
                source_location=f"https://{source}.example/rss",
            )
        )
    return docs


def load(writer, batches: list[list[DocumentIn]]) -> tuple[int, int]:
    added = mentions = 0
    for batch in batches:
        result = writer.load_batch(batch)
        added += result.documents_added
        mentions += result.mentions_added
    return added, mentions


def sample_batches() -> list[list[DocumentIn]]:
    return [make_docs("wire", 0, 6), make_docs("gazette", 0, 6, variant=1), make_docs("wire", 3, 9)]


def view_names() -> list[str]:
    return [name for name, _ in ducklake.reference_schema().views]


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every public table (without load times and run ids) and every view, rows sorted."""
    out: dict[str, list[tuple]] = {}
    out["sources"] = con.execute(
        "SELECT source_id, name, kind, location, lang FROM sources ORDER BY ALL"
    ).fetchall()
    out["documents"] = con.execute(
        "SELECT * EXCLUDE (run_id) FROM documents ORDER BY document_id"
    ).fetchall()
    out["mentions"] = con.execute("SELECT * FROM mentions ORDER BY mention_id").fetchall()
    for name in view_names():
        out[name] = con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall()
    return out


def pg_dsn() -> str | None:
    dsn = os.environ.get("QUANTCHECK_TEST_PG_DSN", "").strip()
    if dsn:
        return dsn
    folder = os.environ.get("QUANTCHECK_PG_DIR") or os.path.join(tempfile.gettempdir(), "quantcheck-pg")
    path = Path(folder) / "dsn"
    return path.read_text(encoding="utf-8").strip() if path.is_file() else None


def pg_execute(dsn: str, sql: str) -> None:
    con = duckdb.connect()
    try:
        extensions.load(con, "postgres")
        con.execute(f"ATTACH {extensions.sql_literal(dsn)} AS pg (TYPE postgres)")
        con.execute("CALL postgres_execute('pg', ?)", [sql])
    finally:
        con.close()


@pytest.fixture(scope="session")
def postgres_dsn() -> str:
    dsn = pg_dsn()
    if not dsn:
        pytest.skip("PostgreSQL not available: run .ci/postgres.sh (CI does) or set QUANTCHECK_TEST_PG_DSN")
    try:
        pg_execute(dsn, "SELECT 1")
    except duckdb.Error as exc:
        pytest.skip(f"PostgreSQL at {dsn!r} not reachable ({exc}): start it with .ci/postgres.sh")
    return dsn


@pytest.fixture
def sqlite_lake(tmp_path: Path) -> ducklake.LakeConfig:
    lake = tmp_path / "lake"
    return ducklake.LakeConfig(f"sqlite:{lake / 'catalog.sqlite'}", str(lake / "data"))


@pytest.fixture
def postgres_lake(postgres_dsn: str, tmp_path: Path):
    schema = f"qc_test_{uuid.uuid4().hex[:12]}"
    pg_execute(postgres_dsn, f"CREATE SCHEMA {schema}")
    yield ducklake.LakeConfig(f"postgres:{postgres_dsn}", str(tmp_path / "pgdata"), metadata_schema=schema)
    pg_execute(postgres_dsn, f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgres"])
def lake(request: pytest.FixtureRequest) -> ducklake.LakeConfig:
    return request.getfixturevalue(f"{request.param}_lake")


# --- extensions ----------------------------------------------------------------------------------------


def test_extensions_come_from_the_wheels_matching_duckdb() -> None:
    for name in ("ducklake", "sqlite", "postgres", "httpfs"):
        path = extensions.extension_file(name)
        assert path.is_file()
        assert f"v{duckdb.__version__}" in path.parts
    con = duckdb.connect()
    extensions.load(con, "ducklake", "sqlite_scanner", "postgres")
    loaded = dict(
        con.execute(
            "SELECT extension_name, loaded FROM duckdb_extensions() "
            "WHERE extension_name IN ('ducklake', 'sqlite_scanner', 'postgres_scanner')"
        ).fetchall()
    )
    assert loaded == {"ducklake": True, "sqlite_scanner": True, "postgres_scanner": True}
    assert con.execute("SELECT current_setting('autoinstall_known_extensions')").fetchone() == (False,)


def test_unknown_extension_is_a_clear_error() -> None:
    with pytest.raises(extensions.ExtensionUnavailable, match="unknown extension 'spatial'"):
        extensions.extension_file("spatial")


def test_one_attach_line_in_a_fresh_client(tmp_path: Path, sqlite_lake: ducklake.LakeConfig) -> None:
    with ducklake.open_writer(sqlite_lake) as writer:
        load(writer, sample_batches())
    ext_dir = tmp_path / "client-extensions"
    installed = extensions.install_for_clients(extension_directory=str(ext_dir))
    assert {p.name for p in installed} == {
        f"{name}.duckdb_extension" for name in ("ducklake", "sqlite_scanner", "postgres_scanner", "httpfs")
    }
    # A separate process stands for the fact-checker's client: nothing of ours is imported there.
    line = sqlite_lake.user_attach_line()
    assert line.startswith("ATTACH 'ducklake:sqlite:") and line.endswith("USE qc;")
    code = textwrap.dedent(
        """
        import sys, duckdb
        con = duckdb.connect(config={"extension_directory": sys.argv[1]})
        con.execute(sys.argv[2])
        print(con.execute("SELECT count(*) FROM claims").fetchone()[0])
        try:
            con.execute("DELETE FROM documents")
        except duckdb.Error as exc:
            print("refused" if "read-only" in str(exc) else exc)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(ext_dir), line], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["13", "refused"]


# --- configuration -------------------------------------------------------------------------------------


def test_lake_config_forms(tmp_path: Path) -> None:
    bare = ducklake.LakeConfig(str(tmp_path / "c.sqlite"))
    assert bare.kind == "sqlite" and bare.uri == f"ducklake:sqlite:{tmp_path / 'c.sqlite'}"
    pg = ducklake.LakeConfig("ducklake:postgres:host=db dbname=qc", metadata_schema="lake1")
    assert pg.kind == "postgres"
    assert pg.user_attach_line() == (
        "ATTACH 'ducklake:postgres:host=db dbname=qc' AS qc (READ_ONLY, METADATA_SCHEMA 'lake1'); USE qc;"
    )
    quoted = ducklake.LakeConfig(str(tmp_path / "it's.sqlite"))
    assert "it''s.sqlite" in quoted.attach_sql()
    with pytest.raises(ducklake.LakeError, match="expected sqlite:"):
        ducklake.LakeConfig("mysql:host=db")
    with pytest.raises(ducklake.LakeError, match="plain identifier"):
        ducklake.LakeConfig("sqlite:/x.sqlite", metadata_schema="a; DROP")


# --- schema, views, idempotence ------------------------------------------------------------------------


def test_lake_has_the_migrated_tables_and_views(lake: ducklake.LakeConfig) -> None:
    con = ducklake.connect(lake)
    try:
        ref = ducklake.reference_schema()
        tables = ducklake._lake_columns(con, lake.alias)
        for table, columns in ref.tables.items():
            assert [(c.name, c.data_type) for c in tables[table]] == [(c.name, c.data_type) for c in columns]
        comments = dict(
            con.execute(
                "SELECT view_name, comment FROM duckdb_views() WHERE database_name = ?", [lake.alias]
            ).fetchall()
        )
        for name in view_names():
            assert comments.get(name), f"view {name} missing or without COMMENT in the lake"
        versions = [v for (v,) in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
        assert versions == [m.version for m in ref.migrations]
        # A second connection finds everything in place and changes nothing.
        assert ducklake.ensure_schema(con, lake.alias) == []
    finally:
        con.close()


def test_reloading_adds_nothing_and_runs_count_up(lake: ducklake.LakeConfig) -> None:
    with ducklake.open_writer(lake) as writer:
        assert writer.start_run("flow-1") == 1
        assert load(writer, sample_batches()) == (13, 13)
    with ducklake.open_writer(lake) as writer:
        assert writer.start_run("flow-2") == 2
        assert load(writer, sample_batches()) == (0, 0)
        assert writer.documents_duplicate == 18
    con = ducklake.connect_read_only(lake)
    try:
        runs = con.execute(
            "SELECT run_id, flow_run_id, status, documents_added, documents_duplicate FROM runs ORDER BY 1"
        ).fetchall()
        assert runs == [(1, "flow-1", "completed", 13, 5), (2, "flow-2", "completed", 0, 18)]
        documents = con.execute("SELECT count(*), count(DISTINCT content_hash) FROM documents").fetchone()
        assert documents == (13, 13)
        with pytest.raises(duckdb.Error, match="read-only"):
            con.execute("DELETE FROM mentions")
    finally:
        con.close()


def test_a_failing_run_keeps_whole_batches_and_is_marked_failed(sqlite_lake: ducklake.LakeConfig) -> None:
    with pytest.raises(RuntimeError, match="feed exploded"):
        with ducklake.open_writer(sqlite_lake) as writer:
            load(writer, [make_docs("wire", 0, 4)])
            raise RuntimeError("feed exploded")
    con = ducklake.connect_read_only(sqlite_lake)
    try:
        assert con.execute("SELECT status, error FROM runs").fetchall() == [
            ("failed", "RuntimeError: feed exploded")
        ]
        # The committed batch is whole: every document has its mention.
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (4,)
        assert con.execute("SELECT count(*) FROM mentions").fetchone() == (4,)
    finally:
        con.close()


def test_same_rows_in_every_table_and_view_on_all_backends(
    tmp_path: Path, sqlite_lake: ducklake.LakeConfig, postgres_lake: ducklake.LakeConfig
) -> None:
    from quantcheck.warehouse.db import connect_read_only, open_writer

    db = tmp_path / "embedded.duckdb"
    with open_writer(db, before_publish=refresh) as writer:
        load(writer, sample_batches())
    con = connect_read_only(db)
    try:
        expected = snapshot(con)
    finally:
        con.close()
    assert len(expected["claims"]) == 13
    for config in (sqlite_lake, postgres_lake):
        with ducklake.open_writer(config, before_publish=refresh) as writer:
            load(writer, sample_batches())
        con = ducklake.connect_read_only(config)
        try:
            got = snapshot(con)
        finally:
            con.close()
        for name in expected:
            assert got[name] == expected[name], f"{name} differs on the {config.kind} lake"


# --- concurrency ---------------------------------------------------------------------------------------


def test_a_writer_that_lost_the_race_retries_and_adds_nothing(lake: ducklake.LakeConfig) -> None:
    """Deterministic interleaving: B reads (nothing stored), A commits the same texts, B tries to commit."""
    docs = make_docs("wire", 0, 6)
    con_a = ducklake.connect(lake)
    con_b = ducklake.connect(lake)

    class LateWriter(Writer):
        """Lets writer A load the same texts inside this writer's first transaction attempt."""

        raced = False

        def known_hashes(self, hashes):
            known = super().known_hashes(hashes)  # B has read: nothing stored yet
            if not self.raced:
                self.raced = True
                assert writer_a.load_batch(docs).documents_added == 6  # A commits the same texts now
            return known

    try:
        writer_a = ducklake.lake_writer(con_a)
        writer_b = LateWriter(con_b, ducklake.LakeBackend())
        writer_a.start_run()
        writer_b.start_run()
        result = writer_b.load_batch(docs)
        assert writer_b.conflicts >= 1, "B should have lost its first commit to A"
        assert (result.documents_added, result.documents_duplicate) == (0, 6)
        count = con_a.execute("SELECT count(*), count(DISTINCT content_hash) FROM documents").fetchone()
        assert count == (6, 6)
        assert con_a.execute("SELECT count(*) FROM mentions").fetchone() == (6,)
    finally:
        con_a.close()
        con_b.close()


WRITER_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    import tests.test_scaleout_ducklake as t
    from quantcheck.warehouse import ducklake

    spec = json.loads(sys.argv[2])
    config = ducklake.LakeConfig(spec["catalog"], spec["data_path"], metadata_schema=spec["schema"])
    me, other = Path(spec["ready"]), Path(spec["other_ready"])
    with ducklake.open_writer(config) as writer:
        writer.start_run(spec["name"])
        me.touch()
        deadline = time.monotonic() + 60
        while not other.exists() and time.monotonic() < deadline:  # start loading together
            time.sleep(0.01)
        docs = t.make_docs(spec["source"], spec["lo"], spec["hi"])
        batches = [docs[i:i + spec["batch"]] for i in range(0, len(docs), spec["batch"])]
        added, mentions = t.load(writer, batches)
    print(json.dumps({"added": added, "mentions": mentions, "conflicts": writer.conflicts}))
    """
)


def test_two_writer_processes_lose_and_duplicate_nothing(lake: ducklake.LakeConfig, tmp_path: Path) -> None:
    """Two real processes load overlapping ranges (documents 48-95 in both) in small batches at once."""
    ducklake.connect(lake).close()  # create the lake first, as a deployment would
    specs = []
    for name, lo, hi in (("a", 0, 96), ("b", 48, 144)):
        specs.append(
            {
                "name": name, "catalog": lake.catalog, "data_path": lake.data_path,
                "schema": lake.metadata_schema, "source": "wire", "lo": lo, "hi": hi, "batch": 8,
                "ready": str(tmp_path / f"{name}.ready"),
                "other_ready": str(tmp_path / f"{'b' if name == 'a' else 'a'}.ready"),
            }
        )
    import json

    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER_SCRIPT, str(ROOT), json.dumps(spec)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        )
        for spec in specs
    ]
    outs = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr[-3000:]
        outs.append(json.loads(stdout.strip().splitlines()[-1]))
    assert sum(o["added"] for o in outs) == 144
    assert sum(o["mentions"] for o in outs) == 144
    con = ducklake.connect_read_only(lake)
    try:
        documents = con.execute("SELECT count(*), count(DISTINCT content_hash) FROM documents").fetchone()
        assert documents == (144, 144)
        mentions = con.execute("SELECT count(*), count(DISTINCT mention_id) FROM mentions").fetchone()
        assert mentions == (144, 144)
        assert con.execute("SELECT count(*) FROM claims").fetchone() == (144,)
        expected = {d.content_hash for d in make_docs("wire", 0, 144)}
        assert {h for (h,) in con.execute("SELECT content_hash FROM documents").fetchall()} == expected
        runs = con.execute(
            "SELECT flow_run_id, status, started_at, finished_at, documents_added, documents_duplicate "
            "FROM runs ORDER BY flow_run_id"
        ).fetchall()
        assert [r[1] for r in runs] == ["completed", "completed"]
        (_, _, a_start, a_end, a_added, a_dup), (_, _, b_start, b_end, b_added, b_dup) = runs
        assert a_start < b_end and b_start < a_end, "the two runs did not overlap in time"
        assert a_added + b_added == 144 and a_dup + b_dup == 48
        print("conflicts retried:", [o["conflicts"] for o in outs])
    finally:
        con.close()


def test_the_reader_is_read_only_and_locked_down(lake: ducklake.LakeConfig, tmp_path: Path) -> None:
    with ducklake.open_writer(lake) as writer:
        load(writer, sample_batches())
    con = ducklake.connect_read_only(lake)
    try:
        assert con.execute("SELECT count(*) FROM claims").fetchone() == (13,)
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (13,)
        for statement in ("DELETE FROM documents", "DROP VIEW claims", "CREATE TABLE t (x INTEGER)"):
            with pytest.raises(duckdb.Error, match="read-only"):
                con.execute(statement)
        with pytest.raises(duckdb.Error, match="disabled by configuration"):
            con.execute(f"ATTACH {extensions.sql_literal(str(tmp_path / 'other.duckdb'))} AS other")
        with pytest.raises(duckdb.Error, match="configuration has been locked"):
            con.execute("SET enable_external_access = true")
    finally:
        con.close()


def test_reading_a_lake_that_does_not_exist_is_a_clear_error(tmp_path: Path) -> None:
    missing = ducklake.LakeConfig(f"sqlite:{tmp_path / 'nowhere' / 'catalog.sqlite'}")
    with pytest.raises(ducklake.LakeError, match="no DuckLake catalog at .*quantcheck run --db ducklake:"):
        ducklake.connect_read_only(missing)
    assert not (tmp_path / "nowhere").exists()


def test_backend_choice_from_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only ``db`` names a lake; the data path of a new lake comes from the environment or sits beside a
    SQLite catalog."""
    from quantcheck.warehouse.db import is_lake

    monkeypatch.delenv(ducklake.DATA_PATH_ENV, raising=False)
    assert ducklake.lake_config_from(str(tmp_path / "w.duckdb")) is None
    assert not is_lake(str(tmp_path / "w.duckdb"))
    lake = ducklake.lake_config_from(f"ducklake:sqlite:{tmp_path / 'c.sqlite'}")
    assert lake is not None and lake.data_path == str(tmp_path / "data") + os.sep
    assert is_lake(lake.uri)
    monkeypatch.setenv(ducklake.DATA_PATH_ENV, "s3://bucket/qc/")
    pg = ducklake.lake_config_from("ducklake:postgres:host=db dbname=qc")
    assert pg is not None and (pg.kind, pg.data_path) == ("postgres", "s3://bucket/qc/")
    monkeypatch.setenv("QUANTCHECK_DB", "ducklake:postgres:host=db dbname=qc")
    assert is_lake(None)


def test_an_existing_lake_keeps_its_recorded_data_path(tmp_path: Path) -> None:
    catalog = f"sqlite:{tmp_path / 'catalog.sqlite'}"
    with ducklake.open_writer(ducklake.LakeConfig(catalog, str(tmp_path / "first"))) as writer:
        load(writer, [make_docs("wire", 0, 3)])
    with ducklake.open_writer(ducklake.LakeConfig(catalog, str(tmp_path / "elsewhere"))) as writer:
        load(writer, [make_docs("wire", 3, 6)])
    con = ducklake.connect_read_only(ducklake.LakeConfig(catalog))
    try:
        assert con.execute("SELECT count(*) FROM claims").fetchone() == (6,)
    finally:
        con.close()
    assert not (tmp_path / "elsewhere").exists()


KILLED_WRITER = textwrap.dedent(
    """
    import json, sys
    sys.path.insert(0, sys.argv[1])
    import tests.test_scaleout_ducklake as t
    from quantcheck.warehouse import ducklake

    spec = json.loads(sys.argv[2])
    config = ducklake.LakeConfig(spec["catalog"], spec["data_path"])
    with ducklake.open_writer(config) as writer:
        docs = t.make_docs("wire", 0, 400)
        for i in range(0, len(docs), 10):
            writer.load_batch(docs[i:i + 10])
            print("committed", i // 10 + 1, flush=True)
    """
)


def test_a_writer_killed_mid_run_leaves_whole_batches(sqlite_lake: ducklake.LakeConfig) -> None:
    """SIGKILL after a few commits: every stored document has its mention; a re-run completes the rest."""
    import json

    ducklake.connect(sqlite_lake).close()
    spec = {"catalog": sqlite_lake.catalog, "data_path": sqlite_lake.data_path}
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(ROOT), json.dumps(spec)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("committed 3"):
            proc.kill()  # SIGKILL: no cleanup, maybe in the middle of writing batch 4
            break
    proc.wait(timeout=60)
    con = ducklake.connect_read_only(sqlite_lake)
    try:
        documents, mentions = con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions)"
        ).fetchone()
        assert documents >= 30 and documents % 10 == 0 and mentions == documents
        assert con.execute("SELECT status FROM runs").fetchall() == [("running",)]
    finally:
        con.close()
    with ducklake.open_writer(sqlite_lake) as writer:
        added, _ = load(writer, [make_docs("wire", 0, 400)])
    assert added == 400 - documents
    con = ducklake.connect_read_only(sqlite_lake)
    try:
        stored = con.execute("SELECT count(*), count(DISTINCT content_hash) FROM documents").fetchone()
        assert stored == (400, 400)
        assert con.execute("SELECT count(*) FROM mentions").fetchone() == (400,)
    finally:
        con.close()
