"""Where a claim happened: place names in an article, resolved against the gazetteer.

A capitalised name counts as a place only where the sentence puts it in a place position — after a
preposition of place ("in Idlib", "près de Nikopol", "cerca de Oliva", "nördlich von Gandia"), before or
after a place noun ("the village of Tokhar", "Aleppo province", "la commune de Pego"), or as the dateline
("BEIRUT (Reuters) -"). That keeps out people, agencies and countries named as actors ("Russia said",
"SANA reported"). A name the gazetteer knows is resolved to a town (with its country and region), a region
("Aleppo province"), a first-level region named by its own name ("au Tyrol", "in Bayern": ISO 3166-2, with
no GeoNames region code to say which towns lie inside it) or a country; the document's countries break ties
between towns of the same name. A
name it does not know (a village or district too small for GeoNames, "al-Tukhar", "Tariq al-Bab") is kept
as an *unknown* place: it still tells two incidents apart, it just has no region.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import regex

from quantcheck.checks.gazetteer import Gazetteer, Town, fold
from quantcheck.checks.gazetteer import distance_km as gazetteer_distance
from quantcheck.checks.lexicon import Language, Token

# A short all-capital word ("CDU", "AfD", "ONU", "SOHR") names an organisation, not a place, even after a
# preposition ("bei der CDU", "chez la CGT") and even when GeoNames lists it as a town's alternate name.
# Longer capitals stay possible names: a dateline's town is often written in capitals ("MARHANETS -").
ORGANISATION = regex.compile(r"(?:\p{Lu}\p{Ll}?){1,3}\p{Lu}|\p{Lu}{2,4}")

MAX_NAME_TOKENS = 4
PLACE_OF_REACH = 3  # lower-case words between a place noun and its "of": "la station de ski de Valloire"
BIG_TOWN = 100_000  # a foreign town is believed without support from the document's countries
DATELINE_CHARS = 150
NAMESAKE_KM = 600  # a site named like a town farther than this from all the story's towns is not at that town
SHARED_REGION = 3  # names with a town in one region that make it the story's region (two is a coincidence)


# (i, n, name, towns, country, dateline); country is an ISO 3166-1 code, or for a first-level region the
# ISO 3166-2 code ("AT-7": its country, a dash, the region)
Found = list[tuple[int, int, str, list[Town], str | None, bool]]


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    end: int
    name: str  # as written (for reasons and labels)
    key: str  # folded spelling: what unknown places are compared by
    kind: str  # 'town', 'region', 'country' or 'unknown'
    cc: str | None = None
    admin1: str | None = None
    gid: int | None = None
    local: bool = True  # in one of the document's countries (a foreign town is often only a venue)
    dateline: bool = False  # the dateline ("KYIV –"): where the reporter files, not where it happened
    reference: bool = False  # a point distances are measured from ("70 km south of Valencia")
    speaker: bool = False  # where a speaker is ("a spokesman in Rome said"), not where it happened
    locates: bool = False  # locates the place named before it ("the Rydułtowy mine near Rybnik")


def first_level(kind: str | None, gid: int | None) -> bool:
    """A first-level region found by its own name ("Tirol", "Bavière": ISO 3166-2), not a town's region: it
    has no town, so no GeoNames id nor region code to say which towns lie inside it. For a place
    (``p.kind, p.gid``) and a claim's frame (``f.place_kind, f.place_gid``) alike."""
    return kind == "region" and gid is None


def capitalised(tok: Token, raw: str) -> bool:
    """A capitalised word, including Arabic-style names with a lower-case article ("al-Quriyah")."""
    if tok.capital:
        return True
    parts = raw.split("-")
    return len(parts) > 1 and any(p[:1].isupper() for p in parts[1:])


def _is_speaker_place(toks: list[Token], i: int, lang: Language) -> bool:
    """ "a spokesman in Rome said", "ein Sprecher in Rom", "un portavoz en Roma": the speaker's place."""
    return i >= 2 and lang.is_("locative", toks[i - 1].text) and lang.is_("speaker_nouns", toks[i - 2].text)


