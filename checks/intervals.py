"""Interval semantics: what range of values a claim stands for, in base units.

A claim is an interval (rules and numbers in ``checks/tolerances.toml``):

- exact → the value ± half the rounding step its digits imply ("12 000" → ±500, "2,19" → ±0.005,
  "1.9 billion" → ±0.05 billion; at least ``min_significant_digits`` are assumed, so "100,000" → ±5,000);
- approx → that, plus ``approx_relative`` of the value on each side ("about 100,000" → [85 000, 115 000]);
- at_least → [value, +inf); at_most → [0, value] for counts, (-inf, value] for measures;
- range → [low, high].

Two claims about the same fact *agree* when their intervals overlap (touching counts: "at least 100 000"
and "as many as 100,000" agree at 100 000) and *conflict* when they are disjoint — the conflict test
rounding an open bound like the written figure it is ("more than 1,400" against "1,300" is no
contradiction), while the interval itself stays [value, +inf) as the warehouse contract says
(``Claim.compared`` in checks/identity.py, ``ClaimColumns.cmp_lo``).

The computation itself is SQL (checks/sql/claim_intervals.sql) so that millions of claims are converted
in one vectorised statement; :func:`claim_intervals` runs that very statement on a few claims given in
Python, which is what the table-driven tests and one-off questions use — one implementation, not two.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import duckdb

from quantcheck.checks.tolerances import Tolerances


@dataclass(frozen=True, slots=True)
class Claim:
    """The fields of a mention that the interval depends on (see ../shared/spec/quantities.md)."""

    surface: str
    value: float | None
    qualifier: str = "exact"
    unit: str = ""
    si_value: float | None = None
    si_unit: str = ""
    dimension: str = "count"
    low: float | None = None
    high: float | None = None
    si_low: float | None = None
    si_high: float | None = None
    lang: str = "en"


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """True when two closed intervals share at least one point (the agreement rule).

    >>> overlaps((100000, math.inf), (0, 100000))
    True
    >>> overlaps((0, 100000), (174500, 175500))
    False
    """
    return not (a[1] < b[0] or b[1] < a[0])


def claim_intervals(claims: Iterable[Claim],
                    tolerances: Tolerances | None = None) -> list[tuple[float, float]]:
    """(low, high) in base units for each claim, computed by the warehouse's own SQL."""
    from quantcheck.checks.matching import build_claim_keys
    from quantcheck.warehouse.migrate import apply_migrations

    claims = list(claims)
    con = duckdb.connect(":memory:")
    try:
        apply_migrations(con)
        con.execute("INSERT INTO sources VALUES ('s', 's', 'file', 'memory', NULL, now())")
        con.execute("INSERT INTO documents (document_id, source_id, lang, fetched_at, content_hash, text) "
                    "VALUES ('d', 's', NULL, now(), 'h', '')")
        for i, c in enumerate(claims):
            si_value = c.si_value if c.si_value is not None or c.unit else c.value
            con.execute(
                "INSERT INTO mentions (mention_id, document_id, start, \"end\", surface, sentence, value, "
                "low, high, qualifier, unit, dimension, si_value, si_low, si_high, si_unit, "
                "extractor_version, ordinal, sentence_start, sentence_end, lang) "
                "VALUES ($id, 'd', 0, $n, $surface, $surface, $value, $low, $high, $qualifier, $unit, "
                "$dimension, $si_value, $si_low, $si_high, $si_unit, 'test', $i, 0, $n, $lang)",
                {"id": f"d:{i:06d}", "n": len(c.surface), "surface": c.surface, "value": c.value,
                 "low": c.low, "high": c.high, "qualifier": c.qualifier, "unit": c.unit,
                 "dimension": c.dimension, "si_value": si_value, "si_low": c.si_low, "si_high": c.si_high,
                 "si_unit": c.si_unit, "i": i, "lang": c.lang},
            )
        build_claim_keys(con, tolerances)
        rows = con.execute("SELECT lo, hi FROM claim_keys ORDER BY mention_id").fetchall()
    finally:
        con.close()
    return [(float(lo) if lo is not None else math.nan, float(hi) if hi is not None else math.nan)
            for lo, hi in rows]
