"""What a figure measures and what happened, read from the words next to it (checks/frames.py, lexicon
files): the word right after a length, a protester's toll, releases and detentions, and the kinds of incident
that are not wars — real extractor, real frames, in the languages where each applies."""

from __future__ import annotations

from datetime import date

import pytest
from extracted_frames import frames_by_surface

from quantcheck.checks.frames import Frame
from quantcheck.checks.identity import block_key, score
from quantcheck.checks.lexicon import load_lexicon

DAY = date(2030, 9, 18)


def frames(text: str, lang: str) -> dict[str, Frame]:
    return frames_by_surface(text, lang, DAY)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Firefighters measured the crater at 25 metres (82 feet) across and 18 metres (60 feet) deep.",
         {"25 metres": "width", "18 metres": "depth"}),
        ("de", "Seine Schneise ist etwa zwölf Kilometer lang und bis zu 200 Meter breit.",
         {"zwölf Kilometer": None, "200 Meter": "width"}),
        ("es", "El socavón, de unos 25 metros de diámetro y 30 metros de profundidad, se tragó dos casas.",
         {"25 metros": "width", "30 metros": "depth"}),
        ("fr", "Le gouffre mesure 25 mètres de diamètre et le tunnel, long de 7,8 kilomètres, est fermé.",
         {"25 mètres": "width"}),
    ],
)
def test_the_word_right_after_a_length_names_it(lang, text, expected) -> None:
    """"18 metres deep", "200 Meter breit": the word after the unit (or after its conversion in brackets) is
    the figure's, though the next figure's word is as near; a length word ("zwölf Kilometer lang") says it is
    only a length, so no other word of the clause names it."""
    found = frames(text, lang)
    assert {surface: found[surface].topic for surface in expected} == expected


def test_a_hole_is_no_deficit_unless_it_is_a_budget_s() -> None:
    """"agujero" is a sinkhole as often as a budget's hole: only "agujero fiscal" is a deficit."""
    assert frames("El agujero, de unos 25 metros de diámetro, se tragó dos viviendas.", "es")[
        "25 metros"].topic == "width"
    hole = frames("El Gobierno reconoce un agujero fiscal de 12.000 millones de euros.", "es")
    assert [f.topic for f in hole.values()] == ["deficit"]


@pytest.mark.parametrize(
    ("lang", "text", "surface", "action"),
    [
        ("fr", "A Kano, deux manifestants ont été tués par balle mardi.", "deux", "killed"),
        ("en", "The police said three protesters had died in Kano on Tuesday.", "three", "killed"),
        ("es", "Dos manifestantes murieron por disparos de la policía en Kano.", "Dos", "killed"),
        ("de", "In Kano wurden am Dienstag zwei Demonstranten erschossen.", "zwei", "killed"),
        ("en", "About 5,000 protesters marched through Lagos on Tuesday.", "5,000", "protesting"),
    ],
)
def test_protesters_killed_are_a_toll_not_a_turnout(lang, text, surface, action) -> None:
    """A group that names what its members did ("protesters") yields to the verb of a casualty: two
    protesters shot dead are two killed, not two people protesting; without such a verb they protested."""
    assert frames(text, lang)[surface].action == action


