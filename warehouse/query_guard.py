"""Refuse anything but a plain query before it reaches DuckDB (``quantcheck sql`` and any user SQL).

The read-only, locked-down connection already stops writes, file access, extensions and settings. Two
holes remain in DuckDB 1.5.5, and this guard closes them by inspecting the parsed statement:
- ``CALL enable_logging(storage = 'file', …)`` — and the same table function inside a SELECT — is
  accepted despite ``lock_configuration``; every later query then fails and closing the connection
  aborts the process. Table functions that change state (logging, profiling, checkpoints) or run other
  SQL (``query``, ``query_table``, ``json_execute_serialized_sql``) are therefore refused;
- non-query statements (CALL, SET, PRAGMA, EXPLAIN ANALYZE, ...) have no place in a query tool.
Only one statement of type SELECT is accepted (that covers FROM-first queries, WITH, DESCRIBE, SHOW and
SUMMARIZE), and its table functions must be on an allow-list of side-effect-free ones.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

ALLOWED_TABLE_FUNCTIONS = frozenset({
    "range", "generate_series", "unnest", "repeat", "repeat_row", "json_each", "json_tree", "summary",
    "histogram", "histogram_values",
    "pragma_table_info", "pragma_show", "pragma_version", "pragma_database_size", "pragma_storage_info",
    "pragma_metadata_info", "pragma_platform", "pragma_collations",
    "duckdb_columns", "duckdb_constraints", "duckdb_databases", "duckdb_dependencies", "duckdb_functions",
    "duckdb_indexes", "duckdb_keywords", "duckdb_schemas", "duckdb_sequences", "duckdb_settings",
    "duckdb_tables", "duckdb_types", "duckdb_views", "duckdb_variables",
    "icu_calendar_names", "pg_timezone_names",
})


class UnsafeQuery(ValueError):
    """The SQL is not a single side-effect-free query."""


def check_query(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Raise UnsafeQuery unless ``sql`` is one SELECT using only allowed table functions.

    A syntax error is raised as DuckDB's own ParserException, so the user sees DuckDB's message.
    """
    statements = duckdb.extract_statements(sql)
    if len(statements) != 1:
        raise UnsafeQuery(f"give exactly one query ({len(statements)} statements given)")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise UnsafeQuery(
            f"only queries are allowed (SELECT, FROM, WITH, DESCRIBE, SHOW, SUMMARIZE); "
            f"this is a {kind.name} statement"
        )
    (serialized,) = con.execute("SELECT json_serialize_sql(?)", [sql]).fetchone()
    tree = json.loads(serialized)
    if tree.get("error"):
        raise UnsafeQuery(
            f"this query form is not supported here ({tree.get('error_message', 'unknown')}); "
            "write it as a SELECT, e.g. SELECT * FROM pragma_table_info('claims')"
        )
    refused = sorted(table_functions(tree) - ALLOWED_TABLE_FUNCTIONS)
    if refused:
        raise UnsafeQuery(
            f"table function(s) {', '.join(refused)} are not allowed: they change the session, run other "
            "SQL or read files"
        )


def table_functions(node: Any, found: set[str] | None = None) -> set[str]:
    """Names of every table function anywhere in a json_serialize_sql tree (subqueries included)."""
    found = set() if found is None else found
    if isinstance(node, dict):
        if node.get("type") == "TABLE_FUNCTION":
            function = node.get("function") or {}
            found.add(str(function.get("function_name", "?")).lower())
        for value in node.values():
            table_functions(value, found)
    elif isinstance(node, list):
        for value in node:
            table_functions(value, found)
    return found
