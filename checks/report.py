"""The static HTML report: one section per fact stated by several sources, each with an SVG plot of every
source's interval on one axis, conflicts highlighted, the quoted sentence and a link to the article.

One self-contained file: inline CSS and SVG, no script, no external asset, so it opens from disk, can be
mailed, and renders the same offline. Everything taken from articles is HTML-escaped.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from checks.present import display_unit, fmt_interval, fmt_number
from checks.sqlfiles import sql

CONFLICT_COLOUR = "#d62728"   # the screenshot test looks for these exact colours
AGREE_COLOUR = "#1f77b4"
PLOT_WIDTH = 760
LABEL_WIDTH = 170
ROW_HEIGHT = 28
AXIS_HEIGHT = 34

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px auto;max-width:1000px;
color:#222;line-height:1.4;padding:0 16px}
h1{font-size:1.6em;margin-bottom:0}.meta{color:#666;margin-top:4px}
section.fact{border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin:18px 0}
section.fact.has-conflict{border-color:#d62728;border-width:2px}
h2{font-size:1.15em;margin:0 0 6px}.badge{display:inline-block;padding:1px 8px;border-radius:10px;
font-size:.8em;margin-left:8px;color:#fff;background:#1f77b4}.badge.conflict{background:#d62728}
table{border-collapse:collapse;width:100%;font-size:.9em;margin-top:8px}
td,th{border-top:1px solid #eee;padding:4px 6px;vertical-align:top;text-align:left}
tr.conflicting td:first-child{border-left:4px solid #d62728}
blockquote{margin:0;color:#444;font-style:italic}
ul.conflicts{margin:6px 0 0;padding-left:20px;color:#a11}
svg{display:block;max-width:100%;height:auto}
"""


@dataclass(frozen=True, slots=True)
class ReportClaim:
    claim_id: str
    source: str
    url: str | None
    title: str | None
    published: object
    surface: str
    sentence: str
    qualifier: str
    nominal: float | None
    lo: float | None
    hi: float | None
    si_unit: str
    converted_from: str | None
    conflicting: bool


def _esc(x: object) -> str:
    return html.escape("" if x is None else str(x), quote=True)


def _domain(claims: Sequence[ReportClaim]) -> tuple[float, float]:
    finite = [v for c in claims for v in (c.lo, c.hi, c.nominal)
              if v is not None and math.isfinite(v)]
    if not finite:
        return 0.0, 1.0
    lo, hi = min(finite), max(finite)
    if hi - lo <= abs(hi) * 1e-9:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    else:
        pad = (hi - lo) * 0.08
        lo, hi = (lo - pad if lo - pad >= 0 or lo < 0 else 0.0), hi + pad
    step = nice_step((hi - lo) / 4)
    return math.floor(lo / step) * step, math.ceil(hi / step) * step


def nice_step(raw: float) -> float:
    """1, 2 or 5 times a power of ten, at least ``raw``: tick spacing people read easily.

    >>> nice_step(37000), nice_step(0.013)
    (50000, 0.02)
    """
    if raw <= 0 or not math.isfinite(raw):
        return 1.0
    exp = math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        step = m * 10 ** exp
        if step >= raw * (1 - 1e-9):
            return round(step, 12) if exp < 0 else step
    return 10 ** (exp + 1)


def interval_svg(claims: Sequence[ReportClaim], si_unit: str) -> str:
    """One horizontal bar per claim on a shared axis; open ends (at least / at most) run to the edge."""
    d0, d1 = _domain(claims)
    x0, x1 = LABEL_WIDTH, PLOT_WIDTH - 14
    height = AXIS_HEIGHT + ROW_HEIGHT * len(claims) + 8
    label, factor = display_unit(si_unit, max(abs(d0), abs(d1)))

    def x(v: float) -> float:
        if math.isinf(v):
            return x0 if v < 0 else x1
        return x0 + (min(max(v, d0), d1) - d0) / (d1 - d0) * (x1 - x0)

    parts = [f'<svg class="intervals" xmlns="http://www.w3.org/2000/svg" width="{PLOT_WIDTH}" '
             f'height="{height}" viewBox="0 0 {PLOT_WIDTH} {height}" role="img" '
             f'aria-label="interval of each source">']
    # axis with five ticks
    axis_y = height - AXIS_HEIGHT + 6
    parts.append(f'<line x1="{x0}" y1="{axis_y}" x2="{x1}" y2="{axis_y}" stroke="#999"/>')
    step = nice_step((d1 - d0) / 4)
    n_ticks = int(round((d1 - d0) / step))
    for i in range(n_ticks + 1):
        v = d0 + step * i
        xv = x(v)
        anchor = "end" if i == n_ticks else "middle"
        parts.append(f'<line x1="{xv:.1f}" y1="{axis_y}" x2="{xv:.1f}" y2="{axis_y + 5}" stroke="#999"/>')
        parts.append(f'<text x="{xv:.1f}" y="{axis_y + 18}" font-size="11" text-anchor="{anchor}" '
                     f'fill="#555">{_esc(fmt_number(v * factor))}</text>')
    if label:
        parts.append(f'<text x="{x1}" y="{axis_y + 31}" font-size="11" text-anchor="end" fill="#555">'
                     f'{_esc(label)}</text>')
    for i, c in enumerate(claims):
        y = 8 + i * ROW_HEIGHT
        colour = CONFLICT_COLOUR if c.conflicting else AGREE_COLOUR
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 13}" font-size="12" text-anchor="end" '
                     f'fill="#222">{_esc(c.source)}</text>')
        if c.lo is None or c.hi is None:
            continue
        a, b = x(c.lo), x(c.hi)
        width = max(b - a, 10.0)
        if b - a < width:   # too narrow to see: a small bar centred on the interval
            a = (a + b) / 2 - width / 2
        title = f"{c.source}: {c.surface} → {fmt_interval(c.lo, c.hi, si_unit)}"
        parts.append(f'<rect class="interval{" conflict" if c.conflicting else ""}" x="{a:.1f}" y="{y + 3}" '
                     f'width="{width:.1f}" height="14" rx="3" fill="{colour}" fill-opacity="0.85">'
                     f'<title>{_esc(title)}</title></rect>')
        for end, inf in ((a, c.lo), (b, c.hi)):
            if inf is not None and math.isinf(inf):   # an arrow: the interval is open on that side
                tip = end - 8 if inf < 0 else end + 8
                parts.append(f'<polygon points="{end:.1f},{y}  {tip:.1f},{y + 10} {end:.1f},{y + 20}" '
                             f'fill="{colour}"/>')
        if c.nominal is not None and math.isfinite(c.nominal):
            parts.append(f'<circle cx="{x(c.nominal):.1f}" cy="{y + 10}" r="3" fill="#fff" '
                         f'stroke="#222" stroke-width="1.5"/>')
    parts.append("</svg>")
    return "".join(parts)


