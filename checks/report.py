"""The static HTML report a fact-checker opens from disk: where the sources disagree, and about what.

Top to bottom: a summary (sources, articles, facts compared, conflicts, newest run), filters (source,
language, publication dates, conflicts only), a contents list, then one section per fact stated by
several documents — facts with conflicts first — headed by the fact's readable name
(checks/labels.py), with a plot of every claim's interval on one axis in the unit its articles used
(checks/display_units.py; 1-2-5 ticks, whole numbers for counts), the conflicts and their reasons, and
the quoted sentences with links to the articles.

One self-contained file: inline CSS, a few lines of inline JavaScript for the filters (without
JavaScript every fact is shown and the filters stay hidden), no external asset, so it opens from disk,
can be mailed and renders the same offline. The plot is HTML boxes positioned in percent, so labels keep
their size on a phone instead of shrinking with a scaled image. Everything taken from articles is
HTML-escaped.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

import duckdb

from quantcheck.checks.conflicts import fetch_conflicts
from quantcheck.checks.display_units import DisplayUnit
from quantcheck.checks.labels import day_span
from quantcheck.checks.present import Axis, fmt_interval, fmt_number, nice_axis, plural, same_name
from quantcheck.checks.sqlfiles import sql

CONFLICT_COLOUR = "#d62728"   # the screenshot tests look for these exact colours
AGREE_COLOUR = "#1f77b4"
QUALIFIER_WORDS = {"exact": "as written", "approx": "about", "at_least": "at least", "at_most": "at most",
                   "range": "range"}

CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0 auto;
max-width:1040px;color:#222;line-height:1.4;padding:16px 20px 40px}
a{color:#0b57a4}
h1{font-size:1.7em;margin:8px 0 0}.meta{color:#666;margin:4px 0}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:16px 0 8px;
padding:0}
.stat{border:1px solid #ddd;border-radius:6px;padding:8px 12px;margin:0;background:#fafafa}
.stat dt{font-size:.8em;color:#555;text-transform:uppercase;letter-spacing:.03em}
.stat dd{margin:2px 0 0;font-size:1.45em;font-weight:600}
.stat dd small{font-size:.55em;font-weight:normal;color:#555;display:block}
.stat.alert{border-color:#d62728;background:#fff5f5}.stat.alert dd{color:#a11}
.howto{color:#444;font-size:.92em;max-width:860px}
form.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end;border:1px solid #ddd;
border-radius:6px;padding:10px 12px;margin:14px 0;background:#f7f9fc}
form.filters[hidden],[hidden]{display:none}
form.filters label{display:flex;flex-direction:column;font-size:.8em;color:#444;gap:2px}
form.filters label.check{flex-direction:row;align-items:center;gap:6px;font-size:.9em}
form.filters select,form.filters input[type=date]{font:inherit;font-size:.95em;padding:3px 4px}
form.filters output{margin-left:auto;font-size:.9em;color:#333}
nav.contents{margin:10px 0 18px}nav.contents h2{font-size:1.1em;margin:0 0 4px}
nav.contents ol{margin:0;padding-left:22px}nav.contents li{margin:2px 0}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.78em;margin-left:8px;color:#fff;
background:#1f77b4;white-space:nowrap;vertical-align:middle;font-weight:normal}
.badge.conflict{background:#d62728}
section.fact{border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin:18px 0}
section.fact.has-conflict{border-color:#d62728;border-width:2px}
section.fact h2{font-size:1.2em;margin:0 0 4px}
.key{color:#888;font-size:.85em}
.plot{margin:12px 0 6px}
.plot .row{display:grid;grid-template-columns:150px 1fr;align-items:center;column-gap:10px;height:26px}
.plot .who{font-size:.85em;text-align:right;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.plot .track{position:relative;height:100%;margin:0 14px}
.plot .grid{position:absolute;top:0;bottom:0;border-left:1px dashed #e3e3e3}
.plot .bar{position:absolute;top:6px;height:14px;border-radius:3px;min-width:8px}
.plot .bar.agree{background:#1f77b4}.plot .bar.conflict{background:#d62728}
.plot .bar.open-right::after{content:"";position:absolute;right:-9px;top:-3px;border:10px solid transparent;
border-right:0;border-left:9px solid;border-left-color:inherit}
.plot .bar.open-left::before{content:"";position:absolute;left:-9px;top:-3px;border:10px solid transparent;
border-left:0;border-right:9px solid;border-right-color:inherit}
.plot .bar.agree{border-color:#1f77b4}.plot .bar.conflict{border-color:#d62728}
.plot .dot{position:absolute;top:9px;width:8px;height:8px;margin-left:-4px;border-radius:50%;background:#fff;
border:1.5px solid #222}
.plot .axis .track{border-top:1px solid #999;height:22px}
.plot .tick{position:absolute;top:0;font-size:.75em;color:#555;transform:translateX(-50%);white-space:nowrap;
padding-top:6px}
.plot .tick::before{content:"";position:absolute;left:50%;top:0;height:5px;border-left:1px solid #999}
.plot .tick.first{transform:none}.plot .tick.first::before{left:0}
.plot .tick.last{transform:translateX(-100%)}.plot .tick.last::before{left:auto;right:0}
.plot .caption{font-size:.8em;color:#444;text-align:right;margin:2px 14px 0 0}
ul.conflicts{margin:8px 0 0;padding-left:20px;color:#a11}ul.conflicts li{margin:3px 0}
p.reference{margin:8px 0 0;padding:4px 10px;border-left:4px solid #1f77b4;background:#f4f8fc}
p.reference.bad{border-left-color:#d62728;background:#fff5f5}small.bad{color:#a11}
table{border-collapse:collapse;width:100%;font-size:.9em;margin-top:10px}
th{font-size:.85em;color:#555}
td,th{border-top:1px solid #eee;padding:5px 6px;vertical-align:top;text-align:left}
tr.conflicting td:first-child{border-left:4px solid #d62728}
tr.picked td{background:#fffbe6}
blockquote{margin:0;color:#444;font-style:italic}
small{color:#555}
@media (max-width:640px){
 body{padding:10px 10px 30px}h1{font-size:1.35em}
 .plot .row{grid-template-columns:84px 1fr;column-gap:4px}
 .plot .who{font-size:.78em}
 .plot .track{margin:0 10px}
 .plot .tick.minor{visibility:hidden}
 table,thead,tbody,tr,td{display:block;width:100%}
 thead{display:none}
 tr{border-top:1px solid #ddd;padding:6px 0}
 td{border:0;padding:2px 4px}
 tr.conflicting td:first-child{border-left:0}
 tr.conflicting{border-left:4px solid #d62728;padding-left:6px}
 form.filters output{margin-left:0}
}
"""

