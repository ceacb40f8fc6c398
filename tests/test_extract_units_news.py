"""Units and currencies as news text writes them, in French, English, Spanish and German.

Covers the general rules behind the news dev set's unit findings: rates of two measures ("6 tonnes par
hectare", "150 Liter pro Quadratmeter"), multi-word and compound energy units ("megavatio hora",
"Megawattstunde"), currency abbreviations ("45 M€", "4,5 Mio. €"), the scale "m" of English money style
("1.8m vehicles" but "1.8m tall"), pence ("52.95p a litre") and the article that introduces a rate's
denominator, missing units (mAh, zettajoules, ppm), and same-named currencies resolved by the country
named next to them ("pesos" in Argentina, "francs" in Switzerland). Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from quantcheck.extractors import extract
from quantcheck.extractors.langdata import available_languages, load, read_raw
from quantcheck.extractors.units import unit_info
from tests.extract_expect import Q, case, check_case, show

CASES = {
    "fr": [
        case("rate-tonnes-hectare", "Les rendements atteignent 6 tonnes par hectare dans la Beauce.",
             Q(6, "tonne/hectare")),
        case("rate-gram-litre", "Il avait un taux de 0,9 gramme par litre de sang.", Q(0.9, "gram/liter")),
        case("rate-substance", "Il est tombé 50 litres d'eau par mètre carré.", Q(50, "liter/meter**2")),
        case("rate-crop", "La récolte atteint 12 tonnes de blé par hectare.", Q(12, "tonne/hectare")),
        case("rate-slash-symbols", "Le gaz est tombé à 40 €/MWh et le carbone à 80 €/t.",
             Q(40, "EUR/megawatt_hour"), Q(80, "EUR/tonne")),
        case("flow-m3-per-s", "La Seine atteint un débit de 1 200 m3/s à Paris.", Q(1200, "meter**3/second")),
        case("mega-euro", "Une levée de fonds de 45 M€ a été annoncée.", Q(45e6, "EUR")),
        case("kilo-euro", "Le poste est payé 52 k€ brut.", Q(52e3, "EUR")),
        case("milliard-euro", "Le budget atteint 1,2 Md€.", Q(1.2e9, "EUR")),
        case("milliards-euro", "Le déficit se creuse de 3 Mds€.", Q(3e9, "EUR")),
        case("mega-dollar", "La jeune pousse a levé 45 M$ auprès de fonds.", Q(45e6, "USD")),
        case("kilo-dollar", "Le salaire moyen est de 80 k$.", Q(80e3, "USD")),
        case("swiss-francs", "Le Conseil fédéral débloque 1,3 milliard de francs pour l'armée.",
             Q(1.3e9, "CHF")),
        case("dollars-default", "Le prix du baril est de 80 dollars.", Q(80, "USD")),
        case("dollars-canada", "Le Canada investira 2 milliards de dollars dans le rail.", Q(2e9, "CAD")),
        case("dollars-qualified", "Ottawa versera 3 milliards de dollars américains.", Q(3e9, "USD")),
        case("battery-mah", "Le téléphone embarque une batterie de 5 000 mAh.", Q(5000, "milliampere_hour")),
        case("gigatonnes", "Les émissions ont atteint 37 gigatonnes de CO2.", Q(37, "gigatonne")),
        case("zettajoules", "Les océans ont absorbé 15 zettajoules en un an.", Q(15, "zettajoule")),
        case("energy-compound", "La France a produit 360 térawattheures d'électricité nucléaire.",
             Q(360, "terawatt_hour")),
        case("ppm-words", "La concentration de CO2 a atteint 420 parties par million.", Q(420, "ppm")),
        case("radiation", "Les ouvriers ont reçu une dose de 20 millisieverts.", Q(20, "millisievert")),
    ],
    "en": [
        case("m-million-noun", "It sold 1.8m vehicles last year.", Q(1.8e6, counted="vehicles")),
        case("m-million-unit", "Farmers planted wheat on 1.7m hectares.", Q(1.7e6, "hectare")),
        case("m-million-plural", "The final drew 2.5m viewers.", Q(2.5e6, counted="viewers")),
        case("m-metre-adjective", "The striker is 1.8m tall.", Q(1.8, "meter")),
        case("m-metre-before-comma", "He is 1.85m, taller than his brother.", Q(1.85, "meter")),
        case("m-metre-event", "She won the 100m sprint in Rome.", Q(100, "meter")),
        case("m-money", "The club paid £30m for him.", Q(30e6, "GBP")),
        case("zettajoules", "The oceans absorbed about 20 zettajoules of heat.", Q(20, "zettajoule",
                                                                                      qualifier="approx")),
        case("ppm-words", "Carbon dioxide reached 421 parts per million in May.", Q(421, "ppm")),
        case("battery-mah", "The phone has a 4,500mAh battery.", Q(4500, "milliampere_hour")),
        case("rate-per", "Yields reached 8 tonnes per hectare.", Q(8, "tonne/hectare")),
        case("rate-cubic-metre", "Pollution peaked at 187 micrograms per cubic metre.",
             Q(187, "microgram/meter**3")),
        case("rate-square-metre", "Flats sell for £12,000 per square metre.", Q(12000, "GBP/meter**2")),
        case("rate-substance-of", "Up to 40 litres of rain per square metre fell overnight.",
             Q(40, "liter/meter**2", qualifier="at_most")),
        case("percent-pc", "Inflation hit 3.2pc in March.", Q(3.2, "percent")),
        case("energy-hyphen", "The plant produces 2.5 gigawatt-hours a day.", Q(2.5, "gigawatt_hour")),
        case("price-per-litre", "Diesel costs £1.50 a litre.", Q(1.5, "GBP/liter")),
        case("article-quantity", "He drank a litre of water.", Q(1, "liter")),
        case("resolution-not-pence", "The video streams in 1080p on most TVs."),
        case("pounds-mass", "He weighs 200 pounds.", Q(200, "pound")),
        case("dollars-canada", "Canada's budget is 50 billion dollars.", Q(50e9, "CAD")),
        case("dollars-us-qualified", "Canada will buy jets for 19 billion US dollars.", Q(19e9, "USD")),
        case("francs-swiss", "The Swiss government will spend 2 billion francs.", Q(2e9, "CHF")),
        # ("a litre" is the amount the price is for, no quantity: [words] price_verbs)
        case("rupees-india", "In India a litre of milk costs 60 rupees.", Q(60, "INR")),
    ],
    "es": [
        case("rain-per-m2", "Cayeron más de 400 litros por metro cuadrado en Valencia.",
             Q(400, "liter/meter**2", qualifier="at_least")),
        case("rain-substance", "Se recogieron 100 litros de agua por metro cuadrado.",
             Q(100, "liter/meter**2")),
        case("air-quality", "El dióxido de nitrógeno llegó a 65 microgramos por metro cúbico.",
             Q(65, "microgram/meter**3")),
        case("price-mwh", "La luz cuesta 15 euros por megavatio hora.", Q(15, "EUR/megawatt_hour")),
        case("price-mwh-hyphen", "El precio bajó a 90 euros el megavatio-hora.", Q(90, "EUR/megawatt_hour")),
        case("pesos-argentina", "En Argentina, el dólar blue cotizaba a 1.150 pesos.", Q(1150, "ARS")),
        case("pesos-colombia", "En Colombia el salario mínimo es de 1,3 millones de pesos.",
             Q(1.3e6, "COP")),
        case("pesos-default", "La entrada cuesta 200 pesos.", Q(200, "MXN")),
        case("july-not-joule", "El 15 de julio llegaron 300 personas.", Q(300, counted="personas")),
        case("joules-plural", "El impacto liberó una energía de 20 julios.", Q(20, "joule")),
        case("ppm-words", "El CO2 llegó a 419 partes por millón.", Q(419, "ppm")),
        case("gigatonnes", "Se emitieron 37 gigatoneladas de CO2.", Q(37, "gigatonne")),
    ],
    "de": [
        case("acres-conversion", "Rund 6.500 Hektar sind betroffen, also etwa 16.000 Acres.",
             Q(6500, "hectare", qualifier="approx"), Q(16000, "acre", qualifier="approx")),
        case("rain-per-m2", "Es fielen bis zu 150 Liter pro Quadratmeter.",
             Q(150, "liter/meter**2", qualifier="at_most")),
        case("rate-substance-noun", "In der Nacht fielen 40 Liter Regen pro Quadratmeter.",
             Q(40, "liter/meter**2")),
        case("air-quality", "Gemessen wurden 58 Mikrogramm Stickstoffdioxid je Kubikmeter.",
             Q(58, "microgram/meter**3")),
        case("substance-not-rate", "Er trinkt 2 Liter Wasser pro Tag.", Q(2, "liter")),
        case("price-mwh", "Der Strom kostet 15 Euro pro Megawattstunde.", Q(15, "EUR/megawatt_hour")),
        case("mio-euro", "Das Projekt kostet 4,5 Mio. €.", Q(4.5e6, "EUR")),
        case("mrd-euro", "Der Bund gibt 2 Mrd. € für die Bahn aus.", Q(2e9, "EUR")),
        case("tausend-euro", "Der Umsatz stieg auf 500 TEUR, die Kosten auf 320 T€.",
             Q(5e5, "EUR"), Q(3.2e5, "EUR")),
        case("mio-chf", "Die Stadt zahlt 12 Mio. CHF.", Q(12e6, "CHF")),
        case("franken-schweiz", "Die Schweiz zahlt 3 Milliarden Franken.", Q(3e9, "CHF")),
        case("battery-mah", "Das Handy hat einen Akku mit 5000 mAh.", Q(5000, "milliampere_hour")),
        case("promille", "Der Fahrer hatte 1,8 Promille im Blut.", Q(1.8, "permille")),
        case("gigatonnen", "Weltweit wurden 37 Gigatonnen CO2 ausgestoßen.", Q(37, "gigatonne")),
        case("energy-compound", "Das Kraftwerk erzeugte 12 Terawattstunden.", Q(12, "terawatt_hour")),
    ],
}


@pytest.mark.parametrize(("text", "expected"), CASES["fr"])
def test_french_units(text, expected):
    check_case(text, "fr", expected)


@pytest.mark.parametrize(("text", "expected"), CASES["en"])
def test_english_units(text, expected):
    check_case(text, "en", expected)


@pytest.mark.parametrize(("text", "expected"), CASES["es"])
def test_spanish_units(text, expected):
    check_case(text, "es", expected)


@pytest.mark.parametrize(("text", "expected"), CASES["de"])
def test_german_units(text, expected):
    check_case(text, "de", expected)


# Units the test helper's small pint registry does not define (pence, ppb, most ISO codes): compared by
# meaning in the project's own registry (same dimension, currency included, and same value in base units),
# so "12 ppb" may be emitted as 12 ppb or as 0.012 ppm.
EXACT = [
    ("en", "Petrol was frozen at 52.95p a litre.", [(52.95, "penny/liter")]),
    ("en", "Diesel fell to 138p a litre, 2p down on the week.", [(138, "penny/liter"), (2, "penny")]),
    ("en", "Unleaded was 145.9 a litre on Monday.", [(145.9, "")]),  # "a litre" is the denominator
    ("en", "A first-class stamp now costs 95p.", [(95, "penny")]),
    ("en", "Arsenic levels reached 12 parts per billion.", [(12, "ppb")]),
    ("en", "The central bank cut rates by 25 basis points.", [(25, "basis_point")]),
    ("de", "Die EZB senkte den Leitzins um 25 Basispunkte.", [(25, "basis_point")]),
    ("en", "Egypt's central bank sold 500 million pounds of bonds.", [(500e6, "EGP")]),
    ("en", "In Pakistan a bag of flour costs 150 rupees.", [(150, "PKR")]),
    ("fr", "Au Sénégal, le litre d'essence coûte 800 francs.", [(800, "XOF")]),
    ("fr", "Le blé a donné 70 quintaux par hectare.", [(70, "quintal/hectare")]),
    ("de", "Der Preis liegt bei 30 Cent pro Kilowattstunde.", [(30, "centime/kilowatt_hour")]),
    ("es", "En Chile el pan cuesta 1.500 pesos.", [(1500, "CLP")]),
    ("de", "In Dänemark kostet ein Kaffee 50 Kronen.", [(50, "DKK")]),
    ("de", "In Schweden kostet ein Kaffee 50 Kronen.", [(50, "SEK")]),
    ("de", "Die Dosis lag bei 20 µSv.", [(20, "microsievert")]),
    ("de", "In Prag kostet ein Bier 60 Kronen.", [(60, "CZK")]),
    # the country of the text decides when the sentence names none (pesos, francs, crowns, rupees)...
    ("fr", "Le Sénégal a adopté son budget. Il prévoit 500 milliards de francs de dépenses.",
     [(500e9, "XOF")]),
    ("es", "Crisis en Argentina. El kilo de pan ya cuesta 2.000 pesos.", [(2000, "ARS")]),
    # ... unless it names two countries of the family, and never for dollars (world news default: USD)
    ("fr", "Le Sénégal et le Cameroun ont signé. Le coût est de 500 millions de francs.", [(500e6, "CHF")]),
    ("fr", "Le Canada a voté hier. Le projet coûte 3 milliards de dollars.", [(3e9, "USD")]),
    # codes and signs are what they say, whatever country is named
    ("en", "Canada paid 40 USD per ton.", [(40, "USD/ton")]),
]


def _meaning(value: float, unit: str) -> tuple[float, str]:
    info = unit_info(unit)
    return round(info.to_si(float(value)), 9), info.dimension


@pytest.mark.parametrize(("lang", "text", "expected"), EXACT, ids=[t[:40] for _, t, _ in EXACT])
def test_exact_units(lang, text, expected):
    got = extract(text, lang=lang)
    report = f"\n{text!r} ({lang}) gave:\n{show(got)}"
    assert [_meaning(m.value, m.unit) for m in got] == [_meaning(v, u) for v, u in expected], report
    for m in got:
        assert text[m.start:m.end] == m.surface


@pytest.mark.parametrize("code", available_languages())
def test_country_words_name_known_currencies_of_a_family(code):
    """Every country word points at a currency pint knows and that belongs to a family (else it is dead
    data), and no word is listed for two currencies."""
    data = load(code).countries  # compiled with the rest of the language (extractors/currency_country.py)
    raw = read_raw(code).get("currency_countries", {})
    seen: dict[str, str] = {}
    for cur, words in raw.items():
        unit_info(cur)  # raises for a code missing from extractors/units.txt
        assert cur in data.family_of, f"{code}: {cur} is in no [currency_families] family"
        for w in words:
            assert w == w.lower(), f"{code}: country words are matched lower-cased: {w!r}"
            assert seen.setdefault(w, cur) == cur, f"{code}: {w!r} listed for {seen[w]} and {cur}"


def test_families_default_codes_are_known():
    for fam in read_raw("en")["currency_families"]["families"]:
        for cur in fam["codes"]:
            unit_info(cur)
