"""Parsing one anchor: the number that starts there, its sign, scale word, unit and what follows the unit.

Each kind of anchor (digits, a vulgar fraction, number words, an article before a unit, a vague plural,
the word for one, a clock-like time) has its reader; ``parse_anchor`` chooses one and returns the
candidate with the offset up to which text is used.
"""

from __future__ import annotations

import regex

from quantcheck.extractors.after_unit import read_after_unit
from quantcheck.extractors.counted_nouns import collective_number, fraction_number
from quantcheck.extractors.extraction_context import Candidate, ExtractionContext
from quantcheck.extractors.numbers import AHEAD, VULGAR, Number, grouped_with_mark, parse_digits, parse_words
from quantcheck.extractors.text_patterns import ALNUM_RUN, CODE_RUN, MIXED_FRACTION, NON_SPACE_RUN
from quantcheck.extractors.text_views import (
    after_number,
    followed_by_punct,
    glued_date,
    in_url,
    month_before,
    next_word,
    number_after,
    prev_word,
)
from quantcheck.extractors.unit_resolution import (
    currency_follows,
    currency_of,
    match_unit,
    negative_reading,
    noun_follows,
    scale_at,
)
from quantcheck.extractors.unit_tables import MINOR_UNITS, SECONDS, TIME_UNITS
from quantcheck.extractors.vague import parse_vague


def parse_anchor(ctx: ExtractionContext, m: regex.Match) -> tuple[Candidate | None, int]:
    """The candidate mention starting at anchor ``m`` and the offset up to which text is used.

    The steps, each a function of its own: read the number (``read_digit_number`` with a currency sign
    before it, or number words), its sign (``read_sign``), what rules it out right after the digits
    (``digits_not_a_quantity``), a scale word (``read_scale``), a unit (``find_unit``, ``apply_unit``), a
    noun glued to the digits, and what follows the unit (``after_unit.read_after_unit``)."""
    kind = m.lastgroup
    if kind == "vague":
        return parse_vague_count(ctx, m)
    if kind in ("one", "onepre"):
        return parse_count_of_one(ctx, m)
    text = ctx.text
    s = m.start()
    cur_code = None
    cur_scale = 1.0
    start = num_start = s
    neg = False
    if kind == "num":
        opened = read_digit_number(ctx, s)
        if len(opened) == 2:
            return opened  # (None, the offset up to which the rejected text is used)
        num, start, num_start, cur_code, cur_scale, neg = opened
    else:
        num = read_word_number(ctx, kind, s)
        if num is _REJECTED:
            return None, m.end()
    if num is None:
        run = ctx.patterns["digits"].match(text, num_start) if kind == "num" else None
        return None, (run.end() if run else m.end())
    e = num.end
    if kind == "num" and cur_code is None and e + 1 < ctx.length and text[e] == " " and \
            text[e + 1].isdigit() and not grouped_with_mark(text, num_start, num):
        # "245 23 yen", "1 2 3": a bare number right before another one is part of a code or a list (see
        # is_non_quantity); no unit, scale or noun can start with a digit, so decide it now, cheaply. Not a
        # number grouped with a mark: "30,000 155mm shells" are two figures side by side
        return None, e
    if kind in ("num", "vfrac") and s > 0 and not neg and not after_number(text, s):
        neg, start = read_sign(ctx, s, start)
    if kind == "num" and text[e:e + 1] in _GLUED_AFTER_DIGITS:  # (a cheap test: most numbers end in a space)
        used = digits_not_a_quantity(ctx, num, s, cur_code)
        if used >= 0:
            return None, used
    c = Candidate(start=start, end=num.end, value=num.value, num=num, words=num.words, num_start=num_start,
                  scaled=num.scaled, rule="words" if num.words else "digits")
    pos = num.end
    # attached letters must be a unit or a scale: "3rd", "8C", "1960s", "24703L202" are not quantities
    attached_letter = pos < ctx.length and (text[pos].isalpha() and not num.words)
    hm = ctx.patterns["half"].match(ctx.lower, pos, pos + AHEAD)
    if hm and num.value == int(num.value):
        pos = read_half(c, num, hm)
    if c.scaled == 1.0:
        scaled_end = read_scale(ctx, c, num, pos, cur_code)
        if scaled_end >= 0:
            pos, attached_letter = scaled_end, False
    c.value = c.value * cur_scale if c.value is not None else None
    money = cur_code is not None
    if num.words and c.scaled == 1.0 and c.value is not None and 0 < c.value < 1 and cur_code is None:
        got = fraction_of(ctx, c, pos)
        if got is not None:
            return c, got
    unit_hit = find_unit(ctx, c, num, pos, money)
    if unit_hit is not None or cur_code:
        unit_end = apply_unit(c, unit_hit, cur_code)
        if unit_end >= 0:
            pos, attached_letter = unit_end, False
    if attached_letter:
        glued = ALNUM_RUN.match(text, num.end).group()
        if glued.lower() not in ctx.lang.concepts or not glued.isalpha():
            return None, ALNUM_RUN.match(text, num.end).end()
        c.counted = glued.lower() if not ctx.lang.capitalised_nouns else glued  # "100000people": a lost space
    if neg and c.value is not None:
        apply_sign(ctx, c, start, num_start)
    c.end = pos
    if c.unit:
        pos = read_after_unit(ctx, c, pos, money)
    c.end = pos
    if num.article_only and (not c.unit or c.unit == "degree" or (c.unit in TIME_UNITS and not c.age)):
        # "a mix", "a second time", "a degree in law": an article, not a quantity; but "more than a year",
        # "moins d'une heure": a qualifier makes the time unit a measured duration
        if not (c.unit in TIME_UNITS and
                ctx.patterns["qual_left"].search(ctx.lower, max(0, c.start - 40), c.start)):
            return None, num.end
    return c, pos


