"""Filters: numbers that are not quantities (years, dates, times of day, identifiers, list markers, page
furniture, names such as "Route 9").

``is_non_quantity`` runs the named checks in ``UNIT_CHECKS`` and ``BARE_CHECKS`` in order; each rule
reads the language's word lists, so the checks are the same in every language.
"""

from __future__ import annotations

import math

from quantcheck.extractors.concepts import concept_of
from quantcheck.extractors.extraction_context import Candidate, ExtractionContext
from quantcheck.extractors.numbers import AHEAD, grouped_with_mark
from quantcheck.extractors.text_patterns import (
    CODE_BEFORE_HYPHEN,
    CODE_TAIL,
    DATE_TAIL,
    DATED_DASH,
    HYPHEN_CODE,
    MODERN_YEAR,
    NUMBER_BEFORE,
    NUMBER_RUN_BEFORE,
    RANGE_HEAD,
    RANGE_START_END,
    RANGE_TAIL,
    SHORT_NUMBER_BEFORE,
    SPACED_GROUPS,
    YEAR_NUMBERED,
)
from quantcheck.extractors.text_views import (
    at_sentence_start,
    at_sentence_start_word,
    camel_case,
    digits_read_as_clock,
    ends_text,
    has_digit,
    list_item_start,
    month_after,
    month_before,
    next_word,
    prev_word,
)
from quantcheck.extractors.unit_resolution import unit_at
from quantcheck.extractors.units import COUNT, is_currency


def is_non_quantity(ctx: ExtractionContext, c: Candidate) -> bool:
    """Years, dates, times of day, identifiers, names, codes, list markers: not quantities.

    The named checks run in order, cheapest and most frequent first; a number with a unit is only ever a
    time of day ("9 h 15"), a bare number any of the others."""
    if c.vague:
        return False  # "dozens", "des centaines": read from words no date or name is made of
    if time_of_day(ctx, c):
        return True
    if c.unit:
        return clock_hour_with_unit(ctx, c) or day_before_time_phrase(ctx, c) or \
            c.num.article_only and price_reference(ctx, c)
    if c.value is None or date_or_year(ctx, c):
        return True
    pw, lpw = words_before(ctx, c.start)
    return identifier_or_furniture(ctx, c, pw, lpw) or name_or_address(ctx, c, pw, lpw) or \
        code_or_list_marker(ctx, c, pw, lpw) or c.num.words and number_word_not_count(ctx, c)


def time_of_day(ctx: ExtractionContext, c: Candidate) -> bool:
    """A time of day: "9 a.m.", "2pm", "2.30 pm" (not "2.1 pm"), "von 9 bis 17 Uhr", "1615 GMT",
    "18.05 GMTGold"."""
    text = ctx.text
    num = c.num
    # time of day: "9 a.m.", "2pm", "2.30 pm" (but "2.1 pm" is a length); "von 9 bis 17 Uhr",
    # "from 9 to 5 pm"
    if c.value is not None and 0 <= c.value <= 24 and num.decimals in (0, 2) and not num.words and (
            ctx.patterns["clock_after"].match(ctx.lower, num.end, num.end + AHEAD) or
            not c.unit and ctx.patterns["clock_range_tail"].match(ctx.lower, num.end, num.end + AHEAD)):
        return True
    if 3 <= len(num.plain_int) <= 4 and digits_read_as_clock(num.plain_int) and c.unit in ("", "hour") and \
            c.scaled == 1.0 and (c.unit or not 1000 <= c.value <= 2100) and clock_hhmm(ctx, c):
        return True  # (a bare year-like number is left to the year rule: "1615 GMT" gives nothing anyway)
    if c.value is not None and 0 <= c.value <= 24 and num.decimals in (0, 2) and not num.words and \
            text[num.end + 1:num.end + 2].isupper() and glued_clock_word(ctx, num.end):
        return True  # "Last modified on Tue 12 Mar 2024 18.05 GMTGold climbed": a glued headline
    return False


