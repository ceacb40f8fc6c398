"""The concept of a mention (age, money, price, percent, a dimension, or what its counted noun means).
"""

from __future__ import annotations

from quantcheck.extractors.extraction_context import Candidate, ExtractionContext
from quantcheck.extractors.units import UnitInfo


def concept_of(ctx: ExtractionContext, c: Candidate, info: UnitInfo) -> str | None:
    """What ``c`` measures or counts: "age", "money", "price", "percent", the language's concept of its
    dimension, or, for a bare count, the concept of its counted noun (a plural, a singular, or the head of
    a compound: "Verkehrstote"); None when unknown."""
    lang = ctx.lang
    if c.age:
        return "age"
    if not c.unit:
        if not c.counted:
            return None
        low = c.counted.lower()
        concept = lang.concepts.get(low)
        if concept is None:
            for suf in ("s", "es", "x", "en", "n", "e"):
                if low.endswith(suf) and low[: -len(suf)] in lang.concepts:
                    return lang.concepts[low[: -len(suf)]]
            # a singular ("one civilian", "one child") takes the concept of its plural
            plural = lang.irregular_plurals.get(low)
            for form in (plural, low + "s", low + "es", low[:-1] + "ies" if low.endswith("y") else None):
                if form and form in lang.concepts:
                    return lang.concepts[form]
        if concept is None and lang.compound_heads:  # "Gegenstimmen", "Verkehrstote": the head ends the word
            for i in range(1, len(low) - 3):
                if low[i:] in lang.compound_heads:
                    return lang.concepts.get(low[i:])
        return concept
    dim = info.dimension
    if dim.startswith("currency_"):
        return "money" if "/" not in dim else "price"
    if c.unit == "percent":
        return "percent"
    return lang.dimension_concepts.get(dim)
