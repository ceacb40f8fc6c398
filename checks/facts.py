"""Facts and the disagreements worth showing, for a whole warehouse at once.

:func:`assign_facts` blocks the claims (checks/identity.py :func:`block_key`), forms and scores candidate
pairs on arrays and grows facts on the sparse graph of non-vetoed pairs (checks/fact_graph.py).
:func:`conflict_pairs` then keeps, inside each fact, the pairs of different outlets whose intervals do not
overlap and whose own score clears the bar: the conflict threshold in a crowded block (several facts of the
same kind in the same days), the same-fact threshold for a fact alone in its block and days or stated by many
outlets.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np

from quantcheck.checks.fact_graph import block_graph, magnitudes_apart, sorted_unique
from quantcheck.checks.identity import (
    VETO,
    Claim,
    Settings,
    block_key,
    different_outlets,
    load_settings,
    reason,
)
from quantcheck.checks.lexicon import Lexicon, load_lexicon
from quantcheck.checks.pair_scores import FrameTable, pair_scores


def _day(c: Claim) -> date:
    return c.frame.day or date.min


def _fact_id(key: tuple[str, ...], first: Claim) -> str:
    day = first.frame.day.isoformat() if first.frame.day else ""
    text = "|".join(key) + "|" + day + "|" + first.mention_id
    return "F" + hashlib.md5(text.encode("utf-8")).hexdigest()[:15]


def horizon(lex: Lexicon, st: Settings) -> int:
    """The longest span (days) two reports of one fact may be apart."""
    return max(max(st.days.values()), max(lex.terms.incident_days.values(), default=1))


def assign_facts(claims: list[Claim], lexicon: Lexicon | None = None, settings: Settings | None = None
                 ) -> dict[str, str]:
    """mention_id → fact_id for every comparable claim (a claim alone in its fact keeps its own id)."""
    lex = lexicon or load_lexicon()
    st = settings or load_settings()
    keys = [block_key(c.frame, c.kind, lex) for c in claims]
    rows = [k for k, key in enumerate(keys) if key is not None]
    if not rows:
        return {}
    comparable = [claims[k] for k in rows]
    table = FrameTable.build([c.frame for c in comparable], [c.document_id for c in comparable], lex, st,
                             [(c.lo, c.hi) for c in comparable])
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for local, k in enumerate(rows):
        blocks[keys[k]].append(local)
    span = horizon(lex, st)
    facts: dict[str, str] = {}
    for key in sorted(blocks):
        members = np.asarray(blocks[key], dtype=np.int64)
        roots, *_ = block_graph(table, members, span, st)
        groups: dict[int, list[Claim]] = defaultdict(list)
        for local, root in enumerate(roots):
            groups[root].append(comparable[int(members[local])])
        for group in groups.values():
            first = min(group, key=lambda c: (_day(c), c.mention_id))
            fid = _fact_id(key, first)
            for c in group:
                facts[c.mention_id] = fid
    return facts


@dataclass(frozen=True, slots=True)
class ConflictPair:
    claim_a: str
    claim_b: str
    fact_id: str
    score: float
    reason: str


def gate_conflicts(frames: FrameTable, nominal: np.ndarray, at_least: np.ndarray, exact: np.ndarray,
                   a: np.ndarray, b: np.ndarray, first: np.ndarray, alone: np.ndarray, st: Settings
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Which candidate disagreements (row a below row b, one fact, two outlets) to show, and their scores.

    A pair is dropped when its score is vetoed, when the two name different kinds of incident, different
    places or different organisations, when either adds to another toll ("another six"), when one counts
    a narrower group ("civilians" against "people") or only one is a part of its article's figure ("92 of
    them"); figures more than ``conflict_ratio`` apart, and "at
    least N" above a smaller exact figure, lose points (a handful against a figure more than
    ``conflict_ratio`` times larger is dropped); the rest must reach the conflict threshold — or only
    the same-fact threshold when the fact is alone in its block and days or stated by many outlets
    (``alone``, indexed by the fact's first row: :func:`unrivalled_rows`, :func:`followed_rows`)."""
    t = st.thresholds
    fa, fb = frames.families[a], frames.families[b]
    keep = ~((fa != 0) & (fb != 0) & ((fa & fb) == 0)) & ~magnitudes_apart(frames, a, b, st)
    sa, sb = frames.spot[a], frames.spot[b]
    keep &= ~((sa >= 0) & (sb >= 0) & (sa != sb))
    toll = frames.casualty[a] | frames.casualty[b] | frames.people[a] | frames.people[b]
    ea, eb = frames.entity[a], frames.entity[b]
    keep &= toll | ~((ea >= 0) & (eb >= 0) & (ea != eb))
    # a party's seats or share of the vote: rivals only when both outlets name the same party (a party named
    # in words the lexicon does not know — "the Socialists", "Vox" — leaves one side without one)
    keep &= ~(frames.per_org[a] | frames.per_org[b]) | ((ea >= 0) & (ea == eb))
    # "another six were killed": an increment over a toll the two articles may not share
    keep &= ~(frames.additional[a] | frames.additional[b])
    # a part stated against its article's whole ("183 arrests, 92 of them in Paris", "58 killed, including
    # 11 children") and another outlet's stand-alone figure rarely count one set of people: measured on the
    # development corpora, dropping these pairs raised conflict precision (facts-dev 0.305 -> 0.34) at
    # nearly the same recall (0.205 -> 0.202)
    keep &= frames.subgroup[a] == frames.subgroup[b]
    # a measure that names nothing it measures joins a fact by where and when, but is no one's rival figure
    # (what < 0 for every count too; a count always has a group or thing, a measure never: fine_group < 0)
    unnamed = (frames.what < 0) & (frames.fine_group < 0)
    keep &= ~(unnamed[a] | unnamed[b])
    # a toll of civilians and one of people (fighters included) are one fact's neighbours, not rivals
    # (a measure's noun says nothing of the kind: "31,4 % des voix" and "31,6 Prozent" are one share)
    keep &= (frames.fine_group[a] == frames.fine_group[b]) | (frames.what[a] >= 0)
    # only the pairs no rule above dropped are scored (scoring is the costly part); a dropped pair's score
    # stays VETO
    scored = np.flatnonzero(keep)
    s = np.full(len(a), VETO)
    s[scored] = pair_scores(frames, a[scored], b[scored], st)
    keep &= s != VETO
    va, vb = np.abs(nominal[a]), np.abs(nominal[b])
    with np.errstate(divide="ignore", invalid="ignore"):
        far = (va > 0) & (vb > 0) & (np.maximum(va, vb) / np.minimum(va, vb) > t["conflict_ratio"])
    s = np.where(far, s - t["conflict_ratio_penalty"], s)
    keep &= ~(far & (np.minimum(va, vb) < t["conflict_small"]))  # "two martyrs" against "45 killed"
    # a toll's "at least 21" against a smaller exact one is often its whole against a part; a crowd's or a
    # count's "more than 40,000" against "18,500" is one side's estimate against the other's
    toll_bound = at_least[b] & exact[a] & (frames.casualty[a] | frames.casualty[b])
    s = np.where(toll_bound, s - t["conflict_at_least_penalty"], s)
    bar = np.where(alone[first[a]], t["same_fact"], t["conflict"])
    keep &= s >= bar
    return keep, s


