"""The one definition of a fact: which claims state the same fact, and which disagreements to show.

A fact is one question with one true answer: the same measured thing (the counted group and what happened
to it, or a measure's topic), in the same incident or situation (place, day, kind of incident) and with the
same scope (one incident, a running total, a part). Claims are compared in three steps:

1. **Blocking** (:func:`block_key`): only claims with the same measure, group or thing, action, scope and
   part are ever compared — "58 people" never meets "11 children", "killed" never meets "injured", a
   running total never meets one attack's toll, "another six" never meets the toll it adds to.
2. **Scoring** (:func:`score`): inside a block, a pair of claims dated close enough gets points for the same
   place, day, kind of incident and wording, loses points for different ones, and is vetoed outright when
   the two claims are placed in different towns, regions or countries by their own clauses, or dated
   further apart than the incident's kind allows. Weights: checks/identity.toml.
3. **Facts** (:func:`assign_facts`): pairs are linked best first into facts; a link that would put two
   vetoed claims in one fact, or drag the fact's mean pair score below the threshold, is refused.

``conflicts`` then lists the pairs of one fact, from different outlets, whose intervals do not overlap, and
whose own score clears a higher bar (:func:`conflict_pairs`), each with a readable reason. The same
:func:`score` matches claims to reference facts (checks/reference.py).
"""

from __future__ import annotations

import tomllib
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from quantcheck.checks import gazetteer, labels
from quantcheck.checks.frames import CASUALTY, PEOPLE, Frame
from quantcheck.checks.gazetteer import skeleton
from quantcheck.checks.lexicon import Lexicon, load_lexicon
from quantcheck.checks.places import first_level

IDENTITY_FILE = Path(__file__).with_name("identity.toml")
VETO = float("-inf")
EXPLICIT = frozenset({"date", "weekday", "relative"})
STRONG_PLACE = frozenset({"clause", "context", "nationwide"})


@dataclass(frozen=True)
class Settings:
    days: dict[str, int]
    weights: dict[str, float]
    thresholds: dict[str, float]


def parse_settings(text: str, origin: str = "identity.toml") -> Settings:
    data = tomllib.loads(text)
    expected = {
        "days": ("casualty", "other", "cumulative", "period_slack"),
        "weights": (
            "same_block",
            "same_place",
            "same_place_weak",
            "same_region",
            "other_town_same_region",
            "other_place_weak",
            "same_spot",
            "other_spot",
            "same_day_explicit",
            "same_day",
            "next_day",
            "same_period",
            "same_incident",
            "other_incident",
            "shared_words",
            "same_wording",
            "same_value",
            "same_entity",
            "same_topic",
            "other_topic",
            "one_topic",
            "one_entity",
            "other_year",
        ),
        "thresholds": (
            "same_fact",
            "min_link",
            "conflict",
            "conflict_outlets",
            "conflict_ratio",
            "conflict_ratio_penalty",
            "conflict_small",
            "conflict_at_least_penalty",
            "magnitudes_apart",
            "temperature_apart",
            "period_share",
            "suburb_km",
            "city_population",
        ),
    }
    out: dict[str, dict] = {}
    for section, keys in expected.items():
        table = data.get(section)
        if not isinstance(table, dict):
            raise ValueError(f"{origin}: missing [{section}]")
        unknown = set(table) - set(keys)
        if unknown:
            raise ValueError(f"{origin}: [{section}] unknown key(s) {sorted(unknown)}")
        for key in keys:
            if key not in table or isinstance(table[key], bool) or not isinstance(table[key], int | float):
                raise ValueError(f"{origin}: [{section}] {key} must be a number")
        out[section] = {k: table[k] for k in keys}
    unknown_sections = set(data) - set(expected)
    if unknown_sections:
        raise ValueError(f"{origin}: unknown section(s) {sorted(unknown_sections)}")
    return Settings(
        days={k: int(v) for k, v in out["days"].items()}, weights=out["weights"], thresholds=out["thresholds"]
    )


