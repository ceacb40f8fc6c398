"""Build claim_keys and fact_pairs: every claim's interval and fact, and the disagreements worth showing.

Intervals are SQL over all mentions (checks/sql/claim_intervals.sql, currency conversion when rates are
loaded) and meet the cached frames in the temp table qc_claims, one digested row per claim. Only the blocks
whose rows changed since the last refresh are recomputed (checks/block_digests.py; all of them when forced):
their claims are read as columns (checks/claim_columns.py), facts and conflicts are computed block by block
on arrays (checks/block_facts.py, blocks spread over the CPUs), and their rows of claim_keys are written by
SQL from the rows already read, with each row's fact (digested once per fact), repeat flag and readable
"what is measured" added as columns, so no Python object is made per claim and nothing is joined back on
mention ids. Only the disagreements that reach ``fact_pairs`` get a reason, written by SQL from both sides'
columns taken by row number. The views ``claim_facts``, ``claim_groups``, ``conflicts`` and ``checks`` read
these tables.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from quantcheck.checks import block_digests, display_units, identity
from quantcheck.checks.block_facts import Compared, compare_blocks, small_pages
from quantcheck.checks.claim_columns import ClaimColumns
from quantcheck.checks.frame_store import frame_version
from quantcheck.checks.identity import load_settings
from quantcheck.checks.lexicon import Lexicon, load_lexicon
from quantcheck.checks.sqlfiles import sql
from quantcheck.checks.tolerances import Tolerances, load_tolerances
from quantcheck.extractors.langdata import decimal_separators
from quantcheck.warehouse.sqlfiles import registered, run_sql_script

ROW_GROUP = 122_880   # rows of one DuckDB row group
LABEL_COLUMNS = ("measure", "grp", "fine_group", "thing", "action", "topic", "part")


@dataclass(frozen=True, slots=True)
class Rebuilt:
    """What build_claim_keys did: the claims it keyed, the blocks there are and the blocks recomputed."""

    claims: int
    blocks: int
    recomputed: int
    full: bool


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


def build_claim_keys(con: duckdb.DuckDBPyConnection, tolerances: Tolerances | None = None,
                     lexicon: Lexicon | None = None, force: bool = False) -> Rebuilt:
    """Bring claim_keys and fact_pairs up to date from mentions, claim_frames and exchange rates, recomputing
    the blocks whose claims changed (every block when ``force``). Leaves the temp tables qc_units and
    qc_touched for the fact labels and :func:`checks.block_digests.record`."""
    tol = tolerances or load_tolerances()
    lex = lexicon or load_lexicon()
    st = load_settings()
    compute_intervals(con, tol)
    con.execute(sql("claims_for_comparison"), {"version": frame_version(lex),
                                               "loose_topics": sorted(lex.terms.loose_topics)})
    todo = block_digests.plan(con, block_digests.settings_digest(lex), force)
    table = con.execute(sql("compared_claims")).to_arrow_table()
    display_units.registry_warmed()   # no thread of an earlier call across the blocks' fork
    with small_pages():
        cols = ClaimColumns.from_arrow(table, lex, st, tol.float_epsilon)
        compared = compare_blocks(cols, lex, st)
    display_units.warm_registry()   # for the fact labels; the blocks' processes are already forked
    if todo.full:
        con.execute("DELETE FROM fact_pairs")
        con.execute("DELETE FROM claim_keys")
    else:
        con.execute(sql("forget_units"))
    fact_id, measured = _store_keys(con, table, compared, lex, tol, todo.full)
    _store_pairs(con, cols, compared, lex, fact_id, measured)
    con.execute(sql("conversion_facts"))
    claims = con.execute("SELECT count(*) FROM qc_claims").fetchone()[0]
    con.execute("DROP TABLE IF EXISTS qc_intervals")
    con.execute("DROP TABLE IF EXISTS qc_claims")
    return Rebuilt(claims=int(claims), blocks=todo.blocks, recomputed=todo.recomputed, full=todo.full)


def _store_keys(con: duckdb.DuckDBPyConnection, table: pa.Table, compared: Compared, lex: Lexicon,
                tol: Tolerances, everything: bool) -> tuple[pa.Array, pa.Array]:
    """Write the claim_keys rows of the recomputed units: the compared rows from ``table`` with their facts
    and repeat flags (``compared``), the rows without a block from qc_claims. Returns each row of ``table``'s
    fact id and what it measures (for the reasons of fact_pairs)."""
    labels = _labels(con, lex)
    fact_id = _fact_ids(con, table, compared.first)
    measured = _measured(table, labels)
    rows = table.append_column("fact_id", fact_id.dictionary.take(fact_id.indices)).append_column(
        "measured", measured).append_column("is_repeat", pa.array(compared.repeat & (compared.first >= 0)))
    # in batches of DuckDB's row groups: the insert then scans and compresses them on every thread
    rows = pa.Table.from_batches(rows.to_batches(max_chunksize=ROW_GROUP), rows.schema)
    with registered(con, qc_rows=rows, qc_labels=labels):
        run_sql_script(con, sql("store_claim_keys"), {"eps": tol.float_epsilon, "all": everything})
    return fact_id, measured


def _fact_ids(con: duckdb.DuckDBPyConnection, table: pa.Table, first: np.ndarray) -> pa.DictionaryArray:
    """Each row's fact id (null for a row not compared): digested by SQL once per fact, from its leader."""
    compared = first >= 0
    leaders, inverse = np.unique(first[compared], return_inverse=True)
    lead = pa.array(leaders)
    facts = pa.table({"k": pa.array(np.arange(len(leaders), dtype=np.int64)),
                      "block": table.column("block").take(lead),
                      "leader_day": table.column("day").take(lead),
                      "leader": table.column("mention_id").take(lead)})
    with registered(con, qc_fact_leaders=facts):
        ids = con.execute(sql("fact_ids")).to_arrow_table().column("fact_id").combine_chunks()
    at = np.zeros(len(first), dtype=np.int64)
    at[compared] = inverse
    return pa.DictionaryArray.from_arrays(pa.array(at, mask=~compared), ids.cast(pa.string()))


