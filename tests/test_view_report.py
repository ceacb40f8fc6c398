"""The HTML report as a fact-checker reads it, on the sample corpus: the summary, readable fact names,
display units and axes, plurals, the order of facts, the contents list and the filters — read from the
page's text and checked in headless Chromium at desktop (1280 px) and phone (390 px) widths, by the
positions of what is drawn and by screenshots.

Set QUANTCHECK_SCREENSHOTS=DIR to keep the screenshots (docs/report.png is made that way)."""

from __future__ import annotations

import html.parser
import os
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from browser import chromium
from test_checks_support import count_colour, sample_warehouse

from quantcheck.checks.report import AGREE_COLOUR, CONFLICT_COLOUR
from quantcheck.flows.cli import main

WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_warehouse(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="module")
def report(db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", "--db", str(db), "--out", str(out)]) == 0
    return out


class Page(html.parser.HTMLParser):
    """Sections, headings, summary figures, contents entries and text of the report (no browser)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.sections: list[dict] = []
        self.toc: list[tuple[str, str]] = []
        self.stats: dict[str, str] = {}
        self.captions: dict[str, str] = {}
        self.ticks: dict[str, list[str]] = {}
        self.hidden_forms = 0
        self.scripts = 0
        self._stack: list[tuple[str, dict]] = []
        self._text: list[str] = []
        self._grab: str | None = None
        self._dt: str | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self._stack.append((tag, a))
        if self._grab is not None:
            self._text.append("\x00")     # a nested element (the badge of a heading) starts here
        if tag == "section" and "fact" in a.get("class", ""):
            self.sections.append({"id": a["id"], "class": a["class"], "h2": "", "attrs": a})
        elif tag == "form" and "hidden" in a:
            self.hidden_forms += 1
        elif tag == "script":
            self.scripts += 1
        if tag in ("h2", "dt", "dd", "a") or "caption" in a.get("class", "") or "tick" in a.get("class", ""):
            self._grab, self._text = tag if tag != "span" and tag != "div" else a["class"], []

    def handle_endtag(self, tag):
        while self._stack and self._stack[-1][0] != tag:
            self._stack.pop()
        opened = self._stack.pop() if self._stack else (tag, {})
        text = "".join(self._text).strip()
        flat = text.replace("\x00", "")
        cls = opened[1].get("class", "")
        current = self.sections[-1]["id"] if self.sections else None
        if tag == "h2" and self.sections and not self.sections[-1]["h2"] and self._in("section"):
            self.sections[-1]["h2"] = text.split("\x00")[0].strip()
            self.sections[-1]["badge"] = text.split("\x00")[-1].strip()
        elif tag == "dt":
            self._dt = text
        elif tag == "dd" and self._dt:
            self.stats[self._dt] = flat
        elif tag == "a" and opened[1].get("href", "").startswith("#"):
            self.toc.append((opened[1]["href"][1:], flat))
        elif "caption" in cls and current:
            self.captions[current] = flat
        elif cls.startswith("tick") and current:
            self.ticks.setdefault(current, []).append(flat)
        if tag in ("h2", "dd", "a") or "caption" in cls or cls.startswith("tick"):
            self._grab = None

    def _in(self, tag: str) -> bool:
        return any(t == tag for t, _ in self._stack)

    def handle_data(self, data):
        if self._grab is not None:
            self._text.append(data)


def _page(report: Path) -> Page:
    return Page(report.read_text(encoding="utf-8"))


def test_summary_at_the_top_matches_the_warehouse(report: Path, db: Path) -> None:
    page = _page(report)
    with duckdb.connect(str(db), read_only=True) as con:
        sources, articles, facts, conflicts, in_conflict, run_id = con.execute(
            "SELECT (SELECT count(DISTINCT source_id) FROM documents), (SELECT count(*) FROM documents), "
            "(SELECT count(*) FROM claim_groups), (SELECT count(*) FROM conflicts), "
            "(SELECT count(DISTINCT fact_id) FROM conflicts), (SELECT max(run_id) FROM runs)").fetchone()
    assert page.stats["Sources"] == str(sources) == "6"
    assert page.stats["Articles"].startswith(f"{articles}") and articles == 14
    assert page.stats["Facts compared"].startswith(str(facts))
    assert page.stats["Conflicts"] == f"{conflicts}in {in_conflict} facts"
    assert re.search(rf"run {run_id}, completed$", page.stats["Newest run"])


def test_facts_with_conflicts_first_and_a_contents_entry_per_fact(report: Path, db: Path) -> None:
    page = _page(report)
    flags = ["has-conflict" in s["class"] for s in page.sections]
    assert flags == sorted(flags, reverse=True) and sum(flags) == 3
    with duckdb.connect(str(db), read_only=True) as con:
        assert len(page.sections) == con.execute("SELECT count(*) FROM claim_groups").fetchone()[0]
    headings = [s["h2"] for s in page.sections]
    assert page.toc == [(s["id"], h) for s, h in zip(page.sections, headings, strict=True)]


def test_headings_are_readable_names_not_internal_keys(report: Path) -> None:
    headings = {s["h2"] for s in _page(report).sections}
    for expected in ("troops deployed · 31 Dec 2021 – 2 Jan 2022",
                     "area burnt · Gata · fire · 13–16 Jul 2025", "diesel price · 10–12 Mar 2025",
                     "aid package · 10–11 Mar 2025",
                     "firefighters injured · Extremadura · fire · 14–15 Jul 2025",
                     "call duration · 31 Dec 2021 – 1 Jan 2022"):
        assert expected in headings, sorted(headings)
    for h in headings:
        assert not re.search(r"\[|\*\*|currency_|_", h), h


def test_plurals_and_no_parenthesised_s(report: Path) -> None:
    text = report.read_text(encoding="utf-8")
    assert not re.search(r"\w\(s\)", text)                       # "fact(s)", "conflict(s)"
    badges = re.findall(r'<span class="badge conflict">([^<]+)</span>', text)
    assert "1 conflict" in badges and "2 conflicts" in badges
    assert not [b for b in badges if re.fullmatch(r"1 conflicts|[02-9]\d* conflict", b)]


def test_axes_are_in_the_units_the_articles_used(report: Path, db: Path) -> None:
    page = _page(report)
    with duckdb.connect(str(db), read_only=True) as con:
        ids = dict(con.execute("SELECT measured, fact_id FROM fact_labels").fetchall())
    expect = {"diesel price": "EUR/L", "area burnt": "ha", "call duration": "min",
              "field of view": "degrees", "aid package": "billion EUR", "troops deployed": "troops",
              "firefighters injured": "firefighters"}
    for measured, caption in expect.items():
        assert page.captions[ids[measured]] == caption, (measured, page.captions[ids[measured]])
    diesel = page.ticks[ids["diesel price"]]
    assert all(1 <= float(t) <= 3 for t in diesel), diesel                 # EUR per litre, not per m³
    counts = page.ticks[ids["firefighters injured"]]
    assert all(re.fullmatch(r"\d+", t) for t in counts) and len(counts) >= 2, counts   # whole firefighters
    for fact_id, ticks in page.ticks.items():
        values = [float(t.replace(",", "").replace("−", "-")) for t in ticks]
        steps = {round(b - a, 9) for a, b in zip(values, values[1:], strict=False)}
        assert len(steps) == 1, (fact_id, ticks)                               # evenly spaced
        mantissa = f"{steps.pop():e}".split("e")[0].rstrip("0").rstrip(".")
        assert mantissa in ("1", "2", "5", "2.5"), (fact_id, ticks)            # 1-2-5 steps


def test_intervals_are_shown_without_float_noise(report: Path) -> None:
    text = report.read_text(encoding="utf-8")
    assert not re.search(r"\d\.\d{5,}", text), re.search(r".{40}\d\.\d{5,}.{20}", text)
    assert "99,999" not in text and "100,000.0" not in text
    assert "2.185–2.195 EUR/L" in text and "11,500–12,500 ha" in text and "≥ 100,000" in text
    assert "<td>1.95–2.05</td>" not in text and "<td>2</td>" in text   # "two firefighters" reads as 2


def test_works_without_javascript(report: Path) -> None:
    page = _page(report)
    text = report.read_text(encoding="utf-8")
    assert page.hidden_forms == 1 and page.scripts == 1          # filters appear only when the script runs
    assert "form.filters[hidden],[hidden]{display:none}" in text   # (its display:flex must not undo that)
    assert not any("hidden" in s["attrs"] for s in page.sections)
    assert not re.search(r'<(link|img|iframe)\b|src="http', text)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_layout_in_chromium(report: Path, db: Path, tmp_path: Path, width: int) -> None:
    if chromium.browser() is None:
        pytest.skip("chromium not installed (Debian package `chromium`): the layout checks need a browser")
    m = chromium.measure(report, width, tmp_path)
    assert m["innerWidth"] == width
    assert m["scrollWidth"] <= width, "the page scrolls sideways"
    # the page reads top-down: title, summary, filters, contents, then the facts
    order = [".".join(name.split(".")[:2]) for name, _ in m["order"]]
    tops = [top for _, top in m["order"]]
    assert order[:5] == ["h1", "dl.summary", "form.filters", "nav.contents", "section.fact"]
    assert tops == sorted(tops)
    with duckdb.connect(str(db), read_only=True) as con:
        n_facts = con.execute("SELECT count(*) FROM claim_groups").fetchone()[0]
    assert m["filtersVisible"] and m["shownText"] == f"{n_facts} of {n_facts} facts shown"
    text = m["text"]
    assert "SOURCES" in text.upper() and "troops deployed · 31 Dec 2021 – 2 Jan 2022" in text
    for plot in m["plots"]:
        left, top, right, bottom = plot["plot"]
        assert 0 <= left and right <= width, plot["fact"]
        cap = plot["caption"]
        assert cap is not None and cap["text"], plot["fact"]
        assert cap["scrollWidth"] <= cap["clientWidth"], f"axis caption cut: {cap}"
        assert left <= cap["box"][0] and cap["box"][2] <= right and cap["box"][3] <= bottom + 1, cap
        ticks = sorted(plot["ticks"], key=lambda t: t["box"][0])
        assert len(ticks) >= 2, plot["fact"]
        for a, b in zip(ticks, ticks[1:], strict=False):
            assert a["box"][2] + 4 <= b["box"][0], f"tick labels overlap: {a} {b}"
        assert ticks[0]["box"][0] >= 0 and ticks[-1]["box"][2] <= width
        for bar in plot["bars"]:
            track = plot["tracks"][0]
            assert track[0] - 1 <= bar["box"][0] and bar["box"][2] <= track[2] + 1, (plot["fact"], bar)
        assert min(plot["whoFont"]) >= 11, plot["whoFont"]


def test_filters_in_chromium(report: Path, db: Path, tmp_path: Path) -> None:
    if chromium.browser() is None:
        pytest.skip("chromium not installed (Debian package `chromium`): the filter checks need a browser")
    f = chromium.measure(report, WIDTHS["desktop"], tmp_path)["filters"]
    with duckdb.connect(str(db), read_only=True) as con:
        by_source = {}
        for source, fact_id in con.execute("SELECT DISTINCT source, fact_id FROM claim_facts "
                                           "WHERE fact_id IN (SELECT fact_id FROM claim_groups)").fetchall():
            by_source.setdefault(source, set()).add(fact_id)
        conflicted = {r[0] for r in con.execute("SELECT DISTINCT fact_id FROM conflicts").fetchall()}
        late = {r[0] for r in con.execute("SELECT fact_id FROM claim_groups "
                                          "WHERE last_published >= DATE '2025-01-01'").fetchall()}
        all_facts = {r[0] for r in con.execute("SELECT fact_id FROM claim_groups").fetchall()}
    for source, facts in by_source.items():
        assert set(f[f"source={source}"]) == facts, source
    assert set(f["source=kyiv-courier"]) == {next(iter(by_source["kyiv-courier"]))}
    assert set(f["conflicts"]) == conflicted and len(conflicted) == 3
    assert set(f["from=2025-01-01"]) == late and set(f["to=2024-12-31"]) == all_facts - late
    assert set(f["lang=de"]) < all_facts and set(f["all"]) == all_facts


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_screenshots_show_the_plots(report: Path, tmp_path: Path, width: int) -> None:
    """Red (conflicting) and blue (agreeing) bars are drawn where the page says the first plot is, and
    nothing is drawn left of the plot's labels."""
    if chromium.browser() is None:
        pytest.skip("chromium not installed (Debian package `chromium`): the screenshot needs a browser")
    first = chromium.measure(report, width, tmp_path)["plots"][0]
    left, top, right, bottom = (int(v) for v in first["plot"])
    png = chromium.screenshot(report, tmp_path / f"report-{width}.png", width, bottom + 200)
    keep = os.environ.get("QUANTCHECK_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, Path(keep) / f"report-{width}.png")
    box = (left, top, right, bottom)
    red = count_colour(png, tuple(int(CONFLICT_COLOUR[i:i + 2], 16) for i in (1, 3, 5)), box)
    blue = count_colour(png, tuple(int(AGREE_COLOUR[i:i + 2], 16) for i in (1, 3, 5)), box)
    assert red > 300, f"conflict bars not visible ({red} red pixels)"
    assert blue > 600, f"agreeing bars not visible ({blue} blue pixels)"
    assert count_colour(png, (0x1F, 0x77, 0xB4), (0, top, max(left - 2, 1), bottom)) == 0


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077])
def test_output_files_follow_the_umask(db: Path, tmp_path: Path, mask: int, capsys) -> None:
    old = os.umask(mask)
    try:
        assert main(["report", "--db", str(db), "--out", str(tmp_path / "report.html")]) == 0
        assert main(["export", "claimreview", "--conflicts", "--db", str(db),
                     "--out", str(tmp_path / "reviews.json")]) == 0
    finally:
        os.umask(old)
    for name in ("report.html", "reviews.json"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o666 & ~mask, name
    assert not list(tmp_path.glob(".report-*")) and not list(tmp_path.glob(".claimreview-*"))
    out = capsys.readouterr().out
    with duckdb.connect(str(db), read_only=True) as con:
        n_facts = con.execute("SELECT count(*) FROM claim_groups").fetchone()[0]
    assert f"{n_facts} facts compared, 3 with conflicting figures" in out
