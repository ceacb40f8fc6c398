"""Property tests of the extractor's contract on arbitrary input (hypothesis).

Whatever the text — arbitrary Unicode with lone surrogates and control characters, mixed scripts, or
number-heavy news-like fragments that exercise the grammar — ``extract`` must not raise, every mention's
offsets must point at its surface inside the text, mentions come out sorted, values are consistent with
their qualifier, and the output depends only on the input (not on what was extracted before).
"""

from __future__ import annotations

import math
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quantcheck.extractors import QUALIFIERS, Mention, extract

LANGS = st.sampled_from([None, "fr", "en", "es", "de"])
# derandomize: `make test` must be deterministic, so the examples are the same on every run; raise
# max_examples locally (or drop derandomize) to search further.
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Everything Unicode has, including surrogates (category Cs) and control characters (Cc).
ANY_CHAR = st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
SURROGATE_OR_CONTROL = st.one_of(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF,
                                               exclude_categories=()),
                                 st.characters(min_codepoint=0, max_codepoint=0x1F))
ANY_TEXT = st.text(alphabet=st.one_of(ANY_CHAR, SURROGATE_OR_CONTROL, st.sampled_from("0123456789 ,.")),
                   max_size=300)

# Fragments that make the grammar work hard: numbers in every separator style, scale and number words,
# units, qualifiers and range connectors of the four languages, digits in other scripts, odd spaces.
FRAGMENTS = [
    "100 000", "100\u00a0000", "100\u202f000", "1,5", "1.5", "100,000", "100.000", "1'000", "1 000,000.000",
    "-20", "moins 20", "minus 3", "−4", "3,2 %", "3.2 per cent", "12%", "$1.9bn", "1,9 milliard", "€", "£",
    "US$", "¥", "2,19 euros le litre", "$78 a barrel", "km/h", "mph", "m", "k", "bn", "Mrd.", "Mio.",
    "1.200 millones", "million", "milliard", "billion", "trillion", "Milliarden", "deux", "vingt mille",
    "quatre ans et demi", "a dozen", "une douzaine", "ein Dutzend", "two", "twelve", "dos", "zwei",
    "milles carrés", "mille", "miles", "degrés", "°C", "-20C", "45-year-old", "45-jähriger", "50-minute",
    "120-degree", "de 45 ans", "años", "Jahre", "about", "près de", "environ", "pas moins de", "at least",
    "as many as", "up to", "jusqu'à", "entre", "et", "between", "and", "to", "à", "de", "zwischen", "und",
    "hasta", "más de", "bis zu", "mehr als", "rund", "etwa", "soldats", "troops", "soldados", "Soldaten",
    "migrants", "10 janvier", "January 10, 2014", "2024-2030", "9 a.m.", "14h30", "3rd", "deuxième",
    "E-8C", "F-35", "COVID-19", "G7", "Route 9", "article 5", "version 2.4.1", "+33 1 23 45 67 89",
    "١٢٣", "४२", "一百", "½", "²", "¹⁰", "Ⅻ", "\u200b", "\u00ad", "\ufeff", "\t", "\n", "\r\n", ". ", ", ",
    "(", ")", "-", "–", "—", "/", "'", "’", "\"", "\ud800", "\udfff", "\x00", "\x1b",
]
NEWSY_TEXT = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.integers(-10**12, 10**12).map(str),
              st.floats(allow_nan=False, allow_infinity=False, width=32).map(repr),
              st.sampled_from([" ", " ", " ", "\u00a0"])),
    max_size=40,
).map("".join)


def check_contract(text: str, mentions: list[Mention]) -> None:
    assert isinstance(mentions, list)
    previous = (-1, -1)
    for m in mentions:
        assert isinstance(m, Mention)
        assert 0 <= m.start < m.end <= len(text), (m.start, m.end, len(text))
        assert text[m.start:m.end] == m.surface
        assert (m.start, m.end) >= previous, "mentions must be sorted by offsets"
        previous = (m.start, m.end)
        assert m.qualifier in QUALIFIERS
        assert isinstance(m.unit, str)
        for number in (m.value, m.low, m.high, m.si_value, m.si_low, m.si_high):
            # JSON has no NaN or infinity: a value too large for a float is dropped, not emitted
            assert number is None or (isinstance(number, float | int) and math.isfinite(number)), m
        if m.low is not None and m.high is not None:
            assert m.low <= m.high, m
        if m.qualifier == "range":
            assert m.low is not None and m.high is not None, m
        else:
            assert m.value is not None, m
        if m.qualifier == "at_least":
            assert m.low is not None, m
        if m.qualifier == "at_most":
            assert m.high is not None, m
        assert 0 <= m.sentence_start <= m.start and m.end <= m.sentence_end <= len(text), m


@SETTINGS
@given(text=ANY_TEXT, lang=LANGS)
def test_never_raises_on_arbitrary_unicode(text, lang):
    check_contract(text, extract(text, lang=lang))


@SETTINGS
@given(text=NEWSY_TEXT, lang=LANGS)
def test_contract_holds_on_number_heavy_text(text, lang):
    check_contract(text, extract(text, lang=lang))


@SETTINGS
@given(text=NEWSY_TEXT, other=NEWSY_TEXT, lang=LANGS)
def test_output_is_deterministic_and_independent_of_history(text, other, lang):
    first = extract(text, lang=lang)
    extract(other, lang=lang)          # anything extracted in between must not leak into the next call
    extract(other + text, lang=None)
    again = extract(text, lang=lang)
    assert [m.to_json() for m in first] == [m.to_json() for m in again]
    assert [m.extra for m in first] == [m.extra for m in again]


