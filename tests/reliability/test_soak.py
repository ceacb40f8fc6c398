"""Soak: 50 *scheduled* runs of `quantcheck serve` over feeds that keep publishing; counts match exactly.

The whole production path, on loopback only: a real ``prefect server start`` (own PREFECT_HOME in tmp)
whose scheduler fires an interval deployment every ``INTERVAL`` seconds, and ``quantcheck serve --config
… --limit 2`` as a user starts it, executing each run in its own process, two at a time. The runs read a
news site (tests/reliability/news_site.py) that publishes on every fetch: new articles, old texts under
new links, syndicated copies on a mirror feed, and a window that drops old items for good. Every fifth
fetch is held until the next run fetches too, so pairs of runs hold the same new articles at the same
moment and race for the warehouse: the overlap the writer lock must serialise.

Why at least 50 and not exactly 50: the scheduler fires by the clock and the runner picks runs up on
its own poll, so no outside observer can stop the stream at exactly the 50th run without a race. The
test stops the schedule as soon as 50 runs have started (pause the deployment, remove the due runs no
one started), lets the started ones finish, then stops `quantcheck serve`. Between the observation and
the pause, at most ``LIMIT`` more runs can start (each slot is busy for more than a second), so 50 to
52 runs complete, and every assertion is exact for the number that did: one warehouse run per Prefect
run, and the warehouse holds exactly the distinct texts the site published.

What is checked afterwards:
- every run of the deployment was auto-scheduled and completed; none failed, crashed or was cancelled;
- ``runs`` has one completed row per Prefect flow run (same ids), nothing skipped, and each run's
  documents seen = added + duplicates;
- documents = the distinct texts published, as a multiset (no duplicate, no loss), and every entry the
  site sent was seen by a run;
- mentions per text = those of one clean run over the same texts in a fresh warehouse;
- overlapping runs never loaded twice: runs did overlap in Prefect (and pairs fetched the same new
  articles at once), yet their periods in the writer lock (``started_at``..``finished_at`` in ``runs``)
  never overlap, and the dedupe against stored texts inside the lock left no duplicate: the second run
  waited its turn and added only what the first had not.

Duration: about 3-4.5 minutes on 2 cores (Prefect server start ~10 s, 50 runs every 3 s at ~3-4 s of
CPU each, the reference run), hence ``make reliability`` only.
"""

from __future__ import annotations

import json
import signal
import time
from collections import Counter
from pathlib import Path

import pytest

from reliability.hostile_server import hostile_server
from reliability.news_site import NewsSite, archive_route
from reliability.processes import log_tail, quantcheck, run_env, stop_group
from reliability.scheduled_serve import DeploymentRuns, scheduling_prefect_server, start_serve
from reliability.warehouse_state import query_json

RUNS = 50
INTERVAL = 3          # seconds between scheduled runs ([settings] schedule in the config)
LIMIT = 2             # runs executed at the same time by `quantcheck serve --limit`
POLL_SECONDS = 1      # PREFECT_RUNNER_POLL_FREQUENCY: how often serve asks for due runs
PAIR_EVERY = 5        # every 5th agency fetch is held until the next run's fetch: two runs, same articles
SEED = 4242
START_BOUND = 480     # seconds for the 50 runs to start (150-220 s measured on 2 busy cores)
DEPLOYMENT = "quantcheck-pipeline/quantcheck"

MENTIONS_PER_TEXT = (
    "SELECT d.text, count(m.mention_id) FROM documents d LEFT JOIN mentions m USING (document_id) "
    "GROUP BY d.text"
)
# pairs of runs whose periods inside the writer lock overlap (must be none)
LOCK_OVERLAPS = (
    "SELECT count(*) FROM runs a JOIN runs b ON a.run_id < b.run_id "
    "AND a.started_at < b.finished_at AND b.started_at < a.finished_at"
)


def write_config(path: Path, feeds: dict[str, str], schedule: int | None = None) -> Path:
    body = "[settings]\nbatch_size = 10\nextract_processes = 1\nfetch_linked_articles = false\nretries = 0\n"
    if schedule is not None:
        body += f"schedule = {schedule}\n"
    for name, url in feeds.items():
        body += f'\n[[source]]\nname = "{name}"\nlocation = {json.dumps(url)}\nkind = "feed"\nlang = "fr"\n'
    path.write_text(body, encoding="utf-8")
    return path


def overlapping_pairs(runs: list) -> int:
    """Pairs of Prefect flow runs that were running at the same moment."""
    spans = sorted((r.start_time, r.end_time) for r in runs)
    return sum(1 for i, (_, end) in enumerate(spans) for start, _ in spans[i + 1:] if start < end)


