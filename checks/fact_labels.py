"""The fact_labels and unit_labels tables: what the views show people instead of internal keys.

Rebuilt by ``checks.refresh`` after claim_keys, for the facts of the blocks it recomputed: one row per fact
stated by at least two documents (the facts ``claim_groups`` and ``conflicts`` list) with its readable name
(checks/labels.py) and the unit its articles used most (checks/display_units.py); and one row per unit
written in mentions with the label a reader writes. Labels are built in Python from a few thousand distinct
facts and units, never per claim.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from quantcheck.checks.display_units import display_unit, first_measuring
from quantcheck.checks.identity import SCOPE_WORDS
from quantcheck.checks.labels import fact_label, measured_phrase
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
    rows = con.execute(sql("fact_label_parts")).fetchall()
    con.execute("DROP TABLE qc_label_blocks")
    ids, labels, units, factors, offsets, measured, places = [], [], [], [], [], [], []
    for fact_id, kind, what, place, incident, scope, base_unit, first_day, last_day, ranked_units in rows:
        shown = first_measuring(ranked_units, base_unit)
        what = what or measured_phrase(kind=kind)
        ids.append(fact_id)
        measured.append(what)
        places.append(place)
        labels.append(fact_label(measured=what, place=place, incident=lex.label("incident", incident) or None,
                                 scope=SCOPE_WORDS.get(scope or ""), first_day=first_day, last_day=last_day))
        units.append(shown.label)
        factors.append(shown.factor)
        offsets.append(shown.offset)
    table = pa.table({"fact_id": pa.array(ids, pa.string()), "fact_label": pa.array(labels, pa.string()),
                      "display_unit": pa.array(units, pa.string()),
                      "display_factor": pa.array(factors, pa.float64()),
                      "display_offset": pa.array(offsets, pa.float64()),
                      "measured": pa.array(measured, pa.string()),
                      "place": pa.array(places, pa.string())})
    with registered(con, qc_fact_labels=table):
        con.execute("INSERT INTO fact_labels BY NAME SELECT * FROM qc_fact_labels")
    return len(ids)


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
