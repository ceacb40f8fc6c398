"""Pathological documents in a real ``quantcheck run`` (campaign, issue 14, defect 4).

A megabyte of each shape that used to be quadratic, next to a good article, in its own run: the run must
complete, store the document and the good article, and extract the shape within its budget (the default
``extract_budget``, 30 CPU seconds per million characters, is never reached: the shapes are linear now;
before, the German shape alone needed hours). A second case gives a megabyte of ordinary news a tiny
budget: the run completes, the document is stored with what was found, and the rest is listed as
skipped with the position reached.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from reliability.hostile_inputs import GOOD_MARK, config_toml, good_source
from reliability.hostile_inputs import Source as ConfigSource
from reliability.processes import quantcheck
from reliability.warehouse_state import query_json

MB = 1_000_000
SHAPES = {
    "German number words ending in a partial one": ("fünfzigtausend ", "fünfz"),
    "a country and a same-named currency in one 1 MB sentence": ("En Argentina 1.150 pesos, ", ""),
}
NEWS = (
    "Selon la préfecture, 12 500 manifestants ont défilé samedi sur 3 km. "
    "Les organisateurs en comptaient 30 000 et 300 policiers étaient mobilisés. "
)


def _write(path: Path, unit: str, tail: str = "") -> Path:
    path.write_text(unit * ((MB - len(tail)) // len(unit)) + tail, encoding="utf-8")
    return path


def _run(tmp_path: Path, env: dict, sources: list, **settings) -> tuple[dict, float, Path]:
    cfg = tmp_path / "c.toml"
    cfg.write_text(config_toml(sources, settings), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    started = time.monotonic()
    proc = quantcheck("run", "--config", str(cfg), "--db", str(db), "--json", env=env, timeout=900)
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout[proc.stdout.index("{"):]), elapsed, db


@pytest.mark.parametrize("name", list(SHAPES))
def test_a_megabyte_of_a_once_quadratic_shape(name: str, tmp_path: Path, env, cases) -> None:
    unit, tail = SHAPES[name]
    record = cases.record("Pathological documents (1 MB, formerly quadratic)", name)
    path = _write(tmp_path / "shape.txt", unit, tail)
    summary, elapsed, db = _run(tmp_path, env, [good_source(tmp_path), ConfigSource("shape", str(path))])
    mine = [s["reason"] for s in summary["skipped"] if s["source"] == "shape"]
    record.observed(
        f"run completed; {summary['mentions_added']:,} mentions; " + ("; ".join(mine) or "nothing skipped"),
        "document and good article stored",
    )
    assert not mine, mine
    texts = [r[0] for r in query_json(db, "SELECT text FROM documents")]
    assert any(GOOD_MARK in t for t in texts) and any(len(t) > MB // 2 for t in texts)
    assert elapsed < 300, f"{elapsed:.0f} s"


def test_a_document_over_its_extraction_budget(tmp_path: Path, env, cases) -> None:
    record = cases.record("Pathological documents (1 MB, formerly quadratic)",
                          "1 MB of news with extract_budget = 0.01 s per million characters")
    path = _write(tmp_path / "news.txt", NEWS)
    summary, _, db = _run(tmp_path, env, [good_source(tmp_path), ConfigSource("news", str(path))],
                          extract_budget=0.01)
    mine = [s["reason"] for s in summary["skipped"] if s["source"] == "news"]
    record.observed("; ".join(mine), "document stored with the mentions found before the stop")
    assert len(mine) == 1 and mine[0].startswith("extraction stopped after 0.01 s of CPU"), mine
    ((docs, mentions),) = query_json(
        db, "SELECT count(*), (SELECT count(*) FROM mentions m JOIN documents d USING (document_id) "
            "WHERE length(d.text) > 500000) FROM documents")
    assert docs == 2
    assert 0 < mentions < 20_000, mentions  # the whole megabyte holds 27,776