def _measured(table: pa.Table, labels: pa.Table) -> pa.DictionaryArray:
    """Each row's readable "what is measured": its combination of frame parts looked up in ``labels``
    (null and empty strings kept apart, like the SQL join's IS NOT DISTINCT FROM)."""
    n = table.num_rows
    if not n:
        return pa.array([], pa.string())
    both = pa.concat_tables([table.select(LABEL_COLUMNS).cast(labels.select(LABEL_COLUMNS).schema),
                             labels.select(LABEL_COLUMNS)])
    key = np.zeros(both.num_rows, dtype=np.int64)
    for name in LABEL_COLUMNS:
        encoded = pc.dictionary_encode(both.column(name)).combine_chunks()
        codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64) + 1
        if int(key.max()) >= (1 << 62) // (len(encoded.dictionary) + 1):   # keep the key within int64
            key = np.unique(key, return_inverse=True)[1].astype(np.int64)
        key = key * (len(encoded.dictionary) + 1) + codes
    key = np.unique(key, return_inverse=True)[1].astype(np.int64)
    where = np.full(int(key.max()) + 1, labels.num_rows, dtype=np.int64)
    where[key[n:]] = np.arange(labels.num_rows)
    measured = pa.concat_arrays([labels.column("measured").combine_chunks(), pa.nulls(1, pa.string())])
    return pa.DictionaryArray.from_arrays(pa.array(where[key[:n]]), measured)


def _labels(con: duckdb.DuckDBPyConnection, lex: Lexicon) -> pa.Table:
    """The readable "what is measured" of every distinct combination of frame parts of qc_claims."""
    rows = con.execute("SELECT DISTINCT measure, grp, fine_group, thing, action, topic, part "
                       "FROM qc_claims").to_arrow_table().to_pylist()
    out = {k: pa.array([r[k] for r in rows], pa.string()) for k in LABEL_COLUMNS}
    out["measured"] = pa.array(
        [identity.measured(identity_frame(r), lex) if r["measure"] is not None else None for r in rows],
        pa.string())
    return pa.table(out)


def identity_frame(r: dict) -> identity.Frame:
    return identity.Frame("", r["measure"], r["grp"], r["fine_group"], r["thing"], r["action"], r["topic"],
                          r["part"] or "", "incident", (), None, None, None, None, None, "none", None, None,
                          "none")


def _store_pairs(con: duckdb.DuckDBPyConnection, cols: ClaimColumns, compared: Compared, lex: Lexicon,
                 fact_id: pa.DictionaryArray, measured: pa.DictionaryArray) -> None:
    """fact_pairs for the conflicts the blocks kept, each with its reason (written by SQL). Each side's
    columns are dictionary arrays over the compared rows (indices: the pair's row numbers), so no string is
    copied before SQL reads them; ``fact_id`` and ``measured`` are each row's, from :func:`_store_keys`."""
    low, high = pa.array(compared.a), pa.array(compared.b)
    column = cols.table.column

    def side(name: str, rows: pa.Array) -> pa.DictionaryArray:
        values = column(name)
        return pa.DictionaryArray.from_arrays(rows, values.chunk(0) if values.num_chunks == 1
                                              else values.combine_chunks())

    converted = pc.is_valid(column("converted_from")).combine_chunks()
    chosen = pa.table({"claim_a": side("mention_id", low), "claim_b": side("mention_id", high),
                       "score": pa.array(np.round(compared.score, 3)),
                       "fact_id": fact_id.take(low), "measured": measured.take(low),
                       "place": side("place", low),
                       "day_a": column("day").take(low), "day_b": column("day").take(high),
                       "surface_a": side("surface", low), "surface_b": side("surface", high),
                       "converted": pc.or_(converted.take(low), converted.take(high)),
                       "incidents_a": column("incidents").take(low),
                       "incidents_b": column("incidents").take(high),
                       "entity_a": side("entity", low), "entity_b": side("entity", high),
                       "wording_a": side("wording", low), "wording_b": side("wording", high)})
    incident = lex.terms.labels["incident"]
    with registered(con, qc_chosen=chosen):
        con.execute(sql("store_fact_pairs"), {"kinds": list(incident), "labels": list(incident.values())})
