"""What may follow a unit: a scale after a currency code, a rate ("per hour", "a barrel"), the further
parts of a composite ("5 ft 2 in", "2 h 21 min 34 s", "3 dollars 50 cents"), "and a half", an age.
"""

from __future__ import annotations

import dataclasses

from quantcheck.extractors.extraction_context import Candidate, ExtractionContext
from quantcheck.extractors.numbers import AHEAD, Number, parse_digits, parse_words
from quantcheck.extractors.text_views import followed_by_punct, next_word, prev_word
from quantcheck.extractors.unit_resolution import match_unit, negative_reading, resolve_unit, unit_at
from quantcheck.extractors.unit_tables import (
    COMPOSITES,
    COMPOSITES_WITH_AND,
    MINOR_UNITS,
    SECONDS,
    TIME_UNITS,
)
from quantcheck.extractors.units import unit_info


def read_after_unit(ctx: ExtractionContext, c: Candidate, pos: int, money: bool) -> int:
    """Scale after a currency code, rates, composites, "and a half", age: what follows the unit."""
    text, lang = ctx.text, ctx.lang
    unit = c.unit
    is_money = unit.isupper() or unit in MINOR_UNITS
    if is_money and c.scaled == 1.0:
        sm = ctx.patterns["scale_w"].match(ctx.lower, pos, pos + AHEAD)
        if sm and sm.group("w"):
            factor = lang.scales.get(sm.group("w").lower())
            if factor:
                c.value = (c.value or 0) * factor
                c.scaled = factor
                pos = sm.end()
    # composite: "5 ft 2 in", "3 dollars 50 cents", "15 dollars et 15"
    comp = composite_part(ctx, c, pos)
    if comp:
        return more_time_parts(ctx, c, comp)
    # rate: "$78 a barrel", "2,19 euros le litre", "200 km per hour"
    pm = ctx.patterns["per"].match(ctx.lower, pos, pos + AHEAD)
    base = pos  # where the per-word may start: after "Regen" in "40 Liter Regen pro Quadratmeter"
    if pm is None and not is_money:
        base = substance_end(ctx, pos)
        pm = ctx.patterns["per"].match(ctx.lower, base, base + AHEAD) if base > pos else None
    if pm:
        # the whole unit after the per-word, with its power: "por metro cuadrado", "pro Quadratmeter"
        hit = match_unit(ctx, pm.start("u"), Candidate(start=pos, end=pos, value=1.0, num=c.num), False,
                              after_unit=True)
        den, den_end = hit if hit is not None and hit[1] >= pm.end() else (
            resolve_unit(ctx, text[pm.start("u"):pm.end("u")], pm.start("u"), False, False), pm.end())
        # an elided article is no unit: "480 000 € par l'aménageur" is paid by the developer, not per litre
        if text[den_end:den_end + 1] in ("'", "’"):
            den = None
        if den and not den.isupper() and den not in MINOR_UNITS and "/" not in unit:
            try:
                num_dim = unit_info(unit).dimension
                den_dim = unit_info(den).dimension
            except ValueError:
                num_dim = den_dim = ""
            # measures take the per-words of ``per_measure`` ("6 tonnes par hectare", "130 km par heure"),
            # never an article ("un fusil de 7,62mm le mois dernier")
            per_word = ctx.lower[base:pm.start("u")].strip()
            measure_per = per_word in ctx.lang.per_measure
            if (num_dim.startswith("currency_") and den_dim != "count" and
                    (den_dim != "[time]" or wage_period(ctx, den, den_end))) or (
                    num_dim == "[length]" and den_dim == "[time]" and
                    (measure_per or not lang.per_measure)) or (
                    physical_rate(num_dim, den_dim, per_word == "/", unit)
                    and measure_per and not (den_dim == "[time]" and base > pos)):
                c.unit = f"{unit}/{den}"
                pos = den_end
    # "12 grados bajo cero", "5 Grad unter null": a temperature below zero
    if c.value is not None and c.value > 0 and negative_reading(ctx, c.unit) in ("degC", "degF"):
        nm = ctx.patterns["negative_after"].match(ctx.lower, pos, pos + AHEAD)
        if nm:
            c.value = -c.value
            c.unit = negative_reading(ctx, c.unit)
            pos = nm.end()
    # "quatre ans et demi", "four years and a half"
    if c.unit in TIME_UNITS:
        hm = ctx.patterns["half"].match(ctx.lower, pos, pos + AHEAD)
        if hm and c.value is not None and c.value == int(c.value):
            c.value += 0.5
            pos = hm.end()
        am = ctx.patterns["age"].match(ctx.lower, pos, pos + AHEAD)
        if am:
            c.age = True
            pos = am.end()
        elif lang.age_units:
            c.age = age_unit_is_age(ctx, c, pos)
    return pos


def wage_period(ctx: ExtractionContext, den: str, den_end: int) -> bool:
    """"£12.21 an hour", "£221.20 a week", "£1,285 a month": money per hour, week or month is a wage, a
    rent or a benefit, a rate of its own ([words] money_periods lists the units); "$5bn a year" stays an
    amount (the period is the budget's), and so does a price "$1.79 a week earlier" (a period followed by one
    of [words] period_dated: when, not per what)."""
    return den in ctx.lang.money_periods and next_word(ctx, den_end) not in ctx.lang.period_dated


