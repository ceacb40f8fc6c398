"""The array shortcuts of a large refresh give what their plain definitions give, bit for bit: the merge
rounds' sums (checks/fact_graph.py), the repeats and the unrivalled facts of a block (checks/block_facts.py,
checks/facts.py). Random inputs, each checked against the slower definition written out here."""

from __future__ import annotations

import numpy as np
import pytest

from quantcheck.checks.block_facts import block_repeats
from quantcheck.checks.fact_graph import _aggregate, _nearest_pairs
from quantcheck.checks.facts import followed_rows, unrivalled_rows
from quantcheck.checks.identity import load_settings
from quantcheck.checks.lexicon import load_lexicon
from quantcheck.checks.pair_scores import FrameTable


@pytest.mark.parametrize("seed", range(20))
def test_merged_pairs_sum_their_rows_in_row_order_like_bincount(seed: int) -> None:
    rng = np.random.default_rng(seed)
    rows = int(rng.integers(2, 400))
    keys = rng.integers(0, int(rng.integers(1, 60)), rows).astype(np.int64)
    total = rng.normal(size=rows).round(int(rng.integers(1, 6)))
    total[rng.random(rows) < 0.05] = -np.inf
    total[rng.random(rows) < 0.05] = -0.0     # bincount starts from 0.0: a lone -0.0 sums to 0.0
    count = rng.integers(1, 5, rows).astype(np.int64)
    unique, inverse = np.unique(keys, return_inverse=True)
    got_keys, got_total, got_count = _aggregate(keys, total, count)
    assert np.array_equal(got_keys, unique)
    assert got_total.tobytes() == np.bincount(inverse, weights=total, minlength=len(unique)).tobytes()
    counts = np.bincount(inverse, weights=count, minlength=len(unique)).astype(np.int64)
    assert np.array_equal(got_count, counts)


@pytest.mark.parametrize("seed", range(30))
def test_nearest_partners_are_the_k_positions_around_each_day_within_a_window(seed: int) -> None:
    """_nearest_pairs forms only the positions within the widest window of each day: the same pairs, in the
    same order, as forming all k positions around it and keeping those within either one's window."""
    rng = np.random.default_rng(seed)
    na, nb, k = int(rng.integers(0, 300)), int(rng.integers(0, 80)), int(rng.integers(1, 70))
    span = int(rng.integers(1, 400))
    days_a = np.sort(rng.integers(0, span, na)).astype(np.int64)
    days_b = np.sort(rng.integers(0, span, nb)).astype(np.int64)
    win_a = rng.integers(0, int(rng.integers(1, 30)), na).astype(np.int64)
    win_b = rng.integers(0, int(rng.integers(1, 30)), nb).astype(np.int64)
    want_x, want_y = [], []
    for y in range(nb):
        at = int(np.searchsorted(days_a, days_b[y]))
        for x in range(max(at - k // 2, 0), min(at + k - k // 2, na)):
            if abs(days_a[x] - days_b[y]) <= max(win_a[x], win_b[y]):
                want_x.append(x)
                want_y.append(y)
    x, y = _nearest_pairs(days_a, win_a, days_b, win_b, k)
    assert x.tolist() == want_x and y.tolist() == want_y


@pytest.mark.parametrize("seed", range(20))
def test_repeats_of_a_block_are_the_later_rows_of_one_interval_of_one_fact_in_one_document(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 300))
    fact, document = rng.integers(0, 8, n), rng.integers(0, 10, n)
    lo = rng.integers(0, 4, n).astype(np.float64)
    hi = lo + rng.integers(0, 2, n)
    seen: set[tuple] = set()
    expected = np.zeros(n, dtype=bool)
    for k in range(n):
        key = (fact[k], document[k], lo[k], hi[k])
        expected[k] = key in seen
        seen.add(key)
    assert np.array_equal(block_repeats(fact, document, lo, hi), expected)


def _frames(day: np.ndarray, incident_days: np.ndarray, cumulative: np.ndarray) -> FrameTable:
    n = len(day)
    zeros = np.zeros(n, dtype=np.int64)
    columns = {name: zeros for name in FrameTable.__dataclass_fields__}
    return FrameTable(**{**columns, "day": day, "incident_days": incident_days, "cumulative": cumulative,
                         "action_days": np.full(n, 2, dtype=np.int16)})


def _unrivalled_by_loops(frames: FrameTable, block: np.ndarray, first: np.ndarray, st) -> np.ndarray:
    """The definition: facts by (block, first day); a fact is alone when no earlier fact of its block ends
    within its span of its first day and the next one does not start within its span of its last day."""
    alone = np.zeros(len(first), dtype=bool)
    rows = [k for k in range(len(first)) if first[k] >= 0 and frames.day[k] >= 0]
    window = np.where(frames.cumulative, st.days["cumulative"],
                      np.where(frames.incident_days > 0, frames.incident_days, frames.action_days))
    facts: dict[int, list[int]] = {}
    for k in rows:
        fact = facts.setdefault(int(first[k]), [10**9, -10**9, 0])
        fact[0], fact[1] = min(fact[0], int(frames.day[k])), max(fact[1], int(frames.day[k]))
        fact[2] = max(fact[2], int(window[k]))
    order = sorted(facts, key=lambda f: (int(block[f]), facts[f][0], f))
    for k, f in enumerate(order):
        start, end, span = facts[f]
        before = [facts[g][1] for g in order[:k] if block[g] == block[f]]
        rival = bool(before) and max(before) >= start - span
        if k + 1 < len(order) and block[order[k + 1]] == block[f]:
            rival |= facts[order[k + 1]][0] <= end + span
        alone[f] = not rival
    return alone


@pytest.mark.parametrize("seed", range(20))
def test_unrivalled_facts_on_arrays_match_the_definition(seed: int) -> None:
    st, lex = load_settings(), load_lexicon()
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 200))
    day = np.where(rng.random(n) < 0.1, -1, rng.integers(0, 60, n)).astype(np.int32)
    frames = _frames(day, rng.integers(0, 4, n).astype(np.int16), rng.random(n) < 0.1)
    first = np.sort(rng.integers(0, n, n))
    first = first[first]                      # a fact's first row is its own first row
    first[rng.random(n) < 0.05] = -1
    block = rng.integers(0, 3, n)
    assert np.array_equal(unrivalled_rows(frames, block, first, lex, st),
                          _unrivalled_by_loops(frames, block, first, st))


@pytest.mark.parametrize("seed", range(10))
def test_followed_facts_count_distinct_sources(seed: int) -> None:
    st = load_settings()
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 300))
    first = rng.integers(-1, 20, n)
    source = rng.integers(-1 if seed % 2 else 0, 12, n)
    expected = np.zeros(n, dtype=bool)
    for f in set(first.tolist()) - {-1}:
        expected[f] = len(set(source[first == f].tolist())) >= st.thresholds["conflict_outlets"]
    assert np.array_equal(followed_rows(first, source, st), expected)
