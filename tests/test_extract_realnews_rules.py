"""The rules for real, messy news (issues 10 and 11): named cases per rule and language, both ways.

Each rule is general and its language knowledge is data (extractors/lang/*.toml, documented in
docs/languages.md); these cases are sentences written for the tests, in the styles the rules were
made for: wire copy, market reports, casualty reports, sport, car and tech reviews, and scraped text that lost
its punctuation. Each case lists every mention a fact-checker expects in the sentence, so a false positive
fails too (tests/extract_expect.py).

Rules and where they apply:
- vague counts are ranges ("dozens" 24..99, "tens" 20..99, "hundreds" 200..999, "thousands" 2,000..9,999,
  "tens of thousands" 20,000..99,999, "millions" 2e6..999e6, "scores" 40..99; "several"/"a few"/"many" +
  a step): en, fr, es, de;
- the number word for one counts before a counted noun ("one person", "one count of fraud") or after a
  qualifier or count verb in English; before a casualty noun in French, Spanish and German ("un mort", "un
  muerto", "ein Toter"); never as an article or a pronoun;
- a unit word that is part of a noun is no unit ("barrel bombs", "barils d'explosifs", "barriles bomba");
- a day glued to its year is a date ("Jul 172015");
- "X to Y" after a change verb is a change and a new level unless the ends are of one size;
- a capitalised name and the number in it are a name ("the Nasdaq 100", "182 Boeing 737 jets");
- ages in scraped English without commas ("Jane Smith 52 said", "Man 61 dies");
- compound and glued units, currencies named with a country word, fractions of a group, batting averages,
  magnitudes (no mention), and the scraped-text mistakes found by the fakes audit (tests/specs/audit_fakes).
"""

from __future__ import annotations

import pytest
from extract_expect import Q, case, check_case

