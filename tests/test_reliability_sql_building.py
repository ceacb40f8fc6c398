"""No query in flows/, warehouse/ or checks/ is built by formatting user input into SQL.

The scan (tests/reliability/sql_scan.py) flags every f-string, ``%``, ``+`` or ``.format`` whose literal
parts look like SQL. A flagged expression passes only if it is in ``ALLOWED``: a reviewed identifier that
is a constant of the project, with the reason it cannot come from a user. The first tests prove the scan
catches what it must (so an empty finding list means something).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reliability.recorder import case_log
from reliability.sql_scan import scan_source, scan_tree

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("flows", "warehouse", "checks")

# (path, interpolated expression source) -> why it is safe. Reviewed by hand; keep it short.
ALLOWED: dict[tuple[str, str], str] = {
    (
        "warehouse/extensions.py",
        "sql_literal(str(extension_file(name)))",
    ): "path of an extension binary inside an installed wheel, never user input; quoted by sql_literal "
    "because LOAD/INSTALL take no parameters",
    ("warehouse/ducklake.py", "STATE_SCHEMA"): "module constant 'writer_state'",
    (
        "warehouse/ducklake.py",
        "quote_ident(table)",
    ): "table name from the project's own migrations (Reference), quoted as an identifier",
    ("warehouse/ducklake.py", "body"): "column DDL built from the project's own migrations by _column_ddl",
    ("warehouse/ducklake.py", "_column_ddl(column)"): "column name/type from the project's own migrations",
    (
        "flows/commands/demo.py",
        "db",
    ): "not SQL that is run: a hint printed to the user (quantcheck sql --db …)",
    (
        "warehouse/query_guard.py",
        "kind.name",
    ): "not SQL that is run: an error message naming a statement type",
    (
        "warehouse/query_guard.py",
        "tree.get('error_message', 'unknown')",
    ): "not SQL that is run: an error message quoting DuckDB's parser",
}

MUST_FLAG = {
    "f-string": "con.execute(f\"SELECT * FROM mentions WHERE surface = '{user}'\")",
    "%-format": "con.execute(\"DELETE FROM documents WHERE url = '%s'\" % url)",
    "concatenation": 'q = "SELECT count(*) FROM " + table_name\ncon.execute(q)',
    ".format": 'con.sql("INSERT INTO runs VALUES ({})".format(run_id))',
    "lower-case f-string": 'sql = f"select text from documents where document_id = {doc}"',
    "ATTACH built from a path": "con.execute(f\"ATTACH '{path}' AS pub (READ_ONLY)\")",
    "COPY built from a path": "con.execute(f\"COPY documents TO '{out}' (FORMAT parquet)\")",
    "nested concatenation": 'q = "SELECT * FROM claims WHERE source = \'" + src + "\' AND x = \'" + x',
}

MUST_PASS = {
    "parameters": 'con.execute("SELECT * FROM mentions WHERE surface = ?", [user])',
    "log message": 'log.info(f"fetched {n} documents from {source.name} in {secs:.1f}s")',
    "error message": 'raise ValueError(f"cannot load batch {i}: {exc}")',
    "constant SQL": 'con.execute("SELECT 1")',
    "constant concatenation": 'q = "SELECT * " "FROM runs"',
}


@pytest.mark.parametrize("name", sorted(MUST_FLAG))
def test_scan_flags_sql_built_from_values(name: str) -> None:
    assert scan_source(MUST_FLAG[name], "example.py"), f"the scan missed {name}: {MUST_FLAG[name]}"


@pytest.mark.parametrize("name", sorted(MUST_PASS))
def test_scan_ignores_parameters_and_prose(name: str) -> None:
    assert scan_source(MUST_PASS[name], "example.py") == []


def test_no_sql_built_from_user_input(request: pytest.FixtureRequest) -> None:
    present = [p for p in PACKAGES if (ROOT / p).is_dir()]
    findings = scan_tree(ROOT, tuple(present))
    files = sum(1 for p in present for _ in (ROOT / p).rglob("*.py"))
    unreviewed = [f for f in findings if not all((f.path, e) in ALLOWED for e in f.interpolated)]
    case_log(request).record(
        "SQL built from strings (AST scan of flows/, warehouse/, checks/)", f"{files} Python files"
    ).observed(
        f"{len(findings)} formatted SQL expressions, {len(findings) - len(unreviewed)} reviewed constants, "
        f"{len(unreviewed)} unreviewed"
    )
    assert not unreviewed, (
        "SQL built by formatting (use parameters, or review and add to ALLOWED):\n"
        + "\n".join(map(str, unreviewed))
    )


def test_allow_list_entries_still_exist() -> None:
    """A stale allow-list entry would silently allow the same expression if it came back elsewhere."""
    findings = scan_tree(ROOT, tuple(p for p in PACKAGES if (ROOT / p).is_dir()))
    seen = {(f.path, e) for f in findings for e in f.interpolated}
    assert not set(ALLOWED) - seen, f"remove stale entries: {sorted(set(ALLOWED) - seen)}"
