"""Reference facts: official figures loaded by fact-checkers, keyed like claims for the checks view.

A reference fact names what it measures with ``concept`` (counts: the extractor's concept key, e.g. the
one ``soldats``/``troops`` map to) or with its unit's dimension, and with a free-text ``subject`` read
through the same multilingual lexicon as article sentences ("troops massed at the Ukrainian border" →
frame deploy, entities ukraine). The checks view joins claims and references on (kind, frame).
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from checks.lexicon import ROLE_RANK, Lexicon, load_lexicon
from checks.tolerances import Tolerances, load_tolerances


def subject_key(lexicon: Lexicon, subject: str | None) -> tuple[str, list[str]]:
    """(frame, entities) of a reference subject: the first action term, else the first topic term.

    >>> subject_key(load_lexicon(), "Russian troops massed at the border")
    ('deploy', ['russia'])
    """
    if not subject:
        return "", []
    from checks.lexicon import normalise_words

    words = normalise_words(subject)
    found: list[tuple[int, int, str]] = []   # (role rank, position, term)
    # try phrases of up to four words at every position, longest first
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            if i + n > len(words):
                continue
            hit = " ".join(words[i:i + n])
            term = lexicon.lookup(None, hit)
            if term is None and n == 1 and hit in lexicon.roles:
                term = hit
            if term is not None:
                found.append((ROLE_RANK[lexicon.roles[term]], i, term))
                i += n - 1
                break
        i += 1
    frames = sorted(f for f in found if f[0] < 2)
    entities = sorted({t for r, _, t in found if r == 2})
    return (frames[0][2] if frames else ""), entities


def build_reference_keys(con: duckdb.DuckDBPyConnection, tolerances: Tolerances | None = None,
                         lexicon: Lexicon | None = None) -> int:
    """Rebuild reference_keys from reference_facts; return its size."""
    tol = tolerances or load_tolerances()
    lex = lexicon or load_lexicon()
    rows = con.execute(
        "SELECT fact_id, concept, subject, dimension, unit, si_value, si_low, si_high "
        "FROM reference_facts ORDER BY fact_id"
    ).fetchall()
    out: dict[str, list] = {k: [] for k in ("fact_id", "kind", "frame", "entities", "nominal", "lo", "hi")}
    for fact_id, concept, subject, dimension, unit, si_value, si_low, si_high in rows:
        is_count = (dimension or "count") == "count" or not unit
        kind = (concept or None) if is_count else dimension
        frame, entities = subject_key(lex, subject)
        nominal = si_value if si_value is not None else (
            (si_low + si_high) / 2 if si_low is not None and si_high is not None else None)
        lo = si_low if si_low is not None else (
            nominal - tol.reference_relative * abs(nominal) if nominal is not None else None)
        hi = si_high if si_high is not None else (
            nominal + tol.reference_relative * abs(nominal) if nominal is not None else None)
        for key, value in (("fact_id", fact_id), ("kind", kind), ("frame", frame), ("entities", entities),
                           ("nominal", nominal), ("lo", lo), ("hi", hi)):
            out[key].append(value)
    table = pa.table(out, schema=pa.schema([
        ("fact_id", pa.string()), ("kind", pa.string()), ("frame", pa.string()),
        ("entities", pa.list_(pa.string())), ("nominal", pa.float64()), ("lo", pa.float64()),
        ("hi", pa.float64())]))
    con.execute("DELETE FROM reference_keys")
    con.register("qc_reference_arrow", table)
    try:
        con.execute("INSERT INTO reference_keys SELECT * FROM qc_reference_arrow")
    finally:
        con.unregister("qc_reference_arrow")
    return len(rows)
