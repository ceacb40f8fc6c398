"""French extraction, per ../shared/spec/quantities.md, on news-style sentences written for these tests.

Each case lists every mention a fact-checker expects in the sentence, so a false positive fails too.
"""

from __future__ import annotations

import pytest
from extract_expect import Q, case, check_case, concept_of, with_known_gaps

from extractors import extract

LANG = "fr"

NUMBERS = [
    case("space-thousands", "Le ministère a recensé 12 500 réfugiés.", Q(12500, counted="réfugiés")),
    case("nbsp-thousands", "L'armée a mobilisé 250\u00a0000 réservistes.", Q(250000, counted="réservistes")),
    case("narrow-nbsp-thousands", "La région compte 1\u202f200\u202f000 électeurs.",
         Q(1_200_000, counted="électeurs")),
    case("decimal-comma-km", "Le tunnel mesure 3,2 kilomètres.", Q(3.2, "km")),
    case("decimal-comma-with-thousands", "Le glacier a perdu 1 234,5 mètres cubes.", Q(1234.5, "m**3")),
    case("million-decimal", "La ville a accueilli 1,5 million de touristes.", Q(1.5e6, counted="touristes")),
    case("millions-plural", "Plus de 3 millions de personnes ont voté.",
         Q(3e6, qualifier="at_least", counted="personnes")),
    case("millions-elided-link", "La France compte 67 millions d'habitants.", Q(67e6, counted="habitants")),
    case("milliard-euros", "Le plan coûtera 1,9 milliard d'euros.", Q(1.9e9, "EUR")),
    case("milliards-dollars", "Les exportations ont atteint 45 milliards de dollars.", Q(45e9, "USD")),
    case("billion-is-1e12", "La dette publique atteint 3 billions d'euros selon l'auteur.", Q(3e12, "EUR")),
    case("un-milliard", "L'entreprise a levé un milliard d'euros.", Q(1e9, "EUR")),
    case("euro-symbol-after", "Le billet coûte 45 €.", Q(45, "EUR")),
    case("euro-symbol-decimal", "Le repas revient à 12,50 €.", Q(12.5, "EUR")),
    case("roubles", "Il a reçu une amende de 5 000 roubles.", Q(5000, "RUB")),
    case("percent-sign-space", "Le chômage a reculé à 7,3 % au dernier trimestre.", Q(7.3, "percent")),
    case("pour-cent", "Les prix ont augmenté de 2,1 pour cent.", Q(2.1, "percent")),
    case("euros-le-litre", "Le gazole se vend 1,89 euro le litre.", Q(1.89, "EUR/liter")),
    case("negative-sign", "Le solde est de -4,5 %.", Q(-4.5, "percent")),
]

WORDS = [
    case("deux-semaines", "La mission durera deux semaines.", Q(2, "week")),
    case("vingt-mille", "Vingt mille manifestants ont défilé à Lyon.", Q(20000, counted="manifestants")),
    case("trois-cents", "Trois cents soldats ont été déployés.", Q(300, counted="soldats")),
    case("soixante-dix", "Le convoi comptait soixante-dix camions.", Q(70, counted="camions")),
    case("quatre-vingt-dix", "Quatre-vingt-dix députés ont signé la lettre.", Q(90, counted="députés")),
    case("ans-et-demi", "Il a passé quatre ans et demi en prison.", Q(4.5, "year")),
    case("douzaine", "Une douzaine de journalistes ont été arrêtés.", Q(12, counted="journalistes")),
    case("dix-jours", "Le cessez-le-feu a tenu dix jours.", Q(10, "day")),
]

