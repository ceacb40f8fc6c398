"""Loading fact-checkers' files: reference facts (CSV or Parquet) and dated exchange rates (CSV/Parquet).

Files are read whole and validated before anything is written: a file with one bad row is refused with
every problem listed (row numbers as a spreadsheet shows them), so a load never leaves half a file in
the warehouse. Writes go through the warehouse writer (warehouse.db.open_writer, with ``checks.refresh``
before publishing), whose SQL suits the backend: a DuckLake has no primary keys to replace rows by, so
it deletes and inserts in one transaction where the embedded file uses INSERT OR REPLACE.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

if TYPE_CHECKING:
    from quantcheck.warehouse.writer import Writer

REFERENCE_COLUMNS = ("fact_id", "concept", "subject", "value", "low", "high", "unit", "as_of", "source",
                     "notes")
REQUIRED_REFERENCE = ("subject",)
RATE_COLUMNS = ("date", "from", "to", "rate", "source")
REQUIRED_RATES = ("date", "from", "to", "rate")
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
MAX_ERRORS_SHOWN = 20


class LoadError(ValueError):
    """A file that cannot be loaded; the message lists every problem found."""


def read_table(path: Path) -> list[dict]:
    """Rows of a CSV or Parquet file as dicts of strings/numbers (all CSV columns read as text)."""
    if not path.is_file():
        raise LoadError(f"{path}: no such file")
    suffix = path.suffix.lower()
    con = duckdb.connect(":memory:")
    try:
        if suffix == ".csv":
            rel = con.execute("SELECT * FROM read_csv($p, header = true, all_varchar = true, "
                              "auto_detect = true)", {"p": str(path)})
        elif suffix in (".parquet", ".pq"):
            rel = con.execute("SELECT * FROM read_parquet($p)", {"p": str(path)})
        else:
            raise LoadError(f"{path}: unsupported file type {suffix!r}; use .csv or .parquet")
        names = [d[0].strip().lower() for d in rel.description]
        return [dict(zip(names, row, strict=True)) for row in rel.fetchall()]
    except duckdb.Error as exc:
        raise LoadError(f"{path}: cannot be read as {suffix[1:]}: {exc}") from exc
    finally:
        con.close()


def _check_columns(path: Path, rows: list[dict], allowed: tuple[str, ...], required: tuple[str, ...]) -> None:
    if not rows:
        raise LoadError(f"{path}: no rows")
    columns = list(rows[0])
    unknown = [c for c in columns if c not in allowed]
    missing = [c for c in required if c not in columns]
    problems = []
    if missing:
        problems.append(f"missing column(s) {', '.join(missing)}")
    if unknown:
        problems.append(f"unknown column(s) {', '.join(unknown)} (allowed: {', '.join(allowed)})")
    if problems:
        raise LoadError(f"{path}: " + "; ".join(problems))


def _text(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _number(value, what: str, errors: list[str], row: int) -> float | None:
    text = _text(value)
    if text is None:
        return None
    try:
        number = float(text.replace("\u202f", "").replace("\u00a0", "").replace("_", ""))
    except ValueError:
        errors.append(f"row {row}: {what} {text!r} is not a number (write 1900000000 or 1.9e9)")
        return None
    if not math.isfinite(number):
        errors.append(f"row {row}: {what} must be finite, got {text!r}")
        return None
    return number


def _date(value, what: str, errors: list[str], row: int) -> date | None:
    text = _text(value)
    if text is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        errors.append(f"row {row}: {what} {text!r} is not a date (YYYY-MM-DD)")
        return None


def _raise(path: Path, errors: list[str]) -> None:
    if errors:
        shown = errors[:MAX_ERRORS_SHOWN]
        more = f"\n… and {len(errors) - len(shown)} more" if len(errors) > len(shown) else ""
        raise LoadError(f"{path}: nothing loaded, {len(errors)} problem(s):\n  " + "\n  ".join(shown) + more)


@dataclass(frozen=True, slots=True)
class Converted:
    si_value: float | None
    si_low: float | None
    si_high: float | None
    si_unit: str
    dimension: str


def convert(unit: str, value: float | None, low: float | None, high: float | None) -> Converted:
    """Values in base units through the extractor's pint registry (currencies as ISO codes)."""
    if not unit:
        return Converted(value, low, high, "", "count")
    from quantcheck.extractors.units import unit_info

    info = unit_info(unit)

    def si(x: float | None) -> float | None:
        return None if x is None else x * info.factor + info.offset

    return Converted(si(value), si(low), si(high), info.si_unit, info.dimension)


