"""Skip a refresh whose inputs did not change: the ``checks_state`` table (migration 0011).

The warehouse writer runs ``checks.refresh`` (passed in by flows) before every publish, including runs
that added nothing (a scheduled run re-reading the same feeds). Rebuilding claim_keys then costs seconds
on a large warehouse for an identical result. The refresh's output depends only on the tables it reads,
the lexicon, the tolerances and the checks code, so a digest of those — order-independent row hashes
computed in one scan (checks/sql/input_digest.sql, tens of milliseconds for a million mentions) plus a
hash of the code and data files — recorded after each refresh tells the next run whether there is
anything to do.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import duckdb

from quantcheck.checks.sqlfiles import sql
from quantcheck.extractors.langdata import decimal_separators

CHECKS_DIR = Path(__file__).parent
STATE_NAME = "refresh"


@cache
def code_digest() -> str:
    """sha256 of the checks code, SQL, lexicon and tolerances, and of the language data the SQL reads (the
    decimal separators of extractors/lang): any change rebuilds everything."""
    digest = hashlib.sha256()
    files = sorted([*CHECKS_DIR.glob("*.py"), *CHECKS_DIR.glob("*.toml"), *(CHECKS_DIR / "sql").glob("*.sql"),
                    *(CHECKS_DIR / "lexicon").glob("*.toml")])
    for path in files:
        digest.update(str(path.relative_to(CHECKS_DIR)).encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(repr(sorted(decimal_separators().items())).encode())
    return digest.hexdigest()


def input_digest(con: duckdb.DuckDBPyConnection) -> str:
    """Digest of the warehouse tables refresh reads (and of claim_subjects, which it extends)."""
    rows = con.execute(sql("input_digest")).fetchone()[0]
    return hashlib.sha256(f"{code_digest()}|{rows}".encode()).hexdigest()


def table_counts(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """Rows of claim_keys and reference_keys."""
    row = con.execute("SELECT (SELECT count(*) FROM claim_keys), "
                      "(SELECT count(*) FROM reference_keys)").fetchone()
    return int(row[0]), int(row[1])


def is_current(con: duckdb.DuckDBPyConnection, digest: str) -> bool:
    """True when the last refresh was computed from exactly these inputs and its tables are intact."""
    row = con.execute("SELECT input_digest, claim_keys, reference_keys FROM checks_state WHERE name = $n",
                      {"n": STATE_NAME}).fetchone()
    return row is not None and row[0] == digest and (int(row[1]), int(row[2])) == table_counts(con)


def record(con: duckdb.DuckDBPyConnection) -> None:
    """Remember what this refresh was computed from (called after a successful refresh)."""
    keys, refs = table_counts(con)
    digest = input_digest(con)
    # DELETE + INSERT rather than INSERT OR REPLACE: the DuckLake backend has no primary keys
    con.execute("DELETE FROM checks_state WHERE name = $n", {"n": STATE_NAME})
    con.execute("INSERT INTO checks_state VALUES ($n, $d, $k, $r, now())",
                {"n": STATE_NAME, "d": digest, "k": keys, "r": refs})
