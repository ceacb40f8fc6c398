"""The statements under ``checks/sql`` (kept out of Python strings, one file each)."""

from __future__ import annotations

from quantcheck.warehouse.sqlfiles import sql_text


def sql(name: str) -> str:
    """The text of ``checks/sql/<name>.sql``."""
    return sql_text("checks", "sql", name)
