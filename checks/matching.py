"""Build claim_keys and fact_pairs: every claim's interval and fact, and the disagreements worth showing.

Intervals are SQL over all mentions (checks/sql/claim_intervals.sql, currency conversion when rates are
loaded); which claims state the same fact is decided once, by checks/identity.py, on the claims' frames
(claim_frames); the result is written back as Arrow tables. The views ``claim_facts``, ``claim_groups``,
``conflicts`` and ``checks`` only read these tables.
"""

from __future__ import annotations

import math

import duckdb
import pyarrow as pa

from checks import identity
from checks.frame_store import frame_version
from checks.frames import Frame
from checks.lexicon import Lexicon, load_lexicon
from checks.sqlfiles import sql
from checks.tolerances import Tolerances, load_tolerances

CLAIMS_QUERY = """
SELECT q.mention_id, q.document_id, q.source_id, q.source_name, q.surface, q.qualifier, q.kind, q.lo1, q.hi1,
       q.nominal, q.base_unit, q.converted_from, q.rate, q.rate_date, q.published_day, q.publisher,
       f.measure, f.grp, f.fine_group, f.thing, f.action, f.topic, f.part, f.scope, f.incidents, f.place,
       f.place_kind, f.place_cc, f.place_admin1, f.place_gid, f.place_source, f.spot, f.day, f.day_source,
       f.words, f.wording, f.entity, f.year
FROM qc_intervals AS q
LEFT JOIN claim_frames AS f ON f.mention_id = q.mention_id AND f.lexicon_version = $version
ORDER BY q.mention_id
"""

KEYS_SCHEMA = pa.schema(
    [
        ("mention_id", pa.string()),
        ("document_id", pa.string()),
        ("source_id", pa.string()),
        ("publisher", pa.string()),
        ("source_name", pa.string()),
        ("surface", pa.string()),
        ("fact_id", pa.string()),
        ("block", pa.string()),
        ("kind", pa.string()),
        ("measured", pa.string()),
        ("grp", pa.string()),
        ("action", pa.string()),
        ("topic", pa.string()),
        ("scope", pa.string()),
        ("part", pa.string()),
        ("place", pa.string()),
        ("day", pa.date32()),
        ("incidents", pa.list_(pa.string())),
        ("published_day", pa.date32()),
        ("nominal", pa.float64()),
        ("lo", pa.float64()),
        ("hi", pa.float64()),
        ("base_unit", pa.string()),
        ("converted_from", pa.string()),
        ("rate", pa.float64()),
        ("rate_date", pa.date32()),
        ("is_repeat", pa.bool_()),
    ]
)
PAIRS_SCHEMA = pa.schema(
    [
        ("claim_a", pa.string()),
        ("claim_b", pa.string()),
        ("fact_id", pa.string()),
        ("score", pa.float64()),
        ("reason", pa.string()),
    ]
)


def pivot_currency(con: duckdb.DuckDBPyConnection) -> str | None:
    """The currency that loaded exchange rates convert into: the most common ``to`` code (ties: A→Z)."""
    row = con.execute(
        'SELECT "to" FROM exchange_rates GROUP BY "to" ORDER BY count(*) DESC, "to" LIMIT 1'
    ).fetchone()
    return row[0] if row else None


def compute_intervals(con: duckdb.DuckDBPyConnection, tolerances: Tolerances) -> None:
    """The temp table qc_intervals: every mention's interval in base units, converted when rates allow."""
    p = tolerances.sql_params()
    con.execute(
        sql("claim_intervals"),
        {"min_sig": p["min_sig"], "half_step": p["half_step"], "approx_rel": p["approx_rel"]},
    )
    pivot = pivot_currency(con)
    if pivot is not None:
        con.execute(sql("convert_currencies"), {"pivot": pivot, "max_rate_age": p["max_rate_age"]})


def _frame(row: tuple) -> Frame | None:
    (
        mention_id,
        measure,
        grp,
        fine,
        thing,
        action,
        topic,
        part,
        scope,
        incidents,
        place,
        place_kind,
        cc,
        admin1,
        gid,
        psrc,
        spot,
        day,
        dsrc,
        words,
        wording,
        entity,
        year,
    ) = row
    if measure is None:
        return None
    return Frame(
        mention_id,
        measure,
        grp,
        fine,
        thing,
        action,
        topic,
        part,
        scope,
        tuple(incidents or ()),
        place,
        place_kind,
        cc,
        admin1,
        gid,
        psrc,
        spot,
        day,
        dsrc,
        tuple(words or ()),
        wording or "",
        entity,
        year,
    )


