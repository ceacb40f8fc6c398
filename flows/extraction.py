"""Extraction of one batch of documents: language detection, then the extractor, in worker processes.

Extraction is CPU-bound pure Python, so threads do not run it in parallel (the GIL). A batch task hands
its documents to a process pool instead. The pool is a per-process cache of worker processes, created on
first use in whichever process runs the task (the flow process, or a Dask worker) and never shared across
processes; nothing in a task depends on it existing. ``processes=1`` extracts inline (what a Dask worker
that already is one of many processes wants).

The worker also lays the mentions out as the warehouse's Arrow columns (warehouse.arrow_batch): that
per-mention Python work then runs in parallel across workers rather than in the run's single writer, and
a batch travels back as a few Arrow buffers instead of a pickle of every Mention object.

This module does not import Prefect: worker processes only import the extractor, pyarrow and these
dataclasses.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace

from quantcheck.extractors.model import Mention
from quantcheck.flows.documents import Document, Skipped
from quantcheck.flows.lifeline import die_with_parent
from quantcheck.warehouse.arrow_batch import MentionColumns, mention_columns

_POOL: ProcessPoolExecutor | None = None
_POOL_SIZE = 0
_POOL_LOCK = threading.Lock()
AUTO_POOL_BATCHES = 4


@dataclass(frozen=True, slots=True)
class ExtractedBatch:
    """Documents (with their language settled) and their mentions as warehouse columns."""

    documents: tuple[Document, ...]
    mentions: MentionColumns
    skipped: tuple[Skipped, ...]
    extractor_version: str


def document_budget(text: str, seconds_per_mb: float | None) -> float | None:
    """CPU seconds one document may take: ``extract_budget`` per million characters, and at least that."""
    if not seconds_per_mb:
        return None
    return seconds_per_mb * max(1.0, len(text) / 1_000_000)


def extract_documents(docs: list[Document] | tuple[Document, ...],
                      budget: float | None = None) -> ExtractedBatch:
    """Detect missing languages and extract mentions; a document the extractor fails on is skipped.

    Skipped rather than stored without mentions: its hash then stays unknown to the warehouse, so the next
    run (with a fixed extractor) extracts it again instead of treating it as done.

    ``budget`` (``extract_budget``: CPU seconds per million characters, see extractors/budget.py) bounds
    each document: a document that spends it is stored with the mentions found up to that point, and the
    rest of it is listed as skipped with the position reached (a pathological text must not hold the run).
    """
    from quantcheck.extractors import EXTRACTOR_VERSION, detect_language, extract
    from quantcheck.extractors.budget import limited
    from quantcheck.flows.languages import detected_unsupported, refusal

    out_docs: list[Document] = []
    out_mentions: list[tuple[Mention, ...]] = []
    skipped: list[Skipped] = []
    for doc in docs:
        allowed = document_budget(doc.text, budget)
        try:
            if doc.lang is None:
                other = detected_unsupported(doc.text)
                if other is not None:
                    reason = f"text detected as {other!r}: {refusal(other)}"
                    skipped.append(Skipped(doc.source, doc.url, reason))
                    continue
            lang = doc.lang or detect_language(doc.text)
            with limited(allowed) as spent:
                mentions = tuple(extract(doc.text, lang))
        except ImportError:
            raise  # the extractor is not installed: a broken deployment, not bad input
        except Exception as exc:
            skipped.append(Skipped(doc.source, doc.url, f"extractor error: {type(exc).__name__}: {exc}"))
            continue
        if spent is not None and spent.stopped_at is not None:
            skipped.append(Skipped(doc.source, doc.url, (
                f"extraction stopped after {allowed:g} s of CPU (extract_budget = {budget:g} s per million "
                f"characters) at character {spent.stopped_at:,} of {len(doc.text):,}: the rest of the "
                f"document was not read for quantities ({len(mentions)} found before); its text is stored")))
        out_docs.append(doc if doc.lang == lang else replace(doc, lang=lang))
        out_mentions.append(mentions)
    version = str(EXTRACTOR_VERSION)
    owners = [(d.content_hash[:16], d.text, d.url or d.content_hash[:16]) for d in out_docs]
    columns = mention_columns(owners, out_mentions, version)
    return ExtractedBatch(tuple(out_docs), columns, tuple(skipped), version)


def resolve_processes(setting: int, n_documents: int, batch_size: int) -> int:
    """Worker processes to use: the setting, or (0 = auto) one per CPU for runs of more than 4 batches.

    Smaller runs extract inline: starting processes (each importing the extractor and loading the unit
    registry and language data, 1-3 s) would cost more than it saves.
    """
    if setting > 0:
        return setting
    if n_documents <= AUTO_POOL_BATCHES * batch_size:
        return 1
    return max(1, min(os.cpu_count() or 1, -(-n_documents // batch_size)))


def run_extraction(docs: list[Document] | tuple[Document, ...], processes: int,
                   budget: float | None = None) -> ExtractedBatch:
    """Extract a batch inline (processes <= 1) or in this process's worker pool; ``budget``: see
    extract_documents."""
    if processes <= 1 or not docs:
        return extract_documents(docs, budget)
    return _pool(processes).submit(extract_documents, list(docs), budget).result()


def _pool(size: int) -> ProcessPoolExecutor:
    global _POOL, _POOL_SIZE
    with _POOL_LOCK:
        if _POOL is None or _POOL_SIZE != size:
            if _POOL is not None:
                _POOL.shutdown(wait=True)
            # each worker dies with the fork server that forked it (flows/lifeline.py: after kill -9 of
            # the run, nothing is left behind)
            _POOL = ProcessPoolExecutor(max_workers=size, mp_context=_mp_context(),
                                        initializer=die_with_parent)
            _POOL_SIZE = size
        return _POOL


def _mp_context():
    """forkserver with the extractor preloaded (workers start warm), else spawn; never plain fork.

    The flow process runs threads (Prefect's event loop, HTTP clients) and forking a threaded process can
    deadlock the child; the fork server is a fresh single-threaded process, so forking from it is safe.
    """
    try:
        ctx = multiprocessing.get_context("forkserver")
    except ValueError:  # platforms without fork (Windows)
        return multiprocessing.get_context("spawn")
    ctx.set_forkserver_preload(["quantcheck.flows.forkserver_watch", "quantcheck.flows.extraction_warmup"])
    return ctx


def shutdown_pool() -> None:
    """Stop this process's extraction workers (end of a run; also at interpreter exit)."""
    global _POOL, _POOL_SIZE
    with _POOL_LOCK:
        if _POOL is not None:
            _POOL.shutdown(wait=True, cancel_futures=True)
        _POOL, _POOL_SIZE = None, 0


atexit.register(shutdown_pool)
