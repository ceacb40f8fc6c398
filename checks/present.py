"""Human-readable numbers, intervals and axes for the command line, the report and ClaimReview text.

Stored values keep full precision (comparisons use them as they are); what people read is rounded to a
few significant digits, so the 1e-9 tolerance the comparison adds ("99999.9999") and conversion noise
("2.1899999") never show. Values are converted to a display unit first (checks/display_units.py).
Axes use 1-2-5 steps chosen in the display unit, whole steps for counts, and one scale word for the
whole axis ("billion EUR") rather than one per tick.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from quantcheck.checks.display_units import COUNT, DisplayUnit

DISPLAY_DIGITS = 6     # significant digits shown for a value
SCALED_DIGITS = 4      # ... once scaled to millions or billions ("1.235 million")
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def round_sig(x: float, digits: int = DISPLAY_DIGITS) -> float:
    """``x`` rounded to ``digits`` significant digits (for display only).

    >>> round_sig(99999.9999), round_sig(2.18999999781), round_sig(-0.000123456789, 3)
    (100000.0, 2.19, -0.000123)
    """
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, digits - 1 - math.floor(math.log10(abs(x))))


def _plain(x: float, digits: int) -> str:
    """Thousands separators, at most ``digits`` significant digits, no trailing zeros."""
    r = round_sig(x, digits)
    if r == 0:
        return "0"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(r))))
    text = f"{r:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fmt_number(x: float | None, digits: int = DISPLAY_DIGITS) -> str:
    """A value as a person writes it: separators, no float noise, millions and billions as words.

    >>> fmt_number(175000.0), fmt_number(2.18999999781), fmt_number(1.9e9), fmt_number(float('inf'))
    ('175,000', '2.19', '1.9 billion', '∞')
    >>> fmt_number(99999.9999), fmt_number(1234567.0), fmt_number(0.5)
    ('100,000', '1.235 million', '0.5')
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "?"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    for size, word in SCALES:
        if abs(round_sig(x, digits)) >= size:
            return f"{_plain(x / size, SCALED_DIGITS)} {word}"
    return _plain(x, digits).replace("-", "−")


def fmt_interval(lo: float | None, hi: float | None, unit: DisplayUnit = COUNT) -> str:
    """An interval stored in base units, shown in ``unit``: "11,500–12,500 ha", "≥ 100,000", "≤ 3 °C".

    >>> from checks.display_units import display_unit
    >>> fmt_interval(114999.9999, 125000.0001, display_unit("hectare"))
    '11.5–12.5 ha'
    >>> fmt_interval(99999.9999, float("inf")), fmt_interval(float("-inf"), 276.15, display_unit("degC"))
    ('≥ 100,000', '≤ 3 °C')
    >>> fmt_interval(1.85e9, 1.95e9, display_unit("EUR"))
    '1.85–1.95 billion EUR'
    >>> fmt_interval(1.9499999, 2.0500001), fmt_interval(174499.9, 175500.1)
    ('2', '174,500–175,500')

    """
    a, b = unit.from_si(lo), unit.from_si(hi)
    if not unit.unit and a is not None and b is not None and math.isfinite(a) and math.isfinite(b):
        # a count is a whole number: "two" stands for 2, not for 1.95–2.05 people
        whole_a, whole_b = math.ceil(a - 1e-9), math.floor(b + 1e-9)
        if whole_a <= whole_b:
            a, b = float(whole_a), float(whole_b)
    suffix = f" {unit.label}" if unit.label else ""
    if a is None and b is None:
        return "?"
    if a is None or (math.isinf(a) and a < 0):
        return f"≤ {fmt_number(b)}{suffix}" if b is not None and math.isfinite(b) else "any value"
    if b is None or (math.isinf(b) and b > 0):
        return f"≥ {fmt_number(a)}{suffix}"
    left, right = fmt_number(a), fmt_number(b)
    if left == right:
        return f"{left}{suffix}"
    for size, word in SCALES:  # "1.85–1.95 billion EUR", not "1.85 billion–1.95 billion EUR"
        if left.endswith(f" {word}") and right.endswith(f" {word}"):
            return f"{_plain(a / size, SCALED_DIGITS)}–{_plain(b / size, SCALED_DIGITS)} {word}{suffix}"
    return f"{left}–{right}{suffix}"


def fmt_value(x: float | None, unit: DisplayUnit = COUNT) -> str:
    """One base-unit value in the display unit, with its label.

    >>> from checks.display_units import display_unit
    >>> fmt_value(2190.0, display_unit("EUR/liter"))
    '2.19 EUR/L'
    """
    shown = fmt_number(unit.from_si(x))
    return f"{shown} {unit.label}" if unit.label else shown


