"""The Writer: every write to the warehouse (runs, sources, bulk loads, reference facts, exchange rates).

A Writer is only obtained from ``warehouse.db.open_writer``, which chooses the backend and owns what
surrounds the writes (the embedded file's lock, scratch copy and publication; a lake's connection). The
Writer itself only talks SQL, the same on both backends except where a backend has its own version of a
statement (``warehouse/ducklake_sql/NAME.sql`` beside ``warehouse/statements/NAME.sql``: DuckLake tables
have no primary keys, so nothing there may rely on ``ON CONFLICT`` or ``INSERT OR REPLACE``).

How a change reaches the store is the backend's business (``Backend``): on the embedded file's private
scratch copy a change simply runs (one writer, and a crash discards the copy); on a DuckLake each change
is one transaction, re-run when another writer committed first (warehouse/ducklake.py). The Writer hands
every change to its backend as a function, so no backend needs to override the Writer's own steps. Each
``load_batch`` is one transaction on both.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

import duckdb
import pyarrow as pa

from quantcheck.warehouse import arrow_batch
from quantcheck.warehouse.arrow_batch import MentionColumns
from quantcheck.warehouse.records import HEX, DocumentIn, LoadResult, Skipped, content_hash, source_id, to_utc
from quantcheck.warehouse.sqlfiles import has_sql, registered, run_sql_script, sql_text
from quantcheck.warehouse.storable import optional_storable, storable, storable_value

T = TypeVar("T")

log = logging.getLogger(__name__)

# Bulk inserts run on ONE DuckDB thread: an Arrow scan feeding an INSERT barely parallelises, and a
# second thread cost ~60% more CPU for the same wall time in bench_warehouse, CPU the pipeline's
# extraction processes use at the same moment. The connection's default is restored after each batch.
LOAD_THREADS = 1

# A batch of at least this many mentions is checkpointed as it commits: DuckDB then writes it once,
# compressed, and skips the WAL (auto_checkpoint_skip_wal_threshold), instead of writing it to the WAL now
# and again at the next checkpoint. Smaller batches gather in the WAL up to open_writer's threshold, where
# one checkpoint per many batches is cheaper. bench_warehouse, 1,000,000 mentions in batches of 100,000:
# 4.1 s with this against 5.0 s through the WAL; batches of 10,000 through the WAL: 5.4 s, 10.7 s if each
# commit checkpointed.
DIRECT_WRITE_MENTIONS = 50_000


def statement(name: str, folder: str = "statements") -> str:
    """The SQL of ``warehouse/<folder>/NAME.sql``; a backend's own folder falls back to ``statements``."""
    if folder != "statements" and not has_sql("warehouse", folder, name):
        folder = "statements"
    return sql_text("warehouse", folder, name)


class Backend(Protocol):
    """How a Writer's changes reach the store (see the module docstring)."""

    sql_folder: str  # where this backend's own versions of statements live (under warehouse/)
    conflicts: int   # changes re-run because another writer committed first

    def change(self, con: duckdb.DuckDBPyConnection, body: Callable[[], T], what: str) -> T:
        """Run ``body`` (a few statements) as one change of the store; return its result."""
        ...

    def batch(self, attempt: Callable[[], T], what: str) -> T:
        """Run ``attempt``, which opens and commits its own transaction (a batch load), to completion."""
        ...

    def claim(self, con: duckdb.DuckDBPyConnection) -> None:
        """The first statement inside a batch's transaction (a lake serialises its writers here)."""
        ...


class FileBackend:
    """The embedded DuckDB file: the run writes a private scratch copy alone, so a change just runs."""

    sql_folder = "statements"

    def __init__(self) -> None:
        self.conflicts = 0

    def change(self, con: duckdb.DuckDBPyConnection, body: Callable[[], T], what: str) -> T:
        return body()

    def batch(self, attempt: Callable[[], T], what: str) -> T:
        return attempt()

    def claim(self, con: duckdb.DuckDBPyConnection) -> None:
        return None


def default_extractor_version() -> str:
    try:
        from quantcheck.extractors import EXTRACTOR_VERSION
    except ImportError:  # pragma: no cover - extractors is part of the project
        return "unknown"
    return str(EXTRACTOR_VERSION)