def _is_reference_point(toks: list[Token], i: int, lang: Language) -> bool:
    """ "70 km south of Valencia", "à 30 km au nord de Lyon": the place a distance is measured from."""
    window = toks[max(0, i - 6) : i]
    has_compass = any(lang.is_("compass", t.text) for t in window)
    return has_compass and any(t.is_number for t in window)


def _near_another(toks: list[Token], i: int, lang: Language, name_ends: frozenset[int]) -> bool:
    """ "the Rydułtowy mine near Rybnik", "Tinkaran, près de Banibangou": a "near" phrase before token i,
    right after another place's name (over a comma and the name's site or place noun), makes the place at i
    the town that locates the other, not where it happened."""
    texts = _texts(toks)
    for j in range(max(0, i - 3), i):
        hit = lang.grammar["near_words"].at(texts, j)
        if hit is None or j + hit[1] != i:
            continue
        k = j
        while k > 0 and k not in name_ends and j - k < 3 and (
            texts[k - 1] == ","
            or lang.is_("facility_nouns", texts[k - 1])
            or lang.is_("place_nouns", texts[k - 1])
        ):
            k -= 1
        return k in name_ends
    return False


_TEXTS_CACHE: dict[int, tuple[list[Token], list[str]]] = {}


def _is_day_word(text: str, lang: Language) -> bool:
    return lang.weekdays.get(text) is not None or lang.months.get(text) is not None


def _shared_dateline(text: str, toks: list[Token], i: int) -> bool:
    """ "BRUSSELS/PARIS (Wire) —": a story filed from two towns is placed by neither."""
    after = i + 1 < len(toks) and text[toks[i].end : toks[i + 1].start].strip() == "/"
    before = i > 0 and text[toks[i - 1].end : toks[i].start].strip() == "/"
    return after or before


def _texts(toks: list[Token]) -> list[str]:
    """The lower-cased texts of a token list, computed once per list (find_places asks for each name)."""
    cached = _TEXTS_CACHE.get(id(toks))
    if cached is None or cached[0] is not toks:
        _TEXTS_CACHE.clear()
        cached = (toks, [t.text for t in toks])
        _TEXTS_CACHE[id(toks)] = cached
    return cached[1]


def _adjective_like(raw: list[str], lang: Language) -> bool:
    """ "Syrian", "US-led", "Kurdish-run": a capitalised modifier, not a place name."""
    last = raw[-1]
    if "-" in last and last.rsplit("-", 1)[1][:1].islower():
        return True
    return len(raw) == 1 and lang.ends_with("demonym_endings", last.lower())


def _noun_follows(toks: list[Token], k: int, lang: Language) -> bool:
    """A word that an adjective could qualify comes next ("Iraqi forces", "Syrian territory"), not a
    conjunction, a place noun or the end of the clause ("in Qaterji and", "the Qatrji neighbourhood")."""
    if k >= len(toks):
        return False
    text = toks[k].text
    return text.isalpha() and not lang.is_("stopwords", text) and not lang.is_("place_nouns", text)


def _after_article(toks: list[Token], raw: list[str], i: int, n: int, lang: Language) -> bool:
    """A lower-case definite article (or a preposition fused with one) right before the name and no place
    noun after it: towns take no article in these languages (countries and regions do: "the Netherlands",
    "la Syrie", "im Irak", "the Aleppo countryside"), so "the White House", "la Maison Blanche" or German
    "am Boden" (on the ground) is not the town GeoNames spells that way."""
    if i == 0 or not raw[i - 1][:1].islower():
        return False
    before = toks[i - 1].text
    if not (lang.is_("definite_articles", before) or lang.is_("article_prepositions", before)):
        return False
    return not _named_after(toks, i + n, lang, sites=True)


