"""Reading a claim's frame from its words (checks/frames.py): one named test per rule, in every language
where the construction exists. Numbers are located by their surface; the frame is read with the real
lexicon and gazetteer, as checks.refresh does."""

from __future__ import annotations

import re
from datetime import date

import pytest

from quantcheck.checks.frames import ClaimInput, Frame, frames_for_document, read_document
from quantcheck.checks.identity import block_key

ARTICLE_DAY = date(2016, 7, 19)  # a Tuesday


def frame(
    text: str,
    surface: str,
    lang: str = "en",
    counted: str | None = None,
    dimension: str = "count",
    nth: int = 0,
    published: date | None = ARTICLE_DAY,
    others: tuple[str | tuple[str, str], ...] = (),
) -> Frame:
    """The frame of the nth occurrence of ``surface`` in ``text``; ``others`` are further numbers of the
    text that the extractor also found (they end noun phrases and join coordinations), as a surface or a
    (surface, dimension) pair."""
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(surface, pos + 1)

    def sentence(at: int) -> tuple[int, int]:
        # a full stop after a digit is a German ordinal ("am 29. Oktober"), not a sentence's end
        stops = [m.start() for m in re.finditer(r"(?<!\d)\. ", text)]
        start = max((k for k in stops if k < at), default=-2)
        end = min((k for k in stops if k >= at), default=len(text) - 1)
        return start + 2, end + 1

    claims = [ClaimInput("m", pos, pos + len(surface), *sentence(pos), dimension, counted, None)]
    for i, other in enumerate(others):
        other, dim = (other, "count") if isinstance(other, str) else other
        p = text.index(other)
        claims.append(ClaimInput(f"o{i}", p, p + len(other), *sentence(p), dim, None, None))
    frames = frames_for_document(text, lang, published, claims)
    return frames[0]


def frames_of(text: str, lang: str, published: date | None = ARTICLE_DAY, title: str | None = None
              ) -> dict[str, Frame]:
    """The frames of every figure of a text of several sentences (digits and capitalised or lower-case number
    words of the four languages), by surface: figures read together, as in one article."""
    figures = re.finditer(r"\d+(?:[.,]\d+)*|\b(?:[Nn]eun|[Ss]ept|[Nn]ueve|[Nn]ine)\b", text)
    stops = [j.start() for j in re.finditer(r"\.(?: |$)", text)]
    claims = []
    for i, m in enumerate(figures):
        start = max((k + 2 for k in stops if k < m.start()), default=0)
        end = min((k + 1 for k in stops if k >= m.end()), default=len(text))
        claims.append(ClaimInput(f"m{i}", m.start(), m.end(), start, end, "count", None, None))
    frames = frames_for_document(text, lang, published, claims, title=title)
    return {text[c.start:c.end]: f for c, f in zip(claims, frames, strict=True)}


# -- what is counted and what happened to it ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "surface", "group", "action"),
    [
        ("en", "At least 12 civilians were killed in the strike.", "12", "people", "killed"),
        ("fr", "Au moins 12 civils ont été tués dans la frappe.", "12", "people", "killed"),
        ("es", "Al menos 12 civiles murieron en el ataque.", "12", "people", "killed"),
        ("de", "Mindestens 12 Zivilisten wurden bei dem Angriff getötet.", "12", "people", "killed"),
        ("en", "The blast wounded 30 people near the market.", "30", "people", "injured"),
        ("fr", "L'explosion a blessé 30 personnes près du marché.", "30", "people", "injured"),
        ("es", "La explosión hirió a 30 personas cerca del mercado.", "30", "people", "injured"),
        ("de", "Die Explosion verletzte 30 Menschen nahe dem Markt.", "30", "people", "injured"),
    ],
)
def test_group_and_action_are_read_on_either_side_of_the_number(lang, text, surface, group, action) -> None:
    f = frame(text, surface, lang)
    assert (f.group, f.action) == (group, action)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "action"),
    [
        ("en", "Six dead and 22 wounded after the bus blast.", "22", "injured"),
        ("fr", "Six morts et 22 blessés après l'explosion du bus.", "22", "injured"),
        ("es", "Seis muertos y 22 heridos tras la explosión del autobús.", "22", "injured"),
        ("de", "Sechs Tote und 22 Verletzte nach der Explosion des Busses.", "22", "injured"),
    ],
)
def test_a_noun_that_names_the_victims_carries_the_action(lang, text, surface, action) -> None:
    f = frame(text, surface, lang, others=(text.split()[0],))
    assert (f.group, f.action) == ("people", action)


def test_the_closer_verb_wins_in_killed_x_and_injured_y() -> None:
    text = "An explosion inside a bus killed six people and injured another ten in Damascus."
    assert frame(text, "six", others=("ten",)).action == "killed"
    assert frame(text, "ten", others=("six",)).action == "injured"


@pytest.mark.parametrize(
    ("lang", "text", "first", "second"),
    [
        ("en", "Russian attacks killed three people and wounded nine others.", "three", "nine"),
        ("fr", "Les frappes ont tué trois personnes et blessé neuf autres.", "trois", "neuf"),
        ("es", "Los ataques mataron a tres personas e hirieron a otras nueve.", "tres", "nueve"),
        ("de", "Die Angriffe töteten drei Menschen und verletzten neun weitere.", "drei", "neun"),
    ],
)
def test_a_verb_after_and_belongs_to_the_next_figure(lang, text, first, second) -> None:
    # "and wounded nine others": "others" is a group word, but the figure before it has its own verb
    assert frame(text, first, lang, others=(second,)).action == "killed"
    assert frame(text, second, lang, others=(first,)).action == "injured"


def test_coordinated_counts_share_their_verb() -> None:
    text = "Two women and two soldiers were killed in the attack."
    assert frame(text, "Two", others=("two",)).action == "killed"
    assert frame(text, "two", others=("Two",)).action == "killed"
    assert frame(text, "two", others=("Two",)).group == "state_forces"


def test_fighters_take_the_side_their_modifier_names() -> None:
    assert frame("Clashes killed 30 regime fighters.", "30").group == "state_forces"
    assert frame("Clashes killed 39 rebel fighters.", "39").group == "nonstate_fighters"
    assert frame("Clashes killed 70 fighters on both sides.", "70").group == "fighters"


def test_fighters_of_both_sides_named_together_take_no_side() -> None:
    """"At least 70 regime and rebel fighters" counts both sides: not a rival of "30 regime fighters"."""
    text = "At least 70 regime and rebel fighters have been killed in 24 hours."
    assert frame(text, "70").group == "fighters"


def test_a_side_before_a_second_figure_shares_its_noun() -> None:
    """"30 regime and 39 rebel fighters": the first figure's noun is the second's ("fighters"), on its own
    side; it was read as a thing, "regime"."""
    text = "The Observatory said 30 regime and 39 rebel fighters have been killed."
    assert frame(text, "30", others=("39",)).group == "state_forces"
    assert frame(text, "39", others=("30",)).group == "nonstate_fighters"


def test_civilians_are_the_same_group_as_people_unless_named_as_a_subgroup() -> None:
    assert frame("Two civilians were killed on Monday.", "Two").group == "people"
    sub = frame("At least 82 people including 58 civilians were killed.", "58", others=("82",))
    assert (sub.group, sub.part) == ("civilians", "subgroup")


# -- parts: subgroups and increments ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "surface", "other"),
    [
        ("en", "The strikes killed 58 people including 11 children.", "11", "58"),
        ("fr", "Les frappes ont tué 58 personnes, dont 11 enfants.", "11", "58"),
        ("es", "Los ataques mataron a 58 personas, entre ellas 11 niños.", "11", "58"),
        ("de", "Die Angriffe töteten 58 Menschen, darunter 11 Kinder.", "11", "58"),
    ],
)
def test_a_subgroup_marker_makes_a_part(lang, text, surface, other) -> None:
    f = frame(text, surface, lang, others=(other,))
    assert (f.group, f.part) == ("children", "subgroup")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "other"),
    [
        (
            "en",
            "15 civilians were killed in the town while another six died in a village nearby.",
            "six",
            "15",
        ),
        (
            "fr",
            "15 civils ont été tués dans la ville et six autres sont morts dans un village voisin.",
            "six",
            "15",
        ),
        ("es", "15 civiles murieron en la ciudad y otros seis murieron en un pueblo cercano.", "seis", "15"),
        (
            "de",
            "15 Zivilisten wurden in der Stadt getötet, weitere sechs starben in einem Dorf.",
            "sechs",
            "15",
        ),
    ],
)
def test_an_increment_after_a_figure_of_the_same_toll_is_a_part(lang, text, surface, other) -> None:
    assert frame(text, surface, lang, others=(other,)).part == "additional"


def test_another_after_a_different_verb_is_not_an_increment() -> None:
    text = "The blast killed six people and injured another ten."
    assert frame(text, "ten", others=("six",)).part == ""


# -- scope ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "More than 280,000 people have been killed since the war began in 2011.", "280,000"),
        (
            "en",
            "The conflict in Syria which has lasted five years has killed more than 280000 people.",
            "280000",
        ),
        ("fr", "Plus de 280 000 personnes ont été tuées depuis le début de la guerre en 2011.", "280 000"),
        ("es", "Más de 280.000 personas han muerto desde el inicio de la guerra en 2011.", "280.000"),
        ("de", "Mehr als 280.000 Menschen sind seit Beginn des Krieges 2011 getötet worden.", "280.000"),
        ("en", "Air strikes have killed 270 civilians in Aleppo during April.", "270"),
    ],
)
def test_running_totals_are_their_own_scope(lang, text, surface) -> None:
    assert frame(text, surface, lang).scope == "cumulative"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "scope"),
    [
        ("en", "The heatwave has so far killed seven people, the ministry said.", "seven", "incident"),
        ("fr", "La vague de chaleur a fait sept morts jusqu'à présent.", "sept", "incident"),
        ("es", "La ola de calor ha dejado hasta ahora siete muertos.", "siete", "incident"),
        ("de", "Die Hitzewelle hat bisher sieben Menschen das Leben gekostet.", "sieben", "incident"),
        ("en", "Floods have killed 120 people so far this year.", "120", "cumulative"),
        ("de", "Seit Januar sind 120 Menschen ertrunken.", "120", "cumulative"),
    ],
)
def test_a_toll_so_far_is_the_incident_s_toll_a_period_needs_a_start(lang, text, surface, scope) -> None:
    """"so far", "bisher", "hasta ahora", "jusqu'à présent" say a toll may still rise, not that it sums a
    period: a running total starts somewhere ("since", "this year")."""
    assert frame(text, surface, lang).scope == scope


@pytest.mark.parametrize(
    ("lang", "text", "surface", "duration"),
    [
        ("en", "More than 280,000 people have been killed since 2011.", "280,000", None),
        ("en", "Since 21 May, US strikes have killed 229 civilians.", "229", None),
        ("en", "Over the past three days, 45 civilians were killed in Aleppo.", "45", "three days"),
        ("fr", "Plus de 280 000 personnes ont été tuées depuis mars 2011.", "280 000", None),
        ("fr", "Depuis le 3 mars, 120 civils ont été tués.", "120", None),
        ("es", "Más de 280.000 personas han muerto desde 2011.", "280.000", None),
        ("de", "In den vergangenen zwei Wochen wurden 200 Zivilisten getötet.", "200", "zwei Wochen"),
    ],
)
def test_a_date_or_duration_in_the_period_does_not_take_the_marker(lang, text, surface, duration) -> None:
    """The year, date or duration after "since" / "in the past" is part of the period, not a rival figure
    nearer to the marker: the toll is still a running total."""
    others = ((duration, "[time]"),) if duration else ()
    assert frame(text, surface, lang, others=others).scope == "cumulative"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The toll has risen to 31 since Sunday, officials said.", "31"),
        ("fr", "Le bilan est passé à 31 morts depuis dimanche.", "31"),
    ],
)
def test_since_a_weekday_is_still_the_incident(lang, text, surface) -> None:
    assert frame(text, surface, lang).scope == "incident"


def test_a_figure_about_last_month_is_not_the_incident() -> None:
    assert frame("Air strikes killed at least 23 people last month.", "23").scope == "past"


# -- where ------------------------------------------------------------


def test_the_place_in_the_clause_frames_the_claim() -> None:
    f = frame("Air strikes on a market in the city of Idlib killed 21 civilians on Sunday.", "21")
    assert (f.place, f.place_kind, f.place_cc, f.place_source) == ("Idlib", "town", "SY", "clause")


def test_a_village_unknown_to_the_gazetteer_is_still_a_place() -> None:
    f = frame("Six more people died in a village called Al-Tukhar near Manbij after the raids.", "Six")
    assert f.spot in ("al tukhar", "manbij")
    f = frame("Coalition jets struck the village of Tokhar, killing 56 civilians.", "56")
    assert f.spot == "tokhar"


def test_a_country_named_as_an_actor_is_not_a_place() -> None:
    f = frame("Russia said 40 militants were killed.", "40", published=None)
    assert f.place is None


def test_a_place_named_earlier_frames_a_later_claim() -> None:
    text = "Fighting raged in Homs on Monday. The army said 17 rebels were killed."
    f = frame(text, "17")
    assert (f.place, f.place_source) == ("Homs", "context")


# -- when ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "surface", "day"),
    [
        ("en", "Air strikes killed 12 people on Sunday.", "12", date(2016, 7, 17)),
        ("fr", "Des frappes ont tué 12 personnes dimanche.", "12", date(2016, 7, 17)),
        ("es", "Los bombardeos mataron a 12 personas el domingo.", "12", date(2016, 7, 17)),
        ("de", "Luftangriffe töteten am Sonntag 12 Menschen.", "12", date(2016, 7, 17)),
        ("en", "Yesterday's blast killed 12 people.", "12", date(2016, 7, 18)),
        ("fr", "L'explosion d'hier a tué 12 personnes.", "12", date(2016, 7, 18)),
        ("en", "An August 21 chemical attack killed more than 1,400 people.", "1,400", date(2016, 8, 21)),
    ],
)
def test_the_incident_day_comes_from_the_words(lang, text, surface, day) -> None:
    published = date(2016, 9, 5) if "August" in text else ARTICLE_DAY
    f = frame(text, surface, lang, published=published)
    assert f.day == day


@pytest.mark.parametrize(
    ("lang", "text", "surface", "others"),
    [
        ("de", "Am 4. Juli waren es laut Ministerium noch 1,27 Millionen gewesen. In Paris zählte die "
               "Polizei 87.000 Teilnehmende, die CGT 450.000.", "87.000", ("1,27 Millionen", "450.000")),
        ("en", "On 4 July, 1.27 million people had marched. In Paris, police counted 87,000 protesters on "
               "Monday.", "87,000", ("1.27 million",)),
        ("fr", "Le 4 juillet, 1,27 million de personnes avaient défilé. À Paris, la police a compté 87 000 "
               "manifestants.", "87 000", ("1,27 million",)),
    ],
)
def test_an_older_date_of_an_earlier_sentence_is_no_later_figure_s_day(lang, text, surface, others) -> None:
    """A background event told just before (two weeks earlier) does not date the next sentence's figure;
    checks/dates.py EARLIER_SENTENCE_DAYS."""
    f = frame(text, surface, lang, others=others)
    assert f.day != date(2016, 7, 4)
    assert f.day >= date(2016, 7, 18)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "On 4 July, 1.27 million people had marched."),  # a decimal figure where a year may stand
        ("de", "Am 4. Juli, 1,27 Millionen Menschen."),
        ("en", "On ² July 2016 and 4 July ²⁰¹⁶ it rained."),  # digits int() does not read
    ],
)
def test_a_figure_after_a_date_is_no_year_and_odd_digits_do_not_break_dates(lang, text) -> None:
    from quantcheck.checks.dates import find_dates
    from quantcheck.checks.lexicon import load_lexicon, words

    lex = load_lexicon()
    found = find_dates(text, words(text), [lex.language(lang), lex.language("en")], 2016)
    assert all(d.day.year == 2016 and not d.has_year for d in found if d.day.month == 7 and d.day.day == 4)


def test_a_recent_date_of_an_earlier_sentence_still_dates_the_figure() -> None:
    text = "Air strikes hit a market in Idlib on 16 July. Thirteen people were killed, doctors said."
    f = frame(text, "Thirteen")
    assert (f.day, f.day_source) == (date(2016, 7, 16), "date")


def test_a_dateline_beats_a_wrong_published_date() -> None:
    text = "Monday 18 Aug 2014 Syrian war planes bombed positions on Sunday, killing 31 jihadists."
    f = frame(text, "31", published=date(2014, 8, 5))
    assert f.day == date(2014, 8, 17)


# -- kinds of incident ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "surface", "kind"),
    [
        ("en", "Air strikes on the market killed 20 people.", "20", "airstrike"),
        ("fr", "Des frappes aériennes sur le marché ont tué 20 personnes.", "20", "airstrike"),
        ("es", "Los ataques aéreos contra el mercado mataron a 20 personas.", "20", "airstrike"),
        ("de", "Luftangriffe auf den Markt töteten 20 Menschen.", "20", "airstrike"),
        ("en", "The earthquake killed 29 people.", "29", "earthquake"),
        ("fr", "Le séisme a fait 29 morts.", "29", "earthquake"),
        ("es", "El terremoto dejó 29 muertos.", "29", "earthquake"),
        ("de", "Das Erdbeben forderte 29 Tote.", "29", "earthquake"),
    ],
)
def test_kinds_of_incident_are_read_near_the_number(lang, text, surface, kind) -> None:
    assert kind in frame(text, surface, lang).incidents


# -- a figure repeated in another unit ------------------------------------------------------------


def _parts(lang: str, text: str, figures: list[tuple[str, str]]) -> list[str]:
    claims = []
    for k, (surface, dimension) in enumerate(figures):
        p = text.index(surface)
        claims.append(ClaimInput(f"m{k}", p, p + len(surface), 0, len(text), dimension, None, None))
    return [f.part for f in frames_for_document(text, lang, ARTICLE_DAY, claims)]


@pytest.mark.parametrize(
    ("lang", "text", "first", "second", "dimension"),
    [
        ("en", "The fire burnt 4,000 hectares (9,900 acres) of pine.", "4,000 hectares", "9,900 acres",
         "[length] ** 2"),
        ("en", "Oliva lies 70 kilometres, or about 43 miles, south of Valencia.", "70 kilometres", "43 miles",
         "[length]"),
        ("fr", "Oliva est à 70 km, soit environ 43 miles, de Valence.", "70 km", "43 miles", "[length]"),
        ("es", "El fuego quemó 4.000 hectáreas (unos 9.900 acres).", "4.000 hectáreas", "9.900 acres",
         "[length] ** 2"),
        ("de", "Die Flammen vernichteten 4.000 Hektar oder rund 9.900 Acres.", "4.000 Hektar", "9.900 Acres",
         "[length] ** 2"),
    ],
)
def test_a_figure_followed_by_its_conversion_is_one_statement(lang, text, first, second, dimension) -> None:
    assert _parts(lang, text, [(first, dimension), (second, dimension)]) == ["", "conversion"]


def test_an_amount_in_another_currency_is_a_conversion_but_a_second_figure_is_not() -> None:
    text = "Spending of €531.8bn ($622bn) and borrowing of €86.4bn were approved."
    figs = [("€531.8bn", "currency_EUR"), ("$622bn", "currency_USD"), ("€86.4bn", "currency_EUR")]
    assert _parts("en", text, figs) == ["", "conversion", ""]
    # two different measures, or two counts, are never conversions of each other
    assert _parts("en", "It burnt 4,000 hectares (60 km from here).", [("4,000 hectares", "[length] ** 2"),
                                                                      ("60 km", "[length]")]) == ["", ""]


@pytest.mark.parametrize(
    ("lang", "text", "surface", "distance", "place"),
    [
        ("en", "Bombs killed seven people and wounded 21 in the town of Marhanets, near Nikopol.", "seven",
         None, "Marhanets"),
        ("fr", "Les bombes ont tué sept personnes et blessé 21 dans la ville de Marhanets, près de Nikopol.",
         "sept", None, "Marhanets"),
        ("en", "Air strikes on a village 30 km south of Idlib killed 12 people on Sunday.", "12", "30 km",
         None),
    ],
)
def test_a_place_is_where_distances_are_measured_from_only_after_a_distance(
    lang, text, surface, distance, place
) -> None:
    """"30 km south of Idlib" does not place the strike in Idlib; "wounded 21 in the town of Marhanets" has a
    number and a place word before the name, but no distance: Marhanets is where it happened."""
    others = ((distance, "[length]"),) if distance else ()
    f = frame(text, surface, lang, others=others)
    assert f.place == place


@pytest.mark.parametrize(
    ("lang", "text", "first", "second"),
    [
        ("en", "The draft foresees spending of €531.8bn and new borrowing of €86.4bn in the core budget.",
         "€531.8bn", "€86.4bn"),
        ("es", "El presupuesto contempla un gasto de 531.800 millones de euros y una nueva deuda de 86.400 "
         "millones.", "531.800 millones de euros", "86.400 millones"),
        ("fr", "Le projet de budget 2027 de 531,8 milliards d'euros prévoit un nouvel emprunt de 86,4 "
         "milliards.", "531,8 milliards d'euros", "86,4 milliards"),
        ("de", "Der Entwurf sieht Ausgaben von 531,8 Milliarden Euro und eine Neuverschuldung von 86,4 "
         "Milliarden Euro vor.", "531,8 Milliarden Euro", "86,4 Milliarden Euro"),
    ],
)
def test_the_topic_heading_a_figure_names_it_even_when_generic(lang, text, first, second) -> None:
    """Spending and new borrowing in one sentence are two measures: each figure takes the word that heads its
    own phrase, not the most specific word of the clause."""
    figs = ((first, "currency_EUR"), (second, "currency_EUR"))
    a = frame(text, first, lang, dimension="currency_EUR", others=(figs[1],))
    b = frame(text, second, lang, dimension="currency_EUR", others=(figs[0],))
    assert a.topic != b.topic and b.topic == "borrowing"


