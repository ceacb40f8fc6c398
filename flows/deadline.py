"""A wall-clock deadline for an HTTP request that no server behaviour can stretch, headers included.

Read timeouts bound each socket operation, not a request: a server that sends its status line and headers
one byte at a time, each byte within ``read_timeout``, used to hold a request for as long as it liked (a
fetch with ``deadline = 5`` took 120 s and then reported the 5 s deadline), because the deadline was only
checked between body chunks. Here the deadline is enforced under httpx, in the network layer, twice:

- every socket operation (connect, each read and write, TLS handshakes) gets at most the time left until
  the deadline, and none starts once it has passed;
- a watchdog timer shuts down the request's sockets when the deadline passes, so even an operation that
  waits in several steps (a TLS record trickled byte by byte) ends at that moment.

``request_deadline(seconds)`` is a context manager around one request (one attempt, redirects included);
``DeadlineTransport`` is the httpx transport that honours it. Outside the context the transport behaves
like httpx's own. Name resolution (``getaddrinfo``) cannot be interrupted and is not covered.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

import httpcore
import httpx


class _Request:
    """The deadline of the request running on this thread, and the sockets it opened."""

    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds
        self.sockets: dict[int, socket.socket] = {}
        self.expired = False
        self.lock = threading.Lock()

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def expire(self) -> None:
        """Watchdog: the deadline passed; shut the sockets down so any blocked read returns now."""
        with self.lock:
            self.expired = True
            for sock in self.sockets.values():
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def track(self, stream: httpcore.NetworkStream) -> None:
        """Put the stream's socket under the watchdog (a kept-alive connection joins at its first use)."""
        sock = stream.get_extra_info("socket")
        if isinstance(sock, socket.socket) and id(sock) not in self.sockets:
            with self.lock:
                self.sockets[id(sock)] = sock
                if self.expired:
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)


_current = threading.local()


def _request() -> _Request | None:
    return getattr(_current, "request", None)


@contextlib.contextmanager
def request_deadline(seconds: float) -> Iterator[_Request]:
    """Run one request (on this thread) under a deadline ``seconds`` from now."""
    req = _Request(seconds)
    previous = _request()
    _current.request = req
    timer = threading.Timer(max(seconds, 0.0), req.expire)
    timer.daemon = True
    timer.start()
    try:
        yield req
    finally:
        timer.cancel()
        _current.request = previous


def _clamp(timeout: float | None, exc: type[Exception],
           stream: httpcore.NetworkStream | None = None) -> float | None:
    """The timeout of one socket operation: at most the time left to the current request's deadline."""
    req = _request()
    if req is None:
        return timeout
    if stream is not None:
        req.track(stream)
    left = req.remaining()
    if left <= 0 or req.expired:
        raise exc("the request's deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout, self._inner))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _clamp(timeout, httpcore.WriteTimeout, self._inner))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        stream = self._inner.start_tls(ssl_context, server_hostname, _clamp(timeout, httpcore.ConnectTimeout))
        req = _request()
        if req is not None:
            req.track(stream)
        return _DeadlineStream(stream)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, _clamp(timeout, httpcore.ConnectTimeout),
                                         local_address, socket_options)
        req = _request()
        if req is not None:
            req.track(stream)
        return _DeadlineStream(stream)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        stream = self._inner.connect_unix_socket(path, _clamp(timeout, httpcore.ConnectTimeout),
                                                 socket_options)
        return _DeadlineStream(stream)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool's network layer wrapped by the deadline enforcement.

    httpcore's ConnectionPool keeps its network backend in ``_network_backend``; it is wrapped in place
    (tests/test_reliability_fetch_deadline.py fails if a new httpcore changes that).
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        pool = self._pool
        pool._network_backend = _DeadlineBackend(pool._network_backend)