@pytest.mark.parametrize(
    ("lang", "text", "surface", "action"),
    [
        ("fr", "Le pirate de l'air a laissé descendre dans l'après-midi une cinquantaine de femmes.",
         "une cinquantaine", "released"),
        ("de", "Am Nachmittag liess er 48 Frauen und Kinder aussteigen.", "48", "released"),
        ("es", "El secuestrador dejó salir a 52 mujeres y niños.", "52", "released"),
        ("en", "Amnesty International said more than 600 people were being held.", "600", "arrested"),
        ("fr", "Amnesty affirme que plus de 600 personnes restent détenues.", "600", "arrested"),
    ],
)
def test_letting_hostages_go_is_a_release_and_being_held_an_arrest(lang, text, surface, action) -> None:
    """"laissé descendre", "aussteigen lassen", "dejó salir": hostages let off a plane are released;
    "being held", "détenues" are detentions."""
    assert frames(text, lang)[surface].action == action


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "Three people were killed when a sinkhole swallowed two houses.", "collapse"),
        ("fr", "Trois personnes sont mortes dans l'effondrement de la chaussée.", "collapse"),
        ("es", "Tres personas murieron en el socavón de Pianura.", "collapse"),
        ("de", "Bei dem Einsturz der Brücke starben drei Menschen.", "collapse"),
        ("en", "The spill fouled about 60 km of riverbank.", "spill"),
        ("fr", "La marée noire a souillé 60 km de côtes.", "spill"),
        ("es", "El derrame contaminó 60 kilómetros de orillas.", "spill"),
        ("de", "Die Ölpest verschmutzte 60 Kilometer Ufer.", "spill"),
        ("en", "Two people were killed by lightning at the festival.", "lightning"),
        ("fr", "La foudre a tué deux festivaliers.", "lightning"),
        ("es", "Un rayo mató a dos personas en el festival.", "lightning"),
        ("de", "Ein Blitz tötete zwei Festivalbesucher.", "lightning"),
        ("en", "The hijacker held 112 passengers for 19 hours.", "hostage"),
        ("fr", "Les preneurs d'otages retiennent 112 passagers.", "hostage"),
        ("en", "Eight pilgrims died in a stampede at the shrine.", "stampede"),
        ("es", "Ocho peregrinos murieron en una avalancha humana en el santuario.", "stampede"),
        ("de", "Bei einer Massenpanik starben acht Pilger.", "stampede"),
        ("en", "The eruption forced 1,200 people from their homes.", "eruption"),
        ("fr", "L'éruption du volcan a forcé 1 200 habitants à partir.", "eruption"),
    ],
)
def test_kinds_of_incident_beyond_wars_and_storms(lang, text, kind) -> None:
    """Collapses, spills, lightning, hostage-takings, stampedes and eruptions are kinds of incident: their
    reports are compared over the days such a story is updated, and a figure naming one is not compared with
    a figure naming a kind of another family."""
    assert any(kind in f.incidents for f in frames(text, lang).values())


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Two pupils have died of food poisoning after the school breakfast.", "Two"),
        ("fr", "Deux élèves sont morts après une intoxication alimentaire à la cantine.", "Deux"),
        ("es", "Dos alumnos murieron por la intoxicación con el desayuno escolar.", "Dos"),
        ("de", "Nach der Massenvergiftung an der Schule ist die Zahl der Toten auf zwei gestiegen.", "zwei"),
        ("en", "Four guests were killed by carbon monoxide at the hotel.", "Four"),
        ("de", "Vier Hotelgäste starben an einer Kohlenmonoxidvergiftung.", "Vier"),
    ],
)
def test_a_poisoning_is_a_kind_of_incident(lang, text, surface) -> None:
    """Food, drink or gas that made people ill is a kind of incident of its own ([incident] poisoning): the
    toll of a school-meal poisoning is not compared with a road crash's of the same day; with epidemics it
    is one family ("an outbreak of food poisoning")."""
    assert "poisoning" in frames(text, lang)[surface].incidents


@pytest.mark.parametrize(
    ("lang", "text", "surface", "kind"),
    [
        ("fr", "Quatre morts et 48 blessés : le bilan du carambolage survenu mercredi sur l'A7 est lourd. Le "
               "bilan s'élève désormais à cinq morts.", "cinq", "crash"),
        ("de", "La Paz/Trier – Nach der Massenvergiftung an einer Schule in Quillacollo sind zwei Kinder "
               "gestorben. 31 Kinder liegen noch im Krankenhaus.", "31", "poisoning"),
        ("en", "GÖREME, Turkey – A hot-air balloon crashed on landing on Tuesday. Nineteen passengers were "
               "injured.", "Nineteen", "crash"),
        ("es", "Las inundaciones han dejado al menos tres muertos en La Safor. Otras seis personas siguen "
               "desaparecidas.", "seis", "flood"),
    ],
)
def test_a_count_naming_no_incident_is_the_story_s(lang, text, surface, kind) -> None:
    """A toll in a later sentence seldom names the incident again ("Le bilan s'élève désormais à cinq
    morts"): it is the story's, the kind its first sentence names, so it is not compared with another
    story's toll of the same day (a pile-up's five dead against a school poisoning's two)."""
    assert frames(text, lang)[surface].incidents == (kind,)


def test_the_story_s_kind_is_read_after_the_dateline_and_only_for_counts() -> None:
    """An outlet's name in the dateline tells no incident ("DAKAR (L'Éclaireur) –" is no lightning), and a
    measure keeps only the kinds its own clause names: a distance or a budget is background told alike in
    stories of any kind."""
    got = frames("DAKAR (L'Éclaireur) – Un ouvrier est mort mercredi dans une usine d'engrais. L'usine se "
                 "trouve à 12 kilomètres du Havre. Au total, 38 personnes ont été hospitalisées.", "fr")
    assert got["38"].incidents == ()
    got = frames("Quatre morts : le bilan du carambolage survenu mercredi sur l'A7. La chaussée est fermée "
                 "sur 12 kilomètres. Cinq blessés sont dans un état grave.", "fr")
    assert (got["12 kilomètres"].incidents, got["Cinq"].incidents) == ((), ("crash",))


