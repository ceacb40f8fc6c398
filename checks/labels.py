"""Readable fact names: "troops deployed · 31 Dec 2021 – 2 Jan 2022", "area burnt · Extremadura".

A fact's key is made of internal parts (a concept key or a pint dimension, a canonical subject term,
days); a fact-checker reads a heading. ``fact_label`` turns whatever parts are known into one: what is
measured (the group counted or the dimension, with the measured role: "people killed", "area burnt",
"diesel price"), then the place, the incident, the scope and the day. Every part is a keyword and every
one may be missing, so richer keys (place, incident day, group, scope) can be passed as they become
available without changing callers. The English words are data (checks/labels.toml).
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


@cache
def _data() -> dict:
    with DATA_FILE.open("rb") as fh:
        return tomllib.load(fh)


def _words(key: str) -> str:
    return key.replace("_", " ").strip()


def is_measure(kind: str | None) -> bool:
    """A pint dimension ("[length] ** 2", "currency_EUR", "dimensionless") rather than a concept key."""
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


@lru_cache(maxsize=8192)
def measured_phrase(*, kind: str | None = None, group: str | None = None, role: str | None = None,
                    role_kind: str | None = None) -> str:
    """What is measured, with its role: "people killed", "area burnt", "diesel price", "talks: countries".

    ``group`` (the group counted: "children") overrides the concept of ``kind``; ``role`` is a canonical
    subject term; ``role_kind`` is "action" or "topic" (looked up in labels.toml when absent: a term with a
    participle there is an action).

    >>> measured_phrase(kind="troops", role="deploy"), measured_phrase(kind="[length] ** 2", role="burn")
    ('troops deployed', 'area burnt')
    >>> measured_phrase(kind="currency_EUR / [length] ** 3", role="diesel")
    'diesel price'
    >>> measured_phrase(kind="[time]", role="call"), measured_phrase(kind="countries", role="talks")
    ('call duration', 'talks: countries')
    >>> measured_phrase(kind="people", group="children", role="kill")
    'children killed'

    """
    data = _data()
    measure = is_measure(kind)
    noun = _words(group) if group else (measure_noun(kind) if measure and kind else _words(kind or ""))
    if not role:
        return noun or "figure"
    actions = data["actions"]
    if role_kind is None:
        role_kind = "action" if role in actions else "topic"
    if role_kind == "action":
        done = actions.get(role, _words(role))
        return f"{noun} {done}".strip() if noun else done
    topic = data["topics"].get(role, _words(role))
    if not noun:
        return topic
    return f"{topic} {noun}" if measure and not group else f"{topic}: {noun}"


def fact_label(*, kind: str | None = None, group: str | None = None, role: str | None = None,
               role_kind: str | None = None, place: str | None = None, incident: str | None = None,
               scope: str | None = None, day: date | datetime | str | None = None,
               first_day: date | datetime | str | None = None,
               last_day: date | datetime | str | None = None) -> str:
    """A heading for one fact from whatever parts of its key are known (all keywords, all optional).

    ``day`` is the incident's day when known; otherwise ``first_day``/``last_day`` (the publication days of
    the fact's articles) give the period.

    >>> fact_label(kind="people", role="kill", place="Idlib", day="2016-06-12")
    'people killed · Idlib · 12 Jun 2016'
    >>> fact_label(kind="[length] ** 2", role="burn", incident="Sierra de Gata fire")
    'area burnt · Sierra de Gata fire'
    >>> fact_label(kind="troops", role="deploy", first_day="2021-12-31", last_day="2022-01-02")
    'troops deployed · 31 Dec 2021 – 2 Jan 2022'
    >>> fact_label()
    'figure'
    """
    parts = [measured_phrase(kind=kind, group=group, role=role, role_kind=role_kind)]
    for extra in (place, incident, scope):
        if extra and str(extra).strip():
            parts.append(str(extra).strip())
    when = day_span(day) if _as_date(day) else day_span(first_day, last_day)
    if when:
        parts.append(when)
    return SEPARATOR.join(parts)
