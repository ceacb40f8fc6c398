"""The counted noun of a bare number: what "300 soldiers", "67 millions d'habitants" count.
"""

from __future__ import annotations

import regex

from quantcheck.extractors.extraction_context import ExtractionContext
from quantcheck.extractors.numbers import AHEAD, Number


def collective_number(ctx: ExtractionContext, num: Number, start: int) -> bool:
    """"une douzaine de manifestants", "a dozen of": a number word ending in a multiplier is a
    collective noun, and what it counts follows the link word as after a scale word."""
    return _last_word(ctx, num, start) in ctx.lang.multipliers


def fraction_number(ctx: ExtractionContext, num: Number, start: int) -> bool:
    """"un quart d'heure", "trois quarts d'heure", "un cuarto de hora": a number word ending in a fraction
    word links to its unit like a scale word (a unit must follow: "un tiers des votes" stays a fraction)."""
    return _last_word(ctx, num, start) in ctx.lang.fractions


def _last_word(ctx: ExtractionContext, num: Number, start: int) -> str:
    """The last word of a number written in words, lower-cased ("" for digits)."""
    tail = ctx.lower[start:num.end].rsplit(None, 1)[-1:] if num.words else []
    return tail[0] if tail else ""


CLOSING_QUOTE = regex.compile(r"[ \u00a0\u202f]?[»”][ \u00a0\u202f]")  # not a straight one: 10 " is inches


def counted_noun(ctx: ExtractionContext, pos: int, scaled: bool) -> str | None:
    """The noun a bare number at ``pos`` counts: the word after it, past adjectives, participles and
    acronyms where adjectives come first ("3 armed men", "20 US soldiers"), after the link word of a scale
    ("67 millions d'habitants"), hyphenated ("a 40-vehicle pile-up"); None before a verb, an article or a
    month or a day ("rose to 57 Thursday")."""
    text, lang = ctx.text, ctx.lang
    if lang.adjective_before_noun and text[pos:pos + 1] in "-‑":  # "a 40-vehicle pile-up", "a 1,104-page"
        hm = ctx.patterns["words_ahead"].match(ctx.lower, pos + 1, pos + AHEAD)
        if hm is None or hm.group() in lang.stopwords or ctx.lower[hm.end():hm.end() + 1] == "-":
            return None
        return hm.group()
    first: list[str] = []
    qm = CLOSING_QUOTE.match(text, pos)
    if qm is not None:  # "spricht von «maximal 1,1 Millionen» Dokumenten": the quote closes before the noun
        pos = qm.end() - 1
    if scaled:
        lm = ctx.patterns["link"].match(ctx.lower, pos, pos + AHEAD)
        if lm and text[lm.end() - 1] in "'’":  # "67 millions d'habitants": the noun is glued to d'
            fm = ctx.patterns["words_ahead"].match(text, lm.end(), lm.end() + AHEAD)
            if fm is None:
                return None
            first, pos = [fm.group()], fm.end()
        elif lm:
            pos = lm.end() - 1
    m = ctx.patterns["next_words"].match(text, pos, pos + AHEAD)
    if m is None and not first:
        return None
    ws = first + ([w for w in (m.group("w1"), m.group("w2"), m.group("w3")) if w] if m else [])
    ws = ws[:3]
    for i, w in enumerate(ws):
        lw = w.lower().strip("'’-")
        if lw in lang.adverbs:  # "dont deux grièvement atteints": a concept after it or nothing is counted
            if lang.adjective_before_noun:
                continue  # "two critically injured children": the noun after it
            nxt = ws[i + 1].lower().strip("'’-") if i + 1 < len(ws) else ""
            return nxt if nxt in lang.concepts else None
        el = max(lw.find("'"), lw.find("’"))
        if el > 0 and lw[:el + 1] in lang.stopwords:
            return None  # "2,1 milliards l'an dernier": an elided article opens another noun phrase
        if lang.capitalised_nouns:
            if lw in lang.stopwords or lw in lang.day_words:
                return None
            if w[:1].isupper():
                return w.strip("'’-")
            continue
        if lw in lang.concepts:
            return lw
        if lang.adjective_before_noun and i + 1 < len(ws) and len(w) > 1 and w.isupper():
            continue  # "20 US soldiers", "300 EU officials": an acronym modifies the noun after it
        if lw in lang.stopwords or lw in lang.months or lw in lang.day_words or lw in lang.qualifiers:
            return None
        if lang.verb_suffixes and lw.endswith(lang.verb_suffixes):
            if lang.adjective_before_noun:
                continue  # "3 armed men": a participle before the noun; "the S&P 500 closed up"
            return None  # "el 112 recibió", "Ariane 6 pourra": a verb, not the counted noun
        if lw in lang.skip_words:
            continue
        if lang.adjective_before_noun and i + 1 < len(ws):
            nxt = ws[i + 1].lower().strip("'’-")
            if nxt in lang.concepts:
                return nxt
            # noun compounds: "police officers", "low-income households": a singular modifier before
            # a plural word leaves the head to the plural
            singular = not lw.endswith("s") or lw.endswith(("ss", "us", "is"))  # "bus", "crisis"
            if singular and nxt.endswith("s") and not nxt.endswith("ss") and \
                    nxt not in lang.stopwords and nxt not in lang.qualifiers and "'" not in nxt:
                return nxt
        return lw
    return None