@pytest.mark.parametrize(
    ("lang", "text", "surface", "action"),
    [
        ("en", "Some 30 flights were diverted to Lyon.", "30", "diverted"),
        ("fr", "Neuf navires ont été déroutés vers Anvers-Bruges.", "Neuf", "diverted"),
        ("es", "Nueve buques fueron desviados a Amberes-Brujas.", "Nueve", "diverted"),
        ("de", "Neun Schiffe wurden nach Antwerpen umgeleitet.", "Neun", "diverted"),
        ("en", "Volunteers refloated 120 whales on Wednesday.", "120", "rescued"),
        ("fr", "Quelque 120 baleines ont été remises à l'eau mercredi.", "120", "rescued"),
    ],
)
def test_diverted_and_refloated_are_what_happened(lang, text, surface, action) -> None:
    """Ships or flights sent elsewhere are a figure of their own ([action] diverted), never a rival of those
    waiting or cancelled; whales put back in the sea were rescued."""
    assert frames(text, lang)[surface].action == action


def test_a_crowd_crush_told_as_an_avalancha_is_one_incident() -> None:
    """Spanish news calls a crowd crush an "avalancha" as often as an "estampida": one family with
    avalanches, so the Spanish report of a crush is not held apart from the French "bousculade"."""
    fr = frames("Le bilan de la bousculade de mardi au sanctuaire s'est alourdi à huit morts.", "fr")["huit"]
    es = frames("Son ya ocho los fallecidos en la avalancha del santuario.", "es")["ocho"]
    assert "stampede" in fr.incidents and "landslide" in es.incidents
    _, reasons = score(fr, es, load_lexicon())
    assert "different kinds of incident" not in reasons


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("de", "Inzwischen sind 52’000 Hektaren befallen, 30’000 Hektaren wurden mit Pestiziden behandelt.",
         "30’000 Hektaren"),
        ("fr", "Les autorités ont élargi mardi à 5 kilomètres le rayon de la zone évacuée.", "5 kilomètres"),
    ],
)
def test_a_measure_is_not_what_happened_to_people(lang, text, surface) -> None:
    """A length or an area is never injured or evacuated: "wurden mit Pestiziden behandelt" is no hospital
    treatment, and the evacuated zone's radius is a radius."""
    f = frames(text, lang)[surface]
    assert f.action is None
    assert f.topic in ("area", "radius")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "action"),
    [
        ("en", "The government is to release 714 Houthi fighters.", "714", "released"),
        ("fr", "Les rebelles relâcheront de leur côté 418 détenus.", "418", "released"),
        ("es", "En total, 1.132 detenidos deben recuperar la libertad.", "1.132", "released"),
        ("de", "Die Regierung liess 714 Huthi-Kämpfer frei.", "714", "released"),
        ("es", "El COE mantiene que 57 personas recibieron atención médica.", "57", "injured"),
        ("en", "Dominican emergency officials put the number of people treated at 57.", "57", "injured"),
        ("de", "Rund 650 Menschen verbrachten die Nacht in Turnhallen.", "650", "evacuated"),
    ],
)
def test_the_verbs_of_an_exchange_of_prisoners_and_of_medical_care(lang, text, surface, action) -> None:
    """Detainees "to be released", "relâcheront", "recuperar la libertad", "ließ … frei" are released (a
    detainee's noun yields to these verbs); people given medical care are the injured's count; people who
    spent the night in gyms were evacuated."""
    assert frames(text, lang)[surface].action == action


def test_a_german_compound_names_its_group_by_its_last_part() -> None:
    """"Huthi-Kämpfer", "Kriegsgefangene": the last part says who is counted, as "Houthi fighters" does."""
    assert frames("Die Regierung liess 714 Huthi-Kämpfer frei.", "de")["714"].group == "fighters"


@pytest.mark.parametrize(
    ("lang", "text", "part"),
    [
        ("es", "Según el operador, 14 de los 26 vagones se salieron de la vía.", "14"),
        ("de", "In der Kurve waren 14 der 26 Waggons entgleist.", "14"),
        ("fr", "Quatorze des 26 wagons ont déraillé.", "Quatorze"),
    ],
)
def test_a_part_before_its_whole_counts_what_the_whole_counts(lang, text, part) -> None:
    """"14 de los 26 vagones": the noun stands after the whole only, and the 14 are wagons too (so they meet
    "17 Waggons entgleisten"), while 26 stays the train's whole."""
    found = frames(text, lang)
    whole = found["26"]
    assert whole.part == "whole" and whole.thing
    assert found[part].thing == whole.thing and found[part].part == ""


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Data on 4.7 million customers had been taken.", "4.7 million"),
        ("fr", "Des pirates ont dérobé les données de 4,7 millions de clients.", "4,7 millions"),
        ("es", "Los datos de 4,7 millones de clientes fueron robados.", "4,7 millones"),
        ("de", "Betroffen seien 4,7 Millionen Kunden.", "4,7 Millionen"),
    ],
)
def test_customers_are_one_group_in_four_languages(lang, text, surface) -> None:
    """A firm's customers are counted as households in every language ("clients" was a French thing of its
    own): one block for the four outlets' figures."""
    assert frames(text, lang)[surface].group == "homes"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "scope"),
    [
        ("en", "In 2017 a massive rockfall at Bondo, near the Italian border, killed eight hikers.", "eight",
         "past"),
        ("en", "The worst was the 2001 explosion at the AZF plant in Toulouse, which killed 31 people.", "31",
         "past"),
        ("fr", "Plus de vingt ans après AZF, qui avait fait 31 morts à Toulouse, les riverains s'inquiètent.",
         "31", "past"),
        ("en", "A rockfall at Bondo, near the Italian border, killed eight hikers on Tuesday.", "eight",
         "incident"),
    ],
)
def test_an_earlier_year_in_the_clause_makes_a_background_figure(lang, text, surface, scope) -> None:
    """A figure of an earlier incident told as background is past, whether its year stands next to it or
    opens the sentence ("In 2017 a massive rockfall … killed eight"), and "vingt ans après AZF" is as much a
    past incident's; the figure itself stays undated, as other outlets mostly write it."""
    f = frames_by_surface(text, lang, date(2029, 3, 14))[surface]
    assert f.scope == scope
    assert f.year is None