def _has_cue(
    toks: list[Token],
    i: int,
    n: int,
    lang: Language,
    skippable: frozenset[int] = frozenset(),
    strict: bool = False,
    facilities: bool | None = None,
) -> bool:
    """A place position: a preposition of place before the name (over modifiers, place nouns and a
    country's genitive: "in Syria's northern Idlib"), a place noun before "of" or after the name; a site's
    noun too (``facilities``, by default for known names only: not ``strict``)."""
    texts = _texts(toks)
    sites = not strict if facilities is None else facilities
    k = i - 1
    while k >= 0 and (
        lang.is_("place_modifiers", texts[k])
        or lang.is_("place_nouns", texts[k])
        or k in skippable
        or (sites and lang.is_("facility_nouns", texts[k]))  # "im Bergwerk Rydułtowy"
        or (not toks[k].capital and lang.ends_with("place_adjective_endings", texts[k]))  # "im belgischen"
    ):
        k -= 1
    if k >= 0 and lang.is_("locative", texts[k]):
        if not strict:
            return True
        # a name unknown to the gazetteer: only right after the preposition ("in Tokhar", not "an der
        # spanischen Küste", where German capitalises a common noun) or over a compass word / "-held"
        between = texts[k + 1 : i]
        if texts[k] != "on" and all(
            lang.is_("compass", w) or w.endswith("-held") or (k2 in skippable)
            for k2, w in zip(range(k + 1, i), between, strict=True)
        ):
            return True
        return False
    return _noun_cue(toks, i, n, lang, facilities=sites)


def _noun_cue(toks: list[Token], i: int, n: int, lang: Language, facilities: bool = False) -> bool:
    """A place noun names the place: before "of", over up to three lower-case words — its adjectives and
    a complement ("the Syrian city of Aleppo", "la localidad valenciana de Paiporta", "la station de ski de
    Valloire") —, or right after the name ("the Qaterji district"). With ``facilities`` (a name the gazetteer
    knows), so does a site named after its town: "le poste militaire de Banibangou", "the Lavéra refinery"."""
    texts = _texts(toks)

    def noun(word: str) -> bool:
        return lang.is_("place_nouns", word) or (facilities and lang.is_("facility_nouns", word))

    if i >= 2 and lang.is_("place_of", texts[i - 1]):
        for k in range(i - 2, max(i - 2 - PLACE_OF_REACH, -1), -1):
            if noun(texts[k]):
                return True
            if toks[k].capital or not texts[k].isalpha():
                break
    return _named_after(toks, i + n, lang, sites=facilities)


def _named_after(toks: list[Token], k: int, lang: Language, sites: bool) -> bool:
    """A place noun right after a name at token k ("the Aleppo countryside"), or with ``sites`` a site's noun
    over its modifiers ("the Banibangou army post")."""
    if k < len(toks) and lang.is_("place_nouns", _texts(toks)[k]):
        return True
    return sites and _site_after(toks, k, lang)


def _site_after(toks: list[Token], k: int, lang: Language) -> bool:
    """A site's noun at token k, over its lower-case modifiers: "(the Banibangou) army post", "(the Lavéra)
    oil refinery"."""
    texts = _texts(toks)
    for j in range(k, min(len(toks), k + 1 + PLACE_OF_REACH)):
        if lang.is_("facility_nouns", texts[j]):
            return True
        if toks[j].capital or not texts[j].isalpha():
            return False
    return False


def _part_of_country(toks: list[Token], i: int, lang: Language) -> bool:
    """ "the east of the Philippines", "l'est des Philippines", "el este de Filipinas": a compass point of a
    country, before "of" and the country's article, lies inside it. Not a cue for a town: "west of Athens"
    is outside Athens."""
    texts = _texts(toks)
    of = i - 2 if i >= 3 and lang.is_("definite_articles", texts[i - 1]) else i - 1
    return of >= 1 and lang.is_("place_of", texts[of]) and lang.is_("compass", texts[of - 1])