def same_name(a: str | None, b: str | None) -> bool:
    """True when two outlet names differ only in case and punctuation ("Rundschau", "rundschau"), or one is
    a web host whose first name is the other ("lematin-eco.example", "lematin-eco").

    >>> same_name("Le Quotidien", "lequotidien"), same_name("lematin-eco.example", "lematin-eco")
    (True, True)
    >>> same_name("El Heraldo", "heraldo"), same_name("bbc.co.uk", "bbc-news")
    (False, False)
    """
    def key(name: str | None) -> str:
        name = (name or "").casefold().strip()
        if "." in name and " " not in name:  # a host: its first label names the outlet
            name = name.removeprefix("www.").split(".")[0]
        return "".join(ch for ch in name if ch.isalnum())

    return key(a) == key(b)


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """'1 conflict', '2 conflicts', '0 sources'.

    >>> plural(1, "conflict"), plural(3, "fact"), plural(2, "pair of claims", "pairs of claims")
    ('1 conflict', '3 facts', '2 pairs of claims')
    """
    word = singular if n == 1 else (plural_form or singular + "s")
    return f"{n:,} {word}"


def nice_step(raw: float, integer: bool = False) -> float:
    """1, 2 or 5 times a power of ten, at least ``raw``: tick spacing people read easily (at least 1
    when ``integer``: counts have no half people).

    >>> nice_step(37000), nice_step(0.013), nice_step(0.04, integer=True)
    (50000, 0.02, 1)
    """
    if raw <= 0 or not math.isfinite(raw):
        return 1
    exp = math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        step = m * 10.0 ** exp
        if step >= raw * (1 - 1e-9):
            break
    step = round(step, 12) if exp < 0 else int(round(step))
    return max(step, 1) if integer else step


@dataclass(frozen=True, slots=True)
class Axis:
    """An axis in display units: [start, end], its ticks and their labels, and the caption (unit and
    scale word) printed once."""

    start: float
    end: float
    ticks: tuple[float, ...]
    labels: tuple[str, ...]
    caption: str

    def position(self, value: float) -> float:
        """Where ``value`` (display units) falls on the axis, 0.0 – 1.0, clamped (±inf at the ends)."""
        if math.isinf(value):
            return 0.0 if value < 0 else 1.0
        span = self.end - self.start
        return min(max((value - self.start) / span, 0.0), 1.0) if span > 0 else 0.5


def nice_axis(values: Sequence[float], unit_label: str = "", integer: bool = False, n_ticks: int = 4,
              caption_noun: str = "") -> Axis:
    """An axis covering the finite ``values`` (display units) with about ``n_ticks`` 1-2-5 steps.

    >>> a = nice_axis([2.185, 2.205], "EUR/L"); a.labels, a.caption
    (('2.18', '2.19', '2.2', '2.21'), 'EUR/L')
    >>> nice_axis([1.95, 2.05], integer=True, caption_noun="firefighters").labels
    ('1', '2', '3')
    >>> a = nice_axis([1.85e9, 2.55e9], "EUR"); a.labels[:2], a.caption
    (('1.8', '2'), 'billion EUR')
    """
    finite = [v for v in values if v is not None and math.isfinite(v)]
    if not finite:
        finite = [0.0, 1.0]
    lo, hi = min(finite), max(finite)
    span = hi - lo
    if span <= max(abs(hi), abs(lo)) * 1e-9:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    else:
        lo, hi = lo - span * 0.05, hi + span * 0.05
    if integer:
        lo, hi = math.floor(lo), math.ceil(hi)
        if lo < 0 <= min(finite):
            lo = 0
    step = nice_step((hi - lo) / n_ticks, integer)
    start = math.floor(lo / step + 1e-9) * step
    end = math.ceil(hi / step - 1e-9) * step
    if min(finite) >= 0 > start:  # never draw negative counts, areas or prices
        start = 0
    count = int(round((end - start) / step))
    ticks = tuple(round(start + i * step, 12) for i in range(count + 1))
    biggest = max(abs(start), abs(end))
    divisor, word = 1.0, ""
    for size, name in SCALES:
        if biggest >= size:
            divisor, word = size, name
            break
    decimals = max(0, -math.floor(math.log10(step / divisor) + 1e-9))
    labels = []
    for t in ticks:
        text = f"{t / divisor:,.{decimals}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        labels.append("0" if text in ("-0", "") else text.replace("-", "−"))
    caption = " ".join(p for p in (word, unit_label or caption_noun) if p)
    return Axis(float(start), float(end), ticks, tuple(labels), caption)