@pytest.mark.parametrize(
    ("lang", "text", "surface", "group"),
    [
        ("en", "More than 300 rescuers were searching the rubble.", "300", "firefighters"),
        ("fr", "Plus de 300 sauveteurs se relayaient autour des décombres.", "300", "firefighters"),
        ("es", "Más de 300 rescatistas buscaban entre los escombros.", "300", "firefighters"),
        ("de", "Mehr als 300 Rettungskräfte suchten in den Trümmern.", "300", "firefighters"),
        ("de", "Murcia war 2001 Schauplatz eines Ausbruchs mit Hunderten Erkrankten.", "Hunderten", "people"),
        ("es", "Las autoridades contabilizan 120 contagiados.", "120", "people"),
    ],
)
def test_rescuers_and_the_sick_are_one_group_in_four_languages(lang, text, surface, group) -> None:
    """Rescuers are counted with firefighters in every language (German "Rettungskräfte" already were),
    and "Erkrankte", "contagiados" are an outbreak's cases, as "cases" and "Fälle" are."""
    assert frames(text, lang)[surface].group == group


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "He released 52 women and held the remaining 112 passengers until he surrendered."),
        ("fr", "Il a gardé les 112 passagers restants jusqu'à sa reddition."),
        ("es", "Retuvo a los 112 pasajeros restantes hasta su rendición."),
        ("de", "Die übrigen 112 Passagiere blieben bis zur Aufgabe an Bord."),
    ],
)
def test_the_rest_of_a_whole_is_a_part_of_its_own(lang, text) -> None:
    """"The remaining 112 passengers" are what is left of those on board, never a rival of the 164 on board:
    a part of its own, with its own block, whether or not the whole was counted before."""
    rest = frames(text, lang)["112"]
    assert rest.part == "remainder"
    whole = frames("All 164 passengers were on board.", "en")["164"]
    assert block_key(rest) != block_key(whole)


@pytest.mark.parametrize(
    ("lang", "text", "deposit", "lending"),
    [
        ("en", "The overnight deposit rate now stands at 27.25% and the lending rate at 28.25%.", "27.25%",
         "28.25%"),
        ("es", "El banco subió el tipo de depósito al 27,25 % y el tipo de préstamo a un día al 28,25 %.",
         "27,25 %", "28,25 %"),
    ],
)
def test_a_central_bank_s_lending_rate_is_not_its_deposit_rate(lang, text, deposit, lending) -> None:
    """One rate decision gives two rates a point apart: the lending rate is a measure of its own, never a
    rival of the deposit (key) rate."""
    found = frames(text, lang)
    assert (found[deposit].topic, found[lending].topic) == ("interest_rate", "lending_rate")
    assert block_key(found[deposit]) != block_key(found[lending])


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Twenty-three men were trapped more than 1,000 metres underground.", "Twenty-three"),
        ("fr", "Vingt-trois hommes avaient été pris au piège au fond de la mine.", "Vingt-trois"),
        ("es", "Veintitrés hombres quedaron atrapados en la mina.", "Veintitrés"),
        ("de", "23 Männer waren unter Tage eingeschlossen.", "23"),
    ],
)
def test_men_counted_alone_are_the_toll(lang, text, surface) -> None:
    """"23 men were trapped" is the count of those trapped, as "23 miners were trapped" is: men are counted
    as people; in a list with another group ("five people died, three men and two women") they are parts,
    each its own block, never a rival of the five."""
    assert frames(text, lang)[surface].group == "people"
    parts = frames("Five people died, three men and two women.", "en")
    assert (parts["three"].group, parts["two"].group) == ("men", "women")