EN = [
    # vague counts
    case("vague-dozens-en", "Dozens of civilians were killed in the raid.",
         Q(qualifier="range", low=24, high=99, counted="civilians")),
    case("vague-hundreds-of-thousands-en", "Hundreds of thousands fled the city.",
         Q(qualifier="range", low=200_000, high=999_999)),
    case("vague-tens-of-thousands-en", "Tens of thousands of people marched.",
         Q(qualifier="range", low=20_000, high=99_999, counted="people")),
    case("vague-several-hundred-en", "Rebels fired several hundred rockets.",
         Q(qualifier="range", low=300, high=900, counted="rockets")),
    case("vague-a-few-dozen-en", "A few dozen protesters gathered.",
         Q(qualifier="range", low=24, high=60, counted="protesters")),
    case("vague-many-hundreds-en", "The army was accused of gassing many hundreds.",
         Q(qualifier="range", low=300, high=999)),
    case("vague-scores-en", "Scores of people were wounded.",
         Q(qualifier="range", low=40, high=99, counted="people")),
    case("vague-millions-of-dollars-en", "The scheme cost millions of dollars.",
         Q(qualifier="range", low=2e6, high=999e6, unit="USD")),
    case("vague-after-a-year-en", "Sunday 5 Jun 2016 Dozens of strikes hit Aleppo.",
         Q(qualifier="range", low=24, high=99, counted="strikes")),
    case("vague-not-test-scores-en", "Test scores rose across the district."),
    case("vague-not-a-duration-en", "The door will last several hundred years."),
    # counts of one
    case("one-person-en", "One person was killed and two were injured.", Q(1, counted="person"), Q(2)),
    case("one-count-of-fraud-en", "He pleaded guilty to one count of fraud.", Q(1, counted="count")),
    case("one-at-least-en", "At least one person died.", Q(1, qualifier="at_least", counted="person")),
    case("one-after-count-verb-en", "A suicide bomber kills one in Syria.", Q(1)),
    case("one-civilian-concept-en", "One civilian was among those killed.", Q(1, counted="civilian",
                                                                              concept="people")),
    case("one-not-pronoun-en", "It was one of the best days, and at one point no one spoke to one another."),
    case("one-not-proportion-en", "About one in five adults smokes.", Q(5)),
    # barrel bombs
    case("barrel-bombs-en", "Helicopters dropped 34 barrel bombs and a barrel bomb hit a school.",
         Q(34, counted="bombs", concept="weapons")),
    case("barrel-price-en", "Brent traded at $78 a barrel.", Q(78, ("USD/oil_barrel", "USD/barrel"))),
    case("foot-soldiers-en", "The general sent 500 foot soldiers.", Q(500, counted="soldiers")),
    # glued dates
    case("glued-date-en", "Jul 172015 Barrel bombs hit Aleppo."),
    case("glued-date-zero-en", "Last updated at Mar 032016 by the desk."),
    case("glued-date-not-without-month-en", "The count reached 172015 votes.", Q(172015, counted="votes")),
    # changes and ranges
    case("change-new-level-en", "The index slipped 0.7 per cent to 7412.", Q(0.7, "percent"), Q(7412)),
    case("change-by-range-en", "Temperatures rose by 2 to 2.5 degrees Celsius.",
         Q(qualifier="range", low=2, high=2.5, unit="degC")),
    case("change-from-to-en", "Charges will rise from £2.50 to £3.20.", Q(2.5, "GBP"), Q(3.2, "GBP")),
    case("change-grew-by-en", "The population grew by 1.2 million to 68.3m.", Q(1.2e6), Q(68.3e6)),
    case("range-unit-at-end-en", "The road runs between 40 and 60 km.",
         Q(qualifier="range", low=40, high=60, unit="km")),
    case("range-reduced-upwards-en", "Treatment was reduced from 44 mg to 50 mg.",
         Q(qualifier="range", low=44, high=50, unit="mg")),
    # names with numbers
    case("name-nasdaq-en", "The Nasdaq 100 fell 2% and the S&P 500 lost 1.8%.",
         Q(2, "percent"), Q(1.8, "percent")),
    case("name-indices-en", "The FTSE 250 index and the CAC 40 rose.",),
    case("name-apollo-en", "Crowds watched the Apollo 11 mission and the Formula 1 season.",),
    case("name-after-count-en", "The airline flies 182 Boeing 737 jets.", Q(182)),
    case("name-not-a-place-count-en", "In Aleppo 15 civilians died.", Q(15, counted="civilians")),
    case("name-not-a-headline-verb-en", "Syrian Army Kills 15 Terrorists in Qalamoun", Q(15)),
    case("name-count-verb-headline-en", "US Raids on Stronghold Kill 22 including Civilians", Q(22)),
    # ages without commas
    case("age-apposition-bare-en", "Jane Smith 52 said she was afraid.", Q(52, "year", concept="age")),
    case("age-copula-en", "The boy, who was 9 at the time, survived.", Q(9, "year", concept="age")),
    case("age-headline-noun-en", "Man 61 dies after crash", Q(61, "year", concept="age")),
    case("age-coordinated-en", "Two men, aged 41 and 38, were arrested.", Q(2, counted="men"), Q(41, "year"),
         Q(38, "year")),
    case("age-not-a-toll-en", "The toll was 9 at the time.", Q(9)),
    case("age-not-times-en", "The man 5 times refused.", Q(5)),
    # compound and glued units
    case("unit-pound-feet-en", "The V8 makes 310 pound-feet of torque.", Q(310, "foot_pound")),
    case("unit-rpm-bhp-en", "It peaks at 6500 rpm in a 500bhp car.", Q(6500, "rpm"), Q(500, "horsepower")),
    case("unit-passing-yards-en", "He threw for 212 passing yards.", Q(212, "yard")),
    case("unit-times-a-minute-en", "Her heart beats 90 times a minute.", Q(90, "1/minute")),
    case("unit-mmbtu-en", "Gas traded at $3.10 per mmBTU.", Q(3.10, "USD/megaBtu")),
    case("unit-litre-en", "It has a 3.0 litre diesel.", Q(3.0, "liter")),
    case("unit-lb-ft-glued-en", "It makes 442lb ft of torque.", Q(442, "foot_pound")),
    case("unit-mpg-en", "It returns 22 mpg combined.", Q(22, "mile/gallon")),
    case("unit-mm-hg-en", "Blood pressure fell by 6 mm Hg.", Q(6, "millimeter_Hg")),
    case("unit-wage-an-hour-en", "The wage rises to £12.21 an hour.", Q(12.21, "GBP/hour")),
    case("unit-budget-a-year-en", "The plan costs $5bn a year.", Q(5e9, "USD")),
    # currencies with a country word
    case("currency-norwegian-crowns-en", "The fund paid 4.2 million Norwegian crowns.", Q(4.2e6, "NOK")),
    case("currency-canadian-dollars-en", "It raised 2.5 million Canadian dollars.", Q(2.5e6, "CAD")),
    case("currency-syrian-pounds-en", "Bread costs 500 Syrian pounds.", Q(500, "SYP")),
    case("currency-not-a-mass-en", "The sack weighs 300 pounds.", Q(300, "pound")),
    case("currency-won-verb-en", "Mayor Linda Park 58 won re-election.", Q(58, "year")),
    case("currency-won-korea-en", "In Seoul the fare is 1,400 won.", Q(1400, "KRW")),
    # fractions of a group
    case("fraction-of-group-en", "A quarter of those surveyed said no.", Q(25, "percent")),
    case("fraction-of-million-en", "More than a quarter of a million people were killed.",
         Q(250_000, qualifier="at_least", counted="people")),
    case("fraction-ordinal-en", "One fell in Aleppo, a second in Damascus and a third in Busra."),
    case("fraction-qualified-en", "They now control roughly a third.", Q(1 / 3, qualifier="approx")),
    # batting averages, mixed fractions, magnitudes
    case("batting-average-en", "He hit .312 with a .600 winning percentage.", Q(0.312), Q(0.6)),
    case("mixed-fraction-en", "The 2-1/2 year conflict goes on.", Q(2.5, "year")),
    case("magnitude-en", "A magnitude 6.4 earthquake and a 7.4-magnitude quake hit."),
    # scraped-text mistakes of the fakes audit
    case("list-marker-heading-en", "Deadlines passed. 2. Red lines: states condemned it."),
    case("list-marker-before-number-en", "The sites closed. 6. 15 poison gas attacks: the count.", Q(15)),
    case("furniture-slideshow-en", "MILITARY BASES Slideshow (21 Images) Islamic State took the base."),
    case("furniture-share-counters-en", "Get short URL 0 0 0 Syrian regime forces fired."),
    case("clock-without-separator-en", "It struck at around 715 pm (1615 GMT) at rush hour."),
    case("clock-after-dateline-en", "Sat 24 Aug 2013 at 2354 Regional NNA reported a blast."),
    case("clock-hours-en", "The ceasefire began at 1400 hours."),
    case("clock-glued-headline-en", "Last modified on Tue 12 Mar 2024 18.05 GMTGold climbed 1.1%.",
         Q(1.1, "percent")),
    case("qualifier-after-noun-en", "Car Bomb Kills 70 People at Least.", Q(70, qualifier="at_least")),
    case("qualifier-before-age-en", "One victim was under the age of 18.", Q(1, counted="victim"),
         Q(18, "year", qualifier="at_most")),
    case("year-or-count-qualified-en", "Reports said as many as 1300 died, some 1400 by one account.",
         Q(1300, qualifier="at_most"), Q(1400, qualifier="approx")),
    case("year-or-count-range-en", "Between 500 and 1300 people died.",
         Q(qualifier="range", low=500, high=1300, counted="people")),
    case("year-stays-year-en", "The church was built around 1900 and sold in 2012."),
    case("month-capitalised-en", "Estimates suggest 470000 may have died.", Q(470000)),
    case("month-sentence-end-en", "Attacks resumed in mid-January. Twenty people died.",
         Q(20, counted="people")),
    case("glued-counted-noun-en", "The war has killed more than 100000people.",
         Q(100000, qualifier="at_least", counted="people")),
    case("map-points-en", "Troops took points 856 and 866."),
    case("hyphen-count-en", "A nine-storey block and a 1,104-page novel.", Q(9, counted="storey"),
         Q(1104, counted="page")),
    case("hyphen-noun-in-er-en", "He hit seven 3-pointers.", Q(7)),
    case("hyphen-name-en", "It has a straight-six engine."),
    case("emergency-number-en", "He made the first 911 call."),
    case("plus-or-minus-en", "The margin is plus or minus 2.5 percentage points.", Q(2.5, "percent")),
    case("compared-nearest-en", "About 150,000 patients waited, up from 133,000 in May.",
         Q(150_000, qualifier="approx", counted="patients"), Q(133_000, counted="patients")),
    case("compared-another-en", "The buds last eight hours and the case adds another 24.", Q(8, "hour"),
         Q(24, "hour")),
    case("compared-not-far-en", "The tour grossed $2 billion from 149 shows.",
         Q(2e9, "USD"), Q(149, counted="shows")),
    case("qualifier-verb-particle-en", "The militants took over two oil fields.", Q(2, counted="fields")),
    case("qualifier-over-stays-en", "Over 20 fighters were killed.",
         Q(20, qualifier="at_least", counted="fighters")),
    case("furniture-closing-code-en", "The agency said so. Press TV reported. 212-11"),
    case("furniture-after-ellipsis-en", "The State rises. ... 25 Topic Violence Erupts"),
    case("furniture-not-a-quote-en", "the bus... 21 others died.", Q(21, counted="others")),
    case("furniture-short-number-run-en", "Updated throughout ... 0 0 Tags chemical weapons"),
    case("year-after-month-day-en", "July 30 2014 Bombs in Aleppo kill 13 fighters",
         Q(13, counted="fighters")),
    case("year-then-count-en", "In 2014 100 people died.", Q(100, counted="people")),
    case("carried-not-to-plural-en", "A £1.3bn boost will fund 2.5 million extra appointments.",
         Q(1.3e9, "GBP"),
         Q(2.5e6, counted="appointments")),
]