SCRIPT = """
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  var facts = Array.prototype.slice.call(document.querySelectorAll('section.fact'));
  var shown = document.getElementById('shown');
  function has(list, value) { return JSON.parse(list || '[]').indexOf(value) >= 0; }
  function apply() {
    var src = form.source.value, lang = form.lang.value, from = form.from.value, to = form.to.value;
    var only = form.conflicts.checked, n = 0;
    facts.forEach(function (s) {
      var ok = (!src || has(s.getAttribute('data-sources'), src))
        && (!lang || has(s.getAttribute('data-langs'), lang))
        && (!from || (s.getAttribute('data-last') || '') >= from)
        && (!to || ((s.getAttribute('data-first') || '9999') <= to))
        && (!only || s.classList.contains('has-conflict'));
      s.hidden = !ok;
      var item = document.getElementById('toc-' + s.id);
      if (item) item.hidden = !ok;
      if (ok) n += 1;
      Array.prototype.forEach.call(s.querySelectorAll('tr[data-source]'), function (tr) {
        tr.classList.toggle('picked', !!src && tr.getAttribute('data-source') === src);
      });
    });
    shown.textContent = n + ' of ' + facts.length + (facts.length === 1 ? ' fact' : ' facts') + ' shown';
  }
  form.addEventListener('change', apply);
  form.addEventListener('input', apply);
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  apply();
})();
"""


