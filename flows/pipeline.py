"""The Prefect flow ``quantcheck-pipeline``: fetch, normalise + dedupe, extract in batches, load, publish.

Shape of a run:
1. one ``fetch-source`` task per source (concurrent; I/O retries happen inside, per URL, with backoff);
   each returns normalised, hashed documents and the items it skipped;
2. in the flow: drop texts seen earlier in the run (syndicated copies) and texts the warehouse already
   holds (``known_hashes``), so a re-run extracts and adds nothing;
3. one ``extract-batch`` task per ``batch_size`` documents, all submitted at once; each hands its batch to a
   process pool (extraction is CPU-bound, threads would not run batches in parallel);
4. ``load-batch`` in batch order: one transaction per batch through the warehouse writer;
5. finish the run record (totals and every skipped item) and publish; an exception anywhere before the end
   leaves the public warehouse exactly as it was.

Tasks are thin wrappers over pure functions (flows.sources.read_source, flows.extraction.extract_documents)
that receive everything they need as picklable arguments, so any task runner can run them (issue 6).
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from quantcheck.flows.budget import TimeBudget
from quantcheck.flows.config import Config, ConfigError, Settings, SourceConfig, build_config
from quantcheck.flows.documents import Document, Skipped, SourceResult
from quantcheck.flows.extraction import ExtractedBatch, resolve_processes, run_extraction, shutdown_pool
from quantcheck.flows.runners import make_task_runner
from quantcheck.flows.sources import read_source, run_budget
from quantcheck.warehouse.storable import storable, storable_value

FLOW_NAME = "quantcheck-pipeline"


@dataclass
class RunSummary:
    """What a run did; returned by the flow and printed by ``quantcheck run``."""

    db: str
    run_id: int | None = None
    sources: list[str] = field(default_factory=list)
    documents_seen: int = 0          # documents read from all sources
    documents_repeated: int = 0      # same text seen earlier in this run (syndicated copies)
    documents_known: int = 0         # text already in the warehouse
    documents_added: int = 0
    mentions_added: int = 0
    batches: int = 0
    skipped: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    published: bool = True           # False: the public file could not be replaced (a read-write holder)

    def to_dict(self) -> dict:
        """Plain data with storable strings: printed, returned to Prefect, never a surrogate in it."""
        return storable_value(asdict(self))


# --- tasks: thin wrappers -------------------------------------------------------------------------

@task(name="fetch-source", cache_policy=NO_CACHE, persist_result=False,
      task_run_name="fetch-{source.name}")
def fetch_source_task(source: SourceConfig, settings: Settings, budget: TimeBudget | None = None
                      ) -> SourceResult:
    """Read one source (files, a folder, a page or a feed); bad items come back as Skipped, never raise.
    ``budget``: the run's time budget for downloads, shared by every source."""
    return read_source(source, settings, budget)


@task(name="extract-batch", cache_policy=NO_CACHE, persist_result=False,
      task_run_name="extract-batch-{number}")
def extract_batch_task(documents: list[Document], processes: int, number: int,
                       budget: float | None = None) -> ExtractedBatch:
    """Language detection and extraction of one batch, in a worker process when ``processes`` > 1;
    ``budget``: CPU seconds per document per million characters (``extract_budget``)."""
    return run_extraction(documents, processes, budget)


@task(name="load-batch", cache_policy=NO_CACHE, persist_result=False, task_run_name="load-batch-{number}")
def load_batch_task(writer, batch: ExtractedBatch, number: int):
    """One transaction: the batch's documents and mentions, bulk-inserted by the warehouse writer."""
    return writer.load_batch(list(batch.documents), batch.mentions, extractor_version=batch.extractor_version)


# --- pure helpers ---------------------------------------------------------------------------------

def dedupe(results: list[SourceResult]) -> tuple[list[Document], int]:
    """Documents in source order with repeated texts dropped (first copy wins); returns (kept, repeated)."""
    seen: set[str] = set()
    kept: list[Document] = []
    repeated = 0
    for res in results:
        for doc in res.documents:
            if doc.content_hash in seen:
                repeated += 1
                continue
            seen.add(doc.content_hash)
            kept.append(doc)
    return kept, repeated


# Skipped items logged one by one (each log line also goes to the Prefect API); the rest in one line.
MAX_LOGGED_SKIPS = 20


