"""The extraction engine: one pass over the text to find numeric anchors, then local parsing.

How it stays fast and safe:
- one precompiled anchor regex per language finds every place a number may start (a digit, a number
  word, an article before a unit, a currency sign before digits) in a single linear scan; number words
  and units are ``regex`` named lists (set lookups, longest match first);
- everything else (scale words, units, qualifiers, counted nouns, filters) is a handful of anchored
  matches around each anchor, never a scan of the whole text;
- every quantifier over unbounded input is possessive or bounded, so no pattern backtracks.

The language knowledge is data (extractors/lang/*.toml, compiled by ``langdata``); this module only
holds the rules that are the same in every language.
"""

from __future__ import annotations

import bisect
import dataclasses
import heapq
import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import regex

from extractors import budget as _budget
from extractors.currency_country import CountryResolver
from extractors.langdata import LangData, available_languages, load
from extractors.langdetect import detect_language
from extractors.model import Mention
from extractors.numbers import AHEAD, VULGAR, Number, parse_digits, parse_words
from extractors.units import COUNT, UnitInfo, unit_info
from extractors.vague import parse_vague

# A break starts at the first character of a run of punctuation or spaces (or at the newline itself), never
# inside a run: otherwise each position of a megabyte of "....." would rescan the rest of the run.
_SENTENCE_END = regex.compile(
    r"(?<![.!?…;])[.!?…;]++[\"'”»’)\]]*+[ \t\u00a0]++(?=[^\p{Ll}])"
    r"|(?<![ \t])[ \t]*+\n[\s]*+|(?<=[ \t])\n[\s]*+", regex.V1)
# ``_SENTENCE_END`` in two parts (``_sentence_breaks``): its first branch, which starts at a punctuation
# mark, lets the scan skip most of the text at once; the line-break branches are found from each "\n".
_PUNCT_BREAK = regex.compile(
    r"[.!?…;](?<![.!?…;].)[.!?…;]*+[\"'”»’)\]]*+[ \t\u00a0]++(?=[^\p{Ll}])", regex.V1)
_SPACE_RUN = regex.compile(r"[\s]*+", regex.V1)
# "between 500 and 1300": a first end of at most three digits and a joining word or dash before a number
_RANGE_HEAD = regex.compile(r"(?r)(?<![\p{N}.,])\d{1,3}[ \u00a0]*(?P<j>[-–]|[ \u00a0]\p{L}{1,7})[ \u00a0]+\Z|"
                            r"(?<![\p{N}.,])\d{1,3}(?P<j>[-–])\Z", regex.V1)
_MIXED_FRACTION = regex.compile(r"-(\d{1,2})/(\d{1,2})(?![\d/])", regex.V1)  # "2-1/2"
_NUMBER_BEFORE = regex.compile(r"\d[^.,;:!?\d]{0,20}\Z", regex.V1)  # an amount just before a comparative
_SHORT_NUMBER_BEFORE = regex.compile(r"(?<![\p{L}\p{N}.,])\d{1,3} \Z", regex.V1)  # "0 " before "0 Tags"
_CODE_TAIL = regex.compile(r"(?:-\d++)?", regex.V1)  # "212-11": the rest of a code after its first number
_NUMBER_RUN_BEFORE = regex.compile(r"(?<![\p{N}.,])\d{1,3} \d{1,3} \Z", regex.V1)  # "0 0 " before "0"
# "... 24 Aug 2013 " before "at 2354": a year ends the text before the clock word
_DATE_TAIL = regex.compile(r"(?<![\p{N}])(?:1[89]|20)\d\d[ \u00a0,]*+\Z", regex.V1)
# "1000 and 1800 people": a joining word or dash, a number and the word after it
_RANGE_TAIL = regex.compile(r"(?P<j>[ \u00a0]*[-–][ \u00a0]*|[ \u00a0]+\p{L}{1,7}[ \u00a0]+)"
                            r"[\d][\d,.]*+[ \u00a0]+"
                            r"(?P<w>\p{L}++)", regex.V1)
_DIGIT = regex.compile(r"\d", regex.V1)
_MODERN_YEAR = regex.compile(r"(?:19|20)\d\d(?![\d,.])", regex.V1)
_RANGE_START_END = regex.compile(r"(?<![\d/.:,h])\d{1,2}\Z", regex.V1)  # "de 2" before "à 3 heures"
_NON_SPACE_RUN = regex.compile(r"\S*+", regex.V1)
_CODE_RUN = regex.compile(r"\d++(?:[ /\-.]\d++)*+", regex.V1)  # a phone number or a code, from its 1st digit
_ALNUM_RUN = regex.compile(r"[\p{L}\p{N}_]*+", regex.V1)
_PUNCT_END = regex.compile(r"[ \u00a0]*+(?:[.,;:!?)\]\"'”»’…]|$|\n)", regex.V1)
TIME_UNITS = {"second", "millisecond", "minute", "hour", "day", "week", "fortnight", "month", "year",
              "decade", "decennium", "century", "millennium"}
AGE_UNITS = {"year", "month", "week", "day"}
SECONDS = {"hour": 3600.0, "minute": 60.0, "second": 1.0}  # the parts of a duration written in parts
# ("year", "month") stays two mentions: "21 years and six months" is read as two claims by the gold sets
COMPOSITES = {("foot", "inch"): 1 / 12, ("pound", "ounce"): 1 / 16}
_MISSING = object()
MINOR_UNITS = {"cent": 0.01, "penny": 0.01, "centime": 0.01, "kopek": 0.01, "mao": 0.1, "sen": 0.01}


@dataclass(slots=True)
class Cand:
    """A mention under construction."""

    start: int
    end: int
    value: float | None
    num: Number
    unit: str = ""
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    counted: str | None = None
    age: bool = False
    words: bool = False
    scaled: float = 1.0
    rule: str = ""
    num_start: int = 0
    keep: bool = True
    extra_level: str = ""  # the unit of the last part of a duration in parts ("2 h 21 min": "minute")
    vague: bool = False  # "dozens of civilians": a range read from a vague plural (extractors/vague.py)
    one: bool = False  # "one person was killed", "un mort": the number word for one counting something


def _resolve_language(text: str, lang: str | None) -> str:
    langs = available_languages()
    if lang:
        code = str(lang).strip().lower().replace("_", "-").split("-")[0]
        if code in langs:
            return code
    return detect_language(text) if not lang else ("en" if "en" in langs else langs[0])


def _sentence_breaks(text: str) -> list[tuple[int, int]]:
    """The spans of ``_SENTENCE_END.finditer(text)``, found faster.

    A break at a punctuation mark is ``_PUNCT_BREAK``; one at a line break starts at the run of spaces and
    tabs before the "\\n" (or at the "\\n" when that run belongs to a punctuation break, whose trailing
    spaces run up to the "\\n") and takes the white space after it. The two kinds never overlap otherwise:
    one starts at a punctuation mark and holds no line break, the other holds only white space."""
    punct = [m.span() for m in _PUNCT_BREAK.finditer(text)]
    lines: list[tuple[int, int]] = []
    p = 0  # index in ``punct`` of the first break that may end at or after the next "\\n"
    nl = text.find("\n")
    while nl >= 0:
        k = nl
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        while p < len(punct) and punct[p][1] <= k:
            p += 1
        if p < len(punct) and punct[p][0] <= k < punct[p][1]:
            k = nl  # the spaces end a punctuation break: the line break starts at the "\\n" itself
        end = _SPACE_RUN.match(text, nl + 1).end()
        lines.append((k, end))
        nl = text.find("\n", end)
    if not lines:
        return punct
    if not punct:
        return lines
    return sorted(punct + lines)