def price_reference(ctx: ExtractionContext, c: Candidate) -> bool:
    """"Ein Liter Vollmilch kostet 0,99 Euro", "a litre of milk costs 99p", "für eine Tonne Brotweizen zahlen
    die Mühlen 190 Euro": a unit with only an article, before a price's or a payment's verb ([words]
    price_verbs, up to four words after), is the amount the price is for, not a quantity."""
    if is_currency(c.unit) or ctx.patterns["price_after"].match(ctx.lower, c.end, c.end + 80) is None:
        return False
    # "la botella de un litro ya se vende a 6,95 euros": after a link word it is a size of the thing priced
    pw = prev_word(ctx, c.start).lower().rstrip("'’")
    return not any(pw == link.rstrip("'’") for link in ctx.lang.unit_links)


def clock_hour_with_unit(ctx: ExtractionContext, c: Candidate) -> bool:
    """A number with a unit is a quantity, except an hour that is a time of day: "à 9 h 15", "a las 23.40
    horas", "de 8 heures à 18 heures" (not "de 2 à 3 heures", a range; not "une grève de 24 heures")."""
    lang = ctx.lang
    hour = c.num.value  # "à 9 h 15": the hour as written, before the minutes were added
    # "a las 23.40 horas": hours and minutes written as a decimal
    if c.unit == "hour" and c.value is not None and hour <= 24 and (hour == int(hour) and
                                                                    c.num.decimals == 0 or
                                                                    c.num.hours_and_minutes()):
        if c.extra_level == "minute":
            return False  # "At 2hr 46min, it is the longest film": minutes written with their unit
        text = ctx.text
        if text[c.start:c.start + 1] == "0" and text[c.start + 2:c.start + 3] == ":" or \
                DATED_DASH.search(text, max(0, c.start - 20), c.start):
            return True  # "09:14h", "05/12/2025 - 9:14h": a clock, as a page's time stamp has it
        pw = prev_word(ctx, c.start).lower()
        if c.num.words and lang.qualifiers.get(pw) == "at_most":
            return False  # "perdu jusqu'à deux heures": up to two hours (a clock is written in digits)
        if pw in lang.clock_before:
            before = ctx.text[max(0, c.start - 30):c.start].rstrip()[: -len(pw)].rstrip()
            if lang.duration_before and any(
                    w.strip(",;") in lang.duration_before for w in before.lower().split()[-4:]):
                return False  # "ramener le trajet à 1 h 55": the new length of a journey, not a clock
            # "de 2 à 3 heures" is a range, not 3 o'clock; "de 14h30 à 16h", "le 03/11/2025 à 07h45"
            return RANGE_START_END.search(before) is None
        if pw in lang.clock_range_before:  # "de 8 heures à 18 heures"; not "une grève de 24 heures"
            return ctx.patterns["clock_range_next"].match(ctx.lower, c.end, c.end + AHEAD) is not None
        # the second hour of such a range: "entre 18 heures et 19 heures"
        m = ctx.patterns["clock_range_before"].search(ctx.lower, max(0, c.start - 40), c.start)
        return m is not None and m.group("w") == ctx.lower[c.num.end:c.end].strip()
    return False


def day_before_time_phrase(ctx: ExtractionContext, c: Candidate) -> bool:
    """"on May 29 last year": a day of a month read with the time phrase after it as years (not "In May 29
    years ago", where the unit follows the number)."""
    return c.unit == "year" and bool(c.num.plain_int) and c.value is not None and 1 <= c.value <= 31 and \
        len(ctx.text[c.num.end:c.end].split()) > 1 and month_before(ctx, c.start)


def words_before(ctx: ExtractionContext, pos: int) -> tuple[str, str]:
    """The word before ``pos`` as written, and as the word lists are matched: lower case, without its final
    dot or an elided article ("l'article 5": "article")."""
    pw = prev_word(ctx, pos)
    lpw = pw.lower().rstrip(".")
    if "'" in lpw or "’" in lpw:
        lpw = lpw.replace("’", "'").rsplit("'", 1)[-1]
    return pw, lpw