@lru_cache(maxsize=1)
def load_settings() -> Settings:
    return parse_settings(IDENTITY_FILE.read_text(encoding="utf-8"), str(IDENTITY_FILE))


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim as fact identity sees it: its frame, its interval in base units and who published it."""

    frame: Frame
    document_id: str
    source_id: str
    publisher: str | None
    kind: str | None  # the concept/dimension after currency conversion (claim_intervals.sql)
    lo: float
    hi: float
    nominal: float | None
    qualifier: str
    surface: str
    converted: bool = False  # an amount converted with a dated exchange rate
    bound_slack: float = 0.0  # the rounding of an at_least / at_most bound (claim_intervals.sql)

    @property
    def compared(self) -> tuple[float, float]:
        """The interval the conflict test reads: "more than 1,400" stands for [1,400, inf) but its bound is a
        written figure, rounded like any other, so it does not contradict "1,300" ([1,250, 1,350])."""
        lo = self.lo - self.bound_slack if self.qualifier == "at_least" else self.lo
        hi = self.hi + self.bound_slack if self.qualifier == "at_most" else self.hi
        return lo, hi

    @property
    def mention_id(self) -> str:
        return self.frame.mention_id


def block_key(f: Frame, kind: str | None = None, lexicon: Lexicon | None = None) -> tuple[str, ...] | None:
    """Claims are only ever compared with claims of the same block; None: the claim cannot be compared.

    A count's block is its group (or thing), what happened to it, its scope and whether it adds to another
    toll ("another six"); a subgroup ("including two children") is a block by its group alone — "two
    children among the dead" and "two children were killed" state one fact. A measure's block is its
    dimension, scope and specific topic ("diesel", "turnout"): what it says without one — an action
    ("burnt", "destroyed"), a generic topic ("budget", "area") or an organisation — is scored
    (:func:`what_measured`), because different words for one measure are common across outlets. A measure
    naming nothing it measures ("about 400,000 m³") is blocked with them too: it joins the fact its place,
    day and words point to, but is never shown as a rival figure (facts.gate_conflicts). Not a share: a story
    has too many unnamed percentages (rates, changes, shares of a vote) for place and day to tell apart."""
    scope = f.scope
    if f.part == "conversion":
        return None  # "(37 miles)" after "60 kilometres": the same statement in another unit
    part = "" if f.part == "subgroup" else f.part
    loose = (lexicon or load_lexicon()).terms.loose_topics
    if f.measure == "count":
        # a count naming no group or thing is compared by its specific topic: "a magnitude of 6.3"
        what = f.group or f.thing or (f"#{f.topic}" if f.topic and f.topic not in loose else None)
        if not what:
            return None
        return ("count", what, f.action or "", scope, part)
    if (kind or f.measure) == "dimensionless" and not what_measured(f):
        return None  # measured: sharing one block, a rates story's percentages merged into one fact
    topic = f.topic if f.topic and f.topic not in loose else ""
    return (kind or f.measure, topic, scope, part)


def what_measured(f: Frame) -> str | None:
    """What a measure is about ("diesel"), else the group a share is of ("%companies": "61 % de las
    empresas", "89 % of firms"; not people at large: "14.6% of residents" and "21,3 Prozent der Einwohner"
    are shares of one population that say nothing alike), else what was done ("burnt"), else whom ("@SPD"
    29.1 %); None for a measure naming none of them (compared, never a conflict)."""
    share_of = f"%{f.group}" if f.group and f.group != "people" and f.measure == "dimensionless" else None
    return f.topic or share_of or f.action or (f"@{f.entity}" if f.entity else None)


def word_mask(words: tuple[str, ...]) -> int:
    """The words around a number as 64 bits (one per word hash): their overlap is a word-set Jaccard that
    millions of pairs can be scored with (checks/pair_scores.py computes the same on arrays).

    >>> word_mask(("market", "strike")) == word_mask(("strike", "market"))
    True
    """
    mask = 0
    for word in words:
        mask |= 1 << (zlib.crc32(word.encode("utf-8")) & 63)
    return mask


def day_window(a: Frame, b: Frame, lexicon: Lexicon, settings: Settings) -> int:
    if a.scope == "cumulative":
        return settings.days["cumulative"]
    kinds = set(a.incidents) | set(b.incidents)
    spans = [lexicon.terms.incident_days.get(k, 1) for k in kinds]
    if spans:
        return max(spans)
    return settings.days["casualty"] if (a.action in CASUALTY) else settings.days["other"]


def _families(f: Frame, lexicon: Lexicon) -> set[str]:
    out: set[str] = set()
    for k in f.incidents:
        out |= lexicon.terms.incident_family.get(k, frozenset([k]))
    return out


def suburb(a: Frame, b: Frame, thresholds: dict[str, float]) -> bool:
    """One claim placed in a city and the other in a town of its suburbs (identity.toml ``suburb_km``)."""
    if a.place_kind != "town" or b.place_kind != "town" or a.place_gid is None or b.place_gid is None:
        return False
    towns = gazetteer.load().towns
    ta, tb = towns.get(a.place_gid), towns.get(b.place_gid)
    if ta is None or tb is None or max(ta.population, tb.population) < thresholds["city_population"]:
        return False
    return gazetteer.distance_km(ta, tb) <= thresholds["suburb_km"]


def place_points(a: Frame, b: Frame, st: Settings) -> tuple[float, str]:
    """Points for where the two claims are, and the words of the reason."""
    w = st.weights
    points, why = 0.0, ""
    if a.spot and b.spot:
        sa, sb = skeleton(a.spot), skeleton(b.spot)
        if sa == sb:
            points, why = w["same_spot"], "same place"
        elif sa != skeleton(b.place or "") and sb != skeleton(a.place or ""):
            points, why = w["other_spot"], "different places named"
    if a.place_kind is None or b.place_kind is None:
        return points, why
    strong = a.place_source in STRONG_PLACE and b.place_source in STRONG_PLACE
    wide_a, wide_b = a.place_source == "nationwide", b.place_source == "nationwide"
    if wide_a != wide_b and (b if wide_a else a).place_kind != "country":
        # "506,000 nationwide" / "55,000 in Paris"; a place only from the text before may be a part's
        other = (b if wide_a else a).place_source
        if other == "clause":
            return VETO, "the whole country vs one place"
        if other == "context":  # a dateline is where the reporter files: no evidence either way
            points += w["other_place_weak"]
            why = why or "the whole country vs one place"
    if a.place_kind == "country" or b.place_kind == "country":
        if a.place_cc == b.place_cc:
            return points, why or "same country"
        return (VETO if strong else points + w["other_place_weak"]), "different countries"
    if a.place_gid is not None and a.place_gid == b.place_gid:
        return points + (w["same_place"] if strong else w["same_place_weak"]), why or "same place"
    if suburb(a, b, st.thresholds):
        return points + w["same_region"], why or "a city and its suburbs"
    if first_level(a.place_kind, a.place_gid) != first_level(b.place_kind, b.place_gid) and \
            a.place_cc == b.place_cc:
        # "au Tyrol" / "in Kufstein": a region named by its ISO 3166-2 name has no GeoNames region code to
        # say whether the town lies inside it; a story names the region its towns lie in far more often than
        # another one of the same country, so the two count as one region
        return points + w["same_region"], why or "same region"
    if a.place_cc != b.place_cc or a.place_admin1 != b.place_admin1:
        # two places carried from the text before are an article's other places as often as the story's own
        apart = strong and "clause" in (a.place_source, b.place_source)
        return (VETO if apart else points + w["other_place_weak"]), "different regions"
    if "region" in (a.place_kind, b.place_kind):
        return points + w["same_region"], why or "same region"
    own = a.place_source == "clause" and b.place_source == "clause"  # not a province carried from before
    if own and not (a.spot and b.spot and skeleton(a.spot) == skeleton(b.spot)):
        return VETO, "different towns"
    return points + w["other_town_same_region"], why or "same region"


def score(
    a: Frame, b: Frame, lexicon: Lexicon | None = None, settings: Settings | None = None
) -> tuple[float, list[str]]:
    """Same-fact score of two claims of one block, and the reasons (VETO: never the same fact)."""
    lex = lexicon or load_lexicon()
    st = settings or load_settings()
    w = st.weights
    reasons: list[str] = []
    total, why = place_points(a, b, st)
    if total == VETO:
        return VETO, [why]
    total += w["same_block"]
    if a.year and b.year and a.year != b.year:
        return VETO, [f"{a.year} vs {b.year}"]  # "the 2018 fire" / "budget 2026" vs this year's
    if (a.year is None) != (b.year is None):
        dated = a if a.year else b
        if dated.day and dated.year < dated.day.year:
            total += w["other_year"]  # a figure of an earlier year next to one of this year
            reasons.append(f"one of them about {dated.year}")
    if why:
        reasons.append(why)
    if a.day is not None and b.day is not None:
        gap = abs((a.day - b.day).days)
        window = day_window(a, b, lex, st)
        explicit = a.day_source in EXPLICIT and b.day_source in EXPLICIT
        if gap == 0:
            total += w["same_day_explicit"] if explicit else w["same_day"]
            reasons.append("same day")
        elif explicit and window <= 1:
            return VETO, [f"different days ({gap} apart)"]  # "on Monday" vs "on Tuesday": two incidents
        elif gap == 1:
            total += w["next_day"]
            reasons.append("a day apart")
        elif gap <= max(window, 1 if explicit else 2):
            reasons.append(f"{gap} days apart")
        else:
            return VETO, [f"{gap} days apart"]
    if a.scope == b.scope == "cumulative" and a.since and b.since and a.day and b.day:
        longest = max((a.day - a.since).days, (b.day - b.since).days)
        slack = max(st.days["period_slack"], st.thresholds["period_share"] * longest)
        if abs((a.since - b.since).days) > slack:
            return VETO, ["different periods"]  # "in the past two weeks" / "since April"
        total += w["same_period"]  # one total since January, stated on Tuesday and updated on Friday
        reasons.append("same period")
    fa, fb = _families(a, lex), _families(b, lex)
    if fa and fb:
        if fa & fb:
            total += w["same_incident"]
            reasons.append("same kind of incident")
        else:
            total += w["other_incident"]
            reasons.append("different kinds of incident")
    if a.words and b.words:
        ma, mb = word_mask(a.words), word_mask(b.words)
        total += w["shared_words"] * (ma & mb).bit_count() / (ma | mb).bit_count()
    # an organisation next to a toll or a count of people is who did it or who counted it ("ISIS", "SOHR",
    # "the CGT"): the same one in both
    # is shared context, a different or a missing one says nothing
    toll = bool(CASUALTY & {a.action, b.action}) or bool(PEOPLE & {a.group, b.group})
    ea, eb = a.entity, b.entity
    if bool(ea) != bool(eb) and not toll:
        total += w["one_entity"]
    if ea and eb:
        if ea != eb and not toll:
            return VETO, [f"{ea} vs {eb}"]  # "SPD 25 seats" / "AfD 24 seats"
        if ea == eb:
            total += w["same_entity"]
            reasons.append(f"both about {ea}")
    if a.measure != "count":
        wa, wb = what_measured(a), what_measured(b)
        if wa == wb and wa is not None:
            total += w["same_topic"]
        elif wa is not None and wb is not None:
            total += w["other_topic"]
            reasons.append("different words for what is measured")
        elif wa != wb:
            total += w["one_topic"]
    if a.wording and a.wording == b.wording:
        total += w["same_wording"]
        reasons.append("same wording")
    return total, reasons


def different_outlets(a: Claim, b: Claim) -> bool:
    """Two outlets: different sources, or one source whose documents name different publishers."""
    if a.source_id != b.source_id:
        return True
    return bool(a.publisher and b.publisher and a.publisher != b.publisher)


def fact_label(f: Frame, lexicon: Lexicon | None = None) -> str:
    """A reader's name for the fact a claim states: "civilians killed · Idlib · 12 Jun 2016"."""
    lex = lexicon or load_lexicon()
    return labels.fact_label(measured=measured(f, lex), place=f.place, scope=SCOPE_WORDS.get(f.scope or ""),
                             day=f.day)