_GLUED_AFTER_DIGITS = frozenset("s.K")  # what ``digits_not_a_quantity`` looks for right after the digits
_REJECTED = Number(value=0.0, end=0)  # read_word_number: the word is no number here (a sentinel)


SCALED_END = regex.compile(r"(?<![\p{L}\p{N}.,])\d+(?:[.,]\d+)?(?:m|bn|k)\Z")  # "1.34m" before "-1.37m"


def read_digit_number(ctx: ExtractionContext, s: int) -> tuple:
    """The number written in digits at ``s`` with a currency sign or code just before it: (number, start,
    number start, currency code, currency scale, negative), or (None, used) when the digits are no quantity
    (an identifier "F35", "COVID-19", a web address, a code opening with 0, a day glued to its year). The
    number is None when the digits do not parse."""
    text, lang, low = ctx.text, ctx.lang, ctx.lower
    before = text[s - 1] if s else " "
    start = s
    cur_code, cur_scale, neg = None, 1.0, False
    cm = None
    if s:
        cm = ctx.patterns["cur_left"].search(low, max(0, s - 12), s) or \
            ctx.patterns["code_left"].search(text, max(0, s - 12), s)
    if before.isalpha() or before == "_":
        if cm is None or cm.group("sp") or cm.group("neg"):
            return None, ALNUM_RUN.match(text, s).end()  # "F35", "i7", "L2": identifiers
    elif before in "-‑" and s > 1 and text[s - 2].isalpha() and cm is None and \
            not SCALED_END.search(text, max(0, s - 12), s - 1):
        return None, ALNUM_RUN.match(text, s).end()  # "F-35", "COVID-19", "MiG-29" (not "1.34m-1.37m")
    elif before in ".," and s > 1 and text[s - 2].isalnum():
        return None, s + 1
    if cm is not None:
        got = currency_of(ctx, text[cm.start("sym"):cm.end("sym")].strip())
        if got is not None:
            cur_code, cur_scale = got
            start = cm.start()
            neg = bool(cm.group("neg"))
    if s and not text[s - 1].isspace() and in_url(ctx, s):
        return None, NON_SPACE_RUN.match(text, s).end()  # "insee.fr/statistiques/8245121"
    if text[s] == "0" and text[s + 1:s + 2].isdigit():
        # "030 1234567", "0171/555": no quantity opens with 0
        return None, CODE_RUN.match(text, s).end()
    num = parse_digits(text, s, lang)
    num_start = s
    if num is not None and 5 <= len(num.plain_int) <= 6 and glued_date(num.plain_int) and \
            month_before(ctx, s):
        return None, num.end  # "Jul 172015", "Mar 32016": a day glued to its year by scraping
    if num is not None and before == "." and lang.decimal == "." and cm is None and \
            (s == 1 or text[s - 2] in " \t\n(\"'“") and num.plain_int and len(num.plain_int) <= 4:
        # "a .600 winning percentage", "hit .312": a decimal written without its leading zero
        value = float("0." + num.plain_int)
        num = Number(value=value, end=num.end, decimals=len(num.plain_int), raw=value)
        start = num_start = s - 1
    elif num is not None and num.plain_int and text[num.end:num.end + 1] == "-":
        fm = MIXED_FRACTION.match(text, num.end)
        if fm is not None and 0 < int(fm.group(1)) < int(fm.group(2)) <= 16:
            # "a 2-1/2 year conflict": two and a half
            value = num.value + int(fm.group(1)) / int(fm.group(2))
            num = Number(value=value, end=fm.end(), raw=value)
    return num, start, num_start, cur_code, cur_scale, neg


