"""extractors/non_quantity_filters.py: each named check on a candidate of its own."""

from __future__ import annotations

from quantcheck.extractors.non_quantity_filters import (
    clock_hour_with_unit,
    code_or_list_marker,
    date_or_year,
    identifier_or_furniture,
    is_non_quantity,
    name_or_address,
    number_word_not_count,
    time_of_day,
)
from quantcheck.extractors.text_views import prev_word
from tests.extract_parts import candidate


def _words_before(ctx, c):
    pw = prev_word(ctx, c.start)
    return pw, pw.lower().rstrip(".")


def test_times_of_day():
    assert time_of_day(*candidate("We met at 9 pm.", "9"))
    assert time_of_day(*candidate("The raid began at 1400 hours.", "1400"))  # written without separator
    assert not time_of_day(*candidate("We met 9 people.", "9"))


def test_an_hour_unit_that_is_a_clock():
    assert clock_hour_with_unit(*candidate("Rendez-vous à 9 heures.", "9", "fr"))
    assert not clock_hour_with_unit(*candidate("Une grève de 24 heures.", "24", "fr"))
    assert not clock_hour_with_unit(*candidate("de 2 à 3 heures", "3", "fr"))  # a range's end


def test_dates_and_years():
    assert date_or_year(*candidate("On 10 January it rained.", "10"))
    assert date_or_year(*candidate("In 2014 the war began.", "2014"))
    assert not date_or_year(*candidate("as many as 1300 died", "1300"))


def test_identifiers_and_furniture():
    for text, number, lang in (("See article 5 of the law.", "5", "en"), ("the #3 seed", "3", "en"),
                               ("a 7.4-magnitude earthquake", "7.4", "en"), ("Photo 3 of 12", "3", "en"),
                               ("the new iPhone 12 sold", "12", "en")):
        ctx, c = candidate(text, number, lang)
        assert identifier_or_furniture(ctx, c, *_words_before(ctx, c)), text
    ctx, c = candidate("They killed 12 soldiers.", "12")
    assert not identifier_or_furniture(ctx, c, *_words_before(ctx, c))


def test_names_and_addresses():
    for text, number, lang in (("Take Route 9 north.", "9", "en"), ("la RN 10 reste fermée", "10", "fr"),
                               ("Hauptstraße 112 ist", "112", "de"), ("au 24, rue des Lilas", "24", "fr")):
        ctx, c = candidate(text, number, lang)
        assert name_or_address(ctx, c, *_words_before(ctx, c)), text


def test_a_grouped_or_scaled_figure_after_a_capitalised_word_is_a_count_not_a_name():
    # German capitalises its nouns, and a source's name often stands right before its count
    for text, number, lang in (
        ("In Paris waren es nach Polizeiangaben 87.000, nach einer Zählung 112.000.", "87.000", "de"),
        ("In Paris waren es nach Polizeiangaben 87.000, nach einer Zählung 112.000.", "112.000", "de"),
        ("In Paris zählte die Polizei 87’000 Teilnehmende, die CGT 450’000.", "450’000", "de"),
        ("Es waren laut CGT 3,5 Millionen.", "3,5 Millionen", "de"),
        ("87,000 according to police, the CGT 450,000.", "450,000", "en"),
        ("La police en a compté 87 000, la CGT 450 000.", "450 000", "fr"),
    ):
        ctx, c = candidate(text, number, lang)
        assert not name_or_address(ctx, c, *_words_before(ctx, c)), text
        assert not is_non_quantity(ctx, c), text


def test_codes_and_list_markers():
    for text, number in (("Tel. 912 345 678", "912"), ("call 91 555 12 34", "34"), ("1) first item", "1"),
                         ("dial 999 now", "999")):
        ctx, c = candidate(text, number)
        assert code_or_list_marker(ctx, c, *_words_before(ctx, c)), text


def test_number_words_that_count_nothing():
    assert number_word_not_count(*candidate("a second in Damascus and a third in Busra", "a third"))
    assert number_word_not_count(*candidate("un trois-pièces à Paris", "trois", "fr"))
    assert not number_word_not_count(*candidate("They found seven bodies.", "seven"))


def test_the_whole_filter_keeps_counts():
    assert not is_non_quantity(*candidate("They killed 12 soldiers in 2014.", "12"))
    assert is_non_quantity(*candidate("They killed 12 soldiers in 2014.", "2014"))
    # with a unit, only a time of day is left out
    assert not is_non_quantity(*candidate("It cost 2014 dollars.", "2014"))