def substance_end(ctx: ExtractionContext, pos: int) -> int:
    """The end of one noun naming what is measured, between a unit and the per-word of a rate ("40 Liter
    Regen pro Quadratmeter", "58 micrograms of dioxide per cubic metre", "50 litres d'eau par mètre
    carré"): a capitalised noun where nouns are capitalised, else a link word and one word (or formula:
    "CO2"); ``pos`` when there is none."""
    if ctx.lang.capitalised_nouns:
        m = ctx.patterns["next_words"].match(ctx.text, pos, pos + AHEAD)
        return _formula_end(ctx, m.end("w1")) if m and m.group("w1")[:1].isupper() else pos
    lm = ctx.patterns["link"].match(ctx.lower, pos, pos + AHEAD)
    if lm is None:
        return pos
    fm = ctx.patterns["words_ahead"].match(ctx.lower, lm.end(), lm.end() + AHEAD)
    return _formula_end(ctx, fm.end()) if fm and fm.group() not in ctx.lang.stopwords else pos


def _formula_end(ctx: ExtractionContext, end: int) -> int:
    """The end of a formula's digits after its letters: "29 g de CO2 par kilomètre", "120 Gramm CO₂ pro
    Kilometer"."""
    while end < ctx.length and (ctx.text[end].isdigit() or ctx.text[end] in "₂₃₄"):
        end += 1
    return end


def age_unit_is_age(ctx: ExtractionContext, c: Candidate, pos: int) -> bool:
    """"die 23-Jährige", "ein 45-jähriger Mann": a unit of ``age_units`` ending at ``pos`` is an age when
    it is written as a noun (capitalised, in a language that capitalises nouns) or a person noun follows
    ("ein dreijähriger Vertrag" stays a duration)."""
    k = pos
    while k > c.start and ctx.text[k - 1].isalpha():
        k -= 1
    surface = ctx.text[k:pos]
    if surface.lower() in ctx.lang.age_units:
        if ctx.lang.capitalised_nouns and surface[:1].isupper():
            return True
    elif not any(surface.lower().endswith(u) for u in ctx.lang.age_units):  # glued: "dreijährige"
        return False
    return next_word(ctx, pos) in ctx.lang.age_nouns


def composite_part(ctx: ExtractionContext, c: Candidate, pos: int) -> int | None:
    """"5 ft 2 in", "3 dollars 50 cents", "15 dollars et 15", "2 h 21": the second part of an amount
    written in two units, added to ``c``; the end of what is used, or None when no such part follows."""
    text, lang = ctx.text, ctx.lang
    m = ctx.patterns["composite_gap"].match(ctx.lower, pos, pos + AHEAD)
    if m is None:
        return None
    p = m.end()
    if p >= ctx.length:
        return None
    if text[p].isdigit():
        num = parse_digits(text, p, lang)
    else:
        num = parse_words(ctx.lower, p, lang)
    if num is None or c.value is None:
        return None
    q = num.end
    base = c.unit
    if base.isupper() and num.words:
        num = minor_unit_words(ctx, p, num)
        q = num.end
    if base.isupper() and c.num.decimals:
        return None  # "1,72 Euro, 5 Cent": the amount has its cents already, what follows is another one
    if base.isupper():  # currency: minor unit or a bare count of cents
        um = unit_at(ctx, q)
        if um is not None:
            minor = resolve_unit(ctx, text[um.start("u"):um.end("u")], um.start("u"), False, True)
            if minor in MINOR_UNITS and (num.value < 100):
                c.value += num.value * MINOR_UNITS[minor] if base == "USD" or minor != "cent" else \
                    num.value * 0.01
                return um.end()
            return None
        if num.value < 100 and num.value == int(num.value) and not num.article_only and \
                followed_by_punct(ctx, q) and c.scaled == 1.0:
            c.value += num.value / 100
            return q
        return None
    if base in SECONDS and c.num.decimals == 0 and c.value is not None:
        return time_part(ctx, c, base, num, q, bare_ok=not ctx.text[pos:p].strip())
    for (big, small), factor in COMPOSITES.items():
        if base == big:
            fake = Candidate(start=p, end=q, value=num.value, num=num)
            hit = match_unit(ctx, q, fake, False, after_unit=True)
            if hit and hit[0] == small and ((big, small) not in COMPOSITES_WITH_AND or
                                            one_term(ctx, c, pos, p, hit[1])):
                c.value += num.value * factor
                return hit[1]
    return None


def one_term(ctx: ExtractionContext, c: Candidate, pos: int, p: int, end: int) -> bool:
    """"sentenced to four years and nine months", "condamné à deux ans et six mois", "erhielt vier Jahre und
    neun Monate Haft": years and months joined by "and" after a word of [words] term_before, or before one
    of ``term_after``, are one term; "3 years, 2 months, 14 days" is a list, and "twenty-one years and six
    months in the future" two lengths (as quantulum3's suite reads them). ``end``: where the months end."""
    joined = bool(ctx.lower[pos:p].strip(" ,\u00a0"))  # "and", "et", "y", "und" between the parts
    if not joined:
        return False
    if prev_word(ctx, c.start).lower() in ctx.lang.term_before:
        return True
    after = " ".join(ctx.lower[end:end + 40].split())
    return any(after.startswith(w) and not after[len(w):len(w) + 1].isalpha() for w in ctx.lang.term_after)


