"""``quantcheck sql``: run one read-only query against the published warehouse.

    quantcheck sql "SELECT source, count(*) FROM claims GROUP BY source"
    quantcheck sql --format csv "SELECT * FROM conflicts" > conflicts.csv
    quantcheck sql --db /tmp/w.duckdb --format json "SELECT * FROM runs"

The connection is read-only *and* locked down (warehouse.embedded.SAFE_READER_CONFIG): no statement typed
here can change the warehouse, write or read another file, attach a database, install or load an
extension, or change a setting; and warehouse.query_guard accepts only one SELECT whose table functions
are side-effect free. The query is passed to DuckDB as typed, never pasted into other SQL.
Limits (warehouse/query_limits.py): a query is interrupted after ``--timeout`` seconds (120 by default),
uses at most ``--memory-limit`` (a quarter of the machine's memory, at most 8 GiB), and spills only into a
private temporary folder that is removed afterwards, never beside the warehouse. Rows are streamed to the
output as DuckDB produces them; the table format shows at most ``--max-rows`` (10,000) and says when
there were more (CSV and JSON write every row).
Exit status: 0 on success, 1 when DuckDB rejects the query or it hits a limit, 2 when the warehouse file
does not exist.
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
import math
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, TextIO
from uuid import UUID

import duckdb

from quantcheck.flows.commands.common import open_reader
from quantcheck.warehouse.db import default_db_path
from quantcheck.warehouse.query_guard import UnsafeQuery, check_query

FORMATS = ("table", "csv", "json")
NUMERIC_TYPES = (int, float, Decimal)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "sql",
        help="run one read-only SQL query on the warehouse",
        description="Run one read-only SQL query on the published warehouse. Tables: sources, documents, "
        "mentions, reference_facts, exchange_rates, runs, skip_reports; read once per mention: claim_frames; "
        "rebuilt by every run for the views: claim_keys, fact_pairs, reference_keys, reference_matches, "
        "fact_labels, unit_labels, checks_state, checks_blocks; bookkeeping: schema_migrations. "
        "Views: claims, claim_facts, claim_groups, conflicts, checks. "
        "README \"Tables and views\" lists their columns; SELECT view_name, comment FROM duckdb_views() "
        "WHERE NOT internal says what one row of each view is.",
    )
    p.add_argument("query", help='the SQL query, e.g. "SELECT * FROM claims LIMIT 10"')
    p.add_argument("--db", help=f"warehouse file (default: $QUANTCHECK_DB or {default_db_path().name} here)")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    p.add_argument("--max-width", type=int, default=60, metavar="N",
                   help="table format: cut cells longer than N characters (default 60; 0 = never)")
    p.add_argument("--max-rows", type=_count, default=DEFAULT_MAX_ROWS, metavar="N",
                   help=f"table format: show at most N rows (default {DEFAULT_MAX_ROWS:,}; 0 = all); "
                   "csv and json write every row")
    p.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"stop the query after SECONDS (default {DEFAULT_TIMEOUT:g}; 0 = no limit)")
    p.add_argument("--memory-limit", metavar="SIZE", default=None,
                   help="memory the query may use, e.g. 2GB (default: a quarter of the memory, at most "
                   "8 GiB); beyond it DuckDB spills to a private temporary folder, removed afterwards")
    p.set_defaults(func=run)


DEFAULT_MAX_ROWS = 10_000
DEFAULT_TIMEOUT = 120.0
FETCH_ROWS = 2048  # rows taken from DuckDB at a time: memory stays flat whatever the result's size


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be >= 0")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if not value >= 0:
        raise argparse.ArgumentTypeError("must be a number of seconds >= 0")
    return value


def run(args: argparse.Namespace) -> int:
    from quantcheck.warehouse.query_limits import Deadline, query_limits

    with query_limits(args.memory_limit) as limits:
        con = open_reader(args.db, limits.config())
        if con is None:
            return 2
        deadline = Deadline(con, args.timeout)
        try:
            with deadline:
                check_query(con, args.query)
                cursor = con.execute(args.query)
                return _write(cursor, args)
        except UnsafeQuery as exc:
            print(f"error: quantcheck sql is read-only and runs one query: {exc}", file=sys.stderr)
            return 1
        except duckdb.Error as exc:
            if deadline.fired.is_set() and isinstance(exc, duckdb.InterruptException):
                print(f"error: the query ran longer than {args.timeout:g} s and was stopped (--timeout "
                      f"{args.timeout:g}; --timeout 0 for no limit)", file=sys.stderr)
            else:
                print(f"error: {explain(exc)}", file=sys.stderr)
            return 1
        finally:
            con.close()


def _rows(cursor: duckdb.DuckDBPyConnection) -> Iterator[tuple]:
    while True:
        chunk = cursor.fetchmany(FETCH_ROWS)
        if not chunk:
            return
        yield from chunk


def _write(cursor: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    """Stream the result to stdout in the chosen format."""
    out = sys.stdout
    if cursor.description is None:  # a statement without a result (e.g. SET VARIABLE)
        columns, json_columns = [], []
    else:
        columns = [d[0] for d in cursor.description]
        json_columns = [str(d[1]) == "JSON" for d in cursor.description]
    rows = _rows(cursor) if columns else iter(())
    if args.format == "csv":
        write_csv(out, columns, rows)
    elif args.format == "json":
        write_json(out, columns, (_parse_json_cells(row, json_columns) for row in rows))
    else:
        cap = args.max_rows or None
        shown = list(itertools.islice(rows, cap + 1)) if cap else list(rows)
        more = cap is not None and len(shown) > cap
        write_table(out, columns, shown[:cap] if more else shown, args.max_width, more=more)
    return 0


def explain(exc: duckdb.Error) -> str:
    """DuckDB's message, prefixed with why when the query tried to write or reach outside the file."""
    message = str(exc).strip()
    if isinstance(exc, duckdb.PermissionException) or "read-only" in message or "locked" in message:
        return f"quantcheck sql is read-only and cannot write, attach, load or configure anything. {message}"
    return message