FR = [
    case("vague-dizaines-fr", "Des dizaines de manifestants ont été blessés.",
         Q(qualifier="range", low=20, high=99, counted="manifestants")),
    case("vague-centaines-de-milliers-fr", "Des centaines de milliers de personnes ont fui.",
         Q(qualifier="range", low=200_000, high=999_999, counted="personnes")),
    case("vague-plusieurs-centaines-fr", "Plusieurs centaines de soldats sont arrivés.",
         Q(qualifier="range", low=300, high=900, counted="soldats")),
    case("vague-quelques-milliers-fr", "Quelques milliers de fidèles.",
         Q(qualifier="range", low=2000, high=5000)),
    case("vague-not-a-number-fr", "Deux centaines de soldats.",
         Q(200, qualifier="approx", counted="soldats")),
    case("vague-not-collective-fr", "Une dizaine de morts.", Q(10, qualifier="approx", counted="morts")),
    case("one-casualty-fr", "Un mort et deux blessés.", Q(1, counted="mort", concept="deaths"),
         Q(2, counted="blessés")),
    case("one-not-article-fr", "L'un des meilleurs, un autre, et un homme a été arrêté."),
    case("barrel-bombs-fr", "Les hélicoptères ont largué 34 barils d'explosifs.", Q(34, counted="barils")),
    case("barrel-price-fr", "Le brut cote 80 dollars le baril.", Q(80, ("USD/oil_barrel", "USD/barrel"))),
    case("glued-date-fr", "Mis à jour juillet 172015 des frappes."),
    case("change-new-level-fr", "Le CAC 40 a reculé de 0,7 % à 7 412 points.", Q(0.7, "percent"), Q(7412)),
    case("change-by-range-fr", "Les prix ont augmenté de 2 à 3 %.", Q(qualifier="range", low=2, high=3,
                                                                       unit="percent")),
    case("range-unit-at-end-fr", "La route fait entre 40 et 60 km.", Q(qualifier="range", low=40, high=60,
                                                                          unit="km")),
    case("currency-country-fr", "Le fonds a versé 4,2 millions de couronnes norvégiennes.", Q(4.2e6, "NOK")),
    case("fraction-of-group-fr", "Un quart de la population a voté.", Q(25, "percent")),
    case("magnitude-fr", "Un séisme de magnitude 7,8 a frappé."),
    case("unit-rpm-fr", "Le moteur tourne à 6500 tr/min.", Q(6500, "rpm")),
    case("year-or-count-qualified-fr", "Plus de 1500 ont fui, jusqu'en 2030.", Q(1500, qualifier="at_least")),
]