def read_word_number(ctx: ExtractionContext, kind: str, s: int) -> Number | None:
    """The number at an anchor of ``kind`` other than digits: a vulgar fraction ("½"), number words, or an
    article before a unit ("a mile"); ``_REJECTED`` for a number word ending a hyphenated name."""
    text = ctx.text
    if kind == "vfrac":
        return Number(value=VULGAR[text[s]], end=s + 1, raw=VULGAR[text[s]])
    if kind == "word":
        if s > 1 and text[s - 1] in "-‑" and text[s - 2].isalpha():
            return _REJECTED  # "a straight-six", "V-eight": a number word ending a hyphenated name
        # "zweistündige": a glued unit only on a lower-case word (an adjective; "Elfmeter" is a noun)
        return parse_words(ctx.lower, s, ctx.lang, glued_unit=text[s].islower())
    return parse_words(ctx.lower, s, ctx.lang, article=True)


def read_sign(ctx: ExtractionContext, s: int, start: int) -> tuple[bool, int]:
    """(negative, start) of the number at ``s``: a minus sign against it, an en dash after a space, a
    spaced minus opening a line or a sentence, or a minus word ("moins 12", "minus 3"; not "plus or minus
    2.5", not "au moins 35"); a plus word moves the start only ("minus 3 bis plus 2 Grad")."""
    text, low = ctx.text, ctx.lower
    ch = text[s - 1]
    before = text[s - 2] if s > 1 else " "
    # ("5.25%-5.5%", "20°-25°": a hyphen against what precedes it joins, it is no minus)
    if ch in "-−" and not (before.isalnum() or before in ".,%°'’)]$€£"):
        return True, s - 1
    if ch == "–" and before in " \t\n(\u00a0":  # "–12 °C": an en dash against the digits is a minus
        return True, s - 1
    if ch == " " and before in "-−" and (s < 3 or text[s - 3] in " \t\n(\"'"):
        return True, s - 2
    mm = ctx.patterns["minus_left"].search(low, max(0, s - 12), s)
    if mm and ctx.lang.minus_not_after and \
            low[max(0, mm.start() - 12):mm.start()].rstrip().endswith(ctx.lang.minus_not_after):
        mm = None  # "plus or minus 2.5 percentage points": a margin either way
    if mm:
        # "au moins 35", "al menos 35", "por lo menos": the minus word ends a qualifier
        qm = ctx.patterns["qual_left"].search(low, max(0, s - 40), s)
        if qm is None or qm.start() >= mm.start():
            return True, mm.start()
    elif "plus_left" in ctx.patterns:  # "minus 3 bis plus 2 Grad": a plus sign written as a word
        pm = ctx.patterns["plus_left"].search(low, max(0, s - 12), s)
        if pm:
            return False, pm.start()
    return False, start


