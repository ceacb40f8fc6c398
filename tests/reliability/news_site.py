"""A news site on 127.0.0.1 that keeps publishing while it is read, with a ledger of what it published.

The soak test points scheduled runs at two RSS feeds served from here:

- the agency feed (``/rss.xml``): every fetch first publishes a round (zero to three new articles;
  sometimes an old text again under a new link), then returns the latest ``window`` items, so items
  drop out of the feed and are never offered again, as in a real RSS window;
- the mirror feed (``/mirror.xml``): syndicated copies of agency texts under the mirror's own URLs.

The ledger is what the assertions compare the warehouse with: every article published (number, text,
link), every entry actually sent (counted after the response was written, so an aborted response does
not count), and the republished and syndicated copies. One ``random.Random(seed)`` drives publication,
consumed under a lock in the order fetches arrive, so a given number of fetches always publishes the
same articles.

Overlap on purpose: every ``pair_every``-th agency fetch is held until the next agency fetch arrives (at
most ``pair_timeout`` seconds), then both are answered. Each run fetches the agency feed once, so a
released pair is two runs holding the same new articles at the same moment, both heading for the writer:
the exact case the warehouse lock must turn into "the second waits and adds nothing twice". The ledger
counts the pairs released by a second run (``pairs``), so the test knows the case really happened.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from xml.sax.saxutils import escape

from reliability.hostile_server import HostileServer, send


@dataclass(frozen=True)
class Item:
    number: int
    text: str
    link: str


@dataclass
class Ledger:
    """Everything the site published and sent; read by the test once the runs have stopped."""

    published: list[Item] = field(default_factory=list)    # agency items, republished texts included
    syndicated: list[Item] = field(default_factory=list)   # mirror copies (same text, other link)
    republished: int = 0                                   # agency items repeating an older text
    pairs: int = 0                                         # held fetches released by another run's fetch
    fetches: dict[str, int] = field(default_factory=dict)  # responses sent, per feed
    entries_sent: int = 0                                  # feed entries in those responses
    texts_sent: set[str] = field(default_factory=set)

    def distinct_texts(self) -> set[str]:
        return {i.text for i in self.published}


def article(i: int) -> str:
    """A short French dispatch with a few quantities; numbered, so every new article is a new text."""
    return (
        f"Dépêche {i} : selon le ministère, {1000 + 7 * i} personnes ont été évacuées et "
        f"{20 + i % 13} km de routes fermés ; le coût est estimé à {3 + i % 9},{i % 10} millions d'euros."
    )


def rss(items: list[Item], site: str) -> bytes:
    entries = "".join(
        f"<item><title>Dépêche {i.number}</title><link>{escape(i.link)}</link>"
        f"<guid>{escape(i.link)}</guid><description>{escape(i.text)}</description></item>"
        for i in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{site}</title>'
        f"<link>http://{site}.example/</link><description>{site}</description><language>fr</language>"
        f"{entries}</channel></rss>"
    ).encode()


class NewsSite:
    """The publishing side. ``mount(server)`` adds both feeds and returns their URLs."""

    def __init__(self, seed: int, window: int = 8, pair_every: int = 5, pair_timeout: float = 12.0) -> None:
        self.rng = random.Random(seed)
        self.window = window
        self.pair_every = pair_every
        self.pair_timeout = pair_timeout
        self.ledger = Ledger()
        self.mirror: list[Item] = []
        self.lock = threading.Lock()
        self.arrived = threading.Condition(self.lock)  # signalled on every agency fetch
        self.agency_requests = 0
        # the site has news before the first run: one article, already syndicated (an empty feed would
        # rightly be recorded as skipped by a run that reads the mirror before the agency's first round)
        first = Item(0, article(0), "http://agence.example/0")
        self.ledger.published.append(first)
        self.syndicate(first)

    def publish_round(self) -> None:
        """Called under the lock on each agency fetch: new articles, maybe a repeat, maybe syndication."""
        led = self.ledger
        for _ in range(self.rng.randint(0, 3)):
            n = len(led.published)
            led.published.append(Item(n, article(n), f"http://agence.example/{n}"))
        if self.rng.random() < 0.3:  # an old text again, under a new link
            n, old = len(led.published), self.rng.choice(led.published)
            led.published.append(Item(n, old.text, f"http://agence.example/{n}"))
            led.republished += 1
        if self.rng.random() < 0.5:  # syndication: same text, the mirror's own link
            self.syndicate(self.rng.choice(led.published[-self.window:]))

    def syndicate(self, src: Item) -> None:
        copy = Item(src.number, src.text, f"http://miroir.example/{src.number}-{len(self.ledger.syndicated)}")
        self.ledger.syndicated.append(copy)
        self.mirror = (self.mirror + [copy])[-self.window:]

    def _respond(self, h: BaseHTTPRequestHandler, feed: str, items: list[Item], body: bytes) -> None:
        send(h, 200, body, "application/rss+xml; charset=utf-8")
        with self.lock:  # only what was fully written counts as sent
            self.ledger.fetches[feed] = self.ledger.fetches.get(feed, 0) + 1
            self.ledger.entries_sent += len(items)
            self.ledger.texts_sent.update(i.text for i in items)

    def agency(self, h: BaseHTTPRequestHandler) -> None:
        with self.arrived:
            self.publish_round()
            items = list(self.ledger.published[-self.window:])
            n = self.agency_requests
            self.agency_requests += 1
            self.arrived.notify_all()
            if self.pair_every and n % self.pair_every == 0:
                if self.arrived.wait_for(lambda: self.agency_requests > n + 1, timeout=self.pair_timeout):
                    self.ledger.pairs += 1
        self._respond(h, "agence", items, rss(items, "agence"))

    def mirror_feed(self, h: BaseHTTPRequestHandler) -> None:
        with self.lock:
            items = list(self.mirror)
        self._respond(h, "miroir", items, rss(items, "miroir"))

    def mount(self, server: HostileServer) -> dict[str, str]:
        return {
            "agence": server.add("/rss.xml", self.agency),
            "miroir": server.add("/mirror.xml", self.mirror_feed),
        }


def archive_route(texts: list[str]):
    """One feed holding every distinct text once: the input of the clean reference run."""
    items = [Item(n, t, f"http://archive.example/{n}") for n, t in enumerate(sorted(texts))]
    body = rss(items, "archive")
    return lambda h: send(h, 200, body, "application/rss+xml; charset=utf-8")
