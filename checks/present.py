"""Human-readable numbers and intervals for the command line and the HTML report.

Values are stored in base units (m², s, EUR/m³); people read hectares, minutes and EUR per litre. A
small table maps a base unit to the display unit fact-checkers expect; anything else is shown in base
units with a compact number format.
"""

from __future__ import annotations

import math

# base unit (as stored in si_unit) → (display unit, factor from base to display)
DISPLAY_UNITS: dict[str, tuple[str, float]] = {
    "meter ** 2": ("km²", 1e-6),
    "second": ("min", 1 / 60),
    "meter": ("km", 1e-3),
    "kilogram": ("t", 1e-3),
    "radian": ("°", 180 / math.pi),
    "kelvin": ("K", 1.0),
    "meter ** 3": ("m³", 1.0),
}


def display_unit(si_unit: str | None, magnitude: float | None = None) -> tuple[str, float]:
    """(label, factor) to show values stored in ``si_unit``; currencies per m³ are shown per litre,
    areas under 1,000 km² (``magnitude``, the largest finite value shown) in hectares."""
    si_unit = si_unit or ""
    if si_unit == "meter ** 2" and magnitude is not None and magnitude < 1e9:
        return "ha", 1e-4
    if si_unit in DISPLAY_UNITS:
        return DISPLAY_UNITS[si_unit]
    if si_unit.endswith(" / meter ** 3"):
        return si_unit.replace(" / meter ** 3", "/l"), 1e-3
    return si_unit, 1.0


def fmt_number(x: float | None) -> str:
    """Compact, readable number: thousands separators, 4 significant digits for non-integers.

    >>> fmt_number(175000.0), fmt_number(2.19), fmt_number(1.9e9), fmt_number(float('inf'))
    ('175,000', '2.19', '1.9 bn', '∞')
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "?"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    ax = abs(x)
    if ax >= 1e9:
        return f"{x / 1e9:.4g} bn"
    if ax >= 1e6 and ax % 1e5:
        return f"{x / 1e6:.4g} m"
    if ax >= 1000 or (ax >= 1 and float(x).is_integer()):
        return f"{x:,.0f}"
    return f"{x:.4g}"


def fmt_interval(lo: float | None, hi: float | None, si_unit: str | None) -> str:
    """'[174,500 – 175,500]' in display units."""
    finite = [abs(v) for v in (lo, hi) if v is not None and math.isfinite(v)]
    label, factor = display_unit(si_unit, max(finite) if finite else None)
    lo_s = fmt_number(lo * factor if lo is not None else None)
    hi_s = fmt_number(hi * factor if hi is not None else None)
    return f"[{lo_s} – {hi_s}]" + (f" {label}" if label else "")
