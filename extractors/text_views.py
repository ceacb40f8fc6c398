"""Small questions about the text around an offset: the word before or after, the sentence, a month name.

Each is an anchored match or a bounded look-around, never a scan of the whole text, so every rule can ask
them at every number.
"""

from __future__ import annotations

from quantcheck.extractors.extraction_context import ExtractionContext
from quantcheck.extractors.langdata import LangData
from quantcheck.extractors.numbers import AHEAD
from quantcheck.extractors.text_patterns import CAMEL, DIGIT, PUNCT_END


def sentence_lower(ctx: ExtractionContext, pos: int) -> str:
    """The sentence around ``pos`` (at most 400 characters each side: cues are local, and a text
    without sentence breaks must not make every lookup linear)."""
    s, e = ctx.sentences.span(pos)
    return ctx.lower[max(s, pos - 400):min(e, pos + 400)]


def prev_word(ctx: ExtractionContext, pos: int) -> str:
    """The word before ``pos`` (within 40 characters), without leading apostrophes, dots or dashes."""
    m = ctx.patterns["prev_word"].search(ctx.text, max(0, pos - 40), pos)
    return m.group("w").lstrip("'’.-") if m else ""


def at_sentence_start(ctx: ExtractionContext, pos: int) -> bool:
    """Whether only quotes, brackets or dashes stand between the sentence start and ``pos``."""
    s, _ = ctx.sentences.span(pos)
    return s >= pos - 80 and not ctx.text[s:pos].strip(" \t\"'“«(-—–")


def followed_by_punct(ctx: ExtractionContext, pos: int) -> bool:
    """Whether punctuation, a line break or the text end follows ``pos`` after spaces."""
    return PUNCT_END.match(ctx.text, pos, pos + AHEAD) is not None


def next_word(ctx: ExtractionContext, pos: int) -> str:
    """The word after ``pos``, lower-cased ("" when none)."""
    m = ctx.patterns["next_words"].match(ctx.text, pos, pos + AHEAD)
    return m.group("w1").lower() if m else ""


def phrase_follows(ctx: ExtractionContext, pos: int, phrases: tuple[str, ...]) -> bool:
    """Whether one of ``phrases`` (lower-case) is the next word or words after ``pos``."""
    k = pos
    while k < ctx.length and k - pos < 3 and ctx.text[k] in " \u00a0-":
        k += 1
    if k == pos:
        return False
    for p in phrases:
        if ctx.lower.startswith(p, k) and not ctx.lower[k + len(p):k + len(p) + 1].isalpha():
            return True
    return False


def in_url(ctx: ExtractionContext, pos: int) -> bool:
    """Whether ``pos`` is inside a web address: "://" or "www." earlier in the same run of non-spaces
    (looked for in the 160 characters before, with string methods: a long run without spaces stays
    linear)."""
    lo = max(0, pos - 160)
    cut = max(ctx.text.rfind(" ", lo, pos), ctx.text.rfind("\n", lo, pos), lo - 1) + 1
    return ctx.text.find("://", cut, pos) >= 0 or ctx.lower.find("www.", cut, pos) >= 0


def ends_text(ctx: ExtractionContext, end: int) -> bool:
    """Nothing but spaces and punctuation after ``end`` (within the look-ahead limit)."""
    return end + AHEAD >= ctx.length and not ctx.text[end:].strip(" \t\r\n.,;:!?")


def month_after(ctx: ExtractionContext, end: int) -> bool:
    """A month name right after ``end`` ("10 janvier", "3rd of May"); in a language that capitalises its
    months ([words] months_capitalised) only as written with a capital ("470000 may have died")."""
    m = ctx.patterns["month_after"].match(ctx.lower, end, end + AHEAD)
    if m is None:
        return False
    return not ctx.lang.months_capitalised or ctx.text[word_start(ctx.lower, m.end())].isupper()


def month_before(ctx: ExtractionContext, start: int) -> bool:
    """A month name right before ``start`` ("January 10", "Jul 172015"); with a capital where months are
    capitalised; a full name followed by a dot ends a sentence ("since mid-January. Twenty people")."""
    m = ctx.patterns["month_before"].search(ctx.lower, max(0, start - 16), start)
    if m is None:
        return False
    word = ctx.patterns["words_ahead"].match(ctx.lower, m.start(), start)
    if word is not None and ctx.lower[word.end():word.end() + 1] == "." and len(word.group()) > 4:
        return False
    return not ctx.lang.months_capitalised or ctx.text[m.start()].isupper()


def list_item_start(ctx: ExtractionContext, pos: int) -> bool:
    """Whether ``pos`` opens an item of a list: after ":", ";", ",", "(" or a line break."""
    i = pos - 1
    while i >= 0 and ctx.text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or ctx.text[i] in ":;,(\n•–—-"


def at_sentence_start_word(ctx: ExtractionContext, pos: int) -> bool:
    """True when the word before ``pos`` opens its sentence ("Mais 300 soldats")."""
    s, _ = ctx.sentences.span(pos)
    if s < pos - 80:
        return False
    head = ctx.text[s:pos].split()
    return len(head) <= 1


def camel_case(word: str) -> bool:
    """A lower-case letter right before a capital, in a word without hyphen ("iPhone", "GoPro"; not
    "SPD-Fraktion")."""
    return "-" not in word and CAMEL.search(word) is not None


def number_after(low: str, pos: int, lang: LangData) -> bool:
    """Whether a number (digits or a number word) follows ``pos`` after spaces."""
    k = pos
    while k < len(low) and low[k] in " \u00a0":
        k += 1
    if k < len(low) and low[k].isdigit():
        return True
    w = lang.res["words_ahead"].match(low, k, k + AHEAD)
    return w is not None and w.group() in lang.number_words


def has_digit(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a digit (a cheap test before a longer regex)."""
    return DIGIT.search(text, start if start > 0 else 0, end) is not None


def digits_read_as_clock(digits: str) -> bool:
    """Three or four digits that read as hours and minutes ("715", "1615", "2354")."""
    if len(digits) not in (3, 4):
        return False
    return int(digits[:-2]) <= 23 and int(digits[-2:]) <= 59


def glued_date(digits: str) -> bool:
    """Five or six digits that read as a day (1-31) glued to a year (1900-2100): "172015", "32016"."""
    if len(digits) not in (5, 6):
        return False
    day, year = int(digits[:-4]), int(digits[-4:])
    return 1 <= day <= 31 and 1900 <= year <= 2100


def word_start(low: str, end: int) -> int:
    """The first character of the word ending at ``end``."""
    k = end
    while k > 0 and low[k - 1].isalpha():
        k -= 1
    return k


def after_number(text: str, pos: int) -> bool:
    """True when the last non-space character before ``pos``'s sign is a digit ("40 - 50", "75 -300mm")."""
    i = pos - 2
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    return i >= 0 and text[i].isdigit()


def has_word(sentence: str, cue: str, compound: bool = False) -> bool:
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