def time_part(ctx: ExtractionContext, c: Candidate, level: str, num: Number, q: int,
              bare_ok: bool) -> int | None:
    """The next part of a duration written in parts, added to ``c`` in its unit: "2 h 21 min 34 s",
    "1 min 54 s 06", "9 h 15" (minutes after hours, hundredths after seconds, without their unit)."""
    fake = Candidate(start=q, end=q, value=num.value, num=num)
    hit = match_unit(ctx, q, fake, False, after_unit=True)
    if hit is not None:
        if hit[0] not in SECONDS or SECONDS[hit[0]] >= SECONDS[level] or num.words and not c.num.words:
            return None
        c.value += num.value * SECONDS[hit[0]] / SECONDS[c.unit]
        c.extra_level = hit[0]
        return hit[1]
    if not bare_ok or num.words or len(num.plain_int) != 2 or ctx.lower.startswith(("h", "min"), q):
        return None
    after = next_word(ctx, q)
    if after in ctx.lang.concepts:
        return None  # "3 heures, 20 personnes": another mention
    if (after in ctx.lang.range_connectors or unit_at(ctx, q) is not None) and \
            len(ctx.text[c.num.end:c.end].strip()) > 1 and \
            prev_word(ctx, c.start).lower() not in ctx.lang.clock_before:
        return None  # "binnen 24 Stunden 40 bis 60 Liter" (not a clock: "vers 2 h 30 à 176 km/h", "de 14 h 30
        # à 16 h 30", with the hour's symbol)
    if level == "hour" and num.value < 60:  # "9 h 15", "20 heures 30"
        c.value += num.value * 60 / SECONDS[c.unit]
    elif level == "second":  # "1 min 54 s 06": hundredths
        c.value += num.value / 100 / SECONDS[c.unit]
    else:
        return None
    c.extra_level = "done"
    return q


def more_time_parts(ctx: ExtractionContext, c: Candidate, pos: int) -> int:
    """After a first composite, the further parts of a duration ("2 h 21 min **34 s**")."""
    while c.unit in SECONDS and c.extra_level in SECONDS:
        m = ctx.patterns["composite_gap"].match(ctx.lower, pos, pos + AHEAD)
        if m is None or m.end() >= ctx.length or not ctx.text[m.end()].isdigit():
            break
        num = parse_digits(ctx.text, m.end(), ctx.lang)
        if num is None:
            break
        got = time_part(ctx, c, c.extra_level, num, num.end, bare_ok=not ctx.text[pos:m.end()].strip())
        if got is None:
            break
        pos = got
    return pos


def minor_unit_words(ctx: ExtractionContext, p: int, num: Number) -> Number:
    """"treize euros et quarante-cinq cents": after an amount of money, a last number word that is also
    a minor unit ("cents" multiplies by 100 in French) is the unit, and the number stops before it."""
    k = num.end
    while k > p and ctx.lower[k - 1].isalpha():
        k -= 1
    word = ctx.lower[k:num.end]
    if k == p or word not in ctx.lang.multipliers:
        return num
    unit = resolve_unit(ctx, ctx.text[k:num.end], k, False, True)
    if unit not in MINOR_UNITS:
        return num
    head = parse_words(ctx.lower[p:k], 0, ctx.lang)
    if head is None:
        return num
    return dataclasses.replace(head, end=p + head.end)


def physical_rate(num_dim: str, den_dim: str, slash: bool = False, unit: str = "") -> bool:
    """"6 tonnes par hectare", "0,9 gramme par litre", "150 Liter pro Quadratmeter": a measure per another
    kind of measure (not per time, which is a duration's business, nor per count or per percent); a volume
    per time in barrels or cubic metres is a flow ("2,2 millions de barils par jour", "411.000 Barrel pro
    Tag", "500 m³ par seconde"; not with the substance named in between: "2 millions de barils de brut par
    jour"); an area per time is how fast a fire spreads or a forest goes ("500 hectares par heure")."""
    # (the same dimension stays a measure: "37.8 microgrammes per gramme" is read as 37.8 µg by the gold sets;
    # written with a slash it is a dose or a concentration: "15 mg/kg")
    if num_dim.startswith("currency_") or den_dim.startswith("currency_"):
        return False
    if den_dim == "[time]" and (unit == "oil_barrel" or unit.endswith("meter**3")):
        return True  # (a teaspoon or a litre a day is what someone takes, a barrel a day what a field yields)
    if den_dim == "[time]" and num_dim == "[length] ** 2":
        return True  # "500 hectares par heure", "10,000 acres a year": a fire's spread, a forest's loss
    plain = ("", "count", "dimensionless", "[time]")
    return num_dim not in plain and den_dim not in plain and (num_dim != den_dim or slash)