def date_or_year(ctx: ExtractionContext, c: Candidate) -> bool:
    """A day of a date ("10 janvier", "January 10", "le 1er mai") or a year (not "as many as 1300", nor a
    year-like count of a known counted noun)."""
    lang = ctx.lang
    num = c.num
    v = c.value
    end = c.num.end
    # dates: "10 janvier", "January 10", "le 1er mai"
    if ctx.patterns["month_after"].match(ctx.lower, end, end + AHEAD) and month_after(ctx, end) or \
            not num.grouped and not num.decimals and c.scaled == 1.0 and \
            ctx.patterns["month_before"].search(ctx.lower, max(0, c.start - 16), c.start) and \
            month_before(ctx, c.start):  # (the wrappers only when a month is there)
        return True  # (no day or year has a thousands separator, decimals or a scale: "Ende Oktober 182.800
        # Soldaten", "im Oktober 1,38 Millionen Passagiere" are counts)
    if len(num.plain_int) in (1, 2) and not c.unit:  # "du 3 au 5 novembre", "3-5 November": the first day
        m = ctx.patterns["day_range_next"].match(ctx.lower, end, end + AHEAD)
        if m is not None and month_after(ctx, m.end()):
            return True
    if lang.day_articles_alone and len(num.plain_int) in (1, 2) and 1 <= v <= 31 and not c.unit and \
            not c.counted and prev_word(ctx, c.start).lower() in lang.day_articles_alone and \
            ctx.patterns["day_range_next"].match(ctx.lower, end, end + AHEAD) is None:
        return True  # "le pic a été atteint le 18 à Biarritz", "la tempête du 24": a day of the month
    # years
    if num.plain_int and len(num.plain_int) == 4 and 1000 <= v <= 2100 and not c.scaled > 1:
        if not (c.counted and c.counted.lower() in lang.concepts) and not count_not_year(ctx, c):
            return True
        if ctx.patterns["month_day_before"].search(ctx.lower, max(0, c.start - 24), c.start):
            return True  # "July 30 2014 Bombs in Aleppo": the year of a date, whatever follows
    return False


def identifier_or_furniture(ctx: ExtractionContext, c: Candidate, pw: str, lpw: str) -> bool:
    """A number that an identifier word, a "#", a hyphenated identifier noun or a gallery counter names
    ("article 5", "#3", "a 7.4-magnitude", "Photo 3 of 12"), page furniture, or a product ("iPhone 12")."""
    text = ctx.text
    lang = ctx.lang
    num = c.num
    end = c.num.end
    if YEAR_NUMBERED.fullmatch(text, c.num_start, end):
        return True  # "le règlement 261/2004", "la Ley 7/2022": a text numbered within its year
    # ("chaque jour 230 000 frontaliers": a grouped number or a known counted noun is a count)
    # ("auf Rang zwei lag": a number word up to twelve too, where a noun after it would be capitalised and
    # none is; "Mitte fünfzig" is an age)
    if (lpw in lang.identifier_words or pw.lower() in lang.identifier_words) and \
            (not num.words or lang.capitalised_nouns and not c.counted and pw[:1].isupper() and
             (c.value or 0) <= 12) and \
            c.scaled == 1.0 and not num.grouped and not (c.counted and concept_of(ctx, c, COUNT)):
        return True
    if c.start > 0 and text[c.start - 1] in "#№":
        return True
    if c.start > 1 and text[c.start - 1] in "-‑" and \
            CODE_BEFORE_HYPHEN.search(text[max(0, c.start - 16):c.start]):
        return True  # "2150-E10-2025", "A320-200": the last group of a code
    # "l'article L. 132-1 du Code minier", "Art. R 413": a code's letter between the identifier word and
    # the number
    if len(lpw) == 1 and pw[:1].isupper() and not num.words and c.scaled == 1.0:
        k = c.start
        while k > 0 and text[k - 1] in " \u00a0":
            k -= 1
        if words_before(ctx, k - len(pw))[1] in lang.identifier_words:
            return True
    # "a 7.4-magnitude earthquake": a number hyphenated to an identifier noun ([words] hyphen_identifiers,
    # else identifier_words); "3-pointers", "a 10-pounder": a number hyphenated to a noun in "-er" is part
    # of that noun ([words] hyphen_noun_endings)
    if text[end:end + 1] in "-‑":
        if HYPHEN_CODE.match(text, end + 1):
            return True  # "Wendelstein 7-X", "a 10-K filing": a model's or a form's code
        hm = ctx.patterns["words_ahead"].match(ctx.lower, end + 1, end + AHEAD)
        if hm is not None and (hm.group() in (lang.hyphen_identifiers or lang.identifier_words) or
                               hm.group().endswith(lang.hyphen_noun_endings)):
            return True
    # "Photo 3 of 12", "Foto 2 de 15", "Bild 3 von 12": a gallery counter
    if lang.counter_words and (lpw in lang.counter_words or
                            ctx.patterns["counter_left"].search(ctx.lower, max(0, c.start - 40), c.start)):
        return True
    # "Slideshow (21 Images)", "Get short URL 0 0 0 Syrian": page furniture (a cheap test first)
    before2 = text[c.start - 2:c.start] if c.start > 1 else text[:c.start]
    if (before2[-1:] == "(" or before2[:1].isdigit() or before2[:1] in ".…" or
            c.end + AHEAD >= ctx.length) and page_furniture(ctx, c):
        return True
    # "iPhone 12", "PlayStation 5", "BahnCard 25": a word with a capital inside is a product or brand name
    if not num.words and c.scaled == 1.0 and camel_case(pw.replace("’", "'").rsplit("'", 1)[-1]):
        return True
    return False


