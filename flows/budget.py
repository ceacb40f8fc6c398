"""Time budgets for reading sources: per source (``source_budget``) and for the whole run (``run_budget``).

A download has its own deadline (flows/deadline.py), but a feed links up to 50 articles, each may be
retried, and a run reads many sources: without a budget a slow or hostile server could still hold a run
for hours, one deadline at a time. A budget is a wall-clock moment (``time.time()``, so it means the same
in a Prefect worker thread, a process or a Dask worker on a synchronised machine); when it has passed, a
reader stops starting new work and records what it left out and why, and a download in progress gets at
most the time that is left.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TimeBudget:
    """Until when (epoch seconds; None = no limit) some work may go on, and what the limit is called."""

    until: float | None = None
    what: str = ""  # e.g. "the source's time budget (source_budget = 600 s)"

    @classmethod
    def starting_now(cls, seconds: float | None, what: str) -> TimeBudget:
        return cls(None if seconds is None else time.time() + seconds, what)

    def remaining(self) -> float:
        """Seconds left (may be negative); infinity without a limit."""
        return math.inf if self.until is None else self.until - time.time()

    def spent(self) -> bool:
        return self.remaining() <= 0

    def earliest(self, other: TimeBudget | None) -> TimeBudget:
        """The budget that ends first (the one that applies when both do)."""
        if other is None or other.until is None:
            return self
        if self.until is None or other.until < self.until:
            return other
        return self

    def reason(self) -> str:
        return f"{self.what} is spent"