class _Sentences:
    """Sentence offsets, computed on first use (a text without numbers never pays for them)."""

    def __init__(self, text: str, abbreviations: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.abbreviations = abbreviations  # "Mio.", "Mrd.", "ca.": a dot that ends no sentence
        self._starts: list[int] | None = None
        self._ends: dict[int, int] = {}  # sentence index -> end without trailing spaces, computed once

    def _build(self) -> list[int]:
        starts = [0]
        text = self.text
        abbreviations = self.abbreviations
        # the last letter of the word before the dot, when it is ASCII, must end an abbreviation: most dots
        # are let through without the look-back below
        ends = None if "" in abbreviations else {a[-1] for a in abbreviations}
        for k, end in _sentence_breaks(text):
            if abbreviations and text[k] == "." and (
                    ends is None or not text[k - 1].isascii() or text[k - 1].lower() in ends):
                j = max(text.rfind(" ", k - 8, k), text.rfind("\n", k - 8, k), text.rfind("\u00a0", k - 8, k))
                if j >= 0 and text[j + 1:k].lower() in abbreviations:
                    continue  # "30 Mrd. Euro, davon …": one sentence
            starts.append(end)
        self._starts = starts
        return starts

    def span(self, pos: int) -> tuple[int, int]:
        starts = self._starts if self._starts is not None else self._build()
        i = bisect.bisect_right(starts, pos) - 1
        start = starts[i]
        end = self._ends.get(i)
        if end is None:  # once per sentence: a sentence ending in a megabyte of spaces is walked once
            end = starts[i + 1] if i + 1 < len(starts) else len(self.text)
            while end > start and self.text[end - 1] in " \t\n\r\u00a0":
                end -= 1
            self._ends[i] = end
        return start, max(end, start)

    def index(self, pos: int) -> int:
        starts = self._starts if self._starts is not None else self._build()
        return bisect.bisect_right(starts, pos) - 1


class _Extractor:
    def __init__(self, text: str, L: LangData) -> None:
        self.text = text
        self.low = _lower_same_length(text)
        self.L = L
        self.n = len(text)
        self.sent = _Sentences(text, L.abbreviations)
        self.res = L.res
        self._countries: CountryResolver | None = None  # built on the first same-named currency word

    # ---- helpers ---------------------------------------------------------------------------------
    def sentence_lower(self, pos: int) -> str:
        """The sentence around ``pos`` (at most 400 characters each side: cues are local, and a text
        without sentence breaks must not make every lookup linear)."""
        s, e = self.sent.span(pos)
        return self.low[max(s, pos - 400):min(e, pos + 400)]

    def prev_word(self, pos: int) -> str:
        m = self.res["prev_word"].search(self.text, max(0, pos - 40), pos)
        return m.group("w").lstrip("'’.-") if m else ""

    def at_sentence_start(self, pos: int) -> bool:
        s, _ = self.sent.span(pos)
        return s >= pos - 80 and not self.text[s:pos].strip(" \t\"'“«(-—–")

    def followed_by_punct(self, pos: int) -> bool:
        return _PUNCT_END.match(self.text, pos, pos + AHEAD) is not None

    def next_word(self, pos: int) -> str:
        m = self.res["next_words"].match(self.text, pos, pos + AHEAD)
        return m.group("w1").lower() if m else ""

    # ---- units -----------------------------------------------------------------------------------
    def currency_of(self, sym: str) -> tuple[str, float] | None:
        """ISO code (and scale) of a currency sign, code or word as written (memoised per language:
        it depends on the symbol only, and a text full of "$" asks it at every number)."""
        memo = self.L.memo_currency
        got = memo.get(sym, _MISSING)
        if got is _MISSING:
            got = self._currency_of(sym)
            if len(memo) < 10_000:  # symbols come from the unit lists: few, but stay bounded anyway
                memo[sym] = got
        return got

    def _currency_of(self, sym: str) -> tuple[str, float] | None:
        L = self.L
        if sym in L.currency_codes:
            return sym, 1.0
        if sym.upper() in L.currency_aliases and (sym.isupper() or sym.lower() in L.units_ci):
            return L.currency_aliases[sym.upper()], 1.0
        for letter, factor in L.code_scale_letters.items():
            rest = sym[len(letter):]
            if sym.startswith(letter) and rest in L.currency_codes and rest.isupper():
                return sym[len(letter):], factor
        low = " ".join(sym.lower().split())
        if low in L.currency_suffix:
            return L.currency_suffix[low], 1.0
        if low in L.currency_prefix:
            return L.currency_prefix[low], 1.0
        unit = L.units_ci.get(low)
        if unit and unit.isupper():
            return unit, 1.0
        return None

    def resolve_unit(self, surface: str, pos: int, scaled: bool, money: bool,
                     value: float | None = None) -> str | None:
        """The pint unit of a unit surface at ``pos``, or None when it is not a unit here."""
        L = self.L
        if surface in L.units_cs:
            return L.units_cs[surface]
        cur = self.currency_of(surface)
        if cur is not None and cur[1] == 1.0:
            return cur[0]
        if cur is not None:
            return f"{cur[0]}*{cur[1]:g}"
        low = " ".join(surface.lower().split())
        amb = L.ambiguous.get(low)
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
                        sentence = self.sentence_lower(pos)
                    if any(_has_word(sentence, c, self.L.compound_words) for c in cues):
                        return rule["unit"]
            return amb.default or None
        return L.units_ci.get(low)

    def _country_currency(self, unit: str, pos: int) -> str:
        """The currency a one-word name shared by several countries means here ("pesos", "francs"), from the
        countries named around it (extractors/currency_country.py); ``unit`` is the language's default."""
        if self._countries is None:
            self._countries = CountryResolver(self.L.countries, self.low)
        return self._countries.resolve(unit, pos, self.sent.span(pos))

    def guard_ok(self, surface: str, attached: bool, end: int, after_unit: bool) -> bool:
        g = self.L.guards.get(surface)
        if g is None:
            g = self.L.guards.get(surface.lower()) if surface.lower() in self.L.units_ci else None
        if not g:
            return True
        if attached:
            return True
        if after_unit and g.get("after_unit"):
            return True  # "2 h 21 min 34 s": the second part of a composite
        if g.get("attached_only"):
            return False
        if g.get("end") and self.followed_by_punct(end):
            return True
        nxt = g.get("next")
        if nxt and self.next_word(end) in nxt:
            return True
        return not (g.get("end") or nxt)

    def unit_at(self, pos: int) -> regex.Match | None:
        """The longest unit written at ``pos``: words matched lower-cased, symbols as written."""
        a = self.res["unit_ci"].match(self.low, pos, pos + AHEAD)
        b = self.res["unit_cs"].match(self.text, pos, pos + AHEAD)
        if a is None:
            return b
        if b is None:
            return a
        return b if b.end() > a.end() else a

    def scale_at(self, pos: int) -> regex.Match | None:
        a = self.res["scale_w"].match(self.low, pos, pos + AHEAD)
        return a if a is not None else self.res["scale_s"].match(self.text, pos, pos + AHEAD)

    def match_unit(self, pos: int, c: Cand, money: bool, after_unit: bool = False) -> tuple[str, int] | None:
        """(pint unit, end) of the unit written at ``pos`` (after the number), or None."""
        m = self.unit_at(pos)
        if m is None:
            if self.text[pos:pos + 1] != " " or self.low[pos + 1:pos + 4] not in self.L.country_heads:
                return None  # (a cheap test before the lookup: most numbers are followed by no country)
            return self._demonym_currency(pos)
        surface = self.text[m.start("u"):m.end("u")]
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
        if len(surface) <= 2 and e + 1 < self.n and self.text[e] in "'’" and self.text[e + 1].isalpha():
            return None  # "2,1 milliards l'an dernier", "5 m'a": an elided article or pronoun, not a unit
        unit = self.resolve_unit(surface, m.start("u"), c.scaled > 1.0, money, c.value)
        if not unit:
            return None
        if unit.isupper() and surface.isalpha() and surface.lower() != unit.lower():
            unit = self._country_currency(unit, m.start("u"))  # "1.150 pesos" about Argentina: ARS
        if not self.guard_ok(surface, attached, m.end(), after_unit):
            return None
        compounds = self.L.unit_compounds.get(unit) if self.L.unit_compounds else None
        if compounds and self._phrase_follows(m.end(), compounds):
            return None  # "34 barrel bombs", "500 foot soldiers": the unit word is part of a noun
        power = 0
        if m.group("pp"):
            power = self.L.powers_prefix.get(" ".join(m.group("pp").lower().split()), 0)
        if m.group("ps"):
            power = self.L.powers_suffix.get(m.group("ps").strip().lower(), 0) or power
        if power:
            if "*" in unit or "/" in unit or unit.isupper():
                return None
            unit = f"{unit}**{power}"
        return unit, m.end()

    def _demonym_currency(self, pos: int) -> tuple[str, int] | None:
        """"4.2 million Norwegian crowns", "4,2 Millionen norwegische Kronen", "500 Syrian pounds": a country
        word of [currency_countries] between the number and a currency name its country shares with others
        (a family of common.toml [currency_families]) gives that country's currency."""
        data = self.L.countries
        if data is None or self.text[pos:pos + 1] != " " or \
                self.low[pos + 1:pos + 4] not in self.L.country_heads:
            return None
        wm = self.res["words_ahead"].match(self.low, pos + 1, pos + 1 + AHEAD)
        code = data.code_of.get(wm.group()) if wm is not None else None
        if code is None:
            return None
        um = self.unit_at(wm.end())
        if um is None or um.group("gap") != " ":
            return None
        surface = self.text[um.start("u"):um.end("u")]
        default = self.currency_of(surface)
        readings = [default[0]] if default is not None and default[1] == 1.0 else []
        amb = self.L.ambiguous.get(" ".join(surface.lower().split()))
        if amb is not None:  # "pounds": mass or sterling; with "Syrian" before it, money
            readings += [rule["unit"] for rule in amb.rules if "unit" in rule]
        if any(code in data.family_of.get(r, ()) for r in readings):
            return code, um.end()
        return None

    def _phrase_follows(self, pos: int, phrases: tuple[str, ...]) -> bool:
        """Whether one of ``phrases`` (lower-case) is the next word or words after ``pos``."""
        k = pos
        while k < self.n and k - pos < 3 and self.text[k] in " \u00a0-":
            k += 1
        if k == pos:
            return False
        for p in phrases:
            if self.low.startswith(p, k) and not self.low[k + len(p):k + len(p) + 1].isalpha():
                return True
        return False

    # ---- one anchor --------------------------------------------------------------------------------
    def parse_at(self, m: regex.Match) -> tuple[Cand | None, int]:
        """The candidate mention starting at anchor ``m`` and the offset up to which text is used."""
        text, L = self.text, self.L
        kind = m.lastgroup
        if kind == "vague":
            return self.parse_vague_count(m)
        if kind in ("one", "onepre"):
            return self.parse_one(m)
        s = m.start()
        cur_code = None
        cur_scale = 1.0
        start = s
        neg = False
        if kind == "num":
            before = text[s - 1] if s else " "
            cm = None
            if s:
                cm = self.res["cur_left"].search(self.low, max(0, s - 12), s) or \
                    self.res["code_left"].search(text, max(0, s - 12), s)
            if before.isalpha() or before == "_":
                if cm is None or cm.group("sp") or cm.group("neg"):
                    return None, _ALNUM_RUN.match(text, s).end()  # "F35", "i7", "L2": identifiers
            elif before in "-‑" and s > 1 and text[s - 2].isalpha() and cm is None:
                return None, _ALNUM_RUN.match(text, s).end()  # "F-35", "COVID-19", "MiG-29"
            elif before in ".," and s > 1 and text[s - 2].isalnum():
                return None, s + 1
            if cm is not None:
                got = self.currency_of(text[cm.start("sym"):cm.end("sym")].strip())
                if got is not None:
                    cur_code, cur_scale = got
                    start = cm.start()
                    neg = bool(cm.group("neg"))
            if s and not text[s - 1].isspace() and self._in_url(s):
                return None, _NON_SPACE_RUN.match(text, s).end()  # "insee.fr/statistiques/8245121"
            if text[s] == "0" and text[s + 1:s + 2].isdigit():
                # "030 1234567", "0171/555": no quantity opens with 0
                return None, _CODE_RUN.match(text, s).end()
            num = parse_digits(text, s, L)
            num_start = s
            if num is not None and 5 <= len(num.plain_int) <= 6 and _glued_date(num.plain_int) and \
                    self._month_before(s):
                return None, num.end  # "Jul 172015", "Mar 32016": a day glued to its year by scraping
            if num is not None and before == "." and L.decimal == "." and cm is None and \
                    (s == 1 or text[s - 2] in " \t\n(\"'“") and num.plain_int and len(num.plain_int) <= 4:
                # "a .600 winning percentage", "hit .312": a decimal written without its leading zero
                value = float("0." + num.plain_int)
                num = Number(value=value, end=num.end, decimals=len(num.plain_int), raw=value)
                start = num_start = s - 1
            elif num is not None and num.plain_int and text[num.end:num.end + 1] == "-":
                fm = _MIXED_FRACTION.match(text, num.end)
                if fm is not None and 0 < int(fm.group(1)) < int(fm.group(2)) <= 16:
                    # "a 2-1/2 year conflict": two and a half
                    value = num.value + int(fm.group(1)) / int(fm.group(2))
                    num = Number(value=value, end=fm.end(), raw=value)
        elif kind == "vfrac":
            num = Number(value=VULGAR[text[s]], end=s + 1, raw=VULGAR[text[s]])
            num_start = s
        elif kind == "word":
            if s > 1 and text[s - 1] in "-‑" and text[s - 2].isalpha():
                return None, m.end()  # "a straight-six", "V-eight": a number word ending a hyphenated name
            # "zweistündige": a glued unit only on a lower-case word (an adjective; "Elfmeter" is a noun)
            num = parse_words(self.low, s, L, glued_unit=text[s].islower())
            num_start = s
        else:
            num = parse_words(self.low, s, L, article=True)
            num_start = s
        if num is None:
            run = self.res["digits"].match(text, num_start) if kind == "num" else None
            return None, (run.end() if run else m.end())
        e = num.end
        if kind == "num" and cur_code is None and e + 1 < self.n and text[e] == " " and text[e + 1].isdigit():
            # "245 23 yen", "1 2 3": a bare number right before another one is part of a code or a list (see
            # is_non_quantity); no unit, scale or noun can start with a digit, so decide it now, cheaply
            return None, e
        # sign
        if kind in ("num", "vfrac") and s > 0 and not neg and not _after_number(text, s):
            ch = text[s - 1]
            before = text[s - 2] if s > 1 else " "
            # ("5.25%-5.5%", "20°-25°": a hyphen against what precedes it joins, it is no minus)
            if ch in "-−" and not (before.isalnum() or before in ".,%°'’)]$€£"):
                neg, start = True, s - 1
            elif ch == "–" and before in " \t\n(\u00a0":  # "–12 °C": an en dash against the digits is a minus
                neg, start = True, s - 1
            elif ch == " " and before in "-−" and (s < 3 or text[s - 3] in " \t\n(\"'"):
                neg, start = True, s - 2
            if not neg:
                mm = self.res["minus_left"].search(self.low, max(0, s - 12), s)
                if mm and L.minus_not_after and \
                        self.low[max(0, mm.start() - 12):mm.start()].rstrip().endswith(L.minus_not_after):
                    mm = None  # "plus or minus 2.5 percentage points": a margin either way
                if mm:
                    # "au moins 35", "al menos 35", "por lo menos": the minus word ends a qualifier
                    qm = self.res["qual_left"].search(self.low, max(0, s - 40), s)
                    if qm is None or qm.start() >= mm.start():
                        neg, start = True, mm.start()
                elif "plus_left" in self.res:  # "minus 3 bis plus 2 Grad": a plus sign written as a word
                    pm = self.res["plus_left"].search(self.low, max(0, s - 12), s)
                    if pm:
                        start = pm.start()
        if kind == "num" and not num.words and num.plain_int and num.plain_int.endswith("0") and \
                text[num.end:num.end + 1] == "s" and not text[num.end + 1:num.end + 2].isalpha():
            return None, num.end + 1  # "the 1960s", "the 90s": decades
        if kind == "num" and num.plain_int and text[num.end:num.end + 1] == "." and \
                self._ordinal_dot(num.end, s):
            return None, num.end + 1  # "3.º", "1.ª", "Sie wurde 3. im Rennen", "der 5. Platz": ordinals
        if kind == "num" and cur_code is None and len(num.plain_int) == 1 and \
                text[num.end:num.end + 1] == "K" and not text[num.end + 1:num.end + 2].isalnum():
            return None, num.end + 1  # "4K", "8K" screens, a "5K" race: names, neither thousands nor kelvins
        c = Cand(start=start, end=num.end, value=num.value, num=num, words=num.words, num_start=num_start,
                 scaled=num.scaled, rule="words" if num.words else "digits")
        pos = num.end
        # attached letters must be a unit or a scale: "3rd", "8C", "1960s", "24703L202" are not quantities
        attached_letter = pos < self.n and (text[pos].isalpha() and not num.words)
        # "and a half"
        hm = self.res["half"].match(self.low, pos, pos + AHEAD)
        if hm and num.value == int(num.value):
            # "un millón y medio", "deux millions et demi": the half is of the scale word that ends the number
            c.value = num.value + 0.5 * (num.scaled if num.scaled > 1 and num.value % num.scaled == 0 else 1)
            pos = hm.end()
        # scale word or symbol
        sm = self.scale_at(pos)
        if sm and c.scaled == 1.0:
            factor = None
            if sm.groupdict().get("w"):
                factor = L.scales.get(sm.group("w").lower())
            else:
                sym = sm.group("s")
                spaced = bool(sm.group("sp"))
                if sym in ("bn", "Bn", "mn", "tn") or (sym in ("k", "K") and not spaced):
                    factor = L.scale_symbols.get(sym)
                elif not spaced and (cur_code or self._currency_follows(sm.end())):
                    factor = L.scale_symbols.get(sym)
                elif spaced and not cur_code and self._currency_follows(sm.end(), glued=True):
                    factor = L.scale_symbols.get(sym)  # "45 M€", "52 k€": the sign is glued to the scale
                elif not spaced and sym == "m" and self._noun_follows(sm.end(), num.decimals > 0):
                    factor = L.scale_symbols.get(sym)  # "1.8m vehicles", "1.7m hectares": not metres
            if factor:
                c.value = (c.value or 0) * factor
                c.scaled = factor
                pos = sm.end()
                attached_letter = False
                hm = self.res["half"].match(self.low, pos, pos + AHEAD)
                if hm and num.value == int(num.value):  # "2 millions et demi"
                    c.value += 0.5 * factor
                    pos = hm.end()
        c.value = c.value * cur_scale if c.value is not None else None
        money = cur_code is not None
        if num.words and c.scaled == 1.0 and c.value is not None and 0 < c.value < 1 and cur_code is None:
            got = self._fraction_of(c, pos)
            if got is not None:
                return c, got
        # unit (possibly after "de"/"of", or after an adjective such as "dernières")
        unit_hit = self.match_unit(pos, c, money)
        if unit_hit is None and c.scaled > 1.0 or unit_hit is None and not num.words:
            lm = self.res["link"].match(self.low, pos, pos + AHEAD)
            if lm:
                unit_hit = self.match_unit(lm.end(), c, money)
        if unit_hit is None and c.scaled == 1.0:  # "30 dernières années"; never "3bn last year"
            gm = self.res["gap_word"].match(self.low, pos, pos + AHEAD) if "gap_word" in self.res else None
            if gm:
                hit = self.match_unit(gm.end(), c, money)
                if hit and hit[0] in TIME_UNITS:
                    unit_hit = hit
        if unit_hit is not None:
            unit, uend = unit_hit
            if "*" in unit and unit.split("*")[0].isupper():  # "MUSD": code with a scale letter
                code, factor = unit.split("*")
                c.value = (c.value or 0) * float(factor)
                c.scaled = float(factor)
                unit = code
            if cur_code and unit != cur_code:
                if unit.isupper() or unit in MINOR_UNITS:
                    pass  # "$ 10 dollars", "C$ 5 dollars": the prefix decides
                else:
                    unit_hit = None
                    c.unit = cur_code
            if unit_hit is not None:
                c.unit = cur_code or unit
                pos = uend
                attached_letter = False
        elif cur_code:
            c.unit = cur_code
        if attached_letter:
            glued = _ALNUM_RUN.match(text, num.end).group()
            if glued.lower() not in L.concepts or not glued.isalpha():
                return None, _ALNUM_RUN.match(text, num.end).end()
            c.counted = glued.lower() if not L.capitalised_nouns else glued  # "100000people": a lost space
        if neg and c.value is not None:
            if text[start:start + 2].strip() in ("-", "−") and text[start + 1] == " " and \
                    not self._spaced_minus(start, c.unit):
                neg = False
                start = num_start
                c.start = start
            else:
                c.value = -c.value
                if c.unit:
                    c.unit = self._negative_unit(c.unit)
        c.end = pos
        if c.unit:
            pos = self._after_unit(c, pos, money)
        c.end = pos
        if num.article_only and (not c.unit or c.unit == "degree" or (c.unit in TIME_UNITS and not c.age)):
            # "a mix", "a second time", "a degree in law": an article, not a quantity; but "more than a year",
            # "moins d'une heure": a qualifier makes the time unit a measured duration
            if not (c.unit in TIME_UNITS and
                    self.res["qual_left"].search(self.low, max(0, c.start - 40), c.start)):
                return None, num.end
        return c, pos

    def parse_vague_count(self, m: regex.Match) -> tuple[Cand | None, int]:
        """"dozens of civilians", "des centaines de milliers", "Zehntausende", "several hundred", "millions of
        dollars": a range with the language's bounds ([vague] data, extractors/vague.py), its unit when one
        follows (after a link word or not), else the counted noun found as after a scale word."""
        s = m.start()
        v = parse_vague(self.low, s, self.L)
        if v is None:
            return None, s  # (another anchor at the same place is still read)
        guard = self.L.vague_guarded.get(v.head)
        if guard is not None and self.next_word(v.head_end) not in guard and \
                self.prev_word(s).lower() not in self.L.count_verbs:
            return None, s  # "test scores rose": not "scores of people"
        num = Number(value=v.low, end=v.end, words=True, raw=v.low)
        c = Cand(start=s, end=v.end, value=None, num=num, low=v.low, high=v.high, qualifier="range",
                 words=True, scaled=v.step, rule="vague", num_start=s, vague=True)
        hit = self.match_unit(v.end, c, False)
        if hit is None:
            lm = self.res["link"].match(self.low, v.end, v.end + AHEAD)
            if lm:
                hit = self.match_unit(lm.end(), c, False)
        if hit is not None and hit[0] in TIME_UNITS:
            return None, hit[1]  # "several hundred years", "des dizaines d'années": a time reference
        if hit is not None and "*" not in hit[0]:
            c.unit, c.end = hit
        return c, c.end

    def parse_one(self, m: regex.Match) -> tuple[Cand | None, int]:
        """"one person was killed", "one count of fraud", "un mort et deux blessés", "ein Toter": the number
        word for one before a noun of ``one_nouns`` (the anchor checked it), or after a qualifier or a count
        verb ("at least one", "kills one in Syria") when punctuation or a word of ``one_next`` follows; never
        "one in five" (a proportion)."""
        s, e = m.span()
        if m.lastgroup == "onepre" and not self.followed_by_punct(e):
            w = self.next_word(e)
            if w not in self.L.one_next and w not in self.L.one_nouns:
                return None, s  # ("at least one hundred": the number word is read from the same place)
            nm = self.res["next_words"].match(self.low, e, e + AHEAD)
            if nm is not None and w not in self.L.coordination and \
                    _number_after(self.low, nm.end("w1"), self.L):
                return None, s  # "one in five", "one of 12": a proportion or a part
        num = Number(value=1.0, end=e, words=True, raw=1.0)
        c = Cand(start=s, end=e, value=1.0, num=num, words=True, rule="one", num_start=s, one=True)
        if m.lastgroup == "one":  # the noun the anchor found, past adjectives ("one Syrian civilian")
            nm = self.res["next_words"].match(self.text, e, e + AHEAD)
            for w in (nm.group("w1"), nm.group("w2"), nm.group("w3")) if nm is not None else ():
                if w and w.lower() in self.L.one_nouns:
                    c.counted = w if self.L.capitalised_nouns else w.lower()
                    break
        return c, e

    def _fraction_of(self, c: Cand, pos: int) -> int | None:
        """A fraction in words before a link word: of a scale word, it multiplies it ("more than a quarter of
        a million people" = 250,000); of a unit, it measures in it ("a quarter of a mile"); of a group, it is
        a proportion, given in percent ("a quarter of those surveyed" = 25 %, "roughly a third" of a land).
        The end of what is used, or None when no link word follows."""
        lm = self.res["link"].match(self.low, pos, pos + AHEAD)
        if lm is None or self.text[lm.end() - 1:lm.end()] in "'’" or \
                _number_after(self.low, lm.end(), self.L):
            return None  # ("una media de 38,6 km/h": an average, not a half)
        p = lm.end()
        am = self.res["words_ahead"].match(self.low, p, p + AHEAD)
        if am is not None and am.group() in self.L.articles and self.low[am.end():am.end() + 1] == " ":
            p = am.end()
        sm = self.res["scale_w"].match(self.low, p, p + AHEAD)
        factor = self.L.scales.get(sm.group("w")) if sm is not None and sm.group("sp") else None
        if factor:
            c.value = (c.value or 0) * factor
            c.scaled = factor
            c.end = sm.end()
            return sm.end()
        hit = self.match_unit(p, c, False)
        if hit is not None:  # "a quarter of a mile"
            c.unit, c.end = hit
            return c.end
        c.value = (c.value or 0) * 100
        c.unit = "percent"
        c.rule += "+proportion"
        return c.end

    def _in_url(self, pos: int) -> bool:
        """Whether ``pos`` is inside a web address: "://" or "www." earlier in the same run of non-spaces
        (looked for in the 160 characters before, with string methods: a long run without spaces stays
        linear)."""
        lo = max(0, pos - 160)
        cut = max(self.text.rfind(" ", lo, pos), self.text.rfind("\n", lo, pos), lo - 1) + 1
        return self.text.find("://", cut, pos) >= 0 or self.low.find("www.", cut, pos) >= 0

    def clock_duration(self, m: regex.Match) -> tuple[Cand | None, int]:
        """"9:30", "14h30": a time of day (nothing); "20:41,3 Minuten", "2:02:42 Stunden" (a time unit after),
        "2:04:11" (hours, minutes and seconds) and "en 2h04" (no clock word before: see is_non_quantity) are
        durations, each part a sixtieth of the one before, in the unit of the first."""
        text = self.text
        s, e = m.span()
        parts = regex.split(r"[:h.]", m.group())
        if not all(p.isdigit() for p in parts) or any(int(p) >= 60 for p in parts[1:]):
            return None, e
        tail = 0.0
        if e + 1 < self.n and text[e] in ",." and text[e + 1].isdigit():  # "20:41,3": tenths of the last part
            k = e + 1
            while k < self.n and k - e <= 3 and text[k].isdigit():
                k += 1
            if k < self.n and text[k].isdigit():
                return None, e
            tail, e = float("0." + text[e + 1:k]), k
        num = Number(value=float(parts[0]), end=e, plain_int=parts[0], raw=float(parts[0]))
        c = Cand(start=s, end=e, value=None, num=num, rule="duration")
        hit = self.match_unit(e, c, False)
        if hit is not None and hit[0] in SECONDS:
            unit, end = hit
        elif hit is None and ("h" in m.group() and len(parts) == 2 or len(parts) == 3) and \
                not self.res["clock_after"].match(self.low, e, e + AHEAD):
            unit, end = "hour", e
        else:
            return None, e
        value = 0.0
        for i, p in enumerate(parts):
            value += (int(p) + (tail if i == len(parts) - 1 else 0.0)) / 60 ** i
        c.value, c.unit, c.end = value, unit, end
        return c, end

    def _ordinal_dot(self, dot: int, start: int) -> bool:
        """Whether the dot at ``dot`` after an integer makes it an ordinal: an abbreviated ending glued to the
        dot ("3.º", "1.er"), or, where "." is itself an ordinal ending (German), a lower-case word after it
        (no sentence starts so: "Sie wurde 3. im Rennen") or a determiner before it ("der 3. Platz")."""
        text, L = self.text, self.L
        k = dot + 1
        while k < self.n and k - dot <= 4 and text[k].isalpha():
            k += 1
        if k > dot + 1 and text[dot + 1:k] in L.ordinal_suffixes:
            return True
        if "." not in L.ordinal_suffixes or text[dot + 1:dot + 2] not in (" ", "\u00a0"):
            return False
        nxt = text[dot + 2:dot + 3]
        if nxt.islower():
            return True
        return nxt.isupper() and self.prev_word(start).lower() in L.ordinal_dot_before

    def _spaced_minus(self, start: int, unit: str) -> bool:
        """Whether a sign written apart from its number ("- 5 °C") is a minus. A dash opening a line is a
        bullet ("- 50 ans de carrière", "- 300mm de pluie"); inside a sentence a spaced dash is an
        incise or a separator, except before a temperature or a percentage ("à - 1,2 %")."""
        i = start - 1
        while i >= 0 and self.text[i] in " \t\u00a0":
            i -= 1
        if i < 0 or self.text[i] in "\n\r":
            return False
        if unit == "percent":
            return True
        return unit != "" and self._negative_unit(unit) in ("degC", "degF", "kelvin")

    def _negative_unit(self, unit: str) -> str:
        """An ambiguous unit's reading for a negative value: "-5 degrees", "moins 12 degrés" are
        temperatures (a rule ``{ unit = "degC", negative = true }`` in the language's [[ambiguous]]).
        Memoised per language: it depends on the unit only, and is asked after every unit."""
        memo = self.L.memo_negative
        got = memo.get(unit)
        if got is None:
            got = unit
            for amb in self.L.ambiguous.values():
                if amb.default == unit:
                    got = next((rule["unit"] for rule in amb.rules if rule.get("negative")), None)
                    if got is not None:
                        break
                    got = unit
            if len(memo) < 10_000:
                memo[unit] = got
        return got

    def _currency_follows(self, pos: int, glued: bool = False) -> bool:
        m = self.unit_at(pos)
        if m is None or glued and m.start("u") != pos:
            return False
        u = self.text[m.start("u"):m.end("u")]
        return self.currency_of(u) is not None or u.lower() in ("dollars", "dollar")

    def _noun_follows(self, pos: int, decimal: bool = False) -> bool:
        """A unit word or a counted noun of the concept lists right after ``pos`` ("1.8m vehicles"), or, after
        a decimal number, any plural-looking lower-case word ("2.5m viewers": a length in metres is rarely
        written with a decimal before a plural noun; "1.8m tall", "1.5m deep" stay metres)."""
        if pos < self.n and self.text[pos] not in " \u00a0":
            return False
        m = self.unit_at(pos)
        if m is not None and self.text[m.start("u"):m.end("u")].lower() in self.L.units_ci:
            return len(m.group("u")) > 2
        word = self.next_word(pos)
        if word in self.L.concepts:
            return True
        return decimal and not self.L.capitalised_nouns and len(word) > 3 and word.endswith("s") and \
            word.isalpha() and self.text[pos + 1:pos + 2].islower() and word not in self.L.stopwords and \
            word not in self.L.powers_suffix and word not in self.L.qualifiers_after

    def _after_unit(self, c: Cand, pos: int, money: bool) -> int:
        """Scale after a currency code, rates, composites, "and a half", age: what follows the unit."""
        text, L = self.text, self.L
        unit = c.unit
        is_money = unit.isupper() or unit in MINOR_UNITS
        if is_money and c.scaled == 1.0:
            sm = self.res["scale_w"].match(self.low, pos, pos + AHEAD)
            if sm and sm.group("w"):
                factor = L.scales.get(sm.group("w").lower())
                if factor:
                    c.value = (c.value or 0) * factor
                    c.scaled = factor
                    pos = sm.end()
        # composite: "5 ft 2 in", "3 dollars 50 cents", "15 dollars et 15"
        comp = self._composite(c, pos)
        if comp:
            return self._more_time(c, comp)
        # rate: "$78 a barrel", "2,19 euros le litre", "200 km per hour"
        pm = self.res["per"].match(self.low, pos, pos + AHEAD)
        base = pos  # where the per-word may start: after "Regen" in "40 Liter Regen pro Quadratmeter"
        if pm is None and not is_money:
            base = self._substance_end(pos)
            pm = self.res["per"].match(self.low, base, base + AHEAD) if base > pos else None
        if pm:
            # the whole unit after the per-word, with its power: "por metro cuadrado", "pro Quadratmeter"
            hit = self.match_unit(pm.start("u"), Cand(start=pos, end=pos, value=1.0, num=c.num), False,
                                  after_unit=True)
            den, den_end = hit if hit is not None and hit[1] >= pm.end() else (
                self.resolve_unit(text[pm.start("u"):pm.end("u")], pm.start("u"), False, False), pm.end())
            if den and not den.isupper() and den not in MINOR_UNITS and "/" not in unit:
                try:
                    num_dim = unit_info(unit).dimension
                    den_dim = unit_info(den).dimension
                except ValueError:
                    num_dim = den_dim = ""
                # measures take the per-words of ``per_measure`` ("6 tonnes par hectare", "130 km par heure"),
                # never an article ("un fusil de 7,62mm le mois dernier")
                measure_per = self.low[base:pm.start("u")].strip() in self.L.per_measure
                if (num_dim.startswith("currency_") and den_dim != "count" and
                        (den_dim != "[time]" or self._wage_period(den))) or (
                        num_dim == "[length]" and den_dim == "[time]" and
                        (measure_per or not L.per_measure)) or (
                        _physical_rate(num_dim, den_dim) and measure_per):
                    c.unit = f"{unit}/{den}"
                    pos = den_end
        # "12 grados bajo cero", "5 Grad unter null": a temperature below zero
        if c.value is not None and c.value > 0 and self._negative_unit(c.unit) in ("degC", "degF"):
            nm = self.res["negative_after"].match(self.low, pos, pos + AHEAD)
            if nm:
                c.value = -c.value
                c.unit = self._negative_unit(c.unit)
                pos = nm.end()
        # "quatre ans et demi", "four years and a half"
        if c.unit in TIME_UNITS:
            hm = self.res["half"].match(self.low, pos, pos + AHEAD)
            if hm and c.value is not None and c.value == int(c.value):
                c.value += 0.5
                pos = hm.end()
            am = self.res["age"].match(self.low, pos, pos + AHEAD)
            if am:
                c.age = True
                pos = am.end()
            elif L.age_units:
                c.age = self._age_unit(c, pos)
        return pos

    def _wage_period(self, den: str) -> bool:
        """"£12.21 an hour", "£221.20 a week", "£1,285 a month": money per hour, week or month is a wage, a
        rent or a benefit, a rate of its own ([words] money_periods lists the units); "$5bn a year" stays an
        amount (the period is the budget's)."""
        return den in self.L.money_periods

    def _substance_end(self, pos: int) -> int:
        """The end of one noun naming what is measured, between a unit and the per-word of a rate ("40 Liter
        Regen pro Quadratmeter", "58 micrograms of dioxide per cubic metre", "50 litres d'eau par mètre
        carré"): a capitalised noun where nouns are capitalised, else a link word and one word; ``pos`` when
        there is none."""
        if self.L.capitalised_nouns:
            m = self.res["next_words"].match(self.text, pos, pos + AHEAD)
            return m.end("w1") if m and m.group("w1")[:1].isupper() else pos
        lm = self.res["link"].match(self.low, pos, pos + AHEAD)
        if lm is None:
            return pos
        fm = self.res["words_ahead"].match(self.low, lm.end(), lm.end() + AHEAD)
        return fm.end() if fm and fm.group() not in self.L.stopwords else pos

    def _age_unit(self, c: Cand, pos: int) -> bool:
        """"die 23-Jährige", "ein 45-jähriger Mann": a unit of ``age_units`` ending at ``pos`` is an age when
        it is written as a noun (capitalised, in a language that capitalises nouns) or a person noun follows
        ("ein dreijähriger Vertrag" stays a duration)."""
        k = pos
        while k > c.start and self.text[k - 1].isalpha():
            k -= 1
        surface = self.text[k:pos]
        if surface.lower() in self.L.age_units:
            if self.L.capitalised_nouns and surface[:1].isupper():
                return True
        elif not any(surface.lower().endswith(u) for u in self.L.age_units):  # glued: "dreijährige"
            return False
        return self.next_word(pos) in self.L.age_nouns

    def _composite(self, c: Cand, pos: int) -> int | None:
        text, L = self.text, self.L
        m = self.res["composite_gap"].match(self.low, pos, pos + AHEAD)
        if m is None:
            return None
        p = m.end()
        if p >= self.n:
            return None
        if text[p].isdigit():
            num = parse_digits(text, p, L)
        else:
            num = parse_words(self.low, p, L)
        if num is None or c.value is None:
            return None
        q = num.end
        base = c.unit
        if base.isupper() and num.words:
            num = self._minor_unit_words(p, num)
            q = num.end
        if base.isupper() and c.num.decimals:
            return None  # "1,72 Euro, 5 Cent": the amount has its cents already, what follows is another one
        if base.isupper():  # currency: minor unit or a bare count of cents
            um = self.unit_at(q)
            if um is not None:
                minor = self.resolve_unit(text[um.start("u"):um.end("u")], um.start("u"), False, True)
                if minor in MINOR_UNITS and (num.value < 100):
                    c.value += num.value * MINOR_UNITS[minor] if base == "USD" or minor != "cent" else \
                        num.value * 0.01
                    return um.end()
                return None
            if num.value < 100 and num.value == int(num.value) and not num.article_only and \
                    self.followed_by_punct(q) and c.scaled == 1.0:
                c.value += num.value / 100
                return q
            return None
        if base in SECONDS and c.num.decimals == 0 and c.value is not None:
            return self._time_part(c, base, num, q, bare_ok=not self.text[pos:p].strip())
        for (big, small), factor in COMPOSITES.items():
            if base == big:
                fake = Cand(start=p, end=q, value=num.value, num=num)
                hit = self.match_unit(q, fake, False, after_unit=True)
                if hit and hit[0] == small:
                    c.value += num.value * factor
                    return hit[1]
        return None

    def _time_part(self, c: Cand, level: str, num: Number, q: int, bare_ok: bool) -> int | None:
        """The next part of a duration written in parts, added to ``c`` in its unit: "2 h 21 min 34 s",
        "1 min 54 s 06", "9 h 15" (minutes after hours, hundredths after seconds, without their unit)."""
        fake = Cand(start=q, end=q, value=num.value, num=num)
        hit = self.match_unit(q, fake, False, after_unit=True)
        if hit is not None:
            if hit[0] not in SECONDS or SECONDS[hit[0]] >= SECONDS[level] or num.words and not c.num.words:
                return None
            c.value += num.value * SECONDS[hit[0]] / SECONDS[c.unit]
            c.extra_level = hit[0]
            return hit[1]
        if not bare_ok or num.words or len(num.plain_int) != 2 or self.low.startswith(("h", "min"), q) or \
                self.next_word(q) in self.L.concepts:
            return None  # "3 heures, 20 personnes": another mention
        if level == "hour" and num.value < 60:  # "9 h 15", "20 heures 30"
            c.value += num.value * 60 / SECONDS[c.unit]
        elif level == "second":  # "1 min 54 s 06": hundredths
            c.value += num.value / 100 / SECONDS[c.unit]
        else:
            return None
        c.extra_level = "done"
        return q

    def _more_time(self, c: Cand, pos: int) -> int:
        """After a first composite, the further parts of a duration ("2 h 21 min **34 s**")."""
        while c.unit in SECONDS and c.extra_level in SECONDS:
            m = self.res["composite_gap"].match(self.low, pos, pos + AHEAD)
            if m is None or m.end() >= self.n or not self.text[m.end()].isdigit():
                break
            num = parse_digits(self.text, m.end(), self.L)
            if num is None:
                break
            got = self._time_part(c, c.extra_level, num, num.end, bare_ok=not self.text[pos:m.end()].strip())
            if got is None:
                break
            pos = got
        return pos

    def _minor_unit_words(self, p: int, num: Number) -> Number:
        """"treize euros et quarante-cinq cents": after an amount of money, a last number word that is also
        a minor unit ("cents" multiplies by 100 in French) is the unit, and the number stops before it."""
        k = num.end
        while k > p and self.low[k - 1].isalpha():
            k -= 1
        word = self.low[k:num.end]
        if k == p or word not in self.L.multipliers:
            return num
        unit = self.resolve_unit(self.text[k:num.end], k, False, True)
        if unit not in MINOR_UNITS:
            return num
        head = parse_words(self.low[p:k], 0, self.L)
        if head is None:
            return num
        return dataclasses.replace(head, end=p + head.end)

    # ---- filters for numbers without a unit -------------------------------------------------------
    def is_non_quantity(self, c: Cand) -> bool:
        """Years, dates, times of day, identifiers, list markers: not quantities."""
        text, L = self.text, self.L
        num = c.num
        if c.vague:
            return False  # "dozens", "des centaines": read from words no date or name is made of
        # time of day: "9 a.m.", "2pm", "2.30 pm" (but "2.1 pm" is a length); "von 9 bis 17 Uhr",
        # "from 9 to 5 pm"
        if c.value is not None and 0 <= c.value <= 24 and num.decimals in (0, 2) and not num.words and (
                self.res["clock_after"].match(self.low, num.end, num.end + AHEAD) or
                not c.unit and self.res["clock_range_tail"].match(self.low, num.end, num.end + AHEAD)):
            return True
        if 3 <= len(num.plain_int) <= 4 and _hhmm(num.plain_int) and c.unit in ("", "hour") and \
                c.scaled == 1.0 and (c.unit or not 1000 <= c.value <= 2100) and self._clock_hhmm(c):
            return True  # (a bare year-like number is left to the year rule: "1615 GMT" gives nothing anyway)
        if c.value is not None and 0 <= c.value <= 24 and num.decimals in (0, 2) and not num.words and \
                text[num.end + 1:num.end + 2].isupper() and self._glued_clock_word(num.end):
            return True  # "Last modified on Tue 12 Mar 2024 18.05 GMTGold climbed": a glued headline
        if c.unit:
            hour = c.num.value  # "à 9 h 15": the hour as written, before the minutes were added
            # "a las 23.40 horas": hours and minutes written as a decimal
            hhmm = c.num.decimals == 2 and round(hour % 1 * 100) < 60
            if c.unit == "hour" and c.value is not None and hour <= 24 and (hour == int(hour) and
                                                                            c.num.decimals == 0 or hhmm):
                pw = self.prev_word(c.start).lower()
                if pw in L.clock_before:
                    before = self.text[max(0, c.start - 30):c.start].rstrip()[: -len(pw)].rstrip()
                    # "de 2 à 3 heures" is a range, not 3 o'clock; "de 14h30 à 16h", "le 03/11/2025 à 07h45"
                    return _RANGE_START_END.search(before) is None
                if pw in L.clock_range_before:  # "de 8 heures à 18 heures"; not "une grève de 24 heures"
                    return self.res["clock_range_next"].match(self.low, c.end, c.end + AHEAD) is not None

            return False
        v = c.value
        if v is None:
            return True
        end = num.end
        # dates: "10 janvier", "January 10", "le 1er mai"
        if self.res["month_after"].match(self.low, end, end + AHEAD) and self._month_after(end) or \
                self.res["month_before"].search(self.low, max(0, c.start - 16), c.start) and \
                self._month_before(c.start):  # (the wrappers only when a month is there)
            return True
        # years
        if num.plain_int and len(num.plain_int) == 4 and 1000 <= v <= 2100 and not c.scaled > 1:
            if not (c.counted and c.counted.lower() in L.concepts) and not self._count_not_year(c):
                return True
            if self.res["month_day_before"].search(self.low, max(0, c.start - 24), c.start):
                return True  # "July 30 2014 Bombs in Aleppo": the year of a date, whatever follows
        pw = self.prev_word(c.start)
        lpw = pw.lower().rstrip(".")
        if "'" in lpw or "’" in lpw:  # "l'article 5": the noun after an elided article
            lpw = lpw.replace("’", "'").rsplit("'", 1)[-1]
        # ("chaque jour 230 000 frontaliers": a grouped number or a known counted noun is a count)
        if (lpw in L.identifier_words or pw.lower() in L.identifier_words) and not num.words and \
                c.scaled == 1.0 and not num.grouped and not (c.counted and self.concept(c, COUNT)):
            return True
        if c.start > 0 and text[c.start - 1] in "#№":
            return True
        # "a 7.4-magnitude earthquake": a number hyphenated to an identifier noun ([words] hyphen_identifiers,
        # else identifier_words); "3-pointers", "a 10-pounder": a number hyphenated to a noun in "-er" is part
        # of that noun ([words] hyphen_noun_endings)
        if text[end:end + 1] in "-‑":
            hm = self.res["words_ahead"].match(self.low, end + 1, end + AHEAD)
            if hm is not None and (hm.group() in (L.hyphen_identifiers or L.identifier_words) or
                                   hm.group().endswith(L.hyphen_noun_endings)):
                return True
        # "Photo 3 of 12", "Foto 2 de 15", "Bild 3 von 12": a gallery counter
        if L.counter_words and (lpw in L.counter_words or
                                self.res["counter_left"].search(self.low, max(0, c.start - 40), c.start)):
            return True
        # "Slideshow (21 Images)", "Get short URL 0 0 0 Syrian": page furniture (a cheap test first)
        before2 = text[c.start - 2:c.start] if c.start > 1 else text[:c.start]
        if (before2[-1:] == "(" or before2[:1].isdigit() or before2[:1] in ".…" or
                c.end + AHEAD >= self.n) and self._furniture(c):
            return True
        # "iPhone 12", "PlayStation 5", "BahnCard 25": a word with a capital inside is a product or brand name
        if not num.words and c.scaled == 1.0 and _camel_case(pw.replace("’", "'").rsplit("'", 1)[-1]):
            return True
        if pw and pw[0].isupper() and not num.words and lpw not in L.stopwords and \
                lpw not in L.name_exceptions and lpw not in L.count_verbs and \
                (not c.counted or self._named_model(c, pw)) and \
                not self.at_sentence_start_word(c.start):  # (mid-sentence "Max", "Over" are names too)
            return True  # "Route 9", "Ariane 6"; German too ("der Golf 8", "ICE 578"): a count has a noun
        # "la RN 10 reste fermée", "l'A 7": an acronym right before a number names a road, a model, a law
        if len(pw) >= 2 and pw.isalpha() and pw.isupper() and not num.words and c.scaled == 1.0 and \
                not (c.counted and self.concept(c, COUNT)) and (
                    not self.at_sentence_start_word(c.start) or not c.counted and self._ends_text(end)):
            return True  # (at a sentence start only when it ends the text: a signature, "SSH 11")
        # "Hauptstraße 112", "Ludwigstraße 15": a street name before the number (German compounds)
        if L.identifier_suffixes and not c.counted and lpw.endswith(L.identifier_suffixes):
            return True
        # "13 avenue du Peuple-Belge", "au 24, rue des Lilas", "221 Baker Street": an address
        if L.address_words and not num.words and not (c.counted and self.concept(c, COUNT)) and \
                self._address_follows(end):
            return True
        # "Le 115 reste joignable", "el 112 recibió", "le 49.3": a bare number after a singular article names
        # something (an emergency line, an article of law, a day of the month)
        if L.name_determiners and lpw in L.name_determiners and not num.words and c.scaled == 1.0 and \
                not (c.counted and c.counted.lower() in L.concepts) and not self._coordinated(end):
            return True
        # "les Vingt-Sept", "the Big Four": a capitalised number word inside a sentence is a name
        if num.words and text[c.num_start].isupper() and (pw[:1].islower() or lpw in L.stopwords) and \
                not self.at_sentence_start(c.num_start):
            return True
        # "a las 8.05", "a las 3.15 de la madrugada": a time of day
        if pw.lower() in L.clock_before_bare and num.decimals in (0, 2) and v <= 24 and \
                round(v % 1 * 100) < 60 and not c.counted:
            return True
        # "Tel. 912 345 678", "llame al 912 345 678": a phone number
        if c.scaled == 1.0 and not (c.counted and c.counted.lower() in L.concepts) and L.phone_words and \
                self.res["phone_left"].search(self.low, max(0, c.start - 40), c.start):
            return True
        # "the first 911 call", "dial 999": an emergency number before a call word or after a phone word
        if L.emergency_numbers and num.plain_int in L.emergency_numbers and (
                self.next_word(end) in L.emergency_after or lpw in L.emergency_before):
            return True
        # "245 23 yen": a bare number right before another number is part of a code or a list; so is the
        # last group of one ("91 555 12 34")
        if not num.words and not c.counted and end + 1 < self.n and text[end] == " " and \
                text[end + 1].isdigit():
            return True
        if not num.words and c.start > 1 and text[c.start - 1] == " " and \
                text[c.start - 2].isdigit() and c.start == c.num_start and \
                (not c.counted or _SHORT_NUMBER_BEFORE.search(text, max(0, c.start - 6), c.start)):
            return True  # (with a counted noun after a short one only: "0 0 Tags"; "in 2014 100 people")
        # list markers: "1)", "2." at the start of a line
        if end < self.n and text[end] == ")" and (c.start == 0 or text[c.start - 1] in "\n(") and \
                c.start == c.num_start:  # (not "(−8,1)": a signed change)
            return True
        # "Classement : 1. Vingegaard ; 2. Pogacar": a rank in a list, before a capitalised name; "... were
        # condemned. 3. Missed deadlines:", "6. 15 poison gas attacks:": an item number opening a sentence of
        # flattened text
        if num.plain_int and len(num.plain_int) <= 3 and text[end:end + 2] == ". " and \
                (text[end + 2:end + 3].isupper() and self._list_item_start(c.start) or
                 (text[end + 2:end + 3].isupper() or text[end + 2:end + 3].isdigit()) and
                 c.start == c.num_start and self.sent.span(c.start)[0] == c.start):
            return True
        if num.words:
            if (num.article_only or (v < 2 and not num.fraction)) and not c.one:
                return True
            # "a second in Damascus and a third in Busra": an article and a fraction word, with no link word,
            # unit or scale after them, is an ordinal (a proportion says what it is part of: "a third of")
            first = self.low[c.num_start:c.num.end].split(None, 1)[0]
            if v < 1 and first in L.articles and first not in L.one_words and \
                    self.res["qual_left"].search(self.low, max(0, c.start - 40), c.start) is None:
                return True  # (but "they now control roughly a third": a qualifier makes it a proportion)
            # "un trois-pièces", "les deux-roues": a number word hyphenated to a noun is part of that noun;
            # where adjectives come first it is a compound adjective and counts ("a nine-storey block"),
            # except with the nouns of [words] hyphen_not_counts ("a two-state solution", "a three-way race")
            if not L.compound_words and text[end:end + 1] in "-‑" and text[end + 1:end + 2].isalpha():
                if not L.adjective_before_noun:
                    return True
                hm = self.res["words_ahead"].match(self.low, end + 1, end + AHEAD)
                if hm is None or hm.group() in L.hyphen_not_counts:
                    return True
            # "une quarantaine de 14 jours": a collective noun whose "de" leads to another number is a noun
            lm = self.res["link"].match(self.low, end, end + AHEAD) if not c.counted else None
            if lm is not None and text[lm.end():lm.end() + 1].isdigit():
                return True
        return False

    def _named_model(self, c: Cand, pw: str) -> bool:
        """"the Nasdaq 100 fell", "the S&P 500 lost", "a Boeing 777 jet", "182 Boeing 737 jets", "The Auralis
        Pro 3 buds": a capitalised word (or a token such as "S&P") and the number right after it are one name
        when the word after the number is written in lower case and is no counted noun of the concept lists,
        and what comes before that word is an article ([words] name_articles), a number or another capitalised
        word of the name. A headline's "Kills 15 Terrorists" is capitalised; "in Aleppo 15 civilians" counts
        civilians; "in Aleppo 15 hospitals" has a preposition before the place."""
        if not self.L.name_articles:
            return False
        nm = self.res["next_words"].match(self.text, c.num.end, c.num.end + AHEAD)
        if nm is None or not nm.group("w1")[:1].islower():
            return False
        counts = self.concept(c, COUNT) is not None
        k = c.start  # the token before the number: "Nasdaq", "S&P"
        while k > 0 and self.text[k - 1] in " \u00a0":
            k -= 1
        while k > 0 and not self.text[k - 1].isspace():
            k -= 1
        j = k
        while j > 0 and self.text[j - 1] in " \u00a0":
            j -= 1
        if j == k:
            return False
        before = self.text[max(0, j - 40):j].split()
        if not before:
            return False
        prior = before[-1].strip("\"'“”(")
        if prior[:1].isdigit():
            return True  # "182 Boeing 737 jets": the count is before the name
        lp = prior.lower()
        return not counts and (lp in self.L.name_articles or prior[:1].isupper() and prior.isalpha() and
                               lp not in self.L.stopwords and lp not in self.L.name_exceptions and
                               lp not in self.L.months)

    def _furniture(self, c: Cand) -> bool:
        """Page furniture around a claim: a count in brackets after a heading word or counting images
        ("Slideshow (21 Images)", [words] headings), a number after two bare numbers ("Get short URL 0 0
        0")."""
        text, s = self.text, c.start
        if s != c.num_start:
            return False
        headings = self.L.headings
        if headings and s > 0 and text[s - 1] == "(" and (
                self.prev_word(s - 1).lower() in headings or (c.counted or "").lower() in headings):
            return True
        if not c.counted and not c.unit and self.sent.span(s)[0] == s and \
                self._ends_text(_CODE_TAIL.match(text, c.num.end).end()):
            return True  # "... Press TV reported. 212", "Sputnik reported. 212-11": a code closing the page
        if text[max(0, s - 5):s].rstrip().endswith(("...", "…")) and not c.unit and \
                text[c.num.end + 1:c.num.end + 2].isupper() and self.concept(c, COUNT) is None:
            return True  # "... 25 Topic Violence Erupts": a widget (not "the bus... 21 others died")
        return s > 3 and text[s - 1] == " " and text[s - 2].isdigit() and \
            _NUMBER_RUN_BEFORE.search(text, max(0, s - 12), s) is not None

    def _ends_text(self, end: int) -> bool:
        """Nothing but spaces and punctuation after ``end`` (within the look-ahead limit)."""
        return end + AHEAD >= self.n and not self.text[end:].strip(" \t\r\n.,;:!?")

    def _glued_clock_word(self, pos: int) -> bool:
        """A clock word in capitals glued to the capital of the next word ("18.05 GMTGold")."""
        m = self.res["clock_glued"].match(self.low, pos, pos + AHEAD)
        return m is not None and m.end() < self.n and self.text[m.end()].isupper() and \
            self.text[m.start():m.end()].strip().isupper()

    def _clock_hhmm(self, c: Cand) -> bool:
        """A time of day written without its separator, as scraped text has it: "at around 715 pm", "1615
        GMT" (a clock word after), "at 1400 hours", "24 Aug 2013 at 2354" (a clock word before, and a date or
        "hours" around)."""
        if self.res["clock_after"].match(self.low, c.num.end, c.num.end + AHEAD):
            return True
        m = self.res["prev_word"].search(self.text, max(0, c.start - 40), c.start)
        if m is None or m.group("w").lower() not in self.L.clock_before:
            return False
        if c.unit == "hour":
            return len(c.num.plain_int) == 4
        return _DATE_TAIL.search(self.low, max(0, m.start("w") - 12), m.start("w")) is not None or \
            self._month_before(m.start("w"))

    def _count_not_year(self, c: Cand) -> bool:
        """A four-digit number that reads as a year but is a count: after a qualifier no year takes ("as many
        as 1300", "some 1300", "plus de 1500"; [words] year_qualifiers lists those years take: "around 1900",
        "until 2030"), or as the second end of a range whose first end is no year ("between 500 and 1300")."""
        L = self.L
        qm = self.res["qual_left"].search(self.low, max(0, c.start - 40), c.start)
        if qm is not None:
            phrase = " ".join(qm.group("q").lower().split())
            # ("10 Prozent weniger als 2019": a comparative right after another amount compares with a year)
            if phrase in L.qualifiers and phrase not in L.year_qualifiers and \
                    _NUMBER_BEFORE.search(self.low, max(0, qm.start() - 24), qm.start()) is None:
                return True
        hm = _RANGE_HEAD.search(self.low, max(0, c.start - 20), c.start) if _has_digit(
            self.low, c.start - 20, c.start) else None
        if hm is not None:
            joint = hm.group("j").strip()
            return joint in L.range_connectors or any(joint == b.lower() for _, b in L.range_between)
        # "killing between 1000 and 1800 people": the first end of a range whose second end counts people
        # (not "from 2010 to 2015 people moved": two modern years)
        tm = _RANGE_TAIL.match(self.low, c.num.end, c.num.end + 40) if _has_digit(
            self.low, c.num.end, c.num.end + 14) else None
        if tm is not None and tm.group("w") in L.concepts and not (
                1900 <= (c.value or 0) <= 2100 and _MODERN_YEAR.match(self.low, tm.end("j"))):
            joint = tm.group("j").strip()
            return joint in L.range_connectors or any(joint == b.lower() for _, b in L.range_between)
        return False

    def _month_after(self, end: int) -> bool:
        """A month name right after ``end`` ("10 janvier", "3rd of May"); in a language that capitalises its
        months ([words] months_capitalised) only as written with a capital ("470000 may have died")."""
        m = self.res["month_after"].match(self.low, end, end + AHEAD)
        if m is None:
            return False
        return not self.L.months_capitalised or self.text[_word_start(self.low, m.end())].isupper()

    def _month_before(self, start: int) -> bool:
        """A month name right before ``start`` ("January 10", "Jul 172015"); with a capital where months are
        capitalised; a full name followed by a dot ends a sentence ("since mid-January. Twenty people")."""
        m = self.res["month_before"].search(self.low, max(0, start - 16), start)
        if m is None:
            return False
        word = self.res["words_ahead"].match(self.low, m.start(), start)
        if word is not None and self.low[word.end():word.end() + 1] == "." and len(word.group()) > 4:
            return False
        return not self.L.months_capitalised or self.text[m.start()].isupper()

    def _apposition_age(self, c: Cand) -> bool:
        """"The driver, 58, was among the dead", "John Smith, 45, of Leeds": a bare whole number between
        commas right after a name or a person noun is an age."""
        if c.age or c.counted or c.value is None or not 0 < c.value < 120 or c.value != int(c.value) or \
                c.num.decimals or c.unit not in ("", "year"):
            return False
        if not c.unit and (c.num.words or not self.L.age_apposition):
            return False
        # "Jean Dupont, 45 ans, a été", "El delantero francés, de 25 años, marcó": with a year unit, in any
        # language; the Spanish ", de N años," needs no noun before it
        start = c.start
        linked = bool(c.unit) and self.low[start - 3:start] in self.L.apposition_links
        if linked:
            start -= 3
        if self.text[start - 2:start] != ", " or self.text[c.end:c.end + 1] != ",":
            return False
        w = self.prev_word(start - 2)
        return w.isalpha() and (linked or w[0].isupper() or w.lower() in self.L.age_nouns)

    def _bare_age(self, c: Cand) -> bool:
        """Ages scraped text gives without commas: "Jane Smith 52 said" (a whole number after two capitalised
        words, before a verb of [words] age_apposition_next) and "who was 9 at the time" (after one of
        ``age_copulas``, before punctuation or one of ``age_copula_next``)."""
        L = self.L
        if c.unit or c.age or c.num.words or c.value is None or not 0 < c.value < 120 or \
                c.value != int(c.value) or c.num.decimals or c.start != c.num_start or \
                not (L.age_copulas or L.age_apposition_next) or \
                self.text[c.start - 1:c.start] != " " or not self.text[c.start - 2:c.start - 1].isalpha() or \
                c.counted and self.concept(c, COUNT) is not None:
            return False
        verb_after = self.next_word(c.end) in L.age_apposition_next  # ("said" may be read as the noun)
        if c.counted and not verb_after and not self.text[c.end + 1:c.end + 2].islower():
            return False
        before = self.low[max(0, c.start - 16):c.start]
        if not c.counted and any(before.endswith(cop + " ") for cop in L.age_copulas):
            return self.followed_by_punct(c.end) or any(
                self.low.startswith(w, c.end + 1) and not self.low[c.end + 1 + len(w):][:1].isalpha()
                for w in L.age_copula_next) and self.text[c.end:c.end + 1] == " "
        m1 = self.res["prev_word"].search(self.text, max(0, c.start - 40), c.start)
        if m1 is None:
            return False
        # "Man 61 dies after crash", "Pensioner 84 loses £38,000": a singular person noun, then the age
        noun = m1.group("w").lower()
        if L.age_apposition_next and noun in L.age_nouns and not noun.endswith("s") and \
                noun not in L.identifier_words and \
                noun not in L.irregular_plurals.values() and self.text[c.end:c.end + 1] == " " and \
                self.text[c.end + 1:c.end + 2].islower() and \
                (verb_after or self.next_word(c.end) not in L.stopwords):
            return True
        if not verb_after:
            return False
        w1, w0 = m1.group("w"), self.prev_word(m1.start("w"))
        return all(w.isalpha() and w[:1].isupper() and w.lower() not in L.stopwords and
                   w.lower() not in L.name_exceptions and w.lower() not in L.months for w in (w0, w1))

    def _second_age(self, c: Cand, prev: Cand | None) -> bool:
        """"Two men, aged 41 and 38, were arrested": a whole number coordinated with an age is one too."""
        if prev is None or not prev.age or c.unit or c.counted or c.num.words or c.value is None or \
                not 0 < c.value < 120 or c.value != int(c.value):
            return False
        return self.text[prev.end:c.start].strip().lower() in self.L.coordination

    def _list_item_start(self, pos: int) -> bool:
        """Whether ``pos`` opens an item of a list: after ":", ";", ",", "(" or a line break."""
        i = pos - 1
        while i >= 0 and self.text[i] in " \t\u00a0":
            i -= 1
        return i < 0 or self.text[i] in ":;,(\n•–—-"

    def _coordinated(self, end: int) -> bool:
        """A coordination or range word follows: "entre el 40 y el 50 %" (the unit comes with the second)."""
        w = self.next_word(end)
        return w in self.L.coordination or w in self.L.range_connectors or \
            any(w == b.lower() for _, b in self.L.range_between)

    def _address_follows(self, end: int) -> bool:
        """A street word right after the number ("24, rue", "13 avenue"), or after one or two capitalised
        words ("221 Baker Street")."""
        pos = end + 1 if self.text[end:end + 1] == "," else end
        m = self.res["next_words"].match(self.text, pos, pos + AHEAD)
        if m is None:
            return False
        words = [w for w in (m.group("w1"), m.group("w2"), m.group("w3")) if w]
        L = self.L
        if words[0].rstrip(".") in L.address_words:
            return True
        for i in (1, 2):
            if i < len(words) and all(w[:1].isupper() for w in words[:i]) and \
                    words[i].rstrip(".,") in L.address_words:
                return True
        return False

    def at_sentence_start_word(self, pos: int) -> bool:
        """True when the word before ``pos`` opens its sentence ("Mais 300 soldats")."""
        s, _ = self.sent.span(pos)
        if s < pos - 80:
            return False
        head = self.text[s:pos].split()
        return len(head) <= 1

    def _per_article(self, c: Cand, prev: Cand) -> bool:
        """"145.9 a litre", "38p a litre": an article that is also one of the language's per-words, right
        after another quantity, introduces that quantity's denominator; it is never a quantity of its own."""
        if not c.num.article_only or self.text[prev.end:c.start].strip(" \u00a0"):
            return False
        word = self.low[c.num_start:c.num.end].split(None, 1)
        return bool(word) and any(word[0] == p.lower() for p in self.L.per_words)

    # ---- counted noun ----------------------------------------------------------------------------
    def _collective(self, num: Number, start: int) -> bool:
        """"une douzaine de manifestants", "a dozen of": a number word ending in a multiplier is a
        collective noun, and what it counts follows the link word as after a scale word."""
        if not num.words:
            return False
        tail = self.low[start:num.end].rsplit(None, 1)[-1:]
        return bool(tail) and tail[0] in self.L.multipliers
    def counted_noun(self, pos: int, scaled: bool) -> str | None:
        text, L = self.text, self.L
        if L.adjective_before_noun and text[pos:pos + 1] in "-‑":  # "a 40-vehicle pile-up", "a 1,104-page"
            hm = self.res["words_ahead"].match(self.low, pos + 1, pos + AHEAD)
            if hm is None or hm.group() in L.stopwords or self.low[hm.end():hm.end() + 1] == "-":
                return None
            return hm.group()
        first: list[str] = []
        if scaled:
            lm = self.res["link"].match(self.low, pos, pos + AHEAD)
            if lm and text[lm.end() - 1] in "'’":  # "67 millions d'habitants": the noun is glued to d'
                fm = self.res["words_ahead"].match(text, lm.end(), lm.end() + AHEAD)
                if fm is None:
                    return None
                first, pos = [fm.group()], fm.end()
            elif lm:
                pos = lm.end() - 1
        m = self.res["next_words"].match(text, pos, pos + AHEAD)
        if m is None and not first:
            return None
        ws = first + ([w for w in (m.group("w1"), m.group("w2"), m.group("w3")) if w] if m else [])
        ws = ws[:3]
        for i, w in enumerate(ws):
            lw = w.lower().strip("'’-")
            el = max(lw.find("'"), lw.find("’"))
            if el > 0 and lw[:el + 1] in L.stopwords:
                return None  # "2,1 milliards l'an dernier": an elided article opens another noun phrase
            if L.capitalised_nouns:
                if lw in L.stopwords:
                    return None
                if w[:1].isupper():
                    return w.strip("'’-")
                continue
            if lw in L.concepts:
                return lw
            if L.adjective_before_noun and i + 1 < len(ws) and len(w) > 1 and w.isupper():
                continue  # "20 US soldiers", "300 EU officials": an acronym modifies the noun after it
            if lw in L.stopwords or lw in L.months or lw in L.qualifiers:
                return None
            if L.verb_suffixes and lw.endswith(L.verb_suffixes):
                if L.adjective_before_noun:
                    continue  # "3 armed men": a participle before the noun; "the S&P 500 closed up"
                return None  # "el 112 recibió", "Ariane 6 pourra": a verb, not the counted noun
            if lw in L.skip_words:
                continue
            if L.adjective_before_noun and i + 1 < len(ws):
                nxt = ws[i + 1].lower().strip("'’-")
                if nxt in L.concepts:
                    return nxt
                # noun compounds: "police officers", "low-income households": a singular modifier before
                # a plural word leaves the head to the plural
                singular = not lw.endswith("s") or lw.endswith(("ss", "us", "is"))  # "bus", "crisis"
                if singular and nxt.endswith("s") and not nxt.endswith("ss") and \
                        nxt not in L.stopwords and nxt not in L.qualifiers and "'" not in nxt:
                    return nxt
            return lw
        return None

    # ---- passes ----------------------------------------------------------------------------------
    def candidates(self) -> list[Cand]:
        out: list[Cand] = []
        consumed = 0
        anchors = heapq.merge(self._literal_anchors(), self.res["anchor"].finditer(self.text),
                              self.res["anchor_words"].finditer(self.low), key=_start)
        limit = _budget.current()  # a per-document budget (extractors/budget.py), set by the pipeline
        for m in anchors:
            if limit is not None and limit.exhausted(m.start()):
                break
            if m.start() < consumed:
                continue
            if m.lastgroup == "skip":
                consumed = m.end()
                continue
            c, used = self.clock_duration(m) if m.lastgroup == "clock" else self.parse_at(m)
            consumed = max(consumed, used)
            if c is None or out and self._per_article(c, out[-1]):
                continue
            if out and c.start < out[-1].end:
                c.start = max(c.start, out[-1].end)
            if not c.unit and not c.counted:
                c.counted = self.counted_noun(c.num.end if c.scaled == 1.0 else c.end,
                                              c.scaled > 1.0 or self._collective(c.num, c.num_start))
                if c.counted and c.counted.lower() in self.L.stopwords:
                    c.counted = None
            if (c.unit in AGE_UNITS or not c.unit and not c.counted) and c.value is not None and \
                    0 < c.value < 130 and \
                    self.res["age_left"].search(self.low, max(0, c.start - 24), c.start):
                # "aged 23", "at the age of 87", "âgé de 45 ans", "un bebé de 3 meses"
                c.unit, c.age = c.unit or "year", True
            if not c.age and c.unit in ("", "year") and c.value is not None and 0 < c.value < 120 and (
                    self._apposition_age(c) or self._bare_age(c) or
                    self._second_age(c, out[-1] if out else None)):  # (a cheap test before the three rules)
                c.unit, c.age, c.counted = "year", True, None
            if self.is_non_quantity(c):
                c.keep = False
                # "Crit'Air 3, 4 et 5", "Euro 5 und 6": a list after an identifier holds identifiers
                lm = self.res["id_list"].match(self.text, c.end, c.end + AHEAD) if c.num.plain_int else None
                if lm is not None and len(c.num.plain_int) <= 3:
                    consumed = max(consumed, lm.end())
                # "2013-14": the year's tail is not a count either; nor "2:0" after a name ("Mainz 2:0")
                if c.num.plain_int and self.text[c.end:c.end + 1] in ("-", "–", ":") and \
                        self.text[c.end + 1:c.end + 2].isdigit():
                    consumed = max(consumed, _ALNUM_RUN.match(self.text, c.end + 1).end())
                continue
            out.append(c)
        return out

    def _literal_anchors(self) -> list[regex.Match]:
        """The anchors of vague counts and counts of one ([vague], one_words), in text order: each word of
        ``literal_anchors`` found with ``str.find``, kept where its pattern matches (see langdata)."""
        low, n = self.low, self.n
        found: dict[int, regex.Match] = {}
        for word, pattern, back in self.L.literal_anchors:
            i = low.find(word)
            while i >= 0:
                # (not "2 millions": a scale word after a number, read with it; but "2016 Dozens of")
                if i == 0 or not low[i - 1].isalnum() and not (
                        low[i - 1] == " " and low[i - 2:i - 1].isdigit() and word in self.L.scales):
                    k = i
                    if back is not None:  # "un mort": the noun was found, the anchor is the article before it
                        bm = back.search(low, max(0, i - 60), i)
                        k = bm.start() if bm is not None else -1
                    if k >= 0 and k not in found:
                        m = pattern.match(low, k, min(n, k + AHEAD))
                        if m is not None:
                            found[k] = m
                i = low.find(word, i + len(word))
        return [found[i] for i in sorted(found)]

    def qualify(self, cands: list[Cand]) -> None:
        prev_end = -10
        for c in cands:
            qm = self.res["qual_left"].search(self.low, max(0, c.start - 40), c.start)
            if qm is None and c.age:  # "under the age of 18": the qualifier is before "the age of"
                am = self.res["age_left"].search(self.low, max(0, c.start - 24), c.start)
                if am is not None:
                    qm = self.res["qual_left"].search(self.low, max(0, am.start() - 40), am.start())
            # "0,3 Prozent mehr als ein Jahr zuvor", "28 cents less than a month ago": right after another
            # mention the phrase compares two amounts; it qualifies neither
            if qm and not self.text[prev_end:qm.start()].strip() and prev_end >= 0:
                qm = None
                prev_end = c.end
                continue
            prev_end = c.end
            if qm:
                phrase = " ".join(qm.group("q").lower().split())
                q = self.L.qualifiers.get(phrase)
                particle = self.L.qualifier_particles.get(phrase)
                if particle and self.prev_word(qm.start()).lower() in particle:
                    q = None  # "took over two oil fields": the word belongs to the verb
                if q and not (phrase in self.L.during_words and c.unit in TIME_UNITS and
                              self.prev_word(qm.start()).lower() not in self.L.during_after):
                    c.qualifier = q  # (but "over five years" is "during five years")
            else:
                rm = self.res["qual_right"].match(self.low, c.end, c.end + AHEAD)
                if rm is None and c.counted:  # "Kills 70 People at Least": after the counted noun
                    k = c.end + 1
                    w = c.counted.lower()
                    if self.low.startswith(w, k) and self.text[c.end:k] == " ":
                        rm = self.res["qual_right"].match(self.low, k + len(w), k + len(w) + AHEAD)
                if rm:
                    q = self.L.qualifiers_after.get(" ".join(rm.group("q").lower().split()))
                    if q:
                        c.qualifier = q
            if c.vague:
                self._vague_qualifier(c)
                continue
            if c.qualifier == "exact" and c.words and self.L.approx_multipliers:
                last = self.low[c.num_start:c.num.end].replace("-", " ").rsplit(None, 1)[-1:]
                if last and last[0] in self.L.approx_multipliers:
                    c.qualifier = "approx"  # "une vingtaine de retraités", "un millar de militares"
            if c.value is not None:
                if c.qualifier == "at_least":
                    c.low = c.value
                elif c.qualifier == "at_most":
                    c.high = c.value

    @staticmethod
    def _vague_qualifier(c: Cand) -> None:
        """"at least dozens", "up to hundreds": one bound of the vague range; "some dozens", "about hundreds"
        stay the range."""
        if c.qualifier == "at_least":
            c.high = None
        elif c.qualifier == "at_most":
            c.low = None
        else:
            c.qualifier = "range"

    def ranges(self, cands: list[Cand]) -> list[Cand]:
        out: list[Cand] = []
        i = 0
        while i < len(cands):
            a = cands[i]
            if i + 1 < len(cands):
                b = cands[i + 1]
                if self._score(a, b):
                    i += 2
                    continue
                self._share_unit(a, b)
                merged = self._range(a, b)
                if merged is not None:
                    out.append(merged)
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    def _score(self, a: Cand, b: Cand) -> bool:
        """"3:1", "won 52-48", "s'est imposé 3-1": a score or a tally is neither a range nor two counts.
        Two bare integers joined by a colon always are; joined by a dash, when one of the language's
        ``score_words`` is among the four words before them."""
        gap = self.text[a.end:b.start]
        if gap not in ("-", "–", "‑", ":") or a.unit or b.unit or a.scaled != 1.0 or b.scaled != 1.0:
            return False
        if not (a.num.plain_int and b.num.plain_int) or a.qualifier != "exact":
            return False
        if gap == ":":
            return True
        # "remontó un 0-2", "ganando 3-2": small whole numbers, neither counting anything, written high to low
        # or from nil are a score whatever the verb before them
        if not a.counted and not b.counted and a.value is not None and b.value is not None and \
                a.value < 100 and b.value < 100 and (a.value > b.value or a.value == 0):
            return True
        if not self.L.score_words:
            return False
        s0, _ = self.sent.span(a.start)
        before = self.low[max(s0, a.start - 60):a.start].replace("’", "'")
        words = [w.strip(".,;:!?()\"«»“”") for w in before.split()[-4:]]
        return any(w in self.L.score_words or w.rsplit("'", 1)[-1] in self.L.score_words for w in words)

    def _share_unit(self, a: Cand, b: Cand) -> None:
        """"45 and 50 mg", "3 ou 4 jours": a bare number coordinated with a measured one shares its unit."""
        if a.unit or a.counted or not b.unit or a.value is None:
            return
        gap = self.text[a.end:b.start]
        if len(gap) > 6:
            return
        g = gap.strip().lower()
        if g in self.L.coordination or g == ",":
            a.unit = b.unit
            a.rule += "+shared"

    def _range(self, a: Cand, b: Cand) -> Cand | None:
        text, L = self.text, self.L
        if a.value is None or b.value is None or a.qualifier == "range":
            return None
        gap = text[a.end:b.start]
        if len(gap) > 12 or "\n" in gap:
            return None
        g = " ".join(gap.lower().split())
        start = a.start
        ok = False
        if g in ("-", "–", "—", "‑") or g in ("- to", "-to", "- à", "- au"):
            ok = gap.strip() == gap or g in ("–", "—") or g.startswith("- ")
            if g == "-" and gap != "-":
                ok = False
        elif g in L.range_connectors:
            ok = True
            bm = self.res["between_left"].search(self.low, max(0, a.start - 20), a.start)
            if bm:
                pair_first = bm.group("b").lower()
                if any(p[0].lower() == pair_first for p in L.range_between):
                    start = bm.start()
        else:
            bm = self.res["between_left"].search(self.low, max(0, a.start - 20), a.start)
            if bm:
                first = bm.group("b").lower()
                ok = any(p[0].lower() == first and p[1].lower() == g for p in L.range_between)
                if ok:
                    start = bm.start()
        if not ok:
            return None
        change, verb = self._change_before(a)
        a_value = a.value * b.scaled if b.scaled > 1 and a.scaled == 1 and a.end == a.num.end else a.value
        if change == "by" and not 0 < a_value <= b.value <= 2 * a_value or \
                change == "from" and not (verb in L.change_verbs_down and a.value < b.value):
            # "grew by 1.2 million to 68.3m", "slipped 0.7 per cent to 7412": the change, then the new level;
            # "rose by 2 to 2.5 degrees" (two ends of one size) stays a range; "will rise from £2.50 to
            # £3.20": the old level and the new one (not "reduced from 44 mg to 50 mg": it goes up)
            if not a.unit and b.unit and not a.counted and a.scaled == b.scaled and b.unit not in TIME_UNITS:
                a.unit = b.unit
            if b.scaled > 1 and a.scaled == 1 and a.end == a.num.end and not a.unit and \
                    a.num.raw <= b.num.raw and a.value is not None:  # "pasó de 3 a 12 millones"
                a.value *= b.scaled
                a.scaled = b.scaled
            return None
        if a.unit and not b.unit and not b.counted and a.scaled == b.scaled == 1.0 and a.value > 0 and \
                b.value > 100 * a.value:
            return None  # "a reculé de 0,7 % à 7 412 points": no range runs from a percentage to a level
        # "aged 13 to 17 spend": the age's unit covers the second end (whatever word follows it)
        if a.age and not b.unit and b.value is not None and b.value < 130:
            b.counted = None
        # units must agree, or one side elides it ("8- to 16-meter", "between 44 and 50 mg")
        if a.unit and b.unit and a.unit != b.unit:
            return None
        # "$2-3bn loss": the currency sign before the first end covers a scaled second end
        money_scale = a.unit.isupper() and a.end == a.num.end and not b.unit and b.scaled > 1
        if a.unit and not b.unit and b.counted and not money_scale:
            return None
        if b.unit and not a.unit and a.counted:
            return None
        unit = a.unit or b.unit
        lo, hi = a.value, b.value
        # "entre 2 et 3 milliards d'euros", "$2-3bn": the scale word of the second end applies to a bare first
        # end (nothing written after it: no scale, no unit of its own; a unit shared from b is fine)
        if b.scaled > 1 and a.scaled == 1 and a.num.raw <= b.num.raw and a.end == a.num.end:
            lo = lo * b.scaled
        if not a.unit and b.unit and b.unit.isupper() and b.num.end != b.end and a.scaled == 1 and \
                b.scaled > 1 and a.num.raw <= b.num.raw:
            pass
        if hi < lo:
            if lo >= 0 and hi >= 0:
                # "est passé de 7,5 % à 7,3 %", "pasó del 12 al 11 %": a change from one value to another, not
                # a range; the first value shares the unit written with the second
                if not a.unit and b.unit and not a.counted and a.scaled == b.scaled:
                    a.unit = b.unit
                return None
            lo, hi = hi, lo  # "-18 °C to -34 °C"
        age = a.age or b.age
        counted = None if money_scale else b.counted or a.counted
        if not unit and not counted and self.res["age_left"].search(self.low, max(0, start - 24), start):
            unit, age = "year", True  # "aged between 40 and 79"
        return Cand(start=start, end=b.end, value=None, num=b.num, unit=unit, low=lo, high=hi,
                    qualifier="range", counted=counted, age=age, words=a.words or b.words, scaled=b.scaled,
                    rule="range", num_start=a.num_start)

    def _change_before(self, a: Cand) -> tuple[str, str]:
        """What may make "X to Y" a change, and the verb: "by" for a [ranges] change_before word or a change
        verb right before the first number ("slipped 0.7 per cent to 7412") or before a range's first word
        when that word is one of [ranges] ``change_by`` ("a reculé de 0,7 % à 7 412 points"); "from" when it
        is one of ``change_from`` ("rose from 3% to 5%": the old level and the new one); ("", "") otherwise
        ("rose between 2 and 3 percent" is a range)."""
        L = self.L
        pw = self.prev_word(a.start).lower()
        if pw in L.change_before or pw in L.change_verbs:
            return "by", pw
        if pw in L.change_from or pw in L.change_by:
            k = a.start
            while k > 0 and self.low[k - 1] in " \u00a0":
                k -= 1
            verb = self.prev_word(k - len(pw)).lower()
            if verb in L.change_verbs:
                return ("from" if pw in L.change_from else "by"), verb
        return "", ""

    def carry_units(self, cands: list[Cand]) -> None:
        """"1.5 billion cubic metres ..., down from 2.1 billion": the second takes the first's unit."""
        last_by_sentence: dict[int, Cand] = {}
        for c in cands:
            si = self.sent.index(c.start)
            if c.unit:
                if c.scaled > 1.0:
                    last_by_sentence[si] = c
                continue
            prev = last_by_sentence.get(si)
            # "30 Mrd. Euro, davon 4,6 Milliarden ausgezahlt", "dont 5 millions de bonus": the amount's unit;
            # not "pour 3 millions de foyers" (a known counted noun)
            if prev is not None and c.scaled > 1.0 and not c.vague and (
                    not c.counted or prev.unit.isupper() and self.concept(c, COUNT) is None and
                    not self._plural_noun(c.counted)):
                c.unit, c.counted = prev.unit, None
                c.rule += "+carried"
        self._metre_or_million(cands)
        self._precision(cands)
        self._carry_counted(cands)
        self._signed_change(cands)
        self._compared(cands)

    def _plural_noun(self, word: str) -> bool:
        """"2.5 million extra appointments": an English-style plural counts things, so the number after an
        amount of money is no amount of that money ("bonus", "crisis", "gas" are singular)."""
        w = word.lower()
        return self.L.adjective_before_noun and len(w) > 3 and w.endswith("s") and \
            not w.endswith(("ss", "us", "is", "as"))

    def _compared(self, cands: list[Cand]) -> None:
        """"128 000 dollars, contre 44 000 pour la France", "3,2 %, contre 2,9 en mai", "down from 3.7": a
        bare number right after a comparison word ([words] comparison_words) takes the unit of the previous
        mention of its sentence."""
        if "comparison" not in self.res:
            return
        for i in range(1, len(cands)):
            prev, c = cands[i - 1], cands[i]
            if c.unit or c.value is None or c.qualifier == "range" or c.vague or \
                    not self.res["comparison"].search(self.low, max(prev.end, c.start - 40), c.start) or \
                    c.counted and self.concept(c, COUNT) or \
                    self.sent.index(prev.start) != self.sent.index(c.start):
                continue  # (cheapest tests first: most bare numbers follow no comparison word)
            # the amount compared with is the earlier mention of the sentence nearest in size ("more than
            # 150,000 patients waited longer than 12 hours, up from 133,000": patients, not hours)
            si = self.sent.index(c.start)
            near = [o for o in cands[max(0, i - 4):i] if o.value and self.sent.index(o.start) == si]
            if c.value > 0 and len(near) > 1:
                prev = min(near, key=lambda o: abs(math.log(c.value / abs(o.value))))
            scale_carry = c.scaled == 1.0 and prev.scaled > 1.0 and c.value < prev.num.raw * 10 and \
                prev.num.raw >= 1 and c.value < 1000  # "1,2 milliard, contre 0,9 l'an dernier"
            if not scale_carry and prev.value and c.value and not \
                    0.01 <= c.value / abs(prev.value) <= 100:  # "$2 billion from 149 shows": no comparison
                continue
            if not prev.unit:
                if prev.counted and not c.counted and not prev.vague:
                    c.counted = prev.counted
                    c.rule += "+compared"
                continue
            c.unit, c.counted = prev.unit, None
            if scale_carry:
                c.value *= prev.scaled
                c.scaled = prev.scaled
            c.rule += "+compared"
    def _signed_change(self, cands: list[Cand]) -> None:
        """"RN 31,4 % (+7,2)", "SPD 16,4 % (−9,3)": a signed number in brackets right after a percentage is
        a change in percentage points; it takes the unit."""
        for prev, c in zip(cands, cands[1:], strict=False):
            if prev.unit == "percent" and not c.unit and not c.counted and c.value is not None and \
                    self.text[c.end:c.end + 1] == ")" and self.text[prev.end:c.num_start].strip() in \
                    ("(", "(+", "(-", "(−", "(–", "(±"):
                c.unit = "percent"
                c.rule += "+points"

    def _precision(self, cands: list[Cand]) -> None:
        """"à trois centièmes du record" after a time, "tres décimas más" after a percentage: a count of
        hundredths or tenths ([words] precision_words) is a fraction of the previous mention's unit in the
        same sentence (of a second for times, of a percentage point for percentages)."""
        if not self.L.precision_words:
            return
        prev: Cand | None = None
        for c in cands:
            den = self.L.precision_words.get((c.counted or "").lower()) if not c.unit else None
            if den and prev is not None and c.value is not None and \
                    self.sent.index(prev.start) == self.sent.index(c.start) and \
                    (prev.unit in SECONDS or prev.unit == "percent"):
                k = self.text.find(c.counted, c.num.end, c.num.end + AHEAD)
                m = self.res["words_ahead"].match(self.text, k, k + AHEAD) if k >= 0 else None
                c.value /= den
                c.unit = "second" if prev.unit in SECONDS else "percent"
                c.counted = None
                c.end = m.end() if m is not None else c.end
                c.rule += "+precision"
            if c.unit:
                prev = c

    def _carry_counted(self, cands: list[Cand]) -> None:
        """"1,28 million de personnes selon le ministère, 3,5 millions selon la CGT", "shot down 33 of 40
        drones": a bare count takes the counted noun of the nearest count of the same sentence (a noun of
        the concept lists only), so that both claims compare with other sources."""
        for i, c in enumerate(cands):
            if c.unit or c.counted or c.value is None or c.qualifier == "range" or c.value < 2:
                continue
            si = self.sent.index(c.start)
            for j in (i - 1, i + 1):
                if 0 <= j < len(cands):
                    o = cands[j]
                    if o.counted and not o.unit and self.sent.index(o.start) == si and \
                            self.concept(o, COUNT) is not None and (o.scaled > 1.0) == (c.scaled > 1.0):
                        c.counted = o.counted
                        c.rule += "+counted"
                        break

    def _metre_or_million(self, cands: list[Cand]) -> None:
        """"grew by 1.2 million to 68.3m": a bare "m" against the digits after a number of millions in the
        same sentence is a million too (of the same thing), not a metre."""
        prev: Cand | None = None
        for c in cands:
            if prev is not None and c.unit == "meter" and c.end == c.num.end + 1 and \
                    self.text[c.num.end] == "m" and c.qualifier != "range" and prev.scaled >= 1e6 and \
                    self.sent.index(prev.start) == self.sent.index(c.start) and \
                    (not prev.unit or prev.unit.isupper()):
                c.unit, c.counted = prev.unit, prev.counted
                c.value = (c.value or 0) * 1e6
                c.scaled = 1e6
                c.rule += "+million"
            prev = c

    # ---- output ----------------------------------------------------------------------------------
    def concept(self, c: Cand, info: UnitInfo) -> str | None:
        L = self.L
        if c.age:
            return "age"
        if not c.unit:
            if not c.counted:
                return None
            low = c.counted.lower()
            concept = L.concepts.get(low)
            if concept is None:
                for suf in ("s", "es", "x", "en", "n", "e"):
                    if low.endswith(suf) and low[: -len(suf)] in L.concepts:
                        return L.concepts[low[: -len(suf)]]
                # a singular ("one civilian", "one child") takes the concept of its plural
                plural = L.irregular_plurals.get(low)
                for form in (plural, low + "s", low + "es", low[:-1] + "ies" if low.endswith("y") else None):
                    if form and form in L.concepts:
                        return L.concepts[form]
            if concept is None and L.compound_heads:  # "Gegenstimmen", "Verkehrstote": the head ends the word
                for i in range(1, len(low) - 3):
                    if low[i:] in L.compound_heads:
                        return L.concepts.get(low[i:])
            return concept
        dim = info.dimension
        if dim.startswith("currency_"):
            return "money" if "/" not in dim else "price"
        if c.unit == "percent":
            return "percent"
        return L.dimension_concepts.get(dim)

    def mention(self, c: Cand) -> Mention | None:
        _readable_unit(c)
        try:
            info = unit_info(c.unit) if c.unit else COUNT
        except ValueError:
            return None
        value, low, high = c.value, c.low, c.high
        si = (info.to_si(value), info.to_si(low), info.to_si(high))
        if not all(x is None or math.isfinite(x) for x in (value, low, high, *si)):
            return None  # beyond a double ("1e308 billion"): JSON cannot carry inf, and it is no claim
        s0, s1 = self.sent.span(c.start)
        return Mention(
            start=c.start, end=c.end, surface=self.text[c.start:c.end], value=value, low=low, high=high,
            unit=c.unit, qualifier=c.qualifier, counted=c.counted, concept=self.concept(c, info),
            si_value=si[0], si_low=si[1], si_high=si[2],
            si_unit=info.si_unit, dimension=info.dimension, lang=self.L.code,
            sentence_start=s0, sentence_end=max(s1, c.end), rule=c.rule,
        )

    def run(self) -> list[Mention]:
        cands = self.candidates()
        if not cands:
            return []
        self.qualify(cands)
        cands = self.ranges(cands)
        self.carry_units(cands)
        out = []
        for c in cands:
            if c.end <= c.start:
                continue
            m = self.mention(c)
            if m is not None:
                out.append(m)
        return out


def _lower_same_length(text: str) -> str:
    """Lower-cased text with the same offsets: case-insensitive word lists are matched against it
    (regex's case-insensitive named lists are ~50x slower than exact ones)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


# Units that only the project's registry defines (extractors/units.txt) are written out in units any pint
# registry with ISO currency codes reads, so that consumers (the warehouse, the scorers) can compare them.
READABLE_UNITS = {"decennium": (10.0, "year"), "quintal": (100.0, "kilogram"), "kopek": (0.01, "RUB"),
                  "mao": (0.1, "CNY"), "ppb": (0.001, "ppm"), "basis_point": (0.01, "percent"),
                  "mmbtu": (1e6, "Btu")}


def _readable_unit(c: Cand) -> None:
    """"fünf Jahrzehnte" → 50 year, "70 quintaux par hectare" → 7000 kilogram/hectare: see READABLE_UNITS."""
    num, slash, den = c.unit.partition("/")
    n, d = READABLE_UNITS.get(num), READABLE_UNITS.get(den) if slash else None
    if n is None and d is None:
        return
    factor = (n[0] if n else 1.0) / (d[0] if d else 1.0)
    c.unit = (n[1] if n else num) + (slash + (d[1] if d else den) if slash else "")
    c.value, c.low, c.high = (None if x is None else x * factor for x in (c.value, c.low, c.high))


def _physical_rate(num_dim: str, den_dim: str) -> bool:
    """"6 tonnes par hectare", "0,9 gramme par litre", "150 Liter pro Quadratmeter": a measure per another
    kind of measure (not per time, which is a duration's business, nor per count or per percent)."""
    # (the same dimension stays a measure: "37.8 microgrammes per gramme" is read as 37.8 µg by the gold sets)
    plain = ("", "count", "dimensionless", "[time]")
    return num_dim not in plain and den_dim not in plain and num_dim != den_dim and \
        not num_dim.startswith("currency_") and not den_dim.startswith("currency_")


_CAMEL = regex.compile(r"\p{Ll}\p{Lu}", regex.V1)


def _camel_case(word: str) -> bool:
    """A lower-case letter right before a capital, in a word without hyphen ("iPhone", "GoPro"; not
    "SPD-Fraktion")."""
    return "-" not in word and _CAMEL.search(word) is not None


def _number_after(low: str, pos: int, L: LangData) -> bool:
    """Whether a number (digits or a number word) follows ``pos`` after spaces."""
    k = pos
    while k < len(low) and low[k] in " \u00a0":
        k += 1
    if k < len(low) and low[k].isdigit():
        return True
    w = L.res["words_ahead"].match(low, k, k + AHEAD)
    return w is not None and w.group() in L.number_words


def _has_digit(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a digit (a cheap test before a longer regex)."""
    return _DIGIT.search(text, start if start > 0 else 0, end) is not None


def _hhmm(digits: str) -> bool:
    """Three or four digits that read as hours and minutes ("715", "1615", "2354")."""
    if len(digits) not in (3, 4):
        return False
    return int(digits[:-2]) <= 23 and int(digits[-2:]) <= 59


def _glued_date(digits: str) -> bool:
    """Five or six digits that read as a day (1-31) glued to a year (1900-2100): "172015", "32016"."""
    if len(digits) not in (5, 6):
        return False
    day, year = int(digits[:-4]), int(digits[-4:])
    return 1 <= day <= 31 and 1900 <= year <= 2100


def _word_start(low: str, end: int) -> int:
    """The first character of the word ending at ``end``."""
    k = end
    while k > 0 and low[k - 1].isalpha():
        k -= 1
    return k


def _start(m: regex.Match) -> int:
    return m.start()


def _after_number(text: str, pos: int) -> bool:
    """True when the last non-space character before ``pos``'s sign is a digit ("40 - 50", "75 -300mm")."""
    i = pos - 2
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    return i >= 0 and text[i].isdigit()


def _has_word(sentence: str, cue: str, compound: bool = False) -> bool:
    """Whether ``cue`` is a word of ``sentence``; in a compounding language it may end a longer word
    ("Durchschnittstemperatur" holds "temperatur")."""
    i = sentence.find(cue)
    while i >= 0:
        before = " " if compound else sentence[i - 1] if i > 0 else " "
        after = sentence[i + len(cue)] if i + len(cue) < len(sentence) else " "
        if not before.isalnum() and not (after.isalnum() and cue[-1:].isalnum()):
            return True
        i = sentence.find(cue, i + 1)
    return False


def extract(text: str, lang: str | None = None) -> list[Mention]:
    """Every quantity mention in ``text``, in order of appearance.

    ``lang`` is an ISO 639-1 code ("fr", "en-GB" is read as "en"); when absent it is detected. Unknown
    languages fall back to English data.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not text:
        return []
    code = _resolve_language(text, lang)
    if unicodedata.is_normalized("NFC", text):
        return _Extractor(text, load(code)).run()
    view = _nfc_view(text)
    if view is None:
        return _Extractor(text, load(code)).run()
    nfc, to_orig = view
    out = []
    for m in _Extractor(nfc, load(code)).run():
        s, e = to_orig(m.start), to_orig(m.end)
        out.append(dataclasses.replace(m, start=s, end=e, surface=text[s:e], sentence_start=to_orig(
            m.sentence_start), sentence_end=to_orig(m.sentence_end)))
    return out


_DECOMPOSED = regex.compile(r"\P{M}\p{M}++", regex.V1)


def _nfc_view(text: str) -> tuple[str, Callable[[int], int]] | None:
    """The NFC form of ``text`` ("Pre\u0300s de" -> "Près de") and a map from its offsets back to ``text``.

    Word lists are written composed, so decomposed text (macOS file names, some feeds) would miss every
    accented word. Only the clusters holding combining marks are recomposed; offsets move at each such
    cluster, and a mention's offsets are mapped back to whole clusters of the original, so
    ``text[start:end] == surface`` still holds. None when composition is not cluster-local (the view
    would differ from ``unicodedata.normalize``), in which case the text is read as written."""
    parts: list[str] = []
    nfc_points, orig_points = [0], [0]
    last = 0
    nfc_len = 0
    for m in _DECOMPOSED.finditer(text):
        a, b = m.span()
        cluster = unicodedata.normalize("NFC", m.group())
        if len(cluster) == b - a:
            continue
        parts.append(text[last:a])
        parts.append(cluster)
        nfc_len += (a - last) + len(cluster)
        last = b
        nfc_points.append(nfc_len)
        orig_points.append(b)
    parts.append(text[last:])
    nfc = "".join(parts)
    if nfc != unicodedata.normalize("NFC", text):
        return None

    def to_orig(pos: int) -> int:
        i = bisect.bisect_right(nfc_points, pos) - 1
        return min(orig_points[i] + (pos - nfc_points[i]), len(text))

    return nfc, to_orig