def test_a_country_in_the_clause_places_the_figure_before_a_town_of_the_previous_sentence() -> None:
    text = ("The march in Paris drew 55,000 people, police said. In all, 506,000 people protested across "
            "France on Thursday.")
    f = frame(text, "506,000", others=("55,000",))
    assert (f.place, f.place_kind, f.place_source) == ("France", "country", "nationwide")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "place"),
    [
        ("en", "Syrian forces killed 12 people in Aleppo on Sunday.", "12", "Aleppo"),
        ("en", "Air strikes in northern Idlib killed 12 people on Sunday.", "12", "Idlib"),
        ("es", "Los bombardeos en el norte de Idlib mataron a 12 personas el domingo.", "12", "Idlib"),
    ],
)
def test_nationality_adjectives_and_directions_name_no_place_of_their_own(lang, text, surface, place) -> None:
    """Directions ("northern", "le nord de") and nationality adjectives ("Syrian forces") are language data
    (checks/lexicon/*.toml `compass`, `demonym_endings`): the place is the town they qualify."""
    assert frame(text, surface, lang).place == place


def test_a_gazetteer_cache_of_an_older_code_layout_is_rebuilt(tmp_path, monkeypatch) -> None:
    """A cache file written by an older layout of the code (its classes pickled as ``checks.gazetteer``
    before the package was installed as ``quantcheck.checks``) is rebuilt rather than failing every run."""
    import pickletools

    from quantcheck.checks import gazetteer

    # a pickle of the class checks.gazetteer.Gazetteer, which no longer imports
    content = b"\x80\x04\x8c\x10checks.gazetteer\x94\x8c\tGazetteer\x94\x93\x94."
    assert "checks.gazetteer" in "".join(str(arg) for _, arg, _ in pickletools.genops(content))
    monkeypatch.setenv("QUANTCHECK_CACHE", str(tmp_path))
    path = tmp_path / f"gazetteer-{gazetteer._versions()}.pickle"
    path.write_bytes(content)
    gazetteer.load.cache_clear()
    try:
        gaz = gazetteer.load()
    finally:
        gazetteer.load.cache_clear()
    assert isinstance(gaz, gazetteer.Gazetteer) and gaz.country("Syria") == "SY"
    assert path.read_bytes() != content  # rewritten


# -- a figure for the whole country, earlier incidents, weapons, buildings -------------------------------

SEPT = date(2026, 9, 19)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "others"),
    [
        ("en", "The interior ministry counted 506,000 protesters nationwide, including 55,000 in Paris.",
         "506,000", ("55,000",)),
        ("fr", "Le ministère attend entre 400 000 et 600 000 manifestants dans toute la France, dont "
         "50 000 à Paris.", "entre 400 000 et 600 000", ("50 000",)),
        ("es", "Más de 500.000 personas se manifestaron el viernes en toda Francia, 55.000 de ellas en "
         "París.", "500.000", ("55.000",)),
        ("de", "Nach Angaben des Innenministeriums gingen landesweit 506.000 Menschen auf die Straße. In "
         "Paris zählte die Polizei 55.000 Demonstranten.", "506.000", ("55.000",)),
    ],
)
def test_a_figure_for_the_whole_country_is_the_country_s_not_a_town_s(lang, text, surface, others) -> None:
    f = frame(text, surface, lang, others=others, published=SEPT)
    assert (f.place_kind, f.place_cc, f.place_source) == ("country", "FR", "nationwide")
    # the part counted in one town keeps its town
    town = frame(text, others[0], lang, others=(surface,), published=SEPT)
    assert (town.place_kind, town.place_cc, town.place_source) == ("town", "FR", "clause")


def test_a_rival_count_later_in_a_nationwide_sentence_covers_the_country_too() -> None:
    text = ("The interior ministry counted 506,000 protesters nationwide, including 55,000 in Paris, while "
            "the CGT union claimed more than one million.")
    f = frame(text, "one million", others=("506,000", "55,000"), published=SEPT)
    assert (f.place_cc, f.place_source) == ("FR", "nationwide")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "year"),
    [
        ("en", "Spain's deadliest flood struck the Valencia region on 29 October 2024, killing 229 people.",
         "229", 2024),
        ("fr", "Le 7 mars 2023, au plus fort de la contestation, le ministère avait compté 1,28 million de "
         "manifestants.", "1,28 million", 2023),
        ("es", "El 29 de octubre de 2024 la DANA mató a 229 personas en la provincia de Valencia.", "229",
         2024),
        ("de", "Am 29. Oktober 2024 kamen bei der Flut 229 Menschen ums Leben.", "229", 2024),
    ],
)
def test_a_count_dated_long_before_the_article_is_a_past_figure(lang, text, surface, year) -> None:
    f = frame(text, surface, lang, published=SEPT)
    assert (f.scope, f.year) == ("past", year)


def test_a_recent_date_in_the_clause_stays_the_incident_day() -> None:
    text = "Rescuers searched Pego on Friday. The floods killed 10 people in Oliva on 17 September 2026."
    f = frame(text, "10", published=SEPT)
    assert (f.scope, f.year) == ("incident", None)


@pytest.mark.parametrize(
    ("lang", "text", "drones", "missiles"),
    [
        ("en", "Overnight, Russia launched 87 drones and four missiles at Ukraine.", "87", "four"),
        ("fr", "Dans la nuit, la Russie a lancé 87 drones et quatre missiles sur l'Ukraine.", "87", "quatre"),
        ("es", "Durante la noche, Rusia lanzó 87 drones y cuatro misiles contra Ucrania.", "87", "cuatro"),
        ("de", "In der Nacht feuerte Russland 87 Drohnen und vier Marschflugkörper auf die Ukraine ab.", "87",
         "vier"),
    ],
)
def test_drones_and_missiles_are_counted_apart(lang, text, drones, missiles) -> None:
    a = frame(text, drones, lang, others=(missiles,), published=SEPT)
    b = frame(text, missiles, lang, others=(drones,), published=SEPT)
    assert (a.group, b.group) == ("drones", "missiles")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The president met 12 senators at the White House on Monday."),
        ("fr", "Le président a reçu 12 sénateurs à la Maison Blanche lundi."),
    ],
)
def test_a_building_named_like_a_town_after_an_article_is_no_place(lang, text) -> None:
    # GeoNames spells Casablanca "White House" / "Maison Blanche" (Dar el Beida): not after "the" / "la"
    f = frame(text, "12", lang)
    assert f.place_cc != "MA"


def test_a_german_noun_after_a_fused_article_is_no_town() -> None:
    # "am Boden" is "on the ground", not the Swedish town of Boden
    f = frame("Das Radar kann rund 51.800 Quadratkilometer abdecken und Bewegungen am Boden verfolgen.",
              "51.800", "de", dimension="[length] ** 2")
    assert f.place is None


def test_a_capitalised_noun_before_a_sentence_does_not_swallow_the_town_after_it() -> None:
    text = "Tausende gingen auf die Straße. In Paris zählte die Polizei 55.000 Demonstranten."
    f = frame(text, "55.000", "de")
    assert (f.place, f.place_source) == ("Paris", "clause")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "At least 280,000 people have been killed and millions displaced since Syria's war started.",
         "280,000"),
        ("fr", "Au moins 280 000 personnes ont été tuées et des millions déplacées depuis le début de la "
         "guerre.", "280 000"),
        ("es", "Al menos 280.000 personas han muerto y millones han huido desde el inicio de la guerra.",
         "280.000"),
        ("de", "Mindestens 280.000 Menschen wurden getötet und Millionen vertrieben seit Beginn des Krieges.",
         "280.000"),
    ],
)
def test_a_toll_since_the_war_began_is_a_running_total_however_far_the_words(lang, text, surface) -> None:
    assert frame(text, surface, lang).scope == "cumulative"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The AfD, which won 16.7% five years ago, has been leading national polls.", "16.7%"),
        ("fr", "L'AfD avait alors obtenu 16,7 % des voix.", "16,7 %"),
        ("es", "La AfD obtuvo por aquel entonces el 16,7 % de los votos.", "16,7 %"),
        ("de", "Die AfD kam damals auf 16,7 Prozent.", "16,7 Prozent"),
    ],
)
def test_a_share_of_years_before_is_a_past_figure(lang, text, surface) -> None:
    assert frame(text, surface, lang, dimension="[dimensionless]").scope == "past"


def test_a_price_of_last_week_is_still_the_price_in_question() -> None:
    f = frame("Le gazole a atteint 2,19 euros le litre la semaine dernière.", "2,19 euros le litre", "fr",
              dimension="[currency] / [length] ** 3")
    assert f.scope == "incident"


@pytest.mark.parametrize(
    ("lang", "text", "core", "total"),
    [
        ("en", "Net borrowing in the core budget will amount to €86.4bn. Borrowing including the special "
         "funds reaches €174bn.", "€86.4bn", "€174bn"),
        ("fr", "L'emprunt atteint 86,4 milliards d'euros dans le budget principal, et 174 milliards au total "
         "en incluant les fonds spéciaux.", "86,4 milliards d'euros", "174 milliards"),
        ("es", "La nueva deuda será de 86.400 millones de euros en el presupuesto básico y de 174.000 "
         "millones de euros en total.", "86.400 millones de euros", "174.000 millones de euros"),
        ("de", "Der Bund will im Kernhaushalt 86,4 Milliarden Euro neue Kredite aufnehmen, insgesamt 174 "
         "Milliarden Euro.", "86,4 Milliarden Euro", "174 Milliarden Euro"),
    ],
)
def test_a_budget_s_core_and_its_total_are_two_figures(lang, text, core, total) -> None:
    money = "currency_EUR"
    a = frame(text, core, lang, dimension=money, others=((total, money),), published=SEPT)
    b = frame(text, total, lang, dimension=money, others=((core, money),), published=SEPT)
    assert (a.part, b.part) == ("core", "total")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("fr", "La CGT revendique plus d'un million de manifestants.", "un million"),
        ("es", "Los sindicatos hablaron de un millón de manifestantes.", "un millón"),
        ("de", "Die Gewerkschaften sprachen von einer Million Demonstranten.", "einer Million"),
    ],
)
def test_a_scale_word_reaches_its_noun_over_de(lang, text, surface) -> None:
    f = frame(text, surface, lang, published=SEPT)
    assert (f.group, f.action) == ("people", "protesting")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The two parties won 37 seats, one short of the 38 needed for a majority.", "38"),
        ("fr", "Il faut 38 sièges pour la majorité absolue au Landtag.", "38"),
        ("es", "Son necesarios 38 escaños para la mayoría absoluta.", "38"),
        ("de", "Für eine Mehrheit sind 38 Sitze nötig.", "38"),
    ],
)
def test_a_requirement_is_not_what_happened(lang, text, surface) -> None:
    assert frame(text, surface, lang, others=("37",) if "37" in text else ()).scope == "forecast"


SPEED = "[length] / [time]"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The train was travelling at 118 km/h on a section limited to 80 km/h."),
        ("en", "It was doing 118 km/h, well over the 80 km/h speed limit."),
        ("fr", "La vitesse y était limitée à 80 km/h, mais le train roulait à 118 km/h."),
        ("es", "La velocidad máxima permitida era de 80 km/h y el tren circulaba a 118 km/h."),
        ("de", "Der Zug war mit 118 km/h unterwegs, erlaubt sind auf dem Abschnitt nur 80 km/h."),
    ],
)
def test_a_limit_is_not_what_was_measured(lang, text) -> None:
    """A speed limit and the speed driven are two facts: an outlet's "80 km/h" limit is no rival of another's
    "118 km/h" (two train-crash corpora flagged them). A limit word names the figure after it, or the one
    right before it ("the 80 km/h speed limit"), not a figure a comma sets apart ("mit 118 km/h unterwegs,
    erlaubt sind nur 80 km/h")."""
    limit, travelled = "80 km/h", "118 km/h"
    f = frame(text, limit, lang, dimension=SPEED, others=((travelled, SPEED),))
    g = frame(text, travelled, lang, dimension=SPEED, others=((limit, SPEED),))
    assert (f.scope, g.scope) == ("limit", "incident")


@pytest.mark.parametrize(
    ("lang", "text", "low", "high"),
    [
        ("en", "Seville hit 46.2C on Wednesday, and the overnight low was 29C.", "29C", "46.2C"),
        ("fr", "Le mercure a atteint 46,2 °C à Séville, et la température minimale est restée à 29 °C.",
         "29 °C", "46,2 °C"),
        ("es", "Sevilla llegó el miércoles a 46,2 grados. Por la noche, la mínima no bajó de 29 grados.",
         "29 grados", "46,2 grados"),
        ("de", "In Sevilla wurden 46,2 Grad gemessen, nachts sank das Thermometer nicht unter 29 Grad.",
         "29 Grad", "46,2 Grad"),
    ],
)
def test_a_night_low_is_not_the_day_s_high(lang, text, low, high) -> None:
    """The lowest temperature of a night is another fact than the day's high: a heatwave's "29 grados" at
    night never conflicts with another outlet's 46.2 °C ([topic] low_temperature)."""
    temp = "[temperature]"
    assert frame(text, low, lang, dimension=temp, others=((high, temp),)).topic == "low_temperature"
    assert frame(text, high, lang, dimension=temp, others=((low, temp),)).topic != "low_temperature"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The previous record, 38.3C, was set in January 2019.", "38.3C"),
        ("fr", "L'ancien record, 38,3 °C, datait de 2019.", "38,3 °C"),
        ("es", "El récord anterior, de 38,3 grados, era de 2019.", "38,3 grados"),
        ("de", "Der bisherige Rekord von 38,3 Grad stammte aus dem Jahr 2019.", "38,3 Grad"),
    ],
)
def test_the_previous_record_is_no_figure_of_today(lang, text, surface) -> None:
    """A record story cites the record it broke: "the previous record, 38.3C" is a past figure ([marker]
    long_ago), never a rival of today's 38.9 °C."""
    assert frame(text, surface, lang, dimension="[temperature]").scope == "past"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Around 280 people were on board, nearly twice its licensed capacity of 150."),
        ("fr", "Le bateau, d'une capacité de 150 passagers, transportait 280 personnes."),
        ("es", "La barcaza, con capacidad para 150 pasajeros, llevaba a bordo unas 280 personas."),
        ("de", "Das Boot war für 150 Passagiere zugelassen, an Bord waren aber 280 Menschen."),
    ],
)
def test_a_capacity_is_a_limit(lang, text) -> None:
    """A boat's or a hall's capacity is a limit ([marker] limit), never a rival of the people on board."""
    got = frames_of(text, lang)
    assert (got["150"].scope, got["280"].scope) == ("limit", "incident")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The boat was licensed to carry 150 passengers but had 280 on board."),
        ("en", "The ferry, authorized for 150 passengers, was carrying 280 people."),
        ("fr", "L'embarcation, homologuée pour 150 passagers, en transportait 280."),
        ("es", "La lancha estaba autorizada para 150 pasajeros, pero llevaba a 280."),
    ],
)
def test_what_a_vessel_is_licensed_to_carry_is_a_limit(lang, text) -> None:
    """"licensed to carry 150", "homologuée pour 150", "autorizada para 150" are a capacity ([marker]
    limit): the manifest's or the navy's count of the people aboard is another fact, never its rival."""
    got = frames_of(text, lang)
    assert (got["150"].scope, got["280"].scope) == ("limit", "incident")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The car was traveling at roughly 40 km/h when it derailed, more than twice its normal speed "
               "of 18 km/h."),
        ("fr", "La voiture roulait à environ 40 km/h, plus du double de sa vitesse normale de 18 km/h."),
        ("es", "El vagón bajaba a unos 40 km/h, más del doble de su velocidad normal de 18 km/h."),
        ("de", "Der Wagen war mit rund 40 km/h unterwegs, normalerweise fährt er 18 km/h."),
    ],
)
def test_a_usual_value_is_not_the_figure_of_the_day(lang, text) -> None:
    """A vehicle's normal speed is what it usually does ([marker] average: "its normal speed of 18 km/h",
    "normalerweise"), another fact than the speed it reached in the accident (40 km/h)."""
    got = frames_of(text, lang)
    assert (got["40"].scope, got["18"].scope) == ("incident", "average")


@pytest.mark.parametrize(
    ("lang", "text", "day", "mean"),
    [
        ("en", "The water reached 29C at the weekend, well above the October average of 23C.", "29", "23"),
        ("en", "Nurses on this ward care for 14 patients each, against 10 patients on average elsewhere.",
         "14", "10"),
        ("fr", "L'eau a atteint 29 degrés, contre 23 en moyenne à cette saison.", "29", "23"),
        ("es", "El agua alcanzó 29 grados, frente a una media de 23 grados en octubre.", "29", "23"),
        ("de", "Das Wasser war am Wochenende 29 Grad warm, durchschnittlich sind es 23 Grad.", "29", "23"),
    ],
)
def test_an_average_is_not_the_figure_of_the_day(lang, text, day, mean) -> None:
    """A season's or a year's average is another fact than the figure measured now ([marker] average):
    "29 degrés, contre 23 en moyenne" must not make 23 a rival of another outlet's 29 °C. The word names the
    figure right after it or the one just before it, not one a comma or a conjunction sets apart."""
    got = frames_of(text, lang)
    assert (got[day].scope, got[mean].scope) == ("incident", "average")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The average age rose to 44.9 years, and 21.3% of the population is 65 or older.", "21.3"),
        ("fr", "Une baisse de l'impôt pour les classes moyennes représente 11,2 milliards d'euros.", "11,2"),
        ("es", "La mediana de edad es de 71 años y el 70 % son hombres.", "70"),
        ("de", "Das Durchschnittsalter liegt bei 44,9 Jahren, und 21,3 Prozent sind älter als 65.", "21,3"),
    ],
)
def test_an_average_word_set_apart_names_another_figure(lang, text, surface) -> None:
    """An average word across a comma or a conjunction ("the average age ..., and 21.3%"), or the middle
    classes, leave the figure what it was."""
    assert frames_of(text, lang)[surface].scope == "incident"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Natural hazards cause on average 300 million francs ($340 million) of damage a year.", "300"),
        ("fr", "Le pays est frappé en moyenne par 20 typhons chaque année.", "20"),
        ("es", "En promedio llegan 20 tifones cada año.", "20"),
        ("de", "Im Schnitt sterben jedes Jahr 6 Menschen durch Hochwasser.", "6"),
    ],
)
def test_an_average_per_year_is_the_yearly_figure(lang, text, surface) -> None:
    """A yearly figure is written with "on average" or without it ("20 typhoons a year"): with a period after
    it ([marker] per_period), the average word leaves its scope alone, so both spellings meet."""
    assert frames_of(text, lang)[surface].scope != "average"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The crash, which killed 12 people, was the deadliest in the region since 2017."),
        ("en", "It was the worst pile-up since 2009, with 12 people injured."),
        ("fr", "L'accident, le plus meurtrier depuis 2017, a fait 12 morts."),
        ("es", "El accidente, el peor desde 2017, dejó 12 muertos."),
        ("de", "Bei dem schwersten Unglück seit 2017 starben 12 Menschen."),
    ],
)
def test_a_record_since_a_year_is_no_running_total(lang, text) -> None:
    """ "The deadliest crash since 2017" compares the incident with earlier ones ([marker] superlative before
    "since"): its toll is the incident's, neither a running total since 2017 nor a figure of 2017."""
    f = frames_of(text, lang)["12"]
    assert (f.scope, f.since, f.year) == ("incident", None, None)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Since 2017, 40 people have died on this road."),
        ("es", "Desde 2017, 40 personas han muerto en esta carretera."),
    ],
)
def test_since_a_year_without_a_record_is_still_a_running_total(lang, text) -> None:
    assert frames_of(text, lang)["40"].scope == "cumulative"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The school has about 1,100 pupils, 640 of whom attend the morning shift."),
        ("es", "La escuela tiene 1.100 alumnos, 640 de los cuales asisten al turno de la mañana."),
    ],
)
def test_a_figure_before_of_whom_is_a_part(lang, text) -> None:
    """ "640 of whom", "640 de los cuales": a part of the whole just counted ([marker] subgroup_after), never
    a rival of another outlet's 1,100 pupils."""
    assert frames_of(text, lang)["640"].part == "subgroup"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Turnout rose to 63.9% from 60.4% last time."),
        ("fr", "La participation s'établit à 63,9 %, contre 60,4 % lors des législatives précédentes."),
        ("es", "La participación subió al 63,9 %, frente al 60,4 % de las elecciones anteriores."),
        ("de", "Die Beteiligung lag bei 63,9 Prozent, nach 60,4 Prozent beim letzten Mal."),
    ],
)
def test_the_last_election_s_share_is_a_past_figure(lang, text) -> None:
    """"60.4% last time", "lors des législatives précédentes": the last vote's share ([marker] long_ago)."""
    got = {k.replace(",", "."): f.scope for k, f in frames_of(text, lang).items()}
    assert (got["63.9"], got["60.4"]) == ("incident", "past")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Since January, 9,412 cases and 21 deaths were notified, the institute said on Tuesday."),
        ("fr", "Depuis janvier, on a recensé 9 412 cas et 21 décès, selon le bulletin publié mardi."),
        ("es", "Desde enero, se han registrado 9.412 casos y 21 muertes, según el boletín del martes."),
        ("de", "Seit Januar wurden 9412 Fälle und 21 Todesfälle gemeldet, hieß es am Dienstag."),
    ],
)
def test_a_total_since_a_month_stays_one_whatever_day_it_was_published(lang, text) -> None:
    """"In total, nine people were killed on Friday" is the day's toll, but a total since a month or a year
    stays a running total when a weekday dates its bulletin: every figure of the clause is dated by it."""
    assert frames_of(text, lang)["21"].scope == "cumulative"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The outbreak has infected 41 people. On Wednesday, 18 new cases were confirmed."),
        ("fr", "Au total, 41 personnes ont été contaminées. Mercredi, 18 nouveaux cas ont été confirmés."),
        ("es", "El brote suma 41 contagiados. Se confirmaron 18 casos nuevos el miércoles."),
        ("de", "Der Ausbruch zählt 41 Infizierte. Am Mittwoch wurden 18 neue Fälle bestätigt."),
    ],
)
def test_new_cases_are_the_day_s_increment(lang, text) -> None:
    """"18 new cases" after the outbreak's 41 is the day's increment ([marker] new_after), never a rival of
    another outlet's total; "€196bn in new borrowing" is an amount's name, so only counts are read so."""
    got = frames_of(text, lang)
    assert (got["41"].part, got["18"].part) == ("", "additional")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La rougeole progresse. 9 412 cas ont été recensés depuis le 1er janvier 2030, et 21 morts."),
        ("en", "Measles is spreading. Since January 1, 2030, 9,412 cases and 21 deaths were recorded."),
        ("es", "El sarampión avanza. Desde el 1 de enero de 2030 se registraron 9.412 casos y 21 muertes."),
        ("de", "Masern breiten sich aus. Seit dem 1. Januar 2030 wurden 9412 Fälle und 21 Tote gemeldet."),
    ],
)
def test_a_date_opening_a_period_is_no_dateline(lang, text) -> None:
    """A full date in the first lines is taken as the article's own date (a dateline); one right after
    "since" starts a running total and is no such date: the article stays dated by its publication."""
    published = date(2030, 6, 12)
    assert read_document(text, lang, published).ref == published
    assert frames_of(text, lang, published)["21"].day == published


