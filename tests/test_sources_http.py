"""Article URLs and feeds over real HTTP on 127.0.0.1: what is read, and what is skipped and why.

Each hostile route of tests/flows_support.py gets a test naming the outcome: a clear reason in the
skipped list, nothing raised, and the good items of the same source still read.
"""

from __future__ import annotations

import time

import pytest
from flows_support import (
    ARTICLE_TEXT,
    HUGE_BYTES,
    LATIN1_PARAGRAPHS,
    LINKED_PARAGRAPHS,
    LoopbackSite,
    gzip_bomb,
)

from quantcheck.flows.config import Settings, SourceConfig
from quantcheck.flows.fetch import FetchError, TransientFetchError, fetch
from quantcheck.flows.sources import read_source

FAST = Settings(connect_timeout=2, read_timeout=0.5, deadline=3, retries=2, backoff=0.05,
                max_bytes=2_000_000)


@pytest.fixture(scope="module")
def site():
    with LoopbackSite() as s:
        yield s


def read(site, path: str, kind: str = "url", settings: Settings = FAST):
    return read_source(SourceConfig(name="t", kind=kind, location=site.url(path)), settings)


def test_article_page_main_text_without_boilerplate(site):
    res = read(site, "/article.html")
    assert res.skipped == ()
    (doc,) = res.documents
    for sentence in ARTICLE_TEXT:
        assert sentence in doc.text
    for furniture in ("Previous", "Leave a Comment", "Copyright", "Home", "Sport"):
        assert furniture not in doc.text
    assert doc.title == "Troops gather at the border"
    assert doc.published_at and doc.published_at.startswith("2024-02-05")
    assert doc.url == site.url("/article.html")
    assert len(doc.content_hash) == 64


def test_latin1_page_without_charset_decodes_accents(site):
    (doc,) = read(site, "/latin1.html").documents
    assert "ministère de la Santé a dépensé" in doc.text
    assert "élèves" in doc.text and "préfet" in doc.text
    assert "\ufffd" not in doc.text and "Ã" not in doc.text


def test_rss_feed_entries_with_link_title_date(site):
    res = read(site, "/rss.xml", kind="feed")
    assert res.skipped == ()
    first, second = res.documents
    assert first.url == site.url("/news/budget")
    assert first.title == "Budget approved"
    assert first.published_at == "2024-02-06T08:00:00+00:00"
    assert "budget of $1.9bn" in first.text and "450 million dollars" in first.text
    assert first.lang == "en"  # the feed's <language>


def test_short_feed_summary_replaced_by_linked_article(site):
    res = read(site, "/rss.xml", kind="feed")
    second = res.documents[1]
    assert second.url == site.url("/linked.html")
    for sentence in LINKED_PARAGRAPHS:
        assert sentence in second.text
    assert second.title == "Short summary item"  # the feed's title wins over the page's


def test_summary_kept_when_linked_fetch_disabled(site):
    settings = Settings(connect_timeout=2, read_timeout=0.5, deadline=3, retries=0, backoff=0.05,
                        fetch_linked_articles=False)
    second = read(site, "/rss.xml", kind="feed", settings=settings).documents[1]
    assert second.text == "Rescuers reached the village."


def test_atom_feed(site):
    res = read(site, "/atom.xml", kind="feed")
    assert res.skipped == ()
    a, b = res.documents
    assert a.url == site.url("/atom/1") and a.title == "Haushalt"
    assert "Mindestens 100.000 Menschen" in a.text and "2,5 Millionen Euro" in a.text
    assert a.lang == "de" and a.published_at == "2024-02-07T10:00:00+00:00"
    assert "30 Liter Regen" in b.text


def test_url_answering_with_a_feed_content_type_is_read_as_a_feed(site):
    res = read(site, "/feed-as-page", kind="url")
    assert [d.title for d in res.documents] == ["Budget approved", "Short summary item"]


def test_hanging_server_times_out_quickly(site):
    settings = Settings(connect_timeout=1, read_timeout=0.3, deadline=2, retries=1, backoff=0.01)
    t0 = time.monotonic()
    res = read(site, "/hang", settings=settings)
    elapsed = time.monotonic() - t0
    assert res.documents == ()
    (skip,) = res.skipped
    assert "timed out" in skip.reason and "after 2 attempts" in skip.reason
    assert elapsed < 3


