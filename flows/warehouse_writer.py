"""How flows write the warehouse: its writer, with the comparison's refresh run before each publish.

The warehouse knows nothing of the packages built on it (dependencies run extractors → warehouse → checks →
flows), so the step that rebuilds the derived tables the comparison views read (``checks.refresh``) is
handed to the writer here, by the layer that knows both.
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager

from quantcheck.checks import refresh
from quantcheck.warehouse.db import open_writer
from quantcheck.warehouse.writer import Writer


def open_run_writer(
    db: str | os.PathLike[str] | None, *, wait_seconds: float | None = 300.0
) -> AbstractContextManager[Writer]:
    """``warehouse.db.open_writer`` with ``checks.refresh`` before publishing."""
    return open_writer(db, before_publish=refresh, wait_seconds=wait_seconds)
