"""Build claim_keys and fact_pairs: every claim's interval and fact, and the disagreements worth showing.

Intervals are SQL over all mentions (checks/sql/claim_intervals.sql, currency conversion when rates are
loaded). The intervals and the cached frames are read as columns (checks/claim_columns.py); facts are grown
block by block on arrays (checks/fact_graph.py); the rows of claim_keys are then written by SQL from a small
table of (claim, first claim of its fact), so no Python object is made per claim. Only the disagreements
that reach ``fact_pairs`` are read back as frames, for their reasons. The views ``claim_facts``,
``claim_groups``, ``conflicts`` and ``checks`` read these tables.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa

from quantcheck.checks import identity
from quantcheck.checks.claim_columns import ClaimColumns
from quantcheck.checks.fact_graph import block_graph
from quantcheck.checks.facts import followed_rows, gate_conflicts, horizon, unrivalled_rows
from quantcheck.checks.frame_store import frame_version
from quantcheck.checks.identity import Settings, load_settings
from quantcheck.checks.lexicon import Lexicon, load_lexicon
from quantcheck.checks.sqlfiles import sql
from quantcheck.checks.tolerances import Tolerances, load_tolerances
from quantcheck.extractors.langdata import decimal_separators
from quantcheck.warehouse.sqlfiles import registered

PAIRS_SCHEMA = pa.schema([("claim_a", pa.string()), ("claim_b", pa.string()), ("fact_id", pa.string()),
                          ("score", pa.float64()), ("reason", pa.string())])
LABEL_COLUMNS = ("measure", "grp", "fine_group", "thing", "action", "topic", "part")


def pivot_currency(con: duckdb.DuckDBPyConnection) -> str | None:
    """The currency that loaded exchange rates convert into: the most common ``to`` code (ties: A→Z)."""
    row = con.execute(
        'SELECT "to" FROM exchange_rates GROUP BY "to" ORDER BY count(*) DESC, "to" LIMIT 1'
    ).fetchone()
    return row[0] if row else None


def compute_intervals(con: duckdb.DuckDBPyConnection, tolerances: Tolerances) -> None:
    """The temp table qc_intervals: every mention's interval in base units, converted when rates allow."""
    p = tolerances.sql_params()
    decimals = decimal_separators()
    con.execute(sql("claim_intervals"),
                {"min_sig": p["min_sig"], "half_step": p["half_step"], "approx_rel": p["approx_rel"],
                 "decimal_langs": list(decimals), "decimal_seps": list(decimals.values())})
    pivot = pivot_currency(con)
    if pivot is not None:
        con.execute(sql("convert_currencies"), {"pivot": pivot, "max_rate_age": p["max_rate_age"]})


def first_of_facts(cols: ClaimColumns, lex: Lexicon, st: Settings) -> np.ndarray:
    """For every row, the row of the first claim (earliest day, then mention id) of its fact; -1 for a claim
    that cannot be compared."""
    first = np.full(len(cols.block), -1, dtype=np.int64)
    rows = np.flatnonzero(cols.block >= 0)
    if not len(rows):
        return first
    order = rows[np.argsort(cols.block[rows], kind="stable")]
    bounds = np.flatnonzero(np.diff(cols.block[order])) + 1
    span = horizon(lex, st)
    for members in np.split(order, bounds):
        if len(members) == 1:
            first[members] = members
            continue
        roots = np.asarray(block_graph(cols.frames, members, span, st)[0], dtype=np.int64)
        # the first member of each fact: sort by (fact, day, row) and take each fact's first row
        days = cols.frames.day[members]
        by = np.lexsort((members, days, roots))
        head = np.ones(len(by), dtype=bool)
        head[1:] = roots[by][1:] != roots[by][:-1]
        leader = dict(zip(roots[by][head].tolist(), members[by][head].tolist(), strict=True))
        first[members] = [leader[r] for r in roots.tolist()]
    return first


