"""A running total's start written as a day ("depuis le 1er janvier", "seit dem 1. Januar") and a figure of an
earlier year ("waren 2017 insgesamt 72 Menschen ums Leben gekommen"): real extractor, real frames."""

from __future__ import annotations

from datetime import date

import pytest
from extracted_frames import frames_by_surface

from quantcheck.checks.frames import Frame, read_document
from quantcheck.extractors import extract

DAY = date(2030, 6, 12)


def frames(text: str, lang: str) -> dict[str, Frame]:
    return frames_by_surface(text, lang, DAY)


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("fr", "Selon le bulletin publié mardi, 9 412 cas ont été recensés depuis le 1er janvier.", "9 412"),
        ("fr", "Depuis le 1er janvier, 9 412 cas ont été recensés.", "9 412"),
        ("de", "Seit dem 1. Januar wurden 9412 Fälle gemeldet.", "9412"),
        ("en", "Since January 1st, 9,412 cases have been reported.", "9,412"),
    ],
)
def test_a_total_since_the_first_of_a_month_is_a_running_total(lang, text, surface) -> None:
    """The first day of a month after "since" starts a period in the article's year — not an earlier
    incident's date (the figure was read as January's own, "past"), and the ordinal's ending ("1er") or the
    German day's dot ("1. Januar") is no rival figure or sentence end between the period and the figure."""
    f = frames(text, lang)[surface]
    assert (f.scope, f.since) == ("cumulative", date(2030, 1, 1))


def test_since_an_earlier_incident_s_day_is_still_that_incident() -> None:
    """"since the March 19 attack ... when 30 people were killed": a day that is no month's first names an
    earlier incident, which stays one."""
    f = frames("Inspectors have not returned since the March 19 attack in Khan al-Assal, when at least 30 "
               "people were reported killed.", "en")["30"]
    assert f.scope != "cumulative"


def test_a_german_day_s_dot_before_a_month_ends_no_sentence() -> None:
    text = "Seit dem 3. März wurden 9412 Fälle gemeldet. Es waren 12. Die Polizei kam."
    spans = {m.surface: text[m.sentence_start:m.sentence_end] for m in extract(text, "de")}
    assert spans["9412"] == "Seit dem 3. März wurden 9412 Fälle gemeldet."
    assert spans["12"] == "Es waren 12."  # a sentence ending on a number still ends


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("de", "Beim Brand des Grenfell Tower in London waren 2017 insgesamt 72 Menschen ums Leben gekommen.",
         "72"),
        ("de", "Beim Absturz am Mottarone in Italien kamen 2021 vierzehn Menschen ums Leben.", "vierzehn"),
        ("en", "In 2021, 14 people died when a cable car fell at Stresa-Mottarone.", "14"),
    ],
)
def test_a_toll_of_an_earlier_year_is_a_past_figure(lang, text, surface) -> None:
    """A count written with a year before the article's is background, as one dated by a full earlier date
    is: never compared with this week's toll."""
    f = frames(text, lang)[surface]
    assert f.scope == "past" and f.year is not None and f.year < DAY.year


def test_a_number_after_a_day_and_a_comma_is_no_year() -> None:
    """"Depuis le 3 mars, 9412 cas": 9412 is the count, not the year of the 3rd of March."""
    dates = read_document("Depuis le 3 mars, 9412 cas ont été recensés.", "fr", DAY).dates
    assert [d.day for d in dates] == [date(2030, 3, 3)]


@pytest.mark.parametrize(
    ("lang", "text", "first", "second"),
    [
        ("es", "Rumanía ha registrado 9.412 casos y 21 muertes en lo que va de año.", "9.412", "21"),
        ("en", "Romania has recorded 9,412 cases and 21 deaths so far this year.", "9,412", "21"),
        ("fr", "La Roumanie a recensé 9 412 cas et 21 décès depuis le début de l'année.", "9 412", "21"),
        ("de", "Rumänien hat seit Jahresbeginn 9412 Fälle und 21 Todesfälle gemeldet.", "9412", "21"),
    ],
)
def test_two_counts_joined_by_and_share_their_period(lang, text, first, second) -> None:
    """The period's words stand by one of two coordinated counts; both are running totals."""
    read = frames(text, lang)
    assert read[first].scope == read[second].scope == "cumulative"
    assert read[first].since == read[second].since


def test_a_count_dated_by_its_own_day_keeps_it() -> None:
    read = frames("Twelve people were killed on Monday and 40 since January.", "en")
    assert (read["Twelve"].scope, read["40"].scope) == ("incident", "cumulative")


@pytest.mark.parametrize("text", ["Seit Jahresbeginn wurden 9412 Fälle gemeldet.",
                                  "Seit Anfang des Jahres wurden 9412 Fälle gemeldet."])
def test_the_german_start_of_the_year_starts_a_period(text) -> None:
    """"seit Jahresbeginn", "seit Anfang des Jahres" start on 1 January, as "since the start of the year",
    "depuis le début de l'année" and "en lo que va de año" do: two such totals score the same period."""
    assert frames(text, "de")["9412"].since == date(2030, 1, 1)


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The IOM counted 1,870 deaths along the Atlantic route last year.", "1,870"),
        ("fr", "L'an dernier, l'OIM avait recensé 1 870 morts sur cette route.", "1 870"),
        ("es", "El año pasado murieron 1.870 personas en esta ruta.", "1.870"),
        ("de", "Im vergangenen Jahr starben auf dieser Route 1870 Menschen.", "1870"),
    ],
)
def test_last_year_s_figure_is_of_the_year_before(lang, text, surface) -> None:
    """"1,870 deaths last year" in a 2030 article is the figure another outlet gives as "1.870 muertos durante
    2029": a past figure of the year before the article's ([marker] last_year), not one of no year."""
    got = frames(text, lang)[surface]
    assert (got.scope, got.year) == ("past", DAY.year - 1)
    dated = frames("La OIM contabilizó 1.870 muertos en esta ruta durante 2029.", "es")["1.870"]
    assert (dated.scope, dated.year) == ("past", DAY.year - 1)
