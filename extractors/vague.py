"""Vague counts: "dozens of civilians", "des centaines de manifestants", "decenas de miles", "Zehntausende",
"several hundred", "a few thousand".

Fact-checkers compare "dozens were killed" with "12 killed", so a vague plural is a mention: a range (value
null) whose bounds are language data, ``[vague]`` in extractors/lang/*.toml:
- ``words``: a vague plural and its bounds and step, ``dozens = [24, 99, 12]`` (two dozen up to 99);
- ``of``: a second vague plural after a link word multiplies the first by its step, "tens of thousands" =
  20..99 × 1000 = 20,000..99,999 (the open top of "99" becomes 99,999);
- ``modifiers``: a word before a step ("several hundred", "plusieurs centaines", "a few dozen") gives
  ``low``..``high`` times that step; without ``high`` ("many hundreds") the plural's own top is kept.

This module only reads the words; the engine turns the result into a mention (units after a link word:
"millions of dollars"; the counted noun as after a scale word: "dozens of civilians").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from quantcheck.extractors.langdata import LangData
from quantcheck.extractors.numbers import AHEAD, parse_words


@dataclass(frozen=True, slots=True)
class Vague:
    """A vague count read from the lower-cased text."""

    low: float
    high: float
    end: int
    step: float  # one unit of the count (12 for dozens): the counted noun follows as after a scale word
    head: str  # the vague or scale word, lower-case ("scores"), for the language's guards
    head_end: int  # where that word ends


def _is_step(value: float) -> bool:
    """A number a modifier may multiply: a dozen or a power of ten ("hundred", "hunderttausend")."""
    return value == 12 or (value >= 10 and math.log10(value).is_integer())


def parse_vague(low: str, pos: int, L: LangData) -> Vague | None:
    """The vague count starting at ``pos`` of the lower-cased text ``low``, or None."""
    res = L.res
    if "vague_word" not in res:
        return None
    mod = res["vague_mod"].match(low, pos, pos + AHEAD)
    if mod is not None:
        m_low, m_high = L.vague_modifiers[" ".join(mod.group().split())]
        p = mod.end()
        wm = res["vague_word"].match(low, p, p + AHEAD)
        if wm is not None:  # "many hundreds", "plusieurs centaines"
            _, top, step = L.vague[wm.group()]
            lo, hi = m_low * step, (m_high * step if m_high is not None else top)
            end, head, open_top = wm.end(), wm.group(), m_high is None
        else:  # "several hundred", "a few dozen", "mehrere hunderttausend"
            num = parse_words(low, p, L)
            if num is None or not _is_step(num.value):
                return None
            step = num.value
            lo, hi = m_low * step, (m_high if m_high is not None else 9.0) * step
            end, head, open_top = num.end, low[p:num.end], False
    else:
        wm = res["vague_word"].match(low, pos, pos + AHEAD)
        if wm is None:
            return None
        lo, hi, step = L.vague[wm.group()]
        end, head, open_top = wm.end(), wm.group(), True
    head_end = end
    of = res["vague_of"].match(low, end, end + AHEAD)
    if of is not None:  # "tens of thousands", "des centaines de milliers", "cientos de miles"
        times = L.vague[of.group("v")][2]
        lo, hi = lo * times, ((hi + 1) * times - 1 if open_top else hi * times)
        step, end = step * times, of.end()
    return Vague(lo, hi, end, step, head, head_end)
