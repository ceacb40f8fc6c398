"""The Mention record: what the extractor returns and what the warehouse stores.

A mention keeps the raw surface next to the parsed value (as price-parser does) so that every
number in the warehouse can be traced back to the exact characters of the article.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")


@dataclass(frozen=True, slots=True)
class Mention:
    """One quantity stated in a text.

    Offsets are half-open character offsets into the text given to ``extract``:
    ``text[start:end] == surface`` always holds.
    """

    start: int
    end: int
    surface: str
    value: float | None          # nominal value as written; None for a range
    low: float | None            # range low end, or the bound an at_least qualifier implies
    high: float | None           # range high end, or the bound an at_most qualifier implies
    unit: str                    # pint expression, ISO-4217 code (e.g. "EUR/liter"), or "" for a count
    qualifier: str = "exact"     # one of QUALIFIERS
    counted: str | None = None   # head noun of what is counted, as written
    concept: str | None = None   # language-independent key of what is measured or counted
    si_value: float | None = None
    si_low: float | None = None
    si_high: float | None = None
    si_unit: str = ""            # base unit of si_* (pint's to_base_units), "" for counts
    dimension: str = "count"     # pint dimensionality string, "currency_XXX" key, or "count"
    lang: str = ""
    sentence_start: int = 0      # the sentence holding the mention, as offsets into the text
    sentence_end: int = 0
    rule: str = ""               # which rule produced the mention, for debugging
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def to_json(self) -> dict:
        """The JSON object of the output contract (../shared/spec/quantities.md)."""
        d = asdict(self)
        d.pop("extra")
        return d
