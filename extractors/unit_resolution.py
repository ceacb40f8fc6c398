"""Units and currencies written after (or before) a number: which pint unit or ISO code a surface means here.

A surface may be ambiguous ("pounds", "degrees", "pesos"): the sentence's cue words, the countries named
around it and the language's guards decide; answers that depend on the surface only are memoised per
language.
"""

from __future__ import annotations

import regex

from quantcheck.extractors.currency_country import CountryResolver
from quantcheck.extractors.extraction_context import Candidate, ExtractionContext
from quantcheck.extractors.numbers import AHEAD
from quantcheck.extractors.text_views import (
    followed_by_punct,
    has_word,
    next_word,
    phrase_follows,
    sentence_lower,
)

_MISSING = object()


def currency_of(ctx: ExtractionContext, sym: str) -> tuple[str, float] | None:
    """ISO code (and scale) of a currency sign, code or word as written (memoised per language:
    it depends on the symbol only, and a text full of "$" asks it at every number)."""
    memo = ctx.lang.memo_currency
    got = memo.get(sym, _MISSING)
    if got is _MISSING:
        got = read_currency(ctx, sym)
        if len(memo) < 10_000:  # symbols come from the unit lists: few, but stay bounded anyway
            memo[sym] = got
    return got


def read_currency(ctx: ExtractionContext, sym: str) -> tuple[str, float] | None:
    """The uncached answer of ``currency_of``: a code, an alias, a code with a scale letter ("MUSD"), a
    currency word before or after the number, or a unit word that names a currency."""
    lang = ctx.lang
    if sym in lang.currency_codes:
        return sym, 1.0
    if sym.upper() in lang.currency_aliases and (sym.isupper() or sym.lower() in lang.units_ci):
        return lang.currency_aliases[sym.upper()], 1.0
    for letter, factor in lang.code_scale_letters.items():
        rest = sym[len(letter):]
        if sym.startswith(letter) and rest in lang.currency_codes and rest.isupper():
            return sym[len(letter):], factor
    low = " ".join(sym.lower().split())
    if low in lang.currency_suffix:
        return lang.currency_suffix[low], 1.0
    if low in lang.currency_prefix:
        return lang.currency_prefix[low], 1.0
    unit = lang.units_ci.get(low)
    if unit and unit.isupper():
        return unit, 1.0
    return None


def resolve_unit(ctx: ExtractionContext, surface: str, pos: int, scaled: bool, money: bool,
                 value: float | None = None) -> str | None:
    """The pint unit of a unit surface at ``pos``, or None when it is not a unit here."""
    lang = ctx.lang
    if surface in lang.units_cs:
        return lang.units_cs[surface]
    cur = currency_of(ctx, surface)
    if cur is not None and cur[1] == 1.0:
        return cur[0]
    if cur is not None:
        return f"{cur[0]}*{cur[1]:g}"
    low = " ".join(surface.lower().split())
    amb = lang.ambiguous.get(low)
    if amb is not None:
        sentence = None
        for rule in amb.rules:
            if "above" in rule and (value is None or value <= rule["above"]):
                continue  # "118 degrees in Phoenix": no air is that hot in Celsius
            if rule.get("scaled") and (scaled or money):
                return rule["unit"]
            cues = rule.get("cues")
            if cues:
                if sentence is None:
                    sentence = sentence_lower(ctx, pos)
                if any(has_word(sentence, c, ctx.lang.compound_words) for c in cues):
                    return rule["unit"]
        return amb.default or None
    return lang.units_ci.get(low)


def country_currency(ctx: ExtractionContext, unit: str, pos: int) -> str:
    """The currency a one-word name shared by several countries means here ("pesos", "francs"), from the
    countries named around it (extractors/currency_country.py); ``unit`` is the language's default."""
    if ctx.countries is None:
        ctx.countries = CountryResolver(ctx.lang.countries, ctx.lower)
    return ctx.countries.resolve(unit, pos, ctx.sentences.span(pos))


