"""Readable fact names: "troops deployed · 31 Dec 2021 – 2 Jan 2022", "area burnt · Extremadura".

A fact's key is made of internal parts (a concept key or a pint dimension, the frame's group, action and
topic, place, days: checks/frames.py); a fact-checker reads a heading. ``fact_label`` turns whatever parts
are known into one: what is measured ("people killed", "area burnt", "diesel price"), then the place, the
incident, the scope and the day. Every part is a keyword and every one may be missing. The words for
groups, actions and topics are the lexicon's labels (checks/lexicon/terms.toml); the nouns for dimensions
are data here (checks/labels.toml).
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("labels.toml")
SEPARATOR = " · "
CURRENCY_RE = re.compile(r"currency_[A-Z]{3}")
QUALIFIED_NOUNS = ("price", "duration")


@cache
def _data() -> dict:
    with DATA_FILE.open("rb") as fh:
        return tomllib.load(fh)


def _words(key: str) -> str:
    return key.replace("_", " ").strip()


def is_measure(kind: str | None) -> bool:
    """A pint dimension ("[length] ** 2", "currency_EUR", "dimensionless") rather than a concept key.

    >>> is_measure("[length] ** 2"), is_measure("currency_EUR / [mass]"), is_measure("troops")
    (True, True, False)
    """
    return bool(kind) and (kind.startswith("[") or kind.startswith("currency_") or kind == "dimensionless"
                           or "[" in kind)


def measure_noun(kind: str) -> str:
    """What a dimension measures: "area", "duration", "amount" (currencies), "price" (currency per …).

    >>> measure_noun("[length] ** 2"), measure_noun("currency_EUR"), measure_noun("currency_EUR / [mass]")
    ('area', 'amount', 'price')
    """
    table = _data()["dimensions"]
    generic = CURRENCY_RE.sub("currency", kind)
    if generic in table:
        return table[generic]
    if generic.startswith("currency / ") and "currency / *" in table:
        return table["currency / *"]
    return table.get(kind, "quantity")


def _day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


def _as_date(value: date | datetime | str | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def day_span(first: date | datetime | str | None, last: date | datetime | str | None = None) -> str:
    """"12 Jun 2016", "15–16 Jul 2025", "30 Jun – 2 Jul 2025", "31 Dec 2021 – 2 Jan 2022" ('' if unknown).

    >>> day_span("2016-06-12"), day_span("2025-07-15", "2025-07-16"), day_span("2021-12-31", "2022-01-02")
    ('12 Jun 2016', '15–16 Jul 2025', '31 Dec 2021 – 2 Jan 2022')
    """
    a, b = _as_date(first), _as_date(last)
    if a is None:
        a, b = b, None
    if a is None:
        return ""
    if b is None or b == a:
        return _day(a)
    if b < a:
        a, b = b, a
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%b %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%b} – {_day(b)}"
    return f"{_day(a)} – {_day(b)}"


def measured_phrase(*, kind: str | None = None, who: str | None = None, action: str | None = None,
                    topic: str | None = None) -> str:
    """What is measured: "people killed", "area burnt", "diesel price", "turnout", "temperature".

    The words are the lexicon's English labels (checks/lexicon/terms.toml), already looked up by the caller
    (checks.identity.measured): ``who`` is the group or thing counted, ``action`` what happened to it,
    ``topic`` what a measure is about. A measure without a topic is named by its dimension.

    >>> measured_phrase(kind="count", who="troops", action="deployed")
    'troops deployed'
    >>> measured_phrase(kind="[length] ** 2", action="burnt")
    'area burnt'
    >>> measured_phrase(kind="currency_EUR / [length] ** 3", topic="diesel")
    'diesel price'
    >>> measured_phrase(kind="[time]", topic="call"), measured_phrase(kind="currency_EUR", topic="aid")
    ('call duration', 'aid')
    >>> measured_phrase(kind="dimensionless", topic="turnout"), measured_phrase(kind="people")
    ('turnout', 'people')
    """
    measure = is_measure(kind)
    if measure:
        noun = measure_noun(kind) if kind else "quantity"
        if topic:
            # a topic names what a price or a duration is of ("diesel price", "call duration"); amounts,
            # shares and the rest are named by their topic alone ("aid package", "turnout")
            noun = f"{topic} {noun}" if noun in QUALIFIED_NOUNS and noun not in topic else topic
    else:
        noun = who or _words(kind or "")
    return " ".join(x for x in (noun, action) if x).strip() or "figure"


def fact_label(*, measured: str | None = None, place: str | None = None, incident: str | None = None,
               scope: str | None = None, day: date | datetime | str | None = None,
               first_day: date | datetime | str | None = None,
               last_day: date | datetime | str | None = None) -> str:
    """A heading for one fact from whatever parts of its key are known (all keywords, all optional).

    ``day`` is the incident's day when known; otherwise ``first_day``/``last_day`` (the incident days of
    the fact's claims, else the publication days of its articles) give the period.

    >>> fact_label(measured="people killed", place="Idlib", incident="air strike", day="2016-06-12")
    'people killed · Idlib · air strike · 12 Jun 2016'
    >>> fact_label(measured="area burnt", first_day="2025-07-15", last_day="2025-07-16")
    'area burnt · 15–16 Jul 2025'
    >>> fact_label()
    'figure'
    """
    parts = [measured or "figure"]
    for extra in (place, incident, scope):
        if extra and str(extra).strip():
            parts.append(str(extra).strip())
    when = day_span(day) if _as_date(day) else day_span(first_day, last_day)
    if when:
        parts.append(when)
    return SEPARATOR.join(parts)
