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

from extractors.langdata import LangData, available_languages, load
from extractors.langdetect import detect_language
from extractors.model import Mention
from extractors.numbers import AHEAD, VULGAR, Number, parse_digits, parse_words
from extractors.units import COUNT, UnitInfo, unit_info

# A break starts at the first character of a run of punctuation or spaces (or at the newline itself), never
# inside a run: otherwise each position of a megabyte of "....." would rescan the rest of the run.
_SENTENCE_END = regex.compile(
    r"(?<![.!?…;])[.!?…;]++[\"'”»’)\]]*+[ \t\u00a0]++(?=[^\p{Ll}])"
    r"|(?<![ \t])[ \t]*+\n[\s]*+|(?<=[ \t])\n[\s]*+", regex.V1)
_ALNUM_RUN = regex.compile(r"[\p{L}\p{N}_]*+", regex.V1)
_PUNCT_END = regex.compile(r"[ \u00a0]*+(?:[.,;:!?)\]\"'”»’…]|$|\n)", regex.V1)
TIME_UNITS = {"second", "millisecond", "minute", "hour", "day", "week", "fortnight", "month", "year",
              "decade", "decennium", "century", "millennium"}
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


def _resolve_language(text: str, lang: str | None) -> str:
    langs = available_languages()
    if lang:
        code = str(lang).strip().lower().replace("_", "-").split("-")[0]
        if code in langs:
            return code
    return detect_language(text) if not lang else ("en" if "en" in langs else langs[0])