def build_claim_keys(con: duckdb.DuckDBPyConnection, tolerances: Tolerances | None = None,
                     lexicon: Lexicon | None = None) -> int:
    """Rebuild claim_keys and fact_pairs from mentions, claim_frames and exchange rates; return the rows."""
    tol = tolerances or load_tolerances()
    lex = lexicon or load_lexicon()
    st = load_settings()
    compute_intervals(con, tol)
    table = con.execute(sql("claims_for_comparison"), {"version": frame_version(lex),
                                     "loose_topics": sorted(lex.terms.loose_topics)}).to_arrow_table()
    cols = ClaimColumns.from_arrow(table, lex, st, tol.float_epsilon)
    first = first_of_facts(cols, lex, st)
    lead = np.where(first >= 0, first, 0)
    leaders = pa.table({"mention_id": table.column("mention_id"),
                        "comparable": pa.array(first >= 0),
                        "leader": table.column("mention_id").take(pa.array(lead)),
                        "leader_day": table.column("day").take(pa.array(lead)),
                        "block": table.column("block"),
                        "eps": pa.array(np.full(len(first), tol.float_epsilon))})
    labels = _labels(table, lex)
    with registered(con, qc_leaders=leaders, qc_labels=labels):
        con.execute("DELETE FROM claim_keys")
        con.execute(sql("store_claim_keys"), {"version": frame_version(lex)})
        con.execute(sql("conversion_facts"))
    _store_pairs(con, cols, first, lex, st)
    con.execute("DROP TABLE IF EXISTS qc_intervals")
    return table.num_rows


def _labels(table: pa.Table, lex: Lexicon) -> pa.Table:
    """The readable "what is measured" of every distinct combination of frame parts."""
    parts = table.select(list(LABEL_COLUMNS)).group_by(list(LABEL_COLUMNS)).aggregate([])
    rows = parts.to_pylist()
    out = {k: [r[k] for r in rows] for k in LABEL_COLUMNS}
    out["measured"] = [
        identity.measured(identity_frame(r), lex) if r["measure"] is not None else None for r in rows]
    return pa.table(out)


def identity_frame(r: dict) -> identity.Frame:
    return identity.Frame("", r["measure"], r["grp"], r["fine_group"], r["thing"], r["action"], r["topic"],
                          r["part"] or "", "incident", (), None, None, None, None, None, "none", None, None,
                          "none")


def _store_pairs(con: duckdb.DuckDBPyConnection, cols: ClaimColumns, first: np.ndarray, lex: Lexicon,
                 st: Settings) -> None:
    """Candidate disagreements by SQL (pairs of one fact whose intervals do not overlap, from two outlets),
    scored and gated on arrays; reasons written for the ones kept."""
    rows = np.flatnonzero(first >= 0)
    con.execute("DELETE FROM fact_pairs")
    if not len(rows):
        return
    facts = pa.table({"row": pa.array(rows), "fact": pa.array(first[rows]), "lo": pa.array(cols.lo[rows]),
                      "hi": pa.array(cols.hi[rows]), "source": pa.array(cols.source[rows]),
                      "publisher": pa.array(cols.publisher[rows]),
                      "document": pa.array(cols.frames.document[rows])})
    with registered(con, qc_fact_rows=facts):
        pairs = con.execute(sql("disjoint_pairs")).fetchnumpy()
    a = pairs["row_a"].astype(np.int64)
    b = pairs["row_b"].astype(np.int64)
    alone = unrivalled_rows(cols.frames, cols.block, first, lex, st) | followed_rows(first, cols.source, st)
    keep, scores = gate_conflicts(
        cols.frames, cols.nominal, cols.at_least, cols.exact, a, b, first, alone, st)
    kept = np.flatnonzero(keep)
    mention = cols.table.column("mention_id")
    chosen = pa.table({"claim_a": mention.take(pa.array(a[kept])), "claim_b": mention.take(pa.array(b[kept])),
                       "score": pa.array(np.round(scores[kept], 3))})
    labels = pa.table({"kind": list(lex.terms.labels["incident"]),
                       "label": list(lex.terms.labels["incident"].values())})
    with registered(con, qc_chosen=chosen, qc_incident_labels=labels):
        con.execute(sql("store_fact_pairs"), {"version": frame_version(lex)})