def test_one_measure_named_and_one_not_is_weaker_evidence_than_two_names() -> None:
    """"25 metres across" against "25 metros de diámetro" (both named) score as one topic; a crater "25
    metres" named by nothing against the same width costs less than two different words (identity.toml
    one_topic, other_topic)."""
    lex = load_lexicon()
    width = frames("Le cratère mesure environ 25 mètres de diamètre.", "fr")["25 mètres"]
    depth = frames("Le cratère mesure environ 25 mètres de profondeur.", "fr")["25 mètres"]
    bare = frames("Le cratère mesure environ 25 mètres.", "fr")["25 mètres"]
    assert (width.topic, depth.topic, bare.topic) == ("width", "depth", None)
    named, _ = score(width, depth, lex)
    one, reasons = score(width, bare, lex)
    assert one > named and "different words for what is measured" not in reasons


@pytest.mark.parametrize(
    ("lang", "text", "surface", "expected"),
    [
        ("en", "The number of people hospitalized after the ammonia leak rose to 57 on Thursday.", "57",
         ("people", "injured")),
        ("fr", "Le nombre de personnes hospitalisées après la fuite est passé à 57 jeudi.", "57",
         ("people", "injured")),
        ("es", "El número de personas hospitalizadas tras la fuga de amoníaco aumentó a 57.", "57",
         ("people", "injured")),
        ("de", "Die Zahl der verletzten Menschen stieg am Donnerstag auf 57.", "57", ("people", "injured")),
        ("en", "The death toll rose to 57 Thursday, officials said.", "57", ("people", "killed")),
        ("en", "The number of people confirmed dead after the boat overturned rose to 49 on Wednesday.", "49",
         ("people", "killed")),
        ("en", "The number of people reported missing rose to 12.", "12", ("people", "missing")),
        ("es", "El número de personas confirmadas muertas ascendió a 49.", "49", ("people", "killed")),
    ],
)
def test_the_number_of_a_group_takes_its_participle(lang, text, surface, expected) -> None:
    """"the number of people hospitalized ... rose to 57": what happened is the participle after the counted
    noun (or the adjective before it), also over a word that only qualifies it ("confirmed dead", "reported
    missing"), not the verb of the clause, which only says the figure grew."""
    got = frames(text, lang)[surface]
    assert (got.group, got.action) == expected


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The army said it had neutralised 45 terrorists in Tuesday's strikes.", "45"),
        ("fr", "Selon l'armée, « une quarantaine de terroristes ont été neutralisés » mardi.",
         "une quarantaine"),
        ("es", "Según el ejército, 63 atacantes fueron neutralizados durante los combates.", "63"),
        ("de", "Die Armee gab an, 63 Angreifer seien neutralisiert worden.", "63"),
    ],
)
def test_fighters_neutralised_are_killed(lang, text, surface) -> None:
    """Armies' communiqués say "neutralised" for fighters killed; attackers are fighters, so "63 attackers
    neutralised" is the same figure as "63 assailants killed" in another outlet."""
    got = frames(text, lang)[surface]
    assert (got.group, got.action) == ("nonstate_fighters", "killed")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "group"),
    [
        ("en", "Two Spanish tourists were among those killed in the crash.", "Two", "nationals_es"),
        ("fr", "Deux touristes espagnols ont perdu la vie dans l'accident.", "Deux", "nationals_es"),
        ("es", "Dos turistas españoles perdieron la vida en el accidente.", "Dos", "nationals_es"),
        ("de", "Zwei spanische Touristen kamen bei dem Unglück ums Leben.", "Zwei", "nationals_es"),
        ("de", "Unter den 2.870 Passagieren sind 1.140 Deutsche.", "1.140", "nationals_de"),
        ("fr", "Le navire transporte 2 870 passagers, parmi lesquels 64 Français.", "64", "nationals_fr"),
        ("en", "Among the 2,870 passengers are 1,140 Germans.", "1,140", "nationals_de"),
        ("de", "Unter den 2.870 Passagieren sind 1.140 Deutsche.", "2.870", "people"),
        ("en", "Russia has massed 100,000 Russian troops on the border.", "100,000", "state_forces"),
        ("en", "The boat carried 300 Syrian refugees.", "300", "people"),
    ],
)
def test_a_nationality_makes_a_group_of_its_nationals(lang, text, surface, group) -> None:
    """International outlets count their own country's victims and passengers: "two Spanish tourists",
    "1.140 Deutsche" are a part of the toll, not a rival of it; troops and migrants are not narrowed."""
    assert frames(text, lang)[surface].group == group


