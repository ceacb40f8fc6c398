"""A total followed by figures that add up to it ("21 civilians [...], 15 in a northern district of Manbij
and another six in Al-Tukhar"): the figures are its parts, never rivals of another outlet's total. Real
extractor, real frames, in the four languages; and sums that only happen to match are left alone."""

from __future__ import annotations

from datetime import date

import pytest
from extracted_frames import frames_by_surface

DAY = date(2030, 6, 12)


@pytest.mark.parametrize(
    ("lang", "text", "total", "parts"),
    [
        ("en", "The Observatory said 21 civilians had been killed in coalition raids, 15 in a northern "
               "district of Manbij and another six in Al-Tukhar.", "21", ("15", "six")),
        ("fr", "Les frappes ont tué 21 civils lundi : 15 dans un quartier nord de Manbij et six à Al-Tukhar.",
         "21", ("15", "six")),
        ("es", "Los bombardeos mataron a 21 civiles el lunes, 15 en un barrio del norte de Manbij y seis en "
               "Al Tujar.", "21", ("15", "seis")),
        ("de", "Die Angriffe töteten am Montag 21 Zivilisten, 15 in einem Viertel im Norden von Manbidsch "
               "und sechs in Al-Tuchar.", "21", ("15", "sechs")),
        # the parts in the quote after the total's sentence
        ("en", "Raids on Aleppo killed 31 civilians on Friday, the civil defence said. \"As well as the 10 "
               "civilians killed in strikes on the bus, 21 others died in intense strikes.\"", "31",
         ("10", "21")),
    ],
)
def test_figures_adding_up_to_a_total_are_its_parts(lang, text, total, parts) -> None:
    f = frames_by_surface(text, lang, DAY)
    assert f[total].part == ""
    # ("another six", "21 others": increments, compared with other outlets' increments)
    assert all(f[p].part in ("subgroup", "additional") for p in parts)
    assert f[parts[0]].part == "subgroup"


@pytest.mark.parametrize(
    ("lang", "text", "parts"),
    [
        # 3 + 5 = 8, but the 5 were injured, not killed
        ("en", "The blast killed 8 people on Monday; 3 soldiers died later and 5 were injured.",
         {"3": "", "5": ""}),
        # 7 + 4 is not 12
        ("fr", "L'attaque a fait 12 morts : 7 civils et 4 militaires, selon l'ONU.", {"7": "", "4": ""}),
        # parts naming groups of their own are compared as such: the passengers are no crew
        ("en", "The ferry had 412 people on board – 354 passengers and 58 crew – when the blaze started.",
         {"354": "", "58": ""}),
        # a toll's new level: 74 = 71 + 3, but 71 is the corrected toll
        ("es", "Las autoridades rebajaron la cifra de heridos de 74 a 71, tras detectar que 3 personas "
               "habían sido contabilizadas dos veces.", {"71": "", "3": ""}),
        # an increment and the toll's earlier level: 3 + 61 = 64, but 61 is the same toll before
        ("en", "The toll rose to 64 on Tuesday. The ministry said three more patients had died overnight, "
               "bringing the toll up from 61.", {"three": "additional", "61": ""}),
        # a figure larger than the total
        ("de", "Bei dem Unglück starben 9 Menschen, 40 wurden verletzt und 5 werden vermisst.",
         {"40": "", "5": ""}),
    ],
)
def test_sums_of_other_tolls_are_no_parts(lang, text, parts) -> None:
    f = frames_by_surface(text, lang, DAY)
    assert {s: f[s].part for s in parts} == parts


def test_another_figure_paragraphs_after_the_first_toll_is_an_increment() -> None:
    """"Air raids in the town of Maarat al-Numan killed another six people", paragraphs after the city's
    toll: a further toll of another place, not a rival of the first (read as one when it stood more than
    400 characters away)."""
    background = (
        "It said it did not know whether Syrian or Russian jets had carried out the strikes. Both are "
        "operating in the area. Russia deployed warplanes to Syria last year to support the government "
        "against rebels seeking to end its rule. Idlib city and the province of the same name are a "
        "stronghold of rebel groups, and the front lines there have barely moved since the spring. "
    )
    text = (
        "Air strikes killed more than 20 people in the northwestern city of Idlib on Sunday, the Observatory "
        "said. " + background * 2 + "Air raids in the town of Maarat al-Numan killed another six people."
    )
    f = frames_by_surface(text, "en", DAY)
    assert (f["20"].part, f["six"].part) == ("", "additional")


@pytest.mark.parametrize(
    ("lang", "text", "whole", "foreigners"),
    [
        ("en", "Fifteen people remain missing, including five foreigners.", "Fifteen", "five"),
        ("fr", "Seize personnes sont toujours portées disparues, dont cinq étrangers.", "Seize", "cinq"),
        ("es", "Otras 16 personas siguen desaparecidas, entre ellas cinco extranjeros.", "16", "cinco"),
        ("de", "16 Menschen gelten noch als vermisst, darunter fünf Ausländer.", "16", "fünf"),
    ],
)
def test_the_foreigners_among_a_toll_are_a_subgroup(lang, text, whole, foreigners) -> None:
    """The foreigners among the missing are their own fact (checks/lexicon/terms.toml [group] foreigners),
    never a rival of the whole toll another outlet gives."""
    f = frames_by_surface(text, lang, DAY)
    assert (f[whole].group, f[whole].part) == ("people", "")
    assert (f[foreigners].group, f[foreigners].part) == ("foreigners", "subgroup")
    assert f[foreigners].action == f[whole].action == "missing"


@pytest.mark.parametrize(
    ("lang", "text", "first", "second", "group"),
    [
        ("en", "Officials said 213 cattle had died. The farmers' association says the real figure is about "
               "340, because herders buried animals.", "213", "340", "animals"),
        ("es", "Aena cifra en 1.450 los vehículos calcinados. La patronal UNESPA los eleva a 1.680.", "1.450",
         "1.680", "vehicles"),
        ("fr", "La préfecture a recensé 450 tracteurs. La FNSEA les porte à 1 200.", "450", "1 200", None),
        ("de", "Die Polizei zählte 87 Verletzte. Der Rettungsdienst beziffert die Zahl auf 112.", "87", "112",
         "people"),
    ],
)
def test_another_sources_figure_for_what_was_just_counted(lang, text, first, second, group) -> None:
    """A bare figure in the next sentence, given by another source in words that name it a figure ("the real
    figure is", "los eleva a", "les porte à", "beziffert die Zahl auf"), counts what was just counted."""
    f = frames_by_surface(text, lang, DAY)
    counted = f[first].group or f[first].thing
    assert counted and (f[second].group or f[second].thing) == counted
    assert group is None or f[first].group == group  # (tractors are a thing the lexicon does not name)
    assert f[second].action == f[first].action