def unit_word_before(ctx: ExtractionContext, start: int, pw: str) -> bool:
    """The capitalised word before ``start`` is the unit of a figure before it ("binnen 24 Stunden 40 bis
    60 Liter", "600 Metern 10 bis 20 Zentimeter"): a German noun, not a name."""
    k = ctx.text.rfind(pw, max(0, start - 40), start)
    if k < 1 or not ctx.text[k - 1].isspace() or not ctx.text[max(0, k - 2)].isdigit():
        return False
    m = unit_at(ctx, k - 1)
    return m is not None and m.end() >= k + len(pw) - 3


def name_or_address(ctx: ExtractionContext, c: Candidate, pw: str, lpw: str) -> bool:
    """A number that is part of a name or an address: "Route 9", "la RN 10", "Hauptstraße 112", "13 avenue",
    "Le 115", "les Vingt-Sept", or a time of day after a clock word ("a las 8.05")."""
    text = ctx.text
    lang = ctx.lang
    num = c.num
    v = c.value
    end = c.num.end
    # a grouped or scaled figure names nothing: "nach Polizeiangaben 87.000", "die CGT 450’000", "laut CGT
    # 3,5 Millionen" (German capitalises its nouns; a source's name stands before its count)
    if num.grouped or c.scaled != 1.0:
        return False
    if pw and pw[0].isupper() and not num.words and lpw not in lang.stopwords and \
            lpw not in lang.name_exceptions and lpw not in lang.count_verbs and \
            (not c.counted or named_model(ctx, c, pw) or version_number(ctx, c)) and \
            not at_sentence_start_word(ctx, c.start) and \
            not unit_word_before(ctx, c.start, pw) and \
            not ("dimension_next" in ctx.patterns and
                 ctx.patterns["dimension_next"].match(ctx.lower, end)) and not range_with_unit(ctx, end):
        # (mid-sentence "Max", "Over" are names too; "Grundriss 38 mal 7 Meter" is a size, "am Gipfel 5 bis
        # 7 Grad" a range)
        return True  # "Route 9", "Ariane 6"; German too ("der Golf 8", "ICE 578"): a count has a noun
    # "la RN 10 reste fermée", "l'A 7": an acronym right before a number names a road, a model, a law
    if len(pw) >= 2 and pw.isalpha() and pw.isupper() and not num.words and c.scaled == 1.0 and \
            not (c.counted and concept_of(ctx, c, COUNT)) and (
                not at_sentence_start_word(ctx, c.start) or not c.counted and ends_text(ctx, end)):
        return True  # (at a sentence start only when it ends the text: a signature, "SSH 11")
    # "Hauptstraße 112", "Ludwigstraße 15": a street name before the number (German compounds)
    if lang.identifier_suffixes and not c.counted and lpw.endswith(lang.identifier_suffixes):
        return True
    # "13 avenue du Peuple-Belge", "au 24, rue des Lilas", "221 Baker Street": an address
    if lang.address_words and not num.words and not (c.counted and concept_of(ctx, c, COUNT)) and \
            address_follows(ctx, end):
        return True
    # "Le 115 reste joignable", "el 112 recibió", "le 49.3": a bare number after a singular article names
    # something (an emergency line, an article of law, a day of the month)
    if lang.name_determiners and lpw in lang.name_determiners and not num.words and c.scaled == 1.0 and \
            not (c.counted and c.counted.lower() in lang.concepts) and not coordinated_after(ctx, end):
        return True
    # "les Vingt-Sept", "the Big Four": a capitalised number word inside a sentence is a name
    if num.words and text[c.num_start].isupper() and (pw[:1].islower() or lpw in lang.stopwords) and \
            not at_sentence_start(ctx, c.num_start):
        return True
    # "a las 8.05", "a las 3.15 de la madrugada": a time of day
    if pw.lower() in lang.clock_before_bare and num.decimals in (0, 2) and v <= 24 and \
            round(v % 1 * 100) < 60 and not c.counted:
        return True
    return False


