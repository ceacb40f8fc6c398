"""The numbers of the interval semantics, read from ``checks/tolerances.toml``.

Keeping them in a commented data file (not in code) lets a fact-checker see and tune exactly how much
slack "about" or a rounded figure gets; the tests read the same file, so a change shows up as a test diff.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TOLERANCES_FILE = Path(__file__).with_name("tolerances.toml")


@dataclass(frozen=True, slots=True)
class Tolerances:
    min_significant_digits: int
    half_step: float
    approx_relative: float
    float_epsilon: float
    max_gap_days: int
    max_span_days: int
    max_rate_age_days: int
    reference_relative: float

    def sql_params(self) -> dict[str, float | int]:
        """Named parameters for the SQL statements under checks/sql (``$min_sig`` …)."""
        return {
            "min_sig": self.min_significant_digits,
            "half_step": self.half_step,
            "approx_rel": self.approx_relative,
            "eps": self.float_epsilon,
            "max_gap": self.max_gap_days,
            "max_span": max(self.max_span_days, 1),
            "max_rate_age": self.max_rate_age_days,
        }


def parse_tolerances(text: str, origin: str = "tolerances.toml") -> Tolerances:
    """Parse and validate; a missing or negative number is an error naming the key."""
    data = tomllib.loads(text)

    def get(section: str, key: str, kind: type) -> float:
        try:
            value = data[section][key]
        except KeyError:
            raise ValueError(f"{origin}: missing [{section}] {key}") from None
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ValueError(f"{origin}: [{section}] {key} must be a non-negative number, got {value!r}")
        if kind is int and not isinstance(value, int):
            raise ValueError(f"{origin}: [{section}] {key} must be an integer, got {value!r}")
        return value

    tol = Tolerances(
        min_significant_digits=int(get("rounding", "min_significant_digits", int)),
        half_step=float(get("rounding", "half_step", float)),
        approx_relative=float(get("qualifiers", "approx_relative", float)),
        float_epsilon=float(get("compare", "float_epsilon", float)),
        max_gap_days=int(get("matching", "max_gap_days", int)),
        max_span_days=int(get("matching", "max_span_days", int)),
        max_rate_age_days=int(get("currency", "max_rate_age_days", int)),
        reference_relative=float(get("reference", "relative", float)),
    )
    if tol.min_significant_digits < 1:
        raise ValueError(f"{origin}: [rounding] min_significant_digits must be at least 1")
    return tol


@lru_cache(maxsize=1)
def load_tolerances() -> Tolerances:
    return parse_tolerances(TOLERANCES_FILE.read_text(encoding="utf-8"), str(TOLERANCES_FILE))
