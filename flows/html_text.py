"""HTML to article text.

Whole pages go through trafilatura, which keeps the main text and drops navigation, share buttons,
comment sections and footers, and also finds the title and publication date. Fragments (the HTML inside a
feed entry) are already the article body, so they are converted directly with lxml, keeping paragraph
breaks. Pages where trafilatura finds no main text (very short pages) fall back to the fragment converter
so nothing readable is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura

from quantcheck.flows.publishers import site_name_from_html

BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
              "blockquote", "section", "article", "header", "footer", "pre", "dd", "dt", "figcaption", "hr"}
DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "form", "button")
SPACES_RE = re.compile(r"[ \t\r\f\v]+")
NEWLINES_RE = re.compile(r"\s*\n\s*")
TAG_HINT_RE = re.compile(r"<[A-Za-z!/]")


@dataclass(frozen=True, slots=True)
class PageText:
    text: str
    title: str | None
    published_at: str | None
    canonical_url: str | None = None   # the page's canonical / og:url link, when it states one
    site_name: str | None = None       # og:site_name or JSON-LD publisher (flows/publishers.py)


def page_to_text(html: str, url: str | None = None) -> PageText:
    """Main text, title and date of a full HTML page."""
    doc = None
    if html.strip():
        try:
            doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                              include_tables=True, favor_precision=True, deduplicate=False)
        except Exception:  # trafilatura/lxml choke on some malformed pages: fall back below
            doc = None
    text = (getattr(doc, "text", None) or "").strip()
    title = (getattr(doc, "title", None) or "").strip() or None
    date = (getattr(doc, "date", None) or "").strip() or None
    canonical = (getattr(doc, "url", None) or "").strip() or None
    if canonical and not canonical.lower().startswith(("http://", "https://")):
        canonical = None
    if not text:
        text = fragment_to_text(html)
        if title is None:
            title = _html_title(html)
    return PageText(text=text, title=title, published_at=date, canonical_url=canonical,
                    site_name=site_name_from_html(html))


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment with one line per block element; plain text is returned unchanged."""
    if not fragment or not fragment.strip():
        return ""
    if not TAG_HINT_RE.search(fragment):
        import html as _html

        return _html.unescape(fragment).strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # ParserError, ValueError, and AssertionError("too many bodies") on broken pages
        return ""
    for bad in list(root.iter(*DROP_TAGS)):
        if bad.getparent() is not None:
            bad.drop_tree()
    pieces: list[str] = []
    _walk(root, pieces)
    text = "".join(pieces)
    lines = [SPACES_RE.sub(" ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _walk(el, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in BLOCK_TAGS:
        out.append("\n")
    if el.text and tag not in DROP_TAGS:
        out.append(el.text)
    for child in el:
        _walk(child, out)
        if child.tail:
            out.append(child.tail)
    if tag in BLOCK_TAGS:
        out.append("\n")


def _html_title(html: str) -> str | None:
    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises several exception types on malformed markup
        return None
    found = root.find(".//title")
    text = found.text_content().strip() if found is not None else ""
    return text or None
