"""The same-fact score of checks/identity.py, computed on arrays for millions of candidate pairs.

:func:`checks.identity.score` is the definition, written for one pair and with its reasons; a refresh over a
million claims cannot call it tens of millions of times. Here every claim's frame becomes a row of integer
and bit-mask columns (:class:`FrameTable`) and :func:`pair_scores` applies the same rules to index arrays of
pairs at once. tests/test_checks_identity.py (test_scores_on_arrays_equal_the_one_pair_definition) checks that
both give the same number on every rule.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from quantcheck.checks import gazetteer
from quantcheck.checks.frames import CASUALTY, PEOPLE, Frame
from quantcheck.checks.gazetteer import skeleton
from quantcheck.checks.identity import EXPLICIT, STRONG_PLACE, VETO, Settings, what_measured, word_mask
from quantcheck.checks.lexicon import Lexicon

PLACE_KIND = {None: 0, "country": 1, "region": 2, "town": 3, "unknown": 4}


class _Ids:
    """Small integer ids for strings (-1 for None)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def __call__(self, value: str | None) -> int:
        if value is None or value == "":
            return -1
        return self.ids.setdefault(value, len(self.ids))


TEMPERATURE = "[temperature]"  # the measure of a temperature (checks/frames.py Frame.measure)


@dataclass
class FrameTable:
    """One row per claim: the parts of its frame that the score reads, as numpy columns."""

    day: np.ndarray  # int32 day ordinal, -1 when undated
    explicit: np.ndarray  # bool: the day comes from the claim's words
    cumulative: np.ndarray  # bool
    additional: np.ndarray  # bool: the figure adds to another toll ("another six")
    subgroup: np.ndarray  # bool: a part of a figure of its article ("58 killed, including 11 children")
    fine_group: np.ndarray  # int32 id of the group as written ("civilians" before it is read as "people")
    incident_days: np.ndarray  # int16: the longest span of its kinds of incident, 0 without any
    action_days: np.ndarray  # int16: the span without a kind of incident (casualty / other)
    casualty: np.ndarray  # bool: a toll (killed, injured ...)
    people: np.ndarray  # bool: a count of people (frames.PEOPLE)
    temperature: np.ndarray  # bool: a temperature, compared by difference (an interval scale), never by ratio
    families: np.ndarray  # int64 bit mask of incident families
    kind: np.ndarray  # int8 PLACE_KIND
    cc: np.ndarray  # int32 id
    region: np.ndarray  # int32 id of (cc, admin1)
    gid: np.ndarray  # int64, -1
    lat: np.ndarray  # float64 degrees of the town (0 without one)
    lon: np.ndarray  # float64
    population: np.ndarray  # int64 inhabitants of the town (0 without one)
    strong: np.ndarray  # bool: the place comes from the clause or the text before it
    nationwide: np.ndarray  # bool: the figure covers its whole country ("nationwide", "dans toute la France")
    own_place: np.ndarray  # bool: the place is named in the claim's own clause
    spot: np.ndarray  # int32 id of the spot's skeleton, -1
    place_sk: np.ndarray  # int32 id of the place name's skeleton (same id space as spot), -1
    entity: np.ndarray  # int32 id, -1
    per_org: np.ndarray  # bool: a figure each organisation has its own of (terms.toml [per_organisation])
    what: np.ndarray  # int32 id of what a measure is about (identity.what_measured), -1 for counts
    year: np.ndarray  # int16, 0 when none
    day_year: np.ndarray  # int16 year of the claim's day, 0 when undated
    words: np.ndarray  # uint64 word mask
    wording: np.ndarray  # int64 id of the wording, -1 when empty
    document: np.ndarray  # int32 id
    since: np.ndarray  # int32 a running total's first day (same epoch as ``day``), -1 when unknown
    lo: np.ndarray  # float64 the claim's interval in base units (NaN: unknown); read when facts are grown
    hi: np.ndarray

    @classmethod
    def build(cls, frames: Sequence[Frame], documents: Sequence[str], lexicon: Lexicon, settings: Settings,
              intervals: Sequence[tuple[float, float]] | None = None) -> FrameTable:
        n = len(frames)
        names, regions, skel, ents, words_ids, docs = _Ids(), _Ids(), _Ids(), _Ids(), _Ids(), _Ids()
        whats, fines = _Ids(), _Ids()
        fam_bits: dict[str, int] = {}
        cols = {k: [0] * n for k in cls.__dataclass_fields__}
        casualty, other = settings.days["casualty"], settings.days["other"]
        days, terms = lexicon.terms.incident_days, lexicon.terms.incident_family
        for i, f in enumerate(frames):
            cols["day"][i] = f.day.toordinal() if f.day else -1
            cols["since"][i] = f.since.toordinal() if f.since else -1
            cols["explicit"][i] = f.day_source in EXPLICIT
            cols["cumulative"][i] = f.scope == "cumulative"
            cols["additional"][i] = f.part == "additional"
            cols["subgroup"][i] = f.part == "subgroup"
            # a group as written ("civilians"), a thing by its key ("trktr"), not its noun
            cols["fine_group"][i] = fines((f.fine_group or f.group) if f.group else f.thing)
            cols["incident_days"][i] = max((days.get(k, 1) for k in f.incidents), default=0)
            cols["action_days"][i] = casualty if f.action in CASUALTY else other
            cols["casualty"][i] = f.action in CASUALTY
            cols["people"][i] = f.group in PEOPLE
            cols["temperature"][i] = f.measure == TEMPERATURE
            mask = 0
            for k in f.incidents:
                for fam in terms.get(k, frozenset([k])):
                    mask |= 1 << fam_bits.setdefault(fam, len(fam_bits))
            cols["families"][i] = mask
            cols["kind"][i] = PLACE_KIND.get(f.place_kind, 0)
            cols["cc"][i] = names(f.place_cc)
            cols["region"][i] = regions(f"{f.place_cc}|{f.place_admin1}" if f.place_kind else None)
            cols["gid"][i] = f.place_gid if f.place_gid is not None else -1
            cols["strong"][i] = f.place_source in STRONG_PLACE
            cols["nationwide"][i] = f.place_source == "nationwide"
            cols["own_place"][i] = f.place_source == "clause"
            cols["spot"][i] = skel(skeleton(f.spot)) if f.spot else -1
            cols["place_sk"][i] = skel(skeleton(f.place or ""))
            cols["entity"][i] = ents(f.entity)
            cols["per_org"][i] = lexicon.terms.per_organisation(f.measure, f.group, f.action)
            cols["what"][i] = whats(what_measured(f)) if f.measure != "count" else -1
            cols["year"][i] = f.year or 0
            cols["day_year"][i] = f.day.year if f.day else 0
            cols["words"][i] = word_mask(f.words) if f.words else 0
            cols["wording"][i] = words_ids(f.wording)
            cols["document"][i] = docs(documents[i])
        if len(fam_bits) > 63:
            raise ValueError("more than 63 incident families do not fit the bit mask")
        cols["lat"], cols["lon"], cols["population"] = town_columns(np.asarray(cols["gid"], dtype=np.int64))
        bounds = np.asarray(intervals if intervals is not None else [(np.nan, np.nan)] * n, dtype=np.float64)
        cols["lo"], cols["hi"] = bounds.reshape(n, 2)[:, 0], bounds.reshape(n, 2)[:, 1]
        dtypes = {"day": np.int32, "explicit": np.bool_, "cumulative": np.bool_, "additional": np.bool_,
                  "subgroup": np.bool_, "fine_group": np.int32, "incident_days": np.int16,
                  "action_days": np.int16,
                  "casualty": np.bool_, "people": np.bool_, "temperature": np.bool_, "families": np.int64,
                  "kind": np.int8,
                  "cc": np.int32,
                  "region": np.int32, "gid": np.int64, "lat": np.float64, "lon": np.float64,
                  "population": np.int64, "strong": np.bool_, "nationwide": np.bool_, "own_place": np.bool_,
                  "spot": np.int32,
                  "place_sk": np.int32, "entity": np.int32, "per_org": np.bool_, "what": np.int32,
                  "year": np.int16,
                  "day_year": np.int16, "words": np.uint64, "wording": np.int64, "document": np.int32,
                  "lo": np.float64, "hi": np.float64,
                  "since": np.int32}
        return cls(**{k: np.asarray(v, dtype=dtypes[k]) for k, v in cols.items()})


