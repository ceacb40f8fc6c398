"""One-character tests in front of the engine's small look-around patterns.

After each number the engine asks a dozen questions ("is a scale word next?", "a month?", "a qualifier
before?"). Each is a ``regex`` pattern with a word list, and a ``regex`` call costs about a microsecond
even when it fails at once. Most answers are "no", and that can be seen from one character: the first
character after the spaces must start one of the words of the list (or the last character before the
spaces must end one). The wrappers below test that character first and call the pattern only when it may
match, so their answers are exactly the pattern's.

The test is exact only when no word of the list starts (or ends) with one of the skipped characters;
``guard_ahead``/``guard_behind`` return the pattern unchanged when that does not hold.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex


class _Ahead:
    """A forward pattern (used with ``match(s, pos, endpos)``) behind a first-character test."""

    __slots__ = ("pattern", "skip", "first", "letters")

    def __init__(self, pattern: regex.Pattern, skip: str, first: frozenset[str], letters: bool) -> None:
        self.pattern = pattern
        self.skip = skip
        self.first = first
        self.letters = letters

    def match(self, s: str, pos: int, endpos: int):
        ch = s[pos:pos + 1]  # "" at the end of the text (and "" is in every string: test it first)
        if ch and ch in self.skip:
            skip = self.skip
            i = pos + 1
            ch = s[i:i + 1]
            while ch and ch in skip and i < endpos:
                i += 1
                ch = s[i:i + 1]
            if i >= endpos:
                return None
        if not ch or (ch not in self.first and not (self.letters and ch.isalpha())):
            return None
        return self.pattern.match(s, pos, endpos)


class _Behind:
    """A reverse pattern (``(?r)...\\Z``, used with ``search(s, pos, endpos)``) behind a last-char test."""

    __slots__ = ("pattern", "skip", "last")

    def __init__(self, pattern: regex.Pattern, skip: str, last: frozenset[str]) -> None:
        self.pattern = pattern
        self.skip = skip
        self.last = last

    def search(self, s: str, pos: int, endpos: int):
        j = endpos
        skip = self.skip
        while j > pos and s[j - 1] in skip:
            j -= 1
        if j <= pos or s[j - 1] not in self.last:
            return None
        return self.pattern.search(s, pos, endpos)


def guard_ahead(pattern: regex.Pattern, skip: str, words: Iterable[str], extra: str = "",
                letters: bool = False):
    """``pattern`` tested first on the character after any run of ``skip``: it must start one of
    ``words`` (or be in ``extra``, or be a letter when ``letters``)."""
    words = [w for w in words if w]
    if any(w[0] in skip for w in words) or any(c in skip for c in extra):
        return pattern
    return _Ahead(pattern, skip, frozenset(w[0] for w in words) | frozenset(extra), letters)


def guard_behind(pattern: regex.Pattern, skip: str, words: Iterable[str], extra: str = ""):
    """``pattern`` (a reverse search) tested first on the character before any run of ``skip`` at the
    end of the window: it must end one of ``words`` (or be in ``extra``)."""
    words = [w for w in words if w]
    if any(w[-1] in skip for w in words) or any(c in skip for c in extra):
        return pattern
    return _Behind(pattern, skip, frozenset(w[-1] for w in words) | frozenset(extra))