SCOPE_WORDS = {
    "cumulative": "running total", "past": "earlier period", "limit": "limit", "average": "average"
}


def measured(f: Frame, lex: Lexicon) -> str:
    """What a claim measures, in the lexicon's words: "civilians killed", "area burnt", "diesel price"."""
    if f.measure == "count":
        who = lex.label("group", f.group) if f.group else (f.fine_group or f.thing or "")
        if f.part == "subgroup" and f.fine_group:
            who = lex.label("group", f.fine_group) + " among them"
        elif f.part == "additional":
            who = "further " + who
        elif f.part == "remainder":
            who = "remaining " + who
        return labels.measured_phrase(kind="count", who=who, action=lex.label("action", f.action))
    phrase = labels.measured_phrase(kind=f.measure, action=lex.label("action", f.action),
                                    topic=lex.label("topic", f.topic))
    return f"{phrase} ({f.part})" if f.part in ("core", "total") else phrase


def reason(low: Claim, high: Claim, lex: Lexicon) -> str:
    """What a fact-checker reads next to a conflict: what both claims state, then how they were matched,
    then the two figures. checks/sql/store_fact_pairs.sql writes the same text for the warehouse.

    "both: people killed, Idlib, 12 Jun 2016, air strike; a day apart; 13 vs at least 36"
    """
    f, g = low.frame, high.frame
    bits = [measured(f, lex)]
    if f.place:
        bits.append(f.place)
    if f.day:
        bits.append(f"{f.day.day} {f.day.strftime('%b %Y')}")
    kinds = sorted(set(f.incidents) & set(g.incidents))
    if kinds:
        bits.append(", ".join(lex.label("incident", k) for k in kinds))
    text = "both: " + ", ".join(b for b in bits if b)
    if f.day and g.day and f.day != g.day:
        gap = abs((f.day - g.day).days)
        text += "; a day apart" if gap == 1 else f"; {gap} days apart"
    if f.entity and f.entity == g.entity:
        text += f"; both about {f.entity}"
    if f.wording and f.wording == g.wording:
        text += "; same wording"
    if low.converted or high.converted:
        text += "; converted with dated exchange rates"
    return f"{text}; {low.surface} vs {high.surface}"