def _longer_name(toks: list[Token], raw: list[str], k: int, lang: Language, gaz: Gazetteer) -> bool:
    """A known name ending before token ``k`` goes on into a longer one the gazetteer does not know: a
    continuation word and a capitalised word that is no country, article, day or month ("São Gonçalo do
    Bação", "La Voz del Misti"; not "Saint-Denis de La Réunion", "Santiago de Chile", "Paris du Lundi")."""
    if k + 1 >= len(toks) or not lang.is_("name_continuations", toks[k].text) or not raw[k][:1].islower():
        return False
    nxt = toks[k + 1]
    if not capitalised(nxt, raw[k + 1]) or _is_day_word(nxt.text, lang) or lang.is_("stopwords", nxt.text):
        return False
    return gaz.country(raw[k + 1]) is None


def _known_name_at(
    text: str, toks: list[Token], raw: list[str], i: int, lang: Language, gaz: Gazetteer
) -> tuple[int, str, list[Town], str | None] | None:
    """The longest name of the gazetteer starting at token ``i`` (a country, else towns): (number of
    tokens, name, towns, country), or None. A name is capitalised words, possibly joined by a name joiner
    ("Bab al-Faraj", "Saint-Denis"), ending with a capitalised word."""
    for n in range(MAX_NAME_TOKENS, 0, -1):
        if i + n > len(toks):
            continue
        span = toks[i : i + n]
        if not capitalised(span[-1], raw[i + n - 1]):
            continue
        if not all(
            capitalised(t, raw[i + k]) or lang.is_("name_joiners", t.text) for k, t in enumerate(span)
        ):
            continue
        name = text[span[0].start : span[-1].end]
        country = gaz.country(name)
        towns = [] if country else gaz.towns_named(name)
        region = None if country else gaz.region(name)
        # "au Tyrol", "in Bayern": a first-level region, unless its country has a town of that name (the
        # Portuguese district of Faro is named after its town; a village called Tirol lies in Italy) or a big
        # town has it ("Portland" is a Jamaican parish), or a lake's, a sea's or a mountain's noun comes with
        # it ("Lake Victoria" is no Australian state, "the Red Sea" no Sudanese one)
        if region and not _water_noun(toks, i, n, lang) and \
                not any(t.cc == region[:2] or t.population >= BIG_TOWN for t in towns):
            return n, name, [], region
        if country or towns:
            return n, name, towns, country
    return None


def _water_noun(toks: list[Token], i: int, n: int, lang: Language) -> bool:
    """A place noun that is no region's ends the name of ``n`` tokens at ``i`` or comes right before it: a
    lake's, a sea's or a mountain's name ("Lake Victoria", "the Red Sea"), not a region's."""
    before = toks[i - 1].text if i > 0 else ""
    return lang.is_("place_nouns", toks[i + n - 1].text) or (
        lang.is_("place_nouns", before) and not lang.is_("region_nouns", before))