def periods(both_running: np.ndarray, day_a: np.ndarray, day_b: np.ndarray, since_a: np.ndarray,
            since_b: np.ndarray, settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of two running totals whose periods start on days further apart than the slack allows
    (identity.toml ``period_slack`` days or ``period_share`` of the longer period): "in the past two weeks" /
    "since April" are two totals; "since 2011" / "since March 2011" five years on are one — and the pairs
    whose periods are known and agree (``same_period``)."""
    different = np.zeros(len(both_running), dtype=bool)
    same = np.zeros(len(both_running), dtype=bool)
    at = np.flatnonzero(both_running)     # computed only for the few pairs of two running totals
    day_a, day_b, since_a, since_b = day_a[at], day_b[at], since_a[at], since_b[at]
    known = (since_a >= 0) & (since_b >= 0) & (day_a >= 0) & (day_b >= 0)
    longest = np.maximum(day_a - since_a, day_b - since_b)
    slack = np.maximum(settings.days["period_slack"], settings.thresholds["period_share"] * longest)
    apart = np.abs(since_a.astype(np.int64) - since_b) > slack
    different[at] = known & apart
    same[at] = known & ~apart
    return different, same


def town_columns(gid: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Latitude, longitude and population of each row's town (GeoNames id; 0 where there is none)."""
    gids, lat, lon, pop = town_arrays()
    if not len(gids):
        return np.zeros(len(gid)), np.zeros(len(gid)), np.zeros(len(gid), dtype=np.int64)
    ids, inverse = np.unique(gid, return_inverse=True)
    at = np.minimum(np.searchsorted(gids, ids), len(gids) - 1)
    found = gids[at] == ids
    return (np.where(found, lat[at], 0.0)[inverse], np.where(found, lon[at], 0.0)[inverse],
            np.where(found, pop[at], 0)[inverse])


@lru_cache(maxsize=1)
def town_arrays() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every town's GeoNames id (ascending), latitude, longitude and population as arrays, from a cache file
    beside the gazetteer's (same versions), else from the gazetteer and cached: a refresh needs only these
    columns, and unpickling the whole gazetteer (names, skeletons: 2.5 s) cost more than scoring a block."""
    path = gazetteer.cache_dir() / f"towns-{gazetteer._versions()}.npz"
    try:
        with np.load(path) as data:
            out = tuple(np.asarray(data[k]) for k in ("gid", "lat", "lon", "population"))
        if len({len(a) for a in out}) == 1 and out[0].dtype == np.int64:
            return out
    except (OSError, ValueError, KeyError, EOFError):
        pass
    towns = sorted(gazetteer.load().towns.values(), key=lambda t: t.gid)
    out = (np.asarray([t.gid for t in towns], dtype=np.int64),
           np.asarray([t.lat for t in towns], dtype=np.float64),
           np.asarray([t.lon for t in towns], dtype=np.float64),
           np.asarray([t.population for t in towns], dtype=np.int64))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".towns-", suffix=".npz")
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, gid=out[0], lat=out[1], lon=out[2], population=out[3])
        os.replace(tmp, path)
    except OSError:
        pass
    return out


def distance_km(lat_a: np.ndarray, lon_a: np.ndarray, lat_b: np.ndarray, lon_b: np.ndarray) -> np.ndarray:
    """checks.gazetteer.distance_km on arrays."""
    la1, la2 = np.radians(lat_a), np.radians(lat_b)
    h = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin(np.radians(lon_b - lon_a) / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(np.minimum(1.0, h)))


def _add(out: np.ndarray, value: np.ndarray | float, where: np.ndarray) -> None:
    """``out += value`` where ``where`` holds (one pass, nothing allocated): the same sums as adding
    ``np.where(where, value, 0.0)``."""
    np.add(out, value, out=out, where=where)


# bits of _flags: the per-claim booleans the score reads, gathered once per side of a pair, not one by one
# (FIRST_LEVEL: a first-level region named by its own name, places.first_level)
STRONG, NATIONWIDE, OWN_PLACE, STRONG_ONLY, EXPLICIT_DAY, CUMULATIVE, TOLL, FIRST_LEVEL = (
    1 << k for k in range(8))


def _flags(t: FrameTable, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each side's booleans as the bits of one byte (computed once per claim of ``t``, then gathered)."""
    bits = (t.strong.astype(np.uint8) * STRONG | t.nationwide.astype(np.uint8) * NATIONWIDE
            | t.own_place.astype(np.uint8) * OWN_PLACE
            | (t.strong & ~t.own_place & ~t.nationwide).astype(np.uint8) * STRONG_ONLY
            | t.explicit.astype(np.uint8) * EXPLICIT_DAY | t.cumulative.astype(np.uint8) * CUMULATIVE
            | (t.casualty | t.people).astype(np.uint8) * TOLL
            | ((t.kind == PLACE_KIND["region"]) & (t.gid < 0)).astype(np.uint8) * FIRST_LEVEL)
    return bits[i], bits[j]


def pair_scores(t: FrameTable, i: np.ndarray, j: np.ndarray, settings: Settings) -> np.ndarray:
    """checks.identity.score(frame i, frame j) for every pair (i[k], j[k]); VETO is -inf."""
    w = settings.weights
    fi, fj = _flags(t, i, j)
    out = np.full(len(i), w["same_block"], dtype=np.float64)
    veto = np.zeros(len(i), dtype=np.bool_)

    # -- where: a spot named in both clauses, then the places
    spot_a, spot_b = t.spot[i], t.spot[j]
    both_spots = (spot_a >= 0) & (spot_b >= 0)
    same_spot = both_spots & (spot_a == spot_b)
    other_spot = both_spots & ~same_spot & (spot_a != t.place_sk[j]) & (spot_b != t.place_sk[i])
    _add(out, w["same_spot"], same_spot)
    _add(out, w["other_spot"], other_spot)
    ka, kb = t.kind[i], t.kind[j]
    placed = (ka > 0) & (kb > 0)
    strong = (fi & fj & STRONG) != 0
    wide_a, wide_b = (fi & NATIONWIDE) != 0, (fj & NATIONWIDE) != 0
    one_wide = placed & (wide_a != wide_b) & np.where(wide_a, kb != 1, ka != 1)
    veto |= one_wide & np.where(wide_a, (fj & OWN_PLACE) != 0, (fi & OWN_PLACE) != 0)
    context = np.where(wide_a, (fj & STRONG_ONLY) != 0, (fi & STRONG_ONLY) != 0)
    _add(out, w["other_place_weak"], one_wide & context)
    country = placed & ((ka == 1) | (kb == 1))
    same_cc = t.cc[i] == t.cc[j]
    veto |= country & ~same_cc & strong
    _add(out, w["other_place_weak"], country & ~same_cc & ~strong)
    towns = placed & ~country
    same_gid = towns & (t.gid[i] >= 0) & (t.gid[i] == t.gid[j])
    _add(out, np.where(strong, w["same_place"], w["same_place_weak"]), same_gid)
    rest = towns & ~same_gid
    # a city and a town of its suburbs (identity.suburb): one region
    th = settings.thresholds
    near = rest & (ka == PLACE_KIND["town"]) & (kb == PLACE_KIND["town"]) & (t.gid[i] >= 0) & (t.gid[j] >= 0)
    near &= np.maximum(t.population[i], t.population[j]) >= th["city_population"]
    at = np.flatnonzero(near)     # the distance only for the few pairs of a city and another town
    near[at] = distance_km(t.lat[i[at]], t.lon[i[at]], t.lat[j[at]], t.lon[j[at]]) <= th["suburb_km"]
    _add(out, w["same_region"], near)
    rest &= ~near
    # a first-level region named by its own name (places.first_level: no town, so no GeoNames region code)
    # and a place of its country: one region
    inside = rest & (((fi ^ fj) & FIRST_LEVEL) != 0) & (t.cc[i] == t.cc[j])
    _add(out, w["same_region"], inside)
    rest &= ~inside
    other_region = rest & (t.region[i] != t.region[j])
    # two places carried from the text before are an article's other places as often as the story's own
    apart = strong & (((fi | fj) & OWN_PLACE) != 0)
    veto |= other_region & apart
    _add(out, w["other_place_weak"], other_region & ~apart)
    same_region = rest & ~other_region
    region = same_region & ((ka == 2) | (kb == 2))
    _add(out, w["same_region"], region)
    towns_apart = same_region & ~region
    # two towns each named in its claim's own clause are two places; a town carried from an earlier sentence
    # may be the province of the same name ("in der Provinz Castellón ... 4.000 Hektar" / "Montán")
    own = (fi & fj & OWN_PLACE) != 0
    veto |= towns_apart & own & ~same_spot
    _add(out, w["other_town_same_region"], towns_apart & ~(own & ~same_spot))

    # -- which year
    ya, yb = t.year[i], t.year[j]
    veto |= (ya > 0) & (yb > 0) & (ya != yb)
    one_year = (ya > 0) != (yb > 0)
    dated_year = np.where(ya > 0, ya, yb)
    dated_day_year = np.where(ya > 0, t.day_year[i], t.day_year[j])
    _add(out, w["other_year"], one_year & (dated_day_year > 0) & (dated_year < dated_day_year))

    # -- which day
    da, db = t.day[i], t.day[j]
    dated = (da >= 0) & (db >= 0)
    gap = np.abs(da - db)
    incident = np.maximum(t.incident_days[i], t.incident_days[j])
    window = np.where((fi & CUMULATIVE) != 0, settings.days["cumulative"],
                      np.where(incident > 0, incident, t.action_days[i]))
    explicit = (fi & fj & EXPLICIT_DAY) != 0
    same_day = dated & (gap == 0)
    _add(out, np.where(explicit, w["same_day_explicit"], w["same_day"]), same_day)
    apart = dated & (gap > 0)
    veto |= apart & explicit & (window <= 1)
    next_day = apart & ~(explicit & (window <= 1)) & (gap == 1)
    _add(out, w["next_day"], next_day)
    loose = ~(explicit & (window <= 1))
    veto |= apart & loose & (gap > 1) & (gap > np.maximum(window, np.where(explicit, 1, 2)))

    other_period, same_period = periods((fi & fj & CUMULATIVE) != 0, da, db, t.since[i], t.since[j], settings)
    veto |= other_period
    _add(out, w["same_period"], same_period)

    # -- kinds of incident, words, organisations, wording
    fa, fb = t.families[i], t.families[j]
    both_kinds = (fa != 0) & (fb != 0)
    _add(out, np.where((fa & fb) != 0, w["same_incident"], w["other_incident"]), both_kinds)
    wa, wb = t.words[i], t.words[j]
    union = np.bitwise_count(wa | wb)
    inter = np.bitwise_count(wa & wb)
    has_words = (wa != 0) & (wb != 0)
    _add(out, w["shared_words"] * inter / np.maximum(union, 1), has_words)
    # an organisation next to a toll or a count of people is who did it or who counted it ("ISIS", "SOHR",
    # "the CGT"): the same one in both
    # is shared context, a different or a missing one says nothing
    toll = ((fi | fj) & TOLL) != 0
    ea, eb = t.entity[i], t.entity[j]
    _add(out, w["one_entity"], ((ea >= 0) != (eb >= 0)) & ~toll)
    both_entities = (ea >= 0) & (eb >= 0)
    veto |= both_entities & (ea != eb) & ~toll
    _add(out, w["same_entity"], both_entities & (ea == eb))
    ma, mb = t.what[i], t.what[j]
    named = (ma >= 0) & (mb >= 0)
    _add(out, np.where(ma == mb, w["same_topic"], w["other_topic"]), named)
    _add(out, w["one_topic"], (ma >= 0) != (mb >= 0))
    _add(out, w["same_wording"], (t.wording[i] >= 0) & (t.wording[i] == t.wording[j]))
    out[veto] = VETO
    return out