def digits_not_a_quantity(ctx: ExtractionContext, num: Number, s: int, cur_code: str | None) -> int:
    """The offset up to which the digits at ``s`` are used when what is glued after them makes them no
    quantity (a decade "1960s", an ordinal "3.º", "der 5. Platz", a name "4K"), else -1."""
    text = ctx.text
    if not num.words and num.plain_int and num.plain_int.endswith("0") and \
            text[num.end:num.end + 1] == "s" and not text[num.end + 1:num.end + 2].isalpha():
        return num.end + 1  # "the 1960s", "the 90s": decades
    if num.plain_int and text[num.end:num.end + 1] == "." and ordinal_dot(ctx, num.end, s):
        return num.end + 1  # "3.º", "1.ª", "Sie wurde 3. im Rennen", "der 5. Platz": ordinals
    if cur_code is None and len(num.plain_int) == 1 and \
            text[num.end:num.end + 1] == "K" and not text[num.end + 1:num.end + 2].isalnum():
        return num.end + 1  # "4K", "8K" screens, a "5K" race: names, neither thousands nor kelvins
    return -1


def read_half(c: Candidate, num: Number, half: regex.Match) -> int:
    """"un millón y medio", "deux millions et demi", "two and a half" (``half``, after a whole number):
    the half is of the scale word that ends the number, else of one; the end of what is used."""
    c.value = num.value + 0.5 * (num.scaled if num.scaled > 1 and num.value % num.scaled == 0 else 1)
    return half.end()


def link_end(ctx: ExtractionContext, pos: int) -> int:
    """The end of a link word ("de", "of") right after ``pos``, else ``pos``."""
    lm = ctx.patterns["link"].match(ctx.lower, pos, pos + AHEAD)
    return lm.end() if lm is not None else pos


def read_scale(ctx: ExtractionContext, c: Candidate, num: Number, pos: int, cur_code: str | None) -> int:
    """A scale word or symbol after the number ("2 millions", "3bn", "45 M€", "1.8m vehicles"; not "1.8m
    tall"), applied to ``c``; the end of what is used, or -1 when there is none."""
    lang = ctx.lang
    sm = scale_at(ctx, pos)
    if not sm:
        return -1
    factor = None
    if sm.groupdict().get("w"):
        word = ctx.text[sm.start("w"):sm.end("w")]
        factor = lang.scales.get(word.lower())
        end = sm.end()
        if factor and word.islower() and (word in lang.units_cs or word in lang.units_ci) and not (
                cur_code or currency_follows(ctx, end) or currency_follows(ctx, link_end(ctx, end))):
            return -1  # "117 mm en el aeropuerto" are millimetres; "5 mm de dólares", "5 MM" millions
    else:
        sym = sm.group("s")
        spaced = bool(sm.group("sp"))
        linked = link_end(ctx, sm.end())  # after a link word ("9,3M de dosis", "12M de euros"), else sm.end()
        if sym in ("bn", "Bn", "mn", "tn") or (sym in ("k", "K") and not spaced):
            factor = lang.scale_symbols.get(sym)
        elif not spaced and (cur_code or currency_follows(ctx, sm.end()) or
                             currency_follows(ctx, linked)):
            factor = lang.scale_symbols.get(sym)
        elif spaced and not cur_code and currency_follows(ctx, sm.end(), glued=True):
            factor = lang.scale_symbols.get(sym)  # "45 M€", "52 k€": the sign is glued to the scale
        elif not spaced and sym == "m" and noun_follows(ctx, sm.end(), num.decimals > 0):
            factor = lang.scale_symbols.get(sym)  # "1.8m vehicles", "1.7m hectares": not metres
        elif not spaced and sym == "M" and num.decimals > 0 and (
                noun_follows(ctx, sm.end(), True) or
                linked > sm.end() and noun_follows(ctx, linked - 1, True)):
            factor = lang.scale_symbols.get(sym)  # "9,3M de dosis", "2.5M viewers": a capital M is no unit
    if not factor:
        return -1
    c.value = (c.value or 0) * factor
    c.scaled = factor
    pos = sm.end()
    hm = ctx.patterns["half"].match(ctx.lower, pos, pos + AHEAD)
    if hm and num.value == int(num.value):  # "2 millions et demi"
        c.value += 0.5 * factor
        pos = hm.end()
    return pos


