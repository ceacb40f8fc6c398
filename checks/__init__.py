"""Cross-source comparison: claims as intervals, claims about the same fact, conflicts and verdicts.

``refresh(con)`` runs inside the warehouse writer before every publish, handed to it by flows as
``open_writer(db, before_publish=refresh)`` (flows/warehouse_writer.py: the warehouse never imports
checks); it brings the tables the views ``claim_facts``, ``claim_groups``, ``conflicts`` and ``checks``
read up to date, so those views are plain SQL any DuckDB client can query. What a fact is: checks/identity.py.
"""

from __future__ import annotations

import duckdb

__all__ = ["refresh"]


def refresh(con: duckdb.DuckDBPyConnection, force: bool = False) -> dict[str, int]:
    """Bring claim_frames, claim_keys, fact_pairs and the reference tables up to date; return row counts.

    A run that changed none of the inputs (checks/state.py) returns at once with ``skipped`` = 1;
    otherwise frames are read for new mentions only (cached per mention), and facts, conflicts and fact
    labels are recomputed for the blocks whose claims changed (checks/block_digests.py): ``blocks`` is how
    many blocks there are, ``recomputed_blocks`` how many were recomputed. ``force`` rebuilds everything
    even when the inputs look unchanged.
    """
    from quantcheck.checks import state

    if not force and state.is_current(con, state.input_digest(con)):
        keys, refs = state.table_counts(con)
        return {"new_frames": 0, "claim_keys": keys, "reference_keys": refs, "skipped": 1,
                "blocks": 0, "recomputed_blocks": 0}

    from quantcheck.checks import block_digests
    from quantcheck.checks.display_units import registry_warmed
    from quantcheck.checks.fact_labels import build_fact_labels, build_unit_labels
    from quantcheck.checks.frame_store import refresh_frames
    from quantcheck.checks.lexicon import load_lexicon
    from quantcheck.checks.matching import build_claim_keys
    from quantcheck.checks.reference import build_reference_keys
    from quantcheck.checks.tolerances import load_tolerances

    lexicon = load_lexicon()
    tolerances = load_tolerances()
    new_frames = refresh_frames(con, lexicon)
    try:
        built = build_claim_keys(con, tolerances, lexicon, force=force)
        refs = build_reference_keys(con, tolerances, lexicon)
        # readable names and display units for claim_groups and conflicts
        build_fact_labels(con, lexicon, touched_only=not built.full)
        build_unit_labels(con)
    finally:
        registry_warmed()
    block_digests.record(con, block_digests.settings_digest(lexicon))
    state.record(con)
    return {"new_frames": new_frames, "claim_keys": built.claims, "reference_keys": refs, "skipped": 0,
            "blocks": built.blocks, "recomputed_blocks": built.recomputed}
