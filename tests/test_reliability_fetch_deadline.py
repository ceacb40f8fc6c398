"""A download's deadline covers the response headers, and sources and runs have time budgets (issue 14,
defect 3). Real HTTP on 127.0.0.1, a server that trickles its headers one byte at a time.

Used to: with ``deadline = 5``, ``read_timeout = 2``, ``retries = 1`` a fetch took 120 s and then said it
exceeded the 5 s deadline (checked only between body chunks); a feed of 50 such links held a source for
hours. Now each attempt ends at its deadline whatever the server does, retries and linked articles stop
when the source's (``source_budget``) or the run's (``run_budget``) time budget is spent, and the
message says which limit ended it.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest
from reliability import hostile_server as hs

from quantcheck.flows.budget import TimeBudget
from quantcheck.flows.config import ConfigError, Settings, SourceConfig, parse_settings
from quantcheck.flows.deadline import DeadlineTransport, _DeadlineBackend
from quantcheck.flows.fetch import FetchError, fetch, make_client
from quantcheck.flows.sources import read_source

FAST = Settings(deadline=1.0, read_timeout=0.5, connect_timeout=1.0, retries=1, backoff=0.05,
                max_bytes=1_000_000)


@pytest.fixture(scope="module")
def server():
    with hs.hostile_server() as srv:
        yield srv


def test_the_deadline_covers_trickled_headers_and_each_retry(server) -> None:
    url = server.add("/trickle-a.html", hs.trickle_headers(0.05, 8.0))
    started = time.monotonic()
    with pytest.raises(FetchError) as err:
        fetch(url, FAST)
    elapsed = time.monotonic() - started
    assert elapsed < 3.0, f"two attempts of 1 s took {elapsed:.1f} s"
    assert str(err.value) == ("download exceeded the 1 s deadline (while waiting for the response headers) "
                              "(after 2 attempts)")


def test_a_slow_body_is_cut_at_the_deadline_too(server) -> None:
    url = server.add("/drip.html", hs.drip(b"x" * 10_000, interval=0.05, give_up_after=8.0))
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"1 s deadline \(while reading the body\)"):
        fetch(url, replace(FAST, retries=0))
    assert time.monotonic() - started < 2.0


def test_a_source_stops_downloading_when_its_budget_is_spent(server, tmp_path: Path) -> None:
    items = "".join(
        f"<item><title>T{i}</title><link>{server.url(f'/slow-{i}.html')}</link>"
        f"<description>Environ {i + 2} 000 soldats.</description></item>"
        for i in range(8)
    )
    for i in range(8):
        server.add(f"/slow-{i}.html", hs.trickle_headers(0.05, 8.0))
    feed = server.add("/budget.rss", hs.static(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{items}</channel></rss>',
        "application/rss+xml"))
    settings = replace(FAST, retries=0, source_budget=2.5)
    started = time.monotonic()
    result = read_source(SourceConfig("budget", "feed", feed), settings)
    elapsed = time.monotonic() - started
    assert elapsed < 4.0, f"the source read for {elapsed:.1f} s with a 2.5 s budget"
    assert len(result.documents) == 8, "every feed summary is kept"
    reasons = [s.reason for s in result.skipped]
    assert any("the source's time budget (source_budget = 2.5 s) is spent" in r for r in reasons), reasons


def test_the_run_budget_bounds_every_source(server) -> None:
    url = server.add("/trickle-run.html", hs.trickle_headers(0.05, 8.0))
    budget = TimeBudget.starting_now(1.5, "the run's time budget (run_budget = 1.5 s)")
    settings = replace(FAST, deadline=30.0, read_timeout=5.0, retries=3)
    started = time.monotonic()
    result = read_source(SourceConfig("run-budget", "url", url), settings, budget)
    assert time.monotonic() - started < 2.5
    (skipped,) = result.skipped
    assert "the run's time budget (run_budget = 1.5 s) is spent" in skipped.reason


def test_budgets_are_settings_with_defaults() -> None:
    assert Settings().source_budget > 0 and Settings().run_budget > Settings().source_budget
    assert parse_settings({"source_budget": 0, "run_budget": 120}, "c.toml").run_budget == 120
    with pytest.raises(ConfigError, match="source_budget must be >= 0"):
        parse_settings({"source_budget": -1}, "c.toml")


def test_the_client_uses_the_deadline_transport() -> None:
    client = make_client(FAST)
    try:
        transport = client._transport
        assert isinstance(transport, DeadlineTransport)
        assert isinstance(transport._pool._network_backend, _DeadlineBackend)
    finally:
        client.close()
