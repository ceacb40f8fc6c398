"""Views: one ``views/NAME.sql`` file each, re-created on every writer connection.

A view file starts with a comment saying what one row is and ends with the matching
``COMMENT ON VIEW``. Views may depend on each other (``conflicts`` reads ``claims``); rather than keep
a hand-written order in sync, every pending view is tried on each pass until a pass makes no progress.
Views are plain SQL so that the ``duckdb`` CLI, notebooks and any client can use them.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import duckdb


class ViewError(RuntimeError):
    """A view file could not be applied."""


def default_views_dir() -> Path:
    return Path(str(resources.files("quantcheck.warehouse") / "views"))


def view_files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or default_views_dir()).glob("*.sql"))


def view_sources(directory: Path | None = None) -> dict[str, str]:
    """{view name: the SQL of its file}, by name."""
    return {path.stem: path.read_text(encoding="utf-8") for path in view_files(directory)}


def apply_views(con: duckdb.DuckDBPyConnection, directory: Path | None = None) -> list[str]:
    """Create or replace every view; return the view names in the order they were applied (a dependency
    order: the DuckLake backend replays it on the lake, warehouse/ducklake.py)."""
    pending = view_sources(directory)
    order: list[str] = []
    while pending:
        errors: dict[str, str] = {}
        progress = False
        for name, sql in list(pending.items()):
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(sql)
                con.execute("COMMIT")
            except duckdb.Error as exc:
                con.execute("ROLLBACK")
                errors[name] = str(exc)
                continue
            order.append(name)
            del pending[name]
            progress = True
        if not progress:
            detail = "; ".join(f"{name}.sql: {msg}" for name, msg in sorted(errors.items()))
            raise ViewError(f"views that cannot be created (no progress in a pass): {detail}")
    return order