def log_skipped(log, skipped: list[dict], run_id: int | None) -> None:
    """Warn about what the run left out: the first MAX_LOGGED_SKIPS items, then one aggregated line."""
    for s in skipped[:MAX_LOGGED_SKIPS]:
        log.warning("skipped %s (%s): %s", s.get("item"), s.get("source"), s.get("reason"))
    rest = skipped[MAX_LOGGED_SKIPS:]
    if rest:
        sources = sorted({str(s.get("source")) for s in rest})
        log.warning("skipped %d more item(s) from %s; all are listed in runs.skipped of run %s", len(rest),
                    ", ".join(sources[:5]) + (f" and {len(sources) - 5} more" if len(sources) > 5 else ""),
                    run_id)


def batches_of(docs: list[Document], size: int) -> list[list[Document]]:
    return [docs[i:i + size] for i in range(0, len(docs), size)]


def resolve_db(cli_db: str | None, settings: Settings) -> str:
    """--db, then QUANTCHECK_DB, then [settings] db, then the warehouse's default location."""
    import os

    from quantcheck.warehouse.db import default_db_path
    from quantcheck.warehouse.ducklake import is_lake_location

    chosen = cli_db or os.environ.get("QUANTCHECK_DB") or settings.db
    if is_lake_location(chosen):
        return chosen.strip()  # ducklake:sqlite:/… or ducklake:postgres:…, not a file path
    if cli_db:
        return os.path.abspath(os.path.expanduser(cli_db))
    if os.environ.get("QUANTCHECK_DB"):
        return os.path.abspath(os.path.expanduser(os.environ["QUANTCHECK_DB"]))
    if settings.db:
        return os.path.abspath(os.path.expanduser(settings.db))
    return os.path.abspath(str(default_db_path()))


# --- the flow -------------------------------------------------------------------------------------

@flow(name=FLOW_NAME, log_prints=False, validate_parameters=True)
def quantcheck_pipeline(config_path: str | None = None, db: str | None = None,
                        sources: list[str] | None = None, only_sources: list[str] | None = None) -> dict:
    """Fetch every configured source, extract quantities and load them into the warehouse, once.

    Parameters are plain strings so a deployment can store them: the config file is re-read on every run.
    ``sources`` adds locations as sources of their own (``quantcheck run --source``); ``only_sources``
    narrows the run to some source names (one deployment per schedule).
    """
    try:
        cfg = build_config(config_path, sources, only_sources)
    except ConfigError as exc:
        # A scheduled run re-reads its config: a typo saved since `quantcheck serve` started must give one
        # clear line and a failed row in `runs`, not a crash with two Prefect tracebacks and no record.
        return config_failure(config_path, db, exc)
    return run_pipeline(cfg, resolve_db(db, cfg.settings))


CONFIG_ERROR = "config error: "


