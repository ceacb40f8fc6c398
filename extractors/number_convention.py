"""Which decimal mark a document uses, where a language is written both ways.

Spanish is written "1.350,5" in Spain and Argentina but "1,350.5" in Mexico, Central America and Peru; a
figure such as "1,350 millones" or "85,000 hectáreas" means a thousand times more in the second. One
figure rarely settles it, the document does: the marks each convention alone allows are counted over the
whole text ("1,234,567", "195,000", "1,234.5", "2.7 millones" only the other way; "2,7", "37,5",
"85.000" only the language's own), and the text is read the other way when that way has more of them.
Which languages have another mark is data: ``[numbers] other_decimal`` in the language file (the patterns
here are those of a language whose own mark is the comma and whose other mark is the point).
"""

from __future__ import annotations

import dataclasses

import regex

from quantcheck.extractors.langdata import SPACES, LangData

_EDGE = r"(?<![\p{N}.,'’])"
_END = r"(?![\p{N}])(?![.,]\p{N})"
# the comma groups thousands: two groups, groups then a decimal point, or a round thousand
_COMMA_GROUPS = regex.compile(
    _EDGE + r"\p{N}{1,3}(?:(?:,\p{N}{3}){2,}|(?:,\p{N}{3})+\.\p{N}+|,000)" + _END, regex.V1)
# a point before one or two digits and a scale word or a percent sign: "2.7 millones", "3.5 %"
_POINT_DECIMAL = r"\p{N}\.\p{N}{1,2}\s?(?:%|\L<scales>)(?!\p{L})"
# the comma before one or two decimals, or points grouping thousands: "2,7", "37,5", "85.000"
_OWN = regex.compile(_EDGE + r"\p{N}+(?:,\p{N}{1,2}|(?:\.\p{N}{3})+)" + _END, regex.V1)

_READ_OTHER_WAY: dict[str, tuple[LangData, regex.Pattern]] = {}


def _other_way(lang: LangData) -> tuple[LangData, regex.Pattern]:
    """The language read with its other decimal mark (the two marks swap roles), and the pattern of a
    decimal point before a scale word."""
    got = _READ_OTHER_WAY.get(lang.code)
    if got is None or got[0].res is not lang.res:
        own = lang.decimal
        group = (lang.group - {lang.other_decimal}) | {own} | frozenset(SPACES)
        swapped = dataclasses.replace(lang, decimal=lang.other_decimal, group=frozenset(group))
        point = regex.compile(_POINT_DECIMAL, regex.V1 | regex.IGNORECASE,
                              scales=sorted(lang.scales, key=len, reverse=True) or ["\0"])
        got = _READ_OTHER_WAY[lang.code] = (swapped, point)
    return got


def document_language(text: str, lang: LangData) -> LangData:
    """``lang``, or ``lang`` read with its other decimal mark when ``text`` writes its figures that way."""
    if (lang.decimal, lang.other_decimal) != (",", ".") or "," not in text:
        return lang
    swapped, point = _other_way(lang)
    other = len(_COMMA_GROUPS.findall(text)) + len(point.findall(text))
    if not other:
        return lang
    return swapped if other > len(_OWN.findall(text)) else lang
