"""Quantity extraction: text in, :class:`Mention` records out. Pure: no I/O beyond reading the
bundled language data once.

    >>> from extractors import extract
    >>> [m.surface for m in extract("Pas moins de 100 000 soldats russes", lang="fr")]
    ['100 000']
"""

from quantcheck.extractors.model import QUALIFIERS, Mention

EXTRACTOR_VERSION = "0.1.0"

__all__ = ["EXTRACTOR_VERSION", "QUALIFIERS", "Mention", "extract", "detect_language"]


def extract(text: str, lang: str | None = None) -> list[Mention]:  # replaced by the engine
    from quantcheck.extractors.engine import extract as _extract

    return _extract(text, lang)


def detect_language(text: str) -> str:
    from quantcheck.extractors.langdetect import detect_language as _detect

    return _detect(text)
