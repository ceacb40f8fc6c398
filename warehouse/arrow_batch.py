"""Turn one batch of documents and their mentions into Arrow tables for a bulk INSERT ... SELECT.

Column-wise construction (one list comprehension per column, converted once by pyarrow) is what makes
loading fast: DuckDB then scans the Arrow buffers directly, with no per-row SQL. Objects that are not
Mention-like (wrong attribute types) are found by a slower per-object pass that runs only when the fast
path fails.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from operator import attrgetter, le, lt, sub
from typing import Any

import pyarrow as pa

from quantcheck.extractors.model import QUALIFIERS, Mention
from quantcheck.warehouse.records import Skipped

QUALIFIER_SET = frozenset(QUALIFIERS)
SURROGATE = re.compile("[\ud800-\udfff]")
TS = pa.timestamp("us", tz="UTC")
STR = pa.large_string()
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)

# Mention attributes read into columns, with their Arrow type and the default for a missing value.
INT_FIELDS = ("start", "end", "sentence_start", "sentence_end")
FLOAT_FIELDS = ("value", "low", "high", "si_value", "si_low", "si_high")
STR_FIELDS = ("surface", "qualifier", "unit", "dimension", "si_unit", "counted", "concept", "lang", "rule")
ALL_FIELDS = (*INT_FIELDS, *FLOAT_FIELDS, *STR_FIELDS, "extra")

# The stored sentence is a bounded window around its mention: at most SENTENCE_REACH characters of the
# sentence on each side of the surface, cut at a word boundary found in the last hundred of them (so at
# least SENTENCE_REACH_MIN are kept, unless the sentence is shorter). Why: a text without sentence breaks
# (a price list, a table flattened to one line) is one sentence, and storing it whole with each of its
# mentions made storage grow with the square of the text (a 286 KB list: 8,001 mentions, 2.2 GB). Bounded,
# a mention's row holds at most len(surface) + 2 * SENTENCE_REACH characters of sentence. Readers of
# ``sentence`` (subjects, comparisons) look at the words around a number, which the window keeps.
SENTENCE_REACH = 400
SENTENCE_REACH_MIN = 300


@dataclass
class ArrowBatch:
    documents: pa.Table
    mentions: pa.Table
    skipped: list[Skipped] = field(default_factory=list)


def strings(values: list[Any]) -> pa.Array:
    """A string column; lone surrogates (not encodable as UTF-8) become U+FFFD, keeping offsets intact."""
    try:
        return pa.array(values, STR)
    except (UnicodeEncodeError, pa.ArrowException):
        return pa.array([None if v is None else SURROGATE.sub("\ufffd", str(v)) for v in values], STR)


def floats(values: list[Any]) -> pa.Array:
    try:
        return pa.array(values, pa.float64())
    except (pa.ArrowException, TypeError):
        return pa.array([None if v is None else float(v) for v in values], pa.float64())


def timestamps(values: list[datetime | None]) -> pa.Array:
    """UTC datetimes as microseconds (pyarrow's own datetime conversion is slower per value)."""
    micros = [None if v is None else (v - EPOCH) // MICROSECOND for v in values]
    return pa.array(micros, pa.int64()).cast(TS)


def documents_table(docs: Sequence[dict[str, Any]]) -> pa.Table:
    return pa.table(
        {
            "document_id": strings([d["document_id"] for d in docs]),
            "source_id": strings([d["source_id"] for d in docs]),
            "url": strings([d["url"] for d in docs]),
            "title": strings([d["title"] for d in docs]),
            "lang": strings([d["lang"] for d in docs]),
            "published_at": timestamps([d["published_at"] for d in docs]),
            "fetched_at": timestamps([d["fetched_at"] for d in docs]),
            "content_hash": strings([d["content_hash"] for d in docs]),
            "text": strings([d["text"] for d in docs]),
            "run_id": pa.array([d["run_id"] for d in docs], pa.int64()),
            "publisher": strings([d.get("publisher") for d in docs]),
        }
    )


def mentions_table(
    columns_in: dict[str, list[Any]], doc_ids: list[str], ordinals: list[int], sentences: list[str],
    extractor_version: str,
) -> pa.Table:
    """Raises TypeError/ValueError/ArrowException when a value has the wrong type."""
    columns: dict[str, pa.Array] = {
        "document_id": strings(doc_ids),
        "ordinal": pa.array(ordinals, pa.int32()),
        "sentence": strings(sentences),
    }
    for name in INT_FIELDS:
        columns[name] = pa.array(columns_in[name], pa.int64())
    for name in FLOAT_FIELDS:
        columns[name] = floats(columns_in[name])
    for name in STR_FIELDS:
        columns[name] = strings(columns_in[name])
    columns["extra"] = strings([_extra_json(e) if e else None for e in columns_in["extra"]])
    columns["extractor_version"] = pa.array([extractor_version] * len(doc_ids), STR)
    for name, default in (("unit", ""), ("si_unit", ""), ("dimension", "count")):
        columns[name] = columns[name].fill_null(default)
    return pa.table(columns)


def _mention_like(m: Any) -> str | None:
    """Why ``m`` cannot be read as a Mention, or None (slow path only)."""
    try:
        for name in INT_FIELDS:
            if type(getattr(m, name)) is not int:
                return f"not a Mention record: {name} is not an int"
        for name in FLOAT_FIELDS:
            v = getattr(m, name)
            if v is not None:
                float(v)
        for name in STR_FIELDS:
            v = getattr(m, name)
            if v is not None and not isinstance(v, str):
                return f"not a Mention record: {name} is not a string"
        getattr(m, "extra")  # noqa: B009 - the attribute must exist
    except (AttributeError, TypeError, ValueError) as exc:
        return f"not a Mention record: {exc}"
    return None


def _problem(m: Any, text: str, n: int) -> str | None:
    """Why a mention breaks the record rules, or None (the per-mention path)."""
    start, end, ss, se = m.start, m.end, m.sentence_start, m.sentence_end
    if not (0 <= start <= end <= n):
        return f"offsets [{start}:{end}] outside the text ({n} characters)"
    if text[start:end] != m.surface:
        return f"text[{start}:{end}] is {text[start:end]!r}, not the surface {m.surface!r}"
    if m.qualifier not in QUALIFIER_SET:
        return f"unknown qualifier {m.qualifier!r}"
    if not (0 <= ss <= se <= n):
        return f"sentence offsets [{ss}:{se}] outside the text"
    return None


def _document_is_clean(text: str, cols: dict[str, list[Any]], a: int, b: int) -> bool:
    """All of one document's mentions pass the record rules, checked with C-level loops (map, ==)."""
    starts, ends = cols["start"][a:b], cols["end"][a:b]
    s_starts, s_ends = cols["sentence_start"][a:b], cols["sentence_end"][a:b]
    n = len(text)
    try:
        return (
            min(starts) >= 0 and max(ends) <= n and all(map(le, starts, ends))
            and min(s_starts) >= 0 and max(s_ends) <= n and all(map(lt, s_starts, s_ends))
            and QUALIFIER_SET.issuperset(cols["qualifier"][a:b])
            and list(map(text.__getitem__, map(slice, starts, ends))) == cols["surface"][a:b]
        )
    except TypeError:  # a non-int offset: the per-mention path says which
        return False


def sentence_window(text: str, ss: int, se: int, start: int, end: int) -> tuple[int, int]:
    """The stored part ``[ws, we)`` of the sentence ``[ss, se)`` holding the mention ``[start, end)``.

    The whole sentence when it reaches at most SENTENCE_REACH characters beyond the mention on each side;
    otherwise it is cut on that side after the first whitespace among the characters SENTENCE_REACH to
    SENTENCE_REACH_MIN away from the mention (or exactly SENTENCE_REACH away inside one long word). The
    window always contains the mention: ``ws <= start <= end <= we``.

    >>> text = "x " * 1000 + "12 km" + " y" * 1000
    >>> ws, we = sentence_window(text, 0, len(text), 2000, 2005)
    >>> (2000 - ws, we - 2005, text[ws:we].strip() == text[ws:we])
    (398, 398, True)
    >>> sentence_window("Il a fait 12 km.", 0, 16, 10, 15)
    (0, 16)
    """
    ws, we = min(ss, start), max(se, end)
    if start - ws > SENTENCE_REACH:
        lo = start - SENTENCE_REACH
        ws = lo
        for i in range(lo, start - SENTENCE_REACH_MIN):
            if text[i].isspace():
                ws = i + 1
                break
    if we - end > SENTENCE_REACH:
        hi = end + SENTENCE_REACH
        we = hi
        for j in range(hi - 1, end + SENTENCE_REACH_MIN - 1, -1):
            if text[j].isspace():
                we = j
                break
    return ws, we


def _bound_sentences(text: str, cols: dict[str, list[Any]], a: int, b: int) -> None:
    """Replace the sentence offsets of mentions ``a:b`` of one document by their windows (in place)."""
    starts, ends = cols["sentence_start"], cols["sentence_end"]
    if max(map(sub, ends[a:b], starts[a:b]), default=0) <= SENTENCE_REACH:
        return  # the common case: no sentence is long enough to need cutting, checked in C
    for k in range(a, b):
        starts[k], ends[k] = sentence_window(text, starts[k], ends[k], cols["start"][k], cols["end"][k])


@dataclass(frozen=True)
class MentionColumns:
    """Mentions checked against the record rules and laid out as the ``mentions`` columns (Arrow).

    Built by ``mention_columns`` where the mentions were extracted (a worker process), so the one writer
    of a run only hands Arrow buffers to DuckDB: the per-mention Python work (attribute reads, offset
    checks, sentence cutting, string encoding) runs in parallel across extraction workers instead of
    serially in the writer, and an Arrow table crosses a process boundary as a few buffers rather than
    as a pickle of every Mention object. ``table`` holds a ``document_id`` column; the writer keeps the
    rows whose document it inserts.
    """

    table: pa.Table
    skipped: tuple[Skipped, ...] = ()


def mention_columns(
    owners: Sequence[tuple[str, str, str]], mention_lists: Sequence[Sequence[Any]], extractor_version: str
) -> MentionColumns:
    """``owners[i]`` is (document_id, text, label) of the document ``mention_lists[i]`` was extracted from.

    Every mention is checked — offsets inside the text, ``text[start:end] == surface``, a known qualifier,
    sentence inside the text (or 0 and 0: the whole text) — and its sentence is cut from the text, bounded
    to a window around the mention (``sentence_window``; the stored ``sentence_start`` and
    ``sentence_end`` are the window's, so ``text[sentence_start:sentence_end] == sentence``); a mention
    that fails is skipped with its reason, the rest of its document loads. The check runs per document
    with C-level loops (map, list equality) and falls back to a per-mention loop only for a document that
    fails it, so the common case costs a few attribute reads per mention. A document_id seen earlier in
    ``owners`` (the same text twice) contributes its mentions once.
    """
    skipped: list[tuple[int, int, Skipped]] = []  # (document index, ordinal, why): sorted at the end

    def skip(i: int, ordinal: int, problem: str) -> None:
        skipped.append((i, ordinal, Skipped(f"mention {ordinal} of {owners[i][2]}", problem)))

    flat: list[Any] = []
    where: list[int] = []       # index in owners of each mention in flat
    ordinals: list[int] = []
    seen: set[str] = set()
    for i, mentions in enumerate(mention_lists):
        if owners[i][0] in seen:
            continue
        seen.add(owners[i][0])
        mentions = list(mentions)
        if set(map(type, mentions)) <= {Mention}:  # the common case, checked in C
            flat.extend(mentions)
            where.extend([i] * len(mentions))
            ordinals.extend(range(len(mentions)))
            continue
        for ordinal, m in enumerate(mentions):
            if type(m) is not Mention and (problem := _mention_like(m)) is not None:
                skip(i, ordinal, problem)
                continue
            flat.append(m)
            where.append(i)
            ordinals.append(ordinal)
    cols = {name: list(map(attrgetter(name), flat)) for name in ALL_FIELDS}
    keep: list[int] | None = None  # None: every mention in flat is kept
    sentences: list[str] = []
    a = 0
    while a < len(flat):
        i = where[a]
        b = a
        while b < len(flat) and where[b] == i:
            b += 1
        text = owners[i][1]
        if _document_is_clean(text, cols, a, b):
            _bound_sentences(text, cols, a, b)
            cuts = map(slice, cols["sentence_start"][a:b], cols["sentence_end"][a:b])
            sentences.extend(map(text.__getitem__, cuts))
            if keep is not None:
                keep.extend(range(a, b))
        else:
            if keep is None:
                keep = list(range(a))
            for k in range(a, b):
                m = flat[k]
                try:
                    problem = _problem(m, text, len(text))
                except TypeError as exc:
                    problem = f"not a Mention record: {exc}"
                if problem is None:
                    keep.append(k)
                    ss, se = m.sentence_start, m.sentence_end
                    if se <= ss:  # 0 and 0: the whole text is the sentence
                        ss, se = 0, len(text)
                    ss, se = sentence_window(text, ss, se, m.start, m.end)
                    cols["sentence_start"][k], cols["sentence_end"][k] = ss, se
                    sentences.append(text[ss:se])
                else:
                    skip(i, ordinals[k], problem)
        a = b
    doc_ids = [owners[i][0] for i in where]
    if keep is not None:
        cols = {name: [values[k] for k in keep] for name, values in cols.items()}
        doc_ids = [doc_ids[k] for k in keep]
        ordinals = [ordinals[k] for k in keep]
    try:
        table = mentions_table(cols, doc_ids, ordinals, sentences, extractor_version)
    except (TypeError, ValueError, OverflowError, pa.ArrowException):
        # A Mention holding a value of the wrong type (the dataclass does not enforce its hints).
        kept = list(keep) if keep is not None else list(range(len(flat)))
        good: list[int] = []
        for pos, k in enumerate(kept):
            problem = _mention_like(flat[k])
            if problem is None:
                good.append(pos)
            else:
                skip(where[k], ordinals[pos], problem)
        cols = {name: [values[g] for g in good] for name, values in cols.items()}
        table = mentions_table(
            cols, [doc_ids[g] for g in good], [ordinals[g] for g in good], [sentences[g] for g in good],
            extractor_version,
        )
    skipped.sort(key=lambda entry: entry[:2])
    return MentionColumns(table, tuple(entry[2] for entry in skipped))


def build(
    docs: Sequence[dict[str, Any]], mention_lists: Sequence[Sequence[Any]] | MentionColumns,
    extractor_version: str,
) -> ArrowBatch:
    """``docs`` are validated column dicts (see Writer.load_batch); ``mention_lists[i]`` belong to docs[i],
    or all the batch's mentions come prepared as MentionColumns (their rows for other documents are
    dropped by the INSERT)."""
    if not isinstance(mention_lists, MentionColumns):
        owners = [(d["document_id"], d["text"], _label(d)) for d in docs]
        mention_lists = mention_columns(owners, mention_lists, extractor_version)
    return ArrowBatch(documents_table(docs), mention_lists.table, list(mention_lists.skipped))


def _label(doc: dict[str, Any]) -> str:
    return str(doc["url"] or doc["document_id"])


def _extra_json(extra: Any) -> str:
    return json.dumps(extra, default=str, sort_keys=True, ensure_ascii=False)
