"""Who published an article: the outlet's name from the article's own metadata, else its web address.

A configured source is how articles reach quantcheck (a feed, a folder, a file), not necessarily who
wrote them: a folder of clippings holds several outlets, and an agency feed carries several papers'
stories. The conflicts view compares claims of different publishers even inside one source, so every
document gets a publisher when anything says which: explicit metadata first (a JSON Lines field, an
HTML page's og:site_name or JSON-LD publisher, Markdown front matter), else the host of its http(s) URL
without "www.". A local file with no such metadata has no publisher (NULL), and is then compared only
with other sources.

>>> publisher_from_url("https://www.lemonde.fr/international/article.html")
'lemonde.fr'
>>> publisher_from_url("file:///home/me/clip.txt") is None
True
>>> clean_publisher("  Le   Monde "), clean_publisher("https://www.bbc.co.uk/news"), clean_publisher("")
('Le Monde', 'bbc.co.uk', None)
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

MAX_CHARS = 200
SPACES_RE = re.compile(r"\s+")
# JSON Lines / front matter fields that name the outlet, in order of preference
METADATA_FIELDS = ("publisher", "outlet", "site_name", "sitename")
# HTML: only what a page states about its site. A page title's "| El Heraldo" or "20.000 hectáreas" is
# not read: titles are too varied to split reliably.
HEAD_CHARS = 300_000
META_RE = re.compile(r"<meta\s[^>]{0,2000}>", re.IGNORECASE)
ATTR_RE = re.compile(r"""([a-zA-Z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
META_NAMES = ("og:site_name", "application-name", "publisher", "dc.publisher", "citation_publisher")
JSON_LD_RE = re.compile(r"<script[^>]{0,200}application/ld\+json[^>]{0,200}>(.{0,200000}?)</script>",
                        re.IGNORECASE | re.DOTALL)


def publisher_from_url(url: str | None) -> str | None:
    """The host of an http(s) URL, lower-cased, without "www." and port; None for other URLs."""
    if not url or not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    host = host.lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return host or None


def clean_publisher(name: object) -> str | None:
    """A stated outlet name, tidied: spaces collapsed, a URL reduced to its host, None when empty."""
    if isinstance(name, list):  # JSON-LD may list several publishers: the first one
        name = name[0] if name else None
    if isinstance(name, dict):  # JSON-LD style {"@type": "Organization", "name": "..."}
        name = name.get("name")
    if not isinstance(name, str):
        return None
    text = SPACES_RE.sub(" ", name).strip().lstrip("@")
    if not text:
        return None
    if text.lower().startswith(("http://", "https://")):
        return publisher_from_url(text)
    return text[:MAX_CHARS]


def publisher_from_metadata(meta: dict) -> str | None:
    """The first usable outlet name among the metadata fields (JSON Lines record, front matter)."""
    for key in METADATA_FIELDS:
        found = clean_publisher(meta.get(key))
        if found:
            return found
    return None


def site_name_from_html(page: str) -> str | None:
    """The site name an HTML page states: a <meta> og:site_name / application-name / publisher, else the
    publisher (or isPartOf) name of its JSON-LD; None when it states none.

    >>> site_name_from_html('<head><meta property="og:site_name" content="El Heraldo"></head>')
    'El Heraldo'
    >>> site_name_from_html('<script type="application/ld+json">{"@type": "NewsArticle", '
    ...                     '"publisher": {"@type": "Organization", "name": "Kyiv Courier"}}</script>')
    'Kyiv Courier'
    """
    head = page[:HEAD_CHARS]
    found: dict[str, str] = {}
    for tag in META_RE.findall(head):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
                 for m in ATTR_RE.finditer(tag)}
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        if key in META_NAMES and key not in found and attrs.get("content"):
            found[key] = attrs["content"]
    for key in META_NAMES:
        name = clean_publisher(found.get(key))
        if name:
            return name
    for block in JSON_LD_RE.findall(head):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        name = _json_ld_publisher(data, depth=0)
        if name:
            return name
    return None


def _json_ld_publisher(data: object, depth: int) -> str | None:
    if depth > 4:
        return None
    items = data if isinstance(data, list) else [data]
    for item in items:
        if not isinstance(item, dict):
            continue
        for key in ("publisher", "isPartOf"):
            name = clean_publisher(item.get(key))
            if name:
                return name
        graph = item.get("@graph")
        if graph is not None:
            name = _json_ld_publisher(graph, depth + 1)
            if name:
                return name
    return None


def resolve_publisher(stated: object, url: str | None) -> str | None:
    """The stated name when there is one, else the URL's host."""
    return clean_publisher(stated) or publisher_from_url(url)