def find_unit(ctx: ExtractionContext, c: Candidate, num: Number, pos: int,
              money: bool) -> tuple[str, int] | None:
    """(unit, end) of the unit after the number: right after it, after a link word ("de", "of"; not after
    bare number words), or, for a time unit, after an adjective ("30 dernières années"; never "3bn last
    year")."""
    unit_hit = match_unit(ctx, pos, c, money)
    # a collective or fraction number word links to its unit like a scale word: "une vingtaine d'euros", "una
    # decena de kilómetros", "un quart d'heure"
    if unit_hit is None and (c.scaled > 1.0 or not num.words or collective_number(ctx, num, c.num_start)
                             or fraction_number(ctx, num, c.num_start)):
        lm = ctx.patterns["link"].match(ctx.lower, pos, pos + AHEAD)
        if lm:
            unit_hit = match_unit(ctx, lm.end(), c, money)
    if unit_hit is None and c.scaled == 1.0:
        gap_word = ctx.patterns.get("gap_word")
        gm = gap_word.match(ctx.lower, pos, pos + AHEAD) if gap_word is not None else None
        if gm:
            hit = match_unit(ctx, gm.end(), c, money)
            # "three more years", "10 consecutive days"; not "rose to 61 last year", where a unit in the
            # singular after a figure other than one tells when, not how long
            plural = hit is not None and ctx.lower[gm.end():hit[1]].endswith(ctx.lang.unit_plurals)
            if hit and hit[0] in TIME_UNITS and (plural or c.value == 1):
                unit_hit = hit
    return unit_hit


def apply_unit(c: Candidate, unit_hit: tuple[str, int] | None, cur_code: str | None) -> int:
    """Give ``c`` its unit: a code with a scale letter ("MUSD") scales the value; a currency sign before
    the number decides over another unit word that is no money ("$ 10 dollars" stays dollars; "$5 million"
    with a non-money word after it keeps the sign's currency). The end of the unit, or -1 when the unit
    found is not used."""
    if unit_hit is None:
        if cur_code:
            c.unit = cur_code
        return -1
    unit, uend = unit_hit
    if "*" in unit and unit.split("*")[0].isupper():  # "MUSD": code with a scale letter
        code, factor = unit.split("*")
        c.value = (c.value or 0) * float(factor)
        c.scaled = float(factor)
        unit = code
    if cur_code and unit != cur_code and not (unit.isupper() or unit in MINOR_UNITS):
        c.unit = cur_code  # ("$ 10 dollars", "C$ 5 dollars": the prefix decides)
        return -1
    c.unit = cur_code or unit
    return uend


def apply_sign(ctx: ExtractionContext, c: Candidate, start: int, num_start: int) -> None:
    """Make ``c`` negative, unless its sign is a dash written apart that is no minus here (a bullet, an
    incise: see ``spaced_minus_is_sign``); a negative value takes the unit's negative reading ("-5 degrees"
    is a temperature)."""
    text = ctx.text
    if text[start:start + 2].strip() in ("-", "−") and text[start + 1] == " " and \
            not spaced_minus_is_sign(ctx, start, c.unit):
        c.start = num_start
        return
    c.value = -c.value
    if c.unit:
        c.unit = negative_reading(ctx, c.unit)


