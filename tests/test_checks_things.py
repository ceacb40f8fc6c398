"""Counted things across languages (checks/things.py) and an elided count of a thing (checks/frames.py
_carry_group): real extractor, real frames."""

from __future__ import annotations

from datetime import date

import pytest
from extracted_frames import frames_by_surface

from quantcheck.checks.frames import Frame, read_document
from quantcheck.checks.identity import block_key
from quantcheck.checks.things import thing_key

DAY = date(2030, 7, 10)


def frames(text: str, lang: str) -> dict[str, Frame]:
    return frames_by_surface(text, lang, DAY)


@pytest.mark.parametrize(
    "words",
    [
        ("tractors", "tracteurs", "tractores", "Traktoren"),
        ("typhoons", "typhons", "tifones", "Taifune", "Taifunen"),
        ("cabins", "cabines", "cabinas", "Kabinen"),
        ("ambulances", "ambulancias"),
        ("technicians", "techniciens"),
        ("hospital", "hospitals", "hospitales"),
    ],
)
def test_cognates_and_inflections_of_one_noun_share_a_key(words) -> None:
    """Nouns news counts are mostly cognates across the four languages, or one word's inflections."""
    assert len({thing_key(w) for w in words}) == 1


@pytest.mark.parametrize(("a", "b"), [("guests", "invités"), ("tractors", "trucks"), ("vols", "vuelos"),
                                      ("bars", "bears"), ("cabins", "cabinets")])
def test_different_nouns_and_short_words_keep_apart(a, b) -> None:
    """Non-cognates stay apart, and a short word keeps its spelling: two consonants would join unrelated
    nouns ("vols" / "vuelos" is no loss: flights are a group of the lexicon)."""
    assert thing_key(a) != thing_key(b)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "About 450 tractors blocked the motorway on Tuesday."),
        ("fr", "Environ 450 tracteurs bloquaient l'autoroute mardi."),
        ("es", "Unos 450 tractores bloqueaban la autopista el martes."),
        ("de", "Rund 450 Traktoren blockierten am Dienstag die Autobahn."),
    ],
)
def test_one_thing_counted_in_four_languages_is_one_block(lang, text) -> None:
    f = frames(text, lang)["450"]
    assert block_key(f) == block_key(frames("About 450 tractors blocked the motorway.", "en")["450"])
    assert f.fine_group and f.fine_group.lower().startswith(("tract", "trakt"))  # shown as written


@pytest.mark.parametrize(
    ("lang", "text", "elided"),
    [
        ("fr", "Mardi, la préfecture avait recensé environ 450 tracteurs, les organisateurs 1 200.", "1 200"),
        ("en", "Police counted about 450 tractors on Tuesday; the unions said more than 1,200 had come.",
         "1,200"),
        ("de", "Die Polizei spricht von rund 450 Traktoren, der Bauernverband von «über 1.200».", "1.200"),
        ("es", "La prefectura contó unos 450 tractores (1.200 según los sindicatos).", "1.200"),
    ],
)
def test_an_elided_count_of_a_thing_counts_the_thing_before_it(lang, text, elided) -> None:
    """The second source's figure names no noun: it counts what the figure before it in its sentence counts,
    so the two outlets' figures are one fact's rivals."""
    read = frames(text, lang)
    first = next(f for s, f in read.items() if s != elided and f.thing)
    assert read[elided].thing == first.thing
    assert block_key(read[elided]) == block_key(first)


def test_an_elided_count_prefers_a_group_to_a_count_of_places() -> None:
    """"1.1 million people marched in 248 towns; the CGT claimed 3.2 million": the million are people, not
    towns."""
    read = frames("The ministry said 1.1 million people marched in 248 towns and cities; the CGT union "
                  "claimed 3.2 million.", "en")
    assert (read["3.2 million"].group, read["3.2 million"].thing) == ("people", None)


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("es", "La intoxicación en el condado keniano de Nyeri ha causado 31 muertes.", "Nyeri"),
        ("es", "Más de 7.900 hectáreas han ardido en el condado de Ventura, en California.", "Ventura"),
    ],
)
def test_a_county_noun_names_the_place_after_it(lang, text, name) -> None:
    """Spanish "condado" is a place noun: the name after it is the story's place, not the agency's dateline
    ("NAIROBI (Agencias) – ... en el condado keniano de Nyeri")."""
    assert name in [p.name for p in read_document(text, lang, DAY).places]


