"""HTTP(S) downloads that cannot hang a run, fill the memory, or wander off to other schemes.

- Timeouts: connect and read timeouts per socket operation, plus one wall-clock deadline per attempt
  enforced under httpx, in the network layer (flows/deadline.py): status line and headers included, so a
  server that trickles one byte per second, even before its headers, cannot stretch an attempt. Retries
  and a source's or run's time budget (flows/budget.py) are checked before each attempt and each wait.
- Size: a Content-Length above the limit is refused before reading; the body is counted while streaming
  (after decompression, so a gzip bomb is cut off too) and abandoned as soon as it passes the limit.
- Schemes: only http and https; redirects are followed by hand so a redirect to file:, ftp: or data: is
  refused instead of silently followed.
- Retries: only on I/O trouble (connection errors, timeouts, HTTP 5xx/429), with exponential backoff.
  A 404, a wrong content-type or an oversized body is permanent and fails at once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from quantcheck.flows.budget import TimeBudget
from quantcheck.flows.config import Settings
from quantcheck.flows.deadline import DeadlineTransport, request_deadline

MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
              "application/rdf+xml", "application/feed+json")
TEXT_TYPES = ("text/plain", "text/markdown")


class FetchError(Exception):
    """A download that failed for good; ``str(exc)`` is the reason recorded in the run."""


class TransientFetchError(FetchError):
    """A download that failed for a reason worth retrying (I/O errors, timeouts, 5xx)."""


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str               # the final URL after redirects
    status: int
    content_type: str      # media type only, lower-case ("text/html")
    content_type_header: str
    body: bytes


def media_type(header: str | None) -> str:
    return (header or "").split(";", 1)[0].strip().lower()


def check_url(url: str) -> None:
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:  # "Invalid IPv6 URL" and the like
        raise FetchError(f"invalid URL {url!r}: {exc}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"refused URL scheme {parts.scheme or '(none)'!r}: only http and https are fetched")
    if not host:
        raise FetchError(f"URL without a host: {url!r}")


def _check_redirect(response: httpx.Response) -> None:
    """Response hook: refuse a redirect to another scheme before httpx tries to parse it as a URL.

    httpx builds the next request of every redirect (even with follow_redirects=False) and raises a bare
    InvalidURL for targets such as ``data:text/html,...``; checking here gives the real reason.
    """
    location = response.headers.get("location")
    if response.is_redirect and location:
        try:
            check_url(urljoin(str(response.request.url), location.strip()))
        except FetchError as exc:
            raise FetchError(f"redirect to {location[:200]!r} refused: {exc}") from None


def make_client(settings: Settings) -> httpx.Client:
    timeout = httpx.Timeout(connect=settings.connect_timeout, read=settings.read_timeout,
                            write=settings.read_timeout, pool=settings.connect_timeout)
    return httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False,
                        transport=DeadlineTransport(trust_env=False),
                        event_hooks={"response": [_check_redirect]},
                        headers={"User-Agent": settings.user_agent,
                                 "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                                           "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"})


def fetch_once(client: httpx.Client, url: str, settings: Settings,
               budget: TimeBudget | None = None) -> FetchResult:
    """One attempt: follow up to MAX_REDIRECTS http(s) redirects, stream the body within limits, all
    within ``settings.deadline`` seconds (or what is left of ``budget``, when that is less)."""
    budget = budget or TimeBudget()
    seconds = min(settings.deadline, max(budget.remaining(), 0.0))
    by_budget = seconds < settings.deadline
    with request_deadline(seconds) as req:
        phase = ["connecting"]
        try:
            return _attempt(client, url, settings, req, phase)
        except FetchError as exc:
            if not (req.expired or req.remaining() <= 0) or isinstance(exc, _Overdue):
                raise
        # whatever the error looked like (a timeout, a reset from the watchdog), the deadline ended it
        if by_budget:
            raise TransientFetchError(f"stopped while {phase[0]}: {budget.reason()}") from None
        raise TransientFetchError(
            f"download exceeded the {settings.deadline:g} s deadline (while {phase[0]})") from None


class _Overdue(TransientFetchError):
    """Raised by the body loop itself when it notices the deadline (already the right message)."""


def _attempt(client: httpx.Client, url: str, settings: Settings, req, phase: list[str]) -> FetchResult:
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        check_url(current)
        phase[0] = "waiting for the response headers"
        try:
            with client.stream("GET", current) as resp:
                if resp.is_redirect:
                    location = resp.headers.get("location")
                    if not location:
                        raise FetchError(f"HTTP {resp.status_code} redirect without a Location header")
                    current = urljoin(current, location)
                    continue
                if resp.status_code >= 500 or resp.status_code == 429:
                    raise TransientFetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                if resp.status_code >= 400:
                    raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > settings.max_bytes:
                    raise FetchError(f"body too large: Content-Length {int(declared):,} bytes exceeds the "
                                     f"limit of {settings.max_bytes:,} bytes")
                phase[0] = "reading the body"
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():  # as received, so the deadline is checked often
                    size += len(chunk)
                    if size > settings.max_bytes:
                        raise FetchError(f"body too large: cut off after {settings.max_bytes:,} bytes "
                                         f"(limit max_bytes={settings.max_bytes:,})")
                    if req.remaining() <= 0:
                        raise _Overdue(f"download exceeded the {settings.deadline:g} s deadline "
                                       f"(while {phase[0]})")
                    chunks.append(chunk)
                header = resp.headers.get("content-type", "")
                body = b"".join(chunks)
                return FetchResult(str(resp.url), resp.status_code, media_type(header), header, body)
        except httpx.InvalidURL as exc:
            raise FetchError(f"invalid URL: {exc}") from None
        except httpx.TimeoutException as exc:
            raise TransientFetchError(f"timed out ({type(exc).__name__})") from None
        except httpx.TransportError as exc:
            raise TransientFetchError(f"network error: {type(exc).__name__}: {exc}") from None
        except httpx.HTTPError as exc:  # decoding errors (bad gzip) and the like: not worth a retry
            raise FetchError(f"HTTP error: {type(exc).__name__}: {exc}") from None
    raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")


def fetch(url: str, settings: Settings, client: httpx.Client | None = None,
          sleep=time.sleep, budget: TimeBudget | None = None) -> FetchResult:
    """Download ``url``, retrying I/O failures ``settings.retries`` times with exponential backoff; no
    attempt starts, and no wait is made, past ``budget`` (the source's or the run's time budget)."""
    own = client is None
    client = client or make_client(settings)
    budget = budget or TimeBudget()
    try:
        if budget.spent():
            raise FetchError(f"not fetched: {budget.reason()}")
        attempt = 0
        while True:
            try:
                return fetch_once(client, url, settings, budget)
            except TransientFetchError as exc:
                tries = f"{attempt + 1} attempt" + ("s" if attempt else "")
                if attempt >= settings.retries:
                    raise TransientFetchError(f"{exc} (after {tries})") from None
                wait = settings.backoff * (2 ** attempt)
                if budget.remaining() <= wait:
                    raise TransientFetchError(f"{exc} (after {tries}; no retry: {budget.reason()})") \
                        from None
                sleep(wait)
                attempt += 1
    finally:
        if own:
            client.close()


def is_feed_type(content_type: str) -> bool:
    return content_type in FEED_TYPES or (content_type.endswith("+xml") and "xhtml" not in content_type)


def is_page_type(content_type: str) -> bool:
    return content_type in HTML_TYPES or content_type in TEXT_TYPES or content_type == ""