def parse_vague_count(ctx: ExtractionContext, m: regex.Match) -> tuple[Candidate | None, int]:
    """"dozens of civilians", "des centaines de milliers", "Zehntausende", "several hundred", "millions of
    dollars": a range with the language's bounds ([vague] data, extractors/vague.py), its unit when one
    follows (after a link word or not), else the counted noun found as after a scale word."""
    s = m.start()
    v = parse_vague(ctx.lower, s, ctx.lang)
    if v is None:
        return None, s  # (another anchor at the same place is still read)
    guard = ctx.lang.vague_guarded.get(v.head)
    if guard is not None and next_word(ctx, v.head_end) not in guard and \
            prev_word(ctx, s).lower() not in ctx.lang.count_verbs:
        return None, s  # "test scores rose": not "scores of people"
    num = Number(value=v.low, end=v.end, words=True, raw=v.low)
    c = Candidate(start=s, end=v.end, value=None, num=num, low=v.low, high=v.high, qualifier="range",
             words=True, scaled=v.step, rule="vague", num_start=s, vague=True)
    hit = match_unit(ctx, v.end, c, False)
    if hit is None:
        lm = ctx.patterns["link"].match(ctx.lower, v.end, v.end + AHEAD)
        if lm:
            hit = match_unit(ctx, lm.end(), c, False)
    if hit is not None and hit[0] in TIME_UNITS:
        return None, hit[1]  # "several hundred years", "des dizaines d'années": a time reference
    if hit is not None and "*" not in hit[0]:
        c.unit, c.end = hit
    return c, c.end


def parse_count_of_one(ctx: ExtractionContext, m: regex.Match) -> tuple[Candidate | None, int]:
    """"one person was killed", "one count of fraud", "un mort et deux blessés", "ein Toter": the number
    word for one before a noun of ``one_nouns`` (the anchor checked it), or after a qualifier or a count
    verb ("at least one", "kills one in Syria") when punctuation or a word of ``one_next`` follows; never
    "one in five" (a proportion)."""
    s, e = m.span()
    if m.lastgroup == "onepre" and not followed_by_punct(ctx, e):
        w = next_word(ctx, e)
        if w not in ctx.lang.one_next and w not in ctx.lang.one_nouns:
            return None, s  # ("at least one hundred": the number word is read from the same place)
        nm = ctx.patterns["next_words"].match(ctx.lower, e, e + AHEAD)
        if nm is not None and w not in ctx.lang.coordination and \
                number_after(ctx.lower, nm.end("w1"), ctx.lang):
            return None, s  # "one in five", "one of 12": a proportion or a part
    num = Number(value=1.0, end=e, words=True, raw=1.0)
    c = Candidate(start=s, end=e, value=1.0, num=num, words=True, rule="one", num_start=s, one=True)
    if m.lastgroup == "one":  # the noun the anchor found, past adjectives ("one Syrian civilian")
        nm = ctx.patterns["next_words"].match(ctx.text, e, e + AHEAD)
        for w in (nm.group("w1"), nm.group("w2"), nm.group("w3")) if nm is not None else ():
            if w and w.lower() in ctx.lang.one_nouns:
                c.counted = w if ctx.lang.capitalised_nouns else w.lower()
                break
    return c, e


def fraction_of(ctx: ExtractionContext, c: Candidate, pos: int) -> int | None:
    """A fraction in words before a link word: of a scale word, it multiplies it ("more than a quarter of
    a million people" = 250,000); of a unit, it measures in it ("a quarter of a mile"); of a group, it is
    a proportion, given in percent ("a quarter of those surveyed" = 25 %, "roughly a third" of a land).
    The end of what is used, or None when no link word follows."""
    lm = ctx.patterns["link"].match(ctx.lower, pos, pos + AHEAD)
    if lm is None or ctx.text[lm.end() - 1:lm.end()] in "'’" or \
            number_after(ctx.lower, lm.end(), ctx.lang):
        return None  # ("una media de 38,6 km/h": an average, not a half)
    p = lm.end()
    am = ctx.patterns["words_ahead"].match(ctx.lower, p, p + AHEAD)
    if am is not None and am.group() in ctx.lang.articles and ctx.lower[am.end():am.end() + 1] == " ":
        p = am.end()
    sm = ctx.patterns["scale_w"].match(ctx.lower, p, p + AHEAD)
    factor = ctx.lang.scales.get(sm.group("w")) if sm is not None and sm.group("sp") else None
    if factor:
        c.value = (c.value or 0) * factor
        c.scaled = factor
        c.end = sm.end()
        return sm.end()
    hit = match_unit(ctx, p, c, False)
    if hit is not None:  # "a quarter of a mile"
        c.unit, c.end = hit
        return c.end
    c.value = (c.value or 0) * 100
    c.unit = "percent"
    c.rule += "+proportion"
    return c.end


