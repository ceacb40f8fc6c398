"""Markdown to plain text: keep the words and numbers, drop the markup.

Only markup that is unambiguous is removed (headings, emphasis around words, links and images, code
fences, block quotes, list bullets, HTML tags). Asterisks between numbers ("5 * 3") are left alone.
"""

from __future__ import annotations

import re

FENCE_RE = re.compile(r"^[ \t]*(```|~~~).*$", re.MULTILINE)
HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
SETEXT_RE = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$", re.MULTILINE)
IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
REF_LINK_RE = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
REF_DEF_RE = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:\s+\S+.*$", re.MULTILINE)
EMPHASIS_RE = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
CODE_RE = re.compile(r"`([^`]+)`")
QUOTE_RE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
BULLET_RE = re.compile(r"^([ \t]*)[*+-][ \t]+", re.MULTILINE)
RULE_RE = re.compile(r"^[ \t]{0,3}([*_-])([ \t]*\1){2,}[ \t]*$", re.MULTILINE)
TAG_RE = re.compile(r"</?[A-Za-z][^>]*>")
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?)\n(---|\.\.\.)[ \t]*(\n|\Z)", re.DOTALL)
META_LINE_RE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
META_KEYS = {"title": "title", "date": "date", "published": "date", "published_at": "date", "url": "url",
             "link": "url", "canonical_url": "url", "lang": "lang", "language": "lang",
             "publisher": "publisher", "outlet": "publisher", "site_name": "publisher",
             "sitename": "publisher"}


def split_front_matter(md: str) -> tuple[dict[str, str], str]:
    """YAML-style front matter (``---`` ... ``---``) as simple ``key: value`` pairs, and the rest.

    Only flat string values are read (title, date, url, lang, publisher and their usual synonyms); nested
    YAML is ignored rather than parsed, so no YAML library (and none of its object-construction risks) is
    needed.

    >>> split_front_matter('---\\ntitle: "Budget"\\ndate: 2025-03-11\\n---\\nBody')
    ({'title': 'Budget', 'date': '2025-03-11'}, 'Body')
    """
    m = FRONT_MATTER_RE.match(md.lstrip("\ufeff"))
    if not m:
        return {}, md
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        lm = META_LINE_RE.match(line)
        if not lm:
            continue
        key = META_KEYS.get(lm.group(1).lower())
        value = lm.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if key and value and key not in meta:
            meta[key] = value
    return meta, md.lstrip("\ufeff")[m.end():]


def markdown_to_text(md: str) -> tuple[str, str | None]:
    """(text, title): the title is the first heading, if any.

    >>> markdown_to_text("# Budget\\n\\nThe **state** spent [1.9 billion](http://x) euros; 5 * 3 = 15.")
    ('Budget\\n\\nThe state spent 1.9 billion euros; 5 * 3 = 15.', 'Budget')
    """
    m = HEADING_RE.search(md)
    title = m.group(1).strip() if m else None
    text = FENCE_RE.sub("", md)
    text = RULE_RE.sub("", text)
    text = HEADING_RE.sub(r"\1", text)
    text = SETEXT_RE.sub("", text)
    text = REF_DEF_RE.sub("", text)
    text = IMAGE_RE.sub(r"\1", text)
    text = LINK_RE.sub(r"\1", text)
    text = REF_LINK_RE.sub(r"\1", text)
    text = CODE_RE.sub(r"\1", text)
    text = EMPHASIS_RE.sub(r"\2", text)
    text = QUOTE_RE.sub("", text)
    text = BULLET_RE.sub(r"\1", text)
    text = TAG_RE.sub("", text)
    return text, title