@dataclass(frozen=True, slots=True)
class ReportClaim:
    """One claim of a fact as the report shows it (values in base units)."""

    claim_id: str
    source: str
    publisher: str | None
    lang: str | None
    url: str | None
    title: str | None
    published: date | None
    surface: str
    sentence: str
    qualifier: str
    nominal: float | None
    lo: float | None
    hi: float | None
    converted_from: str | None
    conflicting: bool

    @property
    def outlet(self) -> str:
        """Who said it: the publisher when known, else the configured source."""
        return self.publisher or self.source


def _esc(x: object) -> str:
    return html.escape("" if x is None else str(x), quote=True)


def _pct(x: float) -> str:
    return f"{x * 100:.2f}%"


def _day(d: date | datetime | None) -> str:
    return day_span(d) if d else "date unknown"


def claim_axis(claims: Sequence[ReportClaim], unit: DisplayUnit, integer: bool, noun: str) -> Axis:
    """The axis of one fact's plot, in display units, covering every finite bound and nominal value."""
    values = [unit.from_si(v) for c in claims for v in (c.lo, c.hi, c.nominal)
              if v is not None and math.isfinite(v)]
    return nice_axis(values, unit.label, integer=integer, caption_noun=noun)


def interval_plot(claims: Sequence[ReportClaim], unit: DisplayUnit, integer: bool, noun: str) -> str:
    """One row per claim on a shared axis: a bar for its interval (red: in a conflict, blue: agreeing),
    an arrow on an open end (at least / at most), a dot at the value as written."""
    axis = claim_axis(claims, unit, integer, noun)
    label = f"interval of each claim, in {axis.caption}" if axis.caption else "interval of each claim"
    out = [f'<div class="plot" role="img" aria-label="{_esc(label)}">']
    grid = "".join(f'<span class="grid" style="left:{_pct(axis.position(t))}"></span>' for t in axis.ticks)
    for c in claims:
        cls = "conflict" if c.conflicting else "agree"
        out.append(f'<div class="row"><span class="who" title="{_esc(c.outlet)}">{_esc(c.outlet)}</span>'
                   f'<span class="track">{grid}')
        lo, hi = unit.from_si(c.lo), unit.from_si(c.hi)
        if lo is not None and hi is not None and not (math.isnan(lo) or math.isnan(hi)):
            a, b = axis.position(lo), axis.position(hi)
            opens = (" open-left" if math.isinf(lo) else "") + (" open-right" if math.isinf(hi) else "")
            title = f"{c.outlet}: “{c.surface}” → {fmt_interval(c.lo, c.hi, unit)}"
            out.append(f'<span class="bar {cls}{opens}" style="left:{_pct(a)};width:{_pct(max(b - a, 0))}" '
                       f'title="{_esc(title)}"></span>')
            nominal = unit.from_si(c.nominal)
            if nominal is not None and math.isfinite(nominal):
                out.append(f'<span class="dot" style="left:{_pct(axis.position(nominal))}"></span>')
        out.append("</span></div>")
    ticks = []
    last = len(axis.ticks) - 1
    for i, (t, text) in enumerate(zip(axis.ticks, axis.labels, strict=True)):
        place = " first" if i == 0 else (" last" if i == last else "")
        minor = " minor" if (i % 2 == 1 and 0 < i < last and last > 3) else ""
        ticks.append(f'<span class="tick{place}{minor}" style="left:{_pct(axis.position(t))}">'
                     f"{_esc(text)}</span>")
    out.append(f'<div class="row axis"><span></span><span class="track">{"".join(ticks)}</span></div>')
    if axis.caption:
        out.append(f'<div class="caption">{_esc(axis.caption)}</div>')
    out.append("</div>")
    return "".join(out)


def fetch_report_rows(con: duckdb.DuckDBPyConnection) -> list[dict]:
    cur = con.execute(sql("report_claims"))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def fetch_references(con: duckdb.DuckDBPyConnection) -> list[dict]:
    cur = con.execute(sql("report_references"))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def fetch_summary(con: duckdb.DuckDBPyConnection) -> dict:
    cur = con.execute(sql("report_summary"))
    names = [d[0] for d in cur.description]
    return dict(zip(names, cur.fetchone(), strict=True))


