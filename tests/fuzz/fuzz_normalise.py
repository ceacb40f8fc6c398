"""Coverage-guided fuzz target for the bytes -> text path of fetched documents (atheris).

Run (``make fuzz`` does this for a fixed time)::

    .venv/bin/python tests/fuzz/fuzz_normalise.py -max_total_time=120 -rss_limit_mb=4096 \\
        -artifact_prefix=tests/fuzz/crashes/ tests/fuzz/corpus/normalise

The first input byte picks the reader and a Content-Type; the rest is the body:
- decode + normalise (flows.decode.decode_bytes, flows.normalise.normalise_text, content_hash),
- an RSS/Atom feed (flows.feeds.parse_feed, with its defusedxml screening),
- an HTML page or fragment (flows.html_text.page_to_text / fragment_to_text).
Allowed outcomes: text the warehouse can store (valid UTF-8, no control characters but tab and newline)
or the documented refusal (UndecodableError, FeedError). Anything else is a crash; a crash input goes to
``tests/fuzz/regressions/normalise/`` and ``tests/test_reliability_fuzz_regressions.py`` replays it.
Known bugs already pinned by strict-xfail tests are listed in KNOWN so the fuzzer keeps looking for new ones.
"""

from __future__ import annotations

import sys
import unicodedata

CONTENT_TYPES = (
    None,
    "text/html",
    "text/html; charset=utf-8",
    "text/html; charset=iso-8859-1",
    "text/plain; charset=windows-1252",
    "application/rss+xml",
    "application/atom+xml; charset=utf-8",
    "text/xml; charset=utf-16",
    "text/plain; charset=koi8-r",
    "text/html; charset=shift_jis",
)
MODES = ("decode", "feed", "page", "fragment")
# (exception type name, message fragment) of bugs already pinned by tests/test_reliability_*.py.
KNOWN = (
    ("UnicodeError", "undefined"),  # charset=undefined via <meta>: BUG_CODEC
    ("UnicodeError", "punycode"),  # charset=punycode: BUG_CODEC
    ("UnicodeEncodeError", "surrogates"),  # utf-7 / unicode_escape declarations: BUG_CODEC
    ("LookupError", "unknown encoding"),  # XML declaration: regressions/normalise/feed-unknown-xml-encoding
)


def split(data: bytes) -> tuple[str, str | None, bytes]:
    if not data:
        return "decode", None, b""
    mode = MODES[data[0] % len(MODES)]
    content_type = CONTENT_TYPES[(data[0] // len(MODES)) % len(CONTENT_TYPES)]
    return mode, content_type, data[1:]


def assert_storable(text: str) -> None:
    text.encode("utf-8")
    bad = [c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"]
    assert not bad, f"control characters left: {bad[:5]!r}"


def check(data: bytes) -> None:
    """The property; raises on a crash."""
    from quantcheck.flows.decode import UndecodableError, decode_bytes
    from quantcheck.flows.feeds import FeedError, parse_feed
    from quantcheck.flows.html_text import fragment_to_text, page_to_text
    from quantcheck.flows.normalise import normalise_text
    from quantcheck.warehouse.records import content_hash

    mode, content_type, body = split(data)
    if mode == "decode":
        try:
            text, _ = decode_bytes(body, content_type)
        except UndecodableError:
            return
        out = normalise_text(text)
        assert_storable(out)
        content_hash(out)
    elif mode == "feed":
        try:
            entries, _lang = parse_feed(body, content_type)
        except FeedError:
            return
        for e in entries:
            assert_storable(normalise_text(e.text))
    else:
        html = body.decode("utf-8", errors="replace")
        text = page_to_text(html).text if mode == "page" else fragment_to_text(html)
        assert_storable(normalise_text(text))


def check_ignoring_known(data: bytes) -> None:
    try:
        check(data)
    except Exception as exc:
        name, message = type(exc).__name__, str(exc)
        if any(name == n and frag in message for n, frag in KNOWN):
            return
        raise


def main() -> None:
    import atheris

    with atheris.instrument_imports():
        import quantcheck.flows.decode  # noqa: F401
        import quantcheck.flows.feeds  # noqa: F401
        import quantcheck.flows.html_text  # noqa: F401
        import quantcheck.flows.normalise  # noqa: F401
        from quantcheck import flows  # noqa: F401

    atheris.Setup(sys.argv, check_ignoring_known)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