class _Sentences:
    """Sentence offsets, computed on first use (a text without numbers never pays for them)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        self._ends: dict[int, int] = {}  # sentence index -> end without trailing spaces, computed once

    def _build(self) -> list[int]:
        starts = [0]
        for m in _SENTENCE_END.finditer(self.text):
            starts.append(m.end())
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
        self.sent = _Sentences(text)
        self.res = L.res

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

    def resolve_unit(self, surface: str, pos: int, scaled: bool, money: bool) -> str | None:
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
                if rule.get("scaled") and (scaled or money):
                    return rule["unit"]
                cues = rule.get("cues")
                if cues:
                    if sentence is None:
                        sentence = self.sentence_lower(pos)
                    if any(_has_word(sentence, c) for c in cues):
                        return rule["unit"]
            return amb.default or None
        return L.units_ci.get(low)

    def guard_ok(self, surface: str, attached: bool, end: int, after_unit: bool) -> bool:
        g = self.L.guards.get(surface)
        if g is None:
            g = self.L.guards.get(surface.lower()) if surface.lower() in self.L.units_ci else None
        if not g:
            return True
        if attached:
            return True
        if g.get("attached_only"):
            return False
        if after_unit and g.get("after_unit"):
            return True
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
            return None
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
        unit = self.resolve_unit(surface, m.start("u"), c.scaled > 1.0, money)
        if not unit:
            return None
        if not self.guard_ok(surface, attached, m.end(), after_unit):
            return None
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

    # ---- one anchor --------------------------------------------------------------------------------
    def parse_at(self, m: regex.Match) -> tuple[Cand | None, int]:
        """The candidate mention starting at anchor ``m`` and the offset up to which text is used."""
        text, L = self.text, self.L
        kind = m.lastgroup
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
            num = parse_digits(text, s, L)
            num_start = s
        elif kind == "vfrac":
            num = Number(value=VULGAR[text[s]], end=s + 1, raw=VULGAR[text[s]])
            num_start = s
        elif kind == "word":
            num = parse_words(self.low, s, L)
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
            if ch in "-−" and not (before.isalnum() or before in ".,"):
                neg, start = True, s - 1
            elif ch == " " and before in "-−" and (s < 3 or text[s - 3] in " \t\n(\"'"):
                neg, start = True, s - 2
            if not neg:
                mm = self.res["minus_left"].search(self.low, max(0, s - 12), s)
                if mm:
                    # "au moins 35", "al menos 35", "por lo menos": the minus word ends a qualifier
                    qm = self.res["qual_left"].search(self.low, max(0, s - 40), s)
                    if qm is None or qm.start() >= mm.start():
                        neg, start = True, mm.start()
        if kind == "num" and not num.words and num.plain_int and num.plain_int.endswith("0") and \
                text[num.end:num.end + 1] == "s" and not text[num.end + 1:num.end + 2].isalpha():
            return None, num.end + 1  # "the 1960s", "the 90s": decades
        c = Cand(start=start, end=num.end, value=num.value, num=num, words=num.words, num_start=num_start,
                 scaled=num.scaled, rule="words" if num.words else "digits")
        pos = num.end
        # attached letters must be a unit or a scale: "3rd", "8C", "1960s", "24703L202" are not quantities
        attached_letter = pos < self.n and (text[pos].isalpha() and not num.words)
        # "and a half"
        hm = self.res["half"].match(self.low, pos, pos + AHEAD)
        if hm and num.value == int(num.value):
            c.value = num.value + 0.5
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
            if factor:
                c.value = (c.value or 0) * factor
                c.scaled = factor
                pos = sm.end()
                attached_letter = False
        c.value = c.value * cur_scale if c.value is not None else None
        money = cur_code is not None
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
            return None, _ALNUM_RUN.match(text, num.end).end()
        if neg and c.value is not None:
            if text[start:start + 2].strip() in ("-", "−") and text[start + 1] == " " and not c.unit:
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
            return None, num.end  # "a mix", "a second time", "a degree in law": an article, not a quantity
        return c, pos

    def _negative_unit(self, unit: str) -> str:
        """An ambiguous unit's reading for a negative value: "-5 degrees", "moins 12 degrés" are
        temperatures (a rule ``{ unit = "degC", negative = true }`` in the language's [[ambiguous]])."""
        for amb in self.L.ambiguous.values():
            if amb.default == unit:
                for rule in amb.rules:
                    if rule.get("negative"):
                        return rule["unit"]
        return unit

    def _currency_follows(self, pos: int) -> bool:
        m = self.unit_at(pos)
        if m is None:
            return False
        u = self.text[m.start("u"):m.end("u")]
        return self.currency_of(u) is not None or u.lower() in ("dollars", "dollar")

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
            return comp
        # rate: "$78 a barrel", "2,19 euros le litre", "200 km per hour"
        pm = self.res["per"].match(self.low, pos, pos + AHEAD)
        if pm:
            den = self.resolve_unit(text[pm.start("u"):pm.end("u")], pm.start("u"), False, False)
            if den and not den.isupper() and den not in MINOR_UNITS and "/" not in unit:
                try:
                    num_dim = unit_info(unit).dimension
                    den_dim = unit_info(den).dimension
                except ValueError:
                    num_dim = den_dim = ""
                if (num_dim.startswith("currency_") and den_dim != "[time]" and den_dim != "count") or (
                        num_dim == "[length]" and den_dim == "[time]"):
                    c.unit = f"{unit}/{den}"
                    pos = pm.end()
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
        return pos

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
        for (big, small), factor in COMPOSITES.items():
            if base == big:
                fake = Cand(start=p, end=q, value=num.value, num=num)
                hit = self.match_unit(q, fake, False, after_unit=True)
                if hit and hit[0] == small:
                    c.value += num.value * factor
                    return hit[1]
        return None

    # ---- filters for numbers without a unit -------------------------------------------------------
    def is_non_quantity(self, c: Cand) -> bool:
        """Years, dates, times of day, identifiers, list markers: not quantities."""
        text, L = self.text, self.L
        num = c.num
        # time of day: "9 a.m.", "2pm", "2.30 pm" (but "2.1 pm" is a length)
        if c.value is not None and 0 <= c.value <= 24 and num.decimals in (0, 2) and not num.words and \
                self.res["clock_after"].match(self.low, num.end, num.end + AHEAD):
            return True
        if c.unit:
            if c.unit == "hour" and c.value is not None and c.value <= 24 and c.value == int(c.value):
                pw = self.prev_word(c.start).lower()
                if pw in L.clock_before:
                    before = self.text[max(0, c.start - 30):c.start].rstrip()[: -len(pw)].rstrip()
                    return not (before[-1:].isdigit())  # "de 2 à 3 heures" is a range, not 3 o'clock

            return False
        v = c.value
        if v is None:
            return True
        end = num.end
        # dates: "10 janvier", "January 10", "le 1er mai"
        if self.res["month_after"].match(self.low, end, end + AHEAD) or self.res["month_before"].search(
                self.low, max(0, c.start - 16), c.start):
            return True
        # years
        if num.plain_int and len(num.plain_int) == 4 and 1000 <= v <= 2100 and not c.scaled > 1:
            if not (c.counted and c.counted.lower() in L.concepts):
                return True
        pw = self.prev_word(c.start)
        lpw = pw.lower().rstrip(".")
        if "'" in lpw or "’" in lpw:  # "l'article 5": the noun after an elided article
            lpw = lpw.replace("’", "'").rsplit("'", 1)[-1]
        if lpw in L.identifier_words or pw.lower() in L.identifier_words:
            return True
        if c.start > 0 and text[c.start - 1] in "#№":
            return True
        if pw and not L.capitalised_nouns and pw[0].isupper() and not num.words and not c.counted and \
                lpw not in L.qualifiers and lpw not in L.stopwords and \
                not self.at_sentence_start_word(c.start):
            return True
        # "245 23 yen": a bare number right before another number is part of a code or a list
        if not num.words and not c.counted and end + 1 < self.n and text[end] == " " and \
                text[end + 1].isdigit():
            return True
        # list markers: "1)", "2." at the start of a line
        if end < self.n and text[end] == ")" and (c.start == 0 or text[c.start - 1] in "\n(") :
            return True
        if num.words:
            if num.article_only or (v < 2 and not num.fraction):
                return True
        return False

    def at_sentence_start_word(self, pos: int) -> bool:
        """True when the word before ``pos`` opens its sentence ("Mais 300 soldats")."""
        s, _ = self.sent.span(pos)
        if s < pos - 80:
            return False
        head = self.text[s:pos].split()
        return len(head) <= 1

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
        anchors = heapq.merge(self.res["anchor"].finditer(self.text),
                              self.res["anchor_words"].finditer(self.low), key=_start)
        for m in anchors:
            if m.start() < consumed:
                continue
            if m.lastgroup == "skip":
                consumed = m.end()
                continue
            c, used = self.parse_at(m)
            consumed = max(consumed, used)
            if c is None:
                continue
            if out and c.start < out[-1].end:
                c.start = max(c.start, out[-1].end)
            if not c.unit:
                c.counted = self.counted_noun(c.num.end if c.scaled == 1.0 else c.end,
                                              c.scaled > 1.0 or self._collective(c.num, c.num_start))
                if c.counted and c.counted.lower() in self.L.stopwords:
                    c.counted = None
            if (c.unit == "year" or not c.unit and not c.counted) and c.value is not None and \
                    0 < c.value < 130 and \
                    self.res["age_left"].search(self.low, max(0, c.start - 24), c.start):
                c.unit, c.age = "year", True  # "aged 23", "at the age of 87", "âgé de 45 ans"
            if self.is_non_quantity(c):
                c.keep = False
                # "2013-14": the year's tail is not a count either
                if c.num.plain_int and self.text[c.end:c.end + 1] in "-–" and \
                        self.text[c.end + 1:c.end + 2].isdigit():
                    consumed = max(consumed, _ALNUM_RUN.match(self.text, c.end + 1).end())
                continue
            out.append(c)
        return out

    def qualify(self, cands: list[Cand]) -> None:
        for c in cands:
            qm = self.res["qual_left"].search(self.low, max(0, c.start - 40), c.start)
            if qm:
                q = self.L.qualifiers.get(" ".join(qm.group("q").lower().split()))
                if q:
                    c.qualifier = q
            else:
                rm = self.res["qual_right"].match(self.low, c.end, c.end + AHEAD)
                if rm:
                    q = self.L.qualifiers_after.get(" ".join(rm.group("q").lower().split()))
                    if q:
                        c.qualifier = q
            if c.value is not None:
                if c.qualifier == "at_least":
                    c.low = c.value
                elif c.qualifier == "at_most":
                    c.high = c.value

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
            lo, hi = hi, lo
        return Cand(start=start, end=b.end, value=None, num=b.num, unit=unit, low=lo, high=hi,
                    qualifier="range", counted=None if money_scale else b.counted or a.counted,
                    age=a.age or b.age, words=a.words or b.words, scaled=b.scaled, rule="range",
                    num_start=a.num_start)

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
            if prev is not None and c.scaled > 1.0 and not c.counted:
                c.unit = prev.unit
                c.rule += "+carried"

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
            return concept
        dim = info.dimension
        if dim.startswith("currency_"):
            return "money" if "/" not in dim else "price"
        if c.unit == "percent":
            return "percent"
        return L.dimension_concepts.get(dim)

    def mention(self, c: Cand) -> Mention | None:
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


def _start(m: regex.Match) -> int:
    return m.start()


def _after_number(text: str, pos: int) -> bool:
    """True when the last non-space character before ``pos``'s sign is a digit ("40 - 50", "75 -300mm")."""
    i = pos - 2
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    return i >= 0 and text[i].isdigit()


def _has_word(sentence: str, cue: str) -> bool:
    i = sentence.find(cue)
    while i >= 0:
        before = sentence[i - 1] if i > 0 else " "
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
