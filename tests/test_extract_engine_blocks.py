"""Building blocks of the extraction engine, with sentences written for these tests."""

from __future__ import annotations

import pytest

from quantcheck.extractors import extract
from quantcheck.extractors.langdata import load
from quantcheck.extractors.numbers import parse_digits, parse_words


def one(text: str, lang: str):
    ms = extract(text, lang)
    assert len(ms) == 1, [m.surface for m in ms]
    return ms[0]


@pytest.mark.parametrize(
    ("lang", "raw", "value"),
    [
        ("fr", "100 000", 100000), ("fr", "100\u00a0000", 100000), ("fr", "100\u202f000", 100000),
        ("fr", "1,5", 1.5), ("fr", "12,345", 12.345), ("fr", "94.000", 94000),
        ("fr", "1.458.000,00", 1458000),
        ("en", "1,500", 1500), ("en", "1.5", 1.5), ("en", "1,234,567.5", 1234567.5), ("en", "0,5", 0.5),
        ("de", "1.200", 1200), ("de", "3,25", 3.25), ("es", "2.500,75", 2500.75), ("en", "1'000", 1000),
        ("en", "4e3", 4000), ("en", "2 1/2", 2.5), ("en", "1/4", 0.25),
    ],
)
def test_digits_follow_the_language(lang, raw, value):
    num = parse_digits(raw, 0, load(lang))
    assert num is not None and num.value == pytest.approx(value)


@pytest.mark.parametrize("raw", ["1,2,3", "1/0", "9" * 60])
def test_impossible_digit_runs_are_not_numbers(raw):
    assert parse_digits(raw, 0, load("en")) is None


@pytest.mark.parametrize(
    ("lang", "words", "value"),
    [
        ("en", "forty-two", 42), ("en", "three hundred and six", 306),
        ("en", "two thousand five hundred", 2500),
        ("fr", "soixante-douze", 72), ("fr", "quatre-vingt-dix-neuf", 99), ("fr", "deux cent mille", 200000),
        ("fr", "vingt et un", 21), ("de", "dreihundertzwölf", 312), ("de", "siebenundvierzig", 47),
        ("es", "veinticinco", 25), ("es", "doscientos", 200),
    ],
)
def test_number_words(lang, words, value):
    num = parse_words(words, 0, load(lang))
    assert num is not None and num.value == value and num.end == len(words)


@pytest.mark.parametrize(
    ("lang", "text", "value", "unit"),
    [
        ("en", "The fund lost $3.4bn last year.", 3.4e9, "USD"),
        ("en", "Ticket sales reached €12m in May.", 12e6, "EUR"),
        ("en", "The budget is 2.5 billion pounds.", 2.5e9, "GBP"),
        ("fr", "Le déficit atteint 3,1 milliards d'euros.", 3.1e9, "EUR"),
        ("fr", "La dette dépasse 2 billions de dollars.", 2e12, "USD"),
        ("es", "El plan cuesta 1.200 millones de euros.", 1.2e9, "EUR"),
        ("de", "Das Paket kostet 4,5 Mrd. Euro.", 4.5e9, "EUR"),
        ("en", "It weighs 0.5k tonnes.", 500, "tonne"),
    ],
)
def test_scales_and_currencies(lang, text, value, unit):
    m = one(text, lang)
    assert m.value == pytest.approx(value) and m.unit == unit
    assert m.concept in ("money", "mass")


@pytest.mark.parametrize(
    ("lang", "text", "unit", "dimension"),
    [
        ("en", "The lake covers 40 sq km of marsh.", "kilometer**2", "[length] ** 2"),
        ("fr", "Une forêt de 300 hectares a brûlé.", "hectare", "[length] ** 2"),
        ("en", "The train runs at 320 km/h on that line.", "kilometer/hour", "[length] / [time]"),
        ("fr", "Le gazole coûte 1,89 euro le litre.", "EUR/liter", "currency_EUR / [length] ** 3"),
        ("en", "Brent traded at $91 a barrel on Friday.", "USD/oil_barrel", "currency_USD / [length] ** 3"),
        ("en", "They drove a 12-mile detour.", "mile", "[length]"),
        ("de", "Ein 45-jähriger Fahrer wurde verletzt.", "year", "[time]"),
        ("en", "Unemployment fell to 4.1 per cent.", "percent", "dimensionless"),
        ("fr", "Le chômage baisse à 7,3 %.", "percent", "dimensionless"),
        ("en", "The laptop ships with 16 GB of memory.", "gigabyte", "[information]"),
    ],
)
def test_units(lang, text, unit, dimension):
    m = one(text, lang)
    assert m.unit == unit and m.dimension == dimension
    assert m.si_value is not None


