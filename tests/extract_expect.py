"""Helpers for the per-language extraction tests (tests/test_extract_lang_specs.py and others).

A case is a sentence and the complete list of mentions a fact-checker expects in it, in text order,
each given by the fields that matter for it (value, low/high, unit, qualifier, counted). Units are
compared by meaning (pint base units, currencies as their own dimensions), so "km**2" and
"kilometer ** 2" are the same unit; values as floats within 1e-6 relative.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

import pint
import pytest

from quantcheck.extractors import Mention, extract

CURRENCIES = ("USD EUR GBP JPY CNY RUB UAH CHF CAD AUD MXN ARS BRL COP INR CLP XOF XAF XPF CRC NOK SEK SYP "
              "TRY KRW").split()


@lru_cache(maxsize=1)
def _ureg() -> pint.UnitRegistry:
    ureg = pint.UnitRegistry(on_redefinition="ignore")
    for code in CURRENCIES:
        ureg.define(f"{code} = [currency_{code}]")
    ureg.define("decennium = 10 * year")  # as in extractors/units.txt: pint's "decade" is logarithmic
    for line in ("cent = 0.01 * USD", "centime = 0.01 * EUR", "penny = 0.01 * GBP = _ = pence"):
        ureg.define(line)  # the minor units, as ../shared/eval/quantscore.py reads them
    return ureg


def base(value: float, unit: str) -> tuple[float, str]:
    """(magnitude, dimensionality) in base units; a plain count is dimensionless."""
    if not unit:
        return float(value), "count"
    q = _ureg().Quantity(float(value), unit).to_base_units()
    return float(q.magnitude), str(q.dimensionality)


def same_quantity(got_value, got_unit: str, want_value, want_unit: str | tuple[str, ...]) -> bool:
    """True when both denote the same amount; ``want_unit`` may list acceptable alternatives."""
    if isinstance(want_unit, tuple):
        return any(same_quantity(got_value, got_unit, want_value, u) for u in want_unit)
    if got_value is None or want_value is None:
        return got_value is None and want_value is None and _same_unit(got_unit, want_unit)
    try:
        g, w = base(got_value, got_unit), base(want_value, want_unit)
    except (pint.errors.PintError, ValueError, TypeError, AttributeError):
        return False
    return g[1] == w[1] and math.isclose(g[0], w[0], rel_tol=1e-6, abs_tol=1e-9)


def _same_unit(got: str, want: str) -> bool:
    return same_quantity(1.0, got, 1.0, want)


@dataclass(frozen=True)
class Q:
    """One expected mention: only the fields given are checked."""

    value: float | None = None
    unit: str | tuple[str, ...] = ""     # a tuple lists acceptable alternatives
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    counted: str | None = None
    surface_has: str | None = None      # a piece of text the surface must contain
    concept: str | None = None          # the concept key ("age", "duration", "people"...)
    extra: dict = field(default_factory=dict)

    def mismatches(self, m: Mention) -> list[str]:
        out = []
        if self.qualifier == "range":
            if not (same_quantity(m.low, m.unit, self.low, self.unit)
                    and same_quantity(m.high, m.unit, self.high, self.unit)):
                out.append(f"range {m.low}-{m.high} {m.unit!r} != {self.low}-{self.high} {self.unit!r}")
        elif not same_quantity(m.value, m.unit, self.value, self.unit):
            out.append(f"value {m.value} {m.unit!r} != {self.value} {self.unit!r}")
        if m.qualifier != self.qualifier:
            out.append(f"qualifier {m.qualifier} != {self.qualifier}")
        if self.qualifier == "at_least" and not same_quantity(m.low, m.unit, self.value, self.unit):
            out.append(f"at_least needs low={self.value}, got {m.low}")
        if self.qualifier == "at_most" and not same_quantity(m.high, m.unit, self.value, self.unit):
            out.append(f"at_most needs high={self.value}, got {m.high}")
        if self.counted is not None and (m.counted or "") != self.counted:  # "": no counted noun
            out.append(f"counted {m.counted!r} != {self.counted!r}")
        if self.concept is not None and m.concept != self.concept:
            out.append(f"concept {m.concept!r} != {self.concept!r}")
        if self.surface_has is not None and self.surface_has not in m.surface:
            out.append(f"surface {m.surface!r} lacks {self.surface_has!r}")
        return out


def show(mentions: list[Mention]) -> str:
    return "\n".join(f"  [{m.start}:{m.end}] {m.surface!r} value={m.value} low={m.low} high={m.high} "
                     f"unit={m.unit!r} qualifier={m.qualifier} counted={m.counted!r} concept={m.concept!r} "
                     f"rule={m.rule}" for m in mentions) or "  (none)"


def check_case(text: str, lang: str, expected: list[Q]) -> list[Mention]:
    """Assert that ``text`` yields exactly the ``expected`` mentions, in order, and nothing else."""
    mentions = extract(text, lang=lang)
    report = f"\n{text!r} ({lang}) gave:\n{show(mentions)}"
    assert len(mentions) == len(expected), f"expected {len(expected)} mention(s), got {len(mentions)}{report}"
    for i, (want, got) in enumerate(zip(expected, mentions, strict=True)):
        problems = want.mismatches(got)
        assert not problems, f"mention {i}: {'; '.join(problems)}{report}"
        assert text[got.start:got.end] == got.surface
    return mentions


def case(case_id: str, text: str, *expected: Q, xfail: str | None = None):
    """A pytest.param for ``check_case``; ``xfail`` (strict) marks a known engine gap with its reason."""
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, list(expected), id=case_id, marks=marks)


def concept_of(text: str, lang: str, counted: str) -> str | None:
    """The concept key of the mention counting ``counted`` in ``text``."""
    mentions = [m for m in extract(text, lang=lang) if m.counted == counted]
    assert mentions, f"no mention counting {counted!r} in {text!r}:\n{show(extract(text, lang=lang))}"
    return mentions[0].concept


def with_known_gaps(params: list, known_gaps: dict[str, str]) -> list:
    """Mark the cases listed in ``known_gaps`` (case id → reason) as strict xfails.

    The expected behaviour stays written down in the case itself; the mark records that the engine
    does not do it yet, and ``strict`` makes a fix turn the mark into a failure until it is removed.
    Every listed id must exist, so a renamed case cannot leave a stale entry behind.
    """
    ids = {p.id for p in params}
    unknown = sorted(set(known_gaps) - ids)
    assert not unknown, f"known_gaps lists unknown case ids: {unknown}"
    return [pytest.param(*p.values, id=p.id,
                         marks=[*p.marks, pytest.mark.xfail(strict=True, reason=known_gaps[p.id])])
            if p.id in known_gaps else p for p in params]
