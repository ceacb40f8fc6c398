"""The fact-checker's outputs on the sample corpus: `quantcheck conflicts`, the static HTML report
(rendered in real headless Chromium, screenshot checked for the plot), and ClaimReview JSON-LD export."""

from __future__ import annotations

import html.parser
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from test_checks_reference import REFERENCE_CSV
from test_checks_support import copy_warehouse, count_colour, sample_warehouse

from checks.report import AGREE_COLOUR, CONFLICT_COLOUR
from flows.cli import main

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_warehouse(tmp_path_factory.getbasetemp())


def test_conflicts_command_text(db: Path, capsys) -> None:
    assert main(["conflicts", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("5 conflict(s)")
    assert "soldiers deployed" in out and "'175,000'" in out and "As many as 100,000 Russian troops" in out
    assert "https://kyivcourier.example/news/2022/01/02/russia-troops-border" in out


def test_conflicts_command_json_and_csv(db: Path, capsys) -> None:
    assert main(["conflicts", "--db", str(db), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 5 and {"source_a", "surface_b", "reason", "relative_difference"} <= set(rows[0])
    troops = [r for r in rows if r["subject"] == "soldiers deployed"][0]
    assert troops["si_high_a"] in ("inf", 100000.0001) or troops["si_high_b"] in ("inf", 100000.0001)
    assert main(["conflicts", "--db", str(db), "--format", "csv", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("fact_id,kind,subject,source_a") and len(lines) == 3


def test_conflicts_command_without_warehouse(tmp_path: Path, capsys) -> None:
    assert main(["conflicts", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no warehouse" in capsys.readouterr().err


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def report(db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", "--db", str(db), "--out", str(out)]) == 0
    return out


def test_report_is_self_contained_with_one_section_per_fact(report: Path, db: Path) -> None:
    page = report.read_text(encoding="utf-8")
    parser = _Collector()
    parser.feed(page)
    tags = parser.tags
    sections = [a for t, a in tags if t == "section"]
    import duckdb
    with duckdb.connect(str(db), read_only=True) as con:
        n_facts = con.execute("SELECT count(*) FROM claim_groups").fetchone()[0]
    assert len(sections) == n_facts >= 10
    assert sum("has-conflict" in a.get("class", "") for a in sections) == 3   # troops, area, relief
    # no external assets: no script, stylesheet link, image or remote URL other than article links
    assert not [t for t, a in tags if t in ("script", "link", "img", "iframe")]
    assert all(a.get("href", "").startswith("https://") for t, a in tags if t == "a")
    assert page.count("<svg") == n_facts
    assert "Pas moins de 100 000 soldats russes sont restés amassés à la frontière ukrainienne" in page
    assert f'fill="{CONFLICT_COLOUR}"' in page and f'fill="{AGREE_COLOUR}"' in page


def test_report_escapes_article_text(tmp_path: Path) -> None:
    from checks.report import render_report

    row = {"fact_id": "F1", "kind": "troops", "subject": "deploy", "n_sources": 2, "n_conflicts": 0,
           "first_published": None, "last_published": None, "claim_id": "c1", "source": "<b>evil</b>",
           "url": "https://x.example/?a=1&b=<2>", "title": "t", "published": None, "surface": "100",
           "sentence": "<script>alert(1)</script>", "qualifier": "exact", "si_nominal": 100.0, "si_low": 99.0,
           "si_high": 101.0, "si_unit": "", "converted_from": None, "conflicting": False}
    page = render_report([row, dict(row, claim_id="c2")], [])
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;evil" in page


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_report_renders_the_interval_plot_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium not installed (Debian package `chromium`): "
                    "the screenshot check needs a real browser")
    png = tmp_path / "report.png"
    proc = subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}",
         "--window-size=1200,900", report.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert png.is_file(), f"no screenshot: {proc.returncode} {proc.stderr[-2000:]}"
    # The first section is the troops fact (conflicts first, most sources): its plot sits in the top
    # half of the page, right of the source labels; red = conflicting intervals, blue = agreeing ones.
    plot_box = (250, 180, 1000, 450)
    red = count_colour(png, (0xD6, 0x27, 0x28), plot_box)
    blue = count_colour(png, (0x1F, 0x77, 0xB4), plot_box)
    assert red > 500, f"conflict bars not visible ({red} red pixels)"
    assert blue > 1500, f"agreeing bars not visible ({blue} blue pixels)"
    # and nothing is drawn in the left margin where no plot belongs
    assert count_colour(png, (0x1F, 0x77, 0xB4), (0, 180, 60, 450)) == 0


def test_report_command_without_warehouse(tmp_path: Path, capsys) -> None:
    assert main(["report", "--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "r.html")]) == 2
    assert not (tmp_path / "r.html").exists()


def test_claimreview_export(db: Path, tmp_path: Path) -> None:
    copy = copy_warehouse(db, tmp_path)
    facts = tmp_path / "facts.csv"
    facts.write_text(REFERENCE_CSV, encoding="utf-8")
    assert main(["reference", "load", str(facts), "--db", str(copy)]) == 0
    out = tmp_path / "reviews.json"
    assert main(["export", "claimreview", "--db", str(copy), "--out", str(out)]) == 0
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert len(reviews) >= 8
    assert all(r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview" for r in reviews)
    kyiv = [r for r in reviews if r["itemReviewed"]["author"]["name"] == "kyiv-courier"]
    assert kyiv and kyiv[0]["reviewRating"]["ratingValue"] == 1
    assert kyiv[0]["itemReviewed"]["appearance"]["url"].startswith("https://kyivcourier.example/")
    assert "Pentagon" in kyiv[0]["reviewBody"] and "inconsistent" in kyiv[0]["reviewBody"]
    # deterministic: a second export is byte-identical
    out2 = tmp_path / "reviews2.json"
    assert main(["export", "claimreview", "--db", str(copy), "--out", str(out2)]) == 0
    assert out.read_bytes() == out2.read_bytes()