def _when(ts: datetime | None) -> str:
    if ts is None:
        return "never"
    ts = ts.astimezone(UTC) if ts.tzinfo else ts
    return f"{ts.day} {ts:%b %Y %H:%M} UTC"


def _summary_html(s: dict) -> str:
    stats = [("Sources", f"{s['sources']:,}", ""), ("Articles", f"{s['articles']:,}",
                                                    plural(s["claims"], "figure") + " found"),
             ("Facts compared", f"{s['facts']:,}", "stated by two or more articles")]
    conflict_note = (f"in {plural(s['facts_in_conflict'], 'fact')}" if s["conflicts"]
                     else "no two articles disagree")
    stats.append(("Conflicts", f"{s['conflicts']:,}", conflict_note))
    if s["checked"]:
        stats.append(("Against references", f"{s['inconsistent']:,}",
                      f"of {plural(s['checked'], 'claim')} checked contradict a reference figure"))
    if s["last_run_id"] is not None:
        day, _, clock = _when(s["last_run_at"]).rpartition(" ")[0].rpartition(" ")
        run_note = f"{clock} UTC · run {s['last_run_id']}, {s['last_run_status']}"
        if s["last_run_status"] != "completed" and s["last_completed_at"] is not None:
            run_note += f"; last completed {_when(s['last_completed_at'])}"
        stats.append(("Newest run", day, run_note))
    out = ['<dl class="summary">']
    for title, value, note in stats:
        alert = " alert" if (title == "Conflicts" and s["conflicts"]) or (
            title == "Against references" and s["inconsistent"]) else ""
        small = f"<small>{_esc(note)}</small>" if note else ""
        out.append(f'<div class="stat{alert}"><dt>{_esc(title)}</dt><dd>{_esc(value)}{small}</dd></div>')
    out.append("</dl>")
    return "".join(out)


def _choice(label: str, name: str, everything: str, values: list[str]) -> str:
    """A labelled drop-down list: "everything" first, then each value."""
    options = "".join(f'<option value="{_esc(v)}">{_esc(v)}</option>' for v in values)
    return (f'<label>{_esc(label)}<select name="{name}"><option value="">{_esc(everything)}</option>'
            f"{options}</select></label>")


def _filters_html(sources: list[str], langs: list[str], first: date | None, last: date | None) -> str:
    bounds = f' min="{first.isoformat()}" max="{last.isoformat()}"' if first and last else ""
    return "".join([
        '<form class="filters" id="filters" hidden>',
        _choice("Source", "source", "all sources", sources),
        _choice("Language", "lang", "all languages", langs),
        f'<label>Published from<input type="date" name="from"{bounds}></label>',
        f'<label>to<input type="date" name="to"{bounds}></label>',
        '<label class="check"><input type="checkbox" name="conflicts">only facts with conflicts</label>',
        '<button type="reset">Show all</button><output id="shown" aria-live="polite"></output></form>'])


def _conflicts_html(conflicts: list[dict], unit: DisplayUnit) -> str:
    out = ['<ul class="conflicts">']
    for c in conflicts:
        who_a = c.get("publisher_a") or c["source_a"]
        who_b = c.get("publisher_b") or c["source_b"]
        out.append(f"<li><b>{_esc(who_a)}</b> “{_esc(c['surface_a'])}” "
                   f"({_esc(fmt_interval(c['si_low_a'], c['si_high_a'], unit))}) vs "
                   f"<b>{_esc(who_b)}</b> “{_esc(c['surface_b'])}” "
                   f"({_esc(fmt_interval(c['si_low_b'], c['si_high_b'], unit))}): "
                   f"differ by {c['relative_difference']:.0%} — {_esc(c['reason'])}</li>")
    out.append("</ul>")
    return "".join(out)


