"""The unit written at a position, found with set lookups instead of a regex word list.

The engine asks "which unit starts here?" after every number, often several times. A ``regex`` named
list of ~900 unit words costs 5-15 microseconds per attempt (it tries every length of the list at every
backtracking point), which made unit lookup most of the extraction time. This matcher reads the same
pattern by hand, in the order the regex would backtrack, so its answers are identical:

    gap     up to 2 spaces, then an optional hyphen and one space ("5 km", "50-minute", "3 - mile")
    open    an optional opening bracket, which then requires a closing one after the unit ("5 (km)")
    pp      an optional power prefix and spaces ("square", "sq.")
    u       the longest unit surface of the set that lets the rest match
    ps      an optional power suffix, possibly after one space ("carrés", "²")
    close   the closing bracket when there was an opening one
    and no letter or digit right after.

Unit surfaces never start with a space, a hyphen or a bracket (the constructor refuses such data, so
loading a language file fails loudly), which is what makes the gap and the brackets deterministic.
Lookups are by the first two characters, so a position costs a handful of slices and set tests.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

GAP_SPACES = " \u00a0\u202f"
PS_SPACES = " \u00a0"
HYPHENS = "-\u2011"
OPENERS = "([{<"
CLOSERS = ")]}>"


def letter_or_digit(ch: str) -> bool:
    """``\\p{L}`` or ``\\p{N}`` for one character, as the regex module defines them."""
    if ch.isalpha():
        return True
    if ch < "\x80":
        return ch.isdigit()
    return unicodedata.category(ch)[0] == "N"


class _WordSet:
    """A set of strings with, per first two characters, the lengths to try longest first."""

    __slots__ = ("words", "by_prefix", "short")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)
        by_prefix: dict[str, set[int]] = {}
        self.short = frozenset(w for w in self.words if len(w) == 1)
        for w in self.words:
            if len(w) >= 2:
                by_prefix.setdefault(w[:2], set()).add(len(w))
        self.by_prefix = {k: tuple(sorted(v, reverse=True)) for k, v in by_prefix.items()}

    def ends_at(self, s: str, i: int, lim: int) -> list[int]:
        """End offsets of the words of the set written at ``s[i:]`` (not past ``lim``), longest first."""
        out = [i + n for n in self.by_prefix.get(s[i:i + 2], ()) if i + n <= lim and s[i:i + n] in self.words]
        if s[i:i + 1] in self.short and i + 1 <= lim:
            out.append(i + 1)
        return out


class UnitMatch:
    """What the engine reads from a unit match: the same API as a ``regex`` match with named groups."""

    __slots__ = ("string", "spans")

    def __init__(self, string: str, spans: dict[str, tuple[int, int] | None]) -> None:
        self.string = string
        self.spans = spans

    def start(self, group: str = "all") -> int:
        span = self.spans[group]
        return span[0] if span else -1

    def end(self, group: str = "all") -> int:
        span = self.spans[group]
        return span[1] if span else -1

    def group(self, group: str = "all") -> str | None:
        span = self.spans[group]
        return self.string[span[0]:span[1]] if span else None


class UnitMatcher:
    """Matches the unit pattern (see the module docstring) for one set of unit surfaces."""

    def __init__(self, units: Iterable[str], power_prefixes: Iterable[str], power_suffixes: Iterable[str]):
        self.units = _WordSet(units)
        self.prefixes = _WordSet(power_prefixes)
        self.suffixes = _WordSet(power_suffixes)
        for u in self.units.words:
            if u[0] in GAP_SPACES or u[0] in HYPHENS or u[0] in OPENERS:
                raise ValueError(f"a unit surface may not start with {u[0]!r}: {u!r}")
        # what may be written where the unit (or its power prefix) starts: most positions fail here
        self.first2 = frozenset(self.units.by_prefix) | frozenset(self.prefixes.by_prefix)
        self.first1 = self.units.short | self.prefixes.short

    def match(self, s: str, pos: int, endpos: int) -> UnitMatch | None:
        n = len(s)
        lim = endpos if endpos < n else n
        i = pos
        k = 0
        while k < 2 and i < lim and s[i] in GAP_SPACES:
            i += 1
            k += 1
        if i < lim and s[i] in HYPHENS:
            i += 1
            if i < lim and s[i] == " ":
                i += 1
        gap = (pos, i)
        if i < lim and s[i] in OPENERS:
            if s[i + 1:i + 3] not in self.first2 and s[i + 1:i + 2] not in self.first1:
                return None
            got = self._after_open(s, i + 1, lim, True)
            if got is None:
                return None  # no unit starts with a bracket
            opened = (i, i + 1)
        else:
            if s[i:i + 2] not in self.first2 and s[i:i + 1] not in self.first1:
                return None
            got = self._after_open(s, i, lim, False)
            if got is None:
                return None
            opened = None
        pp, u, ps, close, end = got
        return UnitMatch(s, {"all": (pos, end), "gap": gap, "open": opened, "pp": pp, "u": u, "ps": ps,
                             "close": close})

    def _after_open(self, s: str, i: int, lim: int, opened: bool):
        if i >= lim:
            return None
        for pe in self.prefixes.ends_at(s, i, lim):
            j = pe
            while j < lim and s[j] in PS_SPACES:
                j += 1
            if j == pe:
                continue
            got = self._unit(s, j, lim, opened)
            if got is not None:
                return ((i, pe),) + got
        got = self._unit(s, i, lim, opened)
        return None if got is None else (None,) + got

    def _unit(self, s: str, i: int, lim: int, opened: bool):
        if i >= lim:
            return None
        suffixes = self.suffixes
        for ue in self.units.ends_at(s, i, lim):
            nxt = s[ue:ue + 1] if ue < lim else ""
            options: list[tuple[int, int] | None] = [None]
            if nxt and (nxt in PS_SPACES or nxt in suffixes.short or s[ue:ue + 2] in suffixes.by_prefix):
                options = []
                if nxt in PS_SPACES:
                    options.extend((ue, e) for e in suffixes.ends_at(s, ue + 1, lim))
                options.extend((ue, e) for e in suffixes.ends_at(s, ue, lim))
                options.append(None)
            for ps in options:
                q = ps[1] if ps else ue
                close = (q, q)
                if opened:
                    if q < lim and s[q] in CLOSERS:
                        close = (q, q + 1)
                        q += 1
                    else:
                        continue
                if q < lim and letter_or_digit(s[q]):
                    continue
                return (i, ue), ps, close, q
        return None
