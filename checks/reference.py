"""Reference facts: official figures loaded by fact-checkers, matched to claims by the one fact definition.

A reference fact says what it measures with its unit (or ``concept`` for counts) and a free-text ``subject``
("civilians killed in the Idlib market air strike", "area burnt by the Sierra de Gata fire"). The subject is
read like an article's words (checks/frames.py :func:`subject_frame`): group, action, topic, kind of
incident, place; ``as_of`` is its day. A claim states the reference's fact when it is in the same block and
checks/identity.py's score does not veto the pair (different place, different day) — the same rules that
decide whether two claims are the same fact.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from quantcheck.checks import identity
from quantcheck.checks.claim_columns import FRAME_FIELDS, frame_from_row
from quantcheck.checks.frame_store import frame_version
from quantcheck.checks.frames import subject_frame
from quantcheck.checks.lexicon import Lexicon, load_lexicon
from quantcheck.checks.tolerances import Tolerances, load_tolerances
from quantcheck.warehouse.sqlfiles import registered

CLAIM_FRAMES = """
SELECT k.mention_id, k.kind, f.measure, f.grp, f.fine_group, f.thing, f.action, f.topic, f.part, f.scope,
       f.incidents, f.place, f.place_kind, f.place_cc, f.place_admin1, f.place_gid, f.place_source, f.spot,
       f.day, f.day_source, f.words, f.wording, f.entity, f.year, f.since
FROM claim_keys AS k
JOIN claim_frames AS f ON f.mention_id = k.mention_id AND f.lexicon_version = $version
WHERE k.block IN (SELECT unnest($blocks)) AND k.fact_id IS NOT NULL AND NOT k.is_repeat
"""


def build_reference_keys(
    con: duckdb.DuckDBPyConnection, tolerances: Tolerances | None = None, lexicon: Lexicon | None = None
) -> int:
    """Rebuild reference_keys and reference_matches from reference_facts; return the number of facts."""
    tol = tolerances or load_tolerances()
    lex = lexicon or load_lexicon()
    rows = con.execute(
        "SELECT fact_id, concept, subject, dimension, unit, si_value, si_low, si_high, as_of "
        "FROM reference_facts ORDER BY fact_id"
    ).fetchall()
    keys: dict[str, list] = {k: [] for k in ("fact_id", "block", "measured", "place", "nominal", "lo", "hi")}
    frames = {}
    for fact_id, concept, subject, dimension, unit, si_value, si_low, si_high, as_of in rows:
        measure = "count" if (dimension or "count") == "count" or not unit else dimension
        frame = subject_frame(subject or "", None, as_of, measure, concept, lex)
        key = identity.block_key(frame, measure)
        nominal = (
            si_value
            if si_value is not None
            else ((si_low + si_high) / 2 if si_low is not None and si_high is not None else None)
        )
        lo = (
            si_low
            if si_low is not None
            else (nominal - tol.reference_relative * abs(nominal) if nominal is not None else None)
        )
        hi = (
            si_high
            if si_high is not None
            else (nominal + tol.reference_relative * abs(nominal) if nominal is not None else None)
        )
        for k, v in (
            ("fact_id", fact_id),
            ("block", "|".join(key) if key else None),
            ("measured", identity.measured(frame, lex)),
            ("place", frame.place),
            ("nominal", nominal),
            ("lo", lo),
            ("hi", hi),
        ):
            keys[k].append(v)
        if key:
            frames[fact_id] = (frame, "|".join(key))
    matches: dict[str, list] = {"claim_id": [], "fact_id": [], "score": []}
    blocks = sorted({b for _, b in frames.values()})
    if blocks:
        claim_rows = con.execute(CLAIM_FRAMES, {"version": frame_version(lex), "blocks": blocks}).fetchall()
        by_block: dict[str, list] = {}
        for r in claim_rows:
            f = frame_from_row(r[0], dict(zip(FRAME_FIELDS, r[2:], strict=True)))
            key = identity.block_key(f, r[1]) if f else None
            if key:
                by_block.setdefault("|".join(key), []).append(f)
        for fact_id, (ref, block) in sorted(frames.items()):
            for f in by_block.get(block, ()):
                s, _ = identity.score(f, ref, lex)
                if s != identity.VETO:
                    matches["claim_id"].append(f.mention_id)
                    matches["fact_id"].append(fact_id)
                    matches["score"].append(s)
    replace = {  # table -> its statements (constants: no SQL is built from names)
        "reference_keys": ("DELETE FROM reference_keys",
                           "INSERT INTO reference_keys BY NAME SELECT * FROM qc_reference_arrow"),
        "reference_matches": ("DELETE FROM reference_matches",
                              "INSERT INTO reference_matches BY NAME SELECT * FROM qc_reference_arrow"),
    }
    for table, data, schema in (
        (
            "reference_keys",
            keys,
            [
                ("fact_id", pa.string()),
                ("block", pa.string()),
                ("measured", pa.string()),
                ("place", pa.string()),
                ("nominal", pa.float64()),
                ("lo", pa.float64()),
                ("hi", pa.float64()),
            ],
        ),
        (
            "reference_matches",
            matches,
            [("claim_id", pa.string()), ("fact_id", pa.string()), ("score", pa.float64())],
        ),
    ):
        delete, insert = replace[table]
        con.execute(delete)
        with registered(con, qc_reference_arrow=pa.table(data, schema=pa.schema(schema))):
            con.execute(insert)
    return len(rows)