def _skipped_json(item: Any) -> dict[str, Any]:
    """One entry of ``runs.skipped``, its strings made storable (a file name that is not UTF-8 must not
    stop the run from being recorded)."""
    if isinstance(item, Skipped):
        return storable_value(item.to_json())
    for method in ("to_json", "to_dict"):
        fn = getattr(item, method, None)
        if callable(fn):
            return storable_value(dict(fn()))
    if isinstance(item, dict):
        return storable_value(dict(item))
    return {"item": storable(str(item)), "reason": ""}


def _stored(entry: dict[str, Any]) -> dict[str, Any]:
    """A skipped entry as stored: without the fingerprint keys used to compare runs."""
    if "fingerprint" not in entry and "file" not in entry:
        return entry
    return {k: v for k, v in entry.items() if k not in ("file", "fingerprint")}


class Writer:
    """Write access to the warehouse for one run. ``con`` is the DuckDB connection, ``backend`` how changes
    reach the store (the embedded file's by default)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, backend: Backend | None = None) -> None:
        self.con = con
        self.backend: Backend = backend or FileBackend()
        self.run_id: int | None = None
        self.flow_run_id: str | None = None
        self.run_finished = False
        self.published: bool | None = None    # set when open_writer exits: did the public file refresh?
        self.documents_added = 0
        self.mentions_added = 0
        self.documents_seen = 0
        self.documents_duplicate = 0
        self.skipped: list[dict[str, Any]] = []
        self.reported: list[dict[str, Any]] = []  # what finish_run stored in runs.skipped
        self._sources: dict[str, str] = {}
        self._in_change = False

    @property
    def conflicts(self) -> int:
        """Changes re-run because another writer committed first (always 0 on the embedded file)."""
        return self.backend.conflicts

    def sql(self, name: str) -> str:
        """This backend's version of ``warehouse/statements/NAME.sql``."""
        return statement(name, self.backend.sql_folder)

    def change(self, body: Callable[[], T], what: str) -> T:
        """Run ``body`` as one change of the store through the backend (on a lake: one transaction, re-run
        from the start when another writer committed first); a change made inside another runs as part of
        it. Sources cached by an attempt that was rolled back are forgotten."""
        return self._through_backend(body, what, batch=False)

    def _through_backend(self, body: Callable[[], T], what: str, batch: bool) -> T:
        if self._in_change:
            return body()
        sources_before = dict(self._sources)

        def attempt() -> T:
            self._sources = dict(sources_before)
            self._in_change = True
            try:
                return body()
            finally:
                self._in_change = False

        try:
            if batch:
                return self.backend.batch(attempt, what)
            return self.backend.change(self.con, attempt, what)
        except BaseException:
            self._sources = sources_before
            raise

    # --- runs ---------------------------------------------------------------------------------------

    def start_run(self, flow_run_id: str | None = None) -> int:
        """Open this run's record in ``runs``; returns ``run_id`` (1, 2, 3, … per warehouse)."""
        if self.run_id is not None:
            raise RuntimeError(f"run {self.run_id} already started on this writer")

        def body() -> int:
            (run_id,) = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
            self.con.execute(
                "INSERT INTO runs (run_id, flow_run_id, started_at, status) VALUES (?, ?, now(), 'running')",
                [run_id, None if flow_run_id is None else str(flow_run_id)],
            )
            return int(run_id)

        self.run_id = self.change(body, "start a run")
        self.flow_run_id = None if flow_run_id is None else str(flow_run_id)
        return self.run_id

    def skip(self, item: Any, reason: str | None = None) -> None:
        """Record something left out of this run (an unreachable feed, a binary file) and why."""
        entry = {"item": str(item), "reason": reason} if reason is not None else item
        self.skipped.append(_skipped_json(entry))

    def finish_run(
        self, status: str = "completed", skipped: Iterable[Any] = (), error: str | None = None
    ) -> None:
        """Write the run's totals and skipped items; ``skipped`` may hold dicts or records with to_dict()."""
        if self.run_id is None:
            self.start_run()
        for item in skipped:
            self.skipped.append(_skipped_json(item))

        def body() -> list[dict[str, Any]]:
            reported = self._reportable(remember=status == "completed")
            self.con.execute(
                self.sql("finish_run"),
                {
                    "run_id": self.run_id,
                    "status": status,
                    "documents_added": self.documents_added,
                    "mentions_added": self.mentions_added,
                    "documents_seen": self.documents_seen,
                    "documents_duplicate": self.documents_duplicate,
                    "skipped": json.dumps(storable_value(reported), ensure_ascii=False, default=str),
                    "error": optional_storable(error),
                },
            )
            return reported

        self.reported = self.change(body, "finish a run")
        self.run_finished = True

    def complete(self, before_publish: Callable[[duckdb.DuckDBPyConnection], object] | None = None) -> None:
        """What both backends do when the run's block ends normally: mark a started run completed, then
        rebuild what is derived from its writes (``before_publish(con)``, e.g. checks.refresh), one change."""
        if self.run_id is not None and not self.run_finished:
            self.finish_run("completed")
        if before_publish is not None:
            self.change(lambda: before_publish(self.con), "refresh the derived tables")

    def _reportable(self, remember: bool) -> list[dict[str, Any]]:
        """The skipped entries this run stores: those of local files unchanged since an earlier run listed
        them are left out (one note per source says how many and where they are listed); the files'
        fingerprints are remembered when ``remember`` (a completed run). ``file``/``fingerprint`` keys,
        which only serve this, are not stored."""
        files: dict[tuple[str, str], list[Any]] = {}  # (source, file) -> [fingerprint, entries]
        for e in self.skipped:
            key = (e.get("source"), e.get("file"))
            if isinstance(key[0], str) and isinstance(key[1], str) and isinstance(e.get("fingerprint"), str):
                files.setdefault(key, [e["fingerprint"], 0])[1] += 1
        if not files:
            return [_stored(e) for e in self.skipped]
        table = pa.table({
            "source": pa.array([k[0] for k in files], pa.string()),
            "file": pa.array([k[1] for k in files], pa.string()),
            "fingerprint": pa.array([v[0] for v in files.values()], pa.string()),
            "items": pa.array([v[1] for v in files.values()], pa.int64()),
        })
        self.con.register("reported_files", table)
        try:
            known = {(r[0], r[1]): (r[2], r[3]) for r in
                     self.con.execute(self.sql("known_skip_reports")).fetchall()}
            unchanged = {k: known[k][1] for k, (fp, _) in files.items() if k in known and known[k][0] == fp}
            if remember:
                self.con.unregister("reported_files")
                changed = [i for i, k in enumerate(files) if k not in unchanged]
                self.con.register("reported_files", table.take(pa.array(changed, pa.int64())))
                self.con.execute(self.sql("forget_skip_reports"))
                self.con.execute(self.sql("remember_skip_reports"), {"run_id": self.run_id})
        finally:
            self.con.unregister("reported_files")
        kept = [_stored(e) for e in self.skipped if (e.get("source"), e.get("file")) not in unchanged]
        notes: dict[str, list[Any]] = {}  # source -> [files, items, earliest run]
        for (source, file), run in unchanged.items():
            note = notes.setdefault(source, [[], 0, run])
            note[0].append(file)
            note[1] += files[(source, file)][1]
            note[2] = min(note[2], run)
        for source, (names, items, run) in notes.items():
            more = f" and {len(names) - 1:,} more file(s)" if len(names) > 1 else ""
            kept.append({
                "item": names[0] + more,
                "reason": f"unchanged since run {run}, which listed its skipped items: {items:,} entr"
                          f"{'y' if items == 1 else 'ies'} not listed again",
                "source": source,
            })
        return kept

    # --- sources ------------------------------------------------------------------------------------

    def upsert_source(self, name: str, kind: str, location: str, lang: str | None = None) -> str:
        """Create or update a source by name; returns its deterministic ``source_id``."""
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"a source needs a non-empty name, got {name!r}")
        sid = source_id(name)
        params = {"source_id": sid, "name": storable(name), "kind": kind, "location": storable(str(location)),
                  "lang": optional_storable(lang or None)}
        self.change(lambda: run_sql_script(self.con, self.sql("upsert_source"), params),
                    f"upsert source {name}")
        self._sources[name] = sid
        return sid

    # --- reference files ----------------------------------------------------------------------------

    def replace_reference_facts(self, rows: pa.Table) -> int:
        """Store validated reference facts (checks/loading.py), replacing those with the same fact_id;
        returns the number of rows. One change: a file is loaded whole or not at all."""
        return self._replace_rows("replace_reference_facts", rows)

    def replace_exchange_rates(self, rows: pa.Table) -> int:
        """Store validated exchange rates, replacing those of the same date, from and to currencies."""
        return self._replace_rows("replace_exchange_rates", rows)

    def _replace_rows(self, name: str, rows: pa.Table) -> int:
        """Run ``NAME.sql`` (per backend), which reads ``rows`` as the table ``qc_rows_in``."""
        def body() -> None:
            with registered(self.con, qc_rows_in=rows):
                run_sql_script(self.con, self.sql(name), {})

        self.change(body, name.replace("_", " "))
        return rows.num_rows

    def _source_for(self, doc: Any) -> str:
        name = doc.source
        if name in self._sources:
            return self._sources[name]
        sid = source_id(name)
        row = self.con.execute("SELECT source_id FROM sources WHERE source_id = ?", [sid]).fetchone()
        if row is None:
            kind = getattr(doc, "source_kind", None) or "unknown"
            location = getattr(doc, "source_location", None) or getattr(doc, "url", None) or name
            return self.upsert_source(name, kind, location)
        self._sources[name] = sid
        return sid

    # --- documents ----------------------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The subset of ``hashes`` already stored, so the flow can skip extracting those texts."""
        wanted = sorted({h for h in hashes if isinstance(h, str)})
        if not wanted:
            return set()
        # An Arrow table, not a list parameter: DuckDB converts list parameters element by element.
        with registered(self.con, wanted_hashes=pa.table({"content_hash": pa.array(wanted, pa.string())})):
            rows = self.con.execute(
                "SELECT content_hash FROM documents SEMI JOIN wanted_hashes USING (content_hash)"
            ).fetchall()
        return {r[0] for r in rows}

    def load_batch(
        self,
        documents: Sequence[Any],
        mentions: Sequence[Sequence[Any]] | MentionColumns | None = None,
        extractor_version: str | None = None,
    ) -> LoadResult:
        """Load documents and their mentions in ONE transaction with Arrow bulk inserts.

        ``documents`` are DocumentIn records (or any objects with the same attributes, e.g.
        flows.documents.Document); their mentions come from ``doc.mentions`` or, when given, from the
        parallel ``mentions`` sequence, or already as columns (``MentionColumns``, what the pipeline's
        extraction workers hand over, keyed by document_id = content_hash[:16]). Already-stored and
        repeated texts are counted as duplicates; invalid documents and mentions are skipped with a
        reason; the rest is loaded. On a database error the whole batch is rolled back and the error raised.
        """
        prepared = mentions if isinstance(mentions, MentionColumns) else None
        if prepared is not None:
            mentions = None
        elif mentions is not None and len(mentions) != len(documents):
            raise ValueError(f"{len(documents)} documents but {len(mentions)} mention lists")
        if self.run_id is None:
            self.start_run()
        version = extractor_version or default_extractor_version()
        result = self._through_backend(lambda: self._load_once(documents, mentions, prepared, version),
                                       "load a batch", batch=True)
        self.documents_seen += len(documents)
        self.documents_added += result.documents_added
        self.mentions_added += result.mentions_added
        self.documents_duplicate += result.documents_duplicate
        self.skipped.extend(s.to_json() for s in result.skipped)
        return result

    def _load_once(
        self, documents: Sequence[Any], mentions: Sequence[Sequence[Any]] | None,
        prepared: MentionColumns | None, version: str,
    ) -> LoadResult:
        """One attempt at loading a batch, in one transaction (rolled back on any error)."""
        result = LoadResult()
        self.con.execute("SET threads = ?", [LOAD_THREADS])
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.backend.claim(self.con)
            rows, mention_lists = self._select_new(documents, mentions, result)
            batch = arrow_batch.build(rows, prepared if prepared is not None else mention_lists, version)
            result.skipped.extend(batch.skipped)
            if rows:
                with registered(self.con, batch_documents=batch.documents, batch_mentions=batch.mentions):
                    (result.documents_added,) = self.con.execute(self.sql("insert_documents")).fetchone()
                    (result.mentions_added,) = self.con.execute(self.sql("insert_mentions")).fetchone()
            self._commit(result.mentions_added >= DIRECT_WRITE_MENTIONS)
        except BaseException:
            with contextlib.suppress(duckdb.Error):  # keep the original error, not "no transaction"
                self.con.execute("ROLLBACK")
            raise
        finally:
            with contextlib.suppress(duckdb.Error):
                self.con.execute("RESET threads")
        return result

    def _commit(self, direct: bool) -> None:
        """COMMIT; ``direct``: this commit checkpoints at once (see DIRECT_WRITE_MENTIONS)."""
        if not direct:
            self.con.execute("COMMIT")
            return
        (threshold,) = self.con.execute("SELECT current_setting('checkpoint_threshold')").fetchone()
        self.con.execute("SET checkpoint_threshold = '1MB'")
        try:
            self.con.execute("COMMIT")
        finally:
            self.con.execute("SET checkpoint_threshold = ?", [threshold])

    def _select_new(
        self, documents: Sequence[Any], mentions: Sequence[Sequence[Any]] | None, result: LoadResult
    ) -> tuple[list[dict[str, Any]], list[Sequence[Any]]]:
        """Validate documents and keep the first copy of each text not stored yet (inside the transaction)."""
        hashes: list[str | None] = []
        for doc in documents:
            text = getattr(doc, "text", None)
            given = getattr(doc, "content_hash", None)
            hashes.append(given if given else (content_hash(text) if isinstance(text, str) else None))
        stored = self.known_hashes(h for h in hashes if h)
        seen: set[str] = set()
        rows: list[dict[str, Any]] = []
        mention_lists: list[Sequence[Any]] = []
        fetched_default = datetime.now(UTC)
        for i, doc in enumerate(documents):
            label = storable(str(getattr(doc, "url", None) or f"document {i} of the batch"))
            h = hashes[i]
            problem = _document_problem(doc, h)
            if problem:
                result.skipped.append(Skipped(label, problem))
                continue
            assert h is not None
            if h in stored or h in seen:
                result.documents_duplicate += 1
                continue
            try:
                published = to_utc(getattr(doc, "published_at", None))
            except (ValueError, TypeError, OverflowError) as exc:
                # "0001-01-01T00:30+01:00" leaves the calendar in UTC
                result.skipped.append(Skipped(label, f"published_at stored as NULL: {exc}"))
                published = None
            try:
                fetched = to_utc(getattr(doc, "fetched_at", None)) or fetched_default
            except (ValueError, TypeError, OverflowError) as exc:
                result.skipped.append(Skipped(label, f"fetched_at replaced by the load time: {exc}"))
                fetched = fetched_default
            seen.add(h)
            rows.append(
                {
                    "document_id": h[:16],
                    "source_id": self._source_for(doc),
                    "url": optional_storable(getattr(doc, "url", None)),
                    "title": optional_storable(getattr(doc, "title", None)),
                    "lang": optional_storable(getattr(doc, "lang", None)) or None,
                    "published_at": published,
                    "fetched_at": fetched,
                    "content_hash": h,
                    "text": doc.text,
                    "run_id": self.run_id,
                    "publisher": optional_storable(getattr(doc, "publisher", None)) or None,
                }
            )
            own = mentions[i] if mentions is not None else getattr(doc, "mentions", ())
            mention_lists.append(own or ())
        return rows, mention_lists


def _document_problem(doc: Any, h: str | None) -> str | None:
    text = getattr(doc, "text", None)
    if not isinstance(text, str):
        return f"text is {type(text).__name__}, not str"
    if not text.strip():
        return "empty text"
    source = getattr(doc, "source", None)
    if not isinstance(source, str) or not source.strip():
        return "no source name"
    if not isinstance(h, str) or HEX.fullmatch(h) is None:
        return f"content_hash {h!r} is not lowercase hex (16 to 128 digits)"
    return None


__all__ = ["Backend", "DocumentIn", "FileBackend", "LoadResult", "MentionColumns", "Writer", "statement"]
