"""Claims as columns: what a refresh reads from DuckDB to compare a million claims without a Python object
per claim.

The claims' intervals (qc_intervals) and cached frames (claim_frames) arrive as one Arrow table, ordered by
mention id; strings become small integer ids with Arrow's dictionary encoding, and the frame parts the score
reads become the columns of :class:`checks.pair_scores.FrameTable`. Only the few claims that end up in a
conflict are turned back into :class:`checks.frames.Frame` objects, for their readable reasons.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from quantcheck.checks.frames import CASUALTY, PEOPLE, Frame
from quantcheck.checks.identity import EXPLICIT, STRONG_PLACE, Settings
from quantcheck.checks.lexicon import Lexicon
from quantcheck.checks.pair_scores import PLACE_KIND, TEMPERATURE, FrameTable, town_columns

FRAME_FIELDS = ("measure", "grp", "fine_group", "thing", "action", "topic", "part", "scope", "incidents",
                "place", "place_kind", "place_cc", "place_admin1", "place_gid", "place_source", "spot", "day",
                "day_source", "words", "wording", "entity", "year", "since")
THREADS = min(2, os.cpu_count() or 1)   # threads reading the columns (Arrow's kernels release the GIL)


def _codes(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Integer ids of a string column (nulls and empty strings: -1)."""
    column = pc.if_else(pc.equal(column, ""), pa.scalar(None, column.type), column)
    encoded = pc.dictionary_encode(column)
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks()
    return pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)


def _what(col) -> pa.ChunkedArray:
    """identity.what_measured on columns: the topic, else a share's group, else the action, else "@" and the
    organisation."""
    org = pc.binary_join_element_wise("@", _blank_null(col("entity")), "")
    share_of = pc.if_else(pc.and_(pc.equal(col("measure"), "dimensionless"),
                                  pc.not_equal(col("grp"), "people")),
                          pc.binary_join_element_wise("%", _blank_null(col("grp")), ""),
                          pa.scalar(None, pa.string()))
    return pc.coalesce(_blank_null(col("topic")), share_of, _blank_null(col("action")), org)


