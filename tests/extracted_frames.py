"""The frames of every mention the real extractor finds in a text, by surface: the frame reader's tests on
whole sentences (tests/test_checks_things.py, tests/test_checks_periods.py)."""

from __future__ import annotations

from datetime import date

from quantcheck.checks.frames import ClaimInput, Frame, frames_for_document
from quantcheck.extractors import extract


def frames_by_surface(text: str, lang: str, published: date) -> dict[str, Frame]:
    """Every mention the extractor finds in ``text``, with its frame read as one article, by surface."""
    found = extract(text, lang)
    claims = [ClaimInput(f"m{i}", m.start, m.end, m.sentence_start, m.sentence_end, m.dimension, m.counted,
                         m.concept, m.value) for i, m in enumerate(found)]
    read = frames_for_document(text, lang, published, claims)
    return {m.surface: f for m, f in zip(found, read, strict=True)}
