"""Text normalisation, before the content hash (warehouse.records.content_hash) deduplicates articles.

The stored text is the normalised text: mention offsets refer to it, and its sha256 is the dedupe key, so
two copies of an article that differ only in Unicode composition, line endings, trailing spaces or
navigation lines ("Previous / Next / Leave a Comment") hash the same and are stored once.
No-break spaces are kept on purpose: French and German write "100 000" with them and the extractor reads
them as digit-group separators.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

BOILERPLATE_FILE = Path(__file__).with_name("boilerplate.toml")
SEPARATORS_RE = re.compile(r"\s*[/|·•–»«<>]+\s*")
# C0/C1 controls except tab and newline, plus BOM and zero-width marks that break words invisibly.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u200b\u200c\u200d\u2060]")
BLANKS_RE = re.compile(r"\n{3,}")
SURROGATE_RE = re.compile(r"[\ud800-\udfff]")  # lone halves of UTF-16 pairs (from JSON "\\ud800")


@lru_cache(maxsize=1)
def boilerplate_phrases() -> frozenset[str]:
    data = tomllib.loads(BOILERPLATE_FILE.read_text(encoding="utf-8"))
    return frozenset(p.casefold() for phrases in data["phrases"].values() for p in phrases)


def is_boilerplate_line(line: str) -> bool:
    """True for a line made only of navigation phrases.

    >>> is_boilerplate_line("Previous / Next / Leave a Comment")
    True
    >>> is_boilerplate_line("Next year the budget grows by 5%.")
    False
    """
    stripped = line.strip()
    if not stripped or len(stripped) > 120:
        return False
    parts = [p.strip(" .:!?…\t\u00a0").casefold() for p in SEPARATORS_RE.split(stripped)]
    parts = [p for p in parts if p]
    phrases = boilerplate_phrases()
    return bool(parts) and all(p in phrases for p in parts)


def normalise_text(text: str) -> str:
    """NFC, LF newlines, no control characters or trailing spaces, no boilerplate lines, single blank lines.

    >>> normalise_text("Cafe\\u0301 \\r\\nPrevious | Next\\r\\n\\r\\n\\r\\n\\r\\nEnd")
    'Café\\n\\nEnd'
    """
    # characters are removed before NFC: removing one later could bring a letter and a combining mark
    # together and leave a text that a second normalisation would change (and hash differently)
    text = clean_string(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = CONTROL_RE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    lines = [ln.rstrip(" \t\u00a0\u3000") for ln in text.split("\n")]
    lines = [ln for ln in lines if not is_boilerplate_line(ln)]
    text = "\n".join(lines)
    text = BLANKS_RE.sub("\n\n", text)
    return text.strip()


def clean_string(value: str) -> str:
    """Replace lone surrogates with U+FFFD: they cannot be encoded as UTF-8, hashed or stored.

    >>> clean_string("a\\ud800b")
    'a\\ufffdb'
    """
    return SURROGATE_RE.sub("\ufffd", value)