def guard_allows(ctx: ExtractionContext, surface: str, attached: bool, end: int, after_unit: bool) -> bool:
    """Whether a guarded unit surface ([guards]: "m", "h", "pm" ...) is a unit here: glued to the number, the
    second part of a composite, before punctuation or before one of its allowed next words."""
    g = ctx.lang.guards.get(surface)
    if g is None:
        g = ctx.lang.guards.get(surface.lower()) if surface.lower() in ctx.lang.units_ci else None
    if not g:
        return True
    if attached:
        return True
    if after_unit and g.get("after_unit"):
        return True  # "2 h 21 min 34 s": the second part of a composite
    if g.get("attached_only"):
        return False
    if g.get("end") and followed_by_punct(ctx, end):
        return True
    nxt = g.get("next")
    if nxt and next_word(ctx, end) in nxt:
        return True
    return not (g.get("end") or nxt)


def unit_at(ctx: ExtractionContext, pos: int) -> regex.Match | None:
    """The longest unit written at ``pos``: words matched lower-cased, symbols as written."""
    a = ctx.patterns["unit_ci"].match(ctx.lower, pos, pos + AHEAD)
    b = ctx.patterns["unit_cs"].match(ctx.text, pos, pos + AHEAD)
    if a is None:
        return b
    if b is None:
        return a
    return b if b.end() > a.end() else a


def scale_at(ctx: ExtractionContext, pos: int) -> regex.Match | None:
    """A scale word ("million", lower-cased) or symbol ("bn", "M", as written) at ``pos``."""
    a = ctx.patterns["scale_w"].match(ctx.lower, pos, pos + AHEAD)
    return a if a is not None else ctx.patterns["scale_s"].match(ctx.text, pos, pos + AHEAD)


def match_unit(ctx: ExtractionContext, pos: int, c: Candidate, money: bool,
               after_unit: bool = False) -> tuple[str, int] | None:
    """(pint unit, end) of the unit written at ``pos`` (after the number), or None."""
    m = unit_at(ctx, pos)
    if m is None:
        if ctx.text[pos:pos + 1] != " " or ctx.lower[pos + 1:pos + 4] not in ctx.lang.country_heads:
            return None  # (a cheap test before the lookup: most numbers are followed by no country)
        return demonym_currency(ctx, pos)
    surface = ctx.text[m.start("u"):m.end("u")]
    gap = m.group("gap") or ""
    attached = gap == "" and not m.group("open")
    if "-" in gap or "‑" in gap:
        if gap.strip() not in ("-", "‑") and gap not in ("-", "‑"):
            return None
        if c.num.decimals == 0 and c.num.plain_int and len(c.num.plain_int) > 4:
            return None
    if "\n" in gap:
        return None
    e = m.end()
    if len(surface) <= 2 and e + 1 < ctx.length and ctx.text[e] in "'’" and ctx.text[e + 1].isalpha():
        return None  # "2,1 milliards l'an dernier", "5 m'a": an elided article or pronoun, not a unit
    unit = resolve_unit(ctx, surface, m.start("u"), c.scaled > 1.0, money, c.value)
    if not unit:
        return None
    if unit.isupper() and surface.isalpha() and surface.lower() != unit.lower():
        unit = country_currency(ctx, unit, m.start("u"))  # "1.150 pesos" about Argentina: ARS
    if not guard_allows(ctx, surface, attached, m.end(), after_unit):
        return None
    compounds = ctx.lang.unit_compounds.get(unit) if ctx.lang.unit_compounds else None
    if compounds and phrase_follows(ctx, m.end(), compounds):
        return None  # "34 barrel bombs", "500 foot soldiers": the unit word is part of a noun
    if hyphen_compound(ctx, m.end()):
        return None  # "485,000 day-trippers", "52,1M de journées-skieurs": the unit word heads a noun
    power = 0
    if m.group("pp"):
        power = ctx.lang.powers_prefix.get(" ".join(m.group("pp").lower().split()), 0)
    if m.group("ps"):
        power = ctx.lang.powers_suffix.get(m.group("ps").strip().lower(), 0) or power
    if power:
        if "*" in unit or "/" in unit or unit.isupper():
            return None
        unit = f"{unit}**{power}"
    return unit, m.end()


def hyphen_compound(ctx: ExtractionContext, end: int) -> bool:
    """A unit word joined by a hyphen to a lower-case word that is not one of the language's
    ``unit_hyphen_words`` ("mile-long", "year-old") is the head of a compound noun, not a unit."""
    if ctx.text[end:end + 1] not in ("-", "‑") or not ctx.text[end + 1:end + 2].islower():
        return False
    word = regex.match(r"\p{Ll}+", ctx.text[end + 1:end + 30])
    return word is not None and word.group() not in ctx.lang.unit_hyphen_words


