"""The fact-checker's outputs on the sample corpus: `quantcheck conflicts`, the report command's errors,
and ClaimReview JSON-LD export (the report page itself: tests/test_view_report.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from test_checks_reference import REFERENCE_CSV
from test_checks_support import copy_warehouse, sample_warehouse

from quantcheck.flows.cli import main


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_warehouse(tmp_path_factory.getbasetemp())


def test_conflicts_command_text(db: Path, capsys) -> None:
    assert main(["conflicts", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("5 conflicts\n")
    assert "troops deployed · 31 Dec 2021 – 2 Jan 2022" in out and "“175,000”" in out
    assert "As many as 100,000 Russian troops" in out and "174,500–175,500" in out
    assert "Kyiv Courier" in out and "(kyiv-courier)" not in out   # the outlet, once
    assert "https://kyivcourier.example/news/2022/01/02/russia-troops-border" in out


def test_conflicts_command_json_and_csv(db: Path, capsys) -> None:
    assert main(["conflicts", "--db", str(db), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 5 and {"source_a", "surface_b", "reason", "relative_difference"} <= set(rows[0])
    troops = [r for r in rows if r["subject"] == "troops deployed"][0]
    assert troops["si_high_a"] in ("inf", 100000.0001) or troops["si_high_b"] in ("inf", 100000.0001)
    assert main(["conflicts", "--db", str(db), "--format", "csv", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("fact_id,kind,subject,source_a") and len(lines) == 3


def test_conflicts_command_without_warehouse(tmp_path: Path, capsys) -> None:
    assert main(["conflicts", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no warehouse" in capsys.readouterr().err


def test_report_escapes_article_text() -> None:
    from quantcheck.checks.report import render_report

    row = {"fact_id": "F1", "kind": "troops", "subject": "deploy", "n_sources": 2, "n_conflicts": 0,
           "first_published": None, "last_published": None, "claim_id": "c1", "source": "<b>evil</b>",
           "url": "https://x.example/?a=1&b=<2>", "title": "t", "published": None, "surface": "100",
           "sentence": "<script>alert(1)</script>", "qualifier": "exact", "si_nominal": 100.0, "si_low": 99.0,
           "si_high": 101.0, "si_unit": "", "converted_from": None, "conflicting": False,
           "fact_label": "<i>troops</i> deployed", "display_unit": "", "display_factor": 1.0,
           "display_offset": 0.0, "measured": "troops deployed", "publisher": "<u>pub</u>", "lang": "en",
           "n_publishers": 1}
    page = render_report([row, dict(row, claim_id="c2")], [])
    assert "<script>alert" not in page and "&lt;script&gt;" in page and "&lt;b&gt;evil" in page
    assert "&lt;i&gt;troops" in page and "&lt;u&gt;pub" in page and "<u>" not in page


def test_report_command_without_warehouse(tmp_path: Path, capsys) -> None:
    assert main(["report", "--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "r.html")]) == 2
    assert not (tmp_path / "r.html").exists()


def test_claimreview_export(db: Path, tmp_path: Path, capsys) -> None:
    copy = copy_warehouse(db, tmp_path)
    facts = tmp_path / "facts.csv"
    facts.write_text(REFERENCE_CSV, encoding="utf-8")
    assert main(["reference", "load", str(facts), "--db", str(copy)]) == 0
    # the report shows each fact's reference figure and which claims contradict it
    page_path = tmp_path / "report.html"
    assert main(["report", "--db", str(copy), "--out", str(page_path)]) == 0
    page = page_path.read_text(encoding="utf-8")
    assert ("Reference figure: <b>100,000–120,000</b> (Pentagon, as of 30 Dec 2021) for “Russian troops "
            "massed at the Ukrainian border” — 1 claim inconsistent with it.") in page
    assert page.count("inconsistent with the reference figure") == 3
    assert "<dt>Against references</dt><dd>3<small>of 11 claims checked" in page
    out = tmp_path / "reviews.json"
    assert main(["export", "claimreview", "--db", str(copy), "--out", str(out)]) == 0
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert len(reviews) >= 8
    assert all(r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview" for r in reviews)
    kyiv = [r for r in reviews if r["itemReviewed"]["author"]["name"] == "Kyiv Courier"]
    assert kyiv and kyiv[0]["reviewRating"]["ratingValue"] == 1
    assert kyiv[0]["itemReviewed"]["appearance"]["url"].startswith("https://kyivcourier.example/")
    assert "Pentagon" in kyiv[0]["reviewBody"] and "inconsistent" in kyiv[0]["reviewBody"]
    # deterministic: a second export is byte-identical
    out2 = tmp_path / "reviews2.json"
    assert main(["export", "claimreview", "--db", str(copy), "--out", str(out2)]) == 0
    assert out.read_bytes() == out2.read_bytes()
    # datePublished is the day the review is made (today unless --date), not the reference's as-of date
    assert {r["datePublished"] for r in reviews} == {date.today().isoformat()}
    capsys.readouterr()
    assert main(["export", "claimreview", "--db", str(copy), "--date", "2026-01-05"]) == 0
    dated = json.loads(capsys.readouterr().out)
    assert {r["datePublished"] for r in dated} == {"2026-01-05"}
    assert "(Pentagon, as of 2021-12-30)" in kyiv[0]["reviewBody"]
