"""Each hostile input alone next to a good article, in a real ``quantcheck run`` process (campaign).

The fast suite runs the whole catalogue in one flow run; here every case gets its own process and
warehouse, with the full-size inputs (4 GiB gzip bombs, 100 MB single-line files), so one case cannot
hide another. Checked from outside, as a user sees it: exit status 0, the printed summary names the
skipped item and why, the ``runs`` row is completed and lists it, the good article and the case's own
good content are stored, nothing from /etc/passwd is, and the child's peak memory stays bounded.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time

import pytest

from reliability.hostile_inputs import GOOD_MARK, SECRET, Env, Hostile, catalogue, config_toml, good_source
from reliability.hostile_server import hostile_server
from reliability.processes import QUANTCHECK
from reliability.warehouse_state import query_json

BOMB = 4 << 30
PEAK_RSS_MB = 1500  # the pipeline's memory target (issue 3)
PEAK_MARK = "quantcheck-peak-kb="
# The run is started by a small Python wrapper whose only child it is: the wrapper's RUSAGE_CHILDREN is then
# the peak of this run (and what it started), not of every process this pytest process ever waited for — a
# heavy child of an earlier test in the same campaign would otherwise fail the memory check of a later one.
WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    f"sys.stderr.write('\\n{PEAK_MARK}%d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(code)\n"
)


def _param(c: Hostile):
    marks = [pytest.mark.xfail(strict=True, reason=c.bug)] if c.bug else []
    return pytest.param(c, id=c.id, marks=marks)


@pytest.fixture(scope="module")
def server():
    with hostile_server() as srv:
        yield srv


@pytest.mark.parametrize("case", [_param(c) for c in catalogue(bomb_size=BOMB)])
def test_hostile_input_alone_in_a_real_run(case: Hostile, server, env, tmp_path, cases) -> None:
    sources = [good_source(tmp_path), *case.build(Env(tmp_path, server, bomb_size=BOMB))]
    cfg = tmp_path / "c.toml"
    cfg.write_text(config_toml(sources), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    record = cases.record(f"{case.kind} (alone, real process)", case.case)
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-c", WRAPPER, QUANTCHECK, "run", "--config", str(cfg), "--db", str(db), "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out, err = proc.communicate(timeout=900)
    peak_mb = _peak_rss_mb(err)
    elapsed = time.monotonic() - started
    if proc.returncode != 0:
        last = next((ln for ln in err.splitlines() if ln.startswith("quantcheck run:")), err[-300:])
        record.observed(f"run failed: {last}", "")
        pytest.fail(f"exit {proc.returncode}: {last}\n{err[-3000:]}")
    summary = json.loads(out[out.index("{") :])
    mine = [s for s in summary["skipped"] if s["source"] != "good"]
    reasons = "; ".join(s["reason"] for s in mine)
    record.observed(
        reasons or "read, nothing skipped",
        "good article stored" + (f"; peak RSS {peak_mb} MB" if peak_mb else ""),
    )
    ((status, skipped_json),) = query_json(
        db, "SELECT status, skipped FROM runs ORDER BY run_id DESC LIMIT 1"
    )
    texts = [r[0] for r in query_json(db, "SELECT text || ' ' || coalesce(title, '') FROM documents")]
    assert status == "completed"
    assert any(GOOD_MARK in t for t in texts), "the good article was not stored"
    assert not any(SECRET in t for t in texts), "/etc/passwd reached the warehouse"
    assert not any(s["reason"].startswith("internal error") for s in mine), reasons
    if case.reason:
        assert any(re.search(case.reason, s["reason"]) for s in mine), reasons or "nothing skipped"
        assert all(
            s["reason"] in (skipped_json or "") or json.dumps(s["reason"])[1:-1] in (skipped_json or "")
            for s in mine
        ), "the runs row does not list what the summary skipped"
    for keep in case.keeps:
        assert any(keep in t for t in texts), f"{keep!r} was lost"
    assert elapsed < 600
    if peak_mb:
        assert peak_mb < PEAK_RSS_MB, f"peak memory {peak_mb} MB"


def _peak_rss_mb(err: str) -> int | None:
    """The run's peak RSS in MB, as its wrapper reported it on stderr (ru_maxrss in KB)."""
    m = re.search(re.escape(PEAK_MARK) + r"(\d+)", err)
    return int(m.group(1)) // 1024 if m and int(m.group(1)) else None