def _usable(lo: float | None, hi: float | None) -> bool:
    return lo is not None and hi is not None and not math.isnan(lo) and not math.isnan(hi) and lo <= hi


def build_claim_keys(
    con: duckdb.DuckDBPyConnection, tolerances: Tolerances | None = None, lexicon: Lexicon | None = None
) -> int:
    """Rebuild claim_keys and fact_pairs from mentions, claim_frames and exchange rates; return the rows."""
    tol = tolerances or load_tolerances()
    lex = lexicon or load_lexicon()
    compute_intervals(con, tol)
    eps = tol.float_epsilon
    rows = con.execute(CLAIMS_QUERY, {"version": frame_version(lex)}).fetchall()
    claims: list[identity.Claim] = []
    info: dict[str, tuple] = {}
    for r in rows:
        (
            mention_id,
            document_id,
            source_id,
            source_name,
            surface,
            qualifier,
            kind,
            lo,
            hi,
            nominal,
            base_unit,
            converted_from,
            rate,
            rate_date,
            published_day,
            publisher,
        ) = r[:16]
        frame = _frame((mention_id, *r[16:]))
        info[mention_id] = r
        if frame is None or kind is None or not _usable(lo, hi):
            continue
        claims.append(
            identity.Claim(
                frame,
                document_id,
                source_id,
                publisher,
                kind,
                lo - eps * abs(lo),
                hi + eps * abs(hi),
                nominal,
                qualifier,
                surface,
                converted_from is not None,
            )
        )
    facts = identity.assign_facts(claims, lex)
    by_id = {c.mention_id: c for c in claims}
    repeats = _repeats(claims, facts)
    cols: dict[str, list] = {f.name: [] for f in KEYS_SCHEMA}
    for mention_id, r in info.items():
        (
            _,
            document_id,
            source_id,
            source_name,
            surface,
            qualifier,
            kind,
            lo,
            hi,
            nominal,
            base_unit,
            converted_from,
            rate,
            rate_date,
            published_day,
            publisher,
        ) = r[:16]
        c = by_id.get(mention_id)
        f = c.frame if c else _frame((mention_id, *r[16:]))
        key = identity.block_key(f, kind) if f else None
        values = {
            "mention_id": mention_id,
            "document_id": document_id,
            "source_id": source_id,
            "publisher": publisher,
            "source_name": source_name,
            "surface": surface,
            "fact_id": facts.get(mention_id),
            "block": "|".join(key) if key else None,
            "kind": kind,
            "measured": identity.measured(f, lex) if f else None,
            "grp": f.group if f else None,
            "action": f.action if f else None,
            "topic": f.topic if f else None,
            "scope": f.scope if f else None,
            "part": f.part if f else None,
            "place": f.place if f else None,
            "day": f.day if f else None,
            "incidents": list(f.incidents) if f else [],
            "published_day": published_day,
            "nominal": nominal,
            "lo": c.lo if c else lo,
            "hi": c.hi if c else hi,
            "base_unit": base_unit,
            "converted_from": converted_from,
            "rate": rate,
            "rate_date": rate_date,
            "is_repeat": mention_id in repeats,
        }
        for k, v in values.items():
            cols[k].append(v)
    pairs = identity.conflict_pairs(claims, facts, lex)
    _replace(con, "claim_keys", pa.table(cols, schema=KEYS_SCHEMA))
    _replace(
        con,
        "fact_pairs",
        pa.table(
            {
                "claim_a": [p.claim_a for p in pairs],
                "claim_b": [p.claim_b for p in pairs],
                "fact_id": [p.fact_id for p in pairs],
                "score": [p.score for p in pairs],
                "reason": [p.reason for p in pairs],
            },
            schema=PAIRS_SCHEMA,
        ),
    )
    con.execute("DROP TABLE IF EXISTS qc_intervals")
    return len(info)


def _repeats(claims: list[identity.Claim], facts: dict[str, str]) -> set[str]:
    """Later occurrences of one interval of one fact in one document (a title repeating the body)."""
    seen: set[tuple] = set()
    out: set[str] = set()
    for c in sorted(claims, key=lambda c: (c.document_id, c.frame.mention_id)):
        fid = facts.get(c.mention_id)
        if fid is None:
            continue
        key = (fid, c.document_id, c.lo, c.hi)
        if key in seen:
            out.add(c.mention_id)
        seen.add(key)
    return out


def _replace(con: duckdb.DuckDBPyConnection, table: str, data: pa.Table) -> None:
    con.execute(f"DELETE FROM {table}")
    con.register("qc_rows_arrow", data)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM qc_rows_arrow")
    finally:
        con.unregister("qc_rows_arrow")
