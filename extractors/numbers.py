"""Numbers as written: digits with the separators of a language, and number words.

The regexes that find the characters live in ``langdata`` (compiled per language); this module turns
the matched characters into values. Separators are disambiguated by the language first ("1,5" is 1.5
in French, "1,500" is 1500 in English) and by the other reading when the first is impossible
("1.5" in French text, "94.000 $" in English text).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import regex

from quantcheck.extractors.langdata import SPACES, LangData

VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
          "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
MAX_NUMBER_CHARS = 40  # longer digit runs are codes, hashes or garbage, never a quantity
# Every look-ahead from a position (a unit, a scale word, the next words...) reads at most this many
# characters: the ``regex`` module may scan for a literal part of a pattern (the "of" of a word list) up to
# the end of the text before failing, which made each anchor cost O(text) and a long text quadratic.
AHEAD = 200
# A number in words has at most this many tokens ("neunhundertneunundneunzigtausendneunhundert…" has 11,
# "nine hundred and ninety-nine million …" about 20); a longer chain is a list or garbage, never one
# quantity. The cap keeps each parse bounded: without it a long chain of number words that ends in a
# partial word ("fünfzigtausend " * N + "fünfz") was read to its end from every word of it, and failed
# there each time (quadratic: 7.3 s for N = 2,000).
MAX_NUMBER_WORDS = 32
_SPLIT = regex.compile(r"(\d+)")
_EXP = regex.compile(r"[eE]([-+−]?\d+)|[×x*]\s?10(?:\^|\*\*)?([-−]?\d+)|[×x](\d+)\^(\d+)")


@dataclass(slots=True)
class Number:
    """A parsed number: value, where it ends, and facts the filters need."""

    value: float
    end: int
    decimals: int = 0          # digits after the decimal separator ("2.13" -> 2)
    grouped: bool = False      # written with a thousands separator
    plain_int: str = ""        # the digits when written as a bare integer ("2014"), else ""
    words: bool = False        # written (partly) in words
    article_only: bool = False  # "a"/"one"/"un" alone: 1 only if a unit follows
    scaled: float = 1.0        # scale word applied (million...), 1.0 if none
    raw: float = 0.0           # value before the scale word
    fraction: bool = False     # a fraction word with its numerator ("two thirds")

    def hours_and_minutes(self) -> bool:
        """Written as a time of day in hours and minutes ("23.40", "9.30"): two decimals below 60, at most
        24 hours."""
        return self.decimals == 2 and 0 <= self.value <= 24 and round(self.value % 1 * 100) < 60


def _valid(parts: list[str], seps: list[str], dec: str, groups: set[str]) -> tuple[float, int, bool] | None:
    """(value, decimals, grouped) of digit runs ``parts`` joined by ``seps`` under one reading."""
    int_digits = [parts[0]]
    frac = ""
    group_char = None
    for i, sep in enumerate(seps):
        run = parts[i + 1]
        if sep == dec:
            if i != len(seps) - 1:
                return None
            frac = run
        elif sep in groups:
            kind = "space" if sep in SPACES else sep
            if group_char is None:
                group_char = kind
                if len(parts[0]) > 3 or parts[0] == "0":
                    return None
            elif group_char != kind:
                return None
            if len(run) != 3:
                return None
            int_digits.append(run)
        else:
            return None
    text = "".join(int_digits) + ("." + frac if frac else "")
    return float(text), len(frac), group_char is not None


def _grouped_before_space(parts: list[str], seps: list[str], lang: LangData) -> bool:
    """ "30,000 155mm": a number grouped with the language's separator, then a space and another number —
    two numbers side by side ("30,000 155mm shells"), not one written with two kinds of separator."""
    if len(seps) < 2 or seps[-1] not in SPACES or any(x in SPACES for x in seps[:-1]):
        return False
    return all(x in lang.group for x in seps[:-1]) and _valid(parts[:-1], seps[:-1], lang.decimal,
                                                              set(lang.group) - {lang.decimal}) is not None


def grouped_with_mark(text: str, num_start: int, num: Number) -> bool:
    """Written with a thousands mark other than a space ("30,000", "30.000", "30'000"): a figure of its own
    even right before another number ("30,000 155mm shells"), which a code or a list ("245 23") is not."""
    return num.grouped and any(ch in text[num_start:num.end] for ch in ",.'’")


def parse_int_part(s: str, lang: LangData) -> tuple[float, int, int, bool] | None:
    """(value, characters used, decimals, grouped) of a digits-and-separators run, or None.

    When the whole run is impossible (``2014 100``), the longest valid prefix ending before a space is
    used, so that a year followed by a count still yields both numbers.
    """
    if len(s) > MAX_NUMBER_CHARS:
        return None
    if s.isdecimal():
        return float(s), len(s), 0, False
    pieces = _SPLIT.split(s)
    parts = pieces[1::2]
    seps = pieces[2:-1:2]
    if not seps:
        return float(s), len(s), 0, False
    for k in range(len(seps), -1, -1):
        if k < len(seps) and seps[k] not in SPACES:
            continue
        p, sp = parts[: k + 1], seps[:k]
        used = sum(len(x) for x in p) + sum(len(x) for x in sp)
        if not sp:
            return float(p[0]), used, 0, False
        dec = lang.decimal
        other = "," if dec == "." else "."
        groups = set(lang.group) | set(SPACES)
        got = _valid(p, sp, dec, groups - {dec})
        if got is None:  # the other convention: "1.5" in French text, "1,5" in English text
            alt_groups = (set(SPACES) | {"'", "’", dec}) - {other}
            got = _valid(p, sp, other, alt_groups)
        if got is not None:
            value, decimals, grouped = got
            return value, used, decimals, grouped
        if k == len(seps) and any(x not in SPACES for x in seps) and \
                not _grouped_before_space(parts, seps, lang):
            return None  # "1,2,3", "12,34,567": no reading, and not a space-separated pair
    return None


def parse_digits(text: str, pos: int, lang: LangData) -> Number | None:
    """The number whose first digit is at ``pos``."""
    m = lang.res["digits"].match(text, pos)
    if m is None:
        return None
    int_part = m.group("int")
    parsed = parse_int_part(int_part, lang)
    if parsed is None:
        return None
    value, used, decimals, grouped = parsed
    end = pos + used
    full_int = used == len(int_part)
    exp = m.group("exp") if full_int else None
    frac = m.group("frac") if full_int else None
    if exp:
        e = _EXP.search(exp)
        if e is None:
            return None
        power = e.group(1) if e.group(1) is not None else e.group(2)
        try:
            if power is not None:
                digits = power.replace("−", "-").lstrip("+-")
                if len(digits) > 4:
                    return None  # "1e999999": beyond any double, not a quantity
                value = value * 10.0 ** int(power.replace("−", "-"))
            else:
                if len(e.group(4)) > 3:
                    return None
                value = value * float(e.group(3)) ** int(e.group(4))
        except OverflowError:
            return None
        if not math.isfinite(value):
            return None
        end = m.end("exp")
    if frac and not exp:
        if frac in VULGAR:
            if decimals:
                return None
            value += VULGAR[frac]
        elif frac.startswith("/"):
            den = float(frac[1:])
            if den == 0 or decimals or grouped or value >= den:
                return None  # 1/0, 24/7, 50/50: not a fraction
            value = value / den
        else:
            num_s, den_s = frac.strip().split("/")
            num, den = float(num_s), float(den_s)
            if den == 0 or num >= den or decimals:
                frac = None
            else:
                value += num / den
        if frac:
            end = m.end("frac")
    head = int_part[:used]
    plain = head if (head.isdigit() and not exp and not frac) else ""
    return Number(value=value, end=end, decimals=decimals, grouped=grouped, plain_int=plain, raw=value)


def _adds_to(
    last_kind: str, last_val: float, v: float, joiner: str, ones_before_tens: frozenset[str]
) -> bool:
    """Whether the number word of value ``v`` adds to the one before it (of kind ``last_kind`` and value
    ``last_val``, written ``joiner`` apart) rather than starting another number: after a multiplier
    ("hundred two"), after a ten ("twenty-one", "quatre-vingt-quinze", "soixante-douze"), after a Spanish
    hundred ("doscientos cincuenta"), before a ten joined by the language's ``ones_before_tens`` word
    ("einundzwanzig")."""
    if last_kind == "mult":
        return v < last_val
    if last_kind != "num":
        return False
    if last_val >= 20 and last_val % 10 == 0 and last_val < 100 and (
            v < 10 or (last_val in (60.0, 80.0) and v < 20)):
        return True
    if 100 <= last_val < 1000 and last_val % 100 == 0 and v < 100:
        return True  # Spanish hundreds are words of their own: "doscientos cincuenta"
    return last_val < 10 and 20 <= v < 100 and v % 10 == 0 and joiner.strip().lower() in ones_before_tens


def _compound_after(text: str, pos: int, lang: LangData) -> bool:
    """A word at ``pos`` (after a fraction word's hyphen) that is neither a unit nor a scale word:
    "sixth-form", not "demi-heure", "demi-million"."""
    tail = text[pos:pos + AHEAD].lower()
    word = lang.res["words_ahead"].match(tail)
    return word is not None and word.group() not in lang.scales and \
        lang.res["unit_ci"].match(tail, 0, AHEAD) is None


def _after_fraction_article(text: str, end: int, lang: LangData) -> tuple[regex.Match | None, int]:
    """After a lone fraction word ending at ``end``, an article and what follows it: (the next number
    token, a scale or a multiplier, as in "half a million", "half a dozen"; else None) and the end of the
    number (after the article when a unit follows it: "half a mile", "half a litre")."""
    art = lang.res["words_ahead"].match(text, end + 1, end + AHEAD) if text[end:end + 1] == " " else None
    if art is None or art.group(0) not in lang.articles:
        return None, end
    m = lang.res["word_tok_next"].match(text, art.end(), art.end() + AHEAD)
    if m is not None and m.group("w").lower() not in lang.scales and \
            m.group("w").lower() not in lang.multipliers:
        m = None
    if m is None and lang.res["unit_ci"].match(text, art.end(), art.end() + AHEAD) is not None:
        end = art.end()  # "half a mile", "half a litre": the unit follows the article
    return m, end


def parse_words(text: str, pos: int, lang: LangData, article: bool = False,
                glued_unit: bool = False) -> Number | None:
    """A number written in words from ``pos`` ("a hundred and two", "quatre-vingt-quinze").

    With ``article`` the first token is an article ("a", "one", "un") read as 1. With ``glued_unit``, in a
    language that glues number words, a unit may be glued to the number ("zweistündige", "dreitägigen");
    otherwise letters after the number words mean they were the start of another word ("einfach").
    """
    tok_first = lang.res["word_tok"]
    tok_next = lang.res["word_tok_next"]
    total = 0.0
    current = 0.0
    last_kind = ""
    last_val = 0.0
    end = pos
    scaled = 0.0
    ntok = 0
    fraction = False
    if article:
        first = lang.res["words_ahead"].match(text, pos, pos + AHEAD)
        if first is not None and first.group(0).lower() in lang.fractions:
            article = False  # "half million", "quarter million": the fraction word starts the number
    if article:
        art = lang.res["words_ahead"].match(text, pos, pos + AHEAD)
        if art is None:
            return None
        current, last_kind, last_val, end, ntok = 1.0, "num", 1.0, art.end(), 1
        m = tok_next.match(text, end, end + AHEAD)
    else:
        m = tok_first.match(text, pos, pos + AHEAD)
    while m is not None:
        word = m.group("w").lower()
        joiner = text[m.start():m.start("w")]
        if word in lang.number_words and word not in lang.multipliers:
            v = lang.number_words[word]
            if ntok == 0 or last_kind == "scale":
                if last_kind == "scale" and joiner.strip() == ",":
                    peek = tok_next.match(text, m.end(), m.end() + AHEAD)
                    if peek is None or peek.group("w").lower() not in lang.multipliers:
                        break
                current = v
            elif _adds_to(last_kind, last_val, v, joiner, lang.ones_before_tens):
                current += v
            else:
                break
            last_kind, last_val = "num", v
        elif word in lang.multipliers:
            mult = lang.multipliers[word]
            if last_kind == "mult" and mult <= last_val:
                break
            if mult >= 1000:
                total += (current or 1.0) * mult
                current = 0.0
            else:
                current = (current or 1.0) * mult
            last_kind, last_val = "mult", mult
        elif word in lang.scales:
            total += (current or 1.0) * lang.scales[word]
            current = 0.0
            scaled = max(scaled, lang.scales[word])
            last_kind, last_val = "scale", lang.scales[word]
        elif word in lang.fractions:
            den = lang.fractions[word]
            if ntok and text[m.end():m.end() + 1] == "-" and _compound_after(text, m.end() + 1, lang):
                break  # "one sixth-form college": the word starts a compound noun (not "une demi-heure")
            if ntok == 0:
                current = 1.0 / den
            elif last_kind == "num" and current < 20:
                current = current / den
                fraction = True
            else:
                break
            last_kind, last_val = "frac", den
        else:
            break
        ntok += 1
        if ntok > MAX_NUMBER_WORDS:
            return None
        end = m.end()
        m = tok_next.match(text, end, end + AHEAD)
        if m is None and ntok == 1 and last_kind == "frac":  # "half a million", "half a dozen"
            m, end = _after_fraction_article(text, end, lang)
    if ntok == 0:
        return None
    if lang.compound_words and end < len(text) and text[end].isalpha():
        um = lang.res["unit_ci"].match(text, end, end + AHEAD) if glued_unit else None
        if um is None or um.group("gap") or um.group("open"):
            return None  # "einfach" starts with "ein" but is no number
    value = total + current
    return Number(value=value, end=end, words=True, article_only=(article and ntok == 1),
                  scaled=scaled or 1.0, raw=value, fraction=fraction)
