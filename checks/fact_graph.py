"""Facts at scale: candidate pairs by blocking, scored on arrays, grown into facts on a sparse graph.

For each block (same measure, group or thing, action, scope, part — checks/identity.py :func:`block_key`)
only pairs that could be one fact are formed: claims of one country (or with no place at all) dated within
the longest span an incident may be reported over. They are scored at once (checks/pair_scores.py); the
pairs form a sparse graph, and facts grow on it best pair first (average linkage): two groups of claims
merge only when no pair between them is vetoed and the mean score of their pairs clears ``same_fact``
(checks/identity.toml; a pair that was not scored counts as two claims of one block), so a fact does not
chain from one incident to the next.
"""

from __future__ import annotations

import numpy as np

from quantcheck.checks.identity import VETO, Settings
from quantcheck.checks.pair_scores import PLACE_KIND, FrameTable, pair_scores

MAX_UNDATED_PARTNERS = 500   # an undated claim is compared with at most this many claims of its block
NEAREST_PARTNERS = 60        # a claim placed only loosely meets this many claims nearest in time
# Pairs formed for one kind of neighbour in one block at most. A block crowded beyond it (tens of thousands
# of claims of one town in a few days: generated or duplicated text rather than news) links each claim to its
# nearest claims in time only — facts still grow through them — instead of forming billions of pairs.
PAIR_BUDGET = 20_000_000
MIN_PARTNERS = 16


def sorted_unique(keys: np.ndarray) -> np.ndarray:
    """``np.unique`` of an integer array by one in-place sort: numpy 2's hash-based unique is several times
    slower on the tens of millions of pair keys a large block forms."""
    keys = np.sort(keys)
    if len(keys) > 1:
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    return keys


