"""Bytes to text: the charset a server or file declares, else the one the bytes reveal.

Order (as browsers do): a byte-order mark; the charset in the HTTP Content-Type header; the charset an HTML
<meta> or XML declaration states; strict UTF-8; then statistical detection (charset-normalizer); Windows-1252
as the last resort (it decodes every byte, and is what "Latin-1" pages almost always really are).
"""

from __future__ import annotations

import codecs
import re

from quantcheck.flows.normalise import clean_string

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.\-]+)["']""", re.IGNORECASE)
HEADER_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
SNIFF_BYTES = 4096


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can name (for example binary data)."""


# Python codecs a server may name that are not character encodings of web pages: they raise on use
# (undefined), decode to something else (punycode, idna), or produce lone surrogates (utf-7, *_escape).
REFUSED_CODECS = {"undefined", "punycode", "idna", "utf-7", "unicode-escape", "raw-unicode-escape",
                  "unicode_escape", "raw_unicode_escape", "utf_7", "palmos", "mbcs", "oem"}


def _codec(name: str | None) -> str | None:
    """The Python codec for a declared charset label, or None when unknown or not a web text encoding."""
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip().strip("\"'"))
    except (LookupError, ValueError):
        return None
    found = info.name
    if not getattr(info, "_is_text_encoding", True) or found in REFUSED_CODECS:
        return None
    # Browsers treat "iso-8859-1"/"ascii" labels as windows-1252 (WHATWG Encoding): same letters, plus the
    # curly quotes and euro sign real pages put in 0x80-0x9f.
    return "cp1252" if found in ("latin-1", "iso8859-1", "ascii") else found


def header_charset(content_type: str | None) -> str | None:
    m = HEADER_CHARSET_RE.search(content_type or "")
    return _codec(m.group(1)) if m else None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML <meta> tag or XML declaration states in the first few KB."""
    head = data[:SNIFF_BYTES]
    m = XML_DECL_RE.search(head) or META_CHARSET_RE.search(head)
    return _codec(m.group(1).decode("ascii", "replace")) if m else None


def decode_bytes(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns (text, encoding used). Raises UndecodableError for binary-looking data.

    The text never holds lone surrogates (replaced with U+FFFD), so it can always be hashed and stored.
    """
    text, name = _decode(data, content_type)
    return clean_string(text), name


def _decode(data: bytes, content_type: str | None) -> tuple[str, str]:
    for bom, name in BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    declared = header_charset(content_type)
    if declared and declared.startswith(("utf_16", "utf_32", "utf-16", "utf-32")):
        # UTF-16/32 text is full of NUL bytes; a declared label (which forbids a BOM) settles it
        return data.decode(declared, errors="replace"), declared
    if b"\x00" in data[: 1 << 16]:
        raise UndecodableError("binary content (NUL bytes)")
    for name in (declared, declared_charset(data)):
        if name and not name.startswith(("utf_16", "utf_32", "utf-16", "utf-32")):
            try:
                return data.decode(name), name
            except (UnicodeError, LookupError, ValueError):
                pass  # a wrong declaration is common; fall through to detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = _detect(data)
    if guess:
        try:
            return data.decode(guess), guess
        except (UnicodeError, LookupError, ValueError):
            pass
    return data.decode("cp1252", errors="replace"), "cp1252"


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    if best is None:
        return None
    name = _codec(best.encoding)
    if name and name.startswith(("utf-16", "utf-32")):
        return None  # without a BOM and without NUL bytes these guesses are noise on short Latin text
    # Short Western European texts are often guessed as a neighbouring single-byte code page (cp1250,
    # mac_roman...) that maps accented letters differently. When the cp1252 reading looks like a Western
    # European language (accented letters are a minority of the letters), trust it: it is by far the
    # likeliest on the web. Cyrillic or Greek text read as cp1252 is nearly all non-ASCII and keeps the guess.
    if name and name != "cp1252" and _is_single_byte(name) and _looks_western(data):
        return "cp1252"
    return name


def _looks_western(data: bytes) -> bool:
    text = data[: 1 << 16].decode("cp1252", errors="replace")
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    non_ascii = sum(1 for c in letters if ord(c) > 127)
    return non_ascii / len(letters) < 0.3


def _is_single_byte(name: str) -> bool:
    try:
        return len("é".encode(name)) == 1
    except (UnicodeEncodeError, LookupError):
        return True