def _blank_null(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Empty strings as nulls (frames store "no action" as NULL or "")."""
    return pc.if_else(pc.equal(column, ""), pa.scalar(None, pa.string()), column)


def _flags(column, values: frozenset[str]) -> np.ndarray:
    if not values:
        return np.zeros(len(column), dtype=bool)
    return pc.fill_null(pc.is_in(column, value_set=pa.array(sorted(values))), False).to_numpy(
        zero_copy_only=False)


@dataclass
class ClaimColumns:
    """The comparable claims of a refresh, as arrays; row k is ``table`` row k."""

    table: pa.Table          # the fetched rows (checks/sql/claims_for_comparison.sql)
    block: np.ndarray        # int64 block id, -1: not comparable
    block_names: list[str]
    frames: FrameTable
    lo: np.ndarray
    hi: np.ndarray
    nominal: np.ndarray
    cmp_lo: np.ndarray       # the interval the conflict test reads: an at_least / at_most bound rounded
    cmp_hi: np.ndarray       # like the written figure it is (claim_intervals.sql's bound_slack)
    source: np.ndarray       # int64 ids
    publisher: np.ndarray    # int64 ids, -1 unknown
    at_least: np.ndarray     # bool: qualifier at_least
    exact: np.ndarray        # bool: qualifier exact

    @classmethod
    def from_arrow(cls, table: pa.Table, lexicon: Lexicon, settings: Settings, eps: float) -> ClaimColumns:
        col = table.column
        block = pc.dictionary_encode(col("block")).combine_chunks()
        block_names = block.dictionary.to_pylist()
        block_ids = pc.fill_null(block.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)
        lo = pc.fill_null(col("lo1"), np.nan).to_numpy().astype(np.float64)
        hi = pc.fill_null(col("hi1"), np.nan).to_numpy().astype(np.float64)
        lo = lo - eps * np.abs(lo)
        hi = hi + eps * np.abs(hi)
        slack = pc.fill_null(col("bound_slack"), 0.0).to_numpy().astype(np.float64)
        at_least = _flags(col("qualifier"), frozenset({"at_least"}))
        at_most = _flags(col("qualifier"), frozenset({"at_most"}))
        frames = frame_table(table, lexicon, settings)
        frames.lo, frames.hi = lo, hi  # agreeing figures help grow facts (checks/fact_graph.py)
        return cls(table=table, block=block_ids, block_names=block_names, frames=frames, lo=lo, hi=hi,
                   cmp_lo=np.where(at_least, lo - slack, lo), cmp_hi=np.where(at_most, hi + slack, hi),
                   nominal=pc.fill_null(col("nominal"), np.nan).to_numpy().astype(np.float64),
                   source=_codes(col("source_id")), publisher=_codes(col("publisher")),
                   at_least=at_least,
                   exact=_flags(col("qualifier"), frozenset({"exact"})))

    def frame(self, row: int) -> Frame:
        """The Frame object of one row (for reasons and labels)."""
        values = {name: self.table.column(name)[row].as_py() for name in FRAME_FIELDS}
        frame = frame_from_row(self.table.column("mention_id")[row].as_py(), values)
        assert frame is not None, "only rows with a frame are compared"
        return frame


def frame_table(table: pa.Table, lexicon: Lexicon, settings: Settings) -> FrameTable:
    """The FrameTable of the fetched rows, without a Python object per row."""
    col = table.column
    n = table.num_rows
    day = pc.cast(col("day"), pa.int32())
    day_np = pc.fill_null(day, -1).to_numpy(zero_copy_only=False).astype(np.int32)
    years = pc.fill_null(pc.year(col("day")), 0).to_numpy(zero_copy_only=False).astype(np.int16)
    # kinds of incident: a handful of distinct lists; their spans and family masks are computed once each
    inc_text = pc.fill_null(pc.binary_join(col("incidents"), "+"), "")
    inc = pc.dictionary_encode(inc_text).combine_chunks()
    combos = inc.dictionary.to_pylist()
    fam_bits: dict[str, int] = {}
    combo_days = np.zeros(len(combos), dtype=np.int16)
    combo_fams = np.zeros(len(combos), dtype=np.int64)
    for k, text in enumerate(combos):
        kinds = [x for x in text.split("+") if x]
        combo_days[k] = max((lexicon.terms.incident_days.get(x, 1) for x in kinds), default=0)
        mask = 0
        for x in kinds:
            for fam in lexicon.terms.incident_family.get(x, frozenset([x])):
                mask |= 1 << fam_bits.setdefault(fam, len(fam_bits))
        combo_fams[k] = mask
    inc_idx = inc.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    kind_names = [k for k in PLACE_KIND if k]
    kind_idx = pc.fill_null(pc.index_in(col("place_kind"), value_set=pa.array(kind_names)), -1)
    kind = np.asarray([PLACE_KIND[None]] + [PLACE_KIND[k] for k in kind_names], dtype=np.int8)[
        kind_idx.to_numpy(zero_copy_only=False).astype(np.int64) + 1]
    region_text = pc.if_else(pc.is_null(col("place_kind")), pa.scalar(None, pa.string()),
                             pc.binary_join_element_wise(pc.fill_null(col("place_cc"), ""),
                                                         pc.fill_null(col("place_admin1"), ""), "|"))
    # spots and place names share one id space: "tokhar" named as a spot equals "Tokhar" as a place
    both = pa.chunked_array(table.column("spot_key").chunks + table.column("place_key").chunks, pa.string())
    casualty = _flags(col("action"), CASUALTY)
    action_days = np.where(casualty, settings.days["casualty"], settings.days["other"])
    gid = pc.fill_null(col("place_gid"), -1).to_numpy(zero_copy_only=False).astype(np.int64)
    lat, lon, population = town_columns(gid)
    jobs = {
        "explicit": lambda: _flags(col("day_source"), EXPLICIT),
        "cumulative": lambda: _flags(col("scope"), frozenset({"cumulative"})),
        "additional": lambda: _flags(col("part"), frozenset({"additional"})),
        "subgroup": lambda: _flags(col("part"), frozenset({"subgroup"})),
        # a group as written ("civilians" before it is read as "people"); a thing by its key, not its noun
        "fine_group": lambda: _codes(pc.if_else(pc.is_null(_blank_null(col("grp"))),
                                                _blank_null(col("thing")),
                                                pc.coalesce(_blank_null(col("fine_group")), col("grp")))),
        "people": lambda: _flags(col("grp"), PEOPLE),
        "temperature": lambda: _flags(col("measure"), frozenset({TEMPERATURE})),
        "cc": lambda: _codes(col("place_cc")),
        "region": lambda: _codes(region_text),
        "strong": lambda: _flags(col("place_source"), STRONG_PLACE),
        "nationwide": lambda: _flags(col("place_source"), frozenset({"nationwide"})),
        "own_place": lambda: _flags(col("place_source"), frozenset({"clause"})),
        "both_ids": lambda: _codes(both),
        "entity": lambda: _codes(col("entity")),
        "per_org": lambda: np.where(_flags(col("measure"), frozenset({"count"})),
                                    _flags(col("grp"), lexicon.terms.per_org_groups),
                                    _flags(col("action"), lexicon.terms.per_org_actions)),
        "what": lambda: _codes(pc.if_else(pc.equal(col("measure"), "count"), pa.scalar(None, pa.string()),
                                          _what(col))),
        "wording": lambda: _codes(col("wording")),
        "document": lambda: _codes(col("document_id")),
    }
    done = {k: _narrow(v) for k, v in _run(jobs).items()}
    both_ids = done.pop("both_ids")
    return FrameTable(
        day=day_np,
        incident_days=combo_days[inc_idx],
        action_days=action_days.astype(np.int16),
        casualty=casualty,
        families=combo_fams[inc_idx],
        kind=kind,
        gid=_narrow(gid),
        lat=lat,
        lon=lon,
        population=_narrow(population),
        spot=both_ids[:n],
        place_sk=both_ids[n:],
        year=pc.fill_null(col("year"), 0).to_numpy(zero_copy_only=False).astype(np.int16),
        day_year=years,
        words=pc.fill_null(col("words_mask"), 0).to_numpy(zero_copy_only=False).astype(np.uint64),
        lo=np.full(n, np.nan),
        hi=np.full(n, np.nan),
        since=pc.fill_null(pc.cast(col("since"), pa.int32()), -1).to_numpy(zero_copy_only=False)
        .astype(np.int32),
        **done,
    )


def _narrow(values: np.ndarray) -> np.ndarray:
    """An int64 column as int32 when every value fits (ids, GeoNames ids, populations): the blocks gather
    these columns for millions of pairs, and half the bytes makes scoring and growing facts about a sixth
    cheaper; comparisons and equality give the same answers on either type."""
    if values.dtype != np.int64 or not len(values):
        return values
    info = np.iinfo(np.int32)
    if int(values.min()) < info.min or int(values.max()) > info.max:
        return values
    return values.astype(np.int32)


def _run(jobs: dict) -> dict:
    """Each job's result, the jobs spread over two threads: Arrow's kernels and numpy's conversions release
    the GIL, so the dozen dictionary encodings of a large refresh overlap (the pool is gone before the
    blocks' processes are forked)."""
    if len(jobs) < 2:
        return {k: f() for k, f in jobs.items()}
    with ThreadPoolExecutor(THREADS) as pool:
        return dict(zip(jobs, pool.map(lambda f: f(), jobs.values()), strict=True))


def frame_from_row(mention_id: str, row: dict) -> Frame | None:
    """A Frame from a claim_frames row given as a dict (None when the claim has no frame)."""
    if row.get("measure") is None:
        return None
    return Frame(
        mention_id=mention_id, measure=row["measure"], group=row["grp"], fine_group=row["fine_group"],
        thing=row["thing"], action=row["action"], topic=row["topic"], part=row["part"], scope=row["scope"],
        incidents=tuple(row["incidents"] or ()), place=row["place"], place_kind=row["place_kind"],
        place_cc=row["place_cc"], place_admin1=row["place_admin1"], place_gid=row["place_gid"],
        place_source=row["place_source"], spot=row["spot"], day=row["day"], day_source=row["day_source"],
        words=tuple(row["words"] or ()), wording=row["wording"] or "", entity=row["entity"], year=row["year"],
        since=row.get("since"))
