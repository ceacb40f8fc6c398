"""Coverage-guided fuzz target for ``extractors.extract`` (atheris).

Run (``make fuzz`` does this for a fixed time)::

    .venv/bin/python tests/fuzz/fuzz_extract.py -max_total_time=120 -rss_limit_mb=4096 \\
        -artifact_prefix=tests/fuzz/crashes/ tests/fuzz/corpus/extract

The property checked on every input: ``extract`` returns a list of mentions whose half-open offsets
point at their surface in the text, sorted and inside the text, and the same input gives the same
output twice. Any exception or broken property is a crash: libFuzzer writes the input under
``tests/fuzz/crashes/``; copy it to ``tests/fuzz/regressions/extract/`` so that
``tests/test_reliability_fuzz_regressions.py`` replays it in ``make test`` for ever.

Without atheris installed the module still imports (``check`` is used by the regression test).
"""

from __future__ import annotations

import sys

LANGS = (None, "fr", "en", "es", "de")


def decode_input(data: bytes) -> tuple[str, str | None]:
    """Bytes from the fuzzer -> (text, lang). The first byte picks the language, the rest is the text.

    The text is decoded as UTF-8 with surrogateescape-like replacement, then also given a chance to be
    read as UTF-16 (odd first byte), so the fuzzer reaches every code point, including astral ones.
    """
    if not data:
        return "", None
    lang = LANGS[data[0] % len(LANGS)]
    body = data[1:]
    if data[0] & 0x80:
        text = body.decode("utf-16-le", errors="surrogatepass" if len(body) % 2 == 0 else "replace")
    else:
        text = body.decode("utf-8", errors="replace")
    return text, lang


def check(data: bytes) -> None:
    """The property: raise AssertionError (or let the extractor's exception through) when broken."""
    from quantcheck.extractors import extract

    text, lang = decode_input(data)
    first = extract(text, lang=lang)
    assert isinstance(first, list), type(first)
    previous = (-1, -1)
    for m in first:
        assert 0 <= m.start < m.end <= len(text), (m.start, m.end, len(text))
        assert text[m.start : m.end] == m.surface, (m.surface, text[m.start : m.end])
        assert (m.start, m.end) >= previous, "mentions not sorted by offset"
        previous = (m.start, m.end)
    again = extract(text, lang=lang)
    assert [m.to_json() for m in again] == [m.to_json() for m in first], "non-deterministic output"


def main() -> None:
    import atheris

    with atheris.instrument_imports():
        import quantcheck.extractors.engine  # noqa: F401
        from quantcheck import extractors  # noqa: F401

    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
