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

A query also runs the SQL of the views and macros it uses, and a file passed with ``--db`` may hold any:
``check_catalog`` applies the same rules to every view and macro of the connection (a view over
``query('…')`` is refused like the query itself). "One statement" is counted on DuckDB's tokens, so a
plain ``PIVOT`` (which DuckDB's parser expands into a temporary ENUM type and a SELECT) is one query; its
table functions are then checked on the tokens, since DuckDB cannot serialise the expansion.
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
    """Raise UnsafeQuery unless ``sql`` is one SELECT using only allowed table functions, and the views
    and macros of the connection are plain queries too.

    A syntax error is raised as DuckDB's own ParserException, so the user sees DuckDB's message.
    """
    _check_select(con, sql)
    check_catalog(con)


def _check_select(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    statements = duckdb.extract_statements(sql)
    typed = statement_count(sql)
    if typed != 1:
        raise UnsafeQuery(f"give exactly one query ({typed} statements given)")
    *expansion, last = statements
    if expansion and not (all(s.type == duckdb.StatementType.CREATE and not s.query for s in expansion)
                          and not last.query):  # only DuckDB's own expansion of PIVOT has no text
        raise UnsafeQuery(f"give exactly one query ({len(statements)} statements given)")
    kind = last.type
    if kind != duckdb.StatementType.SELECT:
        raise UnsafeQuery(
            f"only queries are allowed (SELECT, FROM, WITH, DESCRIBE, SHOW, SUMMARIZE); "
            f"this is a {kind.name} statement"
        )
    if expansion:  # PIVOT without IN: json_serialize_sql cannot serialise it; read the tokens instead
        _refuse(called_table_functions(con, sql) - ALLOWED_TABLE_FUNCTIONS)
        return
    (serialized,) = con.execute("SELECT json_serialize_sql(?)", [sql]).fetchone()
    tree = json.loads(serialized)
    if tree.get("error"):
        raise UnsafeQuery(
            f"this query form is not supported here ({tree.get('error_message', 'unknown')}); "
            "write it as a SELECT, e.g. SELECT * FROM pragma_table_info('claims')"
        )
    _refuse(table_functions(tree) - ALLOWED_TABLE_FUNCTIONS)


def _refuse(refused: set[str]) -> None:
    if refused:
        raise UnsafeQuery(
            f"table function(s) {', '.join(sorted(refused))} are not allowed: they change the session, run "
            "other SQL or read files"
        )


def check_catalog(con: duckdb.DuckDBPyConnection) -> None:
    """Every view and macro of the connection (those of the warehouse file included) must pass the same
    rules as a typed query: its SQL runs whenever a query names it."""
    views = con.execute(
        "SELECT schema_name, view_name, sql FROM duckdb_views() WHERE NOT internal ORDER BY ALL"
    ).fetchall()
    for schema, name, definition in views:
        try:
            _check_select(con, view_query(definition or ""))
        except (UnsafeQuery, duckdb.Error) as exc:
            raise UnsafeQuery(f"the view {schema}.{name} of this database is not a plain query: {exc}") \
                from None
    macros = con.execute(
        "SELECT schema_name, function_name, function_type, macro_definition FROM duckdb_functions() "
        "WHERE NOT internal AND function_type IN ('macro', 'table_macro') ORDER BY ALL"
    ).fetchall()
    for schema, name, kind, definition in macros:
        body = definition or ""
        try:  # the text is only parsed (json_serialize_sql takes it as a parameter), never run

            _check_select(con, body if kind == "table_macro" else f"SELECT {body}")
        except (UnsafeQuery, duckdb.Error) as exc:
            raise UnsafeQuery(f"the macro {schema}.{name} of this database is not a plain query: {exc}") \
                from None


def _tokens(sql: str) -> list[tuple[str, str]]:
    """(text, kind) of DuckDB's tokens; comments are not tokens, strings are one token each."""
    toks = duckdb.tokenize(sql)
    if not toks:
        return []
    ends = [offset for offset, _ in toks[1:]] + [len(sql)]
    return [(sql[offset:end].strip(), kind.name) for (offset, kind), end in zip(toks, ends, strict=True)]


def statement_count(sql: str) -> int:
    """Statements as typed: ``;``-separated runs of tokens (empty ones do not count)."""
    count, pending = 0, False
    for text, kind in _tokens(sql):
        if kind == "operator" and text.startswith(";"):
            count += pending
            pending = False
        else:
            pending = True
    return count + pending


def view_query(definition: str) -> str:
    """The query of a ``CREATE VIEW name [(columns)] AS query`` statement (as duckdb_views() gives it)."""
    toks = duckdb.tokenize(definition)
    depth = 0
    for i, (offset, kind) in enumerate(toks):
        end = toks[i + 1][0] if i + 1 < len(toks) else len(definition)
        text = definition[offset:end].strip()
        if kind.name == "operator":
            depth += text.count("(") - text.count(")")
        elif depth == 0 and kind.name == "keyword" and text.upper() == "AS":
            return definition[end:].strip().rstrip(";")
    raise UnsafeQuery("cannot read the view's query")


def called_table_functions(con: duckdb.DuckDBPyConnection, sql: str) -> set[str]:
    """Names followed by ``(`` in the tokens that are table functions (or table macros) of the connection.

    Conservative (a scalar function sharing a table function's name counts too); used only where DuckDB
    cannot serialise the statement."""
    known = {r[0] for r in con.execute(
        "SELECT DISTINCT lower(function_name) FROM duckdb_functions() "
        "WHERE function_type IN ('table', 'table_macro')").fetchall()}
    toks = _tokens(sql)
    called = set()
    for (text, kind), (following, next_kind) in zip(toks, toks[1:], strict=False):
        if kind in ("identifier", "keyword") and next_kind == "operator" and following.startswith("("):
            name = text.strip('"').lower()
            if name in known:
                called.add(name)
    return called


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