def _window_pairs(days: np.ndarray, windows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (a, b), a < b, of positions in ``days`` (sorted) whose gap is within either one's window; when
    that is more than ``PAIR_BUDGET`` pairs, each position keeps only its nearest neighbours on each side."""
    n = len(days)
    if n < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    pos = np.arange(n)
    hi = np.searchsorted(days, days + windows, side="right")           # forward, by the earlier one's window
    counts = np.maximum(hi - (pos + 1), 0)
    lo = np.searchsorted(days, days - windows, side="left")             # backward, by the later one's window
    counts_b = np.maximum(pos - lo, 0)
    if int(counts.sum()) + int(counts_b.sum()) > PAIR_BUDGET:
        nearest = max(MIN_PARTNERS, PAIR_BUDGET // (2 * n))
        counts, counts_b = np.minimum(counts, nearest), np.minimum(counts_b, nearest)
        lo = pos - counts_b
    first = np.repeat(pos, counts)
    second = first + 1 + (np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts))
    later = np.repeat(pos, counts_b)
    earlier = np.repeat(lo, counts_b) + (np.arange(int(counts_b.sum()))
                                         - np.repeat(np.cumsum(counts_b) - counts_b, counts_b))
    a = np.concatenate([first, earlier])
    b = np.concatenate([second, later])
    keys = sorted_unique(a * n + b)
    return keys // n, keys % n


def _nearest_pairs(days_a: np.ndarray, win_a: np.ndarray, days_b: np.ndarray, win_b: np.ndarray,
                   k: int) -> tuple[np.ndarray, np.ndarray]:
    """For each position y of the second day-sorted list, the (up to) ``k`` positions x of the first list
    nearest in time and within either one's window."""
    if not len(days_a) or not len(days_b):
        return np.empty(0, np.int64), np.empty(0, np.int64)
    at = np.searchsorted(days_a, days_b)
    # positions at - k//2 ... at + k - k//2 - 1 that exist, y by y (x ascending): only those are formed,
    # and only those within the widest window of y's day — a pair further apart fails the gap test below
    # whatever its windows, so the same pairs are kept (about a quarter of the k were; most are now not
    # formed at all)
    widest = int(max(win_a.max(), win_b.max()))
    lo = np.maximum(np.maximum(at - k // 2, 0), np.searchsorted(days_a, days_b - widest, side="left"))
    end = np.minimum(np.minimum(at + (k - k // 2), len(days_a)),
                     np.searchsorted(days_a, days_b + widest, side="right"))
    counts = np.maximum(end - lo, 0)
    starts = np.cumsum(counts) - counts
    y = np.repeat(np.arange(len(days_b)), counts)
    x = np.repeat(lo - starts, counts) + np.arange(int(counts.sum()))
    gap = np.abs(days_a[x] - np.repeat(days_b, counts))
    keep = gap <= np.maximum(win_a[x], np.repeat(win_b, counts))
    return x[keep], y[keep]


def candidate_pairs(table: FrameTable, members: np.ndarray, horizon: int) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs (global row indices, i < j, ascending) among ``members`` (the rows of one block):
    :func:`local_pairs` as rows of the table."""
    x, y = local_pairs(table, members, horizon)
    gi, gj = members[x], members[y]
    if len(members) < 2 or bool((members[1:] > members[:-1]).all()):
        return gi, gj           # local order is the table's order: pairs already ascending
    i, j = np.minimum(gi, gj), np.maximum(gi, gj)
    base = int(max(i.max(), j.max())) + 1 if len(i) else 1
    keys = sorted_unique(i * base + j)
    return keys // base, keys % base


def local_pairs(table: FrameTable, members: np.ndarray, horizon: int) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs among ``members`` (the rows of one block) as positions in ``members`` (x < y,
    ascending).

    Only pairs that the score could leave unvetoed are formed, so the work grows with the claims, not with
    their square: claims placed in a town by their own clause meet the claims of the same town; a claim
    placed in a region meets the claims of that region (of its country, for a region known only by its own
    name); a claim placed only by its dateline, or by a
    country, meets the claims of its country nearest in time; a claim with no place meets the claims of any
    country nearest in time; an undated claim meets the claims of its country, up to a bound. Every pair
    is within either claim's span of days (the days its kind of incident is reported over)."""
    days = table.day[members].astype(np.int64)
    window = np.minimum(np.where(table.cumulative[members], horizon,
                                 np.where(table.incident_days[members] > 0, table.incident_days[members],
                                          table.action_days[members])), horizon).astype(np.int64)
    cc, kind, strong = table.cc[members], table.kind[members], table.strong[members]
    gid, region = table.gid[members], table.region[members]
    dated = days >= 0
    spread = 4 * (horizon + 1)                 # days between groups laid out on one axis
    out_i: list[np.ndarray] = []
    out_j: list[np.ndarray] = []

    def add(x: np.ndarray, y: np.ndarray) -> None:
        if len(x):
            out_i.append(np.minimum(x, y))
            out_j.append(np.maximum(x, y))

    def axis(mask: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Local rows of ``mask`` ordered by (group, day), and their positions on one day axis where
        groups lie ``spread`` days apart (so a window never reaches into the next group)."""
        rows = np.flatnonzero(mask)
        if not len(rows):
            return rows, rows
        _, gidx = np.unique(group[rows], return_inverse=True)
        pos = gidx.astype(np.int64) * (int(days[rows].max()) + spread) + days[rows]
        order = np.argsort(pos, kind="stable")
        return rows[order], pos[order]

    # strong town claims: with the claims of the same town
    rows, pos = axis(dated & strong & (kind == PLACE_KIND["town"]), gid)
    x, y = _window_pairs(pos, window[rows])
    add(rows[x], rows[y])
    # strong region claims: with the strong claims of the same region
    reg = dated & strong & (kind == PLACE_KIND["region"])
    if reg.any():
        rows, pos = axis(dated & strong & ((kind == PLACE_KIND["town"]) | reg) & np.isin(region, region[reg]),
                         region)
        x, y = _window_pairs(pos, window[rows])
        touch = reg[rows[x]] | reg[rows[y]]
        add(rows[x][touch], rows[y][touch])
        # a first-level region named by its own name has no GeoNames region code (places.first_level): it
        # meets the strong claims of its country, one region with each of its towns
        iso = reg & (gid < 0)
        if iso.any():
            rows, pos = axis(dated & strong & ((kind == PLACE_KIND["town"]) | reg) & np.isin(cc, cc[iso]), cc)
            x, y = _window_pairs(pos, window[rows])
            touch = iso[rows[x]] | iso[rows[y]]
            add(rows[x][touch], rows[y][touch])
    # claims placed weakly, or by a country: with the claims of their country nearest in time
    placed = dated & (cc >= 0)
    loose = placed & (~strong | (kind == PLACE_KIND["country"]))
    if loose.any():
        rows, pos = axis(placed, cc)
        at = np.flatnonzero(loose[rows])
        x, y = _nearest_pairs(pos, window[rows], pos[at], window[rows][at], NEAREST_PARTNERS)
        keep = x != at[y]
        add(rows[x][keep], rows[at[y]][keep])
    # claims with no place: with the claims of any country nearest in time
    placeless = dated & (cc < 0)
    if placeless.any():
        rows = np.flatnonzero(dated)
        rows = rows[np.argsort(days[rows], kind="stable")]
        at = np.flatnonzero(placeless[rows])
        x, y = _nearest_pairs(days[rows], window[rows], days[rows][at], window[rows][at], NEAREST_PARTNERS)
        keep = x != at[y]
        add(rows[x][keep], rows[at[y]][keep])
    # undated claims: with the claims of their country (or any, without one), up to a bound
    undated = np.flatnonzero(~dated)
    if len(undated):
        per = min(MAX_UNDATED_PARTNERS, max(MIN_PARTNERS, PAIR_BUDGET // len(undated)))
        for country in np.unique(cc[undated]).tolist():
            pool = np.flatnonzero((cc == country) | (cc < 0)) if country >= 0 else np.arange(len(cc))
            head = pool[: per + 1]
            us = undated[cc[undated] == country]
            x = np.repeat(us, len(head)).reshape(len(us), len(head))
            y = np.broadcast_to(head, x.shape)
            keep = y != x
            keep &= np.cumsum(keep, axis=1) <= per  # the first ``per`` of the pool other than itself
            add(x[keep], y[keep])
    if not out_i:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    i = np.concatenate(out_i).astype(np.int64, copy=False)
    j = np.concatenate(out_j).astype(np.int64, copy=False)
    base = len(members)
    keys = sorted_unique(i * base + j)
    return np.divmod(keys, base)


def grow_facts(n: int, i: np.ndarray, j: np.ndarray, s: np.ndarray, settings: Settings,
               days: np.ndarray | None = None, windows: np.ndarray | None = None,
               countries: np.ndarray | None = None) -> list[int]:
    """Average-linkage clustering of ``n`` local nodes on the sparse scored pairs; returns a root per node.

    Two groups of claims may merge when no pair between them is vetoed or scores below ``min_link``, and
    the mean score of all pairs between them reaches ``same_fact``. A pair that was not scored (not a
    candidate: claims far apart in the block's time line) counts as the score of two claims known only to
    be in one block (``same_block``): big stories — a chemical attack reported for a week by dozens of
    outlets — grow into one fact without every pair having been compared, and groups with little in common
    stay apart. Average linkage is reducible, so merging every pair of groups that are each other's best
    partner at once gives the same facts as merging the best pair one at a time: each round is a few array
    operations over the pairs, whatever their number.

    With ``days`` (day ordinals, -1 undated) and ``windows`` (each claim's span of days), two groups merge
    only when the days of the merged group stay within the longer of their spans: pairs too far apart in
    time are never scored, so without this bound a city bombed every day would chain its daily tolls into
    one fact through claims a day apart.

    With ``countries`` (the country id each claim's own words place it in, -1 when they do not), two groups
    of different countries never merge: claims of two countries are never paired (checks candidate_pairs),
    so without this a claim with no place would bridge a flood toll in Spain and a shelling toll in Ukraine
    reported the same day."""
    threshold = settings.thresholds["same_fact"]
    unscored = settings.weights["same_block"]
    # a vetoed pair, or one below ``min_link``, enters the sums as -inf: the two groups it joins, and the
    # groups they grow into, can never reach the threshold (one state instead of a separate veto list)
    blocked = (s == VETO) | (s < settings.thresholds["min_link"])
    s = np.where(blocked, -np.inf, s).astype(np.float64)
    i, j = i.astype(np.int64, copy=False), j.astype(np.int64, copy=False)
    parent = np.arange(n, dtype=np.int64)
    size = np.ones(n, dtype=np.int64)
    # the state is one row per pair of groups (sum and number of scored pairs between them): it shrinks as
    # groups merge, so later rounds cost less than the first
    # a pair of groups is one key, the lower id in the high bits: ordered as (lower, higher) like
    # lower * n + higher, and taken apart by a shift and a mask instead of a division every round
    bits = max(int(n - 1).bit_length(), 1)
    low = (1 << bits) - 1
    keys, total, count = _aggregate((np.minimum(i, j) << bits) | np.maximum(i, j), s,
                                    np.ones(len(s), dtype=np.int64))
    timed = days is not None and windows is not None
    if timed:
        # int32 halves what each round gathers; an undated group's (max, min) sentinels make hi < lo, and
        # the wrapped difference of that case is never read
        dated = days >= 0
        first_day = np.where(dated, days, np.iinfo(np.int32).max).astype(np.int32)
        last_day = np.where(dated, days, np.iinfo(np.int32).min).astype(np.int32)
        span = np.asarray(windows).astype(np.int32)
    placed = countries is not None
    if placed:
        country = np.asarray(countries, dtype=np.int64).copy()
    while len(keys):
        a = keys >> bits
        b = keys & low
        cross = size[a] * size[b]
        mean = (total + (cross - count) * unscored) / cross
        ok = mean >= threshold
        if timed:
            lo = np.minimum(first_day[a], first_day[b])
            hi = np.maximum(last_day[a], last_day[b])
            with np.errstate(over="ignore"):
                ok &= (hi < lo) | (hi - lo <= np.maximum(span[a], span[b]))  # hi < lo: an undated group
        if placed:
            ca, cb = country[a], country[b]
            ok &= (ca < 0) | (cb < 0) | (ca == cb)
        oa, ob = a[ok], b[ok]
        if not len(oa):
            break
        mean = mean[ok]
        # each group's best partner: highest mean, then lowest id (deterministic; no sort needed). The rows
        # are in key order, so each group's rows as the lower side are one run: reduced run by run
        run = np.flatnonzero(np.concatenate(([True], oa[1:] != oa[:-1])))
        lower = oa[run]
        top = np.full(n, -np.inf)
        top[lower] = np.maximum.reduceat(mean, run)
        np.maximum.at(top, ob, mean)
        pick = np.full(n, n, dtype=np.int64)
        pick[lower] = np.minimum.reduceat(np.where(mean == top[oa], ob, n), run)
        tied = mean == top[ob]
        np.minimum.at(pick, ob[tied], oa[tied])
        # a group with no pair at the threshold never merges again (a merge only averages its pairs), so
        # the pairs of such groups are dropped: the rounds shrink to the groups still growing
        live = pick < n
        both = live[a] & live[b]
        a, b, total, count = a[both], b[both], total[both], count[both]
        groups = np.flatnonzero(live)                     # groups with a partner, and their best partners
        best = pick[groups]
        mutual = (pick[best] == groups) & (groups < best)  # every best partner is itself a group with one
        if not mutual.any():
            break
        keep_id, gone_id = groups[mutual], best[mutual]   # the higher id joins the lower one
        parent[gone_id] = keep_id
        size[keep_id] += size[gone_id]
        if timed:
            first_day[keep_id] = np.minimum(first_day[keep_id], first_day[gone_id])
            last_day[keep_id] = np.maximum(last_day[keep_id], last_day[gone_id])
            span[keep_id] = np.maximum(span[keep_id], span[gone_id])
        if placed:
            country[keep_id] = np.maximum(country[keep_id], country[gone_id])  # one of them, or both the same
        follow = np.arange(n, dtype=np.int64)
        follow[gone_id] = keep_id
        a, b = follow[a], follow[b]
        outer = a != b
        keys, total, count = _aggregate((np.minimum(a, b)[outer] << bits) | np.maximum(a, b)[outer],
                                        total[outer], count[outer])
    # each node's root: follow the merges (a group merges at most once a round, into a lower id)
    while True:
        up = parent[parent]
        if np.array_equal(up, parent):
            break
        parent = up
    return parent.tolist()


def _aggregate(keys: np.ndarray, total: np.ndarray, count: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows with the same key summed: one row per pair of groups, keys ascending (keys already strictly
    increasing — the candidate pairs of a block as formed — are returned as they are). Each sum adds its
    rows one by one in row order, as ``np.bincount`` over ``np.unique(..., return_inverse=True)`` would:
    the rows of one key are taken in that order from one sort of the keys with their row numbers, and only
    the few keys with more than one row (a merge round joins at most two pairs of groups into one, four
    when both sides merged) are added up, position by position."""
    rows = len(keys)
    if rows < 2 or bool((keys[1:] > keys[:-1]).all()):
        return keys, total, count
    order, ordered = sorted_rows(keys)
    head = np.ones(rows, dtype=bool)
    head[1:] = ordered[1:] != ordered[:-1]
    starts = np.flatnonzero(head)
    out_total, out_count = total[order[starts]] + 0.0, count[order[starts]]   # + 0.0: bincount's start
    if len(starts) < rows:
        lengths = np.diff(np.append(starts, rows))
        at = np.flatnonzero(lengths > 1)
        for k in range(1, int(lengths[at].max())):
            at = at[lengths[at] > k]
            row = order[starts[at] + k]
            out_total[at] += total[row]
            out_count[at] += count[row]
    return ordered[starts], out_total, out_count


def sorted_rows(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The row numbers of non-negative integer ``keys`` in ascending order of (key, row), and the keys in
    that order: one sort of the keys with their row numbers packed in the low bits when both fit in 63
    bits, else a stable argsort."""
    rows = len(keys)
    bits = max(int(rows - 1).bit_length(), 1)
    if rows and int(keys.min()) >= 0 and int(keys.max()) < (1 << (63 - bits)):
        packed = np.sort((keys.astype(np.int64) << bits) | np.arange(rows, dtype=np.int64))
        return packed & ((1 << bits) - 1), packed >> bits
    order = np.argsort(keys, kind="stable")
    return order, keys[order]


def magnitudes_apart(table: FrameTable, i: np.ndarray, j: np.ndarray, settings: Settings) -> np.ndarray:
    """Pairs whose intervals lie more than ``magnitudes_apart`` times apart (both positive, both known), or,
    for temperatures, more than ``temperature_apart`` degrees apart: a ratio of kelvins says nothing ("−17 °C"
    in a ski town and "27 °C" on a beach are 1.17 times apart)."""
    lo = np.maximum(table.lo[i], table.lo[j])          # the higher figure's lower bound
    hi = np.minimum(table.hi[i], table.hi[j])          # the lower figure's upper bound
    th = settings.thresholds
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (hi > 0) & (lo > hi * th["magnitudes_apart"])
    degrees = table.temperature[i] & table.temperature[j] & (lo - hi > th["temperature_apart"])
    return ratio | degrees


def block_graph(table: FrameTable, members: np.ndarray, horizon: int, settings: Settings,
                ) -> tuple[list[int], np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs of one block, their scores, and the fact root of each member (local indices)."""
    if len(members) < 2 or bool((members[1:] > members[:-1]).all()):
        li, lj = local_pairs(table, members, horizon)     # positions in members: no lookup back
        gi, gj = members[li], members[lj]
    else:
        gi, gj = candidate_pairs(table, members, horizon)
        order = np.argsort(members, kind="stable")
        li = order[np.searchsorted(members[order], gi)]
        lj = order[np.searchsorted(members[order], gj)]
    scores = pair_scores(table, gi, gj, settings)
    # figures that agree are evidence of one fact (identity.toml same_value); unknown intervals never agree;
    # figures orders of magnitude apart count as nothing in common (magnitudes_apart): a veto would let one
    # misread figure split a whole story
    agree = (table.lo[gi] <= table.hi[gj]) & (table.lo[gj] <= table.hi[gi])
    scores = np.where(agree & (scores != VETO), scores + settings.weights["same_value"], scores)
    # a party's seats or share of the vote (terms.toml [per_organisation]): two figures that disagree are two
    # parties' unless both outlets name the same one ("the Socialists 87", "Chega 29": one block, no acronym)
    own = table.per_org[gi] | table.per_org[gj]
    named = (table.entity[gi] >= 0) & (table.entity[gi] == table.entity[gj])
    scores = np.where(own & ~named & ~agree, VETO, scores)
    apart = magnitudes_apart(table, gi, gj, settings) & (scores != VETO)
    scores = np.where(apart, np.minimum(scores, settings.thresholds["min_link"]), scores)
    # the same figure repeated in one article (title and body) is one claim: always linked
    repeat = (table.document[gi] == table.document[gj]) & (table.wording[gi] == table.wording[gj])
    scores = np.where(repeat & (scores != VETO), np.maximum(scores, settings.thresholds["same_fact"]), scores)
    window = np.minimum(np.where(table.cumulative[members], horizon,
                                 np.where(table.incident_days[members] > 0, table.incident_days[members],
                                          table.action_days[members])), horizon)
    countries = np.where(table.strong[members], table.cc[members], -1)
    roots = grow_facts(len(members), li, lj, scores, settings, table.day[members].astype(np.int64), window,
                       countries)
    return roots, gi, gj, scores
