"""Test support for the pipeline tests: a real HTTP server on 127.0.0.1 serving good and hostile content.

Not a test module (no ``test_`` prefix): tests import it (tests/ is on sys.path through conftest.py).
Every route is real HTTP over loopback; the server counts hits per path so tests can see retries.
"""

from __future__ import annotations

import functools
import gzip
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE_TEXT = [
    "No fewer than 100,000 soldiers were seen near the border on Monday, officials said.",
    "The deployment covers nearly 20,000 square miles, according to satellite images taken at 3 p.m.",
    "A convoy of 1,200 trucks has been spotted moving north over the past 48 hours.",
]


def article_html(title: str, paragraphs: list[str], charset_meta: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html><head>{meta}<title>{title} - Daily Test</title>
<meta property="article:published_time" content="2024-02-05T10:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
{body}
</article>
<div class="post-nav"><a href="/prev">Previous</a> / <a href="/next">Next</a> /
<a href="#c">Leave a Comment</a></div>
<section id="comments"><h3>Leave a Comment</h3><form><textarea></textarea></form></section>
<footer>Copyright 2024 Daily Test. All rights reserved.</footer></body></html>"""


LATIN1_PARAGRAPHS = [
    "Le ministère de la Santé a dépensé 2,5 millions d'euros pour la campagne de vaccination.",
    "Selon le préfet, près de 3 000 élèves ont été accueillis dans les écoles de la région.",
    "La température a atteint 38 degrés à Montpellier, un record pour un mois de juin très sec.",
]

RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Test Wire</title><link>{base}/</link><description>test</description><language>en</language>
<item><title>Budget approved</title><link>{base}/news/budget</link>
<pubDate>Tue, 06 Feb 2024 08:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>The council approved a budget of $1.9bn on Tuesday.</p>
<p>Spending on schools rises by 12 percent to 450 million dollars, the mayor said.</p>]]></content:encoded>
</item>
<item><title>Short summary item</title><link>{base}/linked.html</link>
<pubDate>Tue, 06 Feb 2024 09:00:00 +0000</pubDate>
<description>Rescuers reached the village.</description></item>
</channel></rss>"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
<title>Testfeed</title><id>urn:test:atom</id><updated>2024-02-07T10:00:00Z</updated>
<entry><title>Haushalt</title><id>urn:test:1</id><link href="{base}/atom/1"/>
<updated>2024-02-07T10:00:00Z</updated>
<content type="html">&lt;p&gt;Die Stadt investiert 2,5 Millionen Euro in neue Radwege.&lt;/p&gt;
&lt;p&gt;Mindestens 100.000 Menschen nutzen täglich den Nahverkehr,
sagte der Bürgermeister.&lt;/p&gt;</content>
</entry>
<entry><title>Wetter</title><id>urn:test:2</id><link href="{base}/atom/2"/>
<updated>2024-02-07T11:00:00Z</updated>
<content type="html">&lt;p&gt;Am Dienstag wurden in Berlin 14 Grad gemessen,
so warm wie seit 1990 nicht.&lt;/p&gt;
&lt;p&gt;Der Wetterdienst erwartet bis zu 30 Liter Regen pro Quadratmeter.&lt;/p&gt;</content>
</entry>
</feed>"""

LINKED_PARAGRAPHS = [
    "Rescuers reached the village after a 14-hour march through the snow, the army said on Tuesday.",
    "About 350 residents had been cut off since the storm, which dumped 1.5 metres of snow in two days.",
    "Helicopters delivered 12 tonnes of food and medicine once the weather cleared in the afternoon.",
]

BOMB_FEED = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>x</title><item><title>&lol3;</title><description>&lol3;</description>
<link>http://127.0.0.1/x</link></item></channel></rss>"""

HUGE_BYTES = 100 * 1024 * 1024
BOMB_BYTES = 50 * 1024 * 1024


@functools.cache
def gzip_bomb() -> bytes:
    return gzip.compress(b"<html><body><p>" + b"a" * BOMB_BYTES, compresslevel=9)


class Routes(BaseHTTPRequestHandler):
    """The test site. ``self.server.hits`` counts requests per path; ``self.server.stop`` ends hangs."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # keep test output clean
        pass

    def _send(self, status: int, body: bytes, content_type: str | None, headers: dict | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: C901 - a routing table reads best flat
        srv = self.server
        path = self.path.split("?", 1)[0]
        with srv.lock:
            srv.hits[path] += 1
        base = f"http://127.0.0.1:{srv.server_address[1]}"
        if path in ("/article.html", "/copy/article.html"):
            html = article_html("Troops gather at the border", ARTICLE_TEXT)
            self._send(200, html.encode("utf-8"), "text/html; charset=utf-8")
        elif path == "/linked.html":
            self._send(200, article_html("Village reached", LINKED_PARAGRAPHS).encode(), "text/html")
        elif path == "/latin1.html":
            html = article_html("Santé publique", LATIN1_PARAGRAPHS, charset_meta=None)
            self._send(200, html.encode("latin-1"), "text/html")  # no charset anywhere
        elif path == "/rss.xml":
            self._send(200, RSS_FEED.format(base=base).encode(), "application/rss+xml")
        elif path == "/atom.xml":
            self._send(200, ATOM_FEED.format(base=base).encode(), "application/atom+xml; charset=utf-8")
        elif path == "/feed-as-page":  # a feed behind a URL that does not look like one
            self._send(200, RSS_FEED.format(base=base).encode(), "application/rss+xml")
        elif path == "/malformed.xml":
            body = b"<rss><channel><item><title>broken</title><<<>>> &&& </rss"
            self._send(200, body, "application/rss+xml")
        elif path == "/bomb.xml":
            self._send(200, BOMB_FEED.encode(), "application/rss+xml")
        elif path == "/error500":
            self._send(500, b"internal error", "text/plain")
        elif path == "/notfound":
            self._send(404, b"no such page", "text/plain")
        elif path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
        elif path == "/redirect-file":
            self._send(302, b"", None, {"Location": "file:///etc/passwd"})
        elif path == "/redirect-ok":
            self._send(302, b"", None, {"Location": "/article.html"})
        elif path == "/hang":
            srv.stop.wait(60)  # never answers while the test runs
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(HUGE_BYTES))  # honest length: refused before reading
            self.end_headers()
            self._stream(HUGE_BYTES)
        elif path == "/huge-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")  # no length: must be cut off while streaming
            self.end_headers()
            self._stream(HUGE_BYTES, chunked=True)
        elif path == "/gzip-bomb":  # ~50 KB on the wire, 50 MB once decompressed
            self._send(200, gzip_bomb(), "text/html", {"Content-Encoding": "gzip"})
        elif path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self._trickle()
        else:
            self._send(404, b"unknown test route", "text/plain")

    def _stream(self, total: int, chunked: bool = False) -> None:
        block = (b"<p>" + b"x" * 1017 + b"</p>\n") * 1024  # 1 MiB
        sent = 0
        try:
            while sent < total and not self.server.stop.is_set():
                data = block[: total - sent]
                if chunked:
                    self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
                else:
                    self.wfile.write(data)
                sent += len(data)
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should
        self.server.streamed[self.path] = sent

    def _trickle(self) -> None:
        """One small chunk every 0.2 s, forever: passes every read timeout, must hit the deadline."""
        try:
            while not self.server.stop.is_set():
                self.wfile.write(b"5\r\n<p>x\n\r\n")
                self.wfile.flush()
                time.sleep(0.2)
        except (BrokenPipeError, ConnectionResetError):
            pass


class LoopbackSite:
    """A ThreadingHTTPServer on 127.0.0.1 (random port) in a daemon thread."""

    def __init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Routes)
        self.httpd.daemon_threads = True
        self.httpd.hits = Counter()
        self.httpd.streamed = {}
        self.httpd.lock = threading.Lock()
        self.httpd.stop = threading.Event()
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def hits(self) -> Counter:
        return self.httpd.hits

    @property
    def streamed(self) -> dict:
        return self.httpd.streamed

    def __enter__(self) -> LoopbackSite:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()
