"""Which day a claim is about: the article's own date, and the incident day its words point to.

Two reports of one incident are dated by the incident ("on Sunday", "le 21 août", "gestern"), not by when
each outlet published: the article's date is the anchor those words are read against. Feeds and archives
often carry a wrong or missing ``published_at`` while the text itself opens with its dateline ("Monday 18
Aug 2014 ...", "10-07-2016 ...", "Published October 31 2014"), so a full date in the first lines wins.
Month and weekday names are language data (checks/lexicon/*.toml [dates]).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import regex

from quantcheck.checks.lexicon import Language, Token

DATELINE_CHARS = 220  # a dateline sits in the first lines of the text
DATELINE_MAX_SHIFT = 400  # days a dateline may differ from published_at and still be trusted
PAST_WINDOW = 60  # an explicit date up to this many days before the article can be the incident
# a date in an earlier sentence frames a figure only when it is this near the article: a story's own day
# ("Sunday 12 June ... 13 people were killed"), not a background event told just before ("Am 4. Februar
# waren es 1,27 Millionen. In Paris zählte die Polizei 87'000")
EARLIER_SENTENCE_DAYS = 7
NEWS_YEARS = (1900, 2100)  # the years an article's own date may have (dates.plausible)
FUTURE_SLACK = 31  # a date without its year this many days or more after the article is of the year before
NUMERIC_DATE = regex.compile(
    r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d\d)(?!\d)|(?<!\d)((?:19|20)\d\d)-(\d{2})-(\d{2})(?!\d)"
)
# "Jul 172015": a scraped date whose day and year lost the space between them
GLUED_DATE = regex.compile(r"\b(\p{L}{3,9})\.?\s+(\d{2})((?:19|20)\d\d)\b")


ORDINAL_MARKS = frozenset({"er", "re", "st", "nd", "rd", "th", "º", "o"})


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # character offset in the text
    day: date
    has_year: bool


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, toks: list[Token], langs: list[Language], year: int | None) -> list[DateMention]:
    """Dates written out in ``text``: "21 August 2013", "August 21", "21. August", "21 de agosto de 2013",
    "21.08.2013", "2013-08-21", "Jul 172015". A date without a year takes ``year``."""
    months: dict[str, int] = {}
    for lang in langs:
        months.update(lang.months)
    out: list[DateMention] = []
    n = len(toks)
    for i, tok in enumerate(toks):
        month = months.get(tok.text.rstrip("."))
        if month is None or (tok.text == "may" and not tok.capital):
            continue
        day_i = None
        if i >= 1 and toks[i - 1].is_number:
            day_i = i - 1
        elif i >= 2 and toks[i - 1].text in ORDINAL_MARKS and toks[i - 2].is_number:
            day_i = i - 2  # "1er janvier", "1st of May" is rare; "1.º de enero"
        elif i >= 2 and toks[i - 1].text == "de" and toks[i - 2].is_number:
            day_i = i - 2
        elif i + 1 < n and toks[i + 1].is_number and len(toks[i + 1].text) <= 2:
            day_i = i + 1
        if day_i is None or len(toks[day_i].text) > 2 or not toks[day_i].text.isdecimal():
            continue
        day = int(toks[day_i].text)
        yr, has_year = year, False
        for j in (i + 1, i + 2, i + 3):
            # a year: not "1.27", not "3 mars, 9412 cas"
            if j < n and j != day_i and toks[j].text.isdecimal() and len(toks[j].text) == 4 and (
                    NEWS_YEARS[0] <= int(toks[j].text) <= NEWS_YEARS[1]):
                yr, has_year = int(toks[j].text), True
                break
            if j < n and not (toks[j].is_number or toks[j].text in ("de", ",")):
                break
        if yr is None:
            continue
        d = _safe(yr, month, day)
        if d:
            out.append(DateMention(min(toks[day_i].start, tok.start), d, has_year))
    for m in NUMERIC_DATE.finditer(text):
        if m.group(1):
            d = _safe(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        else:
            d = _safe(int(m.group(4)), int(m.group(5)), int(m.group(6)))
        if d:
            out.append(DateMention(m.start(), d, True))
    for m in GLUED_DATE.finditer(text):
        month = months.get(m.group(1).lower())
        d = _safe(int(m.group(3)), month, int(m.group(2))) if month else None
        if d:
            out.append(DateMention(m.start(), d, True))
    out.sort(key=lambda x: x.start)
    return out


def last_occurrence(dates: list[DateMention], ref: date | None) -> list[DateMention]:
    """A date written without its year lies before the article when it would otherwise fall well after it:
    "on 27 November" in a January article is last November (news reports what happened, and announces only
    near dates). Dates with their year are kept as written."""
    if ref is None:
        return dates
    out = []
    for d in dates:
        if not d.has_year and (d.day - ref).days >= FUTURE_SLACK:
            earlier = _safe(d.day.year - 1, d.day.month, d.day.day)
            d = DateMention(d.start, earlier, False) if earlier else d
        out.append(d)
    return out


def plausible(day: date | None) -> date | None:
    """An article's date as news can have it, else None: "1 January 0001" is the empty date some sites print
    (.NET's DateTime.MinValue), and counting days back from it, or forward from 9999, leaves the calendar."""
    return day if day is not None and NEWS_YEARS[0] <= day.year <= NEWS_YEARS[1] else None


def reference_date(
    dates: list[DateMention], published: date | None
) -> tuple[date | None, DateMention | None]:
    """The article's own date: a full date in its dateline when it agrees roughly with ``published``
    (or there is no published date), else ``published`` (already :func:`plausible`: frames.read_document
    needs its year first). Also returns the dateline's date mention (None when the date is ``published``),
    which is not an incident date; only a plausible dateline date is one."""
    for dm in dates:
        if dm.start > DATELINE_CHARS:
            break
        if dm.has_year and plausible(dm.day) and (
            published is None or abs((dm.day - published).days) <= DATELINE_MAX_SHIFT
        ):
            return dm.day, dm
    return published, None


def weekday_before(ref: date, weekday: int, last: bool = False) -> date:
    """The most recent ``weekday`` (0 = Monday) on or before ``ref``; ``last`` moves a same-day match back
    a week.

    An article of Wednesday 2024-03-13 saying "on Monday" means the 11th; "on Wednesday" means that very
    day, but "last Wednesday" the week before:

    >>> weekday_before(date(2024, 3, 13), 0), weekday_before(date(2024, 3, 13), 2)
    (datetime.date(2024, 3, 11), datetime.date(2024, 3, 13))
    >>> weekday_before(date(2024, 3, 13), 2, last=True)
    datetime.date(2024, 3, 6)
    """
    delta = (ref.weekday() - weekday) % 7
    if last and delta == 0:
        delta = 7
    return ref - timedelta(days=delta)


def incident_day(
    toks: list[Token],
    lo: int,
    hi: int,
    lang: Language,
    ref: date | None,
    dates: list[DateMention],
    near: int,
    date_lo: int,
    dateline: DateMention | None = None,
    sentence_start: int | None = None,
) -> tuple[date | None, str]:
    """The day a claim is about. In order: an explicit date between ``date_lo`` and the clause end (the
    nearest to the number at ``near``) within [ref - 60 days, ref + 1 day]; a weekday in the clause
    (toks[lo:hi]; not one inside a name: "Santo Domingo"); a relative word ("yesterday", "hier"); else the
    article's date. The second value says which: 'date', 'weekday', 'relative', 'article' or 'none'."""
    if ref is None:
        return None, "none"
    end = toks[hi - 1].end if hi > 0 else near
    best: DateMention | None = None
    skip_to = -1
    if dateline is not None:  # the dateline's own words ("Monday 18 Aug 2014") are not the incident's
        skip_to = dateline.start + 40
    for dm in dates:
        if dm is dateline or dm.start < date_lo or dm.start > end:
            continue
        earlier_sentence = sentence_start is not None and dm.start < sentence_start
        if earlier_sentence and (ref - dm.day).days > EARLIER_SENTENCE_DAYS:
            continue
        if -PAST_WINDOW <= (dm.day - ref).days <= 1 and (
            best is None or abs(dm.start - near) < abs(best.start - near)
        ):
            best = dm
    if best is not None:
        return best.day, "date"
    texts = [t.text for t in toks]
    found = [
        i
        for i in range(lo, hi)
        if toks[i].start > skip_to
        and len(texts[i]) > 3
        and lang.weekdays.get(texts[i].removesuffix("'s")) is not None
        and not _in_name(toks, i, lang)
    ]
    if found:
        i = min(found, key=lambda k: abs(toks[k].start - near))
        last = (i > 0 and texts[i - 1] in lang.last) or (i + 1 < len(texts) and texts[i + 1] in lang.last)
        return weekday_before(ref, lang.weekdays[texts[i].removesuffix("'s")], last), "weekday"
    for i in range(lo, hi):
        if toks[i].start <= skip_to:
            continue
        m = lang.relative.at(texts, i)
        if m:
            return ref + timedelta(days=int(m[0])), "relative"
    return ref, "article"


def _in_name(toks: list[Token], i: int, lang: Language) -> bool:
    """The weekday at ``i`` is part of a name: right after another capitalised word that is no small word
    ("Santo Domingo", "Black Friday"; not "Am Montag")."""
    return (i > 0 and toks[i].capital and toks[i - 1].capital and toks[i - 1].end >= toks[i].start - 1
            and not lang.is_("stopwords", toks[i - 1].text))