@pytest.mark.parametrize(
    ("lang", "text", "surface", "action"),
    [
        ("fr", "L'hôpital soigne actuellement 146 enfants atteints de la rougeole.", "146", "infected"),
        ("de", "Die Feuerwehr befreite 146 Menschen aus steckengebliebenen Aufzügen.", "146", "rescued"),
    ],
)
def test_the_sick_and_the_freed(lang, text, surface, action) -> None:
    assert frames_of(text, lang)[surface].action == action


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "All 21 crew members are safe."),
        ("fr", "Ses 21 membres d'équipage sont sains et saufs."),
        ("es", "Los 21 tripulantes están ilesos."),
        ("de", "Die 21 Besatzungsmitglieder blieben unverletzt."),
    ],
)
def test_a_crew_is_counted_as_a_crew(lang, text) -> None:
    """A ship's or a plane's crew is its own group ("membres d'équipage" were read as fighters, "tripulantes"
    as nothing), on board when no verb says otherwise; never merged with the people on board, whose count
    includes it."""
    f = frames_of(text, lang)["21"]
    assert (f.group, f.action) == ("crew", "aboard")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "action"),
    [
        ("en", "Of the pupils, 11 of the abducted students escaped on Tuesday.", "11", "escaped"),
        ("fr", "Mardi, 11 des élèves enlevés ont réussi à s'échapper.", "11", "escaped"),
        ("es", "El martes, 26 de los estudiantes secuestrados han logrado escapar.", "26", "escaped"),
        ("de", "Am Dienstag konnten 11 der entführten Schüler entkommen.", "11", "escaped"),
        ("en", "At least 20 people trapped in the rubble were rescued.", "20", "rescued"),
        # with no verb after it the part keeps what happened to its whole
        ("en", "The blast injured 30 people. 5 of the injured are in critical condition.", "5", "injured"),
    ],
)
def test_a_participle_qualifying_the_noun_yields_to_the_verb_after_it(lang, text, surface, action) -> None:
    """"11 of the abducted students escaped": the participle says which students, the verb after the noun
    phrase what happened to the eleven (they were read as kidnapped, a rival of the abduction's toll)."""
    assert frames_of(text, lang)[surface].action == action


@pytest.mark.parametrize(
    ("lang", "text", "surface", "action"),
    [
        ("en", "Firefighters rescued 146 people trapped in lifts.", "146", "rescued"),
        ("fr", "Les pompiers ont secouru 146 personnes bloquées dans des ascenseurs.", "146", "rescued"),
        ("es", "Los bomberos rescataron a 146 personas atrapadas en ascensores.", "146", "rescued"),
        # another clause's verb before a conjunction does not govern: the figure's own verb does
        ("es", "Entre los fallecidos hay 3 niños, y 7 personas siguen desaparecidas.", "7", "missing"),
        ("fr", "Vingt-sept blessés ont été hospitalisés, et 19 personnes ont été extraites vivantes.", "19",
         "rescued"),
    ],
)
def test_the_verb_before_governs_over_a_participle_after_the_noun(lang, text, surface, action) -> None:
    """"rescued 146 people trapped in lifts": the participle after the noun qualifies the people; the verb
    right before the figure (only grammar words between) says what happened to them."""
    assert frames_of(text, lang)[surface].action == action


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Bayan Baker said the death toll as collated from medical centers in the suburbs was 213."),
        ("fr", "Le bilan provisoire établi par les hôpitaux de la région s'élève à 213."),
        ("es", "El balance de muertos facilitado por los hospitales asciende a 213."),
        ("de", "Die Zahl der Toten stieg nach Angaben der Kliniken auf 213."),
    ],
)
def test_a_death_toll_named_before_its_figure_counts_people_killed(lang, text) -> None:
    f = frame(text, "213", lang)
    assert (f.group, f.action) == ("people", "killed")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "duration", "since"),
    [
        ("en", "In the past two weeks more than 200 civilians have been killed in Aleppo.", "200",
         "two weeks", date(2016, 5, 20)),
        ("en", "More than 300 civilians have been killed in Aleppo since April.", "300", None,
         date(2016, 4, 1)),
        ("fr", "Au moins 280 000 personnes ont été tuées depuis mars 2011.", "280 000", None,
         date(2011, 3, 1)),
        ("es", "Al menos 280.000 personas han muerto desde 2011.", "280.000", None, date(2011, 1, 1)),
        ("de", "In den vergangenen zwei Wochen wurden 200 Zivilisten getötet.", "200", "zwei Wochen",
         date(2016, 5, 20)),
    ],
)
def test_a_running_total_knows_when_its_period_started(lang, text, surface, duration, since) -> None:
    others = ((duration, "[time]"),) if duration else ()
    f = frame(text, surface, lang, published=date(2016, 6, 3), others=others)
    assert (f.scope, f.since) == ("cumulative", since)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "dimension", "since"),
    [
        ("fr", "Depuis le début de l'année, le Portugal a perdu plus de 140 000 hectares de forêts.",
         "140 000 hectares", "[length] ** 2", date(2026, 1, 1)),
        ("en", "Since the start of the year, 40 people have died on the roads.", "40", "count",
         date(2026, 1, 1)),
        ("es", "En lo que va de año, han ardido 90.000 hectáreas.", "90.000 hectáreas", "[length] ** 2",
         date(2026, 1, 1)),
        ("de", "In den vergangenen zwei Wochen, so die Behörden, sind 40 Menschen gestorben.", "40", "count",
         date(2026, 9, 4)),
    ],
)
def test_a_sentence_opening_on_a_running_total_makes_its_figures_totals(lang, text, surface, dimension,
                                                                       since) -> None:
    f = frame(text, surface, lang, dimension=dimension, published=date(2026, 9, 18))
    assert (f.scope, f.since) == ("cumulative", since)


def test_since_a_weekday_opening_a_sentence_is_the_incident_s_own_toll() -> None:
    f = frame("Depuis mercredi, le feu a parcouru 8 000 hectares.", "8 000 hectares", "fr",
              dimension="[length] ** 2", published=date(2026, 9, 18))
    assert f.scope == "incident"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "year"),
    [
        ("fr", "Monchique avait déjà été ravagée en 2018 par un feu de 27 000 hectares.", "27 000 hectares",
         2018),
        ("es", "Monchique ya sufrió en 2018 un gran incendio que calcinó 27.000 hectáreas.",
         "27.000 hectáreas", 2018),
    ],
)
def test_an_article_that_is_also_a_number_word_is_no_rival_figure(lang, text, surface, year) -> None:
    f = frame(text, surface, lang, dimension="[length] ** 2", published=date(2026, 9, 18))
    assert f.year == year


def test_a_distance_is_told_apart_by_the_place_it_is_measured_from() -> None:
    text = ("Das Feuer war nahe dem Dorf Montán ausgebrochen, rund 60 Kilometer westlich von Castellón de la "
            "Plana.")
    f = frame(text, "60 Kilometer", "de", dimension="[length]", published=date(2026, 9, 18))
    assert f.spot == "castellon de la plana"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Bei der CDU zählte man 12 Abgeordnete."),
        ("fr", "Chez la CGT, on comptait 12 délégués."),
        ("es", "En el PSOE hay 12 diputados."),
        ("en", "At the SNP, 12 members resigned."),
    ],
)
def test_a_short_acronym_after_a_preposition_is_an_organisation_not_a_place(lang, text) -> None:
    f = frame(text, "12", lang, published=None)
    assert f.place is None


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("de", "Seit Februar 2022 sind mehr als 15.000 Zivilisten in der Ukraine ums Leben gekommen.",
         "15.000"),
        ("en", "More than 15,000 civilians have been killed in Ukraine since February 2022.", "15,000"),
        ("fr", "Plus de 15 000 civils ont été tués en Ukraine depuis février 2022.", "15 000"),
        ("es", "Más de 15.000 civiles han muerto en Ucrania desde febrero de 2022.", "15.000"),
    ],
)
def test_a_running_total_s_year_starts_its_period_and_is_no_background_year(lang, text, surface) -> None:
    f = frame(text, surface, lang, published=date(2026, 9, 19))
    assert (f.scope, f.year, f.since) == ("cumulative", None, date(2022, 2, 1))


def test_a_dateline_s_country_picks_its_town() -> None:
    # Valencia, Venezuela is the larger town; the dateline says Spain
    text = "VALENCIA, Spain (Wire) — Four people are still missing after the floods, officials said."
    f = frame(text, "Four", published=date(2026, 9, 18))
    assert (f.place, f.place_cc) == ("VALENCIA", "ES")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "A leak at an ice rink in Monthey, Switzerland, injured 12 spectators on Friday.", "12"),
        ("fr", "Une fuite d'ammoniac à Monthey (Suisse) a blessé 12 spectateurs vendredi.", "12"),
        ("es", "Una fuga en una pista de hielo en Monthey (Suiza) hirió a 12 espectadores el viernes.", "12"),
        ("de", "Ein Leck in einer Eishalle in Monthey (Schweiz) verletzte am Freitag 12 Zuschauer.", "12"),
    ],
)
def test_a_small_town_s_country_in_apposition_resolves_it(lang, text, surface) -> None:
    # Monthey (17,000 people) is too small to be believed abroad on its own; its country, named right after
    # it, says which town it is
    f = frame(text, surface, lang, published=date(2026, 9, 18))
    assert (f.place, f.place_cc, f.place_kind) == ("Monthey", "CH", "town")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "place", "code"),
    [
        ("fr", "Au Tyrol, le bouchon a atteint 38 kilomètres lundi.", "38", "Tyrol", "iso:AT-7"),
        ("de", "In Tirol staute sich der Verkehr am Montag auf 38 Kilometern.", "38", "Tirol", "iso:AT-7"),
        ("es", "En Andalucía cayeron 40 litros por metro cuadrado.", "40", "Andalucía", "iso:ES-AN"),
        ("en", "Floods in Texas forced 3,000 people from their homes.", "3,000", "Texas", "iso:US-TX"),
    ],
)
def test_a_first_level_region_is_a_place_in_every_language(lang, text, surface, place, code) -> None:
    """ISO 3166-2 names of first-level regions in four languages (pycountry): "Tyrol", "Tirol",
    "Andalucía", "Texas" place a claim in their country's region, and make that country the document's."""
    f = frame(text, surface, lang, published=date(2026, 9, 18))
    assert (f.place, f.place_kind, f.place_admin1) == (place, "region", code)


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        # a town of the region's own country of that name wins: the district of Faro is named after it
        ("en", "Five people died in Faro, Portugal, on Monday.", ["Faro"]),
        # a region's country makes its small towns believable: Kufstein has 20,000 inhabitants
        ("fr", "Les camions sont arrêtés au Tyrol à Kufstein depuis lundi.", ["Tyrol", "Kufstein"]),
    ],
)
def test_a_region_s_name_yields_to_a_lake_and_to_its_own_town(lang, text, names) -> None:
    places = [(p.name, p.kind) for p in read_document(text, lang, ARTICLE_DAY).places if p.kind != "unknown"]
    assert [n for n, _ in places] == names
    assert all(k == "town" for n, k in places if n in ("Faro", "Kufstein"))


def test_a_region_s_name_after_a_lake_s_noun_is_the_lake() -> None:
    # "Lake Victoria" is no Australian state (Victoria, AU-VIC)
    text = "A ferry capsized on Lake Victoria on Friday, killing 12 people."
    assert not [p for p in read_document(text, "en", ARTICLE_DAY).places if p.kind == "region"]


def test_a_country_in_apposition_that_has_no_town_of_that_name_changes_nothing() -> None:
    # "Aleppo, Russia said": Russia is the speaker, and has no Aleppo
    text = "Strikes in Aleppo, Russia said, killed 12 people on Friday."
    f = frame(text, "12", published=date(2026, 9, 18))
    assert (f.place, f.place_cc) == ("Aleppo", "SY")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("es", "VALÈNCIA. Seis personas siguen desaparecidas. Hubo daños en Oliva, en Pego y en Gandia.",
         "Seis"),
        ("fr", "VALENCE – Six personnes sont portées disparues. Dégâts à Oliva, à Pego et à Gandia.", "Six"),
    ],
)
def test_towns_of_several_names_in_one_region_make_it_the_story_s_region(lang, text, surface) -> None:
    # three names with a town in the Valencian Community outweigh the population of Valencia, Venezuela
    f = frame(text, surface, lang, published=date(2026, 9, 17))
    assert f.place_cc == "ES"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The strike cut 30% of flights at Paris-Orly on Thursday.", "30%"),
        ("es", "La huelga anuló el 30 % de los vuelos en París-Orly el jueves.", "30 %"),
    ],
)
def test_an_airport_named_after_its_town_is_in_that_town(lang, text, surface) -> None:
    f = frame(text, surface, lang, dimension="dimensionless", published=date(2026, 9, 18))
    assert (f.place_cc, f.place_admin1) == ("FR", "11")


@pytest.mark.parametrize(
    "text",
    [
        "Im Bundesstaat Nord-Darfur wurden am Montag 31 Menschen getötet.",
        "In Süd-Kivu wurden am Montag 31 Menschen getötet.",
    ],
)
def test_a_compass_point_is_not_the_town_of_a_compound_region(text) -> None:
    """ "Nord-Darfur", "Süd-Kivu": German writes a region's compass point as a compound's first part; it is no
    town called Nord (in Switzerland) that would place the figure in another country."""
    f = frame(text, "31", "de")
    assert f.place_cc not in ("CH", "FR", "DE")


def test_a_transliteration_shares_most_of_its_letters_with_the_town() -> None:
    from quantcheck.checks.gazetteer import load

    gaz = load()
    assert [t.cc for t in gaz.towns_like("Kfar Batna")][:1] == ["SY"]
    assert [t.name for t in gaz.towns_like("Charkiw")][:1] == ["Kharkiv"]
    # one consonant skeleton, different names: not a spelling of "Paris-Orly"
    assert gaz.towns_like("Paris-Orly") == []


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "More than 40 people were confirmed dead and the death toll could reach 200.", "200"),
        ("fr", "Au moins 40 personnes ont été tuées et le bilan pourrait atteindre 200 morts.", "200"),
        ("es", "Al menos 40 personas murieron y el balance podría alcanzar los 200 muertos.", "200"),
        ("de", "Mindestens 40 Menschen wurden getötet, die Zahl der Toten könnte auf 200 steigen.", "200"),
    ],
)
def test_a_toll_that_could_reach_a_figure_is_an_estimate_of_the_same_toll(lang, text, surface) -> None:
    # not a forecast of another figure, as "investment is set to hit €126.7bn" is
    f = frame(text, surface, lang, others=("40",))
    assert (f.action, f.scope) == ("killed", "incident")
    assert frame("Investment is set to hit a record 126.7 billion euros.", "126.7 billion euros",
                 dimension="currency_EUR").scope == "forecast"


@pytest.mark.parametrize(
    ("lang", "text", "whole", "part"),
    [
        ("fr", "Quelque 506 000 personnes ont manifesté vendredi en France, dont 55 000 à Paris.", "506 000",
         "55 000"),
        ("en", "Some 506,000 people protested across the country on Friday, including 55,000 in Paris.",
         "506,000", "55,000"),
        ("es", "Unas 506.000 personas se manifestaron el viernes en Francia, de ellas 55.000 en París.",
         "506.000", "55.000"),
        ("de", "Rund 506.000 Menschen demonstrierten am Freitag in Frankreich, davon 55.000 in Paris.",
         "506.000", "55.000"),
    ],
)
def test_a_place_after_a_part_of_the_figure_is_the_part_s(lang, text, whole, part) -> None:
    w = frame(text, whole, lang, others=(part,))
    assert w.place != "Paris" and w.spot is None
    p = frame(text, part, lang, others=(whole,))
    assert (p.place, p.place_source) in (("Paris", "clause"), ("París", "clause"))


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Activists said hundreds of people were killed or injured in the shelling.", "hundreds"),
        ("en", "Rockets hit the suburbs, causing several dozen dead and wounded.", "several dozen"),
        ("fr", "Le bombardement a fait 30 morts et blessés.", "30"),
        ("es", "El ataque dejó más de 30 muertos y heridos.", "30"),
        ("de", "Dabei wurden 30 Menschen getötet oder verletzt.", "30"),
    ],
)
def test_the_dead_and_wounded_together_are_casualties_not_a_death_toll(lang, text, surface) -> None:
    assert frame(text, surface, lang).action == "casualties"
    # two figures, each with its own verb, stay a death toll and an injury toll
    assert frame("The strikes killed 13 and wounded 29.", "13", others=("29",)).action == "killed"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The UN said 15,000 civilians have been killed.", "15,000"),
        ("fr", "Selon l'ONU, 15 000 civils ont été tués.", "15 000"),
        ("es", "La ONU afirma que 15.000 civiles han muerto.", "15.000"),
        ("de", "Die UNO zählt 15.000 getötete Zivilisten.", "15.000"),
    ],
)
def test_an_organisation_s_acronym_is_the_same_entity_in_every_language(lang, text, surface) -> None:
    assert frame(text, surface, lang).entity in ("UN", None)
    assert frame("Le PIB a progressé de 1,2 %.", "1,2 %", "fr", dimension="dimensionless").entity == "GDP"


def test_a_story_filed_from_two_towns_is_placed_by_neither() -> None:
    text = "BRUSSELS/PARIS (Wire) — The interior ministry said 506,000 people demonstrated on Friday."
    f = frame(text, "506,000", published=date(2026, 9, 19))
    assert f.place not in ("BRUSSELS", "PARIS")
    one = frame("BRUSSELS (Wire) — The ministry said 506,000 people demonstrated.", "506,000")
    assert (one.place, one.place_source) == ("BRUSSELS", "dateline")


def test_a_party_s_acronym_that_geonames_lists_as_a_town_is_no_place() -> None:
    # GeoNames gives "CDU" as an alternate name of Cidade Dutra, Brazil
    f = frame("Die CDU legt leicht auf 14,2 Prozent zu.", "14,2 Prozent", "de", dimension="dimensionless",
              published=None)
    assert f.place is None and f.entity == "CDU"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Für eine Mehrheit sind 38 Sitze nötig – SPD und CDU kämen zusammen nur auf 37."),
        ("fr", "La majorité est fixée à 38 sièges ; une coalition SPD-CDU n'en totaliserait que 37."),
        ("en", "The SPD and the CDU would have 37 seats between them, one short of a majority."),
        ("es", "El SPD y la CDU sumarían juntos 37 escaños."),
    ],
)
def test_a_sum_of_figures_named_apart_is_its_own_figure(lang, text) -> None:
    assert frame(text, "37", lang, others=tuple(o for o in ("38",) if o in text)).part == "combined"
    # one party's seats are not a sum
    assert frame("Die SPD stellt 25 Abgeordnete, die AfD 24.", "25", "de", others=("24",)).part == ""


def test_the_extractor_s_noun_is_read_where_it_stands() -> None:
    # the extractor counts "dead"; the words there say "dead and injured": casualties, not a death toll
    text = "An activist said hundreds of dead and injured people were rushed to six makeshift hospitals."
    assert frame(text, "hundreds", counted="dead").action == "casualties"
    found = frame("Rescuers found hundreds of dead in the rubble.", "hundreds", counted="dead")
    assert found.action == "killed"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "others"),
    [
        ("en", "Officials counted 150 bodies in Hammouriya, 100 in Kfar Batna, 67 in Saqba and 61 in Douma.",
         "100", ("150", "67", "61")),
        ("en", "Four of the victims died in Oliva, three in Pego and one in Gandia.", "three",
         ("Four", "one")),
        ("fr", "Quatre victimes sont mortes à Oliva, trois à Pego et deux à Gandia.", "trois",
         ("Quatre", "deux")),
        ("es", "Cuatro personas murieron en Oliva, tres en Pego y dos en Gandia.", "tres",
         ("Cuatro", "dos")),
        ("de", "Vier Menschen starben in Oliva, drei in Pego und zwei in Gandia.", "drei", ("Vier", "zwei")),
    ],
)
def test_one_figure_per_place_is_a_breakdown_of_a_total(lang, text, surface, others) -> None:
    assert frame(text, surface, lang, others=others).part == "subgroup"
    # two towns, two figures: two incidents, not a breakdown
    assert frame("The strikes killed 13 in Idlib and 8 in Aleppo.", "13", others=("8",)).part == ""


@pytest.mark.parametrize(
    ("lang", "text", "surface", "group"),
    [
        ("en", "Rail operator Lineas cancelled 240 freight trains.", "240", "trains"),
        ("fr", "Lineas a supprimé 240 trains de marchandises.", "240", "trains"),
        ("es", "Lineas canceló 240 trenes de mercancías.", "240", "trains"),
        ("de", "Lineas strich 240 Güterzüge.", "240", "trains"),
        ("en", "Some 112 ships were waiting off the port.", "112", "ships"),
        ("de", "Vor dem Hafen warteten 112 Schiffe.", "112", "ships"),
        ("en", "42 miners were working in the section.", "42", "people"),
        ("es", "Había 42 mineros en la zona afectada.", "42", "people"),
        ("de", "Im Abschnitt waren 42 Bergleute unter Tage.", "42", "people"),
    ],
)
def test_trains_ships_and_miners_are_counted_groups_in_every_language(lang, text, surface, group) -> None:
    # miners: workers, the same count as people ([group_same]), never a narrower toll than "people"
    assert frame(text, surface, lang).fine_group == group