def find_places(text: str, toks: list[Token], lang: Language, gaz: Gazetteer) -> list[Place]:
    """Every place mention in a document, in text order, resolved with the document's countries."""
    lowered = {t.text for t in toks if not t.capital}
    raw = [text[t.start : t.end] for t in toks]
    # "Syria's" / "Syrias" (scraped text loses the apostrophe): a genitive between a preposition and a name
    genitives = frozenset(
        k
        for k, t in enumerate(toks)
        if t.capital
        and (
            (t.text.endswith("'s") and gaz.country(t.text[:-2]))
            or (t.text.endswith("s") and gaz.country(t.text[:-1]))
        )
    )
    found: Found = []
    site_named: set[int] = set()  # known names placed only by a site's noun ("the Lagoa Seca dam")
    i = 0
    while i < len(toks):
        if not capitalised(toks[i], raw[i]):
            i += 1
            continue
        match = _known_name_at(text, toks, raw, i, lang, gaz)
        if match is not None and _longer_name(toks, raw, i + match[0], lang, gaz):
            match = None  # "São Gonçalo do Bação": a district whose name starts with a town's
        # "Los Ángeles", "Le Muy", "Las Vegas": a known name of several words may start with an article, or
        # with a place noun ("Mar del Plata", "Bahía Blanca"; "Lake Mai-Ndombe" is no town called Lake)
        article_name = match is not None and match[0] > 1 and (
            lang.is_("stopwords", toks[i].text) or lang.is_("place_nouns", toks[i].text))
        if not article_name and (
            lang.months.get(toks[i].text) is not None
            or lang.weekdays.get(toks[i].text) is not None
            or lang.is_("place_nouns", toks[i].text)
            or lang.is_("stopwords", toks[i].text)
            or lang.is_("name_joiners", toks[i].text)
        ):
            i += 1  # "Provinz Valencia": the place noun, capitalised in German, is not the name
            continue
        dateline = (
            toks[i].start < DATELINE_CHARS
            and raw[i].isupper()
            # "LOS ANGELES (Wire) –", "LA PAZ", "SAN JOSÉ": a short first word of a name in capitals
            and (len(raw[i]) > 3 or (i + 1 < len(toks) and raw[i + 1].isupper() and len(raw[i + 1]) > 2))
            and not _shared_dateline(text, toks, i)
        )
        if match:
            n, name, towns, country = match
            single_common = n == 1 and toks[i].text in lowered  # "Police", "Mobile": ordinary words here
            # "CDU" is an alternate name of Cidade Dutra (Brazil) in GeoNames: a party here
            single_common = single_common or (
                n == 1 and not country and not dateline and ORGANISATION.fullmatch(raw[i])
            )
            cue = _has_cue(toks, i, n, lang, genitives) or (
                country is not None and _part_of_country(toks, i, lang)
            )
            if cue and towns and not country and not _has_cue(toks, i, n, lang, genitives, facilities=False):
                site_named.add(i)  # "the Lagoa Seca dam": only a site's noun places it
            if towns and not country and _after_article(toks, raw, i, n, lang):
                cue = dateline = False  # "at the White House", "à la Maison Blanche": a building, not a town
            # a country's name with a place cue is the country even where its lower-case form is a word of
            # the text ("aux Philippines" beside "les autorités philippines", "en Filipinas" beside "las
            # islas filipinas"); a town's is then an ordinary word ("Police", "Mobile")
            if (cue or dateline) and (not single_common or country and cue):
                found.append((i, n, name, towns, country, dateline and not cue))
                i += n
                continue
            # not in a place position as a known name: it may start a longer unknown one ("Bab al-Faraj
            # neighbourhood", where "Bab" alone is a town elsewhere)
        # an unknown name in a place position: up to three capitalised words
        n = 1
        while (
            n < 3
            and i + n < len(toks)
            and (
                capitalised(toks[i + n], raw[i + n])
                or (
                    lang.is_("name_joiners", toks[i + n].text)
                    and i + n + 1 < len(toks)
                    and capitalised(toks[i + n + 1], raw[i + n + 1])
                    and not _is_day_word(toks[i + n + 1].text, lang)  # "at Paris-Orly on Thursday"
                )
            )
        ):
            n += 1
        if not capitalised(toks[i + n - 1], raw[i + n - 1]):
            n -= 1
        fused = i > 0 and lang.is_("article_prepositions", toks[i - 1].text)
        if (
            n >= 1
            and not fused
            and not (n == 1 and ORGANISATION.fullmatch(raw[i]))
            and _has_cue(toks, i, n, lang, genitives, strict=True)
            and toks[i].text not in lowered
            and not (_adjective_like(raw[i : i + n], lang) and _noun_follows(toks, i + n, lang))
            and not lang.is_("stopwords", toks[i].text)
            and lang.weekdays.get(toks[i].text) is None
            and lang.months.get(toks[i].text) is None
        ):
            name = text[toks[i].start : toks[i + n - 1].end]
            if len(fold(name)) >= 4:
                found.append((i, n, name, [], None, False))
                i += n
                continue
        # not a name here: the next capitalised word may still start one ("Die Straße. In Paris": a German
        # noun and a sentence's first word before a town must not swallow the town)
        i += 1

    doc_countries, regions, shared, named_country = _document_countries(found, toks, raw, genitives, gaz)
    story_region = {r for r, names in shared.items() if names >= SHARED_REGION}
    anchors = _anchor_towns(found, site_named, doc_countries)

    places: list[Place] = []
    # the token after each name outside a dateline: a "near" phrase there locates that name
    name_ends = frozenset(i + n for i, n, _name, _towns, _country, dateline in found if not dateline)
    for i, n, name, towns, country, on_dateline in found:
        start, end = toks[i].start, toks[i + n - 1].end
        key = fold(name)
        reference = _is_reference_point(toks, i, lang)
        locates = _near_another(toks, i, lang, name_ends)
        if country and "-" in country:  # a first-level region: its code is its key in every language
            places.append(Place(start, end, name, fold(country), "region", country[:2], f"iso:{country}",
                                dateline=on_dateline, reference=reference))
            continue
        if country:
            places.append(
                Place(start, end, name, key, "country", country, dateline=on_dateline, reference=reference)
            )
            continue
        if i in named_country:
            towns = [t for t in towns if t.cc == named_country[i]] or towns
        local = sorted(
            (t for t in towns if t.cc in doc_countries),
            key=lambda t: (
                -regions[(t.cc, t.admin1)],
                -((t.cc, t.admin1) in story_region),
                -t.population,
                t.gid,
            ),
        )
        if not towns:
            towns = local = _town_of_compound(name, doc_countries, gaz, lang)
        if not local and doc_countries:
            local = [t for t in gaz.towns_like(name) if t.cc in doc_countries]
            towns = towns or local
        if not towns:
            places.append(Place(start, end, name, key, "unknown", reference=reference, locates=locates))
            continue
        town = local[0] if local else (towns[0] if towns[0].population >= BIG_TOWN else None)
        if town is None and on_dateline and len({t.gid for t in towns}) == 1:
            town = towns[0]  # "DRAGUIGNAN (Elbe-Bote) –": a dateline's town of that name, the only one
        if town is None and not doc_countries:
            # a town of several countries in an article that names none: the one in a country whose press
            # writes the article's language ("SILAO, Gto." in a Mexican paper), the most populous
            home = [t for t in towns if lang.is_("home_countries", t.cc.lower())]
            town = min(home, key=lambda t: (-t.population, t.gid)) if home else None
        if town is None or (i in site_named and _far_namesake(town, anchors)):
            places.append(Place(start, end, name, key, "unknown", reference=reference, locates=locates))
            continue
        after = toks[i + n].text if i + n < len(toks) else ""
        before = toks[i - 2].text if i >= 2 else ""
        region = lang.is_("region_nouns", after) or lang.is_("region_nouns", before)
        places.append(
            Place(
                start,
                end,
                name,
                key,
                "region" if region else "town",
                town.cc,
                town.admin1,
                town.gid,
                town.cc in doc_countries or not doc_countries,
                on_dateline,
                reference,
                locates=locates,
            )
        )
    speakers = {toks[i].start for i, *_ in found if _is_speaker_place(toks, i, lang)}
    return [replace(p, speaker=True) if p.start in speakers and not p.dateline else p for p in places]


