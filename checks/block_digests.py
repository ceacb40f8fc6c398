"""Which blocks a refresh recomputes: each block's digest against the one the last refresh recorded.

Facts and conflicts never cross a block (checks/identity.py :func:`block_key`), and everything a block's
facts, conflicts and fact labels are computed from is in its claims' rows of ``qc_claims`` (interval, frame,
outlet, block) or in the code, settings and lexicon. So a block whose rows hash the same as last time has
the same output, and a run that added a few articles recomputes only the blocks they fall in. Claims that
cannot be compared have a claim_keys row each and nothing else: they are kept per document. The digests
live in ``checks_blocks`` (migration 0050) with the digest of the settings they were computed under; other
settings — an edited identity.toml, lexicon or checks code, a new DuckDB whose ``hash`` may differ —
rebuild everything.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import duckdb

from quantcheck.checks.frame_store import frame_version
from quantcheck.checks.lexicon import Lexicon
from quantcheck.checks.sqlfiles import sql
from quantcheck.checks.state import code_digest


def settings_digest(lexicon: Lexicon) -> str:
    """What every block's output depends on besides its rows: the checks code, SQL, settings and lexicon
    (checks/state.py code_digest), the frames' version (gazetteer data) and the DuckDB that hashes rows."""
    text = f"{code_digest()}|{frame_version(lexicon)}|{duckdb.__version__}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Plan:
    """What this refresh recomputes: everything (``full``) or the units in the temp table ``qc_touched``."""

    full: bool
    blocks: int        # blocks of comparable claims now
    recomputed: int    # blocks recomputed (new, changed or gone)


def plan(con: duckdb.DuckDBPyConnection, settings: str, force: bool) -> Plan:
    """Digest every unit of ``qc_claims`` (temp table qc_units) and list the ones to recompute (qc_touched).

    Everything is recomputed when ``force``, when nothing was recorded yet (a warehouse refreshed before
    migration 0050, or never), when the settings differ from the recorded ones, and when claim_keys no
    longer has the rows the digests were recorded with (a table emptied behind the refresh's back)."""
    con.execute(sql("block_units"))
    units, other, claims, keys = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE settings <> $s), coalesce(sum(claims), 0), "
        "(SELECT count(*) FROM claim_keys) FROM checks_blocks", {"s": settings}).fetchone()
    full = force or units == 0 or other > 0 or claims != keys
    con.execute(sql("touched_units"), {"all": full})
    blocks, recomputed = con.execute(
        "SELECT (SELECT count(*) FROM qc_units WHERE block IS NOT NULL), "
        "(SELECT count(*) FROM qc_touched WHERE block IS NOT NULL)").fetchone()
    return Plan(full=full, blocks=int(blocks), recomputed=int(recomputed))


def record(con: duckdb.DuckDBPyConnection, settings: str) -> None:
    """Remember every unit's digest (called once the refresh's tables are written)."""
    con.execute("DELETE FROM checks_blocks")
    con.execute("INSERT INTO checks_blocks SELECT block, document_id, claims, digest, $s FROM qc_units",
                {"s": settings})
    con.execute("DROP TABLE IF EXISTS qc_units")
    con.execute("DROP TABLE IF EXISTS qc_touched")
