"""The conflicts between sources as rows: what the CLI lists, the report shows and ClaimReview exports.

Data access, so it lives with the comparison (checks), below the commands that present it (flows).
"""

from __future__ import annotations

import duckdb

from quantcheck.checks.sqlfiles import sql


def fetch_conflicts(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every row of ``checks/sql/list_conflicts.sql`` (the conflicts view with the labels and sentences
    the readers need), as dicts keyed by column name."""
    cur = con.execute(sql("list_conflicts"))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