def code_or_list_marker(ctx: ExtractionContext, c: Candidate, pw: str, lpw: str) -> bool:
    """A phone or emergency number ("Tel. 912 345 678", "dial 999"), a group of a code or a list ("245 23",
    "0 0 Tags"), a list marker ("1)") or an item number ("2. Pogacar")."""
    text = ctx.text
    lang = ctx.lang
    num = c.num
    end = c.num.end
    # "Tel. 912 345 678", "llame al 912 345 678": a phone number; "Información 010 o 976 721 100": a second
    # (not a figure of a few digits grouped with a mark: "eine Erhebung unter 1.350 Praxen")
    if c.scaled == 1.0 and not (c.counted and c.counted.lower() in lang.concepts) and lang.phone_words and \
            not (grouped_with_mark(text, c.num_start, num) and (c.value or 0) < 1e6) and (
            ctx.patterns["phone_left"].search(ctx.lower, max(0, c.start - 40), c.start) or
            ctx.patterns["phone_left_or"].search(ctx.lower, max(0, c.start - 40), c.start) or
            not c.counted and not c.unit and SPACED_GROUPS.fullmatch(text, c.num_start, end) and
            ctx.patterns["phone_near"].search(ctx.lower, max(ctx.sentences.span(c.start)[0], c.start - 80),
                                              c.start)):
        return True  # (and a number in three or more spaced groups after a phone word of its sentence)
    # "the first 911 call", "dial 999": an emergency number before a call word or after a phone word
    if lang.emergency_numbers and num.plain_int in lang.emergency_numbers and (
            next_word(ctx, end) in lang.emergency_after or lpw in lang.emergency_before):
        return True
    # "245 23 yen": a bare number right before another number is part of a code or a list; so is the
    # last group of one ("91 555 12 34")
    if not num.words and not c.counted and end + 1 < ctx.length and text[end] == " " and \
            text[end + 1].isdigit() and not grouped_with_mark(text, c.num_start, num):
        return True
    if not num.words and c.start > 1 and text[c.start - 1] == " " and \
            text[c.start - 2].isdigit() and c.start == c.num_start and \
            (not c.counted or SHORT_NUMBER_BEFORE.search(text, max(0, c.start - 6), c.start)):
        return True  # (with a counted noun after a short one only: "0 0 Tags"; "in 2014 100 people")
    # list markers: "1)", "2." at the start of a line
    if end < ctx.length and text[end] == ")" and (c.start == 0 or text[c.start - 1] in "\n(") and \
            c.start == c.num_start:  # (not "(−8,1)": a signed change)
        return True
    # "Classement : 1. Vingegaard ; 2. Pogacar": a rank in a list, before a capitalised name; "... were
    # condemned. 3. Missed deadlines:", "6. 15 poison gas attacks:": an item number opening a sentence of
    # flattened text
    if num.plain_int and len(num.plain_int) <= 3 and text[end:end + 2] == ". " and \
            (text[end + 2:end + 3].isupper() and list_item_start(ctx, c.start) or
             (text[end + 2:end + 3].isupper() or text[end + 2:end + 3].isdigit()) and
             c.start == c.num_start and ctx.sentences.span(c.start)[0] == c.start):
        return True
    return False


