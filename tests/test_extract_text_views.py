"""extractors/text_views.py and the context's sentences: small questions about the text around an offset."""

from __future__ import annotations

from quantcheck.extractors.extraction_context import Sentences, lower_same_length, sentence_breaks
from quantcheck.extractors.langdata import load
from quantcheck.extractors.text_views import (
    after_number,
    at_sentence_start,
    camel_case,
    digits_read_as_clock,
    ends_text,
    glued_date,
    has_word,
    in_url,
    list_item_start,
    month_after,
    month_before,
    next_word,
    number_after,
    phrase_follows,
    prev_word,
    sentence_lower,
)
from tests.extract_parts import context


def test_words_around_an_offset():
    ctx = context("Police said 300 soldiers were killed.")
    pos = ctx.text.index("300")
    assert prev_word(ctx, pos) == "said"
    assert next_word(ctx, pos + 3) == "soldiers"
    assert phrase_follows(ctx, pos + 3, ("soldiers were",))
    assert not phrase_follows(ctx, pos + 3, ("soldier",))  # a whole word only


def test_sentence_views():
    ctx = context("It rained. Then 30 people LEFT the town.")
    pos = ctx.text.index("30")
    assert sentence_lower(ctx, pos) == "then 30 people left the town."
    assert at_sentence_start(ctx, ctx.text.index("Then"))
    assert not at_sentence_start(ctx, pos)


def test_sentences_keep_abbreviations_inside():
    text = "Es gab 30 Mrd. Euro, davon 4 Mrd. ausgezahlt. Dann nichts."
    sentences = Sentences(text, load("de").abbreviations)
    assert sentences.index(text.index("davon")) == 0
    assert sentences.index(text.index("Dann")) == 1
    assert [text[e:e + 4] for _, e in sentence_breaks(text)][-1] == "Dann"


def test_lower_view_keeps_offsets():
    text = "İstanbul 5 km"  # "İ".lower() is two characters
    low = lower_same_length(text)
    assert len(low) == len(text) and low.endswith("5 km")


def test_months_around_a_number():
    ctx = context("On 10 January and March 3 it rained.")
    assert month_after(ctx, ctx.text.index("10") + 2)
    assert month_before(ctx, ctx.text.index("3 it"))
    lower_may = context("470000 may have died")
    assert not month_after(lower_may, 6)  # months are capitalised in English


def test_web_address_and_text_end():
    ctx = context("See insee.fr/statistiques/8245121 and 5 more.")
    assert in_url(ctx, ctx.text.index("8245121")) is False  # no "://" nor "www." before it
    url = context("See https://x.org/a/8245121 now")
    assert in_url(url, url.text.index("8245121"))
    end = context("Sputnik reported. 212")
    assert ends_text(end, len(end.text))


def test_list_item_start():
    ctx = context("Results: 1. Vingegaard")
    assert list_item_start(ctx, ctx.text.index("1."))


def test_digit_rules():
    assert digits_read_as_clock("1615") and digits_read_as_clock("715")
    assert not digits_read_as_clock("1675") and not digits_read_as_clock("12")
    assert glued_date("172015") and not glued_date("452015")
    assert camel_case("iPhone") and not camel_case("SPD-Fraktion") and not camel_case("Paris")
    assert after_number("75 -300mm", 4) and not after_number("at -5", 4)  # the sign of "-300" joins "75"


def test_words_in_a_sentence():
    assert has_word("the temperature rose", "temperature")
    assert not has_word("temperatures", "temperature")
    assert has_word("die durchschnittstemperatur", "temperatur", compound=True)
    en = load("en")
    assert number_after("one in five", 6, en) and number_after("one of 12", 6, en)
    assert not number_after("one person", 3, en)
