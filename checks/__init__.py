"""Cross-source comparison: claims as intervals, claims about the same fact, conflicts and verdicts.

``refresh(con)`` is called by the warehouse writer before every publish (warehouse/README.md); it
rebuilds the tables the views ``claim_groups``, ``conflicts`` and ``checks`` read, so those views are
plain SQL any DuckDB client can query.
"""

from __future__ import annotations

import duckdb

__all__ = ["refresh"]


def refresh(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Bring claim_subjects, claim_keys and reference_keys up to date; return row counts.

    Subjects are cached per mention (only new mentions are read); keys are rebuilt in bulk SQL.
    """
    from checks.lexicon import load_lexicon
    from checks.matching import build_claim_keys
    from checks.reference import build_reference_keys
    from checks.subjects import refresh_subjects
    from checks.tolerances import load_tolerances

    lexicon = load_lexicon()
    tolerances = load_tolerances()
    new_subjects = refresh_subjects(con, lexicon)
    keys = build_claim_keys(con, tolerances, lexicon)
    refs = build_reference_keys(con, tolerances, lexicon)
    return {"new_subjects": new_subjects, "claim_keys": keys, "reference_keys": refs}