def test_nationals_are_compared_only_with_the_same_country_s() -> None:
    """Two outlets' counts of one country's nationals share a block across languages; the toll does not."""
    lex = load_lexicon()
    en = frames("Two Spaniards were killed in the crash.", "en")["Two"]
    es = frames("Tres españoles murieron en el accidente.", "es")["Tres"]
    de = frames("Zwei Deutsche kamen ums Leben.", "de")["Zwei"]
    toll = frames("Twelve people were killed in the crash.", "en")["Twelve"]
    assert block_key(en, lexicon=lex) == block_key(es, lexicon=lex)
    assert block_key(en, lexicon=lex) != block_key(de, lexicon=lex)
    assert block_key(en, lexicon=lex) != block_key(toll, lexicon=lex)


def test_a_country_s_own_nationals_are_the_toll_itself() -> None:
    """"Over 100 Syrian civilians were killed in Aleppo": a nationality of the country the figure is placed in
    describes the whole toll, so it stays a count of civilians comparable with the other outlets' toll."""
    got = frames("Over 100 Syrian civilians have been killed in air strikes in Aleppo.", "en")["100"]
    assert got.group == "people" and got.place_cc == "SY"


def test_a_capitalised_nationality_after_the_noun_names_a_source() -> None:
    """"18 civilians including 10 children Lebanese Al-Mayadeen TV reported": the nationality after the noun,
    capitalised, starts the name of who reported the figure; French and Spanish put theirs in lower case."""
    text = "The attack killed 18 civilians including 10 children Lebanese Al-Mayadeen TV reported."
    got = frames(text, "en")
    assert got["10"].group == "children"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "action"),
    [
        ("es", "Unas 1.900 personas tuvieron que abandonar sus casas.", "1.900", "evacuated"),
        ("en", "About 1,400 people in Germany left their homes overnight.", "1,400", "evacuated"),
        ("en", "The ship's doctors counted 247 passengers with symptoms.", "247", "infected"),
        ("fr", "Les médecins comptent 247 passagers présentant des symptômes.", "247", "infected"),
        ("es", "Los médicos del barco cuentan 247 pasajeros con síntomas.", "247", "infected"),
        ("de", "Die Schiffsärzte zählen 247 Passagiere mit Symptomen.", "247", "infected"),
    ],
)
def test_leaving_home_and_symptoms_are_what_happened(lang, text, surface, action) -> None:
    """"tuvieron que abandonar sus casas": "que" after a modal verb opens no clause, so the verb after it
    governs the figure; passengers "with symptoms" are the outbreak's ill."""
    assert frames(text, lang)[surface].action == action


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "A norovirus outbreak on the ship has grown to 318 people.", "318"),
        ("fr", "Le norovirus a frappé 318 personnes à bord.", "318"),
        ("es", "Una intoxicación por salmonela dejó 40 enfermos.", "40"),
        ("de", "Der Norovirus hat sich auf 318 Menschen an Bord ausgebreitet.", "318"),
    ],
)
def test_a_named_germ_is_an_outbreak(lang, text, surface) -> None:
    """Norovirus, salmonella, listeria, legionella, E. coli: an outbreak, whatever word the outlet uses."""
    assert "epidemic" in frames(text, lang)[surface].incidents


@pytest.mark.parametrize(
    ("texts", "group"),
    [
        ({"en": "They received 287 reports.", "fr": "Ils ont reçu 287 signalements.",
          "es": "Recibieron 287 notificaciones.", "de": "Sie erhielten 287 Meldungen."}, "reports"),
        ({"en": "Some 120 volunteers searched.", "fr": "Quelque 120 bénévoles ont cherché.",
          "es": "Unos 120 voluntarios buscaron.", "de": "Rund 120 Freiwillige suchten."}, "volunteers"),
        ({"en": "They went to 12 hospitals.", "fr": "Ils sont allés dans 12 hôpitaux.",
          "es": "Fueron a 12 hospitales.", "de": "Sie kamen in 12 Krankenhäuser."}, "hospitals"),
        ({"en": "About 230 pilot whales stranded.", "fr": "Environ 230 globicéphales se sont échoués.",
          "es": "Unas 230 ballenas quedaron varadas.", "de": "Rund 230 Grindwale strandeten."}, "animals"),
        ({"en": "Officials closed 41 beaches.", "fr": "Les autorités ont fermé 41 plages.",
          "es": "Las autoridades cerraron 41 playas.", "de": "Die Behörden sperrten 41 Badestellen."},
         "beaches"),
        ({"en": "Two metro trains collided.", "fr": "Deux rames de métro sont entrées en collision.",
          "es": "Dos trenes del metro chocaron.", "de": "Zwei U-Bahn-Züge stießen zusammen."}, "trains"),
    ],
)
def test_things_counted_in_many_stories_have_one_key(texts, group) -> None:
    """Reports, volunteers, hospitals, beds, schools, beaches and whales are counted in many stories under
    words that are not cognates ("reports" / "signalements" / "Meldungen"): one group across the languages."""
    for lang, text in texts.items():
        got = [f for f in frames(text, lang).values() if f.measure == "count"]
        assert [f.group for f in got] == [group], (lang, text)