def test_a_place_after_another_figure_with_its_own_words_is_that_figure_s() -> None:
    text = ("Le bilan des crues s'élève désormais à sept morts, a indiqué lundi le préfet, après la "
            "découverte de deux corps près de Roquebrune.")
    assert frame(text, "sept", "fr", others=("deux",)).place_source != "clause"
    # two figures of one phrase share the place after them
    joined = frame("The strikes killed 13 and wounded 29 in Idlib.", "13", others=("29",))
    assert (joined.place, joined.place_source) == ("Idlib", "clause")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "A methane explosion killed two miners on Tuesday.", "two"),
        ("fr", "Le coup de grisou a tué deux mineurs de fond mardi.", "deux"),
        ("es", "La explosión mató a dos mineros el martes.", "dos"),
        ("de", "Die Explosion tötete am Dienstag zwei Bergleute.", "zwei"),
    ],
)
def test_workers_killed_in_an_accident_are_its_death_toll(lang, text, surface) -> None:
    f = frame(text, surface, lang)
    # fine_group "people" too: "two miners" against "the death toll rose to four" is a disagreement about one
    # toll, not a narrower group's figure (as "civilians" against "people" is)
    assert (f.group, f.fine_group, f.action) == ("people", "people", "killed")
    assert frame("Two civilians were killed.", "Two").fine_group == "civilians"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "topic"),
    [
        ("en", "The fire was 15% contained on Monday, Cal Fire said.", "15%", "containment"),
        ("fr", "L'incendie était maîtrisé à 35 % mardi matin.", "35 %", "containment"),
        ("es", "Los bomberos han logrado contener el 35% del incendio.", "35%", "containment"),
        ("de", "Der Brand war am Montag zu 15 Prozent eingedämmt.", "15 Prozent", "containment"),
        ("en", "The spread between Italian and German bonds stood at 85 basis points.", "85 basis points",
         "spread"),
        ("de", "Der Risikoaufschlag lag bei 85 Basispunkten.", "85 Basispunkten", "spread"),
    ],
)
def test_a_fire_s_containment_and_a_bond_spread_name_what_they_measure(lang, text, surface, topic) -> None:
    assert frame(text, surface, lang, dimension="dimensionless").topic == topic


@pytest.mark.parametrize(
    ("lang", "text", "surface", "dimension", "topic"),
    [
        ("en", "The storm dumped 38 cm of snow on Clermont-Ferrand.", "38 cm", "[length]", "snow"),
        ("fr", "Météo-France a mesuré 38 cm de neige à Clermont-Ferrand.", "38 cm", "[length]", "snow"),
        ("es", "En Clermont-Ferrand se acumularon 38 centímetros de nieve.", "38 centímetros", "[length]",
         "snow"),
        ("de", "In Clermont-Ferrand liegen 38 Zentimeter Schnee.", "38 Zentimeter", "[length]", "snow"),
        ("en", "The kidnappers demanded a ransom of $2.2 million.", "$2.2 million", "currency_USD", "ransom"),
        ("de", "Der Täter forderte ein Lösegeld von zwei Millionen Euro.", "zwei Millionen Euro",
         "currency_EUR", "ransom"),
        ("fr", "Le col culmine à 2 260 mètres d'altitude.", "2 260 mètres", "[length]", "altitude"),
        ("es", "El puerto está a 2.260 metros sobre el nivel del mar.", "2.260 metros", "[length]",
         "altitude"),
        ("de", "Der Pegel der Elbe stieg auf 6,20 Meter.", "6,20 Meter", "[length]", "water_level"),
        ("en", "The river crested at 6.2 metres on Tuesday.", "6.2 metres", "[length]", "water_level"),
        ("en", "Waves of up to 8 metres hit the coast.", "8 metres", "[length]", "waves"),
        ("de", "Die Aschesäule stieg bis zu 12 Kilometer hoch.", "12 Kilometer", "[length]", "plume"),
        ("fr", "Un périmètre de 300 mètres a été bouclé.", "300 mètres", "[length]", "radius"),
        ("fr", "Un amas de béton haut d'environ huit mètres.", "huit mètres", "[length]", "height"),
        ("es", "La huelga, de 72 horas, empezó el lunes.", "72 horas", "[time]", "strike"),
        ("fr", "La BCE a relevé son taux directeur à 2,5 %.", "2,5 %", "dimensionless", "interest_rate"),
        ("es", "El Banco de España mantuvo los tipos de interés en el 2,5 %.", "2,5 %", "dimensionless",
         "interest_rate"),
        ("de", "Die Auslastung der Intensivbetten lag bei 94 Prozent.", "94 Prozent", "dimensionless",
         "occupancy"),
        ("de", "Der Umsatz sank auf 38,4 Milliarden Euro.", "38,4 Milliarden Euro", "currency_EUR",
         "revenue"),
        ("en", "Net profit fell to €412 million in 2026.", "€412 million", "currency_EUR", "profit"),
        ("en", "The price of a ticket rose to €95.", "€95", "currency_EUR", "price"),
        ("es", "El Gobierno aprobó un decreto de 2.200 millones de euros.", "2.200 millones de euros",
         "currency_EUR", "plan"),
    ],
)
def test_a_measure_is_named_by_what_it_measures(lang, text, surface, dimension, topic) -> None:
    """News measures beyond tolls and budgets are named by their topic word (lexicon [topic], one list per
    language): a snow depth, a ransom, an altitude, a river's level, a strike's length. A measure named by
    nothing is never compared, so each word here lets outlets' figures of one measure meet."""
    assert frame(text, surface, lang, dimension=dimension).topic == topic


@pytest.mark.parametrize(
    ("lang", "text", "surface", "dimension"),
    [
        ("en", "He held them for 19 hours, demanding a ransom.", "19 hours", "[time]"),
        ("de", "Seit 40 Tagen fiel weder Regen noch Schnee; die Stauseen sind zu 13 Prozent gefüllt.",
         "13 Prozent", "dimensionless"),
        ("fr", "La grève a été suivie par 28 % des salariés.", "28 %", "dimensionless"),
    ],
)
def test_a_topic_word_names_only_measures_of_its_dimension(lang, text, surface, dimension) -> None:
    """[topic_dimension]: a ransom is money ("currency": any currency), snow a depth, a strike's topic a
    duration — the hours of a siege, a reservoir's share or a strike's turnout are not named by them."""
    assert frame(text, surface, lang, dimension=dimension).topic not in ("ransom", "snow", "strike")


@pytest.mark.parametrize("dateline", ["LOS ANGELES (Wire) –", "SAN FRANCISCO (Wire) –", "NEW YORK (Wire) –"])
def test_a_dateline_of_a_town_with_a_short_first_word_is_the_whole_name(dateline) -> None:
    f = frame(f"{dateline} The fire had burned 8,200 acres by Saturday evening.", "8,200 acres",
              dimension="[length] ** 2")
    assert (f.place, f.place_source) == (dateline.split(" (")[0], "dateline")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "place"),
    [
        ("es", "El incendio cerca de Los Ángeles ha arrasado 13.700 hectáreas.", "13.700 hectáreas",
         "Los Ángeles"),
        ("es", "LOS ÁNGELES (La Voz) – El incendio ha arrasado 13.700 hectáreas.", "13.700 hectáreas",
         "LOS ÁNGELES"),
        ("en", "In Las Vegas, 12.5 centimetres of rain fell on Sunday.", "12.5 centimetres", "Las Vegas"),
    ],
)
def test_a_town_whose_name_starts_with_an_article_is_the_whole_name(lang, text, surface, place) -> None:
    dimension = "[length] ** 2" if "hect" in surface else "[length]"
    f = frame(text, surface, lang, dimension=dimension)
    assert (f.place, f.place_cc) == (place, "US")


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "At least 38 people drowned when a boat capsized on Lake Mai-Ndombe.", None),
        ("fr", "Au moins 38 personnes se sont noyées dans le naufrage sur le Lac Mai-Ndombe.", None),
        ("es", "Al menos 38 personas murieron en el naufragio en el Lago Mai-Ndombe.", None),
        ("es", "En Mar del Plata, al menos 38 personas murieron en el naufragio.", "Mar del Plata"),
        ("es", "En Bahía Blanca, al menos 38 personas murieron en el naufragio.", "Bahía Blanca"),
    ],
)
def test_a_lake_or_a_river_is_no_town_of_its_noun(lang, text, place) -> None:
    """"Lake", "Lago", "Mount" are towns somewhere in GeoNames; before a name they are the noun of a lake or a
    mountain ([grammar] place_nouns), unless the words together are a known town ("Mar del Plata")."""
    places = [p.name for p in read_document(text, lang, ARTICLE_DAY).places]
    assert places == ([place] if place else [])


@pytest.mark.parametrize(
    ("lang", "text", "votes_for", "votes_against"),
    [
        ("en", "Italy's Senate approved the budget on Tuesday by 108 votes to 63.", "108", "63"),
        ("fr", "Le Sénat a adopté le budget par 108 voix contre 64.", "108", "64"),
        ("es", "El Senado aprobó por 108 votos a favor y 63 en contra los presupuestos.", "108", "63"),
        ("de", "Für den Entwurf stimmten 108 Senatoren, 63 dagegen.", "108", "63"),
        ("de", "Der Haushalt war mit 108 zu 64 Stimmen durch den Senat gegangen.", "108", "64"),
    ],
)
def test_the_votes_against_in_a_tally_are_a_figure_of_their_own(lang, text, votes_for, votes_against) -> None:
    assert frame(text, votes_for, lang, others=(votes_against,)).part == ""
    assert frame(text, votes_against, lang, others=(votes_for,)).part == "against"
    # "from 5 to 8" outside a vote is a change, not a tally
    assert frame("The death toll rose from 5 to 8.", "8", others=("5",)).part == ""


@pytest.mark.parametrize(
    "text",
    [
        "About 1,200 residents had to leave their homes as the wildfire spread.",
        "More than 2,500 people spent the night in sports halls after the rivers burst their banks.",
    ],
)
def test_people_forced_from_their_homes_or_sheltered_are_evacuated(text) -> None:
    surface = "1,200" if "1,200" in text else "2,500"
    assert frame(text, surface).action == "evacuated"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "others"),
    [
        ("en", "Voka estimated the cost at 60 million euros ($65 million) a day.", "60 million euros",
         ("$65 million",)),
        ("fr", "Voka chiffre le coût du mouvement à 60 millions d'euros par jour.", "60 millions d'euros",
         ()),
        ("es", "Voka calcula un coste de 60 millones de euros al día.", "60 millones de euros", ()),
        ("de", "Die Kosten liegen bei 60 Millionen Euro pro Tag.", "60 Millionen Euro", ()),
    ],
)
def test_a_figure_for_each_day_is_a_rate_not_the_whole(lang, text, surface, others) -> None:
    assert frame(text, surface, lang, dimension="currency_EUR", others=others).part == "rate"
    whole = "Voka évalue la facture à 180 millions d'euros pour les trois jours d'arrêt."
    assert frame(whole, "180 millions d'euros", "fr", dimension="currency_EUR").part == ""


@pytest.mark.parametrize(
    ("lang", "text", "part", "whole"),
    [
        ("en", "The People's Party won 13 of the 36 seats in the assembly.", "13", "36"),
        ("fr", "Les conservateurs disposeraient de 13 sièges sur 36 au Landtag.", "13", "36"),
        ("es", "El partido obtuvo 12 de los 36 escaños.", "12", "36"),
        ("de", "Für die Freiheitlichen errechneten die Meinungsforscher 11 der 36 Mandate.", "11", "36"),
    ],
)
def test_the_whole_after_a_part_is_a_figure_of_its_own(lang, text, part, whole) -> None:
    assert frame(text, whole, lang, others=(part,)).part == "whole"
    assert frame(text, part, lang, others=(whole,)).part == ""


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "More than 2,600 firefighters are battling the flames.", "2,600"),
        ("fr", "Plus de 2 600 pompiers sont sur place.", "2 600"),
        ("es", "Más de 2.600 bomberos trabajan en la zona.", "2.600"),
        ("de", "Mehr als 2.600 Feuerwehrleute kämpfen gegen die Flammen.", "2.600"),
    ],
)
def test_firefighters_counted_with_no_verb_of_their_own_are_deployed(lang, text, surface) -> None:
    assert frame(text, surface, lang).action == "deployed"
    # a verb in the sentence still wins
    assert frame("Three firefighters were injured.", "Three").action == "injured"


def test_only_people_are_killed_or_injured() -> None:
    text = "La huelga ha dejado 112 buques a la espera de ser atendidos."
    f = frame(text, "112", "es")
    assert f.group == "ships" and f.action != "injured"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("fr", "Deux personnes âgées, qui avaient refusé de quitter leur maison, ont péri dans l'incendie.",
         "Deux"),
        ("en", "Two elderly residents, who had refused to leave their home, died in the fire.", "Two"),
        ("es", "Dos vecinos, que se negaron a abandonar su casa, murieron en el incendio.", "Dos"),
        ("de", "Zwei Bewohner, die ihr Haus nicht verlassen wollten, kamen ums Leben.", "Zwei"),
    ],
)
def test_the_verb_after_a_relative_clause_is_the_count_s(lang, text, surface) -> None:
    assert frame(text, surface, lang).action == "killed"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("fr", "Le Var garde en mémoire les inondations de juin 2010, qui avaient fait 25 morts.", "25"),
        ("es", "La zona ya sufrió una tragedia en junio de 2010, cuando las riadas dejaron 23 muertos.",
         "23"),
        ("en", "Fifteen people died in accidents in Polish coal mines last year, the authority said.",
         "Fifteen"),
    ],
)
def test_a_toll_of_an_earlier_month_or_year_is_a_past_figure(lang, text, surface) -> None:
    assert frame(text, surface, lang, published=date(2026, 11, 8)).scope == "past"


def test_a_measure_s_comparison_with_an_earlier_time_is_no_running_total() -> None:
    # "the highest since 2022", "el precio más alto ... desde hace años": the measure's own comparison
    hot = frame("It hit 45 degrees, the highest since 2022.", "45 degrees", dimension="[temperature]")
    assert hot.scope == "incident"
    text = "El gasóleo llegó a 2,19 euros por litro, el precio más alto registrado desde hace años."
    assert frame(text, "2,19 euros", "es", dimension="currency_EUR / [length] ** 3").scope == "incident"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "others"),
    [
        ("en", "Five of the injured remain in a critical condition with severe burns.", "Five", ()),
        ("en", "Four of the victims died in Oliva, a beach town of 28,000 people.", "Four", ()),
        ("fr", "Cinq des blessés sont toujours dans un état critique.", "Cinq", ()),
        ("es", "Cinco de los heridos siguen en estado crítico.", "Cinco", ()),
        ("es", "Otros 14 trabajadores resultaron heridos, cinco de ellos de gravedad.", "cinco",
         ("Otros 14",)),
        ("de", "Fünf der Verletzten schweben in Lebensgefahr.", "Fünf", ()),
    ],
)
def test_a_share_of_a_group_already_counted_is_a_subgroup(lang, text, surface, others) -> None:
    """ "five of the injured" is a part of the injured, never a rival of their number; "cinco de ellos" is
    one even when the noun phrase runs past "de ellos"."""
    assert frame(text, surface, lang, others=others).part == "subgroup"


def test_a_number_after_the_partitive_words_is_the_whole_not_a_group() -> None:
    # "13 of the 36 seats": 13 is the party's figure (36 is the whole), not a share of an earlier count;
    # "dozens of people" has no article: a plain count
    assert frame("The party won 13 of the 36 seats.", "13", others=("36",)).part == ""
    assert frame("Dozens of people were killed.", "Dozens").part == ""


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Turnout was 68.4%, down from 70.8% in 2021, when the vote was held alongside the federal "
         "election.", "70.8%"),
        ("fr", "En 2021, le SPD avait recueilli 39,6 % des voix.", "39,6 %"),
        ("es", "En 2021, el SPD obtuvo el 39,6 % de los votos.", "39,6 %"),
        ("de", "Bei der Wahl 2022 hatte die ÖVP noch 34,7 Prozent erzielt.", "34,7 Prozent"),
        ("en", "Coal still accounts for 55% of power, down from more than 80% a decade ago.", "80%"),
    ],
)
def test_a_measure_of_an_earlier_year_is_a_past_figure(lang, text, surface) -> None:
    assert frame(text, surface, lang, dimension="[percent]", published=date(2026, 9, 22)).scope == "past"


def test_an_earlier_year_belongs_to_the_figure_it_follows() -> None:
    # "68.4%, down from 70.8% in 2021": 2021 is 70.8%'s year; "the highest since 2022" compares
    text = "Turnout was 68.4%, down from 70.8% in 2021."
    day = date(2026, 9, 22)
    assert frame(text, "68.4%", dimension="[percent]", published=day, others=("70.8%",)).scope == "incident"
    hot = frame("It hit 45 degrees, the highest since 2022.", "45 degrees", dimension="[temperature]",
                published=day)
    assert hot.scope == "incident"


@pytest.mark.parametrize(
    ("lang", "text", "now", "then"),
    [
        ("en", "Public debt, at 107.5% of GDP last year, would climb to 118% by 2034.", "107.5%", "118%"),
        ("fr", "La dette, qui atteint 107,5 % du PIB, grimperait à 118 % en 2034.", "107,5 %", "118 %"),
        ("es", "La deuda, hoy del 107,5 % del PIB, subiría hasta el 118 % hasta 2034.", "107,5 %", "118 %"),
        ("de", "Die Schuldenquote liegt bei 107,5 Prozent. Bis 2034 soll sie auf 118 Prozent steigen.",
         "107,5 Prozent", "118 Prozent"),
    ],
)
def test_a_measure_by_a_later_year_is_a_projection(lang, text, now, then) -> None:
    """"118% by 2034" is what the debt may be then ([marker] by_year), never a rival of the 107.5% of now."""
    day = date(2030, 10, 25)
    a = frame(text, now, lang, dimension="[percent]", published=day, others=((then, "[percent]"),))
    b = frame(text, then, lang, dimension="[percent]", published=day, others=((now, "[percent]"),))
    assert (a.scope != "forecast", b.scope) == (True, "forecast")


def test_next_year_is_the_year_of_the_budget_in_question() -> None:
    """In the autumn, "le budget pour 2027" and "a deficit of 2.8% in 2027" are the story itself, and a
    count's horizon ("cut 650 of its jobs by 2032") is not repeated by every report: neither is a forecast."""
    day = date(2026, 10, 20)
    assert frame("Rome vise un déficit ramené à 2,8 % du PIB en 2027.", "2,8 %", "fr", dimension="[percent]",
                 published=day).scope == "incident"
    assert frame("The company will cut 650 jobs by 2032.", "650", counted="jobs", published=day).scope \
        == "incident"


@pytest.mark.parametrize(
    ("lang", "text", "first", "second"),
    [
        ("en", "EU rules cap deficits at 3% of GDP and debt at 60%.", "3%", "60%"),
        ("en", "EU rules set limits of 3 per cent and 60 per cent.", "3 per cent", "60 per cent"),
        ("fr", "Les règles européennes plafonnent le déficit à 3 % et la dette à 60 %.", "3 %", "60 %"),
        ("es", "Las normas europeas limitan el déficit al 3 % y la deuda al 60 %.", "3 %", "60 %"),
        ("de", "Die EU-Regeln deckeln das Defizit bei 3 Prozent und die Schulden bei 60 Prozent.",
         "3 Prozent", "60 Prozent"),
    ],
)
def test_a_measure_coordinated_with_a_limit_is_a_limit(lang, text, first, second) -> None:
    """"cap deficits at 3% of GDP and debt at 60%": both are the rules' limits, not Belgium's debt ratio."""
    pct = "[percent]"
    a = frame(text, first, lang, dimension=pct, others=((second, pct),))
    b = frame(text, second, lang, dimension=pct, others=((first, pct),))
    assert (a.scope, b.scope) == ("limit", "limit")


@pytest.mark.parametrize(
    ("lang", "text", "convicted", "acquitted"),
    [
        ("en", "The court convicted 238 defendants and acquitted 84.", "238", "84"),
        ("fr", "La cour a prononcé jeudi soir 238 condamnations et 84 acquittements.", "238", "84"),
        ("es", "El tribunal condenó este jueves a 238 acusados y absolvió a 84.", "238", "84"),
        ("de", "Das Gericht sprach 238 Schuldsprüche und 84 Freisprüche aus.", "238", "84"),
    ],
)
def test_a_verdict_counts_the_convicted_and_the_acquitted_apart(lang, text, convicted, acquitted) -> None:
    """A trial's verdict is two counts of people ([group_is] convictions, acquittals; actions convicted,
    acquitted): "238 condamnations" is the same fact as "238 acusados" convicted, never a rival of the 84."""
    got = {k: (f.group, f.action) for k, f in frames_of(text, lang).items()}
    assert (got[convicted], got[acquitted]) == (("people", "convicted"), ("people", "acquitted"))


@pytest.mark.parametrize(
    ("lang", "text", "now", "before"),
    [
        ("en", "The temperature in Baghdad dropped to 24C (75F), from 34C (93F) on Sunday.", "24C", "34C"),
        ("en", "Unemployment fell to 4.9%, down from 5.2% in May.", "4.9%", "5.2%"),
        ("fr", "Le chômage est passé de 7,5 % à 7,3 % en un an.", "7,3 %", "7,5 %"),
        ("es", "El paro bajó de 11,2 % a 10,9 % en un año.", "10,9 %", "11,2 %"),
        ("de", "Die Temperatur fiel von 34 Grad auf 24 Grad.", "24 Grad", "34 Grad"),
    ],
)
def test_the_level_a_measure_changed_from_is_no_rival(lang, text, now, before) -> None:
    """"dropped to 24C, from 34C on Sunday": the old level ([marker] earlier_level, change_from / change_to)
    is the measure at another time, never a rival of the new one."""
    dim = "[temperature]" if "C" in now or "Grad" in now else "[percent]"
    a = frame(text, now, lang, dimension=dim, others=((before, dim),))
    b = frame(text, before, lang, dimension=dim, others=((now, dim),))
    assert (a.scope, b.scope) == ("incident", "past")


