"""Plain-text tables for terminal output (the demo's summary); no dependency, stable widths."""

from __future__ import annotations

from collections.abc import Sequence

from quantcheck.warehouse.sqlfiles import sql_text


def sql_file(name: str) -> str:
    """The text of flows/sql/NAME.sql (queries live in .sql files, not Python strings)."""
    return sql_text("flows", "sql", name)


def cell(value: object, width: int | None = None) -> str:
    if value is None:
        text = ""
    elif isinstance(value, float):
        text = f"{value:.4g}" if abs(value) < 1e15 else f"{value:.3e}"
    else:
        text = " ".join(str(value).split())
    if width is not None and len(text) > width:
        text = text[: max(width - 1, 0)] + "…"
    return text


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]], max_width: int = 60,
                 indent: str = "  ") -> str:
    """Left-aligned columns; numbers right-aligned; cells longer than ``max_width`` cut with an ellipsis.

    >>> print(format_table(["a", "n"], [["x", 1], ["yy", 22]]))
      a    n
      --  --
      x    1
      yy  22
    """
    texts = [[cell(v, max_width) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in texts:
        for i, t in enumerate(row):
            widths[i] = max(widths[i], len(t))
    numeric = [_is_numeric_column([r[i] for r in rows]) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        parts = [v.rjust(widths[i]) if numeric[i] else v.ljust(widths[i]) for i, v in enumerate(values)]
        return (indent + "  ".join(parts)).rstrip()

    out = [line(list(headers)), line(["-" * w for w in widths])]
    out.extend(line(row) for row in texts)
    return "\n".join(out)


def _is_numeric_column(values: list[object]) -> bool:
    present = [v for v in values if v is not None]
    return bool(present) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present)
