"""Which claims state the same fact: blocking keys, facts and intervals (the claim_keys table).

Two claims are the same fact when they have
- the same *kind*: the concept for counts (soldats / troops / soldados / Soldaten share one), the pint
  dimension for measures (hectares and square miles are both ``[length] ** 2``; EUR and USD are different
  dimensions unless exchange rates convert them),
- the same *frame*: the nearest action term of the sentence ("massed" → deploy, "pull back" →
  withdraw), else the nearest topic term ("call", "contract"), from the multilingual lexicon; a claim with
  no frame is never matched (no subject, no comparison),
- publication days chaining with gaps of at most ``[matching] max_gap_days`` (a rolling story).

That is a *blocking* scheme: the fact id is computed per claim with window functions over distinct days
(checks/sql/build_claim_keys.sql), so building facts is linear in the number of claims; pairs are only
formed inside a fact, by the ``conflicts`` view. The conflicts view additionally refuses pairs whose
entity sets are both non-empty and disjoint (Spain vs Portugal) and explains each pair in ``reason``.
"""

from __future__ import annotations

import duckdb

from checks.lexicon import Lexicon, load_lexicon
from checks.sqlfiles import sql
from checks.tolerances import Tolerances, load_tolerances


def pivot_currency(con: duckdb.DuckDBPyConnection) -> str | None:
    """The currency that loaded exchange rates convert into: the most common ``to`` code (ties: A→Z)."""
    row = con.execute(
        'SELECT "to" FROM exchange_rates GROUP BY "to" ORDER BY count(*) DESC, "to" LIMIT 1'
    ).fetchone()
    return row[0] if row else None


def build_claim_keys(con: duckdb.DuckDBPyConnection, tolerances: Tolerances | None = None,
                     lexicon: Lexicon | None = None) -> int:
    """Rebuild claim_keys from mentions, documents, claim_subjects and exchange_rates; return its size."""
    tol = tolerances or load_tolerances()
    lex = lexicon or load_lexicon()
    p = tol.sql_params()
    con.execute(sql("claim_intervals"), {"version": lex.version, "min_sig": p["min_sig"],
                                         "half_step": p["half_step"], "approx_rel": p["approx_rel"]})
    pivot = pivot_currency(con)
    if pivot is not None:
        con.execute(sql("convert_currencies"), {"pivot": pivot, "max_rate_age": p["max_rate_age"]})
    con.execute("DELETE FROM claim_keys")
    # Row order in claim_keys means nothing (every reader sorts), and an order-free insert of a million
    # rows parallelises better; the connection's own setting is restored afterwards.
    keep_order = con.execute("SELECT current_setting('preserve_insertion_order')").fetchone()[0]
    con.execute("SET preserve_insertion_order = false")
    try:
        con.execute(sql("build_claim_keys"),
                    {"eps": p["eps"], "max_gap": p["max_gap"], "max_span": p["max_span"]})
    finally:
        con.execute(f"SET preserve_insertion_order = {'true' if keep_order else 'false'}")
    con.execute("DROP TABLE IF EXISTS qc_intervals")
    return int(con.execute("SELECT count(*) FROM claim_keys").fetchone()[0])