ES = [
    case("vague-decenas-es", "Decenas de personas murieron.", Q(qualifier="range", low=20, high=99,
                                                                 counted="personas")),
    case("vague-cientos-de-miles-es", "Cientos de miles huyeron.",
         Q(qualifier="range", low=200_000, high=999_999)),
    case("vague-varios-cientos-es", "Llegaron varios cientos de soldados.",
         Q(qualifier="range", low=300, high=900, counted="soldados")),
    case("vague-miles-de-millones-es", "Costó miles de millones de euros.",
         Q(qualifier="range", low=2e9, high=9_999_999_999, unit="EUR")),
    case("vague-not-a-scale-es", "El plan costó 1.200 millones de euros.", Q(1.2e9, "EUR")),
    case("one-casualty-es", "Un muerto y dos heridos.", Q(1, counted="muerto", concept="deaths"),
         Q(2, counted="heridos")),
    case("one-half-hundred-es", "Medio centenar de personas.", Q(50, qualifier="approx", counted="personas")),
    case("one-not-article-es", "Uno de los mejores; un hombre fue detenido."),
    case("barrel-bombs-es", "Cayeron 34 barriles bomba.", Q(34, counted="barriles")),
    case("barrel-price-es", "El crudo cotiza a 80 dólares por barril.",
         Q(80, ("USD/oil_barrel", "USD/barrel"))),
    case("glued-date-es", "Actualizado julio 172015 los ataques."),
    case("change-from-to-es", "El paro pasó de 3 a 12 millones.", Q(3e6), Q(12e6)),
    case("name-index-es", "El Ibex 35 cayó un 1 %.", Q(1, "percent")),
    case("currency-country-es", "Pagó 4,2 millones de coronas noruegas.", Q(4.2e6, "NOK")),
    case("fraction-of-group-es", "Un cuarto de la población votó.", Q(25, "percent")),
    case("magnitude-es", "Un terremoto de magnitud 7,8 sacudió la costa."),
    case("unit-rpm-es", "El motor gira a 6500 rpm.", Q(6500, "rpm")),
    case("year-or-count-qualified-es", "Más de 1500 huyeron hasta 2030.", Q(1500, qualifier="at_least")),
]