def test_an_updated_toll_or_estimate_keeps_its_old_figure() -> None:
    """"the death toll rose from 3 to 4", "contre 150 millions annoncés vendredi": one figure reported twice,
    the update of one fact; "frente al 27,4 % de la AfD" compares two parties, not two times."""
    assert frame("The death toll rose from 3 to 4 on Tuesday.", "3", others=("4",)).scope != "past"
    text = "The insurer raised its estimate of the damage to €200m from €150m."
    assert frame(text, "€150m", dimension="currency_EUR", others=(("€200m", "currency_EUR"),)).scope != "past"
    text = "El SPD obtuvo el 29,1 % de los votos, frente al 27,4 % de la AfD."
    pct = "[percent]"
    assert frame(text, "27,4 %", "es", dimension=pct, others=(("29,1 %", pct),)).scope != "past"


def test_a_count_after_a_capacity_is_what_was_counted() -> None:
    """"a capacity of 150 passengers and carried 280": the coordination lends no limit to a count."""
    text = "The ferry had a capacity of 150 passengers and carried 280 on Sunday."
    assert frame(text, "280", counted="passengers", others=("150 passengers",)).scope != "limit"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The plan still shows a shortfall of nearly 34 billion euros.", "34 billion euros"),
        ("fr", "L'opposition pointe un trou de près de 34 milliards d'euros.", "34 milliards d'euros"),
        ("es", "La oposición denuncia un agujero de 34.000 millones de euros.", "34.000 millones de euros"),
    ],
)
def test_a_shortfall_is_a_deficit(lang, text, surface) -> None:
    """A gap in the accounts is named as a deficit, not taken for the budget it is missing from."""
    assert frame(text, surface, lang, dimension="[currency]").topic == "deficit"


@pytest.mark.parametrize(
    ("lang", "text", "demand", "offer"),
    [
        ("en", "The unions are demanding a 4.5% wage increase, while the employers have offered 2%.",
         "4.5%", "2%"),
        ("fr", "Les syndicats réclament 4,5 % de hausse des salaires ; le patronat offre 2 %.",
         "4,5 %", "2 %"),
        ("es", "Los sindicatos reclaman un 4,5% de subida salarial; la patronal ofrece un 2%.",
         "4,5%", "2%"),
        ("de", "Die Gewerkschaften verlangen 4,5 Prozent mehr Lohn, die Arbeitgeber bieten bislang "
         "2 Prozent.", "4,5 Prozent", "2 Prozent"),
    ],
)
def test_what_one_side_demands_is_never_a_rival_of_what_the_other_offers(lang, text, demand, offer) -> None:
    asked = frame(text, demand, lang, dimension="[percent]", others=(offer,))
    offered = frame(text, offer, lang, dimension="[percent]", others=(demand,))
    assert (asked.action, asked.part) == ("demanded", "demanded")
    assert (offered.action, offered.part) == ("offered", "offered")
    assert block_key(asked) != block_key(offered)


def test_an_offer_does_not_name_what_a_count_counts() -> None:
    # "l'offre permettrait de préserver 5 200 emplois": jobs saved, not jobs offered
    f = frame("L'offre permettrait de préserver 5 200 emplois.", "5 200", "fr", counted="emplois")
    assert f.action != "offered" and f.part == ""


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("de", "Am Dienstag warteten 85 Schiffe vor der Scheldemündung auf Abfertigung.", "85"),
        ("fr", "Mercredi, 112 navires attendaient au large, selon l'autorité portuaire.", "112"),
        ("es", "La huelga ha dejado 112 buques a la espera de ser atendidos.", "112"),
        ("en", "The port authority counted 85 ships waiting at anchor.", "85"),
    ],
)
def test_counted_ships_tell_no_shipwreck(lang, text, surface) -> None:
    assert "shipwreck" not in frame(text, surface, lang).incidents  # a strike may be named: not a wreck


def test_a_boat_beside_the_people_counted_still_tells_a_shipwreck() -> None:
    assert frame("Twelve migrants drowned when their boat capsized.", "Twelve").incidents == ("shipwreck",)


def test_a_share_of_the_votes_is_no_subgroup() -> None:
    # "31,4 % des voix": a measure of the votes, not a part of a count of them
    f = frame("L'ÖVP obtient 31,4 % des voix.", "31,4 %", "fr", dimension="[percent]")
    assert f.part == ""


@pytest.mark.parametrize(
    ("lang", "text", "surface", "others"),
    [
        ("en", "The SPD would have 25 seats in the 75-seat state parliament and the AfD 23.", "75",
         ("25", "23")),
        ("fr", "Le nouveau Landtag comptera 75 sièges, dont 25 pour le SPD.", "75", ("25",)),
        ("es", "En el nuevo Parlamento regional, de 75 escaños, el SPD contará con 25 diputados.", "75",
         ("25",)),
        ("de", "Im 36 Sitze zählenden Landtag kommt die ÖVP auf 13 Mandate.", "36", ("13",)),
    ],
)
def test_an_assembly_s_size_is_the_whole_not_a_party_s_seats(lang, text, surface, others) -> None:
    assert frame(text, surface, lang, others=others).part == "whole"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "others"),
    [
        ("en", "The SPD would have 25 seats in the 75-seat state parliament.", "25", ("75",)),
        ("en", "The SPD won 25 seats in parliament.", "25", ()),
        ("de", "Im Landtag hat die SPD 25 Mandate.", "25", ()),
        ("es", "En el nuevo Parlamento regional, de 75 escaños, el SPD contará con 25 diputados.", "25",
         ("75",)),
    ],
)
def test_a_party_s_seats_in_an_assembly_are_no_whole(lang, text, surface, others) -> None:
    assert frame(text, surface, lang, others=others).part == ""


def test_a_topic_word_past_another_figure_is_that_figure_s() -> None:
    text = ("Le texte prévoit 18,7 milliards d'euros de mesures, dont 11,2 milliards pour la réduction de "
            "l'impôt sur le revenu.")
    whole = frame(text, "18,7 milliards d'euros", "fr", dimension="currency_EUR", others=("11,2 milliards",))
    part = frame(text, "11,2 milliards", "fr", dimension="currency_EUR", others=("18,7 milliards d'euros",))
    assert whole.topic != "tax" and part.topic == "tax"


def test_a_dateline_names_a_small_town_when_no_other_town_has_its_name() -> None:
    # Draguignan (38,000 people) is believed without a country named: no other town of that name exists;
    # a small town whose name is shared stays unresolved without support (tests above: Valencia, Spain)
    text = "DRAGUIGNAN (Elbe-Bote) – Rund 900 Einsatzkräfte von Feuerwehr und Zivilschutz waren im Einsatz."
    f = frame(text, "900", "de", published=date(2026, 11, 8))
    assert (f.place, f.place_cc, f.place_source) == ("DRAGUIGNAN", "FR", "dateline")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "An avalanche swept over skiers at the resort, killing three people.", "three"),
        ("fr", "L'avalanche a fait trois morts jeudi dans la station.", "trois"),
        ("es", "Tres personas han muerto por la avalancha que sepultó a un grupo de esquiadores.", "Tres"),
        ("de", "Beim Lawinenabgang kamen drei Menschen ums Leben.", "drei"),
        ("en", "A landslide buried two houses, killing five people.", "five"),
    ],
)
def test_an_avalanche_or_a_landslide_is_a_kind_of_incident(lang, text, surface) -> None:
    assert frame(text, surface, lang).incidents == ("landslide",)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "others", "dimension"),
    [
        ("de", "Die Volkspartei PP gewann am Sonntag gut 38 Prozent der Stimmen und 16 Sitze.", "16",
         ("38 Prozent",), "count"),
        ("en", "The PP won 38.4% of the vote and 16 of the 35 seats.", "16", ("38.4%", "35"), "count"),
        ("fr", "Le PP obtient 38,4 % des voix et 16 sièges.", "16", ("38,4 %",), "count"),
        ("es", "El PP logró el 38,4 % de los votos y 16 escaños.", "16", ("38,4 %",), "count"),
    ],
)
def test_the_subject_of_coordinated_figures_is_each_figure_s(lang, text, surface, others, dimension) -> None:
    assert frame(text, surface, lang, others=others, dimension=dimension).entity == "PP"


def test_a_party_before_another_party_s_figure_is_not_this_one_s() -> None:
    f = frame("La CDU obtient 14,2 %, Die Linke 10,3 %.", "10,3 %", "fr", others=("14,2 %",),
              dimension="[percent]")
    assert f.entity is None


@pytest.mark.parametrize(
    ("lang", "text", "first", "second"),
    [
        ("de", "In Pawlohrad starben zwei Menschen, fünf wurden verletzt.", "zwei", "fünf"),
        ("fr", "À Pavlohrad, ont péri deux personnes, cinq ont été blessées.", "deux", "cinq"),
        ("es", "En Pavlohrad murieron dos personas, cinco resultaron heridas.", "dos", "cinco"),
        ("en", "In Pavlohrad died two people, five were injured.", "two", "five"),
    ],
)
def test_each_figure_of_a_run_takes_the_verb_nearer_to_it(lang, text, first, second) -> None:
    assert frame(text, first, lang, others=(second,)).action == "killed"
    assert frame(text, second, lang, others=(first,)).action == "injured"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "When rail workers last walked out, on 27 November, about 1,100 trains were cancelled.",
         "1,100"),
        ("fr", "Lors de la dernière grève, le 27 novembre, 1 100 trains avaient été supprimés.", "1 100"),
        ("de", "Schon beim letzten Bahnstreik Ende November waren rund 1100 Züge ausgefallen.", "1100"),
    ],
)
def test_a_figure_of_the_last_time_is_a_past_figure(lang, text, surface) -> None:
    assert frame(text, surface, lang, published=date(2027, 1, 16)).scope == "past"


def test_a_date_without_its_year_well_after_the_article_is_of_the_year_before() -> None:
    # "on 27 November" in a January article is last November, not next
    f = frame("On 27 November, about 1,100 trains were cancelled.", "1,100", published=date(2027, 1, 16))
    assert (f.day, f.day_source) == (date(2026, 11, 27), "date")
    # a near date keeps the article's year ("on 20 January" in a 16 January article)
    g = frame("On 20 January, 40 trains will be cancelled.", "40", published=date(2027, 1, 16))
    assert g.day in (date(2027, 1, 20), date(2027, 1, 16))


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The ministry put the participation rate at 11.3%.", "11.3%"),
        ("fr", "Le syndicat USB revendique, lui, 68 % de grévistes.", "68 %"),
        ("es", "El ministerio cifró el seguimiento del paro en un 11,3 %.", "11,3 %"),
        ("de", "Die Gewerkschaft sprach von einer Streikbeteiligung von 68 Prozent.", "68 Prozent"),
    ],
)
def test_a_strike_s_participation_is_a_turnout(lang, text, surface) -> None:
    assert frame(text, surface, lang, dimension="dimensionless").topic == "turnout"


def test_a_toll_noun_at_the_head_of_a_long_sentence_names_its_figure() -> None:
    text = ("El número de muertos por la avalancha que sepultó el jueves a un grupo de esquiadores en la "
            "estación francesa de Valloire, en los Alpes, ascendió este viernes a cinco.")
    f = frame(text, "cinco", "es", published=date(2027, 1, 15))
    assert (f.group, f.action) == ("people", "killed")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "place"),
    [
        ("es", "Murieron 62 personas en la localidad valenciana de Paiporta, en España.", "62", "Paiporta"),
        ("fr", "Cinq skieurs sont morts dans la station de ski de Valloire, en France.", "Cinq", "Valloire"),
        ("fr", "Cinq skieurs sont morts dans la petite commune savoyarde de Valloire, en France.", "Cinq",
         "Valloire"),
        ("en", "Five skiers died at the French ski resort of Valloire, in France.", "Five", "Valloire"),
        ("de", "Fünf Skifahrer starben im französischen Skiort Valloire in Frankreich.", "Fünf", "Valloire"),
    ],
)
def test_a_place_noun_names_the_town_over_its_adjectives(lang, text, surface, place) -> None:
    """ "la localidad valenciana de Paiporta", "the ski resort of Valloire": the place noun may stand a few
    lower-case words before its "of" (checks/places.py PLACE_OF_REACH; resort nouns are language data)."""
    f = frame(text, surface, lang)
    assert (f.place, f.place_kind) == (place, "town")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "first"),
    [
        ("en", "The ministry counted 1.12 million protesters across France. The CGT union put the figure "
               "at 3.2 million.", "3.2 million", "1.12 million"),
        ("fr", "Le ministère a compté 1,12 million de manifestants dans toute la France. La CGT en "
               "revendique 3,2 millions.", "3,2 millions", "1,12 million"),
        ("es", "El ministerio contó 1,12 millones de manifestantes en toda Francia. Los sindicatos hablan "
               "de 3,2 millones.", "3,2 millones", "1,12 millones"),
        ("de", "Das Ministerium zählte 1,12 Millionen Demonstranten in ganz Frankreich. Die Gewerkschaften "
               "meldeten 3,2 Millionen.", "3,2 Millionen", "1,12 Millionen"),
        # the source's name between its word and the figure
        ("de", "Das Ministerium zählte 1,12 Millionen Demonstranten in ganz Frankreich. Es waren laut CGT "
               "3,2 Millionen.", "3,2 Millionen", "1,12 Millionen"),
    ],
)
def test_an_elided_count_given_by_another_source_in_the_next_sentence_counts_the_same(
    lang, text, surface, first
) -> None:
    """A bare figure with a source's word right by it, in the sentence after a count, is another source's
    figure for what was just counted, where it was counted (checks/frames.py _carry_group)."""
    f = frame(text, surface, lang, others=(first,))
    assert (f.group, f.action, f.place_source) == ("people", "protesting", "nationwide")


def test_an_elided_count_in_the_next_sentence_keeps_its_own_place() -> None:
    text = ("The ministry counted 1.12 million protesters nationwide. In Paris the gap was starker still: "
            "87,000 according to police, 450,000 according to the CGT.")
    for surface in ("87,000", "450,000"):
        f = frame(text, surface, others=("1.12 million", "87,000", "450,000"))
        assert (f.group, f.action, f.place) == ("people", "protesting", "Paris")
    text = ("Das Ministerium zählte 1,12 Millionen Demonstranten in ganz Frankreich. In Paris waren es nach "
            "Polizeiangaben 87.000, nach einer Zählung des Instituts Occurrence 112.000.")
    for surface in ("87.000", "112.000"):
        f = frame(text, surface, "de", others=("1,12 Millionen", "87.000", "112.000"))
        assert (f.group, f.action, f.place) == ("people", "protesting", "Paris")


@pytest.mark.parametrize(
    "text",
    [
        # no source's word by the figure: not another count of the same thing
        "The quake killed 11 people. It had a depth of 10 and struck at night.",
        # the figure names what it measures
        "The quake killed 11 people. It had a magnitude of 6.1, according to the USGS.",
        # a source named elsewhere in the sentence
        "The quake killed 11 people. The EMSC put the magnitude at 6 and said aftershocks followed.",
    ],
)
def test_a_bare_figure_of_the_next_sentence_without_a_source_by_it_takes_no_group(text) -> None:
    surface = next(s for s in (" 10 ", "6.1", " 6 ") if s in text).strip()
    f = frame(text, surface, others=("11",))
    assert f.group is None


@pytest.mark.parametrize(
    ("lang", "text", "surface", "action"),
    [
        ("en", "At least nine migrants drowned after the boat capsized.", "nine", "killed"),
        ("es", "Al menos nueve migrantes se ahogaron tras el naufragio.", "nueve", "killed"),
        ("en", "The boat left Sfax with about 60 people on board.", "60", "aboard"),
        ("en", "Survivors said there were 75 passengers.", "75", "aboard"),
        ("fr", "Une soixantaine de personnes avaient pris place à bord du bateau.", "soixantaine", "aboard"),
        ("es", "La embarcación, que transportaba a unas 60 personas, había zarpado de Sfax.", "60", "aboard"),
        ("de", "Nach Aussagen von Überlebenden waren 75 Menschen an Bord.", "75", "aboard"),
    ],
)
def test_a_crossing_counts_its_migrants_and_passengers_as_people(lang, text, surface, action) -> None:
    """Migrants and passengers are the people a shipwreck counts ([group_same]); the people on board are
    their own figure (the `aboard` action; passengers are aboard by default)."""
    f = frame(text, surface, lang)
    assert (f.group, f.action) == ("people", action)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A boat capsized off Lampedusa. The coast guard rescued 41 people, a spokesman in Rome said."),
        ("fr", "Un bateau a chaviré au large de Lampedusa. Les garde-côtes ont secouru 41 personnes, a "
               "indiqué un porte-parole à Rome."),
        ("es", "Un barco naufragó frente a Lampedusa. La Guardia Costera rescató a 41 personas, según un "
               "portavoz en Roma."),
        ("de", "Vor Lampedusa ist ein Boot gekentert. Die Küstenwache rettete 41 Menschen, wie ein Sprecher "
               "in Rom sagte."),
    ],
)
def test_where_a_speaker_is_is_not_where_it_happened(lang, text) -> None:
    """ "a spokesman in Rome said": the place after a speaker noun (`speaker_nouns`) frames no figure."""
    f = frame(text, "41", lang)
    assert (f.place, f.place_source) == ("Lampedusa", "context")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "RABAT (Wire) — A coach fell into a ravine near Ouarzazate. Among the dead are three "
               "Spaniards, the foreign ministry in Madrid said. The company said 46 people were on board."),
        ("fr", "RABAT (Wire) — Un autocar est tombé dans un ravin près de Ouarzazate. Parmi les morts "
               "figurent trois Suisses, a indiqué le Département fédéral des affaires étrangères à Berne. La "
               "compagnie parle de 46 passagers."),
        ("es", "RABAT (Wire) — Un autocar cayó por un barranco cerca de Ouarzazate. Entre los muertos hay "
               "tres españoles, según el Ministerio de Exteriores en Madrid. La empresa habla de 46 "
               "pasajeros."),
        ("de", "RABAT (Wire) — Ein Reisebus ist bei Ouarzazate in eine Schlucht gestürzt. Unter den Toten "
               "sind drei Deutsche, wie das Auswärtige Amt in Berlin bestätigte. Das Unternehmen spricht von "
               "46 Fahrgästen."),
    ],
)
def test_an_institution_quoted_from_its_capital_does_not_place_the_story(lang, text) -> None:
    """ "the foreign ministry in Madrid said": a ministry, embassy or foreign office (`speaker_nouns`) names
    where the source sits; the next sentence's figure stays at the story's place (the context before)."""
    f = frame(text, "46", lang)
    assert (f.place, f.place_source) == ("Ouarzazate", "context")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A coach crash in the Atlas mountains killed 15, among them a German, the foreign ministry in "
               "Berlin said on Thursday. The company said 46 people were on board."),
        ("fr", "L'accident d'autocar dans l'Atlas a fait 15 morts, dont un Suisse, a indiqué le "
               "Département des affaires étrangères à Berne jeudi. La compagnie parle de 46 passagers."),
        ("es", "El accidente del autocar en el Atlas dejó 15 muertos, entre ellos un español, según el "
               "Ministerio de Exteriores en Madrid. La empresa habla de 46 pasajeros."),
        ("de", "Beim Busunglück im Atlas sind 15 Menschen gestorben, darunter ein Deutscher, wie das "
               "Auswärtige Amt in Berlin am Donnerstag bestätigte. Das Unternehmen spricht von 46 "
               "Fahrgästen."),
    ],
)
def test_the_story_place_is_not_where_its_source_sits(lang, text) -> None:
    """A story whose first town is the seat of the ministry quoted has no place from it: the figures of the
    crash are not placed in Berlin (they stayed unplaced rather than meeting Berlin's own news)."""
    f = frame(text, "46", lang)
    assert f.place is None


@pytest.mark.parametrize(
    ("lang", "text", "surface", "others"),
    [
        ("en", "More than a million people marched against the plan to raise the legal retirement age "
               "from 64 to 65.", "64", ("a million",)),
        ("fr", "Plus d'un million de personnes ont défilé contre le report de l'âge légal de départ de 64 "
               "à 65 ans.", "64", ("un million",)),
        ("de", "Mehr als eine Million Menschen demonstrierten gegen die Anhebung des Rentenalters von 64 auf "
               "65.", "64", ("eine Million",)),
    ],
)
def test_a_figure_naming_what_it_measures_takes_no_elided_group(lang, text, surface, others) -> None:
    """ "raise the retirement age from 64 to 65": an age, not more protesters (`retirement_age` topic)."""
    f = frame(text, surface, lang, others=others)
    assert (f.group, f.topic) == (None, "retirement_age")


def test_people_who_marched_in_french_were_protesting() -> None:
    f = frame("À Paris, 87 000 personnes ont marché selon la préfecture.", "87 000", "fr")
    assert (f.group, f.action) == ("people", "protesting")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "group", "action"),
    [
        ("es", "El fabricante suprimirá 9.500 puestos de trabajo en el mundo.", "9.500", "people", "cut"),
        ("es", "En Alemania desaparecerán 4.200 empleos.", "4.200", "people", "cut"),
        ("de", "Der Autozulieferer streicht weltweit 9500 Stellen.", "9500", "people", "cut"),
        ("fr", "Kessler va supprimer 9 500 emplois dans le monde.", "9 500", "people", "cut"),
        ("en", "Kessler is to axe almost 10,000 jobs worldwide.", "10,000", "people", "cut"),
        ("en", "Kessler, which employs about 121,000 people, said the cuts would save money.", "121,000",
         "people", "employed"),
        # the same verbs for other groups keep their own meaning
        ("de", "Trenitalia strich 1.380 Züge.", "1.380", "trains", "cancelled"),
        ("fr", "Air France a supprimé 180 vols.", "180", "flights", "cancelled"),
        ("es", "Seis mineros siguen desaparecidos.", "Seis", "people", "missing"),
    ],
)
def test_jobs_are_cut_whatever_the_verb(lang, text, surface, group, action) -> None:
    """terms.toml [action_of_group]: a verb shared with other groups ("suprimir", "streichen",
    "desaparecer") reads as a cut for jobs; a firm's staff are `employed`."""
    f = frame(text, surface, lang)
    assert (f.group, f.action) == (group, action)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "others", "cc"),
    [
        ("en", "Kessler will cut 9,500 jobs worldwide, including 4,200 in Germany.", "9,500", ("4,200",),
         "XW"),
        ("en", "Kessler will cut 9,500 jobs worldwide, including 4,200 in Germany.", "4,200", ("9,500",),
         "DE"),
        ("fr", "Kessler va supprimer 9 500 emplois dans le monde, dont 4 200 en Allemagne.", "9 500",
         ("4 200",), "XW"),
        ("es", "Kessler suprimirá 9.500 empleos en todo el mundo, 4.200 de ellos en Alemania.", "9.500",
         ("4.200",), "XW"),
        ("de", "Kessler streicht weltweit 9500 Stellen, davon 4200 in Deutschland.", "9500", ("4200",), "XW"),
    ],
)
def test_a_figure_for_the_whole_world_is_no_country_s(lang, text, surface, others, cc) -> None:
    """`worldwide` language data: "9,500 jobs worldwide" is placed in the world (a country of its own, XW),
    never against "4,200 in Germany"."""
    f = frame(text, surface, lang, others=others)
    assert (f.place_cc, f.place_source) == (cc, "nationwide" if cc == "XW" else "clause")