def _references_html(refs: list[dict], unit: DisplayUnit) -> str:
    """One line per reference figure matched to claims of this fact, with how many disagree with it."""
    by_ref: dict[str, list[dict]] = {}
    for r in refs:
        by_ref.setdefault(r["reference_id"], []).append(r)
    out = []
    for rows in by_ref.values():
        r = rows[0]
        bad = sum(1 for x in rows if x["verdict"] == "inconsistent")
        where = ", ".join(p for p in (r["reference_source"], f"as of {_day(r['reference_as_of'])}"
                                      if r["reference_as_of"] else "") if p)
        verdict = (f"{plural(bad, 'claim')} inconsistent with it" if bad
                   else f"consistent with {plural(len(rows), 'claim')}")
        out.append(f'<p class="reference{" bad" if bad else ""}">Reference figure: <b>'
                   f"{_esc(fmt_interval(r['reference_si_low'], r['reference_si_high'], unit))}</b>"
                   f"{f' ({_esc(where)})' if where else ''} for “{_esc(r['reference_subject'])}” — "
                   f"{_esc(verdict)}.</p>")
    return "".join(out)


def _fact_html(fact_id: str, items: list[dict], conflicts: list[dict],
               refs: list[dict] | None = None) -> tuple[str, str]:
    """(section, contents entry) of one fact."""
    first = items[0]
    unit = DisplayUnit(first["si_unit"] or "", first["display_unit"] or "", first["display_factor"] or 1.0,
                       first["display_offset"] or 0.0)
    claims = [ReportClaim(r["claim_id"], r["source"], r["publisher"], r["lang"], r["url"], r["title"],
                          r["published"], r["surface"], r["sentence"], r["qualifier"], r["si_nominal"],
                          r["si_low"], r["si_high"], r["converted_from"], bool(r["conflicting"]))
              for r in items]
    integer = not (first["si_unit"] or "")
    noun = first["kind"] if integer else ""
    badge = (f'<span class="badge conflict">{_esc(plural(len(conflicts), "conflict"))}</span>' if conflicts
             else '<span class="badge">agree</span>')
    sources = sorted({c.source for c in claims})
    outlets = sorted({c.outlet for c in claims})
    langs = sorted({c.lang for c in claims if c.lang})
    days = sorted(c.published for c in claims if c.published)
    span = day_span(days[0], days[-1]) if days else "publication dates unknown"
    cls = "fact has-conflict" if conflicts else "fact"
    who = plural(len(outlets), "outlet")
    if len(sources) != len(outlets):
        who += f" in {plural(len(sources), 'source')}"
    data = (f'data-sources="{_esc(json.dumps(sources, ensure_ascii=False))}" '
            f'data-langs="{_esc(json.dumps(langs))}" '
            f'data-first="{days[0].isoformat() if days else ""}" '
            f'data-last="{days[-1].isoformat() if days else ""}"')
    out = [f'<section class="{cls}" id="{_esc(fact_id)}" {data}>',
           f"<h2>{_esc(first['fact_label'])}{badge}</h2>",
           f'<p class="meta">{_esc(who)} · {_esc(plural(len(claims), "claim"))} · published {_esc(span)} '
           f'<span class="key">· key: {_esc(first["kind"])} · {_esc(first["subject"])} · fact '
           f"{_esc(fact_id)}</span></p>",
           interval_plot(claims, unit, integer, noun)]
    if conflicts:
        out.append(_conflicts_html(conflicts, unit))
    if refs:
        out.append(_references_html(refs, unit))
    verdicts = {r["claim_id"]: r["verdict"] for r in refs or []}
    out.append("<table><thead><tr><th>outlet</th><th>claim</th><th>reads as</th><th>quoted sentence</th>"
               "</tr></thead><tbody>")
    for c in claims:
        link = (f'<a href="{_esc(c.url)}">{_esc(c.title or c.url)}</a>' if c.url and c.url.startswith("http")
                else _esc(c.title or c.url or ""))
        conv = f" (converted from {_esc(c.converted_from)})" if c.converted_from else ""
        source_note = ("" if not c.publisher or same_name(c.publisher, c.source)
                       else f"<br><small>source {_esc(c.source)}</small>")
        row_class = "conflicting" if c.conflicting else "agreeing"
        lang = f" · {_esc(c.lang)}" if c.lang else ""
        if verdicts.get(c.claim_id) == "inconsistent":
            conv += '<br><small class="bad">inconsistent with the reference figure</small>'
        elif verdicts.get(c.claim_id) == "consistent":
            conv += "<br><small>consistent with the reference figure</small>"
        out.append(f'<tr class="{row_class}" data-source="{_esc(c.source)}"><td>{_esc(c.outlet)}{source_note}'
                   f"<br><small>{_esc(_day(c.published))}{lang}</small></td>"
                   f"<td>“{_esc(c.surface)}”<br><small>{_esc(QUALIFIER_WORDS.get(c.qualifier, c.qualifier))}"
                   f"</small></td><td>{_esc(fmt_interval(c.lo, c.hi, unit))}{conv}</td>"
                   f"<td><blockquote>{_esc(' '.join((c.sentence or '').split()))}</blockquote>"
                   f"<small>{link}</small></td></tr>")
    out.append("</tbody></table></section>")
    toc_badge = (f' <span class="badge conflict">{_esc(plural(len(conflicts), "conflict"))}</span>'
                 if conflicts else "")
    toc = (f'<li id="toc-{_esc(fact_id)}"><a href="#{_esc(fact_id)}">{_esc(first["fact_label"])}</a>'
           f"{toc_badge}</li>")
    return "\n".join(out), toc