def _anchor_towns(found: Found, site_named: set[int], doc_countries: set[str]) -> list[Town]:
    """The towns a document names as towns (not as sites), each the only one of its name in the document's
    countries: where the story is."""
    out: list[Town] = []
    for i, _, _, towns, country, _ in found:
        local = [t for t in towns if t.cc in doc_countries]
        if not country and i not in site_named and len({t.gid for t in local}) == 1:
            out.append(local[0])
    return out


def _far_namesake(town: Town, anchors: list[Town]) -> bool:
    """A site named like a town far from every town the document names: "the Lagoa Seca dam" near
    Itabirito (Minas Gerais) is no dam at Lagoa Seca (Paraíba, 1,800 km away), "the Serra das Almas mine"
    none at Almas (Tocantins). Dams, mines and plants take the names of hills, lakes and farms as often as
    of towns; one named after its town lies within a country's reach of the story ("la centrale de
    Flamanville" in an article from Paris, 300 km away)."""
    return bool(anchors) and all(gazetteer_distance(town, a) > NAMESAKE_KM for a in anchors)


def _town_of_compound(name: str, doc_countries: set[str], gaz: Gazetteer, lang: Language) -> list[Town]:
    """ "Paris-Orly", "Frankfurt-Hahn", "Alicante-Elche": an airport or district named after its town, in one
    of the document's countries (a big town when it has none). Only names of capitalised words: "Tariq
    al-Bab", a district of Aleppo, is not the town al-Bab; nor a compass point: "Nord-Darfur", "Süd-Kivu" are
    regions, not a town called Nord."""
    parts = name.split("-")
    if len(parts) < 2 or not all(w[:1].isupper() for p in parts for w in p.split()):
        return []
    for part in parts:
        if lang.is_("compass", part.lower()):
            continue
        hits = [
            t
            for t in gaz.towns_named(part)
            if t.cc in doc_countries or (not doc_countries and t.population >= BIG_TOWN)
        ]
        if hits:
            return hits
    return []