def test_gusts_and_helicopters_are_figures_of_their_own() -> None:
    speed = "[length] / [time]"
    f = frame("Winds of 195 km/h with gusts of 240 km/h lashed Samar.", "240 km/h", dimension=speed,
              others=(("195 km/h", speed),))
    assert f.topic == "gusts"
    f = frame("Neuf avions et six hélicoptères luttent contre le feu.", "six", "fr", others=("Neuf",))
    assert (f.group, f.action) == ("helicopters", "deployed")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The union said 25 miners were cut off underground.", "25"),
        ("fr", "Le syndicat évoque 25 mineurs de fond bloqués sous terre.", "25"),
    ],
)
def test_cut_off_underground_is_trapped_not_cut(lang, text, surface) -> None:
    assert frame(text, surface, lang).action == "trapped"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "others", "counted"),
    [
        ("es", "El número de muertos por el tifón ascendió este jueves a 19, entre ellos siete niños.", "19",
         ("siete",), "niños"),
        ("de", "Die Zahl der Toten ist auf zwölf gestiegen, darunter drei Kinder.", "zwölf", ("drei",),
         "Kinder"),
        ("en", "The death toll rose to 19, including seven children.", "19", ("seven",), "children"),
    ],
)
def test_a_subgroup_s_noun_after_a_toll_is_not_the_toll_s(lang, text, surface, others, counted) -> None:
    """The extractor may give the toll the noun of the part after it ("a 19, entre ellos siete niños"): a
    noun past a subgroup marker is the part's, and the toll stays people killed."""
    f = frame(text, surface, lang, others=others, counted=counted)
    assert (f.group, f.fine_group, f.action) == ("people", "people", "killed")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("fr", "Le typhon, qui a frappé l'est des Philippines, a fait onze morts selon les autorités "
               "philippines.", "onze"),
        ("fr", "Onze personnes sont mortes aux Philippines, selon les autorités philippines.", "Onze"),
        ("es", "El tifón dejó once muertos a su paso por el este de Filipinas, según las autoridades "
               "filipinas.", "once"),
        ("es", "Murieron once personas en Filipinas, según las autoridades filipinas.", "once"),
        ("en", "The typhoon killed 11 people in the east of the Philippines.", "11"),
        ("de", "Im Osten der Philippinen starben elf Menschen.", "elf"),
    ],
)
def test_a_country_in_a_place_position_is_the_country(lang, text, surface) -> None:
    """checks/places.py: a country's name after a place cue is the country even where its lower-case form
    is an adjective of the text ("les autorités philippines", "las autoridades filipinas"), and a compass
    point of a country ("l'est des Philippines", "el este de Filipinas") lies inside it."""
    f = frame(text, surface, lang)
    assert (f.place_cc, f.place_source, f.place_kind) == ("PH", "clause", "country")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "A wildfire west of Athens killed 11 people, Greek officials said.", "11"),
        ("fr", "Un incendie a tué onze personnes à l'ouest d'Athènes.", "onze"),
    ],
)
def test_a_compass_point_of_a_town_is_not_the_town(lang, text, surface) -> None:
    """ "west of Athens" lies outside Athens: the compass cue is a country's only."""
    f = frame(text, surface, lang)
    assert f.place != "Athens" and f.place != "Athènes"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The number of confirmed cases has risen to 41, health authorities said.", "41"),
        ("en", "Health officials have now counted 41 confirmed cases.", "41"),
        ("en", "The outbreak has spread and 41 people have now fallen ill.", "41"),
        ("fr", "Le nombre de cas confirmés est passé à 41.", "41"),
        ("fr", "Les autorités recensent désormais 41 cas confirmés.", "41"),
        ("es", "La Consejería elevó a 41 el número de casos confirmados.", "41"),
        ("es", "El brote deja ya 41 casos confirmados.", "41"),
        ("de", "Die Zahl der bestätigten Erkrankungen stieg auf 41.", "41"),
        ("de", "Die Behörde meldete 41 bestätigte Fälle.", "41"),
    ],
)
def test_an_outbreak_s_cases_are_people_infected(lang, text, surface) -> None:
    """terms.toml [group_is] cases = people:infected, and "infected" implies people like a casualty verb:
    "41 confirmed cases", "the number of confirmed cases rose to 41" and "41 people have fallen ill" are
    one count."""
    f = frame(text, surface, lang)
    assert (f.group, f.action) == ("people", "infected")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "group", "action"),
    [
        ("en", "Police put the number of marchers at 18,500.", "18,500", "people", "protesting"),
        ("fr", "Le nombre de manifestants a atteint 18 500 selon la police.", "18 500", "people",
         "protesting"),
        ("es", "El número de manifestantes ascendió a 18.500, según la policía.", "18.500", "people",
         "protesting"),
        ("de", "Die Zahl der Teilnehmer lag laut Polizei bei 18.500.", "18.500", "people", "protesting"),
        ("de", "Die Zahl der wartenden Schiffe ist auf 112 gestiegen.", "112", "ships", None),
        ("en", "The number of flights cancelled rose to 310.", "310", "flights", "cancelled"),
    ],
)
def test_a_count_s_subject_names_what_it_counts(lang, text, surface, group, action) -> None:
    """`count_nouns` language data: "the number of marchers at 18,500" counts marchers though no noun
    follows the figure (one adjective may stand before the noun: "der wartenden Schiffe")."""
    f = frame(text, surface, lang)
    assert (f.group, f.action) == (group, action)


def test_a_count_s_subject_yields_to_a_nearer_figure() -> None:
    """Another figure between the subject and this one owns it: "the number of marchers at 18,500; 300
    were arrested" — 300 is no count of marchers."""
    text = "Police put the number of marchers at 18,500 and 300 were arrested."
    f = frame(text, "300", others=("18,500",))
    assert (f.group, f.action) == ("people", "arrested")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The unions said more than 40,000 people had taken part in the march.", "40,000"),
        ("fr", "Selon les syndicats, 40 000 personnes ont participé au cortège.", "40 000"),
        ("es", "A la manifestación asistieron 18.500 personas, según la policía.", "18.500"),
        ("de", "Nach Gewerkschaftsangaben haben 40.000 Menschen an dem Marsch teilgenommen.", "40.000"),
    ],
)
def test_people_who_took_part_in_a_march_were_protesting(lang, text, surface) -> None:
    """`protesting` language data: "took part", "ont participé", "asistieron", "teilgenommen" — the crowd
    of a march or a rally, one count with "40,000 marchers" (a German verb split around the figure, "nahmen
    40.000 Menschen teil", is not read)."""
    f = frame(text, surface, lang)
    assert (f.group, f.action) == ("people", "protesting")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The unions said 65% of nursing staff had stopped work.", "65%"),
        ("en", "The hospital federations put participation at 22%.", "22%"),
        ("fr", "Le front syndical affirme que 65 % du personnel infirmier a cessé le travail.", "65 %"),
        ("es", "Según los sindicatos, el 65 % del personal de enfermería adhirió al paro.", "65 %"),
        ("de", "Die Gewerkschaften nennen eine Beteiligung von 65 Prozent.", "65 Prozent"),
    ],
)
def test_the_share_on_strike_is_the_strike_s_turnout(lang, text, surface) -> None:
    """terms.toml [share_topic] on_strike = turnout: "65% stopped work" and "participation at 22%" are one
    measure (a count of strikers keeps its action: "2,000 workers walked out")."""
    f = frame(text, surface, lang, dimension="dimensionless")
    assert (f.action, f.topic) == (None, "turnout")
    assert frame("About 2,000 workers walked out on Monday.", "2,000").action == "on_strike"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Thirty-one patients were in hospital, five of them in intensive care.", "Thirty-one"),
        ("es", "En los hospitales murcianos permanecen ingresadas 31 personas.", "31"),
        ("es", "Treinta y un pacientes están internados.", "Treinta y un"),
        ("de", "31 Patienten liegen im Spital, zwei weniger als am Vortag.", "31"),
        ("fr", "Trente et un malades sont hospitalisés.", "Trente et un"),
    ],
)
def test_patients_in_hospital_are_one_count_with_people_in_hospital(lang, text, surface) -> None:
    """`injured` language data ("in hospital", "internados", "ingresadas", "im Spital") and terms.toml
    [group_same] patients = people: "31 patients in hospital" and "31 personas ingresadas" are one count."""
    f = frame(text, surface, lang)
    assert (f.group, f.action) == ("people", "injured")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Chile's heatwave has now claimed seven lives, the health ministry said.", "seven"),
        ("es", "La ola de calor se ha cobrado siete vidas, según el Ministerio de Salud.", "siete"),
        ("fr", "La canicule a déjà coûté sept vies au Chili.", "sept"),
        ("de", "Die Hitzewelle forderte sieben Menschenleben.", "sieben"),
    ],
)
def test_lives_claimed_are_a_toll(lang, text, surface) -> None:
    """`group_action` people:killed: "claimed seven lives", "se ha cobrado siete vidas" count the dead."""
    f = frame(text, surface, lang)
    assert (f.group, f.action) == ("people", "killed")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "A wildfire in Ventura County more than doubled in size on Sunday to 19,500 acres.",
         "19,500 acres"),
        ("de", "Die Flammen haben inzwischen eine Fläche von 12.700 Hektar erfasst.", "12.700 Hektar"),
        ("fr", "L'incendie s'étend désormais sur 4 000 hectares.", "4 000 hectares"),
    ],
)
def test_a_fire_s_area_is_the_area_burnt(lang, text, surface) -> None:
    """terms.toml [incident] wildfire area = burnt: an area with no action of its own, in a clause naming a
    fire, is one measure with "had burned 8,200 acres"."""
    f = frame(text, surface, lang, dimension="[length] ** 2")
    assert f.action == "burnt"
    park = frame("The park covers 12,700 hectares.", "12,700 hectares", dimension="[length] ** 2")
    assert park.action != "burnt"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "others"),
    [
        ("es", "La ONG eleva a 44 el número de supervivientes, frente a los 41 de las autoridades.", "44",
         ("41",)),
        ("en", "The number of survivors rose to 44.", "44", ()),
        ("en", "There were 41 survivors, the coast guard said.", "41", ()),
        ("fr", "Les 41 survivants ont été ramenés à Lampedusa.", "41", ()),
    ],
)
def test_survivors_are_people_rescued(lang, text, surface, others) -> None:
    """`group_action` people:rescued ("survivors", "survivants", "supervivientes"), also as a count's
    subject before or, as Spanish writes it, after the figure ("eleva a 44 el número de supervivientes")."""
    f = frame(text, surface, lang, others=others)
    assert (f.group, f.action) == ("people", "rescued")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "group", "action"),
    [
        ("de", "Laut Busunternehmen saßen 46 Menschen im Bus, laut Gendarmerie 48.", "46", "people",
         "aboard"),
        ("en", "All 46 occupants of the coach were Spanish tourists.", "46", "people", "aboard"),
        # an estimate of the present is no forecast: "la Policía calcula que había más de 40.000 personas"
        ("es", "La Policía calcula que había más de 40.000 personas dentro del estadio.", "40.000", "people",
         None),
    ],
)
def test_who_was_in_a_vehicle_and_an_estimate_of_the_present(lang, text, surface, group, action) -> None:
    """`aboard` ("im Bus", "im Fahrzeug") and occupants as passengers; Spanish "calcula que" is no
    forecast marker (an estimate of a crowd that was there)."""
    f = frame(text, surface, lang)
    assert (f.group, f.action, f.scope) == (group, action, "incident")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "scope"),
    [
        ("en", "Twenty-two people have been rescued alive since the collapse.", "Twenty-two", "incident"),
        ("fr", "19 personnes ont été extraites vivantes des décombres depuis le début des recherches.", "19",
         "incident"),
        ("es", "Desde el derrumbe, 22 personas han sido sacadas con vida.", "22", "incident"),
        ("de", "Seit dem Erdbeben wurden 22 Menschen lebend geborgen.", "22", "incident"),
        # a war, a year: a running total
        ("en", "More than 280,000 people have been killed since the war began.", "280,000", "cumulative"),
        ("fr", "Depuis le début de la guerre, 500 000 personnes ont été tuées.", "500 000", "cumulative"),
    ],
)
def test_since_the_incident_itself_is_no_running_total(lang, text, surface, scope) -> None:
    """ "since the collapse", "depuis le début des recherches", "seit dem Erdbeben": a kind of incident (or
    the search) after "since" is the incident's own start (`since_short` and the incident words)."""
    f = frame(text, surface, lang)
    assert (f.action, f.scope) == ("rescued" if scope == "incident" else "killed", scope)


def test_officers_are_troops_deployed() -> None:
    """en `state_forces` "officers": "More than 300 officers were involved" counts the police deployed."""
    f = frame("More than 300 officers were involved in the operation.", "300")
    assert (f.group, f.action) == ("state_forces", "deployed")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The bus plunged about 230 feet into a ravine on Wednesday.", "about 230 feet"),
        ("es", "El vehículo cayó por un barranco de unos 70 metros.", "unos 70 metros"),
        ("fr", "Le car a dévalé un ravin d'environ 70 mètres.", "environ 70 mètres"),
        ("de", "Er stürzte rund 70 Meter tief in eine Schlucht.", "rund 70 Meter"),
    ],
)
def test_a_fall_into_a_ravine_is_a_depth(lang, text, surface) -> None:
    """`depth` topic words ("ravine", "barranco", "ravin", "Schlucht"): how far a vehicle fell is compared
    across outlets ("about 70 m" / "more than 100 m"), not a length of nothing in particular."""
    assert frame(text, surface, lang, dimension="[length]").topic == "depth"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "action"),
    [
        ("en", "The gunman released four hostages on Friday evening.", "four", "released"),
        ("fr", "Le preneur d'otages a libéré quatre otages vendredi.", "quatre", "released"),
        ("es", "El atracador liberó a cuatro rehenes el viernes.", "cuatro", "released"),
        ("de", "Vier Geiseln wurden am Freitag freigelassen.", "Vier", "released"),
        ("en", "Two hostages were killed during the raid.", "Two", "killed"),
        ("en", "The gunman held nine hostages in the bank.", "nine", "kidnapped"),
    ],
)
def test_a_noun_s_action_yields_to_the_verb_of_its_figure(lang, text, surface, action) -> None:
    """terms.toml [noun_action_yields]: "hostages" are kidnapped unless the verb governing the figure says
    released, killed, injured or rescued — four hostages released are no rival of nine hostages held."""
    f = frame(text, surface, lang)
    assert (f.group, f.action) == ("people", action)


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("fr", "Selon un décompte officiel, plus de 140 soldats ont été tués dans la région de "
               "Tillabéri depuis "
               "janvier.", "140"),
        ("en", "More than 140 soldiers have been killed in attacks across the Tillaberi region since "
               "January.", "140"),
        ("es", "Más de 140 soldados han muerto en ataques en la región de Tillabéri desde enero.", "140"),
        ("de", "Mehr als 140 Soldaten sind bei Angriffen in der Region Tillabéri seit Januar getötet "
               "worden.", "140"),
    ],
)
def test_since_a_month_far_along_the_clause_makes_a_running_total(lang, text, surface) -> None:
    """A bare "since" before a month or a year opens a running total's period wherever it stands in the
    figure's clause, not only within a few words of it."""
    assert frame(text, surface, lang, published=date(2028, 5, 17)).scope == "cumulative"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        # a comparison of the incident with earlier ones, not a running total's start
        ("en", "With the death toll estimated between 500 and 1300 it would be the most lethal chemical "
               "attack "
               "since the 1980s.", "between 500 and 1300"),
        ("fr", "Au moins 30 personnes ont été tuées lundi, la pire attaque dans la région depuis "
               "2019.", "30"),
        # "since" in another clause (after a comma) belongs to that clause
        ("fr", "Le train transportait près de 250 voyageurs, selon le syndicat des conducteurs SEMAF, "
               "qui dénonce "
               "depuis des années la vétusté de la ligne.", "près de 250"),
    ],
)
def test_since_after_an_incident_or_a_comma_is_not_the_figures_period(lang, text, surface) -> None:
    assert frame(text, surface, lang, published=date(2028, 5, 17)).scope == "incident"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("fr", "En février 2023, deux séismes survenus à quelques heures d'intervalle avaient fait plus "
               "de 50 000 "
               "morts dans le sud du pays.", "plus de 50 000"),
        ("en", "In February 2023, two powerful earthquakes that struck within hours of each other in the "
               "south-east of the country killed more than 53,000 people.", "more than 53,000"),
        ("es", "En febrero de 2023, dos terremotos que sacudieron con pocas horas de diferencia el "
               "sureste del país "
               "dejaron más de 50.000 muertos.", "más de 50.000"),
        ("de", "Im Februar 2023, als zwei schwere Erdbeben binnen weniger Stunden den Südosten des Landes "
               "erschütterten, kamen mehr als 50.000 Menschen ums Leben.", "mehr als 50.000"),
    ],
)
def test_a_sentence_opening_on_an_earlier_year_is_of_that_time(lang, text, surface) -> None:
    """ "In February 2023, ...": a fronted earlier date sets the time of every figure of the sentence, however
    far from it they stand: background, not a rival of this year's toll."""
    assert frame(text, surface, lang, published=date(2026, 7, 8)).scope == "past"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "group", "action"),
    [
        ("de", "Das Ministerium zählte 263 Verdachtsfälle.", "263", "people", "infected"),
        ("de", "Das Ministerium zählte zwölf Todesfälle.", "zwölf", "people", "killed"),
        ("de", "Bei dem Angriff kamen 14 Grenzsoldaten ums Leben.", "14", "state_forces", "killed"),
        ("de", "Es gab zwölf Lawinentote.", "zwölf", "people", "killed"),
        ("de", "Die Bahn meldete 300 Zugausfälle.", "300", "trains", "cancelled"),
    ],
)
def test_a_german_compound_counts_as_its_last_part(lang, text, surface, group, action) -> None:
    """German writes compounds as one word: "Verdachtsfälle" are cases, "Grenzsoldaten" soldiers
    ([grammar] compound_heads); a compound with its own meaning is listed whole ("Zugausfälle",
    "Todesfälle")."""
    f = frame(text, surface, lang)
    assert (f.group, f.action) == (group, action)


def test_a_compound_whose_head_is_not_listed_is_not_that_head_s_group() -> None:
    """ "Krankenhäuser" are hospitals (a word of their own), not homes: "häuser" is not a compound head."""
    assert frame("Drei Krankenhäuser wurden beschädigt.", "Drei", "de").group == "hospitals"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The union says 320 jobs are at risk.", "320"),
        ("fr", "Selon la CGT, 320 emplois directs sont menacés.", "320"),
        ("es", "El sindicato cifra en 320 los empleos amenazados.", "320"),
        ("de", "Die Gewerkschaft sieht 320 Arbeitsplätze in Gefahr.", "320"),
    ],
)
def test_jobs_at_risk_are_jobs_to_be_cut(lang, text, surface) -> None:
    """The union's "jobs at risk" and the company's "jobs cut" are two sides' figures of one fact
    ([action_of_group] jobs: threatened = cut); people at risk stay their own measure."""
    assert frame(text, surface, lang).action == "cut"
    assert frame("About 50,000 people are at risk of flooding.", "50,000").action == "threatened"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "action"),
    [
        ("de", "Rund 70 Menschen gelten weiter als vermisst.", "70", "missing"),
        ("fr", "Le bateau avait quitté Tobrouk avec 150 à 180 personnes à son bord.", "150 à 180", "aboard"),
        ("en", "Officials said about 62,000 people were moved out of low-lying areas.", "62,000",
         "evacuated"),
        ("de", "Die Behörden haben 620 Menschen aus ihren Häusern geholt.", "620", "evacuated"),
        ("en", "Twenty-one people had been treated for breathing difficulties.", "Twenty-one", "injured"),
        ("fr", "En soirée, 37 personnes avaient été soignées pour des irritations.", "37", "injured"),
        ("fr", "Trente personnes ont été prises en charge par les pompiers.", "Trente", "injured"),
        ("es", "En el naufragio perecieron 600 personas.", "600", "killed"),
    ],
)
def test_more_ways_of_saying_what_happened_to_a_group(lang, text, surface, action) -> None:
    assert frame(text, surface, lang).action == action


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The death toll rose to 27 on Tuesday, among them six children, as rescuers combed the "
               "rubble.",
         "six"),
        ("fr", "Le bilan s'est alourdi à 27 morts, dont six enfants.", "six"),
        ("es", "La cifra de fallecidos subió a 27, entre ellos seis niños.", "seis"),
        ("de", "Die Zahl der Todesopfer stieg auf 27, darunter sechs Kinder.", "sechs"),
    ],
)
def test_a_subgroup_takes_what_happened_to_its_whole(lang, text, surface) -> None:
    """ "27 dead, among them six children": six children killed, the block of "sieben Kinder unter den
    Todesopfern" and "six children were killed" in other outlets."""
    f = frame(text, surface, lang)
    assert (f.group, f.action) == ("children", "killed")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "NIAMEY – Douze soldats ont été tués lundi lors de l'attaque du poste militaire de "
               "Banibangou, a "
               "annoncé l'armée."),
        ("es", "NIAMEY – Doce soldados murieron el lunes en el ataque contra el puesto militar de "
               "Banibangou, "
               "informó el ejército."),
        ("en", "NIAMEY – Twelve soldiers were killed on Monday when gunmen stormed the Banibangou army "
               "post, the "
               "army said."),
        ("de", "NIAMEY – Zwölf Soldaten wurden am Montag beim Angriff auf den Posten von Banibangou "
               "getötet, teilte "
               "die Armee mit."),
    ],
)
def test_a_site_named_after_its_town_places_the_figure(lang, text) -> None:
    """ "le poste militaire de Banibangou", "the Lavéra refinery": a town the gazetteer knows, next to a site
    named after it ([grammar] facility_nouns), is where it happened — not the capital's dateline."""
    f = frame(text, re.search(r"Douze|Doce|Twelve|Zwölf", text).group(0), lang, published=date(2028, 5, 15))
    assert (f.place, f.place_source) == ("Banibangou", "clause")