def number_word_not_count(ctx: ExtractionContext, c: Candidate) -> bool:
    """Number words that count nothing: an article alone ("a mix"), "one" without a noun, an ordinal ("a third
    in Busra"), a number word hyphenated to a noun ("un trois-pièces"), a collective noun ("une quarantaine
    de 14 jours")."""
    text = ctx.text
    lang = ctx.lang
    num = c.num
    v = c.value
    end = c.num.end
    if (num.article_only or (v < 2 and not num.fraction)) and not c.one:
        return True
    # "a second in Damascus and a third in Busra": an article and a fraction word, with no link word,
    # unit or scale after them, is an ordinal (a proportion says what it is part of: "a third of")
    first = ctx.lower[c.num_start:c.num.end].split(None, 1)[0]
    if v < 1 and first in lang.articles and first not in lang.one_words and \
            ctx.patterns["qual_left"].search(ctx.lower, max(0, c.start - 40), c.start) is None:
        return True  # (but "they now control roughly a third": a qualifier makes it a proportion)
    # "un trois-pièces", "les deux-roues": a number word hyphenated to a noun is part of that noun;
    # where adjectives come first it is a compound adjective and counts ("a nine-storey block"),
    # except with the nouns of [words] hyphen_not_counts ("a two-state solution", "a three-way race")
    if not lang.compound_words and text[end:end + 1] in "-‑" and text[end + 1:end + 2].isalpha():
        if not lang.adjective_before_noun:
            return True
        hm = ctx.patterns["words_ahead"].match(ctx.lower, end + 1, end + AHEAD)
        if hm is None or hm.group() in lang.hyphen_not_counts:
            return True
    # "une quarantaine de 14 jours": a collective noun whose "de" leads to another number is a noun
    lm = ctx.patterns["link"].match(ctx.lower, end, end + AHEAD) if not c.counted else None
    if lm is not None and text[lm.end():lm.end() + 1].isdigit():
        return True
    return False



def range_with_unit(ctx: ExtractionContext, end: int) -> bool:
    """A spelled range connector, a number and a unit after ``end``: "5 bis 7 Grad"."""
    m = ctx.patterns["range_next"].match(ctx.lower, end, end + AHEAD)
    return m is not None and unit_at(ctx, m.end()) is not None


def version_number(ctx: ExtractionContext, c: Candidate) -> bool:
    """"son moteur Vulcain 2.1 brûle", "Bluetooth 5.3 permet": where the decimal mark is a comma, a
    point before one or two digits after a capitalised word is a version, not a decimal (nor a group)."""
    if ctx.lang.decimal == "." or not c.num.decimals:
        return False
    digits = ctx.text[c.num_start:c.num.end]
    dot = digits.rfind(".")
    return dot > 0 and "," not in digits and 1 <= len(digits) - dot - 1 <= 2 and digits[dot + 1:].isdigit()


def named_model(ctx: ExtractionContext, c: Candidate, pw: str) -> bool:
    """"the Nasdaq 100 fell", "the S&P 500 lost", "a Boeing 777 jet", "182 Boeing 737 jets", "The Auralis
    Pro 3 buds": a capitalised word (or a token such as "S&P") and the number right after it are one name
    when the word after the number is written in lower case and is no counted noun of the concept lists,
    and what comes before that word is an article ([words] name_articles), a number or another capitalised
    word of the name. A headline's "Kills 15 Terrorists" is capitalised; "in Aleppo 15 civilians" counts
    civilians; "in Aleppo 15 hospitals" has a preposition before the place."""
    if not ctx.lang.name_articles:
        return False
    nm = ctx.patterns["next_words"].match(ctx.text, c.num.end, c.num.end + AHEAD)
    if nm is None or not nm.group("w1")[:1].islower():
        return False
    counts = concept_of(ctx, c, COUNT) is not None
    k = c.start  # the token before the number: "Nasdaq", "S&P"
    while k > 0 and ctx.text[k - 1] in " \u00a0":
        k -= 1
    while k > 0 and not ctx.text[k - 1].isspace():
        k -= 1
    j = k
    while j > 0 and ctx.text[j - 1] in " \u00a0":
        j -= 1
    if j == k:
        return False
    before = ctx.text[max(0, j - 40):j].split()
    if not before:
        return False
    prior = before[-1].strip("\"'“”(")
    if prior[:1].isdigit():
        return True  # "182 Boeing 737 jets": the count is before the name
    lp = prior.lower()
    return not counts and (lp in ctx.lang.name_articles or prior[:1].isupper() and prior.isalpha() and
                           lp not in ctx.lang.stopwords and lp not in ctx.lang.name_exceptions and
                           lp not in ctx.lang.months)