@pytest.mark.parametrize(
    ("lang", "text", "part"),
    [
        ("en", "Five people died, two of them children.", "two"),
        ("en", "Five people died on Wednesday. Two of the dead were children.", "Two"),
        ("es", "Cinco personas, dos de ellas niños, han muerto.", "dos"),
        ("fr", "Cinq personnes sont mortes, deux d'entre elles étaient des enfants.", "deux"),
        ("de", "Fünf Menschen starben. Zwei der Toten waren Kinder.", "Zwei"),
    ],
)
def test_a_part_s_group_after_of_them_is_the_part_s(lang, text, part) -> None:
    """"two of them children": the group after "of them" (or after "of the dead" and a copula) is the part's —
    children killed, one fact with "including two children" — not the whole's people."""
    f = frames(text, lang)[part]
    assert (f.group, f.action, f.part) == ("children", "killed", "subgroup")


@pytest.mark.parametrize(
    ("lang", "text", "part", "group"),
    [
        ("en", "Ten people were hurt on Monday, two of them were killed later.", "two", "people"),
        ("en", "The party won 13 of the 36 seats.", "13", "seats"),
    ],
)
def test_no_group_after_of_them_keeps_the_whole_s(lang, text, part, group) -> None:
    assert frames(text, lang)[part].group == group


@pytest.mark.parametrize(
    ("lang", "text", "surface", "group"),
    [
        ("en", "Some 600 holidaymakers were staying at the campsite.", "600", "people"),
        ("fr", "Quelque 600 vacanciers séjournaient au camping.", "600", "people"),
        ("es", "Unos 600 veraneantes se alojaban en el camping.", "600", "people"),
        ("de", "Rund 600 Urlauber hielten sich auf dem Platz auf.", "600", "people"),
        ("en", "The inmates held 11 prison guards hostage.", "11", "state_forces"),
        ("fr", "Les détenus retenaient 11 gardiens en otage.", "11", "state_forces"),
        ("es", "Los reclusos retenían a 11 guardias.", "11", "state_forces"),
        ("de", "Die Häftlinge hielten 11 Wärter fest.", "11", "state_forces"),
    ],
)
def test_visitors_are_people_and_prison_guards_state_forces(lang, text, surface, group) -> None:
    """Words for the people a story counts (holidaymakers, guests, tourists) and for prison guards are the
    lexicon's groups in the four languages, so the outlets' figures are compared (one key for "vacanciers"
    and "Urlauber", which share no letters)."""
    assert frames(text, lang)[surface].group == group


@pytest.mark.parametrize(
    ("lang", "text", "parts"),
    [
        ("de", "Unter den Toten sind zwei Kinder und drei ausländische Touristen.", ("zwei", "drei")),
        ("en", "Among the dead were three children and two tourists.", ("three", "two")),
        ("fr", "Parmi les morts figurent deux enfants et trois touristes.", ("deux", "trois")),
        ("es", "Entre los fallecidos hay tres niños y dos turistas.", ("tres", "dos")),
    ],
)
def test_a_sentence_opening_on_the_whole_makes_its_figures_parts(lang, text, parts) -> None:
    """"Unter den Toten sind zwei Kinder und zwei ausländische Touristen": both figures are parts of the
    toll, never its rivals."""
    read = frames(text, lang)
    assert all(read[p].part == "subgroup" for p in parts)


def test_a_new_clause_after_the_parts_is_no_part() -> None:
    """"Entre los fallecidos hay tres niños, y siete personas siguen desaparecidas": the missing are no
    part of the dead."""
    read = frames("Entre los fallecidos hay tres niños, y siete personas siguen desaparecidas.", "es")
    assert (read["siete"].part, read["siete"].action) == ("", "missing")
