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

Speed: the country words of a sentence are read from a window around it, not from a scan of the whole text
(which is made only when a ``document`` family needs it). The window's answer is exactly the whole scan's:
it starts and ends next to a character no country word contains and that is no letter or digit (a comma, a
bracket, a line break...), so no whole-text match can cross its edges, and the word-boundary tests read the
same characters. A window that finds no such character nearby, or grows too long, falls back to the whole
scan, so a text without punctuation stays linear.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex


@dataclass(frozen=True)
class CountryCurrencies:
    """The compiled country data of one language."""

    family_of: dict[str, frozenset[str]]  # code -> every code of its family (itself included)
    document_wide: frozenset[str]  # codes whose family may be decided by the whole text
    code_of: dict[str, str]  # country word (lower-case) -> code
    pattern: regex.Pattern | None  # any country word, as a whole word
    cut_before: regex.Pattern | None  # the last edge character before a position (see the module docstring)
    cut_after: regex.Pattern | None  # the first edge character at or after a position


# characters that may bound a window; those that occur in a country word are left out at compile time
_EDGE_CANDIDATES = "\n\r\t,;:!?()[]{}\"«»“”„<>|/"
WINDOW_REACH = 200  # how far from the sentence an edge character is looked for
WINDOW_MAX = 4000  # a longer window reads the whole text instead (once)
# A sentence with more country words than this finds the nearest one of each code by bisection instead of
# scanning them all at each amount: a text without sentence breaks repeating "En Argentina 1.150 pesos, "
# was quadratic (9.2 s for 208 KB).
NEAREST_SCAN = 32


def compile_countries(raw: dict) -> CountryCurrencies:
    """The country data of one language's merged TOML values (compiled with the rest of the language, by
    ``langdata.load``, so the files are read once and a text never waits for it)."""
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
    pattern = cut_before = cut_after = None
    if code_of:
        pattern = regex.compile(r"(?<![\p{L}\p{N}])(?:\L<w>)(?![\p{L}\p{N}])", regex.V1,
                                w=sorted(code_of, key=len, reverse=True))
        used = set("".join(code_of))
        edges = "".join(ch for ch in _EDGE_CANDIDATES if ch not in used and not ch.isalnum())
        if edges:
            cls = "[" + "".join(f"\\u{ord(ch):04x}" for ch in edges) + "]"
            cut_before = regex.compile("(?r)" + cls, regex.V1)
            cut_after = regex.compile(cls, regex.V1)
    return CountryCurrencies(family_of, frozenset(document_wide), code_of, pattern, cut_before, cut_after)


class CountryResolver:
    """Resolves same-named currencies in one text; the country mentions are found once, on first use."""

    def __init__(self, data: CountryCurrencies, low_text: str) -> None:
        self.data = data
        self.low = low_text
        self._offsets: list[int] = []
        self._codes: list[str] | None = None
        self._named: frozenset[str] | None = None  # every code whose country the text names
        self._windows: dict[tuple[int, int], list[tuple[int, str]]] = {}  # sentence -> its country words
        self._by_code: dict[str, list[int]] | None = None  # code -> offsets of its words (long sentences)

    def _scan(self) -> list[str]:
        """The codes of every country word of the text, in order (offsets in ``_offsets``)."""
        if self._codes is None:
            self._codes = []
            if self.data.pattern is not None:
                for m in self.data.pattern.finditer(self.low):
                    self._offsets.append(m.start())
                    self._codes.append(self.data.code_of[" ".join(m.group().split())])
        return self._codes

    def _in_sentence(self, sentence: tuple[int, int]) -> list[tuple[int, str]]:
        """(offset, code) of the country words starting in ``sentence``, as the whole scan finds them."""
        got = self._windows.get(sentence)
        if got is not None:
            return got
        s0, s1 = sentence
        data = self.data
        q = r = -1
        if self._codes is None and data.cut_before is not None and data.cut_after is not None:
            if s0 == 0:
                q = 0
            else:
                m = data.cut_before.search(self.low, max(0, s0 - WINDOW_REACH), s0)
                q = m.end() if m else -1
            m = data.cut_after.search(self.low, s1, s1 + WINDOW_REACH)
            r = m.start() if m else (len(self.low) if len(self.low) - s1 <= WINDOW_REACH else -1)
        if q >= 0 and r >= 0 and r - q <= WINDOW_MAX:
            got = []
            for m in data.pattern.finditer(self.low, q, r):
                if s0 <= m.start() < s1:
                    got.append((m.start(), data.code_of[" ".join(m.group().split())]))
        else:
            codes = self._scan()
            lo = bisect.bisect_left(self._offsets, s0)
            hi = bisect.bisect_left(self._offsets, s1)
            got = [(self._offsets[i], codes[i]) for i in range(lo, hi)]
        if len(self._windows) < 10_000:
            self._windows[sentence] = got
        return got

    def _nearest(self, family: frozenset[str], pos: int, sentence: tuple[int, int]) -> list[tuple[int, str]]:
        """(distance, code) of the country word of each code of ``family`` nearest to ``pos`` in
        ``sentence``: the same minimum as scanning every country word of the sentence, in O(log n)."""
        if self._by_code is None:
            self._by_code = {}
            codes = self._scan()
            for off, code in zip(self._offsets, codes, strict=True):
                self._by_code.setdefault(code, []).append(off)
        s0, s1 = sentence
        found = []
        for code in family:
            offsets = self._by_code.get(code)
            if not offsets:
                continue
            lo, hi = bisect.bisect_left(offsets, s0), bisect.bisect_left(offsets, s1)
            i = bisect.bisect_left(offsets, pos, lo, hi)
            if i < hi:
                found.append((abs(offsets[i] - pos), code))
            if i > lo:
                found.append((abs(offsets[i - 1] - pos), code))
        return found

    def resolve(self, unit: str, pos: int, sentence: tuple[int, int]) -> str:
        """The code of the currency ``unit`` (a default code) written at ``pos`` in ``sentence``."""
        family = self.data.family_of.get(unit)
        if family is None or self.data.pattern is None:
            return unit
        words = self._in_sentence(sentence)
        if len(words) <= NEAREST_SCAN:
            found = [(abs(off - pos), code) for off, code in words if code in family]
        else:  # a long sentence full of country words: the nearest of each code by bisection
            found = self._nearest(family, pos, sentence)
        if found:
            return min(found)[1]
        if unit in self.data.document_wide:
            if self._named is None:
                self._named = frozenset(self._scan())
            named = family & self._named
            if len(named) == 1:
                return next(iter(named))
        return unit
