"""Every hostile input of the catalogue through the source readers (``flows.sources.read_source``).

This is the fast, deterministic layer under the end-to-end runs: no Prefect, no warehouse, just the code
that turns a configured source into documents and "skipped: why" records. Each case must come back
without an exception, within its time budget, with a skipped reason that says what was wrong (never the
catch-all "internal error while reading", which means a reader bug lost the rest of the source), with the
case's own good content still read, and with nothing from /etc/passwd in any document.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from reliability.hostile_inputs import SECRET, Env, Hostile, catalogue, config_toml
from reliability.hostile_server import hostile_server
from reliability.recorder import case_log

from quantcheck.flows.config import build_config
from quantcheck.flows.sources import read_source

CASES = [c for c in catalogue() if not c.slow]
TIME_BUDGET = {"Slow body (slowloris)": 6.0, "Slow response headers": 6.0}  # seconds; default below
DEFAULT_BUDGET = 15.0
DTD_PATHS = ("/evil.dtd", "/p.dtd")


@pytest.fixture(scope="module")
def server():
    with hostile_server() as srv:
        yield srv


def _param(c: Hostile):
    marks = [pytest.mark.xfail(strict=True, reason=c.bug)] if c.bug else []
    return pytest.param(c, id=c.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_reader_survives(case: Hostile, tmp_path: Path, server, request: pytest.FixtureRequest) -> None:
    env = Env(tmp_path, server)
    sources = case.build(env)
    cfg_file = tmp_path / "hostile.toml"
    cfg_file.write_text(config_toml(sources), encoding="utf-8")
    cfg = build_config(str(cfg_file))
    record = case_log(request).record(f"{case.kind} (reader)", case.case)
    hits_before = len(server.hits)
    started = time.monotonic()
    results = [read_source(s, cfg.settings) for s in cfg.sources]
    elapsed = time.monotonic() - started

    skipped = [s for r in results for s in r.skipped]
    texts = [d.text + "\n" + (d.title or "") for r in results for d in r.documents]
    reasons = "; ".join(f"{s.location}: {s.reason}" for s in skipped)
    record.observed(
        "; ".join(sorted({s.reason for s in skipped})) or "read, nothing skipped",
        "; ".join(k for k in case.keeps) + " stored" if case.keeps else "",
    )

    assert not any(s.reason.startswith("internal error") for s in skipped), reasons
    if case.reason:
        assert any(re.search(case.reason, s.reason) for s in skipped), (
            f"no skipped reason matching {case.reason!r}; got: {reasons or 'nothing skipped'}"
        )
    for keep in case.keeps:
        assert any(keep in t for t in texts), f"{keep!r} was lost; skipped: {reasons}"
    assert not any(SECRET in t for t in texts), "contents of /etc/passwd were read into a document"
    new_hits = server.hits[hits_before:]
    assert not [h for h in new_hits if h in DTD_PATHS], f"the XML parser fetched an external DTD: {new_hits}"
    budget = TIME_BUDGET.get(case.kind, DEFAULT_BUDGET)
    assert elapsed < budget, f"took {elapsed:.1f} s (budget {budget} s); skipped: {reasons}"