def page_furniture(ctx: ExtractionContext, c: Candidate) -> bool:
    """Page furniture around a claim: a count in brackets after a heading word or counting images
    ("Slideshow (21 Images)", [words] headings), a number after two bare numbers ("Get short URL 0 0
    0")."""
    text, s = ctx.text, c.start
    if s != c.num_start:
        return False
    headings = ctx.lang.headings
    if headings and s > 0 and text[s - 1] == "(" and (
            prev_word(ctx, s - 1).lower() in headings or (c.counted or "").lower() in headings):
        return True
    if not c.counted and not c.unit and ctx.sentences.span(s)[0] == s and \
            ends_text(ctx, CODE_TAIL.match(text, c.num.end).end()):
        return True  # "... Press TV reported. 212", "Sputnik reported. 212-11": a code closing the page
    if text[max(0, s - 5):s].rstrip().endswith(("...", "…")) and not c.unit and \
            text[c.num.end + 1:c.num.end + 2].isupper() and concept_of(ctx, c, COUNT) is None:
        return True  # "... 25 Topic Violence Erupts": a widget (not "the bus... 21 others died")
    return s > 3 and text[s - 1] == " " and text[s - 2].isdigit() and \
        NUMBER_RUN_BEFORE.search(text, max(0, s - 12), s) is not None


def glued_clock_word(ctx: ExtractionContext, pos: int) -> bool:
    """A clock word in capitals glued to the capital of the next word ("18.05 GMTGold")."""
    m = ctx.patterns["clock_glued"].match(ctx.lower, pos, pos + AHEAD)
    return m is not None and m.end() < ctx.length and ctx.text[m.end()].isupper() and \
        ctx.text[m.start():m.end()].strip().isupper()


def clock_hhmm(ctx: ExtractionContext, c: Candidate) -> bool:
    """A time of day written without its separator, as scraped text has it: "at around 715 pm", "1615
    GMT" (a clock word after), "at 1400 hours", "24 Aug 2013 at 2354" (a clock word before, and a date or
    "hours" around)."""
    if ctx.patterns["clock_after"].match(ctx.lower, c.num.end, c.num.end + AHEAD):
        return True
    m = ctx.patterns["prev_word"].search(ctx.text, max(0, c.start - 40), c.start)
    if m is None or m.group("w").lower() not in ctx.lang.clock_before:
        return False
    if c.unit == "hour":
        return len(c.num.plain_int) == 4
    return DATE_TAIL.search(ctx.lower, max(0, m.start("w") - 12), m.start("w")) is not None or \
        month_before(ctx, m.start("w"))