def unrivalled_rows(frames: FrameTable, block: np.ndarray, first: np.ndarray, lex: Lexicon, st: Settings
                    ) -> np.ndarray:
    """True at the first row of every fact that is the only fact of its block within its days: the troops
    massed at one border this week, the one relief package announced. Their disagreements need only the
    same-fact score; in a crowded block (a day of air strikes in several towns) a conflict needs more."""
    alone = np.zeros(len(first), dtype=bool)
    rows = np.flatnonzero((first >= 0) & (frames.day >= 0))
    if not len(rows):
        return alone
    window = np.where(frames.cumulative, st.days["cumulative"],
                      np.where(frames.incident_days > 0, frames.incident_days, frames.action_days))
    facts, inverse = np.unique(first[rows], return_inverse=True)
    start = np.full(len(facts), np.iinfo(np.int64).max)
    end = np.full(len(facts), np.iinfo(np.int64).min)
    span = np.zeros(len(facts), dtype=np.int64)
    np.minimum.at(start, inverse, frames.day[rows])
    np.maximum.at(end, inverse, frames.day[rows])
    np.maximum.at(span, inverse, window[rows])
    fact_block = block[facts]
    order = np.lexsort((start, fact_block))
    # facts by (block, first day): a fact has a rival when a fact before it in its block ends within its
    # span of its first day, or the next one starts within its span of its last day
    ordered_block, first_day, last_day, reach = fact_block[order], start[order], end[order], span[order]
    new_block = np.ones(len(order), dtype=bool)
    new_block[1:] = ordered_block[1:] != ordered_block[:-1]
    # the latest end before each fact in its block: a running maximum that restarts at each block (the ends
    # lifted by the block's rank, so no block's maximum carries into the next)
    rank = np.cumsum(new_block) - 1
    lift = rank * (int(last_day.max()) - int(last_day.min()) + 1)
    running = np.maximum.accumulate(last_day + lift) - lift
    ends_before = np.full(len(order), np.iinfo(np.int64).min)
    ends_before[1:] = np.where(new_block[1:], np.iinfo(np.int64).min, running[:-1])
    rival = ends_before >= first_day - reach
    same_next = np.zeros(len(order), dtype=bool)
    same_next[:-1] = ~new_block[1:]
    rival[:-1] |= same_next[:-1] & (first_day[1:] <= last_day[:-1] + reach[:-1])
    alone[facts[order[~rival]]] = True
    return alone