def render_report(rows: list[dict], conflicts: list[dict], summary: dict | None = None,
                  generated: datetime | None = None, title: str = "quantcheck report",
                  references: list[dict] | None = None) -> str:
    """The whole HTML page from the report rows (grouped by fact, in row order)."""
    facts: dict[str, list[dict]] = {}
    for r in rows:
        facts.setdefault(r["fact_id"], []).append(r)
    by_fact: dict[str, list[dict]] = {}
    for c in conflicts:
        by_fact.setdefault(c["fact_id"], []).append(c)
    refs: dict[str, list[dict]] = {}
    for r in references or []:
        refs.setdefault(r["fact_id"], []).append(r)
    when = generated or datetime.now(UTC)
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_esc(title)}</title><style>{CSS}</style></head><body>",
           f"<header><h1>{_esc(title)}</h1>",
           f'<p class="meta">Generated {_esc(_when(when))}.</p></header>']
    if summary is not None:
        out.append(_summary_html(summary))
    out.append('<p class="howto">Each fact below is one question with one true answer, stated by several '
               "articles. Every bar is the range a claim stands for once its wording (about, at least, up "
               "to…) and rounding are taken into account; a dot marks the figure as written, an arrow an "
               "open end. <b style=\"color:#a11\">Red</b> bars cannot all be true: they disagree with "
               "another outlet. Blue bars agree.</p>")
    if not facts:
        out.append("<p>No fact is stated by more than one article yet: there is nothing to compare.</p>")
    else:
        sources = sorted({r["source"] for r in rows})
        langs = sorted({r["lang"] for r in rows if r["lang"]})
        days = sorted(r["published"] for r in rows if r["published"])
        out.append(_filters_html(sources, langs, days[0] if days else None, days[-1] if days else None))
        sections, toc = [], []
        for fact_id, items in facts.items():
            section, entry = _fact_html(fact_id, items, by_fact.get(fact_id, []), refs.get(fact_id))
            sections.append(section)
            toc.append(entry)
        n_conf = sum(1 for f in facts if by_fact.get(f))
        out.append(f'<nav class="contents"><h2>{_esc(plural(len(facts), "fact"))} compared, '
                   f"{_esc(plural(n_conf, 'with conflicting figures', 'with conflicting figures'))}"
                   f'</h2><ol>{"".join(toc)}</ol></nav>')
        out.append("<main>")
        out.extend(sections)
        out.append("</main>")
    out.append(f"<script>{SCRIPT}</script></body></html>")
    return "\n".join(out) + "\n"


def build_report(con: duckdb.DuckDBPyConnection, generated: datetime | None = None) -> str:
    return render_report(fetch_report_rows(con), fetch_conflicts(con), fetch_summary(con), generated,
                         references=fetch_references(con))


__all__ = ["AGREE_COLOUR", "CONFLICT_COLOUR", "build_report", "fmt_number", "interval_plot", "render_report"]