def parse_reference_rows(path: Path, rows: list[dict]) -> pa.Table:
    """Validate reference rows and convert them; raise LoadError listing every problem."""
    _check_columns(path, rows, REFERENCE_COLUMNS, REQUIRED_REFERENCE)
    errors: list[str] = []
    out: dict[str, list] = {k: [] for k in (
        "fact_id", "concept", "subject", "value", "low", "high", "unit", "si_value", "si_unit", "as_of",
        "source", "si_low", "si_high", "dimension", "notes")}
    seen: dict[str, int] = {}
    for i, row in enumerate(rows, start=2):   # row 1 is the header
        subject = _text(row.get("subject"))
        concept = _text(row.get("concept"))
        unit = _text(row.get("unit")) or ""
        value = _number(row.get("value"), "value", errors, i)
        low = _number(row.get("low"), "low", errors, i)
        high = _number(row.get("high"), "high", errors, i)
        as_of = _date(row.get("as_of"), "as_of", errors, i)
        if not subject:
            errors.append(f"row {i}: subject is empty (say what the figure is about, e.g. "
                          "'Russian troops massed at the Ukrainian border')")
        if value is None and (low is None or high is None):
            errors.append(f"row {i}: give a value, or both low and high")
        if low is not None and high is not None and low > high:
            errors.append(f"row {i}: low {low} is greater than high {high}")
        if not unit and not concept:
            errors.append(f"row {i}: a count (no unit) needs a concept, e.g. troops")
        try:
            conv = convert(unit, value, low, high)
        except Exception as exc:  # pint raises several error types for unknown or malformed units
            errors.append(f"row {i}: unknown unit {unit!r} ({type(exc).__name__}: {exc}); use a pint unit "
                          "(hectare, km**2, minute) or an ISO 4217 code (EUR, EUR/liter)")
            continue
        fact_id = _text(row.get("fact_id")) or "R" + hashlib.sha256(
            "|".join(str(x) for x in (concept, subject, value, low, high, unit, as_of,
                                      _text(row.get("source")))).encode()).hexdigest()[:15]
        if fact_id in seen:
            errors.append(f"row {i}: fact_id {fact_id!r} already used on row {seen[fact_id]}")
            continue
        seen[fact_id] = i
        for key, v in (("fact_id", fact_id), ("concept", concept), ("subject", subject), ("value", value),
                       ("low", low), ("high", high), ("unit", unit), ("si_value", conv.si_value),
                       ("si_unit", conv.si_unit), ("as_of", as_of), ("source", _text(row.get("source"))),
                       ("si_low", conv.si_low), ("si_high", conv.si_high), ("dimension", conv.dimension),
                       ("notes", _text(row.get("notes")))):
            out[key].append(v)
    _raise(path, errors)
    return pa.table(out, schema=pa.schema([
        ("fact_id", pa.string()), ("concept", pa.string()), ("subject", pa.string()), ("value", pa.float64()),
        ("low", pa.float64()), ("high", pa.float64()), ("unit", pa.string()), ("si_value", pa.float64()),
        ("si_unit", pa.string()), ("as_of", pa.date32()), ("source", pa.string()), ("si_low", pa.float64()),
        ("si_high", pa.float64()), ("dimension", pa.string()), ("notes", pa.string())]))


def parse_rate_rows(path: Path, rows: list[dict]) -> pa.Table:
    """Validate exchange-rate rows (date, from, to, rate[, source]); raise LoadError listing problems."""
    _check_columns(path, rows, RATE_COLUMNS, REQUIRED_RATES)
    errors: list[str] = []
    out: dict[str, list] = {k: [] for k in ("date", "from", "to", "rate", "source")}
    seen: dict[tuple, int] = {}
    for i, row in enumerate(rows, start=2):
        day = _date(row.get("date"), "date", errors, i)
        codes = []
        for key in ("from", "to"):
            code = (_text(row.get(key)) or "").upper()
            if not CURRENCY_RE.match(code):
                errors.append(f"row {i}: {key} {row.get(key)!r} is not an ISO 4217 code such as EUR")
            codes.append(code)
        rate = _number(row.get("rate"), "rate", errors, i)
        if row.get("date") is None or _text(row.get("date")) is None:
            errors.append(f"row {i}: date is empty")
        if rate is not None and rate <= 0:
            errors.append(f"row {i}: rate must be positive, got {rate}")
        if codes[0] == codes[1] and codes[0]:
            errors.append(f"row {i}: from and to are the same currency {codes[0]}")
        key = (day, codes[0], codes[1])
        if key in seen:
            errors.append(f"row {i}: duplicate of row {seen[key]} ({day} {codes[0]}→{codes[1]})")
        seen[key] = i
        for k, v in (("date", day), ("from", codes[0]), ("to", codes[1]), ("rate", rate),
                     ("source", _text(row.get("source")))):
            out[k].append(v)
    _raise(path, errors)
    return pa.table(out, schema=pa.schema([("date", pa.date32()), ("from", pa.string()), ("to", pa.string()),
                                           ("rate", pa.float64()), ("source", pa.string())]))


def _store(db: str | None, store: Callable[[Writer], int]) -> int:
    """Open the warehouse's writer (comparison tables refreshed before it publishes) and store rows."""
    from quantcheck.checks import refresh
    from quantcheck.warehouse.db import open_writer

    with open_writer(db, before_publish=refresh) as writer:
        return store(writer)


def load_reference_file(path: Path, db: str | None) -> int:
    """Validate, convert and load reference facts (replacing facts with the same fact_id); return count."""
    rows = parse_reference_rows(path, read_table(path))
    return _store(db, lambda writer: writer.replace_reference_facts(rows))


def load_rates_file(path: Path, db: str | None) -> int:
    """Validate and load dated exchange rates (replacing the same date/from/to); return the count."""
    rows = parse_rate_rows(path, read_table(path))
    return _store(db, lambda writer: writer.replace_exchange_rates(rows))