def followed_rows(first: np.ndarray, source: np.ndarray, st: Settings) -> np.ndarray:
    """True at the first row of every fact stated by at least ``conflict_outlets`` sources (identity.toml):
    a story many outlets followed, whose disagreements need only the same-fact score."""
    rows = np.flatnonzero(first >= 0)
    followed = np.zeros(len(first), dtype=bool)
    if not len(rows):
        return followed
    sources = source[rows].astype(np.int64)
    base = int(sources.max()) + 1 if int(sources.min()) >= 0 else None
    if base is not None:   # distinct (fact, source) pairs as one integer key each
        facts = sorted_unique(first[rows] * base + sources) // base
    else:
        facts = np.unique(np.stack([first[rows], sources]), axis=1)[0]
    outlets = np.bincount(facts, minlength=len(first))
    followed[: len(outlets)] = outlets >= st.thresholds["conflict_outlets"]
    return followed


def conflict_pairs(claims: list[Claim], facts: dict[str, str], lexicon: Lexicon | None = None,
                   settings: Settings | None = None) -> list[ConflictPair]:
    """Disagreements worth showing among Claim objects (the refresh does the same on columns,
    checks/matching.py): pairs of one fact, from different outlets, with disjoint intervals and a pair
    score over the bar; claim_a is the lower figure."""
    lex = lexicon or load_lexicon()
    st = settings or load_settings()
    rows = [c for c in claims if facts.get(c.mention_id) is not None]
    if not rows:
        return []
    rows.sort(key=lambda c: c.mention_id)
    frames = FrameTable.build([c.frame for c in rows], [c.document_id for c in rows], lex, st)
    # the intervals, as the refresh's columns carry them (figures magnitudes apart are never rivals)
    frames.lo = np.asarray([c.lo for c in rows], dtype=np.float64)
    frames.hi = np.asarray([c.hi for c in rows], dtype=np.float64)
    index = {c.mention_id: k for k, c in enumerate(rows)}
    leader: dict[str, int] = {}
    for k, c in enumerate(rows):
        leader.setdefault(facts[c.mention_id], k)
    first = np.asarray([leader[facts[c.mention_id]] for c in rows], dtype=np.int64)
    block_names: dict[tuple, int] = {}
    block = np.asarray([block_names.setdefault(block_key(c.frame, c.kind, lex), len(block_names))
                        for c in rows])
    pairs_a, pairs_b = [], []
    by_fact: dict[str, list[Claim]] = defaultdict(list)
    for c in rows:
        by_fact[facts[c.mention_id]].append(c)
    for fid in sorted(by_fact):
        firsts: dict[tuple, Claim] = {}
        for c in by_fact[fid]:
            firsts.setdefault((c.document_id, c.lo, c.hi), c)  # a title repeating the body is one claim
        members = sorted(firsts.values(), key=lambda c: (c.lo, c.mention_id))
        for k, low in enumerate(members):
            for high in members[k + 1:]:
                if low.compared[1] < high.compared[0] and different_outlets(low, high):
                    pairs_a.append(index[low.mention_id])
                    pairs_b.append(index[high.mention_id])
    if not pairs_a:
        return []
    a, b = np.asarray(pairs_a, dtype=np.int64), np.asarray(pairs_b, dtype=np.int64)
    nominal = np.asarray([c.nominal if c.nominal is not None else np.nan for c in rows], dtype=np.float64)
    at_least = np.asarray([c.qualifier == "at_least" for c in rows])
    exact = np.asarray([c.qualifier == "exact" for c in rows])
    sources: dict[str, int] = {}
    source = np.asarray([sources.setdefault(c.source_id, len(sources)) for c in rows], dtype=np.int64)
    alone = unrivalled_rows(frames, block, first, lex, st) | followed_rows(first, source, st)
    keep, scores = gate_conflicts(frames, nominal, at_least, exact, a, b, first, alone, st)
    out = []
    for k in np.flatnonzero(keep).tolist():
        low, high = rows[int(a[k])], rows[int(b[k])]
        out.append(ConflictPair(low.mention_id, high.mention_id, facts[low.mention_id],
                                round(float(scores[k]), 3), reason(low, high, lex)))
    return out
