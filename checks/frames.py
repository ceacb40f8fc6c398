"""What a claim states, read from the words around its number: the claim's *frame*.

A frame holds the parts of a fact's identity (checks/identity.py compares them):

- what is measured: the counted **group** ("civilians", "soldats", "Zivilisten") and what happened to it, the
  **action** ("killed", "blessés", "evacuados"); for a measure, the **topic** ("diesel", "budget");
- whether the figure is a **part** of another: a subgroup ("including 11 children", "dont 7 enfants",
  "darunter") or an increment ("another six", "six autres", "weitere sechs");
- its **scope**: one incident, a running total ("since 2011", "depuis le début de l'année", "seit Beginn
  des Krieges"), an earlier period ("last month") or a forecast;
- the kinds of **incident** named around it ("air strike", "séisme", "Hochwasser");
- **where**: the nearest place in its clause, else the last place named before it, else the article's
  dateline place (checks/places.py);
- **when**: the incident day its words point to, else the article's date (checks/dates.py);
- a few content **words** around the number (the same wording across outlets is evidence of one fact).

Everything language-specific comes from the lexicon (checks/lexicon/*.toml); the reading rules here are the
same for every language. Frames are computed once per mention (cached in ``claim_frames``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from quantcheck.checks.dates import (
    NEWS_YEARS,
    PAST_WINDOW,
    DateMention,
    find_dates,
    incident_day,
    last_occurrence,
    plausible,
    reference_date,
)
from quantcheck.checks.gazetteer import Gazetteer, fold
from quantcheck.checks.gazetteer import load as load_gazetteer
from quantcheck.checks.lexicon import NATIONALS, Language, Lexicon, Token, load_lexicon, words
from quantcheck.checks.places import Place, find_places, first_level
from quantcheck.checks.things import thing_key

if TYPE_CHECKING:
    from collections.abc import Iterable

    from quantcheck.extractors.langdata import LangData

WINDOW_CHARS = 260  # a claim's words are read within its sentence, at most this far each side
PART_GROUP_SKIP = 3  # a copula and an article between "of them" and the part's group, at most
NP_STEPS = 5  # words scanned after a number for the counted noun
RIGHT_GAP, LEFT_GAP = 4, 5  # content words allowed between a number and the verb that governs it
# words that link a scale word to its noun ("un million **de** manifestants", "des milliers **d'**habitants",
# "cientos **de** personas", "Tausende **von** Menschen"); English "of" is not one: "six **of** the dead" is a
# part
NOUN_LINKS = frozenset({"de", "d'", "di", "von", "der", "des", "la", "los", "las"})
LEAD_DATELINE = regex.compile(r"[^\n]{0,80}?\s[–—-]{1,2}\s")  # "NEVŞEHIR (Agencias) – ", "La Paz/Trier – "
LEAD_END = regex.compile(r"[.!?](?=\s)|\n")  # the end of an article's first sentence
LEAD_MIN_CHARS = 20  # past an abbreviation or a dateline's initials
LEAD_MAX_CHARS = 400  # a first sentence without a full stop (a list, a headline) is read this far
RECORD_REACH = 4  # a superlative this many words before "since" ("the worst pile-up in France since")
PHRASE_BREAKS = frozenset({",", ";", ":"})  # punctuation that sets words apart from the figure beyond it
SCOPE_SPAN = 8  # tokens each side searched for scope markers
INCIDENT_SPAN = 25  # tokens each side searched for kinds of incident (inside the clause)
CONTEXT_CHARS = 600  # a place named this far before a claim still frames it
# the place of a figure for the whole world ("weltweit 9500 Stellen"): a country of its own, no one country's
WORLD = Place(0, 0, "the world", "world", "country", "XW")
SIGNATURE_SPAN = 8
LAST_YEAR_REACH = 12  # words from the figure to "last year", "l'an dernier" at most (as for other past words)
# prepositions that make a bare month name a period ("during April", "en avril", "en abril", "im April")
YEAR = regex.compile(r"(?:19|20)\d\d")  # a year written as a number: "since 2011", "le budget 2027"
# an organisation's acronym as written: "SPD", "AfD", "CGT", "BSW", "ISIS" (two or more capitals)
ACRONYM = regex.compile(r"(?:\p{Lu}\p{Ll}?){1,3}\p{Lu}|\p{Lu}{2,6}")
JOINED_FIGURES = 4  # tokens between two figures of one phrase at most ("killed 13 and wounded 29 in Idlib")
# counted vehicles whose nouns also tell an incident ("boat" a shipwreck, "aircraft" an air strike): counting
# them ("85 ships waited", "backed by 14 aircraft") tells none
VEHICLES = frozenset({"ships", "aircraft", "vehicles", "trains"})
# the two sides of a negotiation ("unions demand 4.5%, employers offer 2%"): each side's figure is its own
NEGOTIATION = frozenset({"demanded", "offered"})
HARMED = frozenset({"killed", "injured", "casualties"})  # what only happens to people (and animals)
AREA = "[length] ** 2"
CASUALTY = frozenset(
    {
        "killed",
        "injured",
        "missing",
        "executed",
        "arrested",
        "kidnapped",
        "displaced",
        "evacuated",
        "rescued",
        "trapped",
        "casualties",
        "infected",  # an outbreak's cases: people, updated day by day like a toll
    }
)
# Groups of people (canonical terms of lexicon/terms.toml). An organisation named next to a count of people
# is who counted them or who acted ("506,000 according to the ministry, a million according to the CGT",
# "ISIS killed 40"), not whose figure it is, unlike "SPD 25 seats": two such counts with different
# organisations are rival figures for one fact, not two facts.
PEOPLE = frozenset(
    {
        "people", "civilians", "children", "women", "men", "state_forces", "nonstate_fighters", "fighters",
        "migrants", "passengers", "firefighters", "workers", "protesters", "patients", "volunteers",
    }
)
# men or women counted in a list with another group are parts of a toll ("five people died, three men and two
# women"); counted alone, men are the toll ([group_same] in lexicon/terms.toml: "23 men were trapped")
SEXES = frozenset({"men", "women"})
ANIMALS = frozenset({"animals", "wildlife"})  # livestock, poultry, wild animals: harmed as people are


@dataclass(frozen=True, slots=True)
class ClaimInput:
    """What a frame is read from: one mention of a document."""

    mention_id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    dimension: str
    counted: str | None
    concept: str | None
    value: float | None = None  # the figure itself (None for a range): a sum of parts is told by it


@dataclass(frozen=True, slots=True)
class Frame:
    mention_id: str
    measure: str  # 'count' or the pint dimension
    group: str | None  # canonical counted group (merged into its parent unless a subgroup)
    fine_group: str | None  # the group as written (a thing's noun as written)
    thing: str | None  # what a count counts when not a group: its key across languages (checks/things.py)
    action: str | None
    topic: str | None
    part: str  # '' | 'subgroup' | 'additional'
    scope: str  # 'incident' | 'cumulative' | 'past' | 'forecast' | 'limit' | 'average'
    incidents: tuple[str, ...]
    place: str | None  # display name of the place that frames the claim
    place_kind: str | None  # 'town' | 'region' | 'country' | 'unknown'
    place_cc: str | None
    place_admin1: str | None
    place_gid: int | None
    place_source: str  # 'clause' | 'context' | 'dateline' | 'none'
    spot: str | None  # folded name of the most specific place in the clause
    day: date | None
    day_source: str  # 'date' | 'weekday' | 'relative' | 'article' | 'none'
    words: tuple[str, ...] = field(default=())
    wording: str = ""
    entity: str | None = None  # an organisation or party the figure is about ("SPD", "CGT"), not its source
    year: int | None = None  # a year written next to the number ("the 2018 fire", "budget 2027")
    since: date | None = None  # a running total's first day ("since April", "in the past two weeks")


@dataclass
class DocumentView:
    """A document read once for all its claims: tokens, places, dates, the article's date."""

    text: str
    lang: Language
    toks: list[Token]
    texts: list[str]
    places: list[Place]
    dates: list[DateMention]
    ref: date | None
    main_place: Place | None
    dateline: DateMention | None = None
    starts: list[int] = field(default_factory=list)      # token start offsets, for bisection
    ends: list[int] = field(default_factory=list)
    place_tokens: frozenset[int] = frozenset()           # tokens inside a place name
    place_starts: frozenset[int] = frozenset()           # first token of each place named outside a dateline
    # tokens of the extractor's figures; a number word outside them ("un feu", "one of them") is an article or
    # a pronoun, no rival figure for the words around it
    figure_tokens: frozenset[int] | None = None
    country: Place | None = None                         # the document's own country (nationwide figures)
    lead_incidents: tuple[tuple[int, str], ...] = ()     # (token, kind of incident) of its first sentence
    date_starts: frozenset[int] = frozenset()            # where its dates start (a year in one is a date's)

    def __post_init__(self) -> None:
        self.starts = [t.start for t in self.toks]
        self.ends = [t.end for t in self.toks]
        self.date_starts = frozenset(d.start for d in self.dates)
        inside: set[int] = set()
        for p in self.places:
            k = bisect_left(self.starts, p.start)
            while k < len(self.toks) and self.starts[k] < p.end:
                inside.add(k)
                k += 1
        self.place_tokens = frozenset(inside)
        spans = (self.span(p.start, p.end) for p in self.places if not p.dateline)
        self.place_starts = frozenset(sp[0] for sp in spans if sp)
        if self.country is None:
            self.country = _document_country(self.places, self.main_place)
        # the first sentence, after a dateline ("DAKAR (L'Éclaireur) –": an outlet's name tells no incident)
        opening = LEAD_DATELINE.match(self.text)
        lead_lo = opening.end() if opening else 0
        stop = LEAD_END.search(self.text, lead_lo + LEAD_MIN_CHARS)
        lead_hi = min(stop.start() if stop else len(self.text), lead_lo + LEAD_MAX_CHARS)
        lead = self.lang.sections["incident"].scan(
            self.texts, bisect_left(self.starts, lead_lo), bisect_left(self.starts, lead_hi))
        self.lead_incidents = tuple((pos, k) for pos, _, k in lead)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """Tokens overlapping [start, end), as a half-open index range."""
        lo = bisect_right(self.ends, start)
        hi = bisect_left(self.starts, end)
        return (lo, hi) if lo < hi else None

    def within(self, lo_char: int, hi_char: int) -> tuple[int, int]:
        """Tokens entirely inside [lo_char, hi_char)."""
        return bisect_left(self.starts, lo_char), bisect_right(self.ends, hi_char)


def read_document(
    text: str,
    lang_code: str | None,
    published: date | None,
    lexicon: Lexicon | None = None,
    gazetteer: Gazetteer | None = None,
    title: str | None = None,
) -> DocumentView:
    lex = lexicon or load_lexicon()
    gaz = gazetteer or load_gazetteer()
    lang = lex.language(lang_code)
    toks = words(text)
    places = find_places(text, toks, lang, gaz)
    published = plausible(published)
    year = published.year if published else None
    dates = find_dates(text, toks, [lang, lex.language("en")], year)
    texts = [t.text for t in toks]
    starts = [t.start for t in toks]
    ref, dateline = reference_date(
        [d for d in dates if not _opens_a_period(starts, texts, lang, d.start)], published
    )
    if ref is not None and (year is None or ref.year != year):
        dates = find_dates(text, toks, [lang, lex.language("en")], ref.year)
        dateline = next((d for d in dates if dateline and d.start == dateline.start), None)
    dates = last_occurrence(dates, ref)
    # the story's place: the first town it names, unless that is where a source speaks from ("Rabat – ... as
    # the foreign ministry in Berlin confirmed")
    head = [
        p
        for p in places
        if p.start < 300 and p.kind in ("town", "region") and not (p.dateline or p.speaker or p.locates)
    ]
    # a town before a first-level region named by its own name ("in Tirol ... bei Matrei")
    head = [p for p in head if not first_level(p.kind, p.gid)] or head
    head = head or [p for p in places if p.start < 300 and p.kind == "country"]
    if not head:
        desk = next((p for p in places if p.dateline), None)
        head = _story_place(places, desk)
        abroad = _headline_country(title, desk, gaz) if head and head[0] is desk else None
        head = [abroad] if abroad is not None else head
    return DocumentView(text, lang, toks, texts, places, dates, ref, head[0] if head else None, dateline)


def _headline_country(title: str | None, dateline: Place | None, gaz: Gazetteer) -> Place | None:
    """The first country the headline names, when it is not the dateline's: "Haití: la mitad de la población
    pasa hambre" over "SAN JOSÉ –" is a story from Haiti, whose lead names no place ("Unos 5,9 millones de
    haitianos"), told from the outlet's own desk. (A headline's country needs no preposition before it: it
    is the subject more often than not.)"""
    if not title:
        return None
    home = dateline.cc if dateline is not None else None
    toks = words(title)
    for i, t in enumerate(toks):
        if not t.capital:
            continue
        for n in (3, 2, 1):
            if i + n <= len(toks):
                name = title[t.start : toks[i + n - 1].end].rstrip(":,;.!?»\"'” ")
                cc = gaz.country(name)
                if cc:
                    return None if cc == home else Place(0, 0, name, fold(name), "country", cc)
    return None


def _story_place(places: list[Place], dateline: Place | None) -> list[Place]:
    """When no place is named near the start: the dateline's, unless the town or region the text names most
    often (twice at least) lies in another country — then the dateline is the outlet's own desk ("GENÈVE (La
    Sentinelle) –" over a story from Bucharest) and the story is where the text keeps returning to. With no
    dateline, the place named more often than all the others together, if any."""
    named = [p for p in places if p.kind in ("town", "region") and p.local
             and not (p.dateline or p.speaker or p.locates or p.reference)]
    counts: dict[str, int] = {}
    for p in named:
        counts[p.key] = counts.get(p.key, 0) + 1
    top = max(counts.values(), default=0)
    most = next((p for p in named if counts[p.key] == top), None) if top >= 2 else None
    if dateline is None:
        # a story told from nowhere may be a nationwide one, its towns only some of its places: only a place
        # named more often than all the others together is the story's
        return [most] if most is not None and 2 * top > len(named) else []
    return [most] if most is not None and most.cc and most.cc != dateline.cc else [dateline]


def _document_country(places: list[Place], main: Place | None) -> Place | None:
    """The country a document is about: its dateline's, else the one most of its local places lie in
    (named countries count twice); as a country Place for nationwide figures."""
    votes: dict[str, int] = {}
    for p in places:
        if p.cc and (p.kind == "country" or p.local):
            votes[p.cc] = votes.get(p.cc, 0) + (2 if p.kind == "country" else 1)
    cc = main.cc if main is not None and main.cc else None
    if cc is None and votes:
        cc = max(sorted(votes), key=votes.__getitem__)
    if cc is None:
        return None
    name = load_gazetteer().country_names.get(cc, cc)
    return Place(0, 0, name, fold(name), "country", cc)


def _span(toks: list[Token], start: int, end: int) -> tuple[int, int] | None:
    idx = [i for i, t in enumerate(toks) if t.start < end and start < t.end]
    return (idx[0], idx[-1] + 1) if idx else None


