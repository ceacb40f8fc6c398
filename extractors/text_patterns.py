"""Language-independent patterns the rules of the engine match around a number.

Every quantifier over unbounded input is possessive or bounded, so no pattern backtracks; the language's own
patterns are compiled by ``langdata`` (``ExtractionContext.patterns``).
"""

from __future__ import annotations

import regex

# A break starts at the first character of a run of punctuation or spaces (or at the newline itself), never
# inside a run: otherwise each position of a megabyte of "....." would rescan the rest of the run.
SENTENCE_END = regex.compile(
    r"(?<![.!?…;])[.!?…;]++[\"'”»’)\]]*+[ \t\u00a0]++(?=[^\p{Ll}])"
    r"|(?<![ \t])[ \t]*+\n[\s]*+|(?<=[ \t])\n[\s]*+", regex.V1)


# ``SENTENCE_END`` in two parts (``_sentence_breaks``): its first branch, which starts at a punctuation
# mark, lets the scan skip most of the text at once; the line-break branches are found from each "\n".
PUNCT_BREAK = regex.compile(
    r"[.!?…;](?<![.!?…;].)[.!?…;]*+[\"'”»’)\]]*+[ \t\u00a0]++(?=[^\p{Ll}])", regex.V1)


SPACE_RUN = regex.compile(r"[\s]*+", regex.V1)


# "between 500 and 1300": a first end of at most three digits and a joining word or dash before a number
RANGE_HEAD = regex.compile(r"(?r)(?<![\p{N}.,])\d{1,3}[ \u00a0]*(?P<j>[-–]|[ \u00a0]\p{L}{1,7})[ \u00a0]+\Z|"
                            r"(?<![\p{N}.,])\d{1,3}(?P<j>[-–])\Z", regex.V1)


MIXED_FRACTION = regex.compile(r"-(\d{1,2})/(\d{1,2})(?![\d/])", regex.V1)  # "2-1/2"


NUMBER_BEFORE = regex.compile(r"\d[^.,;:!?\d]{0,20}\Z", regex.V1)  # an amount just before a comparative


SHORT_NUMBER_BEFORE = regex.compile(r"(?<![\p{L}\p{N}.,])\d{1,3} \Z", regex.V1)  # "0 " before "0 Tags"


CODE_TAIL = regex.compile(r"(?:-\d++)?", regex.V1)  # "212-11": the rest of a code after its first number


NUMBER_RUN_BEFORE = regex.compile(r"(?<![\p{N}.,])\d{1,3} \d{1,3} \Z", regex.V1)  # "0 0 " before "0"


# "... 24 Aug 2013 " before "at 2354": a year ends the text before the clock word
DATE_TAIL = regex.compile(r"(?<![\p{N}])(?:1[89]|20)\d\d[ \u00a0,]*+\Z", regex.V1)


# a date in digits, then a dash or a comma, right before a number: a page's time stamp ("05/12/2025 - 09:14h")
DATED_DASH = regex.compile(r"\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})[ \u00a0]*+[-–,|][ \u00a0]*+\Z", regex.V1)


# a number written in three or more groups of two or three digits with spaces, as phone numbers are
# ("900 202 202", "91 555 12 34")
SPACED_GROUPS = regex.compile(r"\d{2,3}(?:[ \u00a0]\d{2,3}){2,}", regex.V1)


# "1000 and 1800 people": a joining word or dash, a number and the word after it
RANGE_TAIL = regex.compile(r"(?P<j>[ \u00a0]*[-–][ \u00a0]*|[ \u00a0]+\p{L}{1,7}[ \u00a0]+)"
                            r"[\d][\d,.]*+[ \u00a0]+"
                            r"(?P<w>\p{L}++)", regex.V1)


DIGIT = regex.compile(r"\d", regex.V1)


MODERN_YEAR = regex.compile(r"(?:19|20)\d\d(?![\d,.])", regex.V1)


# "de 2" before "à 3 heures" (not the minutes of "de 14 h 30 à 16 h 30")
RANGE_START_END = regex.compile(r"(?<![\d/.:,h])(?<!h[ \u00a0])\d{1,2}\Z", regex.V1)


NON_SPACE_RUN = regex.compile(r"\S*+", regex.V1)


CODE_RUN = regex.compile(r"\d++(?:[ /\-.]\d++)*+", regex.V1)  # a phone number or a code, from its 1st digit


ALNUM_RUN = regex.compile(r"[\p{L}\p{N}_]*+", regex.V1)


PUNCT_END = regex.compile(r"[ \u00a0]*+(?:[.,;:!?)\]\"'”»’…]|$|\n)", regex.V1)


CAMEL = regex.compile(r"\p{Ll}\p{Lu}", regex.V1)


# capital letters hyphenated to a number, then no more letters: a code ("7-X", "10-K"), never a unit or a noun
HYPHEN_CODE = regex.compile(r"\p{Lu}{1,3}(?![\p{L}\d])", regex.V1)


# a code of letters and digits hyphenated before a number: "la resolución 2150-E10-2025", "A320-200"
CODE_BEFORE_HYPHEN = regex.compile(r"(?<![\p{L}\d])(?=[\p{L}\d]*\p{L})(?=[\p{L}\d]*\d)[\p{L}\d]+[-‑]\Z",
                                   regex.V1)


# a text numbered within its year: "le règlement 261/2004", "la Ley 7/2022"
YEAR_NUMBERED = regex.compile(r"\d{1,4}/(?:19[5-9]\d|20\d\d)", regex.V1)