def test_a_site_noun_does_not_make_an_unknown_word_a_place() -> None:
    """Only names the gazetteer knows: "le poste de Premier ministre" names no place."""
    f = frame("Il a été nommé au poste de Premier ministre après la mort de 12 soldats.", "12", "fr")
    assert f.place is None


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The blast happened at a depth of about 1,050 metres in the Rydułtowy mine near Rybnik.",
         "1,050 metres"),
        ("fr", "L'explosion s'est produite à 1 050 mètres de profondeur dans la mine de Rydułtowy, près "
               "de Rybnik.",
         "1 050 mètres"),
        ("es", "La explosión se produjo en la mina de Rydułtowy, cerca de Rybnik, a 1.050 metros de "
               "profundidad.",
         "1.050 metros"),
        ("de", "Die Explosion ereignete sich im Bergwerk Rydułtowy bei Rybnik in 1.050 Metern Tiefe.",
         "1.050 Metern"),
    ],
)
def test_a_town_that_locates_another_place_is_not_where_it_happened(lang, text, surface) -> None:
    """ "the Rydułtowy mine near Rybnik": Rybnik only says where Rydułtowy lies ([grammar] near_words after
    another place's name); the explosion's figures are Rydułtowy's, as in the outlets that name only it."""
    f = frame(text, surface, lang, dimension="[length]")
    assert (f.place, f.place_source) == ("Rydułtowy", "clause")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Nach der Vergiftung an einer Schule im bolivianischen Quillacollo ist die Zahl der Toten auf 2 "
         "gestiegen.", "Quillacollo"),
        ("Bei einem Brand in einem Wohnhochhaus im belgischen Lüttich sind mindestens 5 Menschen gestorben.",
         "Lüttich"),
        ("Im nordrhein-westfälischen Hagen wurden 12 Menschen verletzt.", "Hagen"),
    ],
)
def test_a_german_town_after_its_country_s_adjective_is_a_place(text, place) -> None:
    """German news places a town after its country's or region's adjective ("im bolivianischen Quillacollo",
    [grammar] place_adjective_endings): the adjective stands between the preposition and the name, as
    "northern" does in "in northern Idlib"."""
    surface = next(w for w in ("2", "5", "12") if f" {w} " in text)
    f = frame(text, surface, "de")
    assert (f.place, f.place_source) == (place, "clause")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "At least 15 civilians were killed on Friday in Boulil near Deir ez-Zor.", "15"),
        ("fr", "Quinze civils ont été tués dans le village de Boulil, près de Deir ez-Zor.", "Quinze"),
        ("es", "Quince civiles murieron el viernes en la zona de Boulil, cerca de Deir ez-Zor.", "Quince"),
        ("de", "Fünfzehn Zivilisten wurden am Freitag in Boulil nahe Deir ez-Zor getötet.", "Fünfzehn"),
    ],
)
def test_a_place_unknown_to_the_gazetteer_is_in_the_region_of_the_town_near_it(lang, text, surface) -> None:
    """ "in Boulil near Deir ez-Zor": the village is not in the gazetteer, the town that locates it is; the
    figure is placed in that town's region from its own clause, not at the article's dateline or the town
    named in the sentence before (real Syrian coverage put such a toll in Aleppo)."""
    f = frame(text, surface, lang)
    assert (f.place, f.place_source) == ("Deir ez-Zor", "clause")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("de", "Fünfzehn Zivilisten wurden am Freitag in Boulil nahe Deir ez-Zor getötet.", "Fünfzehn"),
        ("de", "Zwölf Menschen sind am Dienstag im Zentrum von Rio de Janeiro verletzt worden.", "Zwölf"),
    ],
)
def test_a_place_name_of_several_words_is_one_word_before_the_verb(lang, text, surface) -> None:
    """German puts the verb last: a place written in several words ("Deir ez-Zor", "Rio de Janeiro") counts as
    one word between the figure and its verb, so the verb still governs it."""
    assert frame(text, surface, lang).action in ("killed", "injured")


def test_near_a_town_alone_still_places_the_figure() -> None:
    """With no other place before it, "near Aleppo" is where the fighting was."""
    f = frame("Fighting near Aleppo killed 12 people on Monday.", "12")
    assert f.place == "Aleppo"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "La compañía prevé cancelar 412 vuelos, aunque el sindicato SEPLA elevó la cifra a 468."),
        ("en", "The company cancelled 412 flights, but the union put the number at 468."),
        ("de", "Die Airline strich 412 Flüge, die Gewerkschaft spricht von 468."),
        ("fr", "La compagnie a annulé 412 vols, le syndicat en compte 468."),
    ],
)
def test_another_sources_figure_takes_what_happened_from_the_figure_it_answers(lang, text) -> None:
    """ "elevó la cifra a 468", "put the number at 468": the union's figure counts what the company's
    counted — the flights and what happened to them — and so meets the outlets that say "468 flights were
    cancelled"."""
    f = frame(text, "468", lang, others=("412",))
    assert (f.group, f.action) == ("flights", "cancelled")


@pytest.mark.parametrize(
    "text",
    [
        "Das UN-Menschenrechtsbüro in Genf erklärte, bei dem Angriff seien 104 Zivilisten getötet worden.",
        "Ein Regierungssprecher in Berlin sagte, bei dem Unglück seien 40 Menschen gestorben.",
    ],
)
def test_a_german_compound_of_a_speaker_noun_is_where_the_source_sits(text) -> None:
    """ "Regierungs**sprecher** in Berlin", "UN-Menschenrechts**büro** in Genf": in a language that writes
    compounds (de.toml has compound_heads), a speaker noun also ends a longer word; its place is the
    source's."""
    f = frame(text, re.search(r"104|40", text).group(0), "de")
    assert f.place not in ("Genf", "Berlin")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("es", "El sindicato exige una subida del 11 % en dos años.", "11 %"),
        ("de", "Die Gewerkschaft fordert eine Lohnerhöhung von 11 Prozent.", "11 Prozent"),
        ("fr", "Les syndicats réclament une hausse de 11 % des salaires.", "11 %"),
        ("en", "The union demands a rise of 11% over two years.", "11%"),
    ],
)
def test_an_article_between_a_figure_and_its_verb_is_no_other_figure(lang, text, surface) -> None:
    """ "una", "eine", "une" are number words too, but not figures the extractor read: the verb before them
    still governs the figure (the union's demand, never a rival of the employer's offer)."""
    f = frame(text, surface, lang, dimension="dimensionless")
    assert (f.action, f.part) == ("demanded", "demanded")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le Haut-Commissariat a recensé au moins 104 civils tués au cours des sept derniers jours."),
        ("en", "At least 104 civilians were killed over the past seven days, the UN said."),
        ("es", "Al menos 104 civiles murieron en los últimos siete días, según la ONU."),
        ("de", "In den letzten sieben Tagen seien mindestens 104 Zivilisten getötet worden."),
    ],
)
def test_the_last_seven_days_are_one_running_total_in_every_language(lang, text) -> None:
    """ "au cours des sept derniers jours" / "over the past seven days": a week's total starting a week
    before the article, whichever side of the marker the length is written on."""
    f = frame(text, "104", lang, published=date(2028, 11, 15))
    assert (f.scope, f.since) == ("cumulative", date(2028, 11, 8))


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("de", "Die Bilanz des Erdbebens vom Montag stieg unterdessen auf 31 Tote und 463 Verletzte.", "463"),
        ("de", "Die Zahl der Verletzten nach dem Erdbeben vom Montag stieg jedoch auf 463.", "463"),
        ("fr", "Le bilan du séisme de lundi s'est cependant alourdi à 463 blessés.", "463"),
        ("en", "The toll from Monday's earthquake has however risen to 463 injured.", "463"),
    ],
)
def test_a_sentence_adverb_inside_a_clause_does_not_split_it(lang, text, surface) -> None:
    """ "stieg **unterdessen** auf", "s'est **cependant** alourdi": a sentence adverb standing after the verb
    is no new clause — the incident and its day ("des Erdbebens vom Montag") still frame the figure."""
    f = frame(text, surface, lang, published=date(2026, 7, 8))
    assert (f.incidents, f.day, f.day_source) == (("earthquake",), date(2026, 7, 6), "weekday")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Ein Sturm traf die Küste. Fünf Häuser brannten am Montag in Izmir, unterdessen wurden bei "
               "dem Erdbeben 463 verletzt."),
        ("en", "A storm hit the coast. Five homes burned in Izmir on Monday; meanwhile the earthquake "
               "injured 463."),
    ],
)
def test_a_sentence_adverb_after_a_comma_still_opens_a_clause(lang, text) -> None:
    """After a comma (or a semicolon) the adverb opens another clause: the figure before it is not framed by
    what follows (an article's first sentence names the storm, whose kind a count naming none takes)."""
    f = frame(text, "Fünf" if lang == "de" else "Five", lang, counted="Häuser" if lang == "de" else "homes",
              others=("463",))
    assert "earthquake" not in f.incidents


@pytest.mark.parametrize(
    ("lang", "text", "surface", "counted"),
    [
        ("fr", "Le groupe, qui compte environ 121 000 salariés, veut économiser 1,6 milliard.", "121 000",
         "salariés"),
        ("es", "El grupo, con 9.800 empleados en todo el mundo, arrastra una deuda.", "9.800", "empleados"),
        ("de", "Betroffen sind weltweit rund 9.800 Beschäftigte.", "9.800", "Beschäftigte"),
        ("en", "The group has 12,400 employees worldwide.", "12,400", "employees"),
    ],
)
def test_a_firms_people_counted_with_no_verb_are_its_staff(lang, text, surface, counted) -> None:
    """ "qui compte 121 000 salariés", "con 9.800 empleados": the workforce, one fact with "employs about
    121,000 people" ([group_default] workers = employed)."""
    f = frame(text, surface, lang, counted=counted)
    assert (f.group, f.action) == ("people", "employed")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "counted"),
    [
        ("en", "Some 4,000 strikers marched through the city.", "4,000", "strikers"),
        ("fr", "Quelque 4 000 grévistes ont défilé.", "4 000", "grévistes"),
        ("es", "Unos 4.000 huelguistas marcharon por el centro.", "4.000", "huelguistas"),
        ("de", "Rund 4.000 Streikende zogen durch die Stadt.", "4.000", "Streikende"),
    ],
)
def test_strikers_are_workers_on_strike_not_staff(lang, text, surface, counted) -> None:
    f = frame(text, surface, lang, counted=counted)
    assert (f.group, f.action) == ("people", "on_strike")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "counted"),
    [
        ("en", "Ninety-six inmates escaped from the prison early on Wednesday.", "Ninety-six", "inmates"),
        ("en", "Police said 96 prisoners escaped through a hole blasted in a wall.", "96", "prisoners"),
        ("fr", "Selon la police, 96 détenus se sont évadés dans la nuit.", "96", "détenus"),
        ("es", "La Policía cifró en 96 el número de evadidos.", "96", None),
        ("es", "En la madrugada se fugaron 96 reos de la cárcel.", "96", "reos"),
        ("de", "Am Mittwoch entkamen 96 Häftlinge aus dem Gefängnis.", "96", "Häftlinge"),
    ],
)
def test_prisoners_who_escaped_are_counted_as_the_escape(lang, text, surface, counted) -> None:
    """A prisoner's noun says "arrested" ([group_action]); it yields to an escape verb governing its figure
    ([noun_action_yields]), as hostages yield to "released"."""
    f = frame(text, surface, lang, counted=counted)
    assert (f.group, f.action) == ("people", "escaped")


def test_prisoners_released_are_not_an_arrest_count() -> None:
    assert frame("Fifty detainees were released on Monday.", "Fifty", "en", counted="detainees").action == (
        "released")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "counted"),
    [
        ("en", "Gunmen abducted at least 120 students from the school.", "120", "students"),
        ("en", "Gunmen abducted 120 pupils from the school.", "120", "pupils"),
        ("fr", "Des hommes armés ont enlevé 187 élèves dans l'internat.", "187", "élèves"),
        ("es", "Los hombres armados se llevaron a 187 alumnos.", "187", "alumnos"),
        ("de", "Bewaffnete verschleppten 187 Schüler aus dem Internat.", "187", "Schüler"),
    ],
)
def test_pupils_and_students_of_a_school_are_children(lang, text, surface, counted) -> None:
    assert frame(text, surface, lang, counted=counted).group == "children"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "counted"),
    [
        ("en", "It killed a worker and sent 38 people to hospital.", "38", "people"),
        ("fr", "Trente-huit personnes ont été transportées dans les hôpitaux du Havre.", "Trente-huit",
         "personnes"),
        ("es", "Una decena de trabajadores fueron trasladados a hospitales de la zona.", "Una decena",
         "trabajadores"),
        ("de", "Insgesamt wurden 61 Personen ins Spital gebracht.", "61", "Personen"),
    ],
)
def test_people_taken_to_hospital_are_the_injured(lang, text, surface, counted) -> None:
    f = frame(text, surface, lang, counted=counted)
    assert (f.group, f.action) == ("people", "injured")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "counted", "action"),
    [
        ("fr", "Plus de 600 000 volailles ont été abattues.", "600 000", "volailles", "killed"),
        ("en", "Officials said 480,000 birds had been culled.", "480,000", "birds", "killed"),
        ("es", "Las autoridades han sacrificado 480.000 aves.", "480.000", "aves", "killed"),
        ("de", "Insgesamt 480.000 Tiere wurden gekeult.", "480.000", "Tiere", "killed"),
        ("es", "La zona cuenta con unos 45 millones de aves.", "45 millones", "aves", None),
    ],
)
def test_animals_are_one_group_in_every_language(lang, text, surface, counted, action) -> None:
    """ "600 000 volailles", "480,000 birds", "480.000 aves", "480.000 Tiere": one group, culled or not —
    and never people, whose tolls they would join."""
    f = frame(text, surface, lang, counted=counted)
    assert (f.group, f.action) == ("animals", action)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "counted"),
    [
        ("fr", "L'OFB estime qu'il y a 1 104 loups en France.", "1 104", "loups"),
        ("en", "The agency estimates there are 1,104 wolves in France.", "1,104", "wolves"),
        ("es", "La oficina estima en 1.104 los lobos presentes en Francia.", "1.104", "lobos"),
        ("de", "Demnach leben in Frankreich 1104 Wölfe in 148 Rudeln.", "1104", "Wölfe"),
    ],
)
def test_wild_animals_are_one_group_in_every_language(lang, text, surface, counted) -> None:
    """A census of wolves in four languages is one group, "wild animals" — not the livestock they kill."""
    f = frame(text, surface, lang, counted=counted)
    assert f.group == "wildlife"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "counted"),
    [
        ("en", "The virus has been found on 11 farms.", "11", "farms"),
        ("fr", "Onze élevages sont désormais touchés.", "Onze", "élevages"),
        ("es", "Ya son once las granjas afectadas.", "once", "granjas"),
        ("de", "Das Virus wurde in elf Geflügelbetrieben nachgewiesen.", "elf", "Geflügelbetrieben"),
    ],
)
def test_farms_are_one_group_in_every_language(lang, text, surface, counted) -> None:
    assert frame(text, surface, lang, counted=counted).group == "farms"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("de", "Die Zahl der Verletzten stieg auf 57. Neun von ihnen schweben in Lebensgefahr.", "Neun"),
        ("fr", "Le nombre de blessés est passé à 57. Sept d'entre eux sont dans un état grave.", "Sept"),
        ("es", "La cifra de heridos subió a 57. Nueve de ellos están en estado grave.", "Nueve"),
        ("en", "The number of injured rose to 57. Nine of them are in a critical condition.", "Nine"),
    ],
)
def test_a_part_of_them_takes_the_group_counted_just_before(lang, text, surface) -> None:
    """ "Neun von ihnen", "Sept d'entre eux": a part of the whole counted in the sentence before — its group
    and what happened to it."""
    f = frames_of(text, lang)[surface]
    assert (f.group, f.action, f.part) == ("people", "injured", "subgroup")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "One person is still missing, and 14 people were injured, four of them seriously."),
        ("de", "Insgesamt wurden 43 Menschen verletzt, vier von ihnen schwer."),
    ],
)
def test_a_part_takes_its_wholes_action_over_the_verb_before_the_run(lang, text) -> None:
    """ "... still missing, and 14 people were injured, four of them seriously": four injured — the last
    action before the part, not the verb before its coordination run."""
    counted = "Menschen" if lang == "de" else None
    f = frame(text, "four" if lang == "en" else "vier", lang, counted=counted,
              others=("14",) if lang == "en" else ("43",))
    assert (f.group, f.action, f.part) == ("people", "injured", "subgroup")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("de", "Wie viele Männer entkommen waren, ist unklar: Die Polizei spricht von 96.", "96"),
        ("en", "It is unclear how many men escaped: police say 96.", "96"),
    ],
)
def test_how_many_names_the_group_of_a_bare_figure(lang, text, surface) -> None:
    assert frame(text, surface, lang).group in ("men", "people")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "counted"),
    [
        ("en", "Ten children were among at least 48 people killed in the village.", "Ten", "children"),
        ("es", "Diez niños figuran entre los 48 muertos.", "Diez", "niños"),
        ("fr", "Dix enfants figurent parmi les 48 personnes tuées.", "Dix", "enfants"),
        ("de", "Zehn Kinder sind unter den 48 Toten.", "Zehn", "Kinder"),
    ],
)
def test_a_part_named_first_takes_the_action_of_the_whole_after_it(lang, text, surface, counted) -> None:
    """ "Ten children were among at least 48 people killed": no action before the part, so the whole's after
    it — ten children killed, the block of "48 dead, including ten children"."""
    f = frame(text, surface, lang, counted=counted, others=("48",))
    assert (f.group, f.action, f.part) == ("children", "killed", "subgroup")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "counted"),
    [
        ("en", "Air defences shot down 128 drones overnight.", "128", "drones"),
        ("fr", "128 drones ont été abattus dans la nuit.", "128", "drones"),
        ("es", "Las defensas derribaron 128 drones.", "128", "drones"),
        ("de", "Die Luftabwehr hat 128 Drohnen abgeschossen.", "128", "Drohnen"),
    ],
)
def test_drones_shot_down_are_destroyed(lang, text, surface, counted) -> None:
    """ "abattus" is "shot dead" for people and "shot down" for drones ([action_of_group] drones: killed ->
    destroyed)."""
    assert frame(text, surface, lang, counted=counted).action == "destroyed"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "counted", "action"),
    [
        ("en", "Police had recaptured 18 inmates by Wednesday.", "18", "inmates", "arrested"),
        ("es", "La policía ha recapturado a 52 reos.", "52", "reos", "arrested"),
        ("en", "Rescuers brought 16 miners out alive.", "16", "miners", "rescued"),
        ("de", "16 Kumpel seien lebend an die Oberfläche gebracht worden.", "16", "Kumpel", "rescued"),
    ],
)
def test_recaptured_and_brought_out_alive(lang, text, surface, counted, action) -> None:
    assert frame(text, surface, lang, counted=counted).action == action


LONG_LEAD = ("Les secours ont poursuivi leurs recherches toute la nuit dans les décombres, sous une "
             "pluie glaciale, avec des chiens et des caméras thermiques, pendant que les familles "
             "attendaient derrière un cordon de police depuis la veille au soir et que les autorités "
             "promettaient une enquête rapide sur les causes exactes de cette catastrophe. ")


@pytest.mark.parametrize(
    ("dateline", "towns", "expected"),
    [
        # an outlet's home desk in another country than the town the story keeps naming: the town
        ("GENÈVE (La Sentinelle) – ", ["Bucarest", "Bucarest", "Bucarest"], "Bucarest"),
        # a dateline in the country of the towns named: the dateline, as before
        ("LYON (La Sentinelle) – ", ["Grenoble", "Grenoble"], "LYON"),
        # no dateline: a town named more often than all the others together
        ("", ["Bucarest", "Bucarest", "Constanța"], "Bucarest"),
        # no dateline, several towns as often (a nationwide story): none of them
        ("", ["Lagos", "Kano", "Lagos", "Abuja", "Kaduna"], None),
    ],
)
def test_the_story_s_place_when_none_is_named_near_the_start(dateline, towns, expected) -> None:
    """A figure placed by nothing in its own sentence takes the story's place. With no town named near the
    start, that is the dateline's, unless the text keeps naming a town of another country (the dateline is
    then the outlet's own desk), or, with no dateline, the town named more often than all the others."""
    text = dateline + LONG_LEAD + "Au total, 2 personnes sont toujours portées disparues. " + " ".join(
        f"Une cellule de crise a été ouverte à {t}." for t in towns)
    got = frames_of(text, "fr")["2"]
    assert got.place == expected, (got.place, got.place_source)