def _document_countries(
    found: Found, toks: list[Token], raw: list[str], genitives: frozenset[int], gaz: Gazetteer
) -> tuple[set[str], Counter, Counter, dict[int, str]]:
    """The document's countries (named countries, countries of big towns named in place positions, a
    dateline's country, the country of the story's region); its regions (where its unambiguous towns lie:
    "Mallah" near Aleppo, not the Mallah in Daraa); how many different names have a town in each region;
    and the country a dateline names for its town."""
    votes: Counter[str] = Counter()
    for k in genitives:
        votes[gaz.country(toks[k].text[:-2] if toks[k].text.endswith("'s") else toks[k].text[:-1]) or ""] += 2
    # "VALENCIA, Spain (Meridian) —": a dateline names its town's country
    # and so does a country in apposition elsewhere ("a fire in Monthey, Switzerland,", "à Monthey (Suisse)"),
    # where a town of that name lies in that country ("hit Aleppo, Russia said" names no Russian Aleppo)
    named_country = {
        i: cc
        for i, n, _, towns, country, on_dateline in found
        if not country
        and i + n + 1 < len(toks)
        and toks[i + n].text in ((",",) if on_dateline else (",", "("))
        and (cc := gaz.country(raw[i + n + 1]))
        and (on_dateline or any(t.cc == cc for t in towns))
    }
    votes.update({cc: 3 for cc in named_country.values()})
    for _, _, _, towns, country, _ in found:
        if country:
            votes[country[:2]] += 2  # (a region votes for its country)
        elif towns and towns[0].population >= BIG_TOWN:
            votes[towns[0].cc] += 1
    # a first-level region where towns of several different names lie ("València", "Oliva", "Pego", "Gandia":
    # the Valencian Community, not Venezuela's Valencia): the places of one story lie together
    shared: Counter[tuple[str, str]] = Counter()
    for towns in {fold(name): towns for _, _, name, towns, _, _ in found if towns}.values():
        shared.update({(t.cc, t.admin1) for t in towns})
    for (cc, _), names in shared.items():
        if names >= SHARED_REGION:
            votes[cc] += 1
    votes.pop("", None)
    doc_countries = {cc for cc, _ in votes.most_common(2)}
    regions: Counter[tuple[str, str]] = Counter()
    for _, _, _, towns, _, _ in found:
        local_towns = [t for t in towns if t.cc in doc_countries]
        if len({(t.cc, t.admin1) for t in local_towns}) == 1:
            regions[(local_towns[0].cc, local_towns[0].admin1)] += 1

    return doc_countries, regions, shared, named_country