class _OneLineConfigFailure(logging.Filter):
    """Drop the traceback Prefect's engine logs when a flow run ends Failed because of its config.

    A served run happens in a subprocess whose engine logs "Engine execution exited with unexpected
    exception" with the FailedRun traceback for every failed run. For a config error the run has already
    logged the one line that matters (and Prefect logs "Finished in state Failed(...)"), so that record is
    dropped; every other failure keeps its traceback.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not (exc is not None and type(exc).__name__ == "FailedRun"
                    and str(exc).startswith(CONFIG_ERROR))


logging.getLogger("prefect.flow_runs").addFilter(_OneLineConfigFailure())


def config_failure(config_path: str | None, db: str | None, exc: ConfigError):
    """Record a run that could not start because of its config (a ``failed`` row in ``runs`` with the
    error) and end the flow run Failed with that one-line message."""
    from prefect.states import Failed

    from quantcheck.flows.warehouse_writer import open_run_writer

    message = f"{CONFIG_ERROR}{exc}"
    log = get_run_logger()
    log.error("%s", message)
    db_path = resolve_db(db, Settings(db=_settings_db(config_path)))
    try:
        with open_run_writer(db_path) as writer:
            writer.start_run(flow_run_id=str(flow_run.id) if flow_run.id else None)
            writer.finish_run("failed", error=message)
    except Exception as record_exc:  # the config error is what the user must see; this is bookkeeping
        log.warning("the failed run could not be recorded in %s: %s: %s", db_path,
                    type(record_exc).__name__, record_exc)
    return Failed(message=message)


def _settings_db(config_path: str | None) -> str | None:
    """``[settings] db`` of a config that failed validation, when the file still parses as TOML."""
    import tomllib

    if not config_path:
        return None
    try:
        with open(config_path, "rb") as fh:
            value = tomllib.load(fh).get("settings", {}).get("db")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) and value.strip() else None


def run_pipeline(cfg: Config, db_path: str) -> dict:
    """The body of the flow (must run inside a flow run: it submits tasks)."""
    from quantcheck.flows.warehouse_writer import open_run_writer

    log = get_run_logger()
    started = time.monotonic()
    settings = cfg.settings
    summary = RunSummary(db=db_path, sources=[s.name for s in cfg.sources])
    skipped: list[Skipped] = []
    log.info("reading %d source(s) into %s", len(cfg.sources), storable(db_path))

    with make_task_runner(settings) as runner:
        budget = run_budget(settings)
        fetches = [runner.submit(fetch_source_task, {"source": s, "settings": settings, "budget": budget})
                   for s in cfg.sources]
        results: list[SourceResult] = [f.result() for f in fetches]
        for res in results:
            skipped.extend(res.skipped)
            summary.documents_seen += len(res.documents)
            log.info("source %s: %d document(s), %d skipped", storable(res.source), len(res.documents),
                     len(res.skipped))
        docs, summary.documents_repeated = dedupe(results)

        with open_run_writer(db_path) as writer:
            summary.run_id = writer.start_run(flow_run_id=str(flow_run.id) if flow_run.id else None)
            for s in cfg.sources:
                writer.upsert_source(s.name, kind=s.kind, location=s.location, lang=s.lang)
            known = writer.known_hashes([d.content_hash for d in docs])
            fresh = [d for d in docs if d.content_hash not in known]
            summary.documents_known = len(docs) - len(fresh)
            batches = batches_of(fresh, settings.batch_size)
            summary.batches = len(batches)
            # Dask/process workers are the parallelism: no process pool inside their tasks.
            processes = (settings.extract_processes or 0) if settings.task_runner == "thread" else 1
            processes = resolve_processes(processes, len(fresh), settings.batch_size)
            log.info("%d new document(s) (%d repeated in this run, %d already stored): %d batch(es), "
                     "%d extraction process(es)", len(fresh), summary.documents_repeated,
                     summary.documents_known, len(batches), processes)
            # quote(): Prefect would otherwise walk (and copy) every document and mention of a batch
            # to look for futures in the parameters, which costs more than the load itself
            futures = [runner.submit(extract_batch_task,
                                     {"documents": quote(b), "processes": processes, "number": i,
                                      "budget": settings.extract_budget or None})
                       for i, b in enumerate(batches, 1)]
            try:
                for i in range(1, len(futures) + 1):
                    batch: ExtractedBatch = futures[i - 1].result()
                    futures[i - 1] = None  # drop the loaded batch: memory stays flat on long runs
                    skipped.extend(batch.skipped)
                    result = load_batch_task(writer, quote(batch), i)
                    del batch
                    summary.documents_added += result.documents_added
                    summary.mentions_added += result.mentions_added
                    rate = summary.documents_added / max(time.monotonic() - started, 1e-9)
                    log.info("batch %d/%d loaded: %d document(s) added, %d mention(s) [%.0f documents/s]",
                             i, len(batches), result.documents_added, result.mentions_added, rate)
            finally:
                if settings.task_runner == "thread":
                    shutdown_pool()
            # the run record counts every document read, including those deduplicated before extraction
            writer.documents_seen = summary.documents_seen
            writer.documents_duplicate += summary.documents_repeated + summary.documents_known
            writer.finish_run("completed", skipped=[s.to_dict() for s in skipped])
        # leaving the writer block committed and published the run

    summary.skipped = list(writer.reported)  # as stored: unchanged files' items are not listed again
    summary.published = writer.published is not False
    summary.seconds = round(time.monotonic() - started, 3)
    log_skipped(log, summary.skipped, summary.run_id)
    log.info("run %s published: %d document(s) and %d mention(s) added in %.1f s", summary.run_id,
             summary.documents_added, summary.mentions_added, summary.seconds)
    return summary.to_dict()