UNITS = [
    case("minutes", "L'entretien de 40 minutes s'est tenu jeudi.", Q(40, "minute")),
    case("heures", "Les négociations ont duré 18 heures.", Q(18, "hour")),
    case("km-carres", "L'incendie a ravagé 1 500 kilomètres carrés.", Q(1500, "km**2")),
    case("milles-carres", "La zone d'exclusion couvre 12 000 milles carrés.", Q(12000, "mile**2")),
    case("mille-is-1000", "Mille soldats ont traversé le fleuve.", Q(1000, counted="soldats")),
    case("hectares", "Les flammes ont détruit 800 hectares de forêt.", Q(800, "hectare")),
    case("tonnes", "Le navire transportait 30 000 tonnes de blé.", Q(30000, "tonne")),
    case("km-h", "La tempête a soufflé à 130 km/h sur la côte.", Q(130, "km/h")),
    case("degres-angle", "La caméra offre un champ de vision de 180 degrés.", Q(180, "degree")),
    case("degres-weather", "Il a fait moins 12 degrés à Strasbourg cette nuit.", Q(-12, "degC")),
    case("degres-celsius-sign", "Le thermomètre a atteint 41 °C à Séville.", Q(41, "degC")),
    case("age-homme-de", "Un homme de 45 ans a été interpellé.", Q(45, "year")),
    case("age-agee-de", "La victime, âgée de 23 ans, est décédée.", Q(23, "year")),
    case("litres", "Le réservoir contient 150 litres d'eau.", Q(150, "liter")),
    case("megawatts", "La centrale produit 900 mégawatts.", Q(900, "MW")),
    case("gigaoctets", "Les pirates ont volé 40 gigaoctets de données.", Q(40, "GB")),
    case("elided-unit", "Le pays a importé 1,5 milliard de mètres cubes de gaz, contre 2,1 milliards l'an "
         "dernier.", Q(1.5e9, "m**3"), Q(2.1e9, "m**3")),
]

QUALIFIERS = [
    case("pres-de", "Près de 20 000 soldats sont massés à la frontière.",
         Q(20000, qualifier="approx", counted="soldats")),
    case("environ", "Environ 300 familles ont été évacuées.", Q(300, qualifier="approx", counted="familles")),
    case("quelque", "Quelque 4 000 policiers seront mobilisés.",
         Q(4000, qualifier="approx", counted="policiers")),
    case("presque", "Le barrage a retenu presque 2 millions de mètres cubes.",
         Q(2e6, "m**3", qualifier="approx")),
    case("au-moins", "Au moins 35 personnes ont été tuées.",
         Q(35, qualifier="at_least", counted="personnes")),
    case("plus-de", "Plus de 1 200 migrants ont été secourus.",
         Q(1200, qualifier="at_least", counted="migrants")),
    case("pas-moins-de", "Pas moins de 60 000 soldats participeront aux manœuvres.",
         Q(60000, qualifier="at_least", counted="soldats")),
    case("jusqu-a", "Le bassin peut accueillir jusqu'à 5 000 spectateurs.",
         Q(5000, qualifier="at_most", counted="spectateurs")),
    case("moins-de", "Moins de 10 % des électeurs se sont déplacés.", Q(10, "percent", qualifier="at_most")),
    case("entre-et", "Entre 1 500 et 2 000 migrants attendent au port.",
         Q(unit="", qualifier="range", low=1500, high=2000, counted="migrants")),
    case("de-a", "Les loyers ont augmenté de 5 à 8 % cette année.",
         Q(unit="percent", qualifier="range", low=5, high=8)),
    case("range-shared-scale", "Le projet coûtera entre 2 et 3 milliards d'euros.",
         Q(unit="EUR", qualifier="range", low=2e9, high=3e9)),
    case("dash-range", "Les vents atteindront 80-100 km/h.",
         Q(unit="km/h", qualifier="range", low=80, high=100)),
]

