"""The fact_labels and unit_labels tables: what the views show people instead of internal keys.

Rebuilt by ``checks.refresh`` after claim_keys, for the facts of the blocks it recomputed: one row per fact
stated by at least two documents (the facts ``claim_groups`` and ``conflicts`` list) with its readable name
(checks/labels.py) and the unit its articles used most (checks/display_units.py); and one row per unit
written in mentions with the label a reader writes. The words of a label are computed in Python
(checks/labels.py, checks/display_units.py) once for each distinct value of its parts — a few thousand
places, periods, kinds, incidents and lists of units —, never per fact or per claim; SQL joins them into each
fact's label (checks/sql/insert_fact_labels.sql).
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from quantcheck.checks.display_units import display_unit, first_measuring
from quantcheck.checks.identity import SCOPE_WORDS
from quantcheck.checks.labels import day_span, measured_phrase
from quantcheck.checks.lexicon import Lexicon, load_lexicon
from quantcheck.checks.sqlfiles import sql
from quantcheck.warehouse.sqlfiles import registered


def build_fact_labels(con: duckdb.DuckDBPyConnection, lexicon: Lexicon | None = None,
                      touched_only: bool = False) -> int:
    """Rebuild fact_labels from claim_keys; return how many labels were (re)built.

    ``touched_only``: only the facts of the blocks this refresh recomputed (the temp table qc_touched,
    checks/block_digests.py); the labels of facts that are gone are dropped, the others kept."""
    lex = lexicon or load_lexicon()
    if touched_only:
        con.execute("CREATE OR REPLACE TEMP TABLE qc_label_blocks AS "
                    "SELECT block FROM qc_touched WHERE block IS NOT NULL")
        con.execute("DELETE FROM fact_labels WHERE fact_id NOT IN (SELECT fact_id FROM claim_keys "
                    "WHERE fact_id IS NOT NULL) OR fact_id IN (SELECT fact_id FROM claim_keys "
                    "WHERE block IN (SELECT block FROM qc_label_blocks))")
    else:
        con.execute("CREATE OR REPLACE TEMP TABLE qc_label_blocks AS "
                    "SELECT DISTINCT block FROM claim_keys WHERE block IS NOT NULL")
        con.execute("DELETE FROM fact_labels")
    con.execute(sql("fact_label_parts"))
    con.execute("DROP TABLE qc_label_blocks")
    # the words of every distinct part, by checks/labels.py (a few thousand values, not one per fact)
    kinds = _column(con, "SELECT DISTINCT kind FROM qc_label_parts")
    places = _column(con, "SELECT DISTINCT place FROM qc_label_parts")
    incidents = _column(con, "SELECT DISTINCT incident FROM qc_label_parts")
    scopes = _column(con, "SELECT DISTINCT scope FROM qc_label_parts")
    periods = con.execute("SELECT DISTINCT first_day, last_day FROM qc_label_parts").fetchall()
    units = con.execute("SELECT DISTINCT base_unit, units FROM qc_label_parts").fetchall()
    shown = [first_measuring(ranked, base) for base, ranked in units]
    parts = {
        "qc_label_kinds": pa.table({"kind": pa.array(kinds, pa.string()), "phrase": pa.array(
            [measured_phrase(kind=k) for k in kinds], pa.string())}),
        "qc_label_place": _shown("place", places, places),
        "qc_label_incident": _shown("incident", incidents, [lex.label("incident", k) for k in incidents]),
        "qc_label_scope": _shown("scope", scopes, [SCOPE_WORDS.get(k or "") for k in scopes]),
        "qc_label_when": pa.table({"first_day": pa.array([p[0] for p in periods], pa.date32()),
                                   "last_day": pa.array([p[1] for p in periods], pa.date32()),
                                   "shown": pa.array([day_span(*p) or None for p in periods], pa.string())}),
        "qc_label_units": pa.table({"base_unit": pa.array([u[0] for u in units], pa.string()),
                                    "units": pa.array([u[1] for u in units], pa.list_(pa.string())),
                                    "display_unit": pa.array([d.label for d in shown], pa.string()),
                                    "display_factor": pa.array([d.factor for d in shown], pa.float64()),
                                    "display_offset": pa.array([d.offset for d in shown], pa.float64())}),
    }
    with registered(con, **parts):
        (count,) = con.execute(sql("insert_fact_labels")).fetchone()
    con.execute("DROP TABLE qc_label_parts")
    return int(count)


def _column(con: duckdb.DuckDBPyConnection, query: str) -> list:
    return [r[0] for r in con.execute(query).fetchall()]


def _shown(name: str, keys: list, words: list) -> pa.Table:
    """How a label shows each value of one of its optional parts (checks/labels.py fact_label: stripped;
    NULL when blank, and left out)."""
    return pa.table({name: pa.array(keys, pa.string()),
                     "shown": pa.array([str(w).strip() if w and str(w).strip() else None for w in words],
                                       pa.string())})


def build_unit_labels(con: duckdb.DuckDBPyConnection) -> int:
    """Rebuild unit_labels: every unit written in mentions with the label a reader writes for it."""
    written = [r[0] for r in con.execute("SELECT DISTINCT unit FROM mentions WHERE unit IS NOT NULL "
                                         "ORDER BY unit").fetchall()]
    table = pa.table({"unit": pa.array(written, pa.string()),
                      "display_unit": pa.array([display_unit(u).label for u in written], pa.string())})
    con.execute("DELETE FROM unit_labels")
    with registered(con, qc_unit_labels=table):
        con.execute("INSERT INTO unit_labels BY NAME SELECT * FROM qc_unit_labels")
    return len(written)
