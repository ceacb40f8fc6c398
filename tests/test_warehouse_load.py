"""Bulk loading: idempotent, deduplicated by content hash, every mention traceable to its text, bad
records skipped with a reason (and recorded in runs.skipped) while the rest of the batch loads."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import duckdb
import pytest
from test_warehouse_support import counts, file_digest, make_doc, make_docs

from quantcheck.extractors.model import Mention
from quantcheck.flows.documents import Document, Skipped
from quantcheck.warehouse.arrow_batch import mention_columns
from quantcheck.warehouse.db import connect_read_only, open_writer
from quantcheck.warehouse.records import DocumentIn, content_hash
from quantcheck.warehouse.writer import DIRECT_WRITE_MENTIONS


def load(db: Path, *batches: list, flow_run_id: str | None = None) -> list:
    with open_writer(db) as w:
        w.start_run(flow_run_id)
        return [w.load_batch(b) for b in batches]


def test_same_batch_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    docs = make_docs("a", 4, n_mentions=5)
    (first,) = load(db, docs)
    assert (first.documents_added, first.mentions_added, first.documents_duplicate) == (4, 20, 0)
    before = counts(connect_read_only(db))
    (second,) = load(db, docs)
    assert (second.documents_added, second.mentions_added, second.documents_duplicate) == (0, 0, 4)
    con = connect_read_only(db)
    after = counts(con)
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}
    assert after["runs"] == 2
    assert con.execute("SELECT documents_added, mentions_added, documents_seen, documents_duplicate, status "
                       "FROM runs ORDER BY run_id").fetchall() == [(4, 20, 4, 0, "completed"),
                                                                  (0, 0, 4, 4, "completed")]


def test_duplicates_within_a_batch_and_across_batches(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    a, b, c = make_docs("d", 3)
    syndicated = dataclasses.replace(a, source="other-outlet", url="https://other.test/copy")
    results = load(db, [a, b, a, syndicated], [b, c])
    assert [(r.documents_added, r.documents_duplicate) for r in results] == [(2, 2), (1, 1)]
    con = connect_read_only(db)
    assert counts(con)["documents"] == 3
    # the first copy wins: the syndicated copy did not steal the document
    query = "SELECT url FROM documents WHERE content_hash = ?"
    assert con.execute(query, [a.content_hash]).fetchone() == (a.url,)


def test_ids_are_deterministic_and_mentions_trace_back_to_the_text(tmp_path: Path) -> None:
    docs = make_docs("ids", 3, n_mentions=4)
    db1, db2 = tmp_path / "1.duckdb", tmp_path / "2.duckdb"
    load(db1, docs)
    load(db2, list(reversed(docs)))
    query = "SELECT mention_id, document_id, start, \"end\", surface FROM mentions ORDER BY mention_id"
    rows1 = connect_read_only(db1).execute(query).fetchall()
    assert rows1 == connect_read_only(db2).execute(query).fetchall()
    con = connect_read_only(db1)
    for d in docs:
        did = d.content_hash[:16]
        got = con.execute("SELECT mention_id, start, \"end\", surface, sentence FROM mentions "
                          "WHERE document_id = ? ORDER BY ordinal", [did]).fetchall()
        assert [g[0] for g in got] == [f"{did}:{i}" for i in range(len(d.mentions))]
        for (_, start, end, surface, sentence), m in zip(got, d.mentions, strict=True):
            assert d.text[start:end] == surface == m.surface
            assert sentence == d.text[m.sentence_start:m.sentence_end] and surface in sentence


def test_claims_view_joins_source_document_and_mention(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    doc = make_doc("claims", 2)
    load(db, [doc])
    row = connect_read_only(db).execute(
        "SELECT source, url, title, lang, published_at, surface, value, unit, si_value, si_unit, counted, "
        "concept, qualifier FROM claims ORDER BY claim_id LIMIT 1").fetchone()
    assert row[:4] == ("wire", doc.url, doc.title, "en")
    assert row[4].isoformat().startswith("2024-03-01T09:00:00")  # +01:00 stored as UTC
    assert row[5:] == ("1000", 1000.0, "", 1000.0, "", "soldiers", "troops", "exact")


def test_bad_mentions_are_skipped_with_a_reason_and_the_rest_loads(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    doc = make_doc("bad", 2)
    good = list(doc.mentions)
    wrong_surface = dataclasses.replace(good[0], surface="9999")
    outside = dataclasses.replace(good[0], start=10_000, end=10_004)
    bad_qualifier = dataclasses.replace(good[0], qualifier="roughly")
    bad_sentence = dataclasses.replace(good[0], sentence_end=10_000)
    doc.mentions = [*good, wrong_surface, outside, bad_qualifier, bad_sentence, "not a mention"]
    other = make_doc("types", 3)
    text_value = dataclasses.replace(other.mentions[0], value="many")  # hints are not enforced
    text_offset = dataclasses.replace(other.mentions[1], start=str(other.mentions[1].start))
    other.mentions = [text_value, text_offset, other.mentions[2]]
    (r,) = load(db, [doc, other])
    assert (r.documents_added, r.mentions_added) == (2, 3)
    all_reasons = reasons = [s.reason for s in r.skipped]
    assert [s.item for s in r.skipped][-2:] == [f"mention 0 of {other.url}", f"mention 1 of {other.url}"]
    assert all("not a Mention record" in reason for reason in reasons[-2:])
    reasons = reasons[:-2]
    assert len(reasons) == 5
    assert "not the surface '9999'" in reasons[0]
    assert "outside the text" in reasons[1]
    assert "unknown qualifier 'roughly'" in reasons[2]
    assert "sentence offsets" in reasons[3]
    assert "not a Mention record" in reasons[4]
    (skipped,) = connect_read_only(db).execute("SELECT skipped FROM runs").fetchone()
    assert [s["reason"] for s in json.loads(skipped)] == all_reasons


def test_bad_documents_are_skipped_and_odd_text_is_stored_exactly(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    text = "NUL\x00 byte, emoji 😀 and a lone surrogate \ud800 before 42 km."
    at = text.index("42 km")
    m = Mention(start=at, end=at + 5, surface="42 km", value=42.0, low=None, high=None, unit="km")
    odd = DocumentIn(source="odd", text=text, mentions=[m], published_at="not a date")
    empty = DocumentIn(source="odd", text="   ")
    binary = DocumentIn(source="odd", text=b"\x00\x01", content_hash="ab" * 32)  # type: ignore[arg-type]
    no_source = DocumentIn(source="", text="some text")
    bad_hash = DocumentIn(source="odd", text="other text", content_hash="NOT-HEX")
    (r,) = load(db, [odd, empty, binary, no_source, bad_hash])
    assert (r.documents_added, r.mentions_added) == (1, 1)
    reasons = " | ".join(s.reason for s in r.skipped)
    for expected in ("published_at stored as NULL", "empty text", "text is bytes", "no source name",
                     "not lowercase hex"):
        assert expected in reasons
    con = connect_read_only(db)
    stored, published = con.execute("SELECT text, published_at FROM documents").fetchone()
    assert published is None
    assert len(stored) == len(text) and stored.replace("\ufffd", "\ud800") == text  # offsets still hold
    surface, start, end = con.execute('SELECT surface, start, "end" FROM mentions').fetchone()
    assert stored[start:end] == surface == "42 km"


def test_known_hashes_lets_the_flow_skip_stored_texts(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    docs = make_docs("k", 3)
    load(db, docs[:2])
    with open_writer(db) as w:
        assert w.known_hashes([d.content_hash for d in docs] + ["f" * 64]) == {
            docs[0].content_hash, docs[1].content_hash}
        assert w.known_hashes([]) == set()


def test_pipeline_records_and_parallel_mention_lists_are_accepted(tmp_path: Path) -> None:
    """flows.documents.Document (ISO-string dates, no mentions attribute) with mentions given alongside."""
    db = tmp_path / "w.duckdb"
    src = make_doc("flow", 2)
    doc = Document(source="flow-src", url=src.url, text=src.text, content_hash=content_hash(src.text),
                   lang="en", title="T", published_at="2024-05-01T08:00:00Z",
                   fetched_at="2024-05-02T00:00:00+00:00")
    with open_writer(db) as w:
        w.upsert_source("flow-src", kind="folder", location="/data/in", lang="en")
        r = w.load_batch([doc], mentions=[src.mentions])
        w.skip(Skipped(source="flow-src", location="/data/in/x.bin", reason="binary file"))
        w.skip("https://down.test/feed", "HTTP 500")
    assert (r.documents_added, r.mentions_added) == (1, 2)
    con = connect_read_only(db)
    assert con.execute("SELECT name, kind, location, lang FROM sources").fetchall() == [
        ("flow-src", "folder", "/data/in", "en")]
    (skipped,) = con.execute("SELECT skipped FROM runs").fetchone()
    first, second = json.loads(skipped)
    assert first["reason"] == "binary file" and "/data/in/x.bin" in json.dumps(first)  # via to_dict()
    assert second == {"item": "https://down.test/feed", "reason": "HTTP 500"}
    with pytest.raises(ValueError, match="1 documents but 2 mention lists"), open_writer(db) as w:
        w.load_batch([doc], mentions=[[], []])


def test_mention_columns_prepared_by_a_worker_load_like_mention_lists(tmp_path: Path) -> None:
    """The pipeline's path: extraction workers hand over MentionColumns (already checked, keyed by
    document_id). The warehouse gets the same rows as from Mention lists; mentions of a document that is
    already stored, or repeated in the batch, are not inserted again; bad mentions are skipped with a
    reason in the worker and reach runs.skipped through the load."""
    docs = make_docs("prep", 3, n_mentions=4)
    bad = dataclasses.replace(docs[1].mentions[0], surface="nope")
    docs[1].mentions = [*docs[1].mentions, bad]

    def owners(batch: list[DocumentIn]) -> list[tuple[str, str, str]]:
        return [(d.content_hash[:16], d.text, d.url) for d in batch]

    lists_db, cols_db = tmp_path / "lists.duckdb", tmp_path / "cols.duckdb"
    load(lists_db, docs)
    batch = [docs[0], docs[1], docs[0]]  # the same text twice in one batch
    prepared = mention_columns(owners(batch), [d.mentions for d in batch], "test-1")
    assert prepared.table.num_rows == 8
    assert [s.item for s in prepared.skipped] == [f"mention 4 of {docs[1].url}"]
    with open_writer(cols_db) as w:
        first = w.load_batch(batch, prepared, extractor_version="test-1")
        again = w.load_batch(docs, mention_columns(owners(docs), [d.mentions for d in docs], "test-1"))
    assert (first.documents_added, first.mentions_added, first.documents_duplicate) == (2, 8, 1)
    assert "not the surface 'nope'" in first.skipped[0].reason
    assert (again.documents_added, again.mentions_added, again.documents_duplicate) == (1, 4, 2)
    query = ("SELECT mention_id, document_id, start, \"end\", surface, sentence, value, qualifier, unit, "
             "si_value, ordinal FROM mentions ORDER BY mention_id")
    assert connect_read_only(cols_db).execute(query).fetchall() == connect_read_only(lists_db).execute(
        query).fetchall()
    (skipped,) = connect_read_only(cols_db).execute("SELECT skipped FROM runs").fetchone()
    assert "not the surface 'nope'" in json.loads(skipped)[0]["reason"]


def test_a_large_batch_is_written_directly_and_the_next_ones_go_through_the_wal(tmp_path: Path) -> None:
    """A batch of DIRECT_WRITE_MENTIONS mentions or more commits with a checkpoint (written once, no WAL);
    the writer's checkpoint threshold is back afterwards, and a small batch then stays in the WAL."""
    db = tmp_path / "w.duckdb"
    big = make_docs("big", DIRECT_WRITE_MENTIONS // 500, n_mentions=500)
    with open_writer(db) as w:
        (threshold,) = w.con.execute("SELECT current_setting('checkpoint_threshold')").fetchone()
        wal = Path(str(w.con.execute("SELECT path FROM duckdb_databases() WHERE database_name = "
                                     "current_database()").fetchone()[0]) + ".wal")
        assert w.load_batch(big).mentions_added == DIRECT_WRITE_MENTIONS
        assert not wal.exists() or wal.stat().st_size == 0  # checkpointed as it committed
        assert w.con.execute("SELECT current_setting('checkpoint_threshold')").fetchone() == (threshold,)
        assert w.load_batch(make_docs("small", 3)).mentions_added == 9
        assert wal.exists() and wal.stat().st_size > 0
    assert counts(connect_read_only(db))["mentions"] == DIRECT_WRITE_MENTIONS + 9


def test_source_upsert_updates_changed_configuration_only(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with open_writer(db) as w:
        sid = w.upsert_source("lemonde", "feed", "https://old.test/rss", "fr")
        assert w.upsert_source("lemonde", "feed", "https://old.test/rss", "fr") == sid
    with open_writer(db) as w:
        assert w.upsert_source("lemonde", "feed", "https://new.test/rss", "fr") == sid
    con = connect_read_only(db)
    assert con.execute("SELECT source_id, location FROM sources").fetchall() == [(sid, "https://new.test/rss")]


def test_an_exception_discards_the_run_and_records_it_as_failed(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    load(db, make_docs("ok", 2))
    before = file_digest(db.with_name("w.duckdb.d") / "master.duckdb")
    with pytest.raises(RuntimeError, match="feed exploded"), open_writer(db) as w:
        w.start_run("flow-42")
        w.load_batch(make_docs("lost", 3))
        raise RuntimeError("feed exploded")
    con = connect_read_only(db)
    assert counts(con)["documents"] == 2, "the failed run's batch is not in the warehouse"
    assert con.execute("SELECT run_id, flow_run_id, status, documents_added, documents_seen, error FROM runs "
                       "ORDER BY run_id").fetchall() == [
        (1, None, "completed", 2, 2, None),
        (2, "flow-42", "failed", 0, 3, "RuntimeError: feed exploded"),
    ]
    assert file_digest(db.with_name("w.duckdb.d") / "master.duckdb") != before  # only the failed-run row
    assert not list(db.with_name("w.duckdb.d").glob("scratch-*"))


def test_a_database_error_rolls_the_whole_batch_back_and_the_writer_goes_on(tmp_path: Path) -> None:
    """Two different texts whose hashes share the 16-hex document_id prefix: the batch fails as a whole."""
    db = tmp_path / "w.duckdb"
    first, second, third = make_docs("collide", 3)
    second.content_hash = first.content_hash[:16] + "f" * 48  # same document_id, different hash
    with open_writer(db) as w:
        with pytest.raises(duckdb.ConstraintException):
            w.load_batch([first, second])
        assert w.load_batch([third]).documents_added == 1  # the writer is still usable
        assert w.known_hashes([first.content_hash]) == set(), "nothing of the failed batch was kept"
    assert counts(connect_read_only(db))["documents"] == 1


def test_a_date_that_leaves_the_calendar_in_utc_is_stored_as_null(tmp_path: Path) -> None:
    # "0001-01-01T00:30:00+01:00" is a year-0 instant in UTC: an OverflowError, not a ValueError
    db = tmp_path / "w.duckdb"
    early = DocumentIn(source="odd", text="An early page.", published_at="0001-01-01T00:30:00+01:00")
    late = DocumentIn(source="odd", text="A late page.", published_at="9999-12-31T23:00:00-05:00",
                      fetched_at="9999-12-31T23:00:00-05:00")
    (r,) = load(db, [early, late])
    assert r.documents_added == 2
    reasons = [s.reason for s in r.skipped]
    assert sum("published_at stored as NULL" in x for x in reasons) == 2
    assert any("fetched_at replaced by the load time" in x for x in reasons)
    published = connect_read_only(db).execute("SELECT published_at FROM documents").fetchall()
    assert published == [(None,), (None,)]
