"""Property tests of the bytes -> text path every fetched document takes (flows/decode.py, normalise.py).

Whatever a server or a file sends — any bytes, under any Content-Type, any declared charset — reading it
must either give text the warehouse can store (valid Unicode, no control characters, stable under a second
normalisation so its content hash is a real dedupe key) or raise the one documented error
(``UndecodableError``) that the pipeline turns into a "skipped: why" entry. Never another exception: an
unexpected one is what stops a run. Texts that were encoded with a charset the server declares come back
unchanged.

Examples are derandomised here so ``make test`` is deterministic; ``make reliability`` runs the same
properties with more, random examples (QUANTCHECK_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import os
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reliability.recorder import case_log

from quantcheck.flows.decode import UndecodableError, decode_bytes
from quantcheck.flows.normalise import normalise_text
from quantcheck.warehouse.records import content_hash

CAMPAIGN = int(os.environ.get("QUANTCHECK_FUZZ_EXAMPLES", "0"))
FAST = settings(
    max_examples=CAMPAIGN or 250,
    derandomize=not CAMPAIGN,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

CHARSETS = [
    "utf-8",
    "UTF-8",
    "iso-8859-1",
    "latin1",
    "windows-1252",
    "cp1252",
    "utf-16",
    "utf-16le",
    "utf-16be",
    "utf-32",
    "koi8-r",
    "shift_jis",
    "gb2312",
    "big5",
    "euc-kr",
    "ascii",
    "us-ascii",
    "utf-7",
    "x-user-defined",
    "bogus",
    "",
    '"utf-8"',
    "'latin1'",
    "utf8;",
    "UTF-8 ",
    "undefined",
    "punycode",
    "idna",
    "unicode_escape",
    "rot13",
    "base64",
    "zlib",
    "hex",
    "x" * 200,
    "utf-\u00e9",
]
CONTENT_TYPES = st.one_of(
    st.none(),
    st.sampled_from(CHARSETS).map(lambda c: f"text/html; charset={c}"),
    st.sampled_from(
        [
            "text/html",
            "application/rss+xml",
            "application/octet-stream",
            "text/plain;charset",
            'text/plain; charset="',
            ";;;",
            "charset=utf-8; charset=latin1",
        ]
    ),
    st.text(max_size=60),
)
HEADS = st.sampled_from(
    [
        b"",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xfe\xff",
        b"\xff\xfe\x00\x00",
        b"<?xml version='1.0' encoding='utf-16'?>",
        b'<meta charset="koi8-r">',
        b"<meta http-equiv='Content-Type' content='text/html; charset=undefined'>",
        b'<?xml version="1.0" encoding="punycode"?>',
    ]
)
ANY_BYTES = st.builds(lambda h, b: h + b, HEADS, st.binary(max_size=400))
ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200)
STORABLE_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200)
ALLOWED_CONTROLS = {"\n", "\t"}


def assert_storable(text: str) -> None:
    """What the warehouse needs: encodable as UTF-8 (DuckDB VARCHAR, sha256) and free of control chars."""
    text.encode("utf-8")  # raises on lone surrogates
    bad = [c for c in text if unicodedata.category(c) == "Cc" and c not in ALLOWED_CONTROLS]
    assert not bad, f"control characters left: {bad[:5]!r}"


def read(data: bytes, content_type: str | None) -> str | None:
    """The path a fetched body takes: decode, then normalise. None when skipped as undecodable."""
    try:
        text, _ = decode_bytes(data, content_type)
    except UndecodableError:
        return None
    return normalise_text(text)


# Table rows: test function -> (kind of hostile input, what the property promises). The result column
# comes from the test's own report (passed, or known bug for a strict xfail).
PROPERTIES = {
    "test_any_bytes_any_content_type_give_storable_text_or_undecodable": (
        "Any bytes under any declared charset, incl. Python-only codecs (hypothesis)",
        "storable text or 'skipped: undecodable', never another exception",
    ),
    "test_bytes_under_web_charsets_give_storable_text_or_undecodable": (
        "Any bytes under web charsets, BOMs, <meta>/XML declarations (hypothesis)",
        "storable text or 'skipped: undecodable', never another exception",
    ),
    "test_declared_charset_round_trips": ("Text in a declared charset (hypothesis)", "decoded unchanged"),
    "test_declared_utf16_without_bom_is_read": ("UTF-16 without BOM, charset declared", "decoded unchanged"),
    "test_undeclared_utf16_without_bom_is_skipped_with_a_reason": (
        "UTF-16 without BOM, nothing declared",
        "skipped: binary content (NUL bytes)",
    ),
    "test_utf8_without_declaration_round_trips": (
        "UTF-8 without declaration (hypothesis)",
        "decoded unchanged",
    ),
    "test_normalise_never_raises_and_is_deterministic": (
        "Arbitrary Unicode incl. lone surrogates into the normaliser (hypothesis)",
        "no exception, same output",
    ),
    "test_normalised_text_is_storable": (
        "Control characters, CR/LF mixes, zero-width marks (hypothesis)",
        "removed; UTF-8 storable text",
    ),
    "test_normalise_is_idempotent": (
        "Re-normalising stored text (hypothesis)",
        "same text, same content hash",
    ),
}


@pytest.fixture(autouse=True)
def _record_property(request: pytest.FixtureRequest) -> None:
    kind, outcome = PROPERTIES[request.node.originalname]
    params = getattr(request.node, "callspec", None)
    case = f"{FAST.max_examples} examples" + (
        f" ({', '.join(map(str, params.params.values()))})" if params else ""
    )
    case_log(request).record(kind, case).observed(outcome)


@settings(FAST)
@given(data=ANY_BYTES, content_type=CONTENT_TYPES)
@example(data=b"12 000 soldiers", content_type="text/plain; charset=undefined")
@example(data=b"<p>a..b</p>", content_type="text/html; charset=punycode")
@example(data=b"+2AA- 100 soldiers", content_type="text/plain; charset=utf-7")
@example(data=b"x \\ud800 100", content_type="text/plain; charset=unicode_escape")
def test_any_bytes_any_content_type_give_storable_text_or_undecodable(
    data: bytes, content_type: str | None
) -> None:
    text = read(data, content_type)
    if text is not None:
        assert_storable(text)
        content_hash(text)


@settings(FAST)
@given(
    data=ANY_BYTES,
    content_type=CONTENT_TYPES.filter(
        lambda c: c is None or not any(k in c.lower() for k in ("undefined", "punycode", "utf-7", "escape"))
    ),
)
def test_bytes_under_web_charsets_give_storable_text_or_undecodable(
    data: bytes, content_type: str | None
) -> None:
    """The same property restricted to charsets a real web server sends: this part holds today."""
    heads_ok = b"undefined" not in data and b"punycode" not in data
    if not heads_ok:
        return
    text = read(data, content_type)
    if text is not None:
        assert_storable(text)
        content_hash(text)


@pytest.mark.parametrize(
    "charset", ["utf-8", "cp1252", "iso-8859-15", "koi8-r", "shift_jis", "utf-16", "utf-32"]
)
@settings(FAST)
@given(text=STORABLE_TEXT)
def test_declared_charset_round_trips(charset: str, text: str) -> None:
    """A body encoded in the charset its Content-Type names decodes to the same text."""
    try:
        data = text.encode(charset)
    except UnicodeEncodeError:
        return
    if data.decode(charset) != text:
        return  # the codec itself does not round-trip (shift_jis maps both ¥ and \\ to 0x5C)
    if "\x00" in text:
        return  # NUL is refused as binary on purpose
    decoded, _ = decode_bytes(data, f"text/html; charset={charset}")
    assert decoded == text.removeprefix("\ufeff") or decoded == text


@pytest.mark.parametrize("charset", ["utf-16le", "utf-16be"])
def test_declared_utf16_without_bom_is_read(charset: str) -> None:
    text = "Pas moins de 100 000 soldats, selon l'état-major."
    decoded, _ = decode_bytes(text.encode(charset), f"text/plain; charset={charset}")
    assert decoded == text


def test_undeclared_utf16_without_bom_is_skipped_with_a_reason() -> None:
    """No BOM and no charset: nothing says it is UTF-16, so refusing it (with a reason) is acceptable."""
    with pytest.raises(UndecodableError, match="binary|NUL|encod"):
        decode_bytes("About 20,000 square miles burned.".encode("utf-16-le"), None)


@settings(FAST)
@given(text=STORABLE_TEXT)
def test_utf8_without_declaration_round_trips(text: str) -> None:
    if "\x00" in text or text.startswith("\ufeff") or "<meta" in text.lower() or "<?xml" in text.lower():
        return
    decoded, encoding = decode_bytes(text.encode("utf-8"), None)
    assert decoded == text and encoding == "utf-8"


@settings(FAST)
@given(text=ANY_TEXT)
def test_normalise_never_raises_and_is_deterministic(text: str) -> None:
    assert normalise_text(text) == normalise_text(text)


@settings(FAST)
@given(text=STORABLE_TEXT)
def test_normalised_text_is_storable(text: str) -> None:
    out = normalise_text(text)
    assert_storable(out)
    assert "\r" not in out and out == out.strip()


@settings(FAST)
@given(text=STORABLE_TEXT)
@example(text="Cafe\u200b\u0301 a co\u00fbt\u00e9 12 000 \u20ac")
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