def test_trickling_server_hits_the_total_deadline(site):
    settings = Settings(connect_timeout=1, read_timeout=1, deadline=0.8, retries=0)
    t0 = time.monotonic()
    (skip,) = read(site, "/slow", settings=settings).skipped
    assert "deadline" in skip.reason
    assert time.monotonic() - t0 < 3


def test_http_500_is_retried_then_skipped(site):
    before = site.hits["/error500"]
    res = read(site, "/error500")
    (skip,) = res.skipped
    assert skip.reason == "HTTP 500 Internal Server Error (after 3 attempts)"
    assert site.hits["/error500"] - before == 3  # 1 + retries=2


def test_http_404_is_not_retried(site):
    before = site.hits["/notfound"]
    (skip,) = read(site, "/notfound").skipped
    assert skip.reason == "HTTP 404 Not Found"
    assert site.hits["/notfound"] - before == 1


def test_100mb_body_with_length_refused_before_reading(site):
    (skip,) = read(site, "/huge").skipped
    assert f"Content-Length {HUGE_BYTES:,} bytes exceeds the limit of 2,000,000 bytes" in skip.reason


def test_100mb_chunked_body_cut_off_while_streaming(site):
    t0 = time.monotonic()
    (skip,) = read(site, "/huge-chunked").skipped
    assert skip.reason == "body too large: cut off after 2,000,000 bytes (limit max_bytes=2,000,000)"
    assert time.monotonic() - t0 < 5
    deadline = time.monotonic() + 5
    while "/huge-chunked" not in site.streamed and time.monotonic() < deadline:
        time.sleep(0.05)
    assert site.streamed["/huge-chunked"] < 20 * 1024 * 1024  # the client hung up early


def test_gzip_bomb_cut_off_after_decompression(site):
    gzip_bomb()  # built before the request, so the server answers within the short read timeout
    (skip,) = read(site, "/gzip-bomb").skipped
    assert skip.reason == "body too large: cut off after 2,000,000 bytes (limit max_bytes=2,000,000)"


def test_malformed_xml_feed_skipped(site):
    res = read(site, "/malformed.xml", kind="feed")
    assert res.documents == ()
    (skip,) = res.skipped
    assert skip.reason.startswith("malformed XML feed: not well-formed")


def test_entity_expansion_refused(site):
    (skip,) = read(site, "/bomb.xml", kind="feed").skipped
    assert "refused feed XML: EntitiesForbidden" in skip.reason


def test_redirect_to_file_scheme_refused(site):
    (skip,) = read(site, "/redirect-file").skipped
    assert skip.reason == ("redirect to 'file:///etc/passwd' refused: refused URL scheme 'file': only http "
                           "and https are fetched")


def test_redirect_within_http_followed(site):
    (doc,) = read(site, "/redirect-ok").documents
    assert doc.url == site.url("/article.html")


def test_binary_content_type_refused(site):
    (skip,) = read(site, "/image.png").skipped
    assert "unsupported content-type 'image/png'" in skip.reason


def test_file_url_never_fetched():
    with pytest.raises(FetchError, match="only http and https"):
        fetch("file:///etc/passwd", FAST)


def test_connection_refused_is_transient_and_retried():
    sleeps: list[float] = []
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens on this port now
    settings = Settings(connect_timeout=1, read_timeout=1, retries=3, backoff=0.5)
    with pytest.raises(TransientFetchError, match="after 4 attempts"):
        fetch(f"http://127.0.0.1:{port}/", settings, sleep=sleeps.append)
    assert sleeps == [0.5, 1.0, 2.0]  # exponential backoff


def test_one_bad_url_does_not_stop_the_others_in_a_feed(site):
    """A feed entry whose linked page fails keeps its summary; the failure is recorded."""
    assert LATIN1_PARAGRAPHS  # the fixture module is shared; nothing else to set up
    res = read(site, "/rss.xml", kind="feed",
               settings=Settings(connect_timeout=1, read_timeout=0.5, retries=0, max_linked_articles=0))
    assert len(res.documents) == 2
    assert res.documents[1].text == "Rescuers reached the village."
