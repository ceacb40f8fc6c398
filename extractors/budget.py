"""A per-document extraction budget: a safety net that stops reading a pathological document in time.

The extractor is linear on every shape found so far (tests/test_extract_engine_linear.py,
tests/benchmarks/bench_pathological.py), but a shape nobody tried could still make one document take
minutes and hold a whole batch. The pipeline therefore runs each document under a budget of CPU time of
the extracting thread (``time.thread_time``: other work on the machine does not eat into it). When it is
spent, the engine stops looking for further numbers; the mentions found so far are kept and the caller
records that the rest of the document was not read, with the position reached.

Without a budget (``quantcheck extract``, library use) nothing changes. The budget travels in a
thread-local, so the engine's signature stays the same; the clock is read every CHECK_EVERY anchors, which
costs well under 1 % of extraction time.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator

CHECK_EVERY = 16  # anchors between two readings of the clock

_local = threading.local()


class ExtractionBudget:
    """CPU seconds one document may take; ``stopped_at`` is the text position where reading stopped."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.limit = time.thread_time() + seconds
        self.stopped_at: int | None = None
        self._count = 0

    def exhausted(self, pos: int) -> bool:
        """Called by the engine before each anchor at ``pos``: True once the budget is spent."""
        if self.stopped_at is not None:
            return True
        self._count += 1
        if self._count % CHECK_EVERY:
            return False
        if time.thread_time() > self.limit:
            self.stopped_at = pos
            return True
        return False


def current() -> ExtractionBudget | None:
    """The budget of the document being extracted on this thread, if any."""
    return getattr(_local, "budget", None)


@contextlib.contextmanager
def limited(seconds: float | None) -> Iterator[ExtractionBudget | None]:
    """Extract under a budget of ``seconds`` of this thread's CPU time (None: no limit)."""
    budget = None if seconds is None else ExtractionBudget(seconds)
    previous = current()
    _local.budget = budget
    try:
        yield budget
    finally:
        _local.budget = previous
