"""RSS and Atom feeds: screened with defusedxml, parsed with feedparser.

Feed XML comes from servers we do not control. Before feedparser sees it, defusedxml parses it with entity
declarations and external references forbidden, so a "billion laughs" expansion or an external entity
pointing at a local file is refused outright. feedparser then does the tolerant part (RSS 0.9x/1.0/2.0,
Atom, dates in every format found in the wild). A document that is not well-formed XML is only handed to
feedparser's lenient parser when it declares no DTD at all (common case: an undeclared &nbsp;), and it is
refused when that yields no entry with text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as safe_et
import feedparser
from defusedxml import DefusedXmlException

from quantcheck.flows.html_text import fragment_to_text

DTD_RE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


class FeedError(ValueError):
    """A feed that cannot be read; the message is the reason recorded in the run."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    link: str | None
    title: str | None
    published_at: str | None
    text: str              # content (preferred) or summary, HTML converted to text
    from_summary: bool     # True when only a summary was available


def screen_xml(data: bytes) -> None:
    """Raise FeedError for dangerous XML; return quietly for safe XML, and for malformed XML without a DTD."""
    try:
        safe_et.fromstring(data)
    except DefusedXmlException as exc:
        raise FeedError(f"refused feed XML: {type(exc).__name__} (entity declarations and external "
                        "references are not allowed)") from None
    except LookupError as exc:  # the XML declaration names an encoding Python does not know
        raise FeedError(f"unreadable feed XML: {exc}") from None
    except ParseError as exc:
        if DTD_RE.search(data):
            raise FeedError(f"malformed feed XML with a DTD, refused: {exc}") from None
        raise _Malformed(str(exc)) from None


class _Malformed(Exception):
    pass


def parse_feed(data: bytes, content_type: str | None = None) -> tuple[list[FeedEntry], str | None]:
    """Entries of a feed in document order, and the feed's language (if it states one)."""
    if not data.strip():
        raise FeedError("empty feed")
    malformed: str | None = None
    try:
        screen_xml(data)
    except _Malformed as exc:
        malformed = str(exc)
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    entries = [_entry(e) for e in parsed.entries]
    if malformed is not None and not any(e.text.strip() for e in entries):
        raise FeedError(f"malformed XML feed: {malformed}")
    if not entries and not parsed.get("feed"):
        raise FeedError("not an RSS or Atom feed (no channel and no entries found)")
    lang = (parsed.get("feed", {}).get("language") or "").split("-")[0].lower() or None
    return entries, lang


def _entry(e) -> FeedEntry:
    content_html = ""
    for c in e.get("content") or []:
        if len(c.get("value") or "") > len(content_html):
            content_html = c.get("value") or ""
    summary_html = e.get("summary") or ""
    from_summary = not content_html.strip()
    text = fragment_to_text(content_html if not from_summary else summary_html)
    return FeedEntry(link=(e.get("link") or "").strip() or None, title=(e.get("title") or "").strip() or None,
                     published_at=_date(e), text=text, from_summary=from_summary)


def _date(e) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = e.get(key)
        if st:
            try:
                return datetime.fromtimestamp(calendar.timegm(st), tz=UTC).isoformat()
            except (OverflowError, ValueError, TypeError):
                continue
    return None
