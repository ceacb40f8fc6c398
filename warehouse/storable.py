"""Make any string storable: the one place paths, reasons, titles, URLs and errors pass before they are
written to the warehouse or to a log.

Why this exists: a Python ``str`` can hold lone UTF-16 surrogates. Python decodes a file name that is not
UTF-8 (``old-caf\\xe9.doc`` from an old archive) with ``surrogateescape``, giving ``'old-caf\\udce9.doc'``;
a JSON ``"\\ud800"`` escape gives a lone surrogate too. DuckDB stores UTF-8 and refuses such a string
("Unable to cast Python instance of type <class 'str'> to C++ type"), ``json.dumps(..., ensure_ascii=False)``
passes it through, and printing it to a UTF-8 terminal raises. One such name in a source folder used to
make every run fail at its very end.

The surrogates are escaped *visibly*, not replaced by U+FFFD: ``\\xe9`` for a byte that was not UTF-8
(what ``surrogateescape`` produced), ``\\ud800`` for any other lone surrogate. A person reading the skipped
list can still find the file (``ls old-caf$'\\xe9'.doc``). Document texts are not handled here: their
surrogates become U+FFFD during normalisation, so that mention offsets keep pointing at one character.
"""

from __future__ import annotations

import re
from typing import Any

SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def storable(value: str) -> str:
    """``value`` with every lone surrogate escaped visibly; other strings are returned unchanged.

    >>> storable("old-caf\\udce9.doc")
    'old-caf\\\\xe9.doc'
    >>> storable("a\\ud800b")
    'a\\\\ud800b'
    >>> storable("café")
    'café'
    """
    if SURROGATE.search(value) is None:  # the common case costs one scan
        return value
    return SURROGATE.sub(_escape, value)


def storable_value(value: Any) -> Any:
    """Strings made storable inside dicts, lists and tuples (keys included); other values unchanged."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return {storable_value(k): storable_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [storable_value(v) for v in value]
    return value


def optional_storable(value: Any) -> str | None:
    """``None`` stays None; anything else becomes a storable string."""
    return None if value is None else storable(str(value))
