"""What one extraction works on: the text and its views, the sentences, and a mention under construction.

``ExtractionContext`` is built once per text and passed to the plain functions of the engine's parts;
``Candidate`` is a mention before its qualifier, range and unit passes and its conversion to a ``Mention``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from quantcheck.extractors.currency_country import CountryResolver
from quantcheck.extractors.langdata import LangData
from quantcheck.extractors.number_convention import document_language
from quantcheck.extractors.numbers import Number
from quantcheck.extractors.text_patterns import PUNCT_BREAK, SPACE_RUN


@dataclass(slots=True)
class Candidate:
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


def sentence_breaks(text: str) -> list[tuple[int, int]]:
    """The spans of ``SENTENCE_END.finditer(text)``, found faster.

    A break at a punctuation mark is ``PUNCT_BREAK``; one at a line break starts at the run of spaces and
    tabs before the "\\n" (or at the "\\n" when that run belongs to a punctuation break, whose trailing
    spaces run up to the "\\n") and takes the white space after it. The two kinds never overlap otherwise:
    one starts at a punctuation mark and holds no line break, the other holds only white space."""
    punct = [m.span() for m in PUNCT_BREAK.finditer(text)]
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
        end = SPACE_RUN.match(text, nl + 1).end()
        lines.append((k, end))
        nl = text.find("\n", end)
    if not lines:
        return punct
    if not punct:
        return lines
    return sorted(punct + lines)


class Sentences:
    """Sentence offsets, computed on first use (a text without numbers never pays for them)."""

    def __init__(self, text: str, abbreviations: frozenset[str] = frozenset(),
                 months: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.abbreviations = abbreviations  # "Mio.", "Mrd.", "ca.": a dot that ends no sentence
        self.months = months  # "am 3. März": a day's ordinal dot before a month ends no sentence
        self._starts: list[int] | None = None
        self._ends: dict[int, int] = {}  # sentence index -> end without trailing spaces, computed once

    def _build(self) -> list[int]:
        starts = [0]
        text = self.text
        abbreviations = self.abbreviations
        # the last letter of the word before the dot, when it is ASCII, must end an abbreviation: most dots
        # are let through without the look-back below
        ends = None if "" in abbreviations else {a[-1] for a in abbreviations}
        for k, end in sentence_breaks(text):
            if abbreviations and text[k] == "." and (
                    ends is None or not text[k - 1].isascii() or text[k - 1].lower() in ends):
                j = max(text.rfind(" ", k - 8, k), text.rfind("\n", k - 8, k), text.rfind("\u00a0", k - 8, k))
                if j >= 0 and text[j + 1:k].lower() in abbreviations:
                    continue  # "30 Mrd. Euro, davon …": one sentence
            if self.months and text[k] == "." and self._ordinal_day(k, end):
                continue  # "Seit dem 1. Januar wurden …": one sentence
            starts.append(end)
        self._starts = starts
        return starts

    def _ordinal_day(self, dot: int, after: int) -> bool:
        """A day of one or two digits, its dot, then a month: "am 3. März", "seit dem 1. Januar"."""
        text = self.text
        digits = dot
        while digits > 0 and text[digits - 1].isdigit():
            digits -= 1
        if not 1 <= dot - digits <= 2 or (digits > 0 and text[digits - 1].isalnum()):
            return False
        word = regex.match(r"\p{L}+", text[after:after + 12])
        return word is not None and word.group().lower() in self.months

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


def lower_same_length(text: str) -> str:
    """Lower-cased text with the same offsets: case-insensitive word lists are matched against it
    (regex's case-insensitive named lists are ~50x slower than exact ones)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


@dataclass(slots=True)
class ExtractionContext:
    """What every rule of the engine reads about one text: the text, its lower-cased view with the same
    offsets, the language's data and compiled patterns, and the sentences (computed on first use).

    One small object passed to plain functions (text_views, unit_resolution, number_parsing, ...) instead of
    one class holding every rule: a rule can then be called, and tested, on its own."""

    text: str
    lower: str  # ``text`` lower-cased with the same offsets (see ``lower_same_length``)
    lang: LangData
    length: int
    sentences: Sentences
    patterns: dict[str, regex.Pattern]  # the language's compiled patterns (``LangData.res``)
    countries: CountryResolver | None = None  # built on the first same-named currency word

    @classmethod
    def of(cls, text: str, lang: LangData) -> ExtractionContext:
        """The context of ``text`` read with the language data ``lang``."""
        lang = document_language(text, lang)   # "1,350.5" in a Mexican paper's Spanish
        sentences = Sentences(text, lang.abbreviations, lang.months)
        return cls(text, lower_same_length(text), lang, len(text), sentences, lang.res)
