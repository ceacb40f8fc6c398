"""Helpers for the unit tests of the engine's parts (tests/test_extract_<part>.py).

Each part of the engine is a set of plain functions over an ``ExtractionContext``; these helpers build a
context for a sentence and the candidate that one anchor of it gives, so that a single rule can be called
on its own, without running the whole engine.
"""

from __future__ import annotations

from quantcheck.extractors.extraction_context import Candidate, ExtractionContext
from quantcheck.extractors.langdata import load
from quantcheck.extractors.number_parsing import clock_duration, parse_anchor


def context(text: str, lang: str = "en") -> ExtractionContext:
    """The context the engine builds for ``text`` read in ``lang``."""
    return ExtractionContext.of(text, load(lang))


def anchor_at(ctx: ExtractionContext, pos: int):
    """The anchor match the engine's patterns find at ``pos`` (digits first, then number words)."""
    for name, view in (("anchor", ctx.text), ("anchor_words", ctx.lower)):
        m = ctx.patterns[name].match(view, pos)
        if m is not None and m.start() == pos:
            return m
    raise AssertionError(f"no anchor at {pos} in {ctx.text!r}")


def candidate(text: str, number: str, lang: str = "en") -> tuple[ExtractionContext, Candidate]:
    """(context, candidate) for the first occurrence of ``number`` in ``text``: what ``parse_anchor``
    reads there, before any filter or pass."""
    ctx = context(text, lang)
    m = anchor_at(ctx, text.index(number))
    c, _ = clock_duration(ctx, m) if m.lastgroup == "clock" else parse_anchor(ctx, m)
    assert c is not None, f"{number!r} in {text!r} gives no candidate"
    return ctx, c