def test_debris_thrown_far_is_no_forecast() -> None:
    """"des débris projetés à près de 500 mètres": French "projeté" is thrown as often as projected, so it
    marks no forecast ("projection" still does)."""
    got = frames("Des débris ont été projetés à près de 500 mètres de l'éolienne.", "fr")["500 mètres"]
    assert got.scope == "incident"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Six people were injured, two seriously.", "two"),
        ("fr", "On déplore six blessés, dont deux grièvement atteints.", "deux"),
        ("es", "Hubo seis heridos, dos de gravedad.", "dos"),
        ("de", "Sechs Menschen wurden verletzt, zwei schwer.", "zwei"),
    ],
)
def test_the_seriously_injured_are_a_part_of_the_injured(lang, text, surface) -> None:
    """A severity right after a figure ("two seriously", "deux grièvement", "zwei schwer") counts the
    seriously injured: people injured, a part of the toll and never a rival of the six."""
    got = frames(text, lang)[surface]
    assert (got.group, got.action, got.part) == ("people", "injured", "subgroup")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Three mountaineers were killed by the falling ice.", "Three"),
        ("fr", "Deux coureurs sont morts de chaleur.", "Deux"),
        ("es", "Dos corredores murieron por el calor.", "Dos"),
        ("de", "Drei Bergsteiger kamen ums Leben.", "Drei"),
    ],
)
def test_climbers_and_runners_are_people(lang, text, surface) -> None:
    """Climbers, runners, spectators, bathers, cyclists: the people a disaster kills, one toll with "five
    people died" in another outlet."""
    assert frames(text, lang)[surface].group == "people"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "action"),
    [
        ("fr", "Onze personnes, dont des transitaires et un agent portuaire, ont été interpellées.", "Onze",
         "arrested"),
        ("en", "Eleven people, including customs agents and a port employee, were arrested.", "Eleven",
         "arrested"),
        ("es", "Once personas, entre ellas varios transitarios y un empleado, fueron detenidas.", "Once",
         "arrested"),
        ("de", "Elf Menschen, darunter Zöllner und ein Hafenarbeiter, wurden festgenommen.", "Elf",
         "arrested"),
    ],
)
def test_the_verb_after_an_aside_naming_some_of_them(lang, text, surface, action) -> None:
    """"Eleven people, including customs agents and a port employee, were arrested": the aside names some
    of them without a figure (its "a", "un", "ein" are articles), so the verb after it is the figure's."""
    assert frames(text, lang)[surface].action == action


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Sixty-five people survived.", "Sixty-five"),
        ("en", "Sixty-two people were pulled from the water alive.", "Sixty-two"),
        ("fr", "Soixante-cinq personnes ont survécu au naufrage.", "Soixante-cinq"),
        ("es", "Sesenta y cinco personas sobrevivieron al naufragio.", "Sesenta y cinco"),
        ("de", "65 Menschen überlebten das Unglück.", "65"),
    ],
)
def test_those_who_survived_are_the_rescued(lang, text, surface) -> None:
    """"65 people survived" is the count another outlet gives as "65 survivors" or "rescued 65 people"."""
    assert frames(text, lang)[surface].action == "rescued"


def test_a_german_group_word_written_in_lower_case_is_a_verb() -> None:
    """"zwei Geschäftsführer sitzen in Untersuchungshaft": "sitzen" is the verb, not "Sitzen" (seats), so the
    two managers are no seats ([grammar] noun_only_capitalised); "mit 25 Sitzen" still counts seats."""
    assert frames("Der Besitzer und zwei Geschäftsführer sitzen in Untersuchungshaft.", "de")["zwei"].group \
        != "seats"
    assert frames("Die SPD kommt mit 25 Sitzen auf Platz eins.", "de")["25"].group == "seats"
    assert frames("Die CDU erhielt 120.000 Stimmen.", "de")["120.000"].group == "votes"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The pilot raised productivity by 4.2 per cent and cut sick leave by 31 per cent.",
         {"4.2 per cent": "productivity", "31 per cent": "sick_leave"}),
        ("fr", "La productivité a augmenté de 4,2 % et les arrêts maladie ont reculé de 31 %.",
         {"4,2 %": "productivity", "31 %": "sick_leave"}),
        ("es", "La productividad creció un 4,2 % y las bajas laborales cayeron un 31 %.",
         {"4,2 %": "productivity", "31 %": "sick_leave"}),
        ("de", "Die Produktivität stieg um 4,2 Prozent, der Krankenstand sank um 31 Prozent.",
         {"4,2 Prozent": "productivity", "31 Prozent": "sick_leave"}),
    ],
)
def test_a_workplace_trial_s_rates_name_what_they_measure(lang, text, expected) -> None:
    """A four-day-week trial's productivity and sick leave are two measures in every language, never one
    story's pool of unnamed percentages."""
    found = frames(text, lang)
    assert {surface: found[surface].topic for surface in expected} == expected


