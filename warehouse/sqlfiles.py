"""The one loader of the project's SQL files: SQL lives in ``.sql`` files beside the code, not in strings.

Each package keeps its statements in a folder of its own (``checks/sql``, ``flows/sql``,
``warehouse/statements`` and, for SQL that differs on a DuckLake, ``warehouse/ducklake_sql``); they are read
through ``importlib.resources`` so an installed wheel finds them as a source checkout does, and cached
because the files do not change while quantcheck runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources

import duckdb
import pyarrow as pa


def _sql_file(package: str, folder: str, name: str):
    """``<package>/<folder>/<name>.sql``; ``package`` is a folder of the project (``checks``), installed as
    ``quantcheck.<package>``."""
    return resources.files(f"quantcheck.{package}") / folder / f"{name}.sql"


@cache
def sql_text(package: str, folder: str, name: str) -> str:
    """The text of ``<package>/<folder>/<name>.sql``."""
    return _sql_file(package, folder, name).read_text(encoding="utf-8")


def has_sql(package: str, folder: str, name: str) -> bool:
    """Whether ``<package>/<folder>/<name>.sql`` exists (a backend's own version of a statement)."""
    return _sql_file(package, folder, name).is_file()


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, **tables: pa.Table) -> Iterator[None]:
    """Arrow tables readable by SQL under the given names while the block runs, and gone after it even when
    a statement fails (a name left registered would shadow a table of the next run on this connection)."""
    for name, table in tables.items():
        con.register(name, table)
    try:
        yield
    finally:
        for name in tables:
            con.unregister(name)


def run_sql_script(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object]) -> None:
    """Run a file of several statements one by one, each given only the ``$parameters`` it names."""
    for parsed in duckdb.extract_statements(sql):
        wanted = parsed.named_parameters
        con.execute(parsed, {k: v for k, v in params.items() if k in wanted})
