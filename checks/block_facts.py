"""Facts and conflicts block by block: everything a refresh computes on arrays, one block at a time.

Facts and conflicts never cross a block (checks/identity.py :func:`block_key`), so each block is one task:
grow its facts (checks/fact_graph.py), pick each fact's first claim, form the pairs of one fact whose
intervals do not overlap and whose outlets differ, and gate them (checks/facts.py :func:`gate_conflicts`) on
the block's own rows. Blocks share nothing, so a large refresh spreads them over forked processes: growing
facts is numpy work that holds the GIL too often for threads to overlap, and a process forked after the
claims were read sees their columns without copying them.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, fields

import numpy as np

from quantcheck.checks.claim_columns import ClaimColumns
from quantcheck.checks.fact_graph import block_graph
from quantcheck.checks.facts import followed_rows, gate_conflicts, horizon, unrivalled_rows
from quantcheck.checks.identity import Settings
from quantcheck.checks.lexicon import Lexicon
from quantcheck.checks.pair_scores import FrameTable

# Blocks are spread over this many processes when there are at least PARALLEL_CLAIMS claims to compare (a
# large refresh then uses both CPUs of a small machine; a small one is not worth a fork).
WORKERS = min(4, os.cpu_count() or 1)
PARALLEL_CLAIMS = 200_000


@contextmanager
def small_pages() -> Iterator[None]:
    """numpy's large arrays without its request for transparent huge pages while the block runs.

    numpy asks the kernel for huge pages on every array of 4 MB or more (madvise); with the kernel's
    defrag=madvise default each such request may compact and zero 2 MB pages on the spot. Growing facts
    makes and drops thousands of short-lived arrays of tens of MB, and those requests cost more than the
    huge pages save: compare_blocks serially on the 1M bench claims spends 0.5 instead of 1.3-2.5 CPU-s in
    the kernel (same user time). Forked workers inherit the setting; it is restored afterwards."""
    switch = getattr(getattr(np, "_core", None), "multiarray", None)
    switch = getattr(switch, "_set_madvise_hugepage", None)
    if switch is None:
        yield
        return
    before = switch(False)
    try:
        yield
    finally:
        switch(before)


@dataclass(frozen=True, slots=True)
class Compared:
    """What the blocks gave: each row's first claim of its fact (-1: not compared), the conflicts kept
    (rows a below b, their scores) and whether each row repeats an earlier one (:func:`block_repeats`)."""

    first: np.ndarray
    a: np.ndarray
    b: np.ndarray
    score: np.ndarray
    repeat: np.ndarray


def compare_blocks(cols: ClaimColumns, lex: Lexicon, st: Settings) -> Compared:
    """Facts and gated conflicts of every block of ``cols``."""
    first = np.full(len(cols.block), -1, dtype=np.int64)
    repeat = np.zeros(len(cols.block), dtype=bool)
    rows = np.flatnonzero(cols.block >= 0)
    if not len(rows):
        return Compared(first, *(np.empty(0, np.int64),) * 2, np.empty(0), repeat)
    order = rows[np.argsort(cols.block[rows], kind="stable")]
    blocks = np.split(order, np.flatnonzero(np.diff(cols.block[order])) + 1)
    blocks.sort(key=len, reverse=True)  # largest first: the processes finish together
    column = cols.table.column
    work = _Work(cols, lex, st, horizon(lex, st), column("lo1").to_numpy().astype(np.float64),
                 column("hi1").to_numpy().astype(np.float64))
    done = _map(work, blocks)
    for members, (leaders, *_, repeats) in zip(blocks, done, strict=True):
        first[members] = leaders
        repeat[members] = repeats
    a, b, score = (np.concatenate([d[k] for d in done]) for k in (1, 2, 3))
    return Compared(first, a, b, score, repeat)


@dataclass(frozen=True, slots=True)
class _Work:
    cols: ClaimColumns
    lex: Lexicon
    st: Settings
    span: int
    lo1: np.ndarray     # each row's interval as stored (the repeats' figures), not widened by float_epsilon
    hi1: np.ndarray


def _map(work: _Work, blocks: list[np.ndarray]) -> list[tuple[np.ndarray, ...]]:
    size = sum(len(m) for m in blocks)
    if WORKERS < 2 or size < PARALLEL_CLAIMS or len(blocks) < 2 or "fork" not in mp.get_all_start_methods():
        return [block_conflicts(work, members) for members in blocks]
    _FORKED["work"] = work
    try:
        with ProcessPoolExecutor(WORKERS, mp_context=mp.get_context("fork")) as pool:
            return list(pool.map(_forked_block_conflicts, blocks))
    finally:
        _FORKED.clear()


_FORKED: dict[str, _Work] = {}


def _forked_block_conflicts(members: np.ndarray) -> tuple[np.ndarray, ...]:
    """:func:`block_conflicts` in a forked worker, on the columns the parent held when it forked."""
    return block_conflicts(_FORKED["work"], members)


def block_conflicts(work: _Work, members: np.ndarray) -> tuple[np.ndarray, ...]:
    """For one block (``members``: its rows, ascending): the leader row of each member's fact, the
    conflicts kept (rows a, rows b, scores) and which members repeat an earlier one."""
    cols, st = work.cols, work.st
    if len(members) == 1:
        return members, np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0), np.zeros(1, dtype=bool)
    # everything on the block's own rows (local row k is members[k]): the pairs' lookups then stay within
    # a few cache-sized columns instead of reaching across the million rows of the refresh
    frames = FrameTable(**{f.name: getattr(cols.frames, f.name)[members] for f in fields(FrameTable)})
    first = block_leaders(frames, np.arange(len(members)), work.span, st)
    leader = members[first]
    lo, hi = cols.cmp_lo[members], cols.cmp_hi[members]
    a, b = disjoint_pairs(first, lo, hi, cols.source[members], cols.publisher[members], frames.document)
    bare, q_lo, q_hi = qualified_twins(first, frames.document, cols.nominal[members], cols.exact[members],
                                       lo, hi)
    if bare.any():  # read a headline's bare figure with its body's qualifier: "kill 56" is "at least 56"
        agree = bare[a] & (q_lo[a] <= hi[b]) & (lo[b] <= q_hi[a]) | \
            bare[b] & (q_lo[b] <= hi[a]) & (lo[a] <= q_hi[b])
        a, b = a[~agree], b[~agree]
    alone = unrivalled_rows(frames, np.zeros(len(members), dtype=np.int64), first, work.lex, st)
    alone |= followed_rows(first, cols.source[members], st)
    keep, scores = gate_conflicts(frames, cols.nominal[members], cols.at_least[members], cols.exact[members],
                                  a, b, first, alone, st)
    repeat = block_repeats(first, frames.document, work.lo1[members], work.hi1[members])
    return leader, members[a[keep]], members[b[keep]], scores[keep], repeat


def qualified_twins(fact: np.ndarray, document: np.ndarray, nominal: np.ndarray, exact: np.ndarray,
                    lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """An exact figure whose document states the same figure of the same fact with a qualifier, and that
    qualified interval (the union of its statements): a headline drops the body's "at least" ("US-led
    strikes kill 56 civilians" over "at least 56 civilians killed"). The document disagrees with another
    outlet's figure only where the qualified statement does: "kill 56" against "at least 73" is no
    conflict, "1300 killed" (body: "at least 1300") against "500" still is."""
    n = len(fact)
    none = np.zeros(n, dtype=bool)
    if n < 2 or exact.all() or not exact.any():
        return none, lo, hi
    by = np.lexsort((exact, nominal, document, fact))
    f, d, v = fact[by], document[by], nominal[by]
    start = np.ones(n, dtype=bool)
    start[1:] = (f[1:] != f[:-1]) | (d[1:] != d[:-1]) | (v[1:] != v[:-1])
    group = np.cumsum(start) - 1
    qualified = ~exact[by]
    g_lo = np.full(group[-1] + 1, np.inf)
    g_hi = np.full(group[-1] + 1, -np.inf)
    np.minimum.at(g_lo, group[qualified], lo[by][qualified])
    np.maximum.at(g_hi, group[qualified], hi[by][qualified])
    bare = np.zeros(n, dtype=bool)
    bare[by] = exact[by] & np.isfinite(g_lo[group])
    q_lo, q_hi = lo.copy(), hi.copy()
    q_lo[by] = np.where(bare[by], g_lo[group], lo[by])
    q_hi[by] = np.where(bare[by], g_hi[group], hi[by])
    return bare, q_lo, q_hi


def block_repeats(fact: np.ndarray, document: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """True for a later occurrence (by row) of one interval of one fact in one document — a title repeating
    the body; the first occurrence is False. A fact never leaves its block, so this is claim_keys.is_repeat
    computed block by block."""
    by = np.lexsort((np.arange(len(fact)), hi, lo, document, fact))
    same = np.zeros(len(by), dtype=bool)
    same[1:] = ((fact[by][1:] == fact[by][:-1]) & (document[by][1:] == document[by][:-1])
                & (lo[by][1:] == lo[by][:-1]) & (hi[by][1:] == hi[by][:-1]))
    out = np.zeros(len(fact), dtype=bool)
    out[by] = same
    return out


def block_leaders(frames: FrameTable, members: np.ndarray, span: int, st: Settings) -> np.ndarray:
    """The row of the first claim (earliest day, then row) of each member's fact, for one block."""
    roots = np.asarray(block_graph(frames, members, span, st)[0], dtype=np.int64)
    # the first member of each fact: sort by (fact, day, row) and take each fact's first row
    by = np.lexsort((members, frames.day[members], roots))
    head = np.ones(len(by), dtype=bool)
    head[1:] = roots[by][1:] != roots[by][:-1]
    leader = np.zeros(len(members), dtype=np.int64)
    leader[roots[by][head]] = members[by][head]
    return leader[roots]