@pytest.mark.parametrize(
    ("lang", "text", "surface", "group"),
    [
        ("en", "In all, 142 companies completed the trial and 1.05 million tickets were sold.", "142",
         "companies"),
        ("es", "Participaron 142 empresas en la prueba.", "142", "companies"),
        ("de", "142 Unternehmen nahmen an dem Versuch teil.", "142", "companies"),
        ("fr", "Au total, 1,05 million de billets ont été vendus.", "1,05 million", "tickets"),
        ("de", "Verkauft wurden 1,05 Millionen Eintrittskarten.", "1,05 Millionen", "tickets"),
    ],
)
def test_firms_and_tickets_are_one_group_across_languages(lang, text, surface, group) -> None:
    """ "142 empresas" and "142 Unternehmen" count one group, and firms that "took part" in a trial are no
    crowd protesting: one block with "142 companies completed the trial"."""
    found = frames(text, lang)[surface]
    assert (found.group, found.action) == (group, None)


def test_a_share_of_a_named_group_is_compared_by_that_group() -> None:
    """ "61 % de las empresas" and "89 per cent of companies": a share naming whose share it is is compared
    (it names what it measures), and a share of another group is scored as measuring something else."""
    firms = frames("El 61 % de las empresas mantendrá la semana de cuatro días.", "es")["61 %"]
    others = frames("About 89 per cent of companies will keep the four-day week.", "en")["89 per cent"]
    kids = frames("Only 58 per cent of children are covered.", "en")["58 per cent"]
    assert firms.group == others.group == "companies" and kids.group == "children"
    assert block_key(firms) is not None and block_key(firms) == block_key(others)
    same, _ = score(firms, others, load_lexicon())
    other, why = score(firms, kids, load_lexicon())
    assert same > other and "different words for what is measured" in why
    # the group it names says what it measures, not a topic word of the clause before it
    trial = frames("Die Produktivität sei um 4,2 Prozent gestiegen, die Krankenstände seien um 31 Prozent "
                   "gesunken, und 89 Prozent der Betriebe wollten bei der verkürzten Woche bleiben.", "de")
    assert [(trial[s].group, trial[s].topic) for s in ("4,2 Prozent", "31 Prozent", "89 Prozent")] == [
        (None, "productivity"), (None, "sick_leave"), ("companies", None)]
    # and "of" is a share's link only right before its group: "88.2 percent of the workforce cast ballots"
    workforce = frames("In all, 88.2 percent of the workforce cast ballots.", "en")["88.2 percent"]
    assert workforce.fine_group == workforce.group == "people"  # (a firm's workers are its people)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "group", "action"),
    [
        ("en", "About 150 ice anglers were trapped on the floe.", "150", "people", "trapped"),
        ("fr", "Quelque 215 pêcheurs ont été secourus.", "215", "people", "rescued"),
        ("de", "Rund 200 Eisangler trieben auf der Scholle ab.", "200", "people", None),
        ("en", "Spain received 106.2 million international arrivals.", "106.2 million", "people", "received"),
        ("es", "Los carabineros controlaron a 318 jornaleros.", "318", "people", "employed"),
        ("de", "Die Polizei kontrollierte 318 Erntehelfer.", "318", "people", "employed"),
        ("de", "Rund 38.000 Hirtenfamilien sind betroffen.", "38.000", "homes", None),
        ("en", "Fourteen people were treated for hypothermia.", "Fourteen", "people", "injured"),
        ("de", "Neun Personen wurden mit Unterkühlungen ins Krankenhaus gebracht.", "Neun", "people",
         "injured"),
        ("fr", "Le parquet de Palmi a fait arrêter onze personnes.", "onze", "people", "arrested"),
    ],
)
def test_anglers_pickers_arrivals_and_hypothermia(lang, text, surface, group, action) -> None:
    """Ice anglers and tourists' arrivals are people, day labourers and fruit pickers workers (a firm's
    people), herders' families households (German compounds by their last part); people treated for
    hypothermia are injured, and an infinitive of arrest ("a fait arrêter") arrests."""
    found = frames(text, lang)[surface]
    assert (found.group, found.action) == (group, action)


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Police put the crowd at about 38,000.", "38,000"),
        ("fr", "La gendarmerie a estimé l'affluence à environ 38 000.", "38 000"),
        ("es", "La policía cifró la multitud en unas 38.000.", "38.000"),
        ("de", "Die Polizei schätzte die Menge dagegen auf rund 38.000.", "38.000"),
    ],
)
def test_a_crowd_named_before_its_figure_counts_people(lang, text, surface) -> None:
    """A figure with no noun of its own after a word for a crowd counts people, as "45,000 spectators"
    does, so that the organisers' and the police's figures are compared."""
    assert frames(text, lang)[surface].group == "people"