@SETTINGS
@given(prefix=st.text(alphabet=" \n.", max_size=5),
       text=st.sampled_from([
           "Pas moins de 100 000 soldats russes sont massés à la frontière.",
           "As many as 100,000 Russian troops are massed at the border.",
           "Unos 100.000 soldados rusos están en la frontera.",
           "Rund 100.000 russische Soldaten stehen an der Grenze.",
       ]))
def test_offsets_shift_with_a_neutral_prefix(prefix, text):
    """Offsets are into the text given: a whitespace prefix shifts them, nothing else changes."""
    base = extract(text)
    lang = base[0].lang if base else None
    shifted = extract(prefix + text, lang=lang)
    assert [(m.start + len(prefix), m.end + len(prefix), m.surface, m.value, m.unit, m.qualifier)
            for m in base] == [(m.start, m.end, m.surface, m.value, m.unit, m.qualifier) for m in shifted]


# How each language groups thousands, and a plural noun to count.
GROUPING = {"en": (",", "people"), "fr": ("\u202f", "personnes"), "es": (".", "personas"),
            "de": (".", "Menschen")}


@SETTINGS
@given(number=st.integers(1, 999_999_999), lang=st.sampled_from(sorted(GROUPING)))
def test_formatted_integers_read_back(number, lang):
    """A number written in the language's grouping reads back as itself."""
    separator, noun = GROUPING[lang]
    text = f"{number:,} {noun}".replace(",", separator)
    mentions = extract(text, lang=lang)
    assert [m.value for m in mentions] == [float(number)], (lang, text, mentions)


# Real sentences, one list per language: gluing paragraphs together must not change what each yields.
PARAGRAPHS = {
    "fr": ["Près de 20 000 soldats sont massés à la frontière.", "Le plan coûtera 1,9 milliard d'euros.",
           "Le sommet s'est ouvert le 10 janvier.", "Entre 1 500 et 2 000 migrants attendent au port.",
           "Il a fait 41 °C à Séville.", "La réunion a commencé à 14h30.",
           "Un homme de 45 ans a été interpellé."],
    "en": ["Nearly 20,000 troops are massed at the border.", "The company raised $1.9bn from investors.",
           "The summit opened on January 10.", "Between 1,500 and 2,000 migrants are waiting at the port.",
           "Phoenix hit 118 degrees Fahrenheit on Sunday.", "The meeting began at 9 a.m.",
           "A 45-year-old man was arrested."],
    "es": ["Unos 20.000 soldados están en la frontera.", "El plan costará 1.200 millones de euros.",
           "La cumbre se inauguró el 10 de enero.", "Entre 1.500 y 2.000 migrantes esperan en el puerto.",
           "Se alcanzaron 41 °C en Sevilla.", "Un hombre de 45 años fue detenido."],
    "de": ["Rund 20.000 Soldaten stehen an der Grenze.", "Der Plan kostet 1,9 Mrd. Euro.",
           "Der Gipfel begann am 10. Januar.", "Zwischen 1.500 und 2.000 Migranten warten im Hafen.",
           "In Freiburg wurden 38 Grad Celsius gemessen.", "Ein 45-jähriger Mann wurde festgenommen."],
}


def _signature(mentions: list[Mention], shift: int = 0) -> list[tuple]:
    return [(m.start + shift, m.end + shift, m.value, m.low, m.high, m.unit, m.qualifier, m.counted,
             m.concept) for m in mentions]


@SETTINGS
@given(data=st.data(), lang=st.sampled_from(sorted(PARAGRAPHS)))
def test_paragraphs_are_extracted_independently(data, lang):
    """A paragraph yields the same mentions alone or inside a longer article, shifted by its offset."""
    chosen = data.draw(st.lists(st.sampled_from(PARAGRAPHS[lang]), min_size=1, max_size=5))
    article = "\n\n".join(chosen)
    expected, offset = [], 0
    for paragraph in chosen:
        expected += _signature(extract(paragraph, lang=lang), offset)
        offset += len(paragraph) + 2
    assert _signature(extract(article, lang=lang)) == expected
    assert {m.lang for m in extract(article, lang=lang)} <= {lang}


NFD_CASES = [
    pytest.param("fr", "Près de 20 000 soldats sont massés.", id="fr-qualifier"),
    pytest.param("fr", "Le tunnel mesure 3,2 kilomètres.", id="fr-unit"),
    pytest.param("es", "Más de 1.200 migrantes fueron rescatados.", id="es-qualifier"),
    pytest.param("de", "Nach dem 50-minütigen Gespräch gab es keine Einigung.", id="de-unit"),
    pytest.param("fr", "Un homme de 45 ans a été interpellé à Besançon.", id="fr-accents-elsewhere"),
]


@pytest.mark.parametrize(("lang", "text"), NFD_CASES)
def test_decomposed_accents_give_the_same_mentions(lang, text):
    """Text from some systems arrives in NFD (e + combining grave): the mentions must not change, and
    offsets still index the text as given."""
    nfd = unicodedata.normalize("NFD", text)
    composed, decomposed = extract(text, lang=lang), extract(nfd, lang=lang)
    check_contract(nfd, decomposed)
    assert [(m.value, m.low, m.high, m.unit, m.qualifier) for m in decomposed] == \
        [(m.value, m.low, m.high, m.unit, m.qualifier) for m in composed]
