"""Frames cached in ``claim_frames``: read once per mention and lexicon version.

Reading a claim's frame needs its whole article (places named earlier, the dateline, the other numbers), so
the pending mentions are read document by document, a batch of documents at a time, and written back as
Arrow tables. A changed lexicon (its files' digest is the version) re-reads every mention; a run that added
a few articles reads only theirs.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path

import duckdb
import pyarrow as pa

from quantcheck.checks.frames import ClaimInput, Frame, frames_for_document
from quantcheck.checks.gazetteer import _versions as gazetteer_versions
from quantcheck.checks.gazetteer import load as load_gazetteer
from quantcheck.checks.gazetteer import skeleton
from quantcheck.checks.identity import word_mask
from quantcheck.checks.lexicon import Lexicon, load_lexicon
from quantcheck.checks.sqlfiles import sql
from quantcheck.warehouse.sqlfiles import registered

BATCH_DOCUMENTS = 2000

SCHEMA = pa.schema(
    [
        ("mention_id", pa.string()),
        ("lexicon_version", pa.string()),
        ("measure", pa.string()),
        ("grp", pa.string()),
        ("fine_group", pa.string()),
        ("thing", pa.string()),
        ("action", pa.string()),
        ("topic", pa.string()),
        ("part", pa.string()),
        ("scope", pa.string()),
        ("incidents", pa.list_(pa.string())),
        ("place", pa.string()),
        ("place_kind", pa.string()),
        ("place_cc", pa.string()),
        ("place_admin1", pa.string()),
        ("place_gid", pa.int64()),
        ("place_source", pa.string()),
        ("spot", pa.string()),
        ("day", pa.date32()),
        ("day_source", pa.string()),
        ("words", pa.list_(pa.string())),
        ("wording", pa.string()),
        ("entity", pa.string()),
        ("year", pa.int32()),
        ("spot_key", pa.string()),
        ("place_key", pa.string()),
        ("words_mask", pa.uint64()),
        ("since", pa.date32()),
    ]
)


def frame_version(lexicon: Lexicon) -> str:
    """What a cached frame depends on: the lexicon files, the reading code, the gazetteer's data."""
    digest = hashlib.sha256(lexicon.version.encode())
    here = Path(__file__).parent
    for name in ("frames.py", "places.py", "dates.py", "lexicon.py", "gazetteer.py", "things.py"):
        digest.update((here / name).read_bytes())
    digest.update(gazetteer_versions().encode())
    return digest.hexdigest()[:16]


def frames_table(frames: list[Frame], version: str) -> pa.Table:
    cols: dict[str, list] = {f.name: [] for f in SCHEMA}
    for f in frames:
        row = {
            "mention_id": f.mention_id,
            "lexicon_version": version,
            "measure": f.measure,
            "grp": f.group,
            "fine_group": f.fine_group,
            "thing": f.thing,
            "action": f.action,
            "topic": f.topic,
            "part": f.part,
            "scope": f.scope,
            "incidents": list(f.incidents),
            "place": f.place,
            "place_kind": f.place_kind,
            "place_cc": f.place_cc,
            "place_admin1": f.place_admin1,
            "place_gid": f.place_gid,
            "place_source": f.place_source,
            "spot": f.spot,
            "day": f.day,
            "day_source": f.day_source,
            "words": list(f.words),
            "wording": f.wording,
            "entity": f.entity,
            "year": f.year,
            "spot_key": skeleton(f.spot) if f.spot else None,
            "place_key": skeleton(f.place or ""),
            "words_mask": word_mask(f.words),
            "since": f.since,
        }
        for k, v in row.items():
            cols[k].append(v)
    return pa.table(cols, schema=SCHEMA)


def refresh_frames(con: duckdb.DuckDBPyConnection, lexicon: Lexicon | None = None) -> int:
    """Read the frame of every mention not cached for this lexicon version; return how many were read."""
    lex = lexicon or load_lexicon()
    version = frame_version(lex)
    con.execute("DELETE FROM claim_frames WHERE lexicon_version <> $v", {"v": version})
    con.execute("DELETE FROM claim_frames WHERE mention_id NOT IN (SELECT mention_id FROM mentions)")
    con.execute(sql("pending_frames"), {"version": version})
    docs = [r[0] for r in con.execute("SELECT DISTINCT document_id FROM qc_pending ORDER BY 1").fetchall()]
    done = 0
    if docs:
        gazetteer = load_gazetteer()
        for i in range(0, len(docs), BATCH_DOCUMENTS):
            chunk = docs[i : i + BATCH_DOCUMENTS]
            texts = {
                d: (t, lg, day, title)
                for d, t, lg, day, title in con.execute(
                    "SELECT document_id, text, lang, CAST(timezone('UTC', published_at) AS DATE), title "
                    "FROM documents "
                    "WHERE document_id IN (SELECT unnest($ids))",
                    {"ids": chunk},
                ).fetchall()
            }
            claims: dict[str, list[ClaimInput]] = defaultdict(list)
            for row in con.execute(
                'SELECT document_id, mention_id, start, "end", sentence_start, sentence_end, dimension, '
                "counted, concept, value FROM qc_pending WHERE document_id IN (SELECT unnest($ids)) "
                "ORDER BY document_id, start, mention_id",
                {"ids": chunk},
            ).fetchall():
                claims[row[0]].append(ClaimInput(*row[1:]))
            frames: list[Frame] = []
            for doc_id in chunk:
                text, lang, day, title = texts[doc_id]
                frames.extend(frames_for_document(text, lang, day, claims[doc_id], lex, gazetteer, title))
            table = frames_table(frames, version)
            with registered(con, qc_frames_arrow=table):
                con.execute("INSERT INTO claim_frames SELECT * FROM qc_frames_arrow")
            done += len(frames)
    con.execute("DROP TABLE IF EXISTS qc_pending")
    return done