def clock_duration(ctx: ExtractionContext, m: regex.Match) -> tuple[Candidate | None, int]:
    """"9:30", "14h30": a time of day (nothing); "20:41,3 Minuten", "2:02:42 Stunden" (a time unit after),
    "2:04:11" (hours, minutes and seconds) and "en 2h04" (no clock word before: see is_non_quantity) are
    durations, each part a sixtieth of the one before, in the unit of the first."""
    text = ctx.text
    s, e = m.span()
    group = m.group()
    tail = 0.0
    if ":" in group and "." in group:  # "2:01.46": a race time, hundredths of the seconds after the dot
        group, hundredths = group.rsplit(".", 1)
        tail = float("0." + hundredths)
    parts = regex.split(r"[:h.]", group)
    if not all(p.isdigit() for p in parts) or any(int(p) >= 60 for p in parts[1:]):
        return None, e
    if not tail and e + 1 < ctx.length and text[e] in ",." and text[e + 1].isdigit():
        k = e + 1  # "20:41,3": tenths of the last part
        while k < ctx.length and k - e <= 3 and text[k].isdigit():
            k += 1
        if k < ctx.length and text[k].isdigit():
            return None, e
        tail, e = float("0." + text[e + 1:k]), k
    num = Number(value=float(parts[0]), end=e, plain_int=parts[0], raw=float(parts[0]))
    c = Candidate(start=s, end=e, value=None, num=num, rule="duration")
    hit = match_unit(ctx, e, c, False)
    if hit is not None and hit[0] == "minute" and "h" in group:
        unit, end = "hour", hit[1]  # "5h40min": the unit of the minutes, the figure is in hours
    elif hit is not None and hit[0] in SECONDS:
        unit, end = hit
    elif hit is None and ("h" in group and len(parts) == 2 or len(parts) == 3) and \
            not ctx.patterns["clock_after"].match(ctx.lower, e, e + AHEAD):
        unit, end = "hour", e
    elif hit is None and tail and len(parts) == 2 and "h" not in group:
        unit, end = "minute", e  # "con 2:01,46": no clock has hundredths; minutes and seconds
    else:
        return None, e
    value = 0.0
    for i, p in enumerate(parts):
        value += (int(p) + (tail if i == len(parts) - 1 else 0.0)) / 60 ** i
    c.value, c.unit, c.end = value, unit, end
    return c, end


def ordinal_dot(ctx: ExtractionContext, dot: int, start: int) -> bool:
    """Whether the dot at ``dot`` after an integer makes it an ordinal: an abbreviated ending glued to the
    dot ("3.º", "1.er"), or, where "." is itself an ordinal ending (German), a lower-case word after it
    (no sentence starts so: "Sie wurde 3. im Rennen") or a determiner before it ("der 3. Platz")."""
    text, lang = ctx.text, ctx.lang
    k = dot + 1
    while k < ctx.length and k - dot <= 4 and text[k].isalpha():
        k += 1
    if k > dot + 1 and text[dot + 1:k] in lang.ordinal_suffixes:
        return True
    if "." not in lang.ordinal_suffixes or text[dot + 1:dot + 2] not in (" ", "\u00a0"):
        return False
    nxt = text[dot + 2:dot + 3]
    if nxt.islower():
        return True
    return nxt.isupper() and prev_word(ctx, start).lower() in lang.ordinal_dot_before


def spaced_minus_is_sign(ctx: ExtractionContext, start: int, unit: str) -> bool:
    """Whether a sign written apart from its number ("- 5 °C") is a minus. A dash opening a line is a
    bullet ("- 50 ans de carrière", "- 300mm de pluie"); inside a sentence a spaced dash is an
    incise or a separator, except before a temperature or a percentage ("à - 1,2 %")."""
    i = start - 1
    while i >= 0 and ctx.text[i] in " \t\u00a0":
        i -= 1
    if i < 0 or ctx.text[i] in "\n\r":
        return False
    if unit == "percent":
        return True
    return unit != "" and negative_reading(ctx, unit) in ("degC", "degF", "kelvin")