def plain(value: Any) -> Any:
    """A JSON-friendly value: ISO strings for times (UTC), None for NaN/inf, str for the exotic."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return float(value) if value.is_finite() else None
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return str(value)


def text_cell(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return format(value, ".15g") if math.isfinite(value) else str(value)
    v = plain(value)
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


def write_csv(out: TextIO, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else text_cell(v) for v in row])


def write_json(out: TextIO, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A JSON array of objects, written record by record (the same text as json.dump(..., indent=1))."""
    first = True
    for row in rows:
        record = dict(zip(columns, (plain(v) for v in row), strict=True))
        text = json.dumps(record, ensure_ascii=False, indent=1).replace("\n", "\n ")
        out.write(("[\n " if first else ",\n ") + text)
        first = False
    out.write("[]\n" if first else "\n]\n")


def _parse_json_cells(row: Sequence[Any], json_columns: Sequence[bool]) -> list[Any]:
    """JSON-typed cells (e.g. runs.skipped) are embedded as JSON, not as strings holding JSON."""
    out = []
    for value, is_json in zip(row, json_columns, strict=True):
        if is_json and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                pass
        out.append(value)
    return out


def write_table(out: TextIO, columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int,
                more: bool = False) -> None:
    """Aligned columns (numbers right-aligned), long cells cut with an ellipsis, a row count at the end;
    ``more``: the result had more rows than shown (the --max-rows cap)."""
    if not columns:
        out.write("OK\n")
        return
    cells = [[_fit(text_cell(v), max_width) for v in row] for row in rows]
    numeric = [_is_numeric([row[i] for row in rows]) for i in range(len(columns))]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    buf = io.StringIO()
    buf.write(" | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    buf.write("-+-".join("-" * w for w in widths) + "\n")
    for r in cells:
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(r, widths, numeric, strict=True)]
        buf.write(" | ".join(parts).rstrip() + "\n")
    n = len(cells)
    if more:
        buf.write(f"(first {n:,} rows shown; the query returned more: --max-rows 0 shows all, "
                  "--format csv or json writes all)\n")
    else:
        buf.write(f"({n} row{'s' if n != 1 else ''})\n")
    out.write(buf.getvalue())


def _is_numeric(values: list[Any]) -> bool:
    present = [v for v in values if v is not None]
    return bool(present) and all(isinstance(v, NUMERIC_TYPES) and not isinstance(v, bool) for v in present)


def _fit(text: str, max_width: int) -> str:
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    if max_width and len(text) > max_width:
        return text[: max(max_width - 1, 1)] + "…"
    return text
