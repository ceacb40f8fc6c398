"""Soak: 50 runs of the real flow over feeds that keep publishing new, repeated and syndicated articles.

A news site on 127.0.0.1 publishes between zero and three articles before each run, shows only its
latest eight (so articles drop out of the feed and are never seen again, like a real RSS window),
sometimes republishes an old text under a new link, and a second "mirror" feed syndicates some of the
same texts under other URLs. The server records every text it actually served. After 50 runs: exactly
one document per distinct text served, every run completed, the sum of ``documents_added`` equals that
number, no content hash twice, and the mention count equals that of one clean run over the same texts.
Bounded: 50 runs, loopback only, a fixed seed.
"""

from __future__ import annotations

import json
import random
import threading
import time
from pathlib import Path

from reliability.hostile_server import hostile_server, send
from reliability.warehouse_state import fingerprint, query_json

RUNS = 50
WINDOW = 8
SEED = 4242


class NewsSite:
    """The publishing side: a list of (id, text), feeds rendered on request, texts served recorded."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.items: list[tuple[int, str]] = []
        self.mirror: list[tuple[int, str]] = []
        self.served: set[str] = set()
        self.lock = threading.Lock()
        self.next_id = 0

    def article(self) -> str:
        i = self.next_id
        return (
            f"Dépêche {i} : selon le ministère, {1000 + 7 * i} personnes ont été évacuées et "
            f"{20 + i % 13} km de routes fermés ; le coût est estimé à {3 + i % 9},{i % 10} millions d'euros."
        )

    def publish_round(self) -> None:
        with self.lock:
            for _ in range(self.rng.randint(0, 3)):
                self.items.append((self.next_id, self.article()))
                self.next_id += 1
            if self.items and self.rng.random() < 0.3:  # an old text again, under a new link
                _, text = self.rng.choice(self.items)
                self.items.append((self.next_id, text))
                self.next_id += 1
            if self.items and self.rng.random() < 0.5:  # syndication: same text, other site
                self.mirror = (self.mirror + [self.rng.choice(self.items[-WINDOW:])])[-WINDOW:]

    def feed(self, items: list[tuple[int, str]], site: str) -> bytes:
        entries = "".join(
            f"<item><title>Dépêche {i}</title><link>http://{site}.example/{i}</link>"
            f"<guid>{site}-{i}</guid><description>{text}</description></item>"
            for i, text in items
        )
        with self.lock:
            self.served.update(text for _, text in items)
        return (
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{site}</title>'
            f"<link>http://{site}.example/</link><description>d</description><language>fr</language>"
            f"{entries}</channel></rss>"
        ).encode()

    def routes(self):
        def main(h):
            with self.lock:
                items = list(self.items[-WINDOW:])
            send(h, 200, self.feed(items, "agence"), "application/rss+xml")

        def mirror(h):
            with self.lock:
                items = list(self.mirror)
            send(h, 200, self.feed(items, "miroir"), "application/rss+xml")

        return main, mirror


def write_config(path: Path, feeds: dict[str, str]) -> Path:
    body = "[settings]\nbatch_size = 10\nextract_processes = 1\nfetch_linked_articles = false\nretries = 0\n"
    for name, url in feeds.items():
        body += f'\n[[source]]\nname = "{name}"\nlocation = {json.dumps(url)}\nkind = "feed"\nlang = "fr"\n'
    path.write_text(body, encoding="utf-8")
    return path


def test_soak_50_runs_count_exactly_what_was_published(tmp_path, prefect_harness, cases) -> None:
    from flows.pipeline import quantcheck_pipeline

    rng = random.Random(SEED)
    site = NewsSite(rng)
    db = tmp_path / "soak.duckdb"
    started = time.monotonic()
    with hostile_server() as server:
        main, mirror = site.routes()
        cfg = write_config(
            tmp_path / "soak.toml",
            {"agence": server.add("/rss.xml", main), "miroir": server.add("/mirror.xml", mirror)},
        )
        for _ in range(RUNS):
            site.publish_round()
            summary = quantcheck_pipeline(config_path=str(cfg), db=str(db))
            assert not summary["skipped"], summary["skipped"]
        served = set(site.served)

        # Reference: one clean run over every text ever served, in one feed, in a fresh warehouse.
        everything = [(i, t) for i, t in enumerate(sorted(served))]
        server.add("/all.xml", lambda h: send(h, 200, site.feed(everything, "tout"), "application/rss+xml"))
        ref_db = tmp_path / "reference.duckdb"
        quantcheck_pipeline(
            config_path=str(write_config(tmp_path / "ref.toml", {"tout": server.url("/all.xml")})),
            db=str(ref_db),
        )
    elapsed = time.monotonic() - started

    runs = query_json(db, "SELECT status, documents_added FROM runs ORDER BY run_id")
    rows = fingerprint(db).rows()
    dup = query_json(db, "SELECT count(*) - count(DISTINCT content_hash) FROM documents")[0][0]
    case = cases.record(
        "Soak: 50 scheduled runs over publishing feeds",
        f"{RUNS} runs, {site.next_id} items published, {len(served)} distinct texts",
    )
    case.observed(
        f"{len(runs)} runs completed in {elapsed:.0f} s; documents = distinct texts served",
        "exact counts: no loss, no duplicate",
    )
    assert [r[0] for r in runs] == ["completed"] * RUNS
    assert rows["documents"] == len(served), (rows, len(served))
    assert sum(r[1] for r in runs) == len(served)
    assert dup == 0
    assert rows["mentions"] == fingerprint(ref_db).rows()["mentions"], "mentions differ from a clean run"
    assert site.next_id > len(served), "the soak published no duplicate: it does not test dedupe"