NON_MENTIONS = [
    case("date-day-month", "Le sommet s'est ouvert le 10 janvier."),
    case("date-full", "L'accord a été signé le 3 mars 2014 à Minsk."),
    case("year", "En 2022, la guerre a repris."),
    case("year-range", "Le plan couvre la période 2024-2030."),
    case("time-h", "La réunion a commencé à 14h30."),
    case("time-spaced", "Le vote aura lieu à 9 h 15."),
    case("ordinal-deuxieme", "C'est le deuxième appel ce mois-ci."),
    case("ordinal-premier", "Le premier ministre a démissionné."),
    case("ordinal-suffix", "Il est arrivé 3e au classement."),
    case("ids-aircraft", "Un E-8C et un F-35 ont survolé la zone."),
    case("covid-g7", "Le G7 a débattu du COVID-19."),
    case("article-5", "L'OTAN a invoqué l'article 5 du traité."),
    case("route", "L'accident a eu lieu sur la route 9."),
    case("version", "La version 2.4.1 corrige la faille."),
    case("score", "Le PSG s'est imposé 3-1 face à Lyon."),
    case("phone", "Appelez le 01 23 45 67 89 pour plus d'informations."),
    case("article-un-une", "Un responsable a rencontré une délégation."),
    case("l-un-des", "L'un des suspects a été relâché, un autre reste en garde à vue."),
]

MIXED = [
    case("date-and-count", "Le 24 février 2022, 150 000 soldats ont franchi la frontière.",
         Q(150000, counted="soldats")),
    case("ordinal-and-money", "Pour la deuxième fois, l'État a versé 2,5 milliards d'euros.",
         Q(2.5e9, "EUR")),
    case("mig-and-distance", "Le MiG-29 s'est écrasé à 40 kilomètres de Kiev.", Q(40, "km")),
]


# News patterns: qualifiers holding a minus word, range scales, elision, scores, ages, collectives.
NEWS = [
    case("au-moins-blesses", "Au moins 12 blessés ont été hospitalisés.",
         Q(12, qualifier="at_least", counted="blessés")),
    case("moins-de-qualifier", "Moins de 300 foyers restent privés d'électricité.",
         Q(300, qualifier="at_most", counted="foyers")),
    case("moins-degres-sans-meteo", "La nuit, il a fait moins 8 degrés.", Q(-8, "degC")),
    case("range-scale-millions", "Entre 5 et 7 millions de dollars ont été levés.",
         Q(unit="USD", qualifier="range", low=5e6, high=7e6)),
    case("l-apostrophe-not-litre", "Les ventes ont atteint 4 milliards l'an passé.", Q(4e9)),
    case("d-apostrophe-counted", "La ville compte 2 millions d'habitants.", Q(2e6, counted="habitants")),
    case("score-victoire", "Lyon a remporté une victoire 2-0 à domicile."),
    case("age-a-l-age-de", "Il est mort à l'âge de 92 ans.", Q(92, "year")),
    case("centaine-collective", "Une douzaine de pompiers sont intervenus.", Q(12, counted="pompiers")),
    case("decennies", "Le chantier a duré trois décennies.", Q(30, "year")),
]