def fetch_report_rows(con: duckdb.DuckDBPyConnection) -> list[dict]:
    cur = con.execute(sql("report_claims"))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def render_report(rows: list[dict], conflicts: list[dict], generated: datetime | None = None,
                  title: str = "quantcheck report") -> str:
    """The whole HTML page from the report rows (grouped by fact, in row order)."""
    facts: dict[str, list[dict]] = {}
    for r in rows:
        facts.setdefault(r["fact_id"], []).append(r)
    by_fact: dict[str, list[dict]] = {}
    for c in conflicts:
        by_fact.setdefault(c["fact_id"], []).append(c)
    n_conf = sum(1 for f in facts if by_fact.get(f))
    when = (generated or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_esc(title)}</title><style>{CSS}</style></head><body>",
           f"<h1>{_esc(title)}</h1>",
           f'<p class="meta">{len(facts)} fact(s) stated by several sources, {n_conf} with conflicting '
           f"figures. Generated {when}. Bars are the interval each claim stands for once its qualifier "
           "(about, at least, up to…) and rounding are taken into account; red bars disagree with another "
           "source.</p>"]
    if not facts:
        out.append("<p>No fact is stated by more than one document yet.</p>")
    for fact_id, items in facts.items():
        first = items[0]
        claims = [ReportClaim(r["claim_id"], r["source"], r["url"], r["title"], r["published"], r["surface"],
                              r["sentence"], r["qualifier"], r["si_nominal"], r["si_low"], r["si_high"],
                              r["si_unit"] or "", r["converted_from"], bool(r["conflicting"]))
                  for r in items]
        conflicts_here = by_fact.get(fact_id, [])
        cls = "fact has-conflict" if conflicts_here else "fact"
        badge = (f'<span class="badge conflict">{len(conflicts_here)} conflict(s)</span>' if conflicts_here
                 else '<span class="badge">agree</span>')
        dates = f"{first['first_published']} – {first['last_published']}" if first["first_published"] else ""
        out.append(f'<section class="{cls}" id="{_esc(fact_id)}">')
        out.append(f"<h2>{_esc(first['kind'])} · {_esc(first['subject'])}{badge}</h2>")
        out.append(f'<p class="meta">{first["n_sources"]} source(s) {_esc(dates)} · fact {_esc(fact_id)}</p>')
        out.append(interval_svg(claims, claims[0].si_unit))
        if conflicts_here:
            out.append('<ul class="conflicts">')
            for c in conflicts_here:
                out.append(f"<li><b>{_esc(c['source_a'])}</b> “{_esc(c['surface_a'])}” vs "
                           f"<b>{_esc(c['source_b'])}</b> “{_esc(c['surface_b'])}”: differ by "
                           f"{c['relative_difference']:.0%} — {_esc(c['reason'])}</li>")
            out.append("</ul>")
        out.append("<table><thead><tr><th>source</th><th>claim</th><th>interval</th><th>quoted sentence"
                   "</th></tr></thead><tbody>")
        for c in claims:
            link = (f'<a href="{_esc(c.url)}">{_esc(c.title or c.url)}</a>' if c.url else _esc(c.title or ""))
            conv = f" (converted from {_esc(c.converted_from)})" if c.converted_from else ""
            row_class = "conflicting" if c.conflicting else "agreeing"
            out.append(f'<tr class="{row_class}"><td>{_esc(c.source)}<br>'
                       f"<small>{_esc(c.published or '')}</small></td><td>“{_esc(c.surface)}”<br><small>"
                       f"{_esc(c.qualifier)}</small></td><td>"
                       f"{_esc(fmt_interval(c.lo, c.hi, c.si_unit))}{conv}"
                       f"</td><td><blockquote>{_esc(' '.join((c.sentence or '').split()))}</blockquote>"
                       f"<small>{link}</small></td></tr>")
        out.append("</tbody></table></section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def build_report(con: duckdb.DuckDBPyConnection, generated: datetime | None = None) -> str:
    from flows.commands.conflicts import fetch_conflicts

    return render_report(fetch_report_rows(con), fetch_conflicts(con), generated)
