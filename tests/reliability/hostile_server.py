"""A real HTTP server on 127.0.0.1 that misbehaves on purpose, for the reliability campaign.

Each route is a small function writing the raw response, so a test can send what no well-behaved
server would: a gzip body that expands to gigabytes, a body dripped one byte at a time, a redirect to
``file:///etc/passwd``, a Content-Length that lies. The server binds to port 0 on loopback only, runs in
a daemon thread, and stops when the context manager exits; it never contacts anything itself.
"""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], None]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: HostileServer

    def do_GET(self) -> None:  # noqa: N802 - the http.server naming
        self.server.hits.append(self.path)
        route = self.server.routes.get(self.path.split("?", 1)[0])
        try:
            if route is None:
                send(self, 404, b"not found", "text/plain")
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            pass  # the client gave up, which is what a size limit or timeout should do

    do_HEAD = do_GET

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
            pass  # a client that hangs up mid-request is the normal case here

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output quiet
        return


class HostileServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        self.stopping = threading.Event()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, route: Route) -> str:
        """Serve ``route`` at ``path``; returns the full URL."""
        self.routes[path] = route
        return self.url(path)


@contextmanager
def hostile_server() -> Iterator[HostileServer]:
    server = HostileServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- routes ---------------------------------------------------------------------------------------


def send(
    h: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    content_type: str,
    headers: dict[str, str] | None = None,
) -> None:
    h.send_response(status)
    h.send_header("Content-Type", content_type)
    h.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    if h.command != "HEAD":
        h.wfile.write(body)


def static(
    body: bytes | str,
    content_type: str = "text/html; charset=utf-8",
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Route:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return lambda h: send(h, status, data, content_type, headers)


def redirect(location: str, status: int = 302) -> Route:
    return lambda h: send(h, status, b"", "text/plain", {"Location": location})


@lru_cache(maxsize=4)
def gzip_bomb_bytes(expanded_size: int, method: str = "gzip") -> bytes:
    """A gzip (or zlib 'deflate') stream of ``expanded_size`` zero bytes: about 1/1000 of that size.

    Built by streaming zeros through one compressor, so 4 GiB costs a few seconds and ~4 MB of memory.
    """
    wbits = 31 if method == "gzip" else 15
    comp = zlib.compressobj(9, zlib.DEFLATED, wbits)
    chunk = bytes(1 << 20)
    out = bytearray()
    remaining = expanded_size
    while remaining > 0:
        n = min(remaining, len(chunk))
        out += comp.compress(chunk[:n] if n < len(chunk) else chunk)
        remaining -= n
    out += comp.flush()
    return bytes(out)


def gzip_bomb(
    expanded_size: int,
    content_type: str = "text/html; charset=utf-8",
    method: str = "gzip",
    declare_length: bool = True,
) -> Route:
    """A small body that decodes to ``expanded_size`` bytes: the size limit must count decoded bytes."""
    body = gzip_bomb_bytes(expanded_size, method)  # built now, not while the client's deadline runs

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Encoding", method)
        if declare_length:
            h.send_header("Content-Length", str(len(body)))
        else:
            h.send_header("Connection", "close")
        h.end_headers()
        for i in range(0, len(body), 1 << 16):
            h.wfile.write(body[i : i + (1 << 16)])

    return route


def drip(
    body: bytes,
    interval: float,
    chunk: int = 1,
    content_type: str = "text/html; charset=utf-8",
    stop: threading.Event | None = None,
    give_up_after: float | None = None,
) -> Route:
    """Send ``chunk`` bytes every ``interval`` seconds (slowloris): each read is quick, the whole is not.

    A fetch timeout that only bounds each read never fires here; only a total deadline does.
    ``give_up_after`` closes the connection after that many seconds, so a client without a working
    deadline ends with a truncated body (a different error) instead of keeping the test waiting.
    """

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        server: HostileServer = h.server  # type: ignore[assignment]
        started = time.monotonic()
        for i in range(0, len(body), chunk):
            if server.stopping.is_set() or (stop is not None and stop.is_set()):
                return
            if give_up_after is not None and time.monotonic() - started > give_up_after:
                h.close_connection = True
                return
            h.wfile.write(body[i : i + chunk])
            h.wfile.flush()
            time.sleep(interval)

    return route


def trickle_headers(interval: float, give_up_after: float, body: bytes = b"<p>12 000 soldats</p>") -> Route:
    """Send the status line and headers one byte every ``interval`` seconds, for ``give_up_after``
    seconds at most (padding headers keep it going), then a short body.

    Every byte arrives well within any read timeout, so only a deadline that covers the headers, not
    just the body, ends the request in time.
    """

    def route(h: BaseHTTPRequestHandler) -> None:
        head = (
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            + b"".join(b"X-Pad-%d: %s\r\n" % (i, b"a" * 40) for i in range(400))
            + b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body)
        )
        server: HostileServer = h.server  # type: ignore[assignment]
        started = time.monotonic()
        for i in range(len(head)):
            if server.stopping.is_set() or time.monotonic() - started > give_up_after:
                h.close_connection = True
                return
            h.wfile.write(head[i : i + 1])
            h.wfile.flush()
            time.sleep(interval)
        h.wfile.write(body)
        h.close_connection = True

    return route


def endless(content_type: str = "text/plain; charset=utf-8", line: bytes = b"12 000 soldiers ") -> Route:
    """A chunked body that never ends and declares no length: only the size limit stops it."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", content_type)
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        block = line * (65536 // len(line))
        frame = f"{len(block):x}\r\n".encode() + block + b"\r\n"
        server: HostileServer = h.server  # type: ignore[assignment]
        sent = 0
        while not server.stopping.is_set() and sent < (8 << 30):  # bounded: 8 GiB at most
            h.wfile.write(frame)
            sent += len(block)

    return route


def lying_length(body: bytes, declared: int, content_type: str = "text/html; charset=utf-8") -> Route:
    """Declare ``declared`` bytes, send ``body`` (shorter), then close: a truncated download."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(declared))
        h.send_header("Connection", "close")
        h.end_headers()
        h.wfile.write(body)
        h.wfile.flush()
        h.close_connection = True

    return route


def gzip_body(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)