# Times, durations in parts, bullets, ages, names and addresses, collective nouns, changes, rates.
NEWS_RULES = [
    case("time-h-alone", "Le match débutera à 21 h au Stade de France."),
    case("time-range-h", "Les bureaux de vote ouvrent de 8 h à 18 h."),
    case("time-then-count", "À 19 heures, 17 personnes avaient été évacuées.", Q(17, counted="personnes")),
    case("strike-24-heures", "Une grève de 24 heures est prévue jeudi.", Q(24, "hour", concept="duration")),
    case("apres-heures", "L'accord est tombé après 3 heures de discussion.", Q(3, "hour")),
    case("h-minutes-duration", "Le trajet dure désormais 3 h 30.", Q(3.5, "hour")),
    case("h-glued-duration", "Le Paris-Bordeaux se fait en 2h04.", Q(124, "minute")),
    case("h-glued-clock", "Le premier train part à 6h12 et le dernier à 21h40."),
    case("clock-after-date", "Publié le 03/11/2025 à 07h45, mis à jour à 10h12."),
    case("marathon-parts", "Il a remporté le marathon en 2 h 21 min 34 s.", Q(8494, "second")),
    case("swim-hundredths", "Elle a touché le mur en 1 min 54 s 06.", Q(114.06, "second")),
    case("bullet-dash", "Bilan de la saison :\n- 50 ans de carrière\n- 300mm de pluie",
         Q(50, "year"), Q(300, "mm")),
    case("spaced-minus-temperature", "Il fera - 5 degrés demain matin.", Q(-5, "degC")),
    case("en-dash-minus", "Il a fait –12 °C dans le Jura.", Q(-12, "degC")),
    case("sous-zero", "Le thermomètre est descendu à 8 degrés sous zéro.", Q(-8, "degC")),
    case("euros-et-cents", "Le ticket coûte treize euros et quarante-cinq cents.", Q(13.45, "EUR")),
    case("deux-cents", "Deux cents soldats sont arrivés mardi.", Q(200, counted="soldats")),
    case("age-homme-de", "Un homme de 45 ans a été interpellé.", Q(45, "year", concept="age")),
    case("age-bebe-mois", "Un bébé de 3 mois a été hospitalisé.", Q(3, "month", concept="age")),
    case("mandat-not-age", "Il brigue un mandat de 5 ans.", Q(5, "year", concept="duration")),
    case("le-115", "Le 115 reste joignable toute la nuit."),
    case("le-49-3", "Le gouvernement a engagé le 49.3 mardi."),
    case("address-rue", "L'incendie s'est déclaré au 24, rue des Lilas."),
    case("address-avenue", "Le siège est situé 13 avenue Foch à Paris."),
    case("vingt-sept", "Les Vingt-Sept ont validé le plan."),
    case("ariane-6", "Le lanceur Ariane 6 pourra placer 21,6 tonnes en orbite.", Q(21.6, "tonne")),
    case("crit-air-list", "Les véhicules Crit'Air 3, 4 et 5 sont interdits."),
    case("url", "Selon l'Insee (https://www.insee.fr/fr/statistiques/8245121), le chômage atteint 7,4 %.",
         Q(7.4, "percent")),
    case("vingtaine", "Une vingtaine de retraités ont porté plainte.",
         Q(20, qualifier="approx", counted="retraités")),
    case("millier", "Un millier de pompiers sont mobilisés.",
         Q(1000, qualifier="approx", counted="pompiers")),
    case("quarantaine-noun", "Il a été placé en quarantaine pendant 14 jours.", Q(14, "day")),
    case("cinquantaine-alone", "Ils étaient une cinquantaine devant la mairie.", Q(50, qualifier="approx")),
    case("million-et-demi", "Un million et demi de personnes ont manifesté.", Q(1.5e6, counted="personnes")),
    case("change-de-a", "Le chômage est passé de 7,5 % à 7,3 %.", Q(7.5, "percent"), Q(7.3, "percent")),
    case("range-de-a", "Les prix passent de 5 à 8 euros.", Q(unit="EUR", qualifier="range", low=5, high=8)),
    case("index-points", "Le CAC 40 a clôturé en baisse de 0,9 % à 7 412 points.",
         Q(0.9, "percent"), Q(7412, counted="points")),
    case("rate-par-hectare", "Le rendement atteint 6 tonnes par hectare.", Q(6, "tonne/hectare")),
    case("rate-par-litre", "Il avait un taux de 0,9 gramme par litre.", Q(0.9, "g/l")),
    case("calibre-le-not-rate", "Il a acheté un fusil de 7,62mm le mois dernier.", Q(7.62, "mm")),
    case("a-partir-de", "Le forfait est proposé à partir de 1 229 euros.",
         Q(1229, "EUR", qualifier="at_least")),
    case("m-euros-k-euros", "La start-up a levé 45 M€ et verse 52 k€ à son fondateur.",
         Q(45e6, "EUR"), Q(52e3, "EUR")),
    case("francs-swiss", "Berne a débloqué un crédit de 1,3 milliard de francs.", Q(1.3e9, "CHF")),
    case("francs-cfa", "À Dakar, le sac de riz coûte 5 000 francs CFA.", Q(5000, "XOF")),
    case("six-points", "Lyon compte six points d'avance.", Q(6, counted="points")),
    case("apposition-ans", "Jean Dupont, 45 ans, a été interpellé.", Q(45, "year", concept="age")),
    case("ans-plus-tard", "En 2020, 3 ans plus tard, rien n'avait changé.", Q(3, "year", concept="duration")),
    case("carried-currency", "Le club a payé 35 millions d'euros, dont 5 millions de bonus.",
         Q(35e6, "EUR"), Q(5e6, "EUR")),
    case("not-carried-known-noun", "L'État a versé 1,2 milliard d'euros à 3 millions de foyers.",
         Q(1.2e9, "EUR"), Q(3e6, counted="foyers")),
    case("carried-counted", "La grève a mobilisé 1,28 million de personnes, 3,5 millions selon la CGT.",
         Q(1.28e6, counted="personnes"), Q(3.5e6, counted="personnes")),
    case("weather-il-a-fait", "Il a fait 4 degrés à l'aube à Mende.", Q(4, "degC")),
    case("angle-pivote", "La caméra pivote à 360 degrés.", Q(360, "degree")),
    case("ligue-1", "Il a marqué 12 buts en Ligue 1.", Q(12, counted="buts")),
    case("centiemes", "Il a couru en 9,86 secondes, à trois centièmes du record.",
         Q(9.86, "second"), Q(0.03, "second")),
    case("trois-pieces", "À Genève, un trois-pièces se loue 2 150 francs par mois.", Q(2150, "CHF")),
    case("ranks-and-gap", "Classement : 1. Vingegaard ; 2. Pogacar, à 12 s ; 3. Evenepoel.", Q(12, "second")),
    case("number-ends-sentence", "Il a marqué 3. Le match est fini.", Q(3)),
    case("signed-points", "RN 31,4 % (+7,2), Ensemble 14,6 % (−8,1).",
         Q(31.4, "percent"), Q(7.2, "percent"), Q(14.6, "percent"), Q(-8.1, "percent")),
    case("contre-money", "Le PIB par habitant atteint 128 000 dollars, contre 44 000 pour la France.",
         Q(128000, "USD"), Q(44000, "USD")),
    case("contre-percent", "L'inflation est de 3,2 %, contre 2,9 en mai.",
         Q(3.2, "percent"), Q(2.9, "percent")),
    case("pres-d-une-heure", "Ils ont parlé pendant près d'une heure.", Q(1, "hour", qualifier="approx")),
    case("chaque-jour", "Le pays accueille chaque jour 230 000 frontaliers.",
         Q(230000, counted="frontaliers")),
    case("force-range", "Vent d'ouest force 5 à 6 sur les côtes."),
    case("acronym-road", "La RN 10 reste fermée jusqu'à lundi."),
]

