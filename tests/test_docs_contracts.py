"""The contracts in docs/ stay true: docs/warehouse.md describes every table, view and column of a fresh
warehouse and nothing else; docs/mentions.md describes every field `quantcheck extract --jsonl` writes and
nothing else."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import duckdb

from quantcheck.flows.commands.extract import run_jsonl
from quantcheck.warehouse.create_views import apply_views
from quantcheck.warehouse.migrate import apply_migrations

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _documented_objects() -> dict[str, tuple[str, list[str]]]:
    """name -> (table|view, columns in order), from the '### `name` (kind)' parts of docs/warehouse.md."""
    text = (DOCS / "warehouse.md").read_text(encoding="utf-8")
    out = {}
    for head, body in re.findall(r"^### `([a-z0-9_]+)` \(\w+\)$(.*?)(?=^#{2,3} |\Z)", text, re.M | re.S):
        kind = re.search(rf"^### `{head}` \((\w+)\)$", text, re.M).group(1)
        assert head not in out, f"docs/warehouse.md describes {head} twice"
        out[head] = (kind, re.findall(r"^\| `([a-z0-9_]+)` \|", body, re.M))
    return out


def _fresh_warehouse() -> dict[str, tuple[str, list[str]]]:
    con = duckdb.connect()
    try:
        apply_migrations(con)
        apply_views(con)
        views = {r[0] for r in
                 con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
        out: dict[str, tuple[str, list[str]]] = {}
        for table, column in con.execute(
                "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal "
                "ORDER BY table_name, column_index").fetchall():
            out.setdefault(table, ("view" if table in views else "table", []))[1].append(column)
    finally:
        con.close()
    return out


def test_every_table_view_and_column_of_the_warehouse_is_documented():
    documented, actual = _documented_objects(), _fresh_warehouse()
    assert sorted(set(actual) - set(documented)) == [], "tables/views missing from docs/warehouse.md"
    assert sorted(set(documented) - set(actual)) == [], "docs/warehouse.md describes what does not exist"
    for name, (kind, columns) in actual.items():
        assert documented[name][0] == kind, f"{name} is a {kind}, docs/warehouse.md: {documented[name][0]}"
        assert documented[name][1] == columns, (
            f"{name}: columns differ from docs/warehouse.md (in order)\n"
            f"missing: {[c for c in columns if c not in documented[name][1]]}\n"
            f"not in the warehouse: {[c for c in documented[name][1] if c not in columns]}")


def _documented_fields(heading: str) -> set[str]:
    text = (DOCS / "mentions.md").read_text(encoding="utf-8")
    part = text.split(f"### {heading}\n", 1)[1].split("\n#", 1)[0]
    return set(re.findall(r"^\| `([a-z0-9_]+)` \|", part, re.M))


def test_every_field_of_extract_jsonl_is_documented():
    lines = [
        {"id": 1, "lang": "fr",
         "text": "Pas moins de 100 000 soldats russes ; environ deux semaines ; entre 2 et 3 km."},
        {"id": "b", "text": "Between 1,500 and 2,000 migrants arrived, and at least $1.9bn was spent."},
        {"id": 3, "lang": "fr"},
    ]
    src = io.StringIO("\n".join(json.dumps(x) for x in lines) + "\n{not json\n")
    out = io.StringIO()
    assert run_jsonl(src, out, None) == 0
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == 4 and records[0]["quantities"] and "error" in records[3]
    record_fields = set().union(*records)
    quantity_fields = set().union(*(q for r in records for q in r["quantities"]))
    assert record_fields == _documented_fields("The line for one document")
    assert quantity_fields == _documented_fields("Each quantity")