def test_temperature_si_uses_the_offset():
    m = one("Il a fait moins 12 degrés cette nuit, selon la météo.", "fr")
    assert m.value == -12 and m.unit == "degC" and m.si_value == pytest.approx(261.15)


def test_degrees_are_an_angle_without_weather_words():
    m = one("The turret can rotate 270 degrees.", "en")
    assert m.unit == "degree" and m.dimension == "[angle]"


@pytest.mark.parametrize(
    ("lang", "text", "qualifier", "low", "high"),
    [
        ("en", "Officials counted at least 340 ballots.", "at_least", 340, None),
        ("en", "The storm left nearly 60 homes damaged.", "approx", None, None),
        ("en", "Fares could rise by up to 12 percent.", "at_most", None, 12),
        ("fr", "Plus de 2 000 manifestants ont défilé.", "at_least", 2000, None),
        ("fr", "Moins de 15 % des électeurs ont voté.", "at_most", None, 15),
        ("de", "Mindestens 80 Menschen wurden gerettet.", "at_least", 80, None),
        ("es", "Unos 300 vecinos protestaron.", "approx", None, None),
    ],
)
def test_qualifiers(lang, text, qualifier, low, high):
    m = one(text, lang)
    assert m.qualifier == qualifier and m.low == low and m.high == high


@pytest.mark.parametrize(
    ("lang", "text", "low", "high", "unit"),
    [
        ("fr", "Entre 1 500 et 2 000 migrants ont traversé.", 1500, 2000, ""),
        ("en", "Expect between 3 and 5 inches of snow.", 3, 5, "inch"),
        ("en", "The repairs take 10-15 days.", 10, 15, "day"),
        ("de", "Zwischen 20 und 30 Prozent fehlen.", 20, 30, "percent"),
        ("fr", "Le trajet dure de 2 à 3 heures.", 2, 3, "hour"),
    ],
)
def test_ranges(lang, text, low, high, unit):
    m = one(text, lang)
    assert m.qualifier == "range" and m.value is None
    assert (m.low, m.high, m.unit) == (low, high, unit)


@pytest.mark.parametrize(
    ("lang", "text", "counted", "concept"),
    [
        ("fr", "La police a interpellé 48 manifestants samedi.", "manifestants", "protesters"),
        ("en", "The ministry sent 3,000 extra troops north.", "troops", "troops"),
        ("es", "Llegaron 1.200 migrantes en una semana.", "migrantes", "migrants"),
        ("de", "Rund 400 neue Soldaten kamen an.", "Soldaten", "troops"),
    ],
)
def test_counted_nouns_map_to_shared_concepts(lang, text, counted, concept):
    m = one(text, lang)
    assert m.counted == counted and m.concept == concept and m.unit == ""


def test_unit_carried_over_in_the_sentence():
    ms = extract("Exports reached 1.5 billion cubic metres, down from 2.1 billion a year earlier.", "en")
    assert [m.unit for m in ms] == ["meter**3", "meter**3"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La réunion est prévue le 10 janvier à Genève."),
        ("en", "The talks began on January 10, 2014 in Geneva."),
        ("en", "Flights resume at 9 a.m. and again at 2pm."),
        ("fr", "Rendez-vous à 14h30 devant la mairie."),
        ("en", "The F-35 and the MiG-29 flew past; COVID-19 rules applied."),
        ("en", "Take Route 9 past the G7 venue, see article 5 and version 2.4.1."),
        ("fr", "C'est la deuxième fois, le premier vol était lundi."),
        ("fr", "L'un des deux, un autre jour."),
        ("en", "He bought a mix of seeds and a second bag later."),
        ("en", "Call +44 20 7946 0958 or 555-123-4567 today."),
        ("en", "The plan covers 2024-2030 and was drafted in 1993."),
        ("en", "She was third in the 3rd race of the 1990s."),
    ],
)
def test_non_mentions(lang, text):
    assert [m.surface for m in extract(text, lang) if m.surface.strip()] in ([], ["deux"])


def test_articles_count_only_before_a_unit():
    assert [m.surface for m in extract("I walked a mile, then had a mix.", "en")] == ["a mile"]
    assert [m.value for m in extract("Il a gagné une douzaine de médailles.", "fr")] == [12]


def test_offsets_and_sentences():
    text = "Premier point. Ensuite 35 km de bouchons.\nFin."
    m = one(text, "fr")
    assert text[m.start:m.end] == m.surface == "35 km"
    assert text[m.sentence_start:m.sentence_end] == "Ensuite 35 km de bouchons."
