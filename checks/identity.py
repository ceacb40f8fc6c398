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

import hashlib
import itertools
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from checks.frames import CASUALTY, Frame
from checks.gazetteer import skeleton
from checks.lexicon import Lexicon, load_lexicon

IDENTITY_FILE = Path(__file__).with_name("identity.toml")
VETO = float("-inf")
EXPLICIT = frozenset({"date", "weekday", "relative"})
STRONG_PLACE = frozenset({"clause", "context"})


@dataclass(frozen=True)
class Settings:
    days: dict[str, int]
    weights: dict[str, float]
    thresholds: dict[str, float]


def parse_settings(text: str, origin: str = "identity.toml") -> Settings:
    data = tomllib.loads(text)
    expected = {
        "days": ("casualty", "other", "cumulative"),
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
            "same_incident",
            "other_incident",
            "shared_words",
            "same_wording",
            "same_entity",
            "other_entity",
            "one_entity",
            "other_year",
        ),
        "thresholds": (
            "same_fact",
            "merge_mean",
            "conflict",
            "conflict_ratio",
            "conflict_ratio_penalty",
            "conflict_at_least_penalty",
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

    @property
    def mention_id(self) -> str:
        return self.frame.mention_id


def block_key(f: Frame, kind: str | None = None) -> tuple[str, ...] | None:
    """Claims are only ever compared with claims of the same block; None: the claim cannot be compared."""
    scope = f.scope
    if f.measure == "count":
        what = f.group or f.thing
        if not what:
            return None
        return ("count", what, f.action or "", scope, f.part)
    # a measure is what it is about ("diesel"), else what was done ("burnt"), else whom ("SPD" 29.1 %)
    what = f.topic or f.action or (f"@{f.entity}" if f.entity else None)
    if not what:
        return None
    return (kind or f.measure, what, scope, f.part)


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


def place_points(a: Frame, b: Frame, w: dict[str, float]) -> tuple[float, str]:
    """Points for where the two claims are, and the words of the reason."""
    points, why = 0.0, ""
    if a.spot and b.spot:
        if a.spot == b.spot or skeleton(a.spot) == skeleton(b.spot):
            points, why = w["same_spot"], "same place"
        elif a.spot != (b.place or "").lower() and b.spot != (a.place or "").lower():
            points, why = w["other_spot"], "different places named"
    if a.place_kind is None or b.place_kind is None:
        return points, why
    strong = a.place_source in STRONG_PLACE and b.place_source in STRONG_PLACE
    if a.place_kind == "country" or b.place_kind == "country":
        if a.place_cc == b.place_cc:
            return points, why or "same country"
        return (VETO if strong else points + w["other_place_weak"]), "different countries"
    if a.place_gid is not None and a.place_gid == b.place_gid:
        return points + (w["same_place"] if strong else w["same_place_weak"]), why or "same place"
    if a.place_cc != b.place_cc or a.place_admin1 != b.place_admin1:
        return (VETO if strong else points + w["other_place_weak"]), "different regions"
    if "region" in (a.place_kind, b.place_kind):
        return points + w["same_region"], why or "same region"
    if strong and not (a.spot and a.spot == b.spot):
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
    total, why = place_points(a, b, w)
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
    fa, fb = _families(a, lex), _families(b, lex)
    if fa and fb:
        if fa & fb:
            total += w["same_incident"]
            reasons.append("same kind of incident")
        else:
            total += w["other_incident"]
            reasons.append("different kinds of incident")
    if a.words and b.words:
        sa, sb = set(a.words), set(b.words)
        total += w["shared_words"] * len(sa & sb) / len(sa | sb)
    if bool(a.entity) != bool(b.entity):
        total += w["one_entity"]
    if a.entity and b.entity:
        if a.entity == b.entity:
            total += w["same_entity"]
            reasons.append(f"both about {a.entity}")
        else:
            total += w["other_entity"]
            reasons.append(f"{a.entity} vs {b.entity}")
    if a.wording and a.wording == b.wording:
        total += w["same_wording"]
        reasons.append("same wording")
    return total, reasons


def _fact_id(key: tuple[str, ...], first: Claim) -> str:
    day = first.frame.day.isoformat() if first.frame.day else ""
    text = "|".join(key) + "|" + day + "|" + first.mention_id
    return "F" + hashlib.md5(text.encode("utf-8")).hexdigest()[:15]


def _day(c: Claim) -> date:
    return c.frame.day or date.min


def assign_facts(
    claims: list[Claim], lexicon: Lexicon | None = None, settings: Settings | None = None
) -> dict[str, str]:
    """mention_id → fact_id for every comparable claim (a claim alone in its fact keeps its own id)."""
    lex = lexicon or load_lexicon()
    st = settings or load_settings()
    blocks: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
    for c in claims:
        key = block_key(c.frame, c.kind)
        if key is not None:
            blocks[key].append(c)
    horizon = max(max(st.days.values()), max(lex.terms.incident_days.values(), default=1))
    facts: dict[str, str] = {}
    for key in sorted(blocks):
        members = sorted(blocks[key], key=lambda c: (_day(c), c.mention_id))
        for group in _cluster(members, horizon, lex, st):
            first = min(group, key=lambda c: (_day(c), c.mention_id))
            fid = _fact_id(key, first)
            for c in group:
                facts[c.mention_id] = fid
    return facts


def _cluster(members: list[Claim], horizon: int, lex: Lexicon, st: Settings) -> list[list[Claim]]:
    """Agglomerate the members of one block (sorted by day): best pairs first, vetoes respected."""
    n = len(members)
    threshold = st.thresholds["same_fact"]
    cache: dict[tuple[int, int], float] = {}

    def pair(i: int, j: int) -> float:
        if i > j:
            i, j = j, i
        if (i, j) not in cache:
            a, b = members[i], members[j]
            if a.document_id == b.document_id and a.frame.wording == b.frame.wording:
                cache[(i, j)] = threshold  # the same figure repeated in one article (title and body)
            else:
                cache[(i, j)] = score(a.frame, b.frame, lex, st)[0]
        return cache[(i, j)]

    candidates: list[tuple[float, int, int]] = []
    undated = [i for i in range(n) if members[i].frame.day is None]
    for i in range(n):
        di = _day(members[i])
        if members[i].frame.day is None:
            continue
        for j in range(i + 1, n):
            if members[j].frame.day is None:
                continue
            if (_day(members[j]) - di).days > horizon:
                break
            s = pair(i, j)
            if s >= threshold:
                candidates.append((s, i, j))
    for i in undated:  # an undated claim may be any day: compared with every claim of its block
        for j in range(n):
            if j != i and (members[j].frame.day is not None or j > i):
                s = pair(i, j)
                if s >= threshold:
                    candidates.append((s, min(i, j), max(i, j)))
    candidates.sort(key=lambda t: (-t[0], t[1], t[2]))
    root = list(range(n))
    cluster: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(x: int) -> int:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    for _, i, j in candidates:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        cross = [pair(x, y) for x in cluster[ri] for y in cluster[rj]]
        if min(cross) == VETO or sum(cross) / len(cross) < st.thresholds["merge_mean"]:
            continue
        root[rj] = ri
        cluster[ri].extend(cluster.pop(rj))
    return [[members[i] for i in sorted(group)] for group in cluster.values()]


def different_outlets(a: Claim, b: Claim) -> bool:
    """Two outlets: different sources, or one source whose documents name different publishers."""
    if a.source_id != b.source_id:
        return True
    return bool(a.publisher and b.publisher and a.publisher != b.publisher)


@dataclass(frozen=True, slots=True)
class ConflictPair:
    claim_a: str
    claim_b: str
    fact_id: str
    score: float
    reason: str


def conflict_pairs(
    claims: list[Claim],
    facts: dict[str, str],
    lexicon: Lexicon | None = None,
    settings: Settings | None = None,
) -> list[ConflictPair]:
    """Disagreements worth showing: pairs of one fact, from different outlets, with disjoint intervals
    and a pair score that clears the conflict threshold; claim_a is the lower figure."""
    lex = lexicon or load_lexicon()
    st = settings or load_settings()
    t = st.thresholds
    by_fact: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        fid = facts.get(c.mention_id)
        if fid is not None:
            by_fact[fid].append(c)
    alone = _unrivalled_facts(by_fact, lex, st)
    out: list[ConflictPair] = []
    for fid in sorted(by_fact):
        firsts: dict[tuple, Claim] = {}
        for c in sorted(by_fact[fid], key=lambda c: c.mention_id):
            firsts.setdefault((c.document_id, c.lo, c.hi), c)  # a title repeating the body is one claim
        members = sorted(firsts.values(), key=lambda c: (c.lo, c.mention_id))
        if len(members) < 2:
            continue
        bar = t["same_fact"] if fid in alone else t["conflict"]
        for a, b in itertools.combinations(members, 2):
            if not (a.hi < b.lo or b.hi < a.lo) or not different_outlets(a, b):
                continue
            low, high = (a, b) if a.hi < b.lo else (b, a)
            s, reasons = score(low.frame, high.frame, lex, st)
            if (
                s == VETO
                or _families(a.frame, lex)
                and _families(b.frame, lex)
                and not (_families(a.frame, lex) & _families(b.frame, lex))
            ):
                continue
            if low.frame.spot and high.frame.spot and skeleton(low.frame.spot) != skeleton(high.frame.spot):
                continue
            if low.frame.entity and high.frame.entity and low.frame.entity != high.frame.entity:
                continue
            values = [abs(v) for v in (low.nominal, high.nominal) if v is not None and v == v]
            if len(values) == 2 and min(values) > 0 and max(values) / min(values) > t["conflict_ratio"]:
                s -= t["conflict_ratio_penalty"]
            if high.qualifier == "at_least" and low.qualifier == "exact":
                s -= t["conflict_at_least_penalty"]
            if s < bar:
                continue
            out.append(
                ConflictPair(
                    low.mention_id, high.mention_id, fid, round(s, 3), reason(low, high, reasons, lex)
                )
            )
    return out


def _unrivalled_facts(by_fact: dict[str, list[Claim]], lex: Lexicon, st: Settings) -> set[str]:
    """Facts that are the only fact of their block in their time span: the troops massed at one border
    this week, the one relief package announced. Their disagreements need only the same-fact score; in a
    crowded block (a day of air strikes in several towns) a conflict needs the higher conflict score."""
    spans: dict[tuple, list[tuple[date, date, str, int]]] = defaultdict(list)
    for fid, members in by_fact.items():
        key = block_key(members[0].frame, members[0].kind)
        days = [c.frame.day for c in members if c.frame.day]
        if key is None or not days:
            continue
        window = max(day_window(c.frame, c.frame, lex, st) for c in members)
        spans[key].append((min(days), max(days), fid, window))
    alone: set[str] = set()
    for items in spans.values():
        for lo, hi, fid, window in items:
            rivals = [
                x
                for x in items
                if x[2] != fid
                and x[0].toordinal() <= hi.toordinal() + window
                and x[1].toordinal() >= lo.toordinal() - window
            ]
            if not rivals:
                alone.add(fid)
    return alone


def fact_label(f: Frame, lexicon: Lexicon | None = None) -> str:
    """A reader's name for the fact a claim states: "civilians killed · Idlib · 12 Jun 2016"."""
    lex = lexicon or load_lexicon()
    what = measured(f, lex)
    parts = [what]
    if f.scope == "cumulative":
        parts[0] += " (running total)"
    elif f.scope == "past":
        parts[0] += " (earlier period)"
    if f.place:
        parts.append(f.place)
    if f.day:
        parts.append(f"{f.day.day} {f.day.strftime('%b %Y')}")
    return " · ".join(p for p in parts if p)


def measured(f: Frame, lex: Lexicon) -> str:
    if f.measure == "count":
        who = lex.label("group", f.group) if f.group else (f.thing or "")
        if f.part == "subgroup" and f.fine_group:
            who = lex.label("group", f.fine_group) + " among them"
        elif f.part == "additional":
            who = "further " + who
        act = lex.label("action", f.action)
        return f"{who} {act}".strip()
    topic = lex.label("topic", f.topic)
    act = lex.label("action", f.action)
    return " ".join(x for x in (topic, act) if x) or f.measure


def reason(low: Claim, high: Claim, reasons: list[str], lex: Lexicon) -> str:
    f = low.frame
    bits = [measured(f, lex)]
    if f.place:
        bits.append(f.place)
    if f.day:
        bits.append(f"{f.day.day} {f.day.strftime('%b %Y')}")
    kinds = sorted(set(low.frame.incidents) & set(high.frame.incidents))
    if kinds:
        bits.append(", ".join(lex.label("incident", k) for k in kinds))
    text = "both: " + ", ".join(b for b in bits if b)
    extra = [r for r in reasons if r not in ("same place", "same day", "same kind of incident")]
    if extra:
        text += "; " + "; ".join(extra)
    if low.converted or high.converted:
        text += "; converted with dated exchange rates"
    return f"{text}; {low.surface} vs {high.surface}"