CASES = NUMBERS + WORDS + UNITS + QUALIFIERS + NON_MENTIONS + MIXED + NEWS + NEWS_RULES

# Cases the engine does not handle yet (see each reason): strict xfails, so a fix must remove them.
KNOWN_GAPS: dict[str, str] = {}


@pytest.mark.parametrize(("text", "expected"), with_known_gaps(CASES, KNOWN_GAPS))
def test_french(text, expected):
    check_case(text, LANG, expected)


@pytest.mark.parametrize(("text", "counted", "other_text", "other_lang", "other_counted"), [
    ("Près de 20 000 soldats russes.", "soldats", "Nearly 20,000 Russian troops.", "en", "troops"),
    ("Plus de 1 200 migrants secourus.", "migrants", "More than 1,200 migrants rescued.", "en", "migrants"),
    ("Au moins 35 personnes tuées.", "personnes", "At least 35 people killed.", "en", "people"),
], ids=["soldats-troops", "migrants", "personnes-people"])
def test_counted_concepts_match_english(text, counted, other_text, other_lang, other_counted):
    concept = concept_of(text, LANG, counted)
    assert concept, f"no concept for {counted!r}"
    assert concept == concept_of(other_text, other_lang, other_counted)


def test_language_is_detected_as_french():
    mentions = extract("Près de 20 000 soldats russes sont massés à la frontière avec l'Ukraine.")
    assert [m.lang for m in mentions] == ["fr"]
