"""One real flow run over every hostile input at once, next to a good article (``make test`` part).

The whole catalogue (tests/reliability/hostile_inputs.py, except the 100 MB files kept for the campaign)
becomes sources of ONE run of the real Prefect flow into a real DuckDB file, with the hostile HTTP server
on 127.0.0.1. The run must complete; the good article must be stored; each hostile source must appear
in the run's record (``runs.skipped``) with a reason that says what was wrong; nothing of /etc/passwd may
reach the warehouse. Cases whose known bug takes the whole run down are run alone (strict xfail), so the
combined run still proves everything else. The campaign (``make reliability``) repeats every case alone,
in a real ``quantcheck run`` process.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from reliability.hostile_inputs import (
    GOOD_MARK,
    SECRET,
    Env,
    Hostile,
    catalogue,
    config_toml,
    good_source,
)
from reliability.hostile_server import hostile_server
from reliability.recorder import case_log
from reliability.warehouse_state import query_json

# Known bugs that fail the whole run (not just their own source): run alone, not in the combined run.
RUN_KILLERS = {"Lone surrogates"}
CASES = [c for c in catalogue() if not c.slow]
COMBINED = [c for c in CASES if c.kind not in RUN_KILLERS]
ALONE = [c for c in CASES if c.kind in RUN_KILLERS]


def run_flow(config: Path, db: Path) -> dict:
    from quantcheck.flows.pipeline import quantcheck_pipeline

    return quantcheck_pipeline(config_path=str(config), db=str(db))


@pytest.fixture(scope="module")
def combined_run(tmp_path_factory: pytest.TempPathFactory, prefect_harness):
    """Build every case, run the flow once, return what the warehouse says about it."""
    root = tmp_path_factory.mktemp("hostile")
    with hostile_server() as server:
        env = Env(root, server)
        good = good_source(root)
        per_case: dict[str, list[str]] = {}
        sources = [good]
        for i, case in enumerate(COMBINED):
            built = case.build(env)
            for s in built:
                s.name = f"h{i:02d}-{s.name}"
            per_case[case.id] = [s.name for s in built]
            sources += built
        config = root / "hostile.toml"
        config.write_text(config_toml(sources), encoding="utf-8")
        db = root / "w.duckdb"
        error = None
        try:
            summary = run_flow(config, db)
        except Exception as exc:  # the run itself failing is what the tests below report
            summary, error = None, exc
        hits = list(server.hits)
    state = {"db": db, "summary": summary, "error": error, "per_case": per_case, "hits": hits}
    if db.exists():
        (run,) = query_json(
            db, "SELECT status, skipped, documents_added FROM runs ORDER BY run_id DESC LIMIT 1"
        )
        state["status"], state["skipped"] = run[0], json.loads(run[1] or "[]")
        state["texts"] = [
            r[0] for r in query_json(db, "SELECT text || ' ' || coalesce(title, '') FROM documents")
        ]
    return state


def test_combined_run_completes_and_keeps_the_good_article(combined_run, request) -> None:
    case = case_log(request).record(
        "All hostile inputs in one run", f"{len(COMBINED)} hostile cases + 1 good"
    )
    assert combined_run["error"] is None, f"the run failed: {combined_run['error']!r}"
    assert combined_run["status"] == "completed"
    assert any(GOOD_MARK in t for t in combined_run["texts"]), "the good article was not stored"
    assert not any(SECRET in t for t in combined_run["texts"]), "/etc/passwd reached the warehouse"
    internal = [s for s in combined_run["skipped"] if str(s.get("reason", "")).startswith("internal error")]
    case.observed(
        f"run completed; {len(combined_run['skipped'])} items skipped with reasons", "good article stored"
    )
    assert len(internal) <= sum(1 for c in COMBINED if c.bug), internal


def _param(c: Hostile):
    marks = [pytest.mark.xfail(strict=True, reason=c.bug)] if c.bug else []
    return pytest.param(c, id=c.id, marks=marks)


def _skipped_for(state: dict, names: list[str]) -> list[dict]:
    return [s for s in state["skipped"] if s.get("source") in names]


@pytest.mark.parametrize("case", [_param(c) for c in COMBINED])
def test_each_hostile_input_is_recorded_in_runs(case: Hostile, combined_run, request) -> None:
    record = case_log(request).record(case.kind, case.case)
    assert combined_run["error"] is None, f"the run failed: {combined_run['error']!r}"
    names = combined_run["per_case"][case.id]
    mine = _skipped_for(combined_run, names)
    reasons = "; ".join(str(s.get("reason")) for s in mine)
    record.observed(
        reasons or "read, nothing skipped",
        "good article stored" + ("; " + ", ".join(case.keeps) + " stored" if case.keeps else ""),
    )
    assert not any(str(s.get("reason", "")).startswith("internal error") for s in mine), reasons
    if case.reason:
        assert any(re.search(case.reason, str(s.get("reason", ""))) for s in mine), (
            f"runs.skipped has no reason matching {case.reason!r} for {names}: {reasons or 'nothing'}"
        )
    for keep in case.keeps:
        assert any(keep in t for t in combined_run["texts"]), f"{keep!r} was lost; skipped: {reasons}"
    assert not [h for h in combined_run["hits"] if h in ("/evil.dtd", "/p.dtd")], (
        "an external DTD was fetched"
    )


@pytest.mark.parametrize("case", [_param(c) for c in ALONE])
def test_run_killing_input_alone(case: Hostile, tmp_path: Path, prefect_harness, request) -> None:
    """These inputs, next to a good article: the run must complete and keep the good article."""
    record = case_log(request).record(case.kind, case.case + " (alone with a good article)")
    with hostile_server() as server:
        sources = [good_source(tmp_path), *case.build(Env(tmp_path, server))]
        config = tmp_path / "c.toml"
        config.write_text(config_toml(sources), encoding="utf-8")
        db = tmp_path / "w.duckdb"
        try:
            summary = run_flow(config, db)
        except Exception as exc:
            record.observed(f"run failed: {type(exc).__name__}: {exc}", "")
            raise
    reasons = "; ".join(s["reason"] for s in summary["skipped"])
    record.observed(reasons or "read, nothing skipped", "good article stored")
    texts = [r[0] for r in query_json(db, "SELECT text FROM documents")]
    assert any(GOOD_MARK in t for t in texts)
    for keep in case.keeps:
        assert any(keep in t for t in texts), f"{keep!r} lost"
    if case.reason:
        assert re.search(case.reason, reasons), reasons