@pytest.mark.parametrize(
    ("lang", "title", "text", "expected"),
    [
        ("es", "Haití: la mitad de la población pasa hambre",
         "SAN JOSÉ – Unos 5,9 millones de personas sufren inseguridad alimentaria aguda, según el informe.",
         ("Haití", "country")),
        ("fr", "Le Vietnam suspend ses exportations de riz",
         "PHNOM PENH – Les contrats portant sur 1,4 million de tonnes seront honorés, selon le ministère.",
         ("Vietnam", "country")),
        ("de", "Prüfungsleck in Bangladesch: Schüler müssen nachschreiben",
         "ALMATY – Rund 420.000 Schüler müssen die Prüfung wiederholen, teilte die Behörde mit.",
         ("Bangladesch", "country")),
        ("en", "Kazakhstan exchange hacked overnight",
         "NAIROBI – Hackers stole about 310 million dollars, the exchange said on Monday.",
         ("Kazakhstan", "country")),
        # the headline names the dateline's own country: the dateline's town, as before
        ("en", "Kenya's exam results delayed", "NAIROBI – About 9,000 students sat the exam, the ministry "
         "said.", ("NAIROBI", "town")),
        # no dateline: the headline's country is not needed, and not taken
        ("en", "Kazakhstan exchange hacked overnight",
         "Hackers stole about 310 million dollars, the exchange said on Monday.", (None, None)),
    ],
)
def test_a_story_told_from_the_outlet_s_desk_is_placed_by_its_headline(lang, title, text, expected) -> None:
    """A figure placed by nothing in its own sentence takes the story's place; when that would be the
    dateline's — the outlet's own desk, the lead naming no place — and the headline names another country,
    the story is there: "Haití: la mitad de la población pasa hambre" over "SAN JOSÉ –"."""
    got = next(iter(frames_of(text, lang, title=title).values()))
    assert (got.place, got.place_kind) == expected, (got.place, got.place_source)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "day"),
    [
        ("es", "La turbulencia en el vuelo a Santo Domingo dejó 46 heridos, informó el jueves la aerolínea.",
         "46", date(2016, 7, 14)),
        ("en", "On Saturday, Black Friday sales drew 4,000 shoppers, police said.", "4,000",
         date(2016, 7, 16)),
        ("de", "Am Montag wurden 5 Menschen verletzt.", "5", date(2016, 7, 18)),
    ],
)
def test_a_weekday_inside_a_name_dates_nothing(lang, text, surface, day) -> None:
    """ "Santo Domingo", "Black Friday": a weekday right after another capitalised word (no small word such
    as "Am") is part of a name, and the weekday the claim names dates it — not the Sunday of a city."""
    f = frame(text, surface, lang)
    assert (f.day, f.day_source) == (day, "weekday")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "LYON, France (Wire) – A bus crashed on Tuesday, killing 5 people. The crash recalls the "
               "accident of September 2015, in which 16 people died."),
        ("fr", "LYON (AFP) – Un car s'est renversé mardi, faisant 5 morts. L'accident rappelle celui de "
               "septembre 2015, qui avait fait 16 morts."),
        ("es", "LYON (EFE) – Un autobús volcó el martes y murieron 5 personas. El accidente recuerda al de "
               "septiembre de 2015, en el que murieron 16 personas."),
        ("de", "LYON (dpa) – Ein Bus ist am Dienstag verunglückt, 5 Menschen starben. Das Unglück erinnert "
               "an den Unfall im September 2015, bei dem 16 Menschen starben."),
    ],
)
def test_a_past_figure_told_as_background_takes_no_place_from_the_dateline(lang, text) -> None:
    """The dateline places today's incident, not an earlier one the article recalls: the background toll is
    placed by its own words only, so it is not set against another outlet's toll of that earlier incident
    for naming its town."""
    got = frames_of(text, lang)
    assert (got["5"].place_source, got["5"].scope) == ("dateline", "incident")
    assert (got["16"].place, got["16"].place_source, got["16"].scope) == (None, "none", "past")


def test_a_past_figure_keeps_the_place_its_own_words_name() -> None:
    """ "In 2015 a cable car fell in Lisbon, killing 14": a place in its own clause still places it."""
    got = frames_of("LYON (Wire) – A bus crashed on Tuesday, killing 5 people. In 2015 a cable car fell in "
                    "Lisbon, killing 14 people.", "en")
    assert (got["14"].place, got["14"].place_source, got["14"].scope) == ("Lisbon", "clause", "past")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "About 1,300 spectators and players were evacuated from the ice rink."),
        ("fr", "Quelque 1 300 spectateurs et joueurs ont été évacués de la patinoire."),
        ("es", "Unos 1.300 espectadores y jugadores fueron evacuados de la pista."),
    ],
)
def test_a_second_noun_before_the_verb_is_the_same_subject(lang, text) -> None:
    """ "spectators and players were evacuated": a noun the lexicon does not know, right before the verb,
    continues the subject; the verb still governs the figure."""
    f = frame(text, re.search(r"1[,. \u00a0]300", text).group(0), lang)
    assert (f.group, f.action) == ("people", "evacuated")


def test_a_name_after_and_is_no_second_noun_of_the_subject() -> None:
    """ "habitants de Saint-Fons, Feyzin et Vénissieux ont reçu l'ordre": the town's name is no noun of the
    subject, and the verb after it ("reçu", received) is not what happened to the residents."""
    f = frame("Quelque 40 000 habitants de Saint-Fons, Feyzin et Vénissieux ont reçu l'ordre de rester chez "
              "eux.", "40 000", "fr")
    assert f.action is None


def test_animals_that_perished_are_dead() -> None:
    """German "verendet" is how animals die ("4.200 Bienenvölker verendet"): the count of the dead."""
    f = frame("In der Südsteiermark sind binnen weniger Tage rund 4.200 Bienenvölker verendet.", "4.200",
              "de")
    assert f.action == "killed"


@pytest.mark.parametrize("noun", ["Zuschauerinnen und Zuschauer", "Besucherinnen und Besucher",
                                  "Touristinnen und Touristen", "Arbeiterinnen und Arbeiter"])
def test_german_feminine_and_masculine_plurals_are_one_group(noun) -> None:
    """German news names both genders ("1300 Zuschauerinnen und Zuschauer"): the feminine plural is the
    same group as the masculine one, so the figure counts people, not a thing called "Zuschauerinnen"."""
    f = frame(f"Rund 1300 {noun} wurden evakuiert.", "1300", "de")
    assert (f.group, f.thing, f.action) == ("people", None, "evacuated")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "The ruling affects some 4,300 couriers who deliver for the app in Belgium.", "4,300"),
        ("fr", "Le jugement concerne quelque 4.300 livreurs actifs en Belgique.", "4.300"),
        ("es", "El fallo alcanza a unos 4.300 repartidores en Bélgica.", "4.300"),
        ("de", "Das Urteil betrifft rund 4.300 Kuriere in Belgien.", "4.300"),
    ],
)
def test_couriers_of_a_delivery_app_are_workers_in_every_language(lang, text, surface) -> None:
    """Gig-economy news counts couriers, livreurs, repartidores, Kuriere: one group, so the four outlets'
    figures meet in one block instead of four blocks named after each language's noun (workers, like the
    miners of a mine, are the people of their story, employed by default: terms.toml)."""
    f = frame(text, surface, lang)
    assert (f.group, f.action, f.thing) == ("people", "employed", None)


@pytest.mark.parametrize(
    ("lang", "text", "whole", "part"),
    [
        ("en", "Of the 1,240 children tested within two kilometres, 418 had levels above the reference "
         "value.", "1,240", "418"),
        ("fr", "Sur les 34 morts, 12 étaient des enfants.", "34", "12"),
        ("es", "De los 1.240 niños analizados en la zona, 418 superan el valor de referencia.", "1.240",
         "418"),
        ("de", "Von den 34 Toten waren 12 Kinder.", "34", "12"),
    ],
)
def test_a_sentence_opening_on_a_counted_whole_makes_later_figures_parts(lang, text, whole, part) -> None:
    """ "Of the 1,240 children tested, 418 ...": 418 is a part of the 1,240, never a rival figure; the whole
    itself stays the whole."""
    assert frame(text, part, lang, others=(whole,)).part == "subgroup"
    assert frame(text, whole, lang, others=(part,)).part == ""


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "In total, 1,240 children were tested for lead near the plant.", "1,240"),
        ("fr", "Au total, 1 240 enfants ont été testés dans un rayon de deux kilomètres.", "1 240"),
        ("es", "En total, 1.240 niños fueron analizados en un radio de dos kilómetros.", "1.240"),
        ("de", "Insgesamt wurden 1.240 Kinder in der Umgebung des Werks auf Blei untersucht.", "1.240"),
    ],
)
def test_people_tested_are_their_own_count(lang, text, surface) -> None:
    """The children tested are the whole of which the poisoned are a part: a count of its own (action
    "tested"), never compared with the number found sick."""
    assert frame(text, surface, lang).action == "tested"


def test_aerial_surveys_are_no_air_strike() -> None:
    """ "aerial" names an air strike only with an attack word ("aerial bombardment"), not in "aerial surveys
    counted 262 containers"."""
    assert "airstrike" not in frame("Aerial surveys counted 262 containers in the water.", "262").incidents
    assert "airstrike" in frame("An aerial bombardment killed 12 people in the town.", "12").incidents


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Brussels cleared €1.8 billion of state aid for the steelworks.", "€1.8 billion"),
        ("es", "El gobierno aprobó un plan de rescate de 1.800 millones de euros para la acería.",
         "1.800 millones de euros"),
        ("de", "Die Staatshilfen für das Stahlwerk summieren sich auf 1,8 Milliarden Euro.",
         "1,8 Milliarden Euro"),
    ],
)
def test_a_state_rescue_of_a_company_is_aid(lang, text, surface) -> None:
    """A state rescue ("state aid", "plan de rescate", "Staatshilfen") is the aid topic, as "plan de
    sauvetage" already was, so that the outlets' amounts meet in one block (a bare "rescate" stays a
    ransom, a bare "rescue" names no topic: rescue teams are no money)."""
    assert frame(text, surface, lang, dimension="currency_EUR").topic == "aid"


def test_a_phrase_marker_matches_before_an_english_possessive() -> None:
    """ "last year's record of 380,000" is last year's figure, as "last year" is: a marker phrase's last word
    matches with the possessive "'s" (one word already did: "yesterday's")."""
    text = "Organisers said 385,000 spectators attended, beating last year's record of 380,000."
    assert frame(text, "380,000", others=("385,000",)).scope == "past"
    assert frame(text, "385,000", others=("380,000",)).scope == "incident"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("es", "La cifra oficial de muertos por la explosión del taller subió este miércoles a 15.", "15"),
        ("es", "El saldo de muertos por las lluvias subió a 15 en el norte del país.", "15"),
        ("fr", "Le nombre officiel de morts de l'explosion est passé à 15 mercredi.", "15"),
        ("de", "Die Zahl der Getöteten stieg am Mittwoch auf 15.", "15"),
    ],
)
def test_an_official_death_toll_noun_names_the_dead(lang, text, surface) -> None:
    """ "la cifra oficial de muertos ... subió a 15", "el saldo de muertos", "die Zahl der Getöteten": a noun
    naming the death toll far before its figure makes it a toll of people killed."""
    f = frame(text, surface, lang)
    assert (f.group, f.action) == ("people", "killed")


def test_a_shared_town_name_is_taken_in_a_country_of_the_article_s_language() -> None:
    """ "SILAO, Gto." names a town of Mexico, India and Réunion; a Spanish article that names no country means
    the Mexican one (lexicon [grammar] home_countries), so its figures are placed there and stay apart from
    another story's in London."""
    text = "SILAO, Gto. – Doce niños necesitan tratamiento y tres de ellos están internados en el hospital."
    f = frame(text, "Doce", "es", published=date(2030, 12, 4))
    assert (f.place, f.place_cc) == ("SILAO", "MX")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("fr", "En échange de l'aide, 650 postes disparaîtront d'ici 2032.", "650"),
        ("de", "Das Unternehmen soll rund 800 Stellen abbauen.", "800"),
        ("es", "Según el plan, se eliminarán 650 empleos de aquí a 2032.", "650"),
        ("en", "About 650 jobs will be lost by 2032 under the plan.", "650"),
    ],
)
def test_jobs_that_disappear_are_cut(lang, text, surface) -> None:
    """ "650 postes disparaîtront", "800 Stellen abbauen", "650 jobs will be lost": jobs cut, one block
    with the outlets that write "will cut 650 jobs"."""
    assert frame(text, surface, lang).action == "cut"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "At least four people were killed when a tailings dam burst at the iron-ore mine on Monday.",
         "four"),
        ("fr", "La rupture du barrage a fait au moins neuf morts lundi dans le Minas Gerais.", "neuf"),
        ("es", "Al menos siete personas murieron tras la rotura de una presa de relaves en Minas Gerais.",
         "siete"),
        ("de", "Nach dem Dammbruch in Minas Gerais ist die Zahl der Toten auf zwölf gestiegen.", "zwölf"),
    ],
)
def test_a_dam_giving_way_is_a_kind_of_incident(lang, text, surface) -> None:
    """terms.toml [incident] dam_breach: one family with collapses, floods, mudslides and spills."""
    assert frame(text, surface, lang).incidents == ("dam_breach",)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "kinds"),
    [
        # firefighters alone still tell a fire ...
        ("en", "Firefighters said 14 people were injured.", "14", ("firefighting",)),
        # ... but not where the clause names another kind of incident
        ("es", "Siete personas murieron tras la rotura de una presa, informó el Cuerpo de Bomberos.", "Siete",
         ("dam_breach",)),
        ("fr", "Selon les pompiers, l'effondrement de l'immeuble a fait trois morts.", "trois",
         ("collapse",)),
        ("de", "Beim Einsturz des Hauses starben drei Menschen, teilten die Feuerwehrleute mit.", "drei",
         ("collapse",)),
        # a drone or a helicopter searching rubble is no air strike where the clause names the collapse
        ("en", "Around 90 firefighters, with dogs and a drone, searched the collapse site.", "90",
         ("collapse",)),
        ("en", "Russian aircraft struck the town, killing 12 people.", "12", ("aircraft",)),
    ],
)
def test_responders_and_aircraft_tell_an_incident_only_when_nothing_else_is_named(
    lang, text, surface, kinds
) -> None:
    """terms.toml [incident] weak kinds (firefighting, aircraft): firefighters, drones and helicopters come to
    fires, dam bursts, collapses and wars alike."""
    assert frame(text, surface, lang).incidents == kinds


def test_a_figure_naming_only_responders_takes_the_story_kind() -> None:
    """ "31 personnes portées disparues selon les pompiers" under a first sentence about a dam burst is the
    dam burst's, not a fire's."""
    text = ("La rupture d'un barrage de résidus miniers a fait au moins neuf morts au Brésil. "
            "Selon les pompiers, 31 personnes étaient toujours portées disparues mercredi soir.")
    assert frame(text, "31", "fr").incidents == ("dam_breach",)


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "ITABIRITO, Brazil – About 40 workers were missing after the Lagoa Seca dam gave way near "
               "Itabirito.", "40"),
        ("fr", "ITABIRITO (Brésil) – Une quarantaine d'ouvriers sont portés disparus après la rupture du "
               "barrage Lagoa Seca, près d'Itabirito.", "quarantaine"),
        ("es", "ITABIRITO, Brasil – Unos 40 trabajadores siguen desaparecidos tras la rotura de la presa "
               "Lagoa Seca, cerca de Itabirito.", "40"),
    ],
)
def test_a_site_named_like_a_far_away_town_is_not_at_that_town(lang, text, surface) -> None:
    """ "the Lagoa Seca dam" near Itabirito (Minas Gerais) is no dam at the town of Lagoa Seca, 1,800 km
    away in Paraíba: a site's namesake far from every town of the story places nothing
    (checks/places.py NAMESAKE_KM); the story's own town does."""
    f = frame(text, surface, lang, published=date(2030, 5, 7))
    assert f.place != "Lagoa Seca"
    assert f.place is None or f.place.upper() == "ITABIRITO"


def test_a_site_named_after_a_town_of_the_country_still_places_it() -> None:
    """ "la centrale de Flamanville" in an article from Paris: 300 km away, the plant's own town."""
    f = frame("PARIS – La centrale de Flamanville a été arrêtée lundi après une fuite de 300 litres.",
              "300 litres", "fr", dimension="[length] ** 3")
    assert f.place == "Flamanville"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("es", "El alud llegó al distrito de São Gonçalo do Bação, donde murieron 12 personas.", "12"),
        ("fr", "La coulée a atteint le village de São Gonçalo do Bação, où 12 personnes sont mortes.", "12"),
        ("en", "The mud reached the village of São Gonçalo do Bação, where 12 people died.", "12"),
    ],
)
def test_a_known_name_that_goes_on_into_a_longer_one_is_not_that_place(lang, text, surface) -> None:
    """ "São Gonçalo do Bação" (a district of Itabirito) is not São Gonçalo (a city of the state of Rio de
    Janeiro): a known name followed by "do", "de", "del" ... and a capitalised word that is no country
    starts a longer name ([grammar] name_continuations)."""
    f = frame(text, surface, lang, published=date(2030, 5, 7))
    assert f.place != "São Gonçalo"


@pytest.mark.parametrize(
    ("lang", "text", "first", "second"),
    [
        ("es", "El gasto en defensa sube hasta 93.400 millones y la inversión pública marcará un récord de "
               "126.700 millones.", "93.400", "126.700"),
        ("en", "Defence spending rises to 93.4 billion and public investment will hit a record "
               "126.7 billion.", "93.4", "126.7"),
    ],
)
def test_a_topic_word_past_a_conjunction_is_the_next_figure_s(lang, text, first, second) -> None:
    """A topic word before a figure names it; one after it, past "and"/"y" that opens the next clause, names
    the next figure: defence spending and public investment are two budget lines, not one."""
    frames = frames_of(text, lang)
    assert (frames[first].topic, frames[second].topic) == ("defence", "investment")


def test_a_figure_takes_the_nearest_of_a_region_and_a_country_in_its_clause() -> None:
    # the region is the first figure's, the country the second's
    frames = frames_of("Unas 1.900 personas fueron evacuadas en Schleswig-Holstein y 800 en Dinamarca.", "es")
    assert (frames["1.900"].place, frames["800"].place) == ("Schleswig-Holstein", "Dinamarca")


def test_a_region_named_earlier_does_not_place_a_later_figure() -> None:
    """A regional paper's own region, named for its hauliers, is not where the French blockade is: a
    first-level region is carried to no later figure (at most the story's weak main place, as a dateline)."""
    text = ("Nach Angaben der Präfektur in Perpignan standen am Mittwoch rund 450 Traktoren auf der "
            "Autobahn. Die Blockade trifft auch Spediteure mit Obst für Supermärkte in Hessen. "
            "Insgesamt warten 1200 Lastwagen.")
    frames = frames_of(text, "de")
    assert frames["1200"].place == "Perpignan"  # the story's town before it, not the region


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "About 90 firefighters and lifeguards took part in the rescue on Monday.", "90"),
        ("fr", "Environ 90 pompiers ont participé aux recherches lundi.", "90"),
        ("es", "Unos 90 bomberos participaron en la búsqueda el lunes.", "90"),
        ("de", "Rund 90 Feuerwehrleute beteiligten sich an der Suche im Geröll.", "90"),
    ],
)
def test_responders_taking_part_in_a_rescue_are_deployed_not_protesting(lang, text, surface) -> None:
    """"took part" counts a march's crowd; "took part in the rescue" / "in the search" counts responders."""
    assert frames_of(text, lang)[surface].action == "deployed"


def test_people_there_at_the_time_are_the_incident_s_not_the_past_s() -> None:
    # "at the time" is the moment of the incident told, not an earlier time ("back then", "years ago")
    text = ("The cliff gave way on Monday. Lifeguards estimated that around 600 people were on the sand at "
            "the time.")
    assert frames_of(text, "en")["600"].scope == "incident"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("de", "Damals wurden etwa 1500 Menschen verletzt und mehr als 7000 Gebäude beschädigt.", "7000"),
        ("fr", "À l'époque, 1500 personnes ont été blessées et plus de 7000 bâtiments endommagés.", "7000"),
        ("en", "Back then, 1,500 people were injured and some 7,200 buildings damaged.", "7,200"),
        ("es", "En aquel entonces hubo 1.500 heridos y más de 7.000 edificios dañados.", "7.000"),
    ],
)
def test_a_past_marker_opening_the_sentence_dates_each_of_its_figures(lang, text, surface) -> None:
    """The background of an earlier incident, told after this one's figures: every count of the sentence is
    that incident's, not only the one nearest to "damals" (another outlet's "more than 7,000 buildings" of
    this week's incident is no rival of it)."""
    assert frame(text, surface, lang, published=date(2031, 3, 12)).scope == "past"
    now = text.split(maxsplit=2)[-1] if lang != "fr" else text.split(", ", 1)[1]
    assert frame(now, surface, lang, published=date(2031, 3, 12)).scope == "incident"


@pytest.mark.parametrize(
    ("text", "surface", "dimension", "incidents"),
    [
        ("The leaked files cover 2.7 million documents, the consortium said.", "2.7 million", "count", ()),
        ("An oil leak from the tanker has fouled 12 km of beaches.", "12 km", "[length]", ("spill",)),
    ],
)
def test_a_data_leak_is_no_spill(text, surface, dimension, incidents) -> None:
    """"leaked documents" told a spill of oil, a kind of incident with its own days and family."""
    got = frame(text, surface, "en", dimension=dimension, published=date(2031, 3, 12))
    assert got.incidents == incidents


@pytest.mark.parametrize(
    ("lang", "text", "surfaces"),
    [
        ("de", "Die Rendite der zehnjährigen Anleihe fiel um 85 Basispunkte auf 8,9 Prozent, der Leitindex "
               "der Börse stieg um 2,4 Prozent.", ("85 Basispunkte", "8,9 Prozent", "2,4 Prozent")),
        ("en", "The yield on the 10-year bond fell 85 basis points to 8.9 per cent, and the all-share index "
               "rose 2.4 per cent.", ("85 basis points", "8.9 per cent", "2.4 per cent")),
    ],
)
def test_a_stock_index_is_no_bond_spread(lang, text, surfaces) -> None:
    """A market wrap gives a bond's yield and a stock index's change in one sentence: the index's percentage
    is its own measure, not a rival of the yield's fall in basis points another outlet gives."""
    topics = [frame(text, s, lang, dimension="[dimensionless]", others=surfaces).topic for s in surfaces]
    assert topics[0] == "spread" and topics[2] == "stock_index"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Race officials defended the start, saying MetService's forecast at the time had shown gusts "
               "of no more than 90km/h on the course.", "90km/h"),
        ("fr", "La direction de course a défendu le départ, la prévision annonçant alors des rafales de pas "
               "plus de 90 km/h sur le parcours.", "90 km/h"),
    ],
)
def test_a_forecast_is_read_from_the_figure_s_qualifier(lang, text, surface) -> None:
    """The words before a figure are counted from its qualifier ("no more than", "pas plus de"): a forecast
    ten words before the qualifier is the figure's, so the forecast gusts are no rival of those measured."""
    assert frame(text, surface, lang, dimension="[speed]", published=date(2031, 3, 11)).scope == "forecast"