def disjoint_pairs(fact: np.ndarray, lo: np.ndarray, hi: np.ndarray, source: np.ndarray,
                   publisher: np.ndarray, document: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Candidate disagreements: pairs (a, b) of rows of one fact whose intervals do not overlap (a below b:
    a's hi < b's lo), from different sources — or from two publishers of one source. A repeated interval
    in one document counts once (its first row)."""
    n = len(fact)
    by = np.lexsort((np.arange(n), hi, lo, document, fact))
    repeat = np.zeros(n, dtype=bool)
    repeat[1:] = ((fact[by][1:] == fact[by][:-1]) & (document[by][1:] == document[by][:-1])
                  & (lo[by][1:] == lo[by][:-1]) & (hi[by][1:] == hi[by][:-1]))
    rows = by[~repeat]
    if len(rows) < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    # rows by (fact, lo); a row's partners above it are the rows of its fact from the first lo above its hi
    rows = rows[np.lexsort((lo[rows], fact[rows]))]
    values, rank = np.unique(np.concatenate([lo[rows], hi[rows]]), return_inverse=True)
    lo_rank, hi_rank = rank[: len(rows)], rank[len(rows):]
    key = fact[rows] * (len(values) + 1) + lo_rank        # ascending: facts, then lo
    start = np.searchsorted(key, fact[rows] * (len(values) + 1) + hi_rank, side="right")
    end = np.searchsorted(key, (fact[rows] + 1) * (len(values) + 1), side="left")
    counts = np.maximum(end - start, 0)
    x = np.repeat(np.arange(len(rows)), counts)
    offset = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    a, b = rows[x], rows[np.repeat(start, counts) + offset]
    pa_, pb = publisher[a], publisher[b]
    outlets = (source[a] != source[b]) | ((pa_ >= 0) & (pb >= 0) & (pa_ != pb))
    return a[outlets], b[outlets]