class _Reader:
    """Reads one claim inside a document view (the rules of the module docstring)."""

    def __init__(
        self,
        doc: DocumentView,
        claim: ClaimInput,
        mention_tokens: set[int],
        temporal: frozenset[int] = frozenset(),
    ):
        self.doc, self.claim, self.lang = doc, claim, doc.lang
        self.temporal = temporal
        lo_char = max(claim.sentence_start, claim.start - WINDOW_CHARS)
        hi_char = min(max(claim.sentence_end, claim.end), claim.end + WINDOW_CHARS)
        self.lo, self.hi = doc.within(lo_char, hi_char)
        if self.lo >= self.hi:
            self.lo = self.hi = 0
        self.numbers = mention_tokens
        self.t = doc.texts
        span = doc.span(claim.start, claim.end)
        self.own = span if span else (0, 0)

    def is_(self, kind: str, i: int) -> bool:
        return self.lo <= i < self.hi and self.lang.is_(kind, self.t[i])

    def hit(self, section: str, i: int) -> tuple[str, int] | None:
        if not (self.lo <= i < self.hi):
            return None
        if section == "group" and not self.doc.toks[i].capital and self.is_("noun_only_capitalised", i):
            return None  # "zwei Geschäftsführer sitzen in Untersuchungshaft": a verb, not "mit 25 Sitzen"
        return self.lang.sections[section].at(self.t, i)

    def marker(self, name: str, i: int) -> tuple[str, int] | None:
        if not (self.lo <= i < self.hi):
            return None
        return self.lang.markers[name].at(self.t, i)

    # -- the counted noun after a number
    def _part_named_after(self, j: int) -> tuple[int, str, str | None] | None:
        """(end, group, the whole's action) of a part whose group follows "of them" or "of the dead" right
        after the figure, over a copula: "two of them children", "dos de ellas niños", "Two of the dead were
        children", "deux d'entre eux étaient des enfants" — children, not the whole's people. None when no
        group follows ("two of them were killed", "13 of the 36 seats")."""
        m = self.marker("subgroup_after", j)
        action = None
        if m:
            k = j + m[1]
        else:
            m = self.marker("partitive", j)
            whole = (self.hit("group", j + m[1]) or self.hit("group_action", j + m[1])) if m else None
            if not whole:
                return None
            k = j + m[1] + whole[1]
            action = whole[0].partition(":")[2] or None  # "of the dead": killed
        for _ in range(PART_GROUP_SKIP):
            if k < self.hi and (self.is_("auxiliaries", k) or self.is_("stopwords", k)):
                k += 1
        g = self.hit("group", k) if k < self.hi else None
        return (k + g[1], g[0], action) if g else None

    def _group_at(self, k: int, side: str | None) -> tuple[int, str | None, str | None, str | None] | None:
        """(end, group, action from the noun, side) of a group word at k ("dead": people killed), or None."""
        ga = self.hit("group_action", k)
        if ga:
            grp, _, act = ga[0].partition(":")
            return k + ga[1], grp, act, side
        g = self.hit("group", k)
        return (k + g[1], g[0], None, side) if g else None

    def noun_phrase(self, j: int, share: bool = False) -> tuple[int, str | None, str | None, str | None]:
        """(end, group, action from the noun, side) scanning the words after position j; a share's "of" is
        read too, when the group comes right after it ("89 per cent of (the) companies")."""
        if share and self.t[j:j + 1] == ["of"]:
            found = self._group_at(j + 1 + (self.t[j + 1:j + 2] == ["the"]), None)
            if found is not None:
                return found
        side = None
        steps = 0
        named = self._part_named_after(j)
        if named is not None:
            return named[0], named[1], named[2], side
        while j < self.hi and steps < NP_STEPS:
            if j in self.numbers:
                break
            found = self._group_at(j, side)
            if found is not None:
                return found
            s = self.hit("side", j)
            if s:
                side = s[0]
                j += s[1]
                steps += 1
                continue
            if side and self.is_("conjunctions", j) and j + 1 < self.hi:
                other = self.hit("side", j + 1)
                if other and other[0] != side:  # "70 regime and rebel fighters": both sides, no side
                    side = None
                    j += 1 + other[1]
                    steps += 2
                    continue
                if j + 1 in self.numbers:  # "30 regime and 39 rebel fighters": the noun after the next one
                    k = j + 1
                    while k in self.numbers:
                        k += 1
                    after = self.hit("side", k)
                    found = self._group_at(k + (after[1] if after else 0), side)
                    if found is not None:
                        return j, found[1], found[2], side
            tok = self.doc.toks[j]
            if self.hit("action", j) or self.is_("auxiliaries", j) or self.is_("conjunctions", j):
                break
            if self.marker("additional_after", j):
                j += 1
                steps += 1
                continue
            if self.is_("place_nouns", j):
                return j + 1, None, "@place", side
            if self.t[j] in NOUN_LINKS:  # "un million **de** manifestants", "un millón **de** personas"
                j += 1
                steps += 1
                continue
            if self.is_("stopwords", j):
                break
            if tok.capital or len(self.t[j]) > 2:
                j += 1
                steps += 1
                continue
            break
        return j, None, None, side

    def run_bounds(self, i0: int, i1: int, np_end: int) -> tuple[int, int, bool]:
        """Extend a number to its coordination run ("two women and two soldiers were killed", "killing three
        militants and 13 civilians"), so the run shares its verb; also report a subgroup marker inside."""
        run_start, run_end, subgroup = i0, np_end, False
        coord = self.lang.grammar["coordination"]
        sub_before = self.lang.markers["subgroup_before"]
        k = run_end
        while k < self.hi:
            k2 = k
            while k2 < self.hi:
                c = coord.at(self.t, k2) or sub_before.at(self.t, k2)
                if not c:
                    break
                k2 += c[1]
            if k2 == k:
                break
            while k2 < self.hi and self.is_("qualifiers", k2):
                k2 += 1
            if k2 < self.hi and k2 in self.numbers:
                e = k2
                while e < self.hi and e in self.numbers:
                    e += 1
                run_end = self.noun_phrase(e)[0]
                k = run_end
                continue
            break
        k = run_start - 1
        while k >= self.lo:
            c = coord.word(self.t[k]) or (sub_before.word(self.t[k]) and "sub")
            if not c:
                break
            if c == "sub":
                subgroup = True
            back = [x for x in range(max(self.lo, k - 5), k) if x in self.numbers]
            if not back:
                break
            s0 = back[0]
            while s0 > self.lo and (s0 - 1) in self.numbers:
                s0 -= 1
            while s0 > self.lo and self.is_("qualifiers", s0 - 1):
                s0 -= 1
            run_start, k = s0, s0 - 1
        return run_start, run_end, subgroup

    def _group_before_number(self, lo: int, hi: int) -> bool:
        """A group word in toks[lo:hi] before any other figure: "and two soldiers were killed" continues the
        run; "and wounded nine others" starts another figure with its own verb."""
        for x in range(lo, hi):
            if x in self.numbers:
                return False
            if self.hit("group", x):
                return True
        return False

    def _noun_then_verb(self, x: int) -> bool:
        """One more noun right before the verb: "1,300 spectators **and players** were evacuated" is one
        subject, even when the lexicon knows no group in the second noun. A common noun, in lower case: a
        name is no one's noun ("40 000 habitants de Saint-Fons, Feyzin et Vénissieux ont reçu l'ordre"), so
        German, which capitalises its nouns, is left as it was."""
        return (x + 1 < self.hi and x not in self.numbers and not self.doc.toks[x].capital
                and not (self.is_("stopwords", x) or self.is_("auxiliaries", x) or self.hit("action", x))
                and bool(self.is_("auxiliaries", x + 1) or self.hit("action", x + 1)))

    def governing_action(self, run_start: int, run_end: int) -> str | None:
        """The verb or noun of what happened, on either side of the run; the closer one wins."""
        best: tuple[int, str] | None = None
        right_at = self.hi
        k, gap = run_end, 0
        while k < self.hi and gap <= RIGHT_GAP:
            a = self.hit("action", k)
            if a:
                best = (gap, a[0])
                right_at = k
                later = self._verb_after_a_modifier(k, a[1])
                if later is not None:
                    best = (gap, later[1])
                    right_at = later[0]
                break
            if (k in self.numbers and k not in self.temporal) or self.t[k] in (";", "("):
                break  # (a year or a date on the way is no other figure: "the toll rose to 12 in 2024, said")
            apposition = self.marker("subgroup_before", k) or self.hit("group", k) or self.hit("side", k)
            if apposition:
                k += apposition[1]
                continue
            if self.t[k] == "," and k + 1 < self.hi and (
                    self.is_("relative_pronouns", k + 1) or self.marker("subgroup_before", k + 1)):
                # ", qui avaient refusé de quitter leur maison, ont péri": the verb after the relative clause;
                # ", dont des transitaires et un agent portuaire, ont été interpellées": after the aside
                # naming some of them (with no figure of its own: one with figures is a part of the run)
                close = next((j for j in range(k + 2, min(self.hi, k + 16)) if self.t[j] == ","), None)
                if close is not None and not self._figure_between(k + 1, close):
                    k = close + 1
                    continue
            if self.is_("conjunctions", k) and not self.is_("auxiliaries", k - 1) and not (
                self.lang.grammar["coordination"].word(self.t[k])
                and (self._group_before_number(k + 1, min(self.hi, k + 4)) or self._noun_then_verb(k + 1))
            ):
                break  # (not "que" after a modal: "1.900 personas tuvieron que abandonar sus casas")
            # a place's name is one word however many it is written in ("nahe Deir ez-Zor getötet")
            inner = k in self.doc.place_tokens and k not in self.doc.place_starts
            if not (self.is_("auxiliaries", k) or self.is_("stopwords", k) or self.t[k] == "," or inner):
                gap += 1
            k += 1
        k, gap = run_start - 1, 0
        while k >= self.lo and gap <= LEFT_GAP:
            a = None
            for n in (3, 2, 1):  # a phrase that ends here ("claimed the lives of")
                if k - n + 1 >= self.lo:
                    m = self.hit("action", k - n + 1)
                    if m and m[1] == n:
                        a = m
                        break
            if a:
                # a tie goes to the verb nearer the figure itself: "starben zwei Menschen, fünf wurden
                # verletzt" (each figure of the run has its own verb), and to the verb before over a
                # participle after the noun: "rescued 146 people trapped in lifts"
                nearer = self.own[0] - k < right_at - self.own[1]
                if best is None or gap < best[0] or (
                    gap == best[0] and (nearer or self._verb_of_its_object(k + a[1], right_at))
                ):
                    best = (gap, a[0])
                break
            if (k in self.numbers and self._rival(k)) or self.t[k] in (";", ")"):
                break  # (a year, a date or an article is no other figure: "baut bis Ende 2029 9500 Stellen
                # ab", "exige una subida del 11 %"; after the figure, an article still opens another phrase)
            if not (
                self.is_("auxiliaries", k)
                or self.is_("stopwords", k)
                or self.is_("qualifiers", k)
                or self.t[k] == ","
            ):
                gap += 1
            k -= 1
        return best[1] if best else None

    def _verb_after_a_modifier(self, k: int, n: int) -> tuple[int, str] | None:
        """An action word that qualifies the counted noun, right before or after it ("Eleven of the
        **abducted** students escaped", "Veintiséis de los estudiantes **secuestrados** han logrado escapar"),
        yields to the verb that follows the noun phrase in the same clause: (its position, its action)."""
        noun_after = self.hit("group", k + n) if k + n < self.hi else None
        if not (noun_after or (k > self.lo and self.hit("group", k - 1))):
            return None
        j = k + n + (noun_after[1] if noun_after else 0)
        steps = 0
        while j < self.hi and steps <= 3:
            if self.t[j] in PHRASE_BREAKS or self.is_("conjunctions", j) or j in self.numbers:
                return None
            a = self.hit("action", j)
            if a:
                return (j, a[0])
            if not (self.is_("auxiliaries", j) or self.is_("stopwords", j)):
                steps += 1
            j += 1
        return None

    def _verb_of_its_object(self, after_verb: int, right_at: int) -> bool:
        """The verb right before the figure governs it, not a participle after its noun: "freed 146 people
        trapped in lifts", "rescataron a 146 personas atrapadas" — only grammar words between verb and figure
        ("y siete personas siguen desaparecidas" after "los fallecidos" is another clause's)."""
        between = range(after_verb, self.own[0])
        if any(not (self.is_("stopwords", j) or self.is_("qualifiers", j)) or self.is_("conjunctions", j)
               for j in between):
            return False
        return any(self.hit("group", j) for j in range(self.own[1], min(right_at, self.hi)))

    def entity(self, lo: int, hi: int, run_start: int, run_end: int) -> str | None:
        """The nearest acronym in the clause ("SPD", "AfD", "CGT") that the figure is about: not a place, not
        the source the figure is attributed to ("according to SOHR", "selon la CGT", "SANA reported"), not
        nearer to another number of the clause than to this one."""
        place_tokens = self.doc.place_tokens
        best: tuple[int, str] | None = None
        for k in range(max(lo, run_start - 6), min(hi, run_end + 6)):
            raw = self.doc.text[self.doc.toks[k].start : self.doc.toks[k].end]
            if not ACRONYM.fullmatch(raw) or k in place_tokens or self.is_("dateline_markers", k):
                continue
            if not self._mine(k, k + 1) and not (
                # the subject of a coordinated run is each of its figures' ("die PP gewann gut 38 Prozent
                # der Stimmen und 16 Sitze"): no other figure between it and the run
                run_start < self.own[0] and k < run_start
                and not self._figure_between(k + 1, run_start)
            ):
                continue  # "la CDU obtient 14,2 %, Die Linke 10,3 %": the CDU's figure is the nearer one
            attributed = (
                any(self.lang.grammar["attribution"].at(self.t, j) for j in range(max(self.lo, k - 3), k))
                or self.lang.grammar["attribution"].at(self.t, k + 1)
                if k + 1 < self.hi
                else False
            )
            if attributed:
                continue
            d = min(abs(k - run_start), abs(k - run_end))
            if best is None or d < best[0]:
                best = (d, raw.upper())
        return best[1] if best else None

    def year(self, lo: int, hi: int, run_start: int, run_end: int) -> int | None:
        """A year written next to the number, in its clause and nearer to it than to another number
        ("the 2018 fire burnt 27,000 hectares", "le budget 2027", "las inundaciones de 2024"); years inside a
        full date ("21 August 2013") are dates, not this."""
        best: tuple[int, int] | None = None
        for k in range(max(lo, run_start - 6), min(hi, run_end + 6)):
            found = self._year_at(k)
            if found is None:
                continue
            d = min(abs(k - run_start), abs(k - run_end))
            if best is None or d < best[0]:
                best = (d, found)
        return best[1] if best else None

    def _year_at(self, k: int) -> int | None:
        """The year token k writes, when it is one of this figure's: four digits of a news year, not inside a
        full date ("21 August 2013"), nearer this number than another, and not opened by "since" ("the worst
        since 2017": a comparison, not the figure's year; a running total's start is read apart)."""
        tok = self.doc.toks[k]
        low, high = NEWS_YEARS
        if not (len(tok.text) == 4 and tok.text.isdigit() and low <= int(tok.text) <= high):
            return None
        if any(abs(tok.start - s) < 16 for s in self.doc.date_starts) or not self._mine(k, k + 1):
            return None
        since = self.lang.markers["since"]
        if any(since.at(self.t, j) for j in range(max(self.lo, k - 3), k)):
            return None
        return int(tok.text)

    def earlier_year_in_clause(self, lo: int, hi: int) -> int | None:
        """A year before the article's, further from the number but in its clause and nearer to it than to
        another figure, dates the figure too: "In 2017 a massive rockfall at Bondo, near the Italian border,
        killed eight hikers", "the 2001 explosion at the AZF plant in Toulouse, which killed 31 people" —
        unless "since" opens it ("the worst since 2017": a comparison, not the figure's year). Only the scope
        reads it: the figure stays undated, as other outlets' reports of that past incident mostly are."""
        ref = self.doc.ref
        if ref is None:
            return None
        for k in range(lo, hi):
            found = self._year_at(k)
            if found is not None and found < ref.year:
                return found
        return None

    def clause(self, run_start: int, run_end: int) -> tuple[int, int]:
        lo, hi = self.lo, self.hi
        for k in range(run_start - 1, self.lo - 1, -1):
            if self._clause_break(k):
                lo = k + 1
                break
        for k in range(run_end, self.hi):
            if self._clause_break(k):
                hi = k
                break
        return lo, hi

    def _clause_break(self, k: int) -> bool:
        """A word that opens another clause; a sentence adverb ([grammar] clause_adverbs: "unterdessen",
        "however", "cependant") only where a clause can open — first in the sentence or after a comma —
        not inside one: "Die Bilanz des Bebens vom Montag stieg **unterdessen** auf 463 Verletzte"."""
        if not self.lang.grammar["clause_breaks"].at(self.t, k):
            return False
        inside = k > self.lo and self.t[k - 1] not in PHRASE_BREAKS and self.t[k - 1] != "("
        return not (inside and self.lang.grammar["clause_adverbs"].at(self.t, k))

    def _qualified_start(self, k: int, floor: int) -> int:
        """``k`` moved back over the qualifier phrases right before it ("no more than 90", "mehr als 70")."""
        qualifiers = self.lang.grammar["qualifiers"]
        moved = True
        while moved:
            moved = False
            for back in (4, 3, 2, 1):
                j = k - back
                hit = qualifiers.at(self.t, j) if j >= floor else None
                if hit and j + hit[1] == k:
                    k, moved = j, True
                    break
        return k

    def _sentence_opens_past(self) -> bool:
        """A past marker opening the sentence dates each of its figures, not only the nearest: "Damals wurden
        etwa 1500 Menschen verletzt und mehr als 7000 Gebäude beschädigt", "À l'époque, ..." (the background
        of an earlier incident, told after it)."""
        first, _ = self.doc.within(self.claim.sentence_start, self.claim.end)
        if first < self.lo or first >= self.hi:
            return False
        hits = self.lang.markers["past"].scan(self.t, first, min(self.hi, first + 4))
        return any(h[0] <= first + 1 for h in hits)

    def any_marker(self, name: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """Markers in toks[lo:hi] that are nearer to this claim's number than to any other number
        ("86,4 milliards dans le budget principal, et 174 milliards au total": "au total" is 174's)."""
        hits = self.lang.markers[name].scan(self.t, max(lo, self.lo), min(hi, self.hi))
        return [h for h in hits if self._mine(h[0], h[0] + h[1])]

    def _figure_between(self, a: int, b: int) -> bool:
        """Another figure of the sentence stands at toks[a:b] (one of ``numbers`` that is a rival)."""
        return any(a <= k < b and self._rival(k) for k in self.numbers)

    def _rival(self, k: int) -> bool:
        """Token k is another figure: one the extractor read, or digits it did not keep (not a number word
        used as an article: "ravagée en 2018 par **un** feu de 27 000 hectares")."""
        figures = self.doc.figure_tokens
        return k not in self.temporal and (figures is None or k in figures or self.doc.toks[k].is_number)

    def _mine(self, a: int, b: int) -> bool:
        own = self.own
        mine = min(abs(a - own[0]), abs(b - own[1]), abs(a - own[1]))
        for k in self.numbers:
            if own[0] <= k < own[1] or a <= k < b or not (self.lo <= k < self.hi) or not self._rival(k):
                continue
            if k > b + 8 or k < a - 8:
                continue
            if min(abs(k - a), abs(k - b)) < mine:
                return False
        return True

    def _since_the_war(self, clo: int, chi: int) -> bool:
        """ "since Syria's war started", "depuis le début de la guerre", "seit Beginn des Krieges" in the
        clause: every toll of the clause counts the whole war, however far the words are from the number
        ("280,000 people have been killed and millions displaced since Syria's war started")."""
        lo, hi = max(clo, self.lo), min(chi, self.hi)
        since = self.lang.markers["since"]
        for pos, n, _ in self.lang.markers["war"].scan(self.t, lo, hi):
            if self._war_in_name(pos, n):
                continue
            if any(since.at(self.t, k) for k in range(max(lo, pos - 5), pos)):  # "depuis le début de la"
                return True
        return False

    def _war_in_name(self, pos: int, n: int) -> bool:
        """A war word capitalised next to another capitalised word is part of a name ("the Gulf War
        Syndrome", "Ministry of War"), except in German, which capitalises every noun."""
        toks = self.doc.toks
        return (
            toks[pos].capital
            and self.lang.code != "de"
            and ((pos > 0 and toks[pos - 1].capital) or (pos + n < len(toks) and toks[pos + n].capital))
        )

    def _fronted_running_total(self, run_start: int) -> bool:
        """A sentence opening on a running total's words set off by a comma ("Depuis le début de l'année, le
        Portugal a perdu 140 000 hectares", "Since January, 40 people have died"): its figures are totals; a
        comparison ("the highest since 2022") is never fronted."""
        hit = self.lang.markers["cumulative"].at(self.t, self.lo)
        if not hit:
            return False
        end = self.lo + hit[1]
        if end < self.hi and (self.lang.markers["since_short"].at(self.t, end)
                              or self.lang.weekdays.get(self.t[end]) is not None):
            return False  # "Depuis mercredi, le feu a parcouru 8 000 hectares": the incident's own toll
        # set off by a comma, or — German puts none — by the verb right after a dated period ("Seit Januar
        # wurden 9412 Fälle und 21 Todesfälle gemeldet")
        set_off = next((k for k in range(end, min(end + 6, run_start)) if self.t[k] == "," or (
            self.is_("auxiliaries", k) and self.doc.ref is not None
            and self._start_after(self.lo, end, k, self.doc.ref) is not None)), None)
        return set_off is not None and not self._figure_between(set_off + 1, run_start)

    def _dated_since(self, pos: int, run_start: int, run_end: int) -> bool:
        """A bare "since" / "depuis" / "desde" / "seit" before a month or a year, with no comma between it and
        the figure ("plus de 140 soldats ont été tués dans la région de Tillabéri depuis janvier"): a running
        total's start, however far along the clause. Not after a kind of incident: "the most lethal chemical
        attack since the 1980s", "la pire catastrophe depuis 1987" compare the incident with earlier ones."""
        ref = self.doc.ref
        lo, hi = (run_end, pos) if pos >= run_end else (pos, run_start)
        if ref is None or "," in self.t[lo:hi]:
            return False
        if any(self.lang.sections["incident"].at(self.t, k) for k in range(max(self.lo, pos - 3), pos)):
            return False
        for k in range(pos + 1, min(self.hi, pos + 3)):
            if self.lang.months.get(self.t[k]) is not None or YEAR.fullmatch(self.t[k]):
                return True
            if not self.lang.is_("definite_articles", self.t[k]):
                break
        return pos + 1 < self.hi and any(d.start == self.doc.toks[pos + 1].start for d in self.doc.dates)

    def _since_the_incident(self, k: int) -> bool:
        """ "since the derailment", "depuis l'incendie", "seit dem Erdbeben": an incident's own start (a kind
        of incident named right after "since", over one article), not a running total's."""
        for j in (k, k + 1):
            hit = self.lang.sections["incident"].at(self.t, j) if j < self.hi else None
            if hit is not None and (j == k or self.lang.is_("definite_articles", self.t[k])):
                return True
        return False

    def scope(self, run_start: int, run_end: int, action: str | None, measure: str = "count") -> str:
        lo, hi = run_start - SCOPE_SPAN, run_end + SCOPE_SPAN
        clo, chi = self.clause(run_start, run_end)
        if self._fronted_running_total(run_start):
            return "cumulative"
        for pos, n, _ in self.any_marker("cumulative", max(clo, run_start - 20), min(chi, run_end + 20)):
            if n == 1 and not (lo <= pos < hi) and not self._dated_since(pos, run_start, run_end):
                continue  # a bare "since" / "depuis" far from the number belongs to another phrase
            if self.lang.markers["since"].at(self.t, pos) and self.lang.markers["superlative"].scan(
                self.t, max(self.lo, pos - RECORD_REACH), pos
            ):
                continue  # "the deadliest crash since 2017", "le plus meurtrier depuis": a record, no total
            if measure != "count" and (
                n == 1
                or any(self.doc.toks[k].is_number for k in range(pos, pos + n))
                or self.lang.markers["since"].at(self.t, pos)
            ):
                continue  # "412 litres in 24 hours", "the highest since 2022": a measure's own window
            nxt = pos + n
            if nxt < self.hi and (
                self.lang.markers["since_short"].at(self.t, nxt)
                or self.lang.weekdays.get(self.t[nxt]) is not None
                or self._since_the_incident(nxt)
            ):
                continue
            return "cumulative"
        if action in CASUALTY and self._since_the_war(clo, chi):
            return "cumulative"
        war = self.lang.markers["war"].scan(
            self.t, max(clo, run_start - 12, self.lo), min(chi, run_end + 8, self.hi)
        )
        for pos, n, _ in war:
            if action in CASUALTY and not self._war_in_name(pos, n):
                return "cumulative"
        if self._fronted_earlier_time(run_start):
            return "past"  # "En février 2023, deux séismes ... avaient fait plus de 50 000 morts"
        if self._marked_right_by("average", clo, chi, run_start, tight=True):
            return "average"  # "contre 23 en moyenne à cette saison": the season's mean, not the day's 29
        if measure != "count" and "currency" not in measure and self._earlier_level(clo):
            return "past"  # "dropped to 24C, from 34C on Sunday", "fiel von 34 auf 24 Grad"
        if measure == "count" and self._earlier_month(max(clo, run_start - 12), min(chi, run_end + 12)):
            return "past"  # "les inondations de juin 2010, qui avaient fait 25 morts", "en junio de 2010"
        for k in range(max(self.lo, run_start - 8), min(self.hi, run_end + 8)):
            if (
                self.lang.months.get(self.t[k]) is not None
                and k > 0
                and self.lang.is_("period_prepositions", self.t[k - 1])
                and not (k + 1 < len(self.t) and self.doc.toks[k + 1].is_number)
                and not self.doc.toks[k - 2 if k >= 2 else k].is_number
            ):
                return "cumulative"  # "killed during April", "en mars", "im Mai": a month's total
        if measure == "count" and (self.any_marker("past", max(clo, lo), min(chi, run_end + 12)) or
                                   self._sentence_opens_past()):
            return "past"  # a toll of "last month"; a price "last week" is still the price in question
        if self.any_marker("long_ago", lo, hi):
            return "past"  # "16.7% five years ago", "damals 39,6 Prozent": another election's share
        if measure != "count" and self._earlier_year(max(clo, lo), min(chi, hi)):
            return "past"  # "down from 70.8% in 2021", "Bei der Wahl 2022 hatte die ÖVP 34,7 Prozent"
        if measure != "count" and self._later_year(max(clo, lo), min(chi, hi)):
            return "forecast"  # "would climb to 118% by 2034", "grimperait à 118 % en 2034": a projection
        # a toll that "could reach 200" is an estimate of the same toll, not a figure of another time
        # counted from the figure's qualifier: "forecast at the time had shown gusts of no more than 90km/h"
        q0 = self._qualified_start(run_start, max(clo, self.lo))
        forecast = self.any_marker("forecast", max(clo, q0 - 10), min(chi, run_end + 6))
        if forecast and action not in CASUALTY:
            return "forecast"
        if action not in CASUALTY and self._a_limit(clo, chi, run_start, measure):
            return "limit"
        return "incident"

    def _earlier_level(self, clo: int) -> bool:
        """The level a measure changed from: right after an earlier_level word ("from 34C", "down from 5.2%",
        "nach zuvor 34 Grad"; a qualifier or an article may stand between; phrases of at most three words),
        or the old level of a change ("von 34 auf 24 Grad", "de 5 à 7 %", "de 3 a 5 grados": a change_from
        word before it, a change_to word and a figure after it). Not for counts nor money: an updated toll
        "rose from 3 to 4" or damage "raised to €200m from €150m" is one figure reported twice."""
        own_start, own_end = self.own
        lo = max(clo, self.lo)
        k = own_start - 1
        ends = [k]  # where the word before the figure may end: right before it, or before a qualifier
        while k > lo and (self.is_("qualifiers", k) or self.is_("definite_articles", k)):
            k -= 1
            ends.append(k)
        earlier = self.lang.markers["earlier_level"]
        for end in ends:
            for n in (1, 2, 3):
                hit = earlier.at(self.t, end - n + 1) if end - n + 1 >= lo else None
                if hit is not None and hit[1] == n:
                    return True
        if not any(end >= lo and self.lang.markers["change_from"].at(self.t, end) for end in ends):
            return False
        j = own_end
        return j + 1 < self.hi and self.lang.markers["change_to"].at(self.t, j) is not None and \
            j + 1 in self.numbers and self._rival(j + 1)

    def _a_limit(self, clo: int, chi: int, run_start: int, measure: str) -> bool:
        """A limit word names this figure: before it ("limitée à 80 km/h", "a speed limit of 80 km/h") or
        right after it ("the 80 km/h speed limit"); further on it is the next figure's: "mit 112 km/h
        unterwegs, erlaubt sind nur 80". A measure coordinated with a limit is one too (not a count: "a
        capacity of 150 passengers and carried 280")."""
        return self._marked_right_by("limit", clo, chi, run_start) or \
            measure != "count" and self._after_a_limit(clo)

    def _after_a_limit(self, clo: int) -> bool:
        """The second of two coordinated figures of a limit: "EU rules cap deficits at 3% of GDP and debt at
        60%", "qui plafonnent le déficit à 3 % et la dette à 60 %", "limits of 3 per cent and 60 per cent".
        The figure before it, in its clause, with "and" and at most five words between and no comma, has a
        limit word before it with no figure between, and the two are written alike: right after "and", or
        after the same preposition ("at 3% ... at 60%"; not "permitida era de 80 km/h y el tren circulaba a
        118 km/h")."""
        own_start = self.own[0]
        prev = max((k for k in self.numbers if clo <= k < own_start and k >= self.lo and self._rival(k)),
                   default=None)
        if prev is None or own_start - prev > 6:
            return False
        between = range(prev + 1, own_start)
        if any(self.t[k] in PHRASE_BREAKS for k in between) or \
                not any(self.is_("coordination", k) for k in between):
            return False
        first = prev
        while first - 1 in self.numbers and first - 1 >= max(clo, self.lo):
            first -= 1  # the first token of that figure
        before = self.t[own_start - 1]
        if not (self.is_("coordination", own_start - 1) or first > self.lo and before == self.t[first - 1]):
            return False
        for pos, n, _ in self.lang.markers["limit"].scan(self.t, max(clo, first - 8, self.lo), first):
            if not self._figure_between(pos + n, first):
                return True
        return False

    def _marked_right_by(self, marker: str, clo: int, chi: int, run_start: int, tight: bool = False) -> bool:
        """A marker word (a limit, an average) names this figure: before it with no other figure between, or
        right after it ("23 en moyenne", "the 80 km/h limit"); further on it names the next figure. ``tight``:
        before it, also with no comma or conjunction between ("the average age rose to 44.9 years, and 21.3%
        are 65 or older": the share is no average)."""
        own_start, own_end = self.own
        for pos, n, _ in self.lang.markers[marker].scan(
            self.t, max(clo, run_start - 10, self.lo), min(chi, own_end + 4, self.hi)
        ):
            if tight and pos < own_start and any(
                self.t[k] in PHRASE_BREAKS or self.is_("conjunctions", k) for k in range(pos + n, own_start)
            ):
                continue
            if pos < own_start:
                if self._nothing_between(pos, pos + n):
                    return True
            elif pos - own_end <= 1 and not PHRASE_BREAKS.intersection(self.t[own_end:pos]):
                return True
        return False

    def _fronted_earlier_time(self, run_start: int) -> bool:
        """A sentence opening on an earlier year, set off by a comma ("In February 2023, two earthquakes ...
        killed more than 53,000", "En 2019, l'attaque d'Inatès avait fait 71 morts"): all its figures are of
        that time, however long the sentence."""
        ref = self.doc.ref
        if ref is None:
            return False
        comma = next((k for k in range(self.lo, min(self.lo + 6, run_start)) if self.t[k] == ","), None)
        return comma is not None and any(
            YEAR.fullmatch(self.t[k]) and int(self.t[k]) < ref.year for k in range(self.lo, comma)
        )

    def _earlier_month(self, lo: int, hi: int) -> bool:
        """A month and a year before the article's year in toks[lo:hi] ("juin 2010", "junio de 2010",
        "June 2010"): the figure is of that earlier time."""
        ref = self.doc.ref
        if ref is None:
            return False
        for k in range(max(lo, self.lo), min(hi, self.hi)):
            if self.lang.months.get(self.t[k]) is None:
                continue
            for j in (k + 1, k + 2):
                if j < self.hi and YEAR.fullmatch(self.t[j]) and int(self.t[j]) < ref.year:
                    return j == k + 1 or self.t[k + 1] in ("de", "of")
        return False

    def _earlier_year(self, lo: int, hi: int) -> bool:
        """A year before the article's in toks[lo:hi], not opening a "since" phrase ("the highest since 2022"
        compares with it): a measure of that year ("70.8% in 2021", "En 2021, le SPD avait recueilli 39,6 %")
        is another year's figure, not a rival of this year's."""
        ref = self.doc.ref
        if ref is None:
            return False
        since = self.lang.markers["since"]
        for k in range(max(lo, self.lo), min(hi, self.hi)):
            if (YEAR.fullmatch(self.t[k]) and int(self.t[k]) < ref.year
                    and not any(since.at(self.t, j) for j in range(max(self.lo, k - 2), k))
                    and self._nothing_between(k, k + 1)):  # "68.4%, down from 70.8% in 2021": 70.8%'s year
                return True
        return False

    def _later_year(self, lo: int, hi: int) -> bool:
        """A year at least two after the article's, right after a "by" word ("by 2034", "d'ici 2034", "hasta
        2034", "bis 2034") and qualifying this figure: what a figure will be then is a projection or a target,
        never a rival of what it is now ("public debt, at 107.5% of GDP last year, would climb to 118% by
        2034"). The next year is left alone: it is the year of the budget being voted ("le budget pour 2027",
        "a deficit of 2.8% in 2027" in the autumn of 2026), the story itself. Measures only, as for earlier
        years: a count's horizon is the plan's own ("will cut 650 of its 2,700 jobs by 2032"), which not every
        report repeats."""
        ref = self.doc.ref
        if ref is None:
            return False
        by = self.lang.markers["by_year"]
        for k in range(max(lo, self.lo), min(hi, self.hi)):
            if (YEAR.fullmatch(self.t[k]) and int(self.t[k]) > ref.year + 1
                    and any(pos + n == k for pos, n, _ in by.scan(self.t, max(self.lo, k - 3), k))
                    and self._nothing_between(k, k + 1)):
                return True
        return False

    def period_start(self, run_start: int, run_end: int, anywhere: bool = False) -> date | None:
        """The first day of a running total, from the words after its marker: a date ("since 21 May"), a
        month ("since April", "depuis mars 2011"), a year ("since 2011") or a length back from the article
        ("in the past two weeks", "ces trois derniers mois", "seit zwei Jahren"); None when they give none.
        The marker qualifies this figure (nothing between them), or with ``anywhere`` any figure of the
        clause: "Depuis janvier, ... 9 412 cas et 21 décès" dates both."""
        ref = self.doc.ref
        if ref is None:
            return None
        clo, chi = self.clause(run_start, run_end)
        lo, hi = max(clo, run_start - 20), min(chi, run_end + 20)
        for pos, n, _ in self.lang.markers["cumulative"].scan(self.t, lo, hi):
            if anywhere or self._nothing_between(pos, pos + n):
                # "au cours des sept derniers jours": the length stands before the marker's words
                values = number_values(self.lang.code)
                lead = next((k for k in (pos - 1, pos - 2) if k >= lo
                             and (self.doc.toks[k].is_number or self.t[k] in values)
                             and not self.own[0] <= k < self.own[1]), pos)
                start = self._start_after(lead, pos + n, min(hi, pos + n + 6), ref)
                if start is not None:
                    return start
        return None

    def _start_after(self, marker: int, k: int, end: int, ref: date) -> date | None:
        toks, texts = self.doc.toks, self.t
        start_char, end_char = toks[marker].start, toks[end - 1].end if end > k else toks[k - 1].end
        for d in self.doc.dates:  # "since 21 May", "depuis le 3 mars"
            if start_char <= d.start <= end_char and d.day <= ref:
                return d.day
        values = number_values(self.lang.code)
        count: float | None = None
        for j in range(marker, end):
            text = texts[j]
            month = self.lang.months.get(text)
            if month is not None and j > marker:
                year = ref.year if month <= ref.month else ref.year - 1
                # "since March 2011", "desde febrero de 2022", "since February of 2022"
                after = texts[j + 2] if j + 2 < len(texts) and texts[j + 1] in ("de", "of") else (
                    texts[j + 1] if j + 1 < len(texts) else "")
                if YEAR.fullmatch(after):
                    year = int(after)
                return date(year, month, 1)
            if YEAR.fullmatch(text) and j > marker:
                return date(int(text), 1, 1)
            if toks[j].is_number or text in values:
                count = values.get(text) or _plain_number(text)
                continue
            days = self.lang.units.get(text)
            if days is not None:
                back = count is not None or any(texts[m] in self.lang.last or texts[m].rstrip("s") in
                                                self.lang.last for m in range(max(marker, j - 3), j + 2)
                                                if m < len(texts))
                if back:  # "in the past two weeks", "ces trois derniers mois", "the past year"
                    return ref - timedelta(days=int(days * (count or 1)))
                if days >= 365:  # "this year", "since the start of the year", "en lo que va de año"
                    return date(ref.year, 1, 1)
                if days >= 28:
                    return date(ref.year, ref.month, 1)
                return None
        return None

    def subject_noun_before(self, kind: str, run_start: int) -> bool:
        """A noun of the ``kind`` marker earlier in the clause, with no other figure between: a death toll's
        ("the death toll as collated from medical centers in the suburbs east of Damascus was 213", "le bilan
        s'élève à"), a crowd's ("a crowd organisers put at 45,000", "die Menge auf rund 38.000")."""
        lo, _ = self.clause(run_start, run_start + 1)
        # a sentence's subject may stand far before its figure ("El número de muertos por la avalancha que
        # sepultó ... en los Alpes, ascendió este viernes a cinco"): no other figure between them
        hits = self.lang.markers[kind].scan(self.t, max(lo, run_start - 30), run_start)
        return any(self._nothing_between(p, p + n) for p, n, _ in hits)

    def group_of_count_noun(self, run_start: int, run_end: int) -> tuple[str | None, str | None]:
        """(group, action) a count's subject names before a figure with no noun of its own, with no other
        figure between: "Police put the number of marchers at 18,500", "le nombre de manifestants a atteint",
        "el número de casos confirmados ascendió a 41", "die Zahl der Teilnehmer lag bei 18.500" (one
        adjective may stand before the noun); or right after it, as Spanish puts it: "eleva a 44 el número de
        supervivientes". The action is the participle right after the noun or the adjective before it:
        "the number of people hospitalized after the leak rose to 57", "el número de personas hospitalizadas",
        "die Zahl der verletzten Menschen", over a word that only qualifies it ("people confirmed dead") — the
        verb of the clause ("rose") says nothing of what happened."""
        lo, hi = self.clause(run_start, run_end)
        scan = self.lang.markers["count_nouns"].scan
        hits = scan(self.t, max(lo, run_start - 30), run_start) + scan(self.t, run_end, min(hi, run_end + 4))
        for p, n, _ in hits:
            for k in (p + n, p + n + 1):
                if k >= hi or run_start <= k < run_end:
                    continue
                for section in ("group", "group_action"):  # "the number of survivors": people rescued
                    h = self.lang.sections[section].at(self.t, k)
                    if h is not None and self._nothing_between(p, k + h[1]):
                        after = k + h[1]
                        # over one word that only qualifies it: "the number of people confirmed dead",
                        # "reported missing"
                        skip = (after + 1,) if after < hi and self.is_("auxiliaries", after) else ()
                        around = ((after, *skip, k - 1) if k > p + n else (after, *skip))
                        acts = (a[0] for j in around if j < hi and not (run_start <= j < run_end)
                                and (a := self.hit("action", j)) is not None)
                        return h[0], next(acts, None)
        return None, None

    def vote_against(self, np_end: int, group: str | None, action: str | None) -> bool:
        """The votes against in a vote's tally: "by 108 votes to 63", "108 voix contre 64", "108 votos a favor
        y 63 en contra", "mit 108 zu 64 Stimmen", "63 dagegen" — never a rival of the votes for."""
        against = False
        for k in range(self.own[1], min(self.hi, np_end + 2)):
            m = self.marker("vote_against", k)
            if m and not (k + m[1] < self.hi and k + m[1] in self.numbers):  # "108 voix contre 64": a tally
                against = True
                break
        k = self.own[0] - 1  # the word right before the figure ("zu" is also a German qualifier: "bis zu")
        against = against or (self.marker("vote_tally", k) is not None
                              and any(x in self.numbers for x in range(max(self.lo, k - 3), k)))
        # only then the sentence is searched for a vote (a cost on every claim otherwise)
        return against and (group == "votes" or action == "voted" or any(
            ((h := self.hit("group", k)) is not None and h[0] == "votes")
            or ((a := self.hit("action", k)) is not None and a[0] == "voted")
            for k in range(self.lo, self.hi)))

    def whole_of_a_part(self) -> bool:
        """The whole after a part: "13 of the 36 seats", "11 der 36 Mandate", "13 sièges sur 36", "12 de los
        36 escaños" — 36 counts the parliament, not what the 13 count."""
        k = self.own[0]
        for n in (3, 2, 1):  # the longest marker that ends right before the figure
            j = k - n
            m = self.marker("of_whole", j) if j >= self.lo else None
            if m and j + m[1] == k:
                # a figure (with at most its noun) just before the marker
                return self._figure_between(max(self.lo, j - 2), j)
        return False

    def assembly_size(self, q0: int, np_end: int) -> bool:
        """Seats that are an assembly's size, not a party's: the assembly named just before the figure, no
        party or other figure between ("le nouveau Landtag comptera 75 sièges", "Parlamento regional, de 75
        escaños") or just after its seats ("the 75-seat state parliament", "im 36 Sitze zählenden
        Landtag")."""
        legislature = self.lang.markers["legislature"]
        for k in range(q0 - 1, max(self.lo, q0 - 5) - 1, -1):
            if k in self.numbers or self._rival(k) or ACRONYM.fullmatch(
                    self.doc.text[self.doc.toks[k].start:self.doc.toks[k].end]):
                break  # "Im Landtag hat die SPD 25 Mandate": the party's
            m = legislature.at(self.t, k)
            if m and k + m[1] <= q0:
                return True
        for k in range(np_end, min(self.hi, np_end + 3)):
            if legislature.at(self.t, k):
                return True
            if self.is_("stopwords", k) or self.is_("locative", k) or self.t[k] in (",", ";"):
                return False  # "25 seats in parliament": a party's seats in it
        return False

    def per_period(self, np_end: int) -> bool:
        """A figure for each day, week or year ("60 million euros ($65 million) a day", "60 millions par
        jour", "60 Millionen Euro pro Tag"): a rate, never a rival of the whole ("180 millions pour les trois
        jours")."""
        k = self.own[1]
        while k < min(self.hi, np_end) and k in self.numbers:
            k += 1
        if k < self.hi and self.t[k] == "(":  # a conversion in brackets: "60 million euros ($65 million)"
            close = next((j for j in range(k + 1, min(self.hi, k + 8)) if self.t[j] == ")"), None)
            k = close + 1 if close is not None else k
        return any(self.marker("per_period", j) for j in range(k, min(self.hi, max(k, np_end) + 1)))

    def combined(self, q0: int, np_end: int) -> bool:
        """A sum of figures named apart ("SPD und CDU kämen zusammen nur auf 37", "a coalition would have 37
        seats between them"): its own figure, never a rival of one party's or of the whole."""
        lo, hi = self.clause(q0, np_end)
        hits = self.lang.markers["combined"].scan(self.t, max(lo, q0 - 8), min(hi, np_end + 8))
        return any(self._nothing_between(p, p + n) for p, n, _ in hits)

    def budget_part(self, q0: int, np_end: int) -> str:
        """ "core" or "total" for an amount said to be only a budget's core or its whole with extra funds
        ("€86.4bn in the core budget", "174 milliards au total en incluant les fonds spéciaux"), else ""."""
        lo, hi = self.clause(q0, np_end)
        lo, hi = max(lo, q0 - 8), min(hi, np_end + 8)
        for name, part in (("budget_core", "core"), ("budget_total", "total")):
            hits = self.lang.markers[name].scan(self.t, lo, hi)
            if any(self._nothing_between(p, p + n) for p, n, _ in hits):
                return part
        return ""

    def breakdown(self) -> bool:
        """One figure per place, three or more in the sentence ("150 bodies were counted in Hammouriya, 100 in
        Kfar Batna, 67 in Saqba", "four died in Oliva, three in Pego and one in Gandia"): each is a place's
        share of a total, not a rival of the total."""
        starts = self.doc.place_starts
        runs, k = [], self.lo
        while k < self.hi:
            if k in self.numbers and self._rival(k):
                e = k
                while e + 1 < self.hi and e + 1 in self.numbers:
                    e += 1
                runs.append((k, e + 1))
                k = e + 1
                continue
            k += 1
        def placed(b: int) -> bool:  # "... in Pego": a preposition of place, then a place, soon after
            return any(self.is_("locative", j) and (j + 1 in starts or j + 2 in starts)
                       for j in range(b, min(self.hi, b + 6)))

        each = [(a, b) for a, b in runs if placed(b)]
        return len(each) >= 3 and any(a <= self.own[0] < b or self.own[0] <= a < self.own[1] for a, b in each)

    def part(self, q0: int, i1: int, np_end: int, run_subgroup: bool) -> str:
        before = range(max(self.lo, q0 - 3), q0)
        for k in before:
            m = self.marker("subgroup_before", k)
            if m and k + m[1] >= q0 - 1:
                return "subgroup"
        # a sentence opening on the whole: "Unter den Toten sind zwei Kinder und zwei ausländische Touristen",
        # "Among the dead were three children and a nurse" — every figure before its first comma is a part
        m = self.marker("subgroup_before", self.lo) if self.lo < q0 else None
        if m and not PHRASE_BREAKS.intersection(self.t[self.lo + m[1]:q0]):  # not ", y siete personas siguen"
            return "subgroup"
        # a sentence opening on a counted whole: "Of the 1,240 children tested, 418 had ...", "Sur les 34
        # morts, 12 étaient des enfants", "De los 1.240 niños analizados, 418 superan ...", "Von den 34 Toten
        # waren 12 Kinder" — every later figure is a part of that whole
        m = self.marker("whole_first", self.lo) if self.lo < q0 else None
        if m and self.lo + m[1] in self.numbers and self.lo + m[1] < self.own[0]:
            return "subgroup"
        if run_subgroup or any(self.marker("subgroup_after", k) for k in range(i1, np_end + 1)):
            return "subgroup"  # "92 of them"; "cinco de ellos de gravedad": the noun ran past it
        if self.marker("severity", i1):
            return "subgroup"  # "six injured, two seriously", "dont deux grièvement", "zwei schwer"
        for k in range(max(self.lo, q0 - 4), q0):
            m = self.marker("remainder_before", k)
            if m and k + m[1] == q0:
                return "remainder"
        if any(self.marker("remainder_after", k) for k in (i1, np_end)):
            return "remainder"
        for k in range(max(self.lo, q0 - 2), q0):
            m = self.marker("additional_before", k)
            if m and k + m[1] == q0:
                return "additional"
        for k in (i1, i1 + 1, np_end):
            if self.marker("additional_after", k):
                return "additional"
        if self.any_marker("separate", q0 - 3, np_end + 8):
            return "additional"
        return ""

    def partitive(self, i1: int) -> bool:
        """A share of a group already counted: "five of the injured", "cinq des blessés", "cinco de los
        heridos", "fünf der Verletzten" — a part of the injured, never a rival of their number. A number
        after the marker is the whole instead ("13 of the 36 seats": whole_of_a_part)."""
        m = self.marker("partitive", i1)
        if not m:
            return False
        for k in range(i1 + m[1], min(self.hi, i1 + m[1] + 2)):
            if k in self.numbers:
                return False
            if self.hit("group", k) or self.hit("group_action", k) or self.hit("action", k):
                return True
        return False

    def nationwide(self, lo: int, hi: int, inside: list[Place]) -> Place | None:
        """The country of a figure said to cover all of it ("506,000 protesters nationwide, including 55,000
        in Paris", "dans toute la France", "landesweit"): the country named with the marker or in the
        clause, else the document's own; None without such a marker next to the number (or no country)."""
        own = self.own
        near_lo, near_hi = max(lo, own[0] - 8), min(hi, own[1] + 8)
        grammar = self.lang.grammar
        for pos, n, _ in grammar["worldwide"].scan(self.t, near_lo, near_hi):
            if self._nothing_between(pos, pos + n):
                return WORLD  # "9,500 jobs worldwide, including 4,200 in Germany": no country's
        named: Place | None = None
        hit = False
        for pos, n, _ in grammar["nationwide"].scan(self.t, near_lo, near_hi):
            hit = hit or self._nothing_between(pos, pos + n)
        for pos, n, _ in grammar["whole_of"].scan(self.t, near_lo, near_hi):
            country = self._country_at(pos + n)
            if country is not None and self._nothing_between(pos, pos + n):
                named, hit = country, True
        if not hit:
            return None
        if named is None:
            named = next((p for p in inside if p.kind == "country"), None) or self.doc.country
        return named

    def _nothing_between(self, a: int, b: int) -> bool:
        """Words at toks[a:b] qualify this claim's figure: no other figure stands between them, and when a
        figure stands on their other side, they are this one's unless a comma sets them apart from it
        ("500.000 personas se manifestaron en toda Francia, 55.000 de ellas en París": the first figure's),
        or the other figure is nearer with no comma ("531,8 Milliarden ausgeben und dafür im Kernhaushalt
        86,4 Milliarden": 86,4's). A tie goes to the figure the words follow ("506,000 protesters
        nationwide, including 55,000")."""
        before = b <= self.own[0]
        lo, hi = (b, self.own[0]) if before else (self.own[1], a)
        others = [k for k in self.numbers if self.lo <= k < self.hi and self._rival(k)
                  and not (self.own[0] <= k < self.own[1])]
        if any(lo <= k < hi for k in others):
            return False
        if before:
            other = max((k for k in others if k < a), default=None)
            far = (other + 1, a) if other is not None else None
        else:
            other = min((k for k in others if k >= b), default=None)
            far = (b, other) if other is not None else None
        if other is None or far is None:
            return True
        sep_me = any(self.t[k] in PHRASE_BREAKS for k in range(lo, hi))
        sep_other = any(self.t[k] in PHRASE_BREAKS for k in range(*far))
        if sep_me != sep_other:
            return sep_other
        mine, theirs = hi - lo, far[1] - far[0]
        return mine < theirs or (mine == theirs and not before)

    def _country_at(self, k: int) -> Place | None:
        """A country named by the capitalised words from token ``k`` on ("France", "Royaume-Uni")."""
        toks = self.doc.toks
        gaz = load_gazetteer()
        for n in (3, 2, 1):
            if k + n > len(toks) or not all(t.capital for t in toks[k : k + n]):
                continue
            name = self.doc.text[toks[k].start : toks[k + n - 1].end]
            cc = gaz.country(name)
            if cc:
                return Place(toks[k].start, toks[k + n - 1].end, name, fold(name), "country", cc)
        return None

    def _part_s_place(self, p: Place) -> bool:
        """A place after a part of this figure: "506 000 manifestants en France, dont 55 000 à Paris", "183
        arrests, 92 of them in the capital" — Paris is the part's, not the whole's."""
        if p.start < self.claim.end:
            return False
        span = self.doc.span(self.claim.end, p.start)
        if span is None:
            return False
        # a part's figure between (not "55.000 de ellas en París", where the place is this figure's own)
        rivals = [k for k in self.numbers if span[0] <= k < span[1] and self._rival(k)]
        if not rivals:
            return False
        if self.lang.markers["subgroup_before"].scan(self.t, span[0], span[1]):
            return True
        # another figure far after this one, with its own words ("sept morts, a indiqué lundi le préfet, après
        # la découverte de deux corps à Roquebrune"), owns the place after it; one joined to this figure
        # ("killed 13 and wounded 29 in Idlib") shares it
        return min(rivals) - span[0] > JOINED_FIGURES

    def nearest_place(self, lo: int, hi: int) -> tuple[Place | None, str | None, str]:
        claim = self.claim
        mid = (claim.start + claim.end) / 2
        lo_c = self.doc.toks[lo].start if lo < len(self.doc.toks) else claim.start
        hi_c = self.doc.toks[hi - 1].end if hi > 0 else claim.end
        inside = [
            p
            for p in self.doc.places
            if p.start >= lo_c and p.end <= hi_c and not p.dateline and not p.reference and not p.speaker
            and not p.locates
            and not self._part_s_place(p)
        ]
        # (a first-level region named by its own name is no spot: "in Schleswig-Holstein" and "in Flensburg"
        # may be the same place)
        spots = [p for p in inside
                 if p.kind in ("town", "unknown", "region") and not first_level(p.kind, p.gid)]
        spot = (
            min(spots, key=lambda p: (p.kind == "region", abs((p.start + p.end) / 2 - mid))).key
            if spots
            else None
        )
        if claim.dimension == "[length]":
            # a distance is told apart by the place it is measured from: "60 km from Castellón" and "80 km
            # from Valencia" are two distances, whatever the town they start at
            after = [p for p in self.doc.places if p.reference and claim.end <= p.start < hi_c]
            spot = after[0].key if after else spot
        wide = self.nationwide(lo, hi, inside)
        if wide is not None:
            return wide, None, "nationwide"
        known = [p for p in inside
                 if p.kind in ("town", "region") and p.local and not first_level(p.kind, p.gid)]
        if known:
            return min(known, key=lambda p: abs((p.start + p.end) / 2 - mid)), spot, "clause"
        countries = [p for p in inside if p.kind == "country"]
        regions = [p for p in inside if first_level(p.kind, p.gid) and p.local]
        if regions:  # "1.900 en Schleswig-Holstein y 800 en Dinamarca": the nearest region or country
            return min(regions + countries, key=lambda p: abs((p.start + p.end) / 2 - mid)), spot, "clause"
        if countries:  # "506,000 protested across France": the clause's own country, not the town before
            return countries[0], spot, "clause"
        near = [
            p
            for p in self.doc.places
            if lo_c <= p.start and p.end <= hi_c and p.locates and p.kind in ("town", "region") and p.local
            and not (p.dateline or p.reference or p.speaker)
        ]
        if near:  # "in Boulil near Deir al Zour": a place the gazetteer does not know, in that town's region
            return replace(near[0], kind="region"), spot, "clause"
        # (a first-level region named earlier is as often the outlet's own as the story's — "hessische
        # Spediteure [...] für Supermärkte in Hessen" in a report on a French blockade: it places only the
        # figures of its own clause)
        before = [
            p
            for p in self.doc.places
            if p.end <= claim.start
            and p.kind in ("town", "region")
            and not first_level(p.kind, p.gid)
            and p.local
            and not p.dateline
            and not p.reference
            and not p.speaker
            and not p.locates
            and claim.start - p.end < CONTEXT_CHARS
        ]
        if before:
            return before[-1], spot, "context"
        if self.doc.main_place is not None:
            return self.doc.main_place, spot, "dateline"
        return None, spot, "none"


def _last_year(doc: DocumentView, r: _Reader, scope: str, clause: tuple[int, int],
               run: tuple[int, int]) -> int | None:
    """The year before the article's, for a past figure said of "last year", "l'an dernier", "el año pasado",
    "im vergangenen Jahr" ([marker] last_year): "1,870 deaths last year" is the figure another outlet gives
    as "1.870 muertos durante 2029", not one of no year."""
    if doc.ref is None or scope != "past":
        return None
    lo, hi = max(clause[0], run[0] - LAST_YEAR_REACH), min(clause[1], run[1] + LAST_YEAR_REACH)
    return doc.ref.year - 1 if r.any_marker("last_year", lo, hi) else None


def read_claim(
    doc: DocumentView,
    claim: ClaimInput,
    mention_tokens: set[int],
    lexicon: Lexicon,
    temporal: frozenset[int] = frozenset(),
) -> Frame:
    r = _Reader(doc, claim, mention_tokens, temporal)
    lang = doc.lang
    span = doc.span(claim.start, claim.end)
    if span is None or r.hi == 0:
        return _empty(claim)
    i0, i1 = span
    if claim.concept == "age":
        return _empty(claim)  # a victim's age describes one person; it is never compared across outlets
    q0 = i0
    while q0 > r.lo and r.is_("qualifiers", q0 - 1):
        q0 -= 1
    np_end, group, action, side = r.noun_phrase(i1, claim.dimension == "dimensionless")
    counts_places = action == "@place"
    if counts_places:
        action = None
    if group == "fighters" and side:
        group = side
    elif group == "state_forces" and side == "nonstate_fighters":
        group = side
    thing = None
    # the extractor's noun, unless it stands past a subgroup marker after the figure
    counted = None if claim.counted and _counted_past_a_subgroup(r, i1, claim.counted) else claim.counted
    if group is None and counted:
        ctoks = [t.text for t in words(counted)]
        if ctoks:
            g = lang.sections["group"].at(ctoks, 0)
            # the noun read where it stands: "hundreds of dead and injured people" counts casualties, though
            # the extractor's noun is "dead"
            at = next((k for k in range(i1, min(r.hi, i1 + 4)) if r.t[k] == ctoks[0]), None)
            here = r.hit("group_action", at) if at is not None else None
            ga = here or lang.sections["group_action"].at(ctoks, 0)
            if g:
                group = g[0]
            elif ga:
                group, _, action = ga[0].partition(":")
    noun_action = action  # what the figure's own noun says happened ("Verletzte": injured)
    group, action = lexicon.terms.outcome(group, action)
    run_start, run_end, run_sub = r.run_bounds(q0, i1, np_end)
    action = _governing(r, lexicon, action, run_start, run_end)
    if group is None and not counted and claim.dimension == "count" and not counts_places:
        group, action = _subject_group(r, lexicon, action, run_start, run_end)
    group, action = lexicon.terms.outcome(group, action)  # the action read since: "500 protesters marched"
    if group is None and claim.dimension == "count":
        group, action, thing = _uncounted(r, claim, counted, action, counts_places, run_start)
    if claim.dimension == "count" and action in NEGOTIATION:
        action = None  # "l'offre permettrait de préserver 5 200 emplois": the jobs are not what is offered
    action = lexicon.terms.action_of_group.get(group or "", {}).get(action or "", action)
    action = _fits_group(group, action)
    if claim.dimension not in ("count", "dimensionless") and action in CASUALTY:
        # a length, an area or an amount is not what happened to people: "30'000 Hektaren wurden mit
        # Pestiziden behandelt" is no injury, "à 5 kilomètres le rayon de la zone évacuée" a radius
        action = None
    if action is None and group in lexicon.terms.group_action:
        action = lexicon.terms.group_action[group]
    part = _claim_part(r, claim, (q0, i1, np_end), run_sub, group, action)
    if part == "subgroup" and not noun_action:
        # a part takes what happened to its whole, the last action before it: "... still missing, and 14 were
        # injured, four of them seriously" are four injured, not missing as the verb before the run says
        action = _action_of_whole(r, q0, np_end) or action
    fine = own_group = group
    listed = run_start < q0 or run_end > np_end  # "three men and two women": a list of parts
    if part != "subgroup" and not (listed and group in SEXES):
        group, fine = lexicon.terms.merged(group)  # "two miners were killed" is the toll, not a narrower one
    if thing is not None:  # "450 tracteurs" and "1.200 Traktoren": one key, the noun as written to show
        thing, fine = thing_key(thing), thing
    clo, chi = r.clause(run_start, run_end)
    own = lexicon.terms.named_incidents(
        _own_incidents(doc, group, (clo, chi), (run_start, run_end), (i1, np_end)))
    action = _incident_action(lexicon, action, claim.dimension, own)
    incidents = _with_story_incidents(doc, lexicon, claim, group, own, (i1, np_end))
    topic = _measure_topic(r, claim, lexicon, action, (run_start, run_end), (i1, np_end), (clo, chi),
                           claim.dimension == "dimensionless" and own_group is not None)
    topic, action = _share_topic(lexicon, action, topic, claim.dimension)
    place, spot, psrc = r.nearest_place(clo, chi)
    nationals = nationals_group(r, claim, own_group, (i1, np_end), place.cc if place else None)
    group, fine, thing = (nationals, nationals, None) if nationals else (group, fine, thing)
    day, dsrc = incident_day(
        doc.toks,
        max(clo, run_start - 15),
        min(chi, run_end + 15),
        lang,
        doc.ref,
        doc.dates,
        claim.start,
        max(0, claim.start - 400),
        doc.dateline,
        claim.sentence_start,
    )
    scope = r.scope(run_start, run_end, action, claim.dimension or "count")
    reach = (max(clo, q0 - PER_PERIOD_REACH), min(chi, np_end + PER_PERIOD_REACH))
    if scope == "average" and (part == "rate" or lang.markers["per_period"].scan(doc.texts, *reach)):
        # "en moyenne une vingtaine de typhons chaque année", "on average 300 million francs of damage a
        # year": a yearly figure, which outlets write with "average" or without
        scope = "incident"
    # the period any running-total marker of the clause dates (a cumulative scope is never set again below)
    period = r.period_start(run_start, run_end, True) if scope == "cumulative" else None
    if scope == "cumulative" and dsrc in ("weekday", "relative") and period is None:
        # "in total, nine people were killed on Friday": the day's toll; a total since a month or a year stays
        # one, whatever day it was published ("Depuis janvier, ... 21 décès, selon le bulletin publié mardi")
        scope = "incident"
    # a running total's year starts its period ("seit Februar 2022", "since 2011"), which ``since`` compares;
    # it is no background year ("the 2018 fire")
    year = r.year(clo, chi, run_start, run_end) if scope != "cumulative" else None
    earlier = _earlier_date(doc, clo, chi) if scope in ("incident", "past") and dsrc != "date" else None
    if earlier is not None:
        # "struck Valencia on 29 October 2024, killing 229", "le 7 mars 2023, le ministère avait compté 1,28
        # million": a figure of an earlier incident than the article's, told as background
        year = year or earlier.year
        if claim.dimension in (None, "", "count"):
            scope = "past"
    elif scope == "incident" and claim.dimension in (None, "", "count") and doc.ref is not None and (
            (year or r.earlier_year_in_clause(clo, chi) or doc.ref.year) < doc.ref.year):
        scope = "past"  # "Beim Brand des Grenfell Tower waren 2017 insgesamt 72 Menschen ums Leben gekommen"
    year = year or _last_year(doc, r, scope, (clo, chi), (run_start, run_end))
    place, spot, psrc = _own_place_of_past(scope, place, spot, psrc)
    sig_lo, sig_hi = max(r.lo, run_start - SIGNATURE_SPAN), min(r.hi, run_end + SIGNATURE_SPAN)
    sig = tuple(
        sorted(
            {
                doc.texts[k][:6]
                for k in range(sig_lo, sig_hi)
                if k not in mention_tokens
                and len(doc.texts[k]) > 3
                and not lang.is_("stopwords", doc.texts[k])
                and not doc.toks[k].is_number
            }
        )
    )
    wording = " ".join(doc.texts[max(r.lo, q0 - 4) : q0] + doc.texts[np_end : min(r.hi, np_end + 4)])
    return Frame(
        mention_id=claim.mention_id,
        measure=claim.dimension or "count",
        group=group,
        fine_group=fine,
        thing=thing,
        action=action,
        topic=topic,
        part=part,
        scope=scope,
        incidents=incidents,
        place=place.name if place else None,
        place_kind=place.kind if place else None,
        place_cc=place.cc if place else None,
        place_admin1=place.admin1 if place else None,
        place_gid=place.gid if place else None,
        place_source=psrc,
        spot=spot,
        day=day,
        day_source=dsrc,
        words=sig,
        wording=wording,
        entity=_canonical(r.entity(clo, chi, run_start, run_end), lexicon),
        year=year,
        since=(r.period_start(run_start, run_end) or period) if scope == "cumulative" else None,
    )


def _own_place_of_past(scope: str, place: Place | None, spot: str | None, psrc: str
                       ) -> tuple[Place | None, str | None, str]:
    """A past figure told as background ("recalls the derailment of Lisbon's funicular in 2025, in which 16
    people died") is placed only by its own words: the story's dateline or earlier sentences place today's
    incident, not the earlier one it is compared with."""
    if scope == "past" and psrc in ("context", "dateline"):
        return None, None, "none"
    return place, spot, psrc


def _claim_part(r: _Reader, claim: ClaimInput, span: tuple[int, int, int], run_sub: bool, group: str | None,
                action: str | None) -> str:
    """Which part of a larger figure the claim is, if any: a subgroup or increment (its words), a budget's
    core or total, a sum of figures named apart, the votes against, a rate per day, a place's share, one side
    of a negotiation (what is demanded, what is offered)."""
    q0, i1, np_end = span
    part = r.part(q0, i1, np_end, run_sub)
    if not part and claim.dimension == "count" and any(r.marker("new_after", k) for k in (i1, np_end)):
        # "18 new cases", "18 casos nuevos": the day's increment (an amount's "€196bn in new borrowing" names
        # what it is)
        part = "additional"
    if not part and claim.dimension == "count" and r.partitive(i1):
        part = "subgroup"  # "five of the injured"; "31,4 % des voix" is a share, not a part of a count
    if not part and (claim.dimension or "").startswith("currency"):
        part = r.budget_part(q0, np_end)
    if not part and group not in PEOPLE and r.combined(q0, np_end):
        part = "combined"
    if not part and r.vote_against(np_end, group, action):
        part = "against"
    if not part and r.per_period(np_end):
        part = "rate"
    if not part and r.whole_of_a_part():
        part = "whole"
    if not part and group == "seats" and r.assembly_size(q0, np_end):
        part = "whole"
    if not part and r.breakdown():
        part = "subgroup"
    if not part and action in NEGOTIATION and claim.dimension != "count":
        part = action  # what one side asks for is never a rival of what the other offers
    return part


def _canonical(entity: str | None, lexicon: Lexicon) -> str | None:
    """One organisation's acronym the same in every language ("ONU", "UNO" → "UN"; lexicon/terms.toml)."""
    return lexicon.terms.acronyms.get(entity, entity) if entity else None


def _counted_past_a_subgroup(r: _Reader, i1: int, counted: str) -> bool:
    """The extractor's noun stands past a subgroup marker after the figure: "ascendió a 19, entre ellos siete
    niños", "auf zwölf gestiegen, darunter drei Kinder" — the children are the part's, not the toll's."""
    head = words(counted)
    if not head:
        return False
    for k in range(i1, r.hi):
        if r.t[k] == head[0].text:
            return False
        if r.lang.markers["subgroup_before"].at(r.t, k):
            return True
    return False


def _fits_group(group: str | None, action: str | None) -> str | None:
    """An action that cannot happen to a counted group reads as none: "112 buques a la espera de ser
    atendidos" (ships are not treated in hospital), "142 Unternehmen nahmen teil" (firms taking part in a
    pilot are not a crowd)."""
    if group is None or group in PEOPLE:
        return action
    if action in HARMED and group not in ANIMALS or action == "protesting":
        return None
    return action


def _incident_action(
    lexicon: Lexicon, action: str | None, dimension: str, incidents: tuple[str, ...]
) -> str | None:
    """The action an area with none of its own takes from the incident its clause names (terms.toml
    [incident] area): a wildfire's "19,500 acres" are the area burnt."""
    if action is not None or dimension != AREA:
        return action
    return next((a for k in incidents if (a := lexicon.terms.incident_area.get(k))), None)


def _share_topic(
    lexicon: Lexicon, action: str | None, topic: str | None, dimension: str
) -> tuple[str | None, str | None]:
    """(topic, action) of a share whose action names what it measures (terms.toml [share_topic]): the share
    of staff on strike is the strike's turnout, whatever other topic word stands near it ("adhirió al
    paro": a strike, though "paro" is also unemployment)."""
    share = lexicon.terms.share_topic.get(action or "")
    if share is not None and lexicon.terms.topic_fits(share, dimension):  # a [topic_dimension] key (checked)
        return share, None
    return topic, action


def _governing(r: _Reader, lexicon: Lexicon, action: str | None, run_start: int, run_end: int) -> str | None:
    """The action of the verb governing the figure when its noun gave none; a noun's own action yields to
    the verbs terms.toml [noun_action_yields] names ("released four hostages": released, not kidnapped)."""
    if action is None:
        return r.governing_action(run_start, run_end)
    yields = lexicon.terms.noun_action_yields.get(action)
    if not yields:
        return action
    verb = r.governing_action(run_start, run_end)
    return verb if verb in yields else action


# groups a nationality narrows to a country's nationals ("two Spanish tourists"); soldiers and fighters are
# not narrowed ("100,000 Russian troops" is the army, whatever the other outlet calls it), nor migrants, whose
# nationality describes the whole boat ("300 Syrian refugees")
NATIONALS_OF = frozenset(
    {"people", "civilians", "children", "women", "men", "passengers", "workers", "patients"}
)
NATIONALS_REACH = 4  # words from the figure to the nationality at most ("deux touristes français")


def nationals_group(r: _Reader, claim: ClaimInput, group: str | None, phrase: tuple[int, int],
                    place_cc: str | None) -> str | None:
    """The group of a country's nationals when a count's noun phrase names a nationality: "two Spanish
    tourists", "dos turistas españoles", "1.140 Deutsche", "64 Français", "1,140 Germans". International
    coverage of a disaster counts each country's victims or passengers for its readers; they are a part of
    the toll, never a rival of it, and only the same country's count is. Not the nationals of the country
    the figure is placed in: "over 100 Syrian civilians were killed in Aleppo" is the toll itself."""
    i1, np_end = phrase
    if claim.dimension != "count" or (group is not None and group not in NATIONALS_OF):
        return None
    nat = r.lang.sections["nationality"]
    for k in range(i1, min(r.hi, np_end + 1, i1 + NATIONALS_REACH)):
        if k in r.numbers or r.t[k] in PHRASE_BREAKS or r.t[k] in ("(", ")"):
            break
        hit = nat.at(r.t, k)
        # after the counted noun only as French and Spanish write it, in lower case ("turistas españoles");
        # "10 children Lebanese Al-Mayadeen TV reported" names who reported it
        if hit is not None and (k < np_end or k == i1 or not r.doc.toks[k].capital):
            return None if place_cc and hit[0] == place_cc.lower() else NATIONALS + hit[0]
    return None


def _action_of_whole(r: _Reader, run_start: int, run_end: int) -> str | None:
    """What happened to the whole a subgroup is part of, read before it in the sentence: "the death toll rose
    to 27, among them six children" are six children killed, as "sieben Kinder unter den Todesopfern" are;
    with none before it, the first after it: "Six civilians were among at least 22 people killed"."""
    before = _actions_in(r, r.lo, run_start)
    if before:
        return max(before, key=lambda hit: hit[0])[1]  # the nearest; an action word before a group's noun
    after = _actions_in(r, run_end, r.hi)
    if not after:
        return None
    pos, act = min(after, key=lambda hit: hit[0])
    # "Eleven of the abducted students escaped": the participle qualifies the whole, the verb governs the part
    hit = r.hit("action", pos)
    later = r._verb_after_a_modifier(pos, hit[1]) if hit else None
    return later[1] if later else act


def _actions_in(r: _Reader, lo: int, hi: int) -> list[tuple[int, str]]:
    """(position, action) of every action word and group-action noun ("Todesopfer": killed) in toks[lo:hi]."""
    found = []
    for section in ("action", "group_action"):
        for pos, _, value in r.lang.sections[section].scan(r.t, lo, hi):
            act = value.partition(":")[2] if section == "group_action" else value
            if act:
                found.append((pos, act))
    return found


def _subject_group(
    r: _Reader, lexicon: Lexicon, action: str | None, run_start: int, run_end: int
) -> tuple[str | None, str | None]:
    """(group, action) a count's subject names before a figure with no noun ("the number of marchers at
    18,500"), read like the figure's own noun ([group_is]: marchers are people protesting)."""
    named, participle = r.group_of_count_noun(run_start, run_end)
    if named is not None and ":" in named:  # a group_action word: "el número de supervivientes"
        group, _, act = named.partition(":")
        return group, action or act
    return lexicon.terms.outcome(named, action or participle)


def _uncounted(
    r: _Reader, claim: ClaimInput, counted: str | None, action: str | None, counts_places: bool,
    run_start: int,
) -> tuple[str | None, str | None, str | None]:
    """(group, action, thing) of a count whose noun names no group: places counted, people by a casualty
    verb ("killing 12") or a death toll's noun earlier in the clause ("the death toll as collated from
    medical centres ... was 213"), else what the extractor says it counts."""
    if counts_places:
        return None, action, "places"
    if not counted:
        if action in CASUALTY:
            return "people", action, None
        if action is None and r.subject_noun_before("toll_nouns", run_start):
            return "people", "killed", None
        if r.subject_noun_before("crowd_nouns", run_start):
            return "people", action, None  # a crowd's figure: "Police put the crowd at about 38,000"
        if counted != claim.counted:
            return None, action, None  # the extractor's noun was a part's ("19, entre ellos siete niños")
    return None, action, claim.concept or (counted.lower() if counted else None)


def _earlier_date(doc: DocumentView, clo: int, chi: int) -> date | None:
    """A full date in the clause older than an incident reported today can be (dates.PAST_WINDOW days
    before the article), when the clause has no recent one: the claim is about that earlier day."""
    if doc.ref is None or chi <= clo:
        return None
    start, end = doc.toks[clo].start, doc.toks[chi - 1].end
    # a month's first day after "since" in the article's year opens a running total ("depuis le 1er janvier",
    # "seit dem 1. März"); "since the March 19 attack" names an earlier incident
    inside = [d for d in doc.dates if start <= d.start < end and not (
        d.day.day == 1 and d.day.year == doc.ref.year
        and _opens_a_period(doc.starts, doc.texts, doc.lang, d.start))]
    if not inside or any((d.day - doc.ref).days >= -PAST_WINDOW for d in inside):
        return None
    return max(d.day for d in inside)


def _opens_a_period(starts: list[int], texts: list[str], lang: Language, char: int) -> bool:
    """A date right after "since" ("depuis le 1er janvier 2030", "seit dem 1. Januar") starts a period: it is
    no dateline's date, however near the start of the text it stands. ``starts``: the tokens' offsets."""
    k = bisect_left(starts, char)
    return any(lang.markers["since"].at(texts, j) for j in range(max(0, k - 2), k))


def _empty(claim: ClaimInput) -> Frame:
    return Frame(
        claim.mention_id,
        claim.dimension or "count",
        None,
        None,
        None,
        None,
        None,
        "",
        "incident",
        (),
        None,
        None,
        None,
        None,
        None,
        "none",
        None,
        None,
        "none",
    )


def choose_topics(
    topics: list[tuple[int, int, str]], action: str | None, dimension: str, lexicon: Lexicon
) -> list[tuple[int, int, str]]:
    """The topic hits that can name a measure: of its dimension; specific ones first; a topic that only
    restates the dimension ("area", "distance") only when no action is read ("area burnt" vs "area
    covered" differ by the action), and after one naming the thing measured ("ash column" before "high"); a
    generic one ("budget") only when nothing else is named."""
    dims = lexicon.terms.topic_dimension
    topics = [h for h in topics if lexicon.terms.topic_fits(h[2], dimension)]
    specific = [h for h in topics if h[2] not in lexicon.terms.generic_topics and h[2] not in dims]
    if specific:
        return specific
    if action:
        return []
    named = [h for h in topics if h[2] not in lexicon.terms.generic_topics]
    # a word naming the thing measured before one restating the dimension: "the ash column rose 12 km high"
    return [h for h in named if h[2] not in lexicon.terms.loose_topics] or named or topics


def _toward(doc: DocumentView, k: int) -> bool:
    """A direction or a linking word right after a distance: "25 km north of", "à 25 km au nord de"."""
    return doc.lang.is_("compass", doc.texts[k]) or doc.lang.is_("distance_links", doc.texts[k])


ATTACHED_GAP = 3  # tokens between a topic word and its number at most ("un gasto de", "budget 2027 de")


def _attached_topic(
    topics: list[tuple[int, int, str]], run_start: int, doc: DocumentView, dimension: str, lexicon: Lexicon
) -> list[tuple[int, int, str]]:
    """The topic word that heads the number's own phrase — "un gasto de 531.800 millones", "spending of
    €531.8bn", "le budget 2027 de 531,8 milliards" — names it, even when it is a generic word and a more
    specific one ("nueva deuda de 86.400 millones") names the next figure of the clause. Only grammar words
    and a year may stand between the two."""
    for pos, n, name in sorted(topics, key=lambda h: -h[0]):
        end = pos + n
        if end > run_start or run_start - end > ATTACHED_GAP or not lexicon.terms.topic_fits(name, dimension):
            continue
        gap = range(end, run_start)
        if all(doc.lang.is_("stopwords", doc.texts[k]) or YEAR.fullmatch(doc.texts[k]) for k in gap):
            return [(pos, n, name)]
    return []


def _measure_topic(
    r: _Reader,
    claim: ClaimInput,
    lexicon: Lexicon,
    action: str | None,
    run: tuple[int, int],
    phrase: tuple[int, int],
    clause: tuple[int, int],
    share_of: bool = False,
) -> str | None:
    """The topic word naming what a figure measures: a direction after a length makes it a distance ("25 km
    north of") when no action names it; else the word heading the number's phrase, or the one right after its
    unit; else the clause's nearest (choose_topics) — unless the figure is a share of a group it names
    (``share_of``), which that group says what it measures."""
    doc, (run_start, run_end), (i1, np_end), (clo, chi) = r.doc, run, phrase, clause
    topics = r.lang.sections["topic"].scan(doc.texts, max(clo, run_start - 12), min(chi, run_end + 12))
    after = _topic_after(topics, i1, doc, claim.dimension, lexicon)
    # a topic word past another figure is that figure's ("18,7 milliards ..., dont 11,2 milliards pour la
    # réduction de l'impôt": the tax is the 11,2's)
    topics = [h for h in topics if h[0] < run_end or r._nothing_between(h[0], h[0] + h[1])]
    # and one past a conjunction, when a topic word comes before the figure, opens the next clause ("el gasto
    # en defensa sube hasta 93.400 millones y la inversión pública marcará un récord": defence's)
    if any(h[0] < run_start for h in topics):
        topics = [h for h in topics if h[0] < run_end or
                  not any(r.is_("conjunctions", k) for k in range(run_end, h[0]))]
    if (
        claim.dimension == "[length]"
        and np_end < len(doc.texts)
        and (_toward(doc, np_end) or (np_end + 1 < len(doc.texts) and _toward(doc, np_end + 1)))
    ):
        # "25 km north of", "à 25 km au nord de", "25 km nördlich": a distance, unless an action names it
        return None if action else "distance"
    attached = _attached_topic(topics, run_start, doc, claim.dimension, lexicon)
    if attached or after is not None:
        topics = attached or after or []
    elif share_of:
        return None  # "[productivity rose ...], 89 Prozent der Betriebe wollten bleiben": the firms' share
    else:
        topics = choose_topics(topics, action, claim.dimension, lexicon)
    if not topics:
        return None
    return min(topics, key=lambda h: min(abs(h[0] - run_start), abs(h[0] - run_end)))[2]


def _topic_after(
    topics: list[tuple[int, int, str]], end: int, doc: DocumentView, dimension: str, lexicon: Lexicon
) -> list[tuple[int, int, str]] | None:
    """The topic word right after the number's unit, or after its conversion in brackets, names it: "18
    metres (60 feet) deep", "200 Meter breit", "25 metros de diámetro" — though the next figure's word
    ("zwölf Kilometer lang und 200 Meter breit") is as near. [] when a length word stands there ("12 km
    long": only a length, whatever else the clause names); None when neither does."""
    k = end
    if k < len(doc.texts) and doc.texts[k] in ("(", "["):
        ends = range(k + 1, min(len(doc.texts), k + 10))
        close = next((j for j in ends if doc.texts[j] in (")", "]")), None)
        if close is None:
            return None
        k = close + 1
    if k >= len(doc.texts):
        return None
    # a word only restating the dimension ("12 Kilometer hoch") leaves the choice to the clause's words:
    # "die Aschesäule stieg 12 Kilometer hoch" is the plume's height
    named = [h for h in topics if h[0] == k and lexicon.terms.topic_fits(h[2], dimension)
             and h[2] not in lexicon.terms.loose_topics]
    if named:
        return named[:1]
    return [] if dimension == "[length]" and doc.lang.grammar["length_words"].at(doc.texts, k) else None


def _number_data(code: str) -> LangData:
    """The extractor's language data for ``code`` (English for a language it has no file for)."""
    from quantcheck.extractors.langdata import available_languages
    from quantcheck.extractors.langdata import load as load_langdata

    return load_langdata(code if code in available_languages() else "en")


@lru_cache(maxsize=8)
def number_values(code: str) -> dict[str, float]:
    """Number words of a language and their values ("two" 2, "deux" 2, "zwei" 2)."""
    return {w.lower(): v for w, v in _number_data(code).number_words.items()}


def _plain_number(text: str) -> float | None:
    """A small whole number written in digits ("2" in "the past 2 weeks"), else None."""
    return float(text) if text.isdigit() and len(text) <= 3 else None


@lru_cache(maxsize=8)
def number_words(code: str) -> frozenset[str]:
    """Number words of a language, from the extractor's language data ("two", "deux", "zwei", "dozen")."""
    data = _number_data(code)
    return frozenset(w.lower() for table in (data.number_words, data.scales, data.multipliers) for w in table)


def _is_number_word(text: str, known: frozenset[str]) -> bool:
    return text in known or ("-" in text and all(p in known for p in text.split("-")))


def frames_for_document(
    text: str,
    lang: str | None,
    published: date | None,
    claims: list[ClaimInput],
    lexicon: Lexicon | None = None,
    gazetteer: Gazetteer | None = None,
    title: str | None = None,
) -> list[Frame]:
    """The frames of every claim of one document (the document is tokenised and its places found once)."""
    lex = lexicon or load_lexicon()
    doc = read_document(text, lang, published, lex, gazetteer, title)
    doc.places = _measured_from(doc.places, claims)
    taken: set[int] = set()
    spans = []
    for c in claims:
        s = doc.span(c.start, c.end)
        spans.append(s)
        if s:
            taken.update(range(*s))
    doc.figure_tokens = frozenset(taken)
    # numbers the extractor did not keep (years, ordinals) still end a noun phrase
    known = number_words(doc.lang.code)
    taken.update(i for i, t in enumerate(doc.toks) if t.is_number or _is_number_word(t.text, known))
    temporal = _temporal_tokens(doc, claims, spans)
    frames = [read_claim(doc, c, taken, lex, temporal) for c in claims]
    # in text order, so that a figure carried to is carried from (the claims read so far, grown one by one)
    read_frames: list[Frame] = []
    read_claims: list[ClaimInput] = []
    order = sorted(range(len(claims)), key=lambda k: claims[k].start)
    for k in order:
        frames[k] = _carry_group(frames[k], claims[k], read_frames, read_claims, doc)
        read_frames.append(frames[k])
        read_claims.append(claims[k])
    # the later passes look at each claim and the next one in the text
    neighbours = list(zip(order, order[1:], strict=False))
    frames = _carry_whole(frames, claims, text, neighbours)
    frames = [_check_increment(f, c, frames, claims, doc) for f, c in zip(frames, claims, strict=True)]
    frames = [_carry_nationwide(f, c, frames, claims) for f, c in zip(frames, claims, strict=True)]
    frames = _share_period(frames, claims, doc, neighbours)
    frames = _split_totals(frames, claims, doc, order)
    return _mark_conversions(frames, claims, text, doc.lang, neighbours)


def _right_after(doc: DocumentView, marker: str, char: int) -> bool:
    """A form of the lexicon's ``marker`` ends right before the token at ``char``."""
    i0 = doc.within(char, char)[0]
    forms = doc.lang.markers[marker]
    for p in range(max(0, i0 - 4), i0):
        m = forms.at(doc.texts, p)
        if m is not None and p + m[1] == i0:
            return True
    return False


SPLIT_PARTS = 6  # later counts a total's parts are looked for among, at most
SPLIT_REACH = 300  # characters after the total its parts start within (its sentence and a quote after it)


def _split_totals(
    frames: list[Frame], claims: list[ClaimInput], doc: DocumentView, order: list[int]
) -> list[Frame]:
    """Figures right after a total that add up to it are its parts: "21 civilians had been killed in
    coalition raids, 15 in a northern district of Manbij and another six in Al-Tukhar", "killed 31
    civilians [...] 'As well as the 10 civilians killed in strikes on the bus, 21 others died'". Each is
    a subgroup, as after "including": one fact with another outlet's same part, never a rival of another
    outlet's total (checks/facts.py compares subgroups only with subgroups). The parts follow the total
    closely (``SPLIT_REACH``), two or more of them in a row, each smaller than it, with its action or none;
    the total says what happened. Not parts that name groups of their own ("412 people on board – 354
    passengers and 58 crew", "34 blessés, dont 19 enfants"), which are compared as such, nor a total's new
    level ("rebajaron la cifra de heridos de 74 a 71, tras detectar que tres personas [...]"). ``order``:
    the claims' indices in text order."""
    out = list(frames)
    counts = [k for k in order if frames[k].measure == "count" and claims[k].value is not None and
              claims[k].value == int(claims[k].value) and claims[k].value >= 1]
    for n, w in enumerate(counts):
        total, action = claims[w].value, frames[w].action
        if action is None:
            continue
        later = [k for k in counts[n + 1:n + 1 + SPLIT_PARTS]
                 if claims[k].start - claims[w].end <= SPLIT_REACH]
        fine = (None, frames[w].fine_group, frames[w].group)  # no group finer than the total's
        for a in range(len(later)):
            lo, hi = doc.within(claims[w].end, claims[later[a]].start)
            to = doc.lang.markers["change_to"].at(doc.texts, lo) if hi - lo in (1, 2) else None
            if to is not None and to[1] == hi - lo:
                continue  # "de 74 a 71": the new level, not a part
            run_sum = 0.0
            for b in range(a, len(later)):
                k = later[b]
                f = frames[k]
                if claims[k].value >= total or f.action not in (None, action) or \
                        f.part not in ("", "additional") or f.fine_group not in fine or \
                        _right_after(doc, "earlier_level", claims[k].start):
                    break  # (not "three more patients died, bringing the toll up from 61")
                run_sum += claims[k].value
                if run_sum == total and b > a:
                    for j in later[a:b + 1]:
                        if not out[j].part:  # "another six" stays an increment, compared as such
                            out[j] = replace(out[j], part="subgroup")
                    break
                if run_sum > total:
                    break
    return out


COORDINATED_WORDS = 3  # the first figure's noun and the "and" between two coordinated counts, at most


def _share_period(
    frames: list[Frame], claims: list[ClaimInput], doc: DocumentView, neighbours: list[tuple[int, int]]
) -> list[Frame]:
    """Two counts joined by "and" share their period: "9.412 casos y 21 muertes en lo que va de año", "seit
    Jahresbeginn 9412 Fälle und 21 Todesfälle" — both are running totals, though the period's words stand
    by one of them. Not a count dated by its own day ("12 killed on Monday and 40 since January").
    ``neighbours``: each claim and the next one in the text (indices)."""
    out = list(frames)
    for a, b in neighbours:
        fa, fb = out[a], out[b]
        if claims[a].sentence_start != claims[b].sentence_start or {fa.measure, fb.measure} != {"count"}:
            continue
        if {fa.scope, fb.scope} != {"cumulative", "incident"}:
            continue
        lo, hi = doc.within(claims[a].end, claims[b].start)
        between = doc.texts[lo:hi]
        if not 1 <= len(between) <= COORDINATED_WORDS or not doc.lang.is_("coordination", between[-1]) or any(
                doc.lang.is_("auxiliaries", w) or doc.lang.is_("coordination", w) for w in between[:-1]):
            continue
        src, dst = (a, b) if fa.scope == "cumulative" else (b, a)
        if out[dst].day_source in ("date", "weekday", "relative"):
            continue
        out[dst] = replace(out[dst], scope="cumulative", since=out[src].since, year=None)
    return out


REFERENCE_GAP = 40  # characters between a distance and the place it is measured from, at most


def _measured_from(places: list[Place], claims: list[ClaimInput]) -> list[Place]:
    """A place is the point a distance is measured from ("70 km south of Valencia", "à 30 km au nord de
    Lyon") only when a distance the extractor read ends just before it; "wounded 21 in the town of
    Marhanets" has a number and a place word before the name but no distance, and Marhanets is the place."""
    ends = sorted(c.end for c in claims if c.dimension == "[length]")
    out = []
    for p in places:
        if p.reference and not any(0 <= p.start - e <= REFERENCE_GAP for e in ends):
            p = replace(p, reference=False)
        out.append(p)
    return out


def _temporal_tokens(doc: DocumentView, claims: list[ClaimInput], spans: list) -> frozenset[int]:
    """Numbers that are part of a time phrase — a duration the extractor read ("in the past two weeks"), a
    date ("since 21 May", "le 3 mars") or a year ("since 2011") — are no rival figure: a marker next to them
    ("since", "in the past") still belongs to the toll of the clause."""
    out: set[int] = set()
    for c, s in zip(claims, spans, strict=True):
        if s and c.dimension == "[time]":
            out.update(range(*s))
    months = doc.lang.months
    for i, t in enumerate(doc.toks):
        if not t.is_number:
            continue
        # "le 3 mars", "March 3", "le 1er janvier" (the ordinal's ending is a token of its own)
        after = i + 2 if i + 2 < len(doc.texts) and doc.texts[i + 1] in ORDINAL_ENDINGS else i + 1
        if YEAR.fullmatch(t.text) or any(
            0 <= j < len(doc.texts) and months.get(doc.texts[j]) is not None for j in (i - 1, after)
        ):
            out.add(i)
    return frozenset(out)


ORDINAL_ENDINGS = frozenset({"er", "re", "st", "nd", "rd", "th", "º", "°"})
CONVERSION_GAP = 40  # characters between a figure and its conversion at most
GAP_WORD = regex.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?")


def _mark_conversions(
    frames: list[Frame],
    claims: list[ClaimInput],
    text: str,
    lang: Language,
    neighbours: list[tuple[int, int]],
) -> list[Frame]:
    """A measure repeated in another unit right after it — "60 kilometres (37 miles)", "€40bn ($47bn)",
    "4.000 hectáreas, o unos 9.900 acres" — is one statement, not a second figure: its frame's part becomes
    "conversion" and it is never compared (a converted, rounded figure is no outlet's own claim)."""
    out = list(frames)
    for prev_k, k in neighbours:
        prev, cur = claims[prev_k], claims[k]
        near = 0 <= cur.start - prev.end <= CONVERSION_GAP
        if not near or not _same_measure(prev.dimension, cur.dimension):
            continue
        gap = text[prev.end : cur.start]
        opened = "(" in gap or "[" in gap
        words = [w.lower() for w in GAP_WORD.findall(gap)]
        joined = False
        i = 0
        while i < len(words):
            hit = lang.grammar["conversion"].at(words, i)
            if hit:
                joined = True
            else:
                hit = lang.grammar["qualifiers"].at(words, i)
            if not hit:
                break
            i += hit[1]
        if i == len(words) and (opened or joined) and ")" not in gap:
            out[k] = replace(out[k], part="conversion")
    return out


def _same_measure(a: str | None, b: str | None) -> bool:
    """Two dimensions one figure can be converted between: the same one, or two currencies."""
    if not a or not b or a == "count" or b == "count":
        return False
    return a == b or (a.startswith("currency_") and b.startswith("currency_"))


SENTENCE_GAP = " \t\r\n.!?…\"'»”"  # what may stand between two sentences that follow each other


WHOLE_GAP = 12  # characters between a part and its whole at most: " de los ", " of the ", " sur "


def _own_incidents(
    doc: DocumentView, group: str | None, clause: tuple[int, int], run: tuple[int, int], noun: tuple[int, int]
) -> tuple[str, ...]:
    """The kinds of incident named around a figure, in its clause."""
    (clo, chi), (run_start, run_end) = clause, run
    hits = doc.lang.sections["incident"].scan(
        doc.texts, max(clo, run_start - INCIDENT_SPAN), min(chi, run_end + INCIDENT_SPAN)
    )
    return _kinds(((pos, k) for pos, _, k in hits), group, noun)


def _kinds(hits: Iterable[tuple[int, str]], group: str | None, noun: tuple[int, int]) -> tuple[str, ...]:
    """The kinds of incident of (token, kind) hits, sorted, except those the vehicles a figure counts name
    themselves: "85 Schiffe warteten" is no shipwreck."""
    own_noun = range(*noun) if group in VEHICLES else range(0)
    return tuple(sorted({k for pos, k in hits if pos not in own_noun}))


def _with_story_incidents(
    doc: DocumentView, lexicon: Lexicon, claim: ClaimInput, group: str | None, own: tuple[str, ...],
    noun: tuple[int, int],
) -> tuple[str, ...]:
    """The kinds of incident of a figure: its clause's, else the story's (:func:`_story_incidents`). A clause
    naming only responders ("según los bomberos", terms.toml [incident] weak) takes the story's kind when the
    story names one that is not a responder: the fire brigade counted the missing of a dam burst."""
    weak = lexicon.terms.incident_weak
    if own and not all(k in weak for k in own):
        return own
    story = lexicon.terms.named_incidents(_story_incidents(doc, claim, group, noun))
    return story if not own or any(k not in weak for k in story) else own


def _story_incidents(
    doc: DocumentView, claim: ClaimInput, group: str | None, noun: tuple[int, int]
) -> tuple[str, ...]:
    """A count naming no kind of incident is the story's, of the kind the article's first sentence names
    (DocumentView.lead_incidents: "Le bilan s'élève désormais à cinq morts" under "Quatre morts, 48 blessés :
    le bilan du carambolage ..."), so a toll of the next paragraph is not compared with another story's of the
    same day. Counts only: a measure (a distance, a budget, an incubation period, even an area burnt) is as
    often background told the same way in stories of any kind (measured: inheriting it for measures, or for
    measures naming an action, joined more area-burnt reports but split more background figures). The
    vehicles a figure counts tell none ("85 Schiffe warteten" as the first sentence of a port story)."""
    if claim.dimension not in (None, "", "count"):
        return ()
    return _kinds(doc.lead_incidents, group, noun)


def _carry_whole(
    frames: list[Frame], claims: list[ClaimInput], text: str, neighbours: list[tuple[int, int]]
) -> list[Frame]:
    """A part written before its whole counts what the whole counts: "14 de los 26 vagones", "14 der 26
    Waggons", "Quatorze des 26 wagons" are 14 wagons (the noun stands after the whole only). Only when the
    part names nothing itself and nothing but the marker stands between them."""
    out = list(frames)
    for a, b in neighbours:
        f, whole = frames[a], frames[b]
        if (f.measure != "count" or f.group or f.thing or f.topic or f.part or whole.part != "whole"
                or not (whole.group or whole.thing)):
            continue
        gap = text[claims[a].end:claims[b].start]
        if len(gap) > WHOLE_GAP or any(ch.isdigit() for ch in gap):
            continue
        out[a] = replace(f, group=whole.group, fine_group=whole.fine_group, thing=whole.thing,
                         action=f.action or whole.action)
    return out


def _carry_group(
    frame: Frame, claim: ClaimInput, frames: list[Frame], claims: list[ClaimInput], doc: DocumentView
) -> Frame:
    """A count whose noun is elided takes the group (and action) of the figure before it in its sentence (one
    whose group came with it, only the action):
    "the ministry counted 506,000 protesters, the CGT claimed more than one million" — the spec carries
    units over the same way. With no such figure in its sentence, it takes the group of the last figure of
    the sentence right before when its own words give it a source: another source's figure for what was
    just counted ("... 1.12 million protesters. In Paris: 87,000 according to police, 450,000 according to
    the CGT", "Die Gewerkschaften meldeten 3,2 Millionen"). ``frames``/``claims``: those before it."""
    if frame.measure == "count" and frame.group and frame.action is None and not frame.part and claims:
        # the group carried with the unit but not what happened to it: "se suprimirán 412 vuelos ..., aunque
        # el sindicato elevó la cifra a 468" — 468 flights cancelled, by the same figure before it
        same = [f for c, f in zip(claims, frames, strict=True)
                if c.sentence_start == claim.sentence_start and f.group == frame.group and f.action]
        return replace(frame, action=same[-1].action) if same else frame
    if frame.measure != "count" or frame.group or frame.thing or frame.topic or not claims:
        return frame  # (a figure naming what it measures is no elided count: "raise the retirement age from
        # 64 to 65", "une magnitude de 6,3 selon l'AFAD")
    # a group's count first ("1.1 million people marched in 248 towns; the CGT claimed 3.2 million"), else a
    # thing's ("la préfecture avait recensé 450 tracteurs, les organisateurs 1 200"; not a count of places)
    same = [f for c, f in zip(claims, frames, strict=True)
            if c.sentence_start == claim.sentence_start and f.measure == "count"]
    prev = [f for f in same if f.group] or [f for f in same if f.thing and f.thing != "places"]
    if prev:
        f = prev[-1]
        return replace(frame, group=f.group, fine_group=f.fine_group, thing=f.thing,
                       action=frame.action or f.action)
    c, f = claims[-1], frames[-1]
    # the sentence right before: only spaces and closing punctuation between them
    between = doc.text[c.sentence_end:claim.sentence_start]
    adjacent = c.sentence_end <= claim.sentence_start and not between.strip(SENTENCE_GAP)
    answers = _attributed(doc, claim) or _of_them(doc, claim)
    if not (adjacent and f.measure == "count" and (f.group or f.thing) and answers):
        return frame
    frame = replace(frame, group=f.group, fine_group=f.fine_group, thing=f.thing,
                    action=frame.action or f.action)
    if frame.place_source in ("clause", "nationwide"):
        return frame  # "In Paris: 87,000 according to police": its own place
    # what was just counted, where it was counted: "1.12 million protesters nationwide. La CGT en revendique
    # plus de 3 millions" is the CGT's national count, not the dateline's town's
    return replace(frame, place=f.place, place_kind=f.place_kind, place_cc=f.place_cc,
                   place_admin1=f.place_admin1, place_gid=f.place_gid,
                   place_source="nationwide" if f.place_source == "nationwide" else "context", spot=f.spot)


def _attributed(doc: DocumentView, claim: ClaimInput) -> bool:
    """A source's word right by the figure: after it ("87,000 according to police", "21 000 selon la
    préfecture") or ending just before it, over its qualifiers ("meldeten 3,2 Millionen", "en a dénombré
    112 000", "en compte au moins onze"). A source named elsewhere in the sentence ("put the magnitude at
    6.1 and said") does not make a bare figure another source's count."""
    span = doc.span(claim.start, claim.end)
    if span is None:
        return False
    i0, i1 = span
    lang, texts = doc.lang, doc.texts
    matcher = lang.grammar["attribution"]
    if i1 < len(texts) and matcher.at(texts, i1):
        return True
    ends = [i0]  # where a source's phrase may end: right before the figure or before its qualifiers
    while ends[-1] > 0 and lang.is_("qualifiers", texts[ends[-1] - 1]):
        ends.append(ends[-1] - 1)
    # or before the source's name, of up to SOURCE_NAME_WORDS capitalised words ("laut CGT 3,5 Millionen")
    name_end = k = ends[-1]
    while k > 0 and name_end - k < SOURCE_NAME_WORDS and doc.toks[k - 1].capital and texts[k - 1].isalpha():
        k -= 1
        ends.append(k)
    for j in range(max(0, ends[-1] - ATTRIBUTION_WORDS), i0):
        m = matcher.at(texts, j)
        if m and j + m[1] in ends:
            return True
    return False


def _of_them(doc: DocumentView, claim: ClaimInput) -> bool:
    """A figure right before "of them" ("Neun von ihnen", "Sept d'entre elles", "siete de ellos") is a part of
    the whole just counted: the figure of the sentence before names the group."""
    span = doc.span(claim.start, claim.end)
    return span is not None and span[1] < len(doc.texts) and bool(
        doc.lang.markers["subgroup_after"].at(doc.texts, span[1]))


PER_PERIOD_REACH = 10  # "300 million francs ($340 million) of damage a year", "jedes Jahr 6 Menschen"
ATTRIBUTION_WORDS = 4  # the longest source phrase before a figure ("put the figure at", "a dénombré")
SOURCE_NAME_WORDS = 2  # a source's name between its phrase and its figure ("laut CGT 3,5 Millionen")


def _carry_nationwide(
    frame: Frame, claim: ClaimInput, frames: list[Frame], claims: list[ClaimInput]
) -> Frame:
    """A figure of the same group and action later in a sentence whose first figure covers the whole country,
    and with no place of its own clause, covers it too: "the ministry counted 506,000 protesters
    nationwide, including 55,000 in Paris, while the CGT claimed more than one million"."""
    if frame.place_source in ("clause", "nationwide") or frame.part:
        return frame
    for c, f in zip(claims, frames, strict=True):
        same = (f.measure, f.group, f.action) == (frame.measure, frame.group, frame.action)
        if same and c.start < claim.start and c.sentence_start == claim.sentence_start and (
            f.place_source == "nationwide"
        ):
            return replace(frame, place=f.place, place_kind=f.place_kind, place_cc=f.place_cc,
                           place_admin1=f.place_admin1, place_gid=f.place_gid, place_source="nationwide",
                           spot=None)
    return frame


INCREMENT_REACH = 400  # characters an increment looks back for the figure it adds to (but see below)


def _check_increment(
    frame: Frame, claim: ClaimInput, frames: list[Frame], claims: list[ClaimInput], doc: DocumentView
) -> Frame:
    """ "Another six" is an increment only after a figure of the same group and action ("15 were killed in
    X while another six died in Y"); "killed six and injured another ten" names no earlier injured figure.
    The figure is looked for ``INCREMENT_REACH`` characters back, or anywhere before for a group named after
    a word of [marker] additional_before ("killed more than 20 people in the city of Idlib [...] Air raids
    in the town of Maarat al-Numan killed another six people", paragraphs later); not after "others" or
    "more" ("killing three civilians and injuring 7 others" adds to no earlier injured figure far away)."""
    if frame.part != "additional":
        return frame
    far = bool(frame.group or frame.thing) and _right_after(doc, "additional_before", claim.start)
    for f, c in zip(frames, claims, strict=True):
        if (
            c.start < claim.start
            and (far or claim.start - c.end < INCREMENT_REACH)
            and f.action == frame.action
            and (f.group or f.thing) == (frame.group or frame.thing)
        ):
            return frame
    return replace(frame, part="")


def subject_frame(
    subject: str,
    lang: str | None,
    as_of: date | None,
    measure: str,
    concept: str | None,
    lexicon: Lexicon | None = None,
    gazetteer: Gazetteer | None = None,
) -> Frame:
    """The frame of a reference fact's free-text subject ("civilians killed in Idlib", "area burnt by the
    Sierra de Gata fire"): the same words read without a number — the first group, action and topic named,
    every kind of incident, the first place — dated by the reference's ``as_of``."""
    lex = lexicon or load_lexicon()
    doc = read_document(subject, lang, as_of, lex, gazetteer)
    texts = doc.texts

    def first(section: str) -> str | None:
        hits = doc.lang.sections[section].scan(texts)
        return hits[0][2] if hits else None

    group, action = first("group"), first("action")
    ga = first("group_action")
    if ga and group is None:
        group, _, act = ga.partition(":")
        action = action or act
    thing = None
    if measure == "count" and group is None:
        thing = concept
    group, fine = lex.terms.merged(group)
    if thing is not None:
        thing, fine = thing_key(thing), thing
    scope = "cumulative" if doc.lang.markers["cumulative"].has(texts) else "incident"
    place = next((p for p in doc.places if p.kind in ("town", "region")), None) or next(
        (p for p in doc.places if p.kind == "country"), None
    )
    spot = next((p.key for p in doc.places
                 if p.kind in ("town", "unknown", "region") and not first_level(p.kind, p.gid)), None)
    topic_hits = choose_topics(doc.lang.sections["topic"].scan(texts), action, measure, lex)
    return Frame(
        mention_id="",
        measure=measure,
        group=group,
        fine_group=fine,
        thing=thing,
        action=action,
        topic=topic_hits[0][2] if topic_hits else None,
        part="",
        scope=scope,
        incidents=tuple(sorted({k for _, _, k in doc.lang.sections["incident"].scan(texts)})),
        place=place.name if place else None,
        place_kind=place.kind if place else None,
        place_cc=place.cc if place else None,
        place_admin1=place.admin1 if place else None,
        place_gid=place.gid if place else None,
        place_source="clause" if place else "none",
        spot=spot,
        day=as_of,
        day_source="date" if as_of else "none",
    )