def demonym_currency(ctx: ExtractionContext, pos: int) -> tuple[str, int] | None:
    """"4.2 million Norwegian crowns", "4,2 Millionen norwegische Kronen", "500 Syrian pounds": a country
    word of [currency_countries] between the number and a currency name its country shares with others
    (a family of common.toml [currency_families]) gives that country's currency."""
    data = ctx.lang.countries
    if data is None or ctx.text[pos:pos + 1] != " " or \
            ctx.lower[pos + 1:pos + 4] not in ctx.lang.country_heads:
        return None
    wm = ctx.patterns["words_ahead"].match(ctx.lower, pos + 1, pos + 1 + AHEAD)
    code = data.code_of.get(wm.group()) if wm is not None else None
    if code is None:
        return None
    um = unit_at(ctx, wm.end())
    if um is None or um.group("gap") != " ":
        return None
    surface = ctx.text[um.start("u"):um.end("u")]
    default = currency_of(ctx, surface)
    readings = [default[0]] if default is not None and default[1] == 1.0 else []
    amb = ctx.lang.ambiguous.get(" ".join(surface.lower().split()))
    if amb is not None:  # "pounds": mass or sterling; with "Syrian" before it, money
        readings += [rule["unit"] for rule in amb.rules if "unit" in rule]
    if any(code in data.family_of.get(r, ()) for r in readings):
        return code, um.end()
    return None


def negative_reading(ctx: ExtractionContext, unit: str) -> str:
    """An ambiguous unit's reading for a negative value: "-5 degrees", "moins 12 degrés" are
    temperatures (a rule ``{ unit = "degC", negative = true }`` in the language's [[ambiguous]]).
    Memoised per language: it depends on the unit only, and is asked after every unit."""
    memo = ctx.lang.memo_negative
    got = memo.get(unit)
    if got is None:
        got = unit
        for amb in ctx.lang.ambiguous.values():
            if amb.default == unit:
                got = next((rule["unit"] for rule in amb.rules if rule.get("negative")), None)
                if got is not None:
                    break
                got = unit
        if len(memo) < 10_000:
            memo[unit] = got
    return got


def currency_follows(ctx: ExtractionContext, pos: int, glued: bool = False) -> bool:
    """Whether a currency follows ``pos`` (glued to it with ``glued``): "3bn dollars", "45 M€"."""
    m = unit_at(ctx, pos)
    if m is None or glued and m.start("u") != pos:
        return False
    u = ctx.text[m.start("u"):m.end("u")]
    return currency_of(ctx, u) is not None or u.lower() in ("dollars", "dollar")


RANGE_SECOND_M = regex.compile(r"[-–]\d+(?:[.,]\d+)?m(?=[ \u00a0])")  # "-1.37m" in "1.34m-1.37m tonnes"


def noun_follows(ctx: ExtractionContext, pos: int, decimal: bool = False) -> bool:
    """A unit word or a counted noun of the concept lists right after ``pos`` ("1.8m vehicles"), or, after
    a decimal number, any plural-looking lower-case word ("2.5m viewers": a length in metres is rarely
    written with a decimal before a plural noun; "1.8m tall", "1.5m deep" stay metres). The first end of
    a range looks past the second ("1.34m-1.37m tonnes")."""
    if pos < ctx.length and ctx.text[pos] in "-–":
        second = RANGE_SECOND_M.match(ctx.text, pos)
        return second is not None and noun_follows(ctx, second.end(), decimal)
    if pos < ctx.length and ctx.text[pos] not in " \u00a0":
        return False
    m = unit_at(ctx, pos)
    if m is not None and (ctx.text[m.start("u"):m.end("u")].lower() in ctx.lang.units_ci or
                          m.group("u") in ctx.lang.units_cs):
        return len(m.group("u")) > 2  # "1.2m tonnes", "9m bpd"
    word = next_word(ctx, pos)
    if word in ctx.lang.concepts:
        return True
    return decimal and not ctx.lang.capitalised_nouns and len(word) > 3 and word.endswith("s") and \
        word.isalpha() and ctx.text[pos + 1:pos + 2].islower() and word not in ctx.lang.stopwords and \
        word not in ctx.lang.powers_suffix and word not in ctx.lang.qualifiers_after