@pytest.mark.timeout(900)
def test_soak_50_scheduled_runs_count_exactly_what_was_published(tmp_path, cases) -> None:
    site = NewsSite(SEED, pair_every=PAIR_EVERY)
    db = tmp_path / "soak.duckdb"
    serve_log = tmp_path / "serve.log"
    started = time.monotonic()
    with scheduling_prefect_server(tmp_path / "prefect-server") as api, hostile_server() as web:
        cfg = write_config(tmp_path / "soak.toml", site.mount(web), schedule=INTERVAL)
        serve = start_serve(cfg, db, api, tmp_path / "serve-home", serve_log, LIMIT, POLL_SECONDS)
        prefect = DeploymentRuns(api)
        try:
            deployment = prefect.wait_for_deployment(DEPLOYMENT, serve, serve_log, timeout=90)
            assert [s.schedule.interval.total_seconds() for s in deployment.schedules] == [INTERVAL]
            runs_seconds = prefect.wait_started(RUNS, serve, serve_log, timeout=START_BOUND)
            removed = prefect.quiesce(timeout=120)
            code = stop_group(serve, signal.SIGINT, grace=30)  # Ctrl-C, as a user stops it
            flow_runs = prefect.runs()
        finally:
            stop_group(serve, signal.SIGINT, grace=30)
            prefect.close()
        ledger = site.ledger

        # reference: one clean run over every distinct text, in one feed, in a fresh warehouse
        ref_db = tmp_path / "reference.duckdb"
        ref_cfg = write_config(tmp_path / "ref.toml", {"archive": web.add("/all.xml", archive_route(
            sorted(ledger.distinct_texts())))})
        ref = quantcheck("run", "--config", str(ref_cfg), "--db", str(ref_db), env=run_env(api), timeout=300)
        assert ref.returncode == 0, ref.stdout[-2000:] + ref.stderr[-2000:]
    elapsed = time.monotonic() - started

    completed = [r for r in flow_runs if r.state.is_completed()]
    wh_runs = query_json(db, "SELECT run_id, flow_run_id, status, documents_seen, documents_added, "
                             "documents_duplicate, skipped, mentions_added FROM runs ORDER BY run_id")
    texts = [r[0] for r in query_json(db, "SELECT text FROM documents")]
    lock_overlaps = query_json(db, LOCK_OVERLAPS)[0][0]
    overlaps = overlapping_pairs(completed)

    case = cases.record(
        "Soak: 50 scheduled runs over publishing feeds",
        f"{RUNS} runs fired by a local Prefect server's scheduler every {INTERVAL} s, executed by "
        f"`quantcheck serve --limit {LIMIT}`; feeds publish new, republished and syndicated articles",
    )
    case.observed(
        "every scheduled run completed; overlapping runs took turns in the writer lock; "
        "documents = distinct texts published",
        "exact counts: no loss, no duplicate",
    )
    print(
        f"\nsoak: {len(completed)} scheduled runs completed ({runs_seconds:.0f} s for {RUNS} to start, "
        f"{elapsed:.0f} s in all); {removed} due runs removed at stop; {len(ledger.published)} articles "
        f"published ({ledger.republished} republished, {len(ledger.syndicated)} syndicated), "
        f"{len(ledger.distinct_texts())} distinct texts, {ledger.entries_sent} feed entries sent; "
        f"{overlaps} overlapping run pairs, {ledger.pairs} pairs holding the same articles at once; "
        f"serve exit {code}"
    )

    # Prefect's side: the runs were fired by the schedule and all completed; serve stopped cleanly
    assert code == 0, f"quantcheck serve exited {code} on SIGINT:\n{log_tail(serve_log)}"
    assert all(r.state.is_final() for r in flow_runs), log_tail(serve_log)
    assert not [r for r in flow_runs if not r.state.is_completed()], [
        (r.name, r.state) for r in flow_runs if not r.state.is_completed()
    ]
    assert RUNS <= len(completed) <= RUNS + LIMIT, len(completed)
    assert all(r.auto_scheduled and r.deployment_id == deployment.id for r in completed)
    assert len({r.expected_start_time for r in completed}) == len(completed), "two runs for one schedule slot"

    # the warehouse's side: one completed run record per Prefect run, nothing skipped, all accounted for
    assert sorted(r[1] for r in wh_runs) == sorted(str(r.id) for r in completed), "runs do not match Prefect"
    assert [r[2] for r in wh_runs] == ["completed"] * len(completed)
    assert all(json.loads(r[6] or "[]") == [] for r in wh_runs), [r[6] for r in wh_runs if r[6] != "[]"]
    assert all(r[3] == r[4] + r[5] for r in wh_runs), "a run saw documents it neither added nor deduplicated"
    assert sum(r[3] for r in wh_runs) == ledger.entries_sent, "a feed entry sent was not seen by any run"
    assert ledger.fetches == {"agence": len(completed), "miroir": len(completed)}, ledger.fetches

    # no loss, no duplicate: the documents are exactly the distinct texts published
    assert ledger.texts_sent == ledger.distinct_texts()
    assert Counter(texts) == Counter(ledger.distinct_texts()), "documents differ from the texts published"
    assert sum(r[4] for r in wh_runs) == len(ledger.distinct_texts())
    assert ledger.republished and ledger.syndicated, "no duplicate was published: dedupe not exercised"
    mentions = dict(query_json(db, MENTIONS_PER_TEXT))
    assert mentions == dict(query_json(ref_db, MENTIONS_PER_TEXT)), "mentions differ from a clean run"
    assert sum(r[7] for r in wh_runs) == sum(mentions.values()) > 0

    # overlapping scheduled runs: they ran at the same time, yet took turns in the writer
    assert overlaps > 0, "no two runs overlapped: the writer lock was not exercised"
    assert ledger.pairs >= 1, "no two runs fetched the same new articles at once: double load not exercised"
    assert lock_overlaps == 0, f"{lock_overlaps} pairs of runs wrote the warehouse at the same time"
