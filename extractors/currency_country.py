"""Which of several same-named currencies a one-word currency name means, from the countries in the text.

"Pesos" are Mexican, Argentine, Chilean, Colombian...; "francs" Swiss or CFA; "Kronen" Swedish, Norwegian or
Danish. A language file maps the bare word to a default code ("peso" = "MXN"); the country named next to it
decides otherwise: "En Argentina, el dólar blue cotizaba a 1.150 pesos" is ARS, "Le Conseil fédéral
débloque 1,3 milliard de francs" is CHF. Qualified names ("pesos chilenos", "Canadian dollars") are separate
unit entries and never reach this module.

The data is language knowledge, so it lives in the language files:
- common.toml ``[currency_families]`` ``families``: the groups of codes that share a name, each
  ``{ codes = [...], document = true|false }``; ``document`` allows a country named elsewhere in the text
  (the only one of the group named there) to decide when the sentence names none;
- each language's ``[currency_countries]``: ``CODE = [country names, demonyms, capitals, institutions]``,
  written lower-case as they appear in text.

Within the sentence the country word nearest to the amount wins; otherwise (families with ``document``)
the text's only named country of the group; otherwise the default stays.
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass
from functools import lru_cache

import regex

from extractors.langdata import read_raw

_LOCK = threading.Lock()


@dataclass(frozen=True)
class CountryCurrencies:
    """The compiled country data of one language."""

    family_of: dict[str, frozenset[str]]  # code -> every code of its family (itself included)
    document_wide: frozenset[str]  # codes whose family may be decided by the whole text
    code_of: dict[str, str]  # country word (lower-case) -> code
    pattern: regex.Pattern | None  # any country word, as a whole word


@lru_cache(maxsize=16)
def _compiled(code: str) -> CountryCurrencies:
    raw = read_raw(code)
    family_of: dict[str, frozenset[str]] = {}
    document_wide: set[str] = set()
    for fam in raw.get("currency_families", {}).get("families", []):
        codes = frozenset(str(c) for c in fam.get("codes", []))
        for c in codes:
            family_of[c] = codes
        if fam.get("document"):
            document_wide |= codes
    code_of: dict[str, str] = {}
    for cur, words in raw.get("currency_countries", {}).items():
        for w in words:
            key = " ".join(str(w).lower().split())
            if key:
                code_of.setdefault(key, str(cur))
    pattern = None
    if code_of:
        pattern = regex.compile(r"(?<![\p{L}\p{N}])(?:\L<w>)(?![\p{L}\p{N}])", regex.V1,
                                w=sorted(code_of, key=len, reverse=True))
    return CountryCurrencies(family_of, frozenset(document_wide), code_of, pattern)


def country_data(code: str) -> CountryCurrencies:
    """The compiled country data of a language (built once per process; thread-safe)."""
    with _LOCK:
        return _compiled(code)


class CountryResolver:
    """Resolves same-named currencies in one text; the country mentions are found once, on first use."""

    def __init__(self, lang: str, low_text: str) -> None:
        self.data = country_data(lang)
        self.low = low_text
        self._offsets: list[int] = []
        self._codes: list[str] | None = None
        self._named: frozenset[str] | None = None  # every code whose country the text names

    def _scan(self) -> list[str]:
        """The codes of every country word of the text, in order (offsets in ``_offsets``)."""
        if self._codes is None:
            self._codes = []
            if self.data.pattern is not None:
                for m in self.data.pattern.finditer(self.low):
                    self._offsets.append(m.start())
                    self._codes.append(self.data.code_of[" ".join(m.group().split())])
        return self._codes

    def resolve(self, unit: str, pos: int, sentence: tuple[int, int]) -> str:
        """The code of the currency ``unit`` (a default code) written at ``pos`` in ``sentence``."""
        family = self.data.family_of.get(unit)
        if family is None or self.data.pattern is None:
            return unit
        codes = self._scan()
        lo = bisect.bisect_left(self._offsets, sentence[0])
        hi = bisect.bisect_left(self._offsets, sentence[1])
        found = [(abs(self._offsets[i] - pos), codes[i]) for i in range(lo, hi) if codes[i] in family]
        if found:
            return min(found)[1]
        if unit in self.data.document_wide:
            if self._named is None:
                self._named = frozenset(codes)
            named = family & self._named
            if len(named) == 1:
                return next(iter(named))
        return unit