DE = [
    case("vague-dutzende-de", "Dutzende Menschen wurden verletzt.", Q(qualifier="range", low=24, high=99,
                                                                      counted="Menschen")),
    case("vague-hunderte-de", "Hunderte flohen.", Q(qualifier="range", low=200, high=999)),
    case("vague-zehntausende-de", "Zehntausende demonstrierten.",
         Q(qualifier="range", low=20_000, high=99_999)),
    case("vague-mehrere-hundert-de", "Mehrere hundert Soldaten kamen.",
         Q(qualifier="range", low=300, high=900, counted="Soldaten")),
    case("vague-not-a-number-de", "Zweihundert Menschen kamen.", Q(200, counted="Menschen")),
    case("one-casualty-de", "Ein Toter und zwei Verletzte.", Q(1, counted="Toter", concept="deaths"),
         Q(2, counted="Verletzte")),
    case("one-not-article-de", "Einer der besten; ein Mann wurde festgenommen."),
    case("barrel-bombs-de", "Sie warfen 34 Fassbomben ab.", Q(34, counted="Fassbomben")),
    case("glued-date-de", "Aktualisiert Juli 172015 die Angriffe."),
    case("change-new-level-de", "Der DAX 40 fiel um 0,7 Prozent auf 7412 Punkte.", Q(0.7, "percent"),
         Q(7412, counted="Punkte")),
    case("range-unit-at-end-de", "Die Strecke ist zwischen 40 und 60 km lang.",
         Q(qualifier="range", low=40, high=60, unit="km")),
    case("currency-country-de", "Er zahlte 4,2 Millionen norwegische Kronen.", Q(4.2e6, "NOK")),
    case("magnitude-de", "Ein Erdbeben der Stärke 7,8 erschütterte die Küste."),
    case("unit-rpm-de", "Der Motor dreht mit 6500 U/min.", Q(6500, "rpm")),
    case("year-comparative-de", "Es waren 10 Prozent weniger als 2019.", Q(10, "percent")),
    case("year-or-count-qualified-de", "Mehr als 1500 flohen bis 2035.", Q(1500, qualifier="at_least")),
]


@pytest.mark.parametrize(("text", "expected"), EN)
def test_real_news_rules_english(text, expected):
    check_case(text, "en", expected)


@pytest.mark.parametrize(("text", "expected"), FR)
def test_real_news_rules_french(text, expected):
    check_case(text, "fr", expected)


@pytest.mark.parametrize(("text", "expected"), ES)
def test_real_news_rules_spanish(text, expected):
    check_case(text, "es", expected)


@pytest.mark.parametrize(("text", "expected"), DE)
def test_real_news_rules_german(text, expected):
    check_case(text, "de", expected)


def test_vague_count_after_a_qualifier_keeps_one_bound():
    """"at least dozens": no value, the low bound of the vague range; "up to hundreds": its high bound."""
    from quantcheck.extractors import extract

    (m,) = extract("At least dozens were hurt.", lang="en")
    assert (m.value, m.low, m.high, m.qualifier) == (None, 24.0, None, "at_least")
    (m,) = extract("Up to hundreds were hurt.", lang="en")
    assert (m.value, m.low, m.high, m.qualifier) == (None, None, 999.0, "at_most")
    (m,) = extract("Some dozens were hurt.", lang="en")
    assert (m.value, m.low, m.high, m.qualifier) == (None, 24.0, 99.0, "range")


def test_vague_bounds_are_language_data():
    """The bounds come from the [vague] tables: the same construction reads the same in every language."""
    from quantcheck.extractors.langdata import load

    assert load("en").vague["dozens"][:2] == (24.0, 99.0)
    assert load("fr").vague["centaines"][:2] == load("es").vague["cientos"][:2] == \
        load("de").vague["hunderte"][:2]
    assert load("en").vague_modifiers["several"] == load("fr").vague_modifiers["plusieurs"] == (3.0, 9.0)