def count_not_year(ctx: ExtractionContext, c: Candidate) -> bool:
    """A four-digit number that reads as a year but is a count: after a qualifier no year takes ("as many
    as 1300", "some 1300", "plus de 1500"; [words] year_qualifiers lists those years take: "around 1900",
    "until 2030"), or as the second end of a range whose first end is no year ("between 500 and 1300")."""
    lang = ctx.lang
    qm = ctx.patterns["qual_left"].search(ctx.lower, max(0, c.start - 40), c.start)
    if qm is not None:
        phrase = " ".join(qm.group("q").lower().split())
        # ("10 Prozent weniger als 2019": a comparative right after another amount compares with a year)
        if phrase in lang.qualifiers and phrase not in lang.year_qualifiers and \
                NUMBER_BEFORE.search(ctx.lower, max(0, qm.start() - 24), qm.start()) is None and \
                not fraction_before(ctx, qm.start()):
            return True
    hm = RANGE_HEAD.search(ctx.lower, max(0, c.start - 20), c.start) if has_digit(
        ctx.lower, c.start - 20, c.start) else None
    if hm is not None:
        joint = hm.group("j").strip()
        return joint in lang.range_connectors or any(joint == b.lower() for _, b in lang.range_between)
    # "killing between 1000 and 1800 people": the first end of a range whose second end counts people
    # (not "from 2010 to 2015 people moved": two modern years)
    tm = RANGE_TAIL.match(ctx.lower, c.num.end, c.num.end + 40) if has_digit(
        ctx.lower, c.num.end, c.num.end + 14) else None
    if tm is not None and tm.group("w") in lang.concepts and not (
            1900 <= (c.value or 0) <= 2100 and MODERN_YEAR.match(ctx.lower, tm.end("j"))):
        joint = tm.group("j").strip()
        return joint in lang.range_connectors or any(joint == b.lower() for _, b in lang.range_between)
    return False


def fraction_before(ctx: ExtractionContext, pos: int) -> bool:
    """A fraction word right before ``pos`` ("gut ein Drittel weniger als 2021", "a third less than"): an
    amount the comparative belongs to, as a number would be."""
    words = ctx.lower[max(0, pos - 24):pos].split()
    return bool(words) and words[-1].strip(",") in ctx.lang.fractions


def coordinated_after(ctx: ExtractionContext, end: int) -> bool:
    """A coordination or range word follows: "entre el 40 y el 50 %" (the unit comes with the second)."""
    w = next_word(ctx, end)
    return w in ctx.lang.coordination or w in ctx.lang.range_connectors or \
        any(w == b.lower() for _, b in ctx.lang.range_between)


def address_follows(ctx: ExtractionContext, end: int) -> bool:
    """A street word right after the number ("24, rue", "13 avenue"), or after one or two capitalised
    words ("221 Baker Street")."""
    pos = end + 1 if ctx.text[end:end + 1] == "," else end
    m = ctx.patterns["next_words"].match(ctx.text, pos, pos + AHEAD)
    if m is None:
        return False
    words = [w for w in (m.group("w1"), m.group("w2"), m.group("w3")) if w]
    lang = ctx.lang
    if words[0].rstrip(".") in lang.address_words:
        return True
    for i in (1, 2):
        if i < len(words) and all(w[:1].isupper() for w in words[:i]) and \
                words[i].rstrip(".,") in lang.address_words:
            return True
    return False


def per_article(ctx: ExtractionContext, c: Candidate, prev: Candidate) -> bool:
    """"145.9 a litre", "38p a litre": an article that is also one of the language's per-words, right
    after another quantity, introduces that quantity's denominator; it is never a quantity of its own."""
    if not c.num.article_only or ctx.text[prev.end:c.start].strip(" \u00a0"):
        return False
    word = ctx.lower[c.num_start:c.num.end].split(None, 1)
    return bool(word) and any(word[0] == p.lower() for p in ctx.lang.per_words)


def rate_denominator(ctx: ExtractionContext, c: Candidate, prev: Candidate) -> bool:
    """"96,80 Euro je 100 Liter", "246 cas pour 100 000 habitants", "5 litres aux 100 km": a round figure
    (a power of ten) right after a figure (and its counted noun) and one of the language's denominator words
    states what that figure is per, not a quantity of its own. Money never is ("vendu pour 100 000 euros")."""
    if c.value is None or c.value < 10 or c.qualifier != "exact" or is_currency(c.unit) or not prev.keep:
        return False
    if 10 ** round(math.log10(c.value)) != c.value:
        return False
    gap = ctx.lower[prev.end:c.start].strip(" \u00a0")
    noun = (prev.counted or "").lower()
    if noun and gap.startswith(noun):  # "7.640 Straftaten je 100.000 Einwohner"
        gap = gap[len(noun):].strip(" \u00a0")
    return gap in ctx.lang.denominator_words
