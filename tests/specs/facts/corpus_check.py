"""Shared self-check of the hand-written facts corpora under tests/specs/facts (stdlib only).

Why it exists: every corpus folder (dev, dev2, dev3, dev4, heldout) used to carry its own validate.py. Four
were near copies of one another (only the split name differed) and heldout's was a stricter variant by
another author that also counted the disagreeing statement pairs; a fix made in one copy did not reach the
others. This module holds the union of those checks once; each folder's validate.py is now a thin script
that calls ``check(HERE, "<split>")``, so ``python3 <folder>/validate.py`` still works from any directory.

Checks:
- every JSON line parses (articles/*.jsonl, gold.jsonl, scope.json);
- articles: non-empty string url/title/text/lang/published_at, published_at ISO-parseable, lang in
  fr/en/es/de, urls unique, one language per outlet file (the outlet is the file name);
- scope: every cluster has the expected split, lists known urls only, no url in two clusters (a parameter:
  dev's clusters share some articles), every article is in a cluster, each cluster has >= 4 outlets and
  >= 3 languages;
- gold: fact ids unique and prefixed by their cluster ("k01-f3"), the fact's cluster exists, every
  statement's article is known and listed in that cluster, the statement's outlet is its article's file,
  the anchor (15-60 characters) occurs exactly once in the article text and contains the surface, the
  qualifier is valid (range: value null, low and high given; otherwise a numeric value), the unit is a
  string from UNITS, and every fact is stated by at least two outlets.

Prints the articles per language, the counts and the disagreeing statement pairs as ../shared/eval/
conflictscore.py counts them (same interval rules; UNITS mirrors its pint conversion for the units the
corpora use), then the problems, and returns the exit status (0 when there is none).
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

FIELDS = ("url", "title", "text", "lang", "published_at")
LANGS = ("fr", "en", "es", "de")
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")
MIN_OUTLETS, MIN_LANGS = 4, 3  # per scope cluster
ANCHOR_MIN, ANCHOR_MAX = 15, 60
INF = math.inf
CONVERSION_SLACK = 0.05  # a figure given in another unit is often a rounded conversion ("60 km (35 miles)")

# unit -> (factor, offset, dimension): base value = (value + offset) * factor, as pint's to_base_units() gives
# it in conflictscore.py; None for a unit pint cannot read there (its statements are never compared).
# A unit missing from this table is reported as a problem: add it here, with pint's conversion.
UNITS: dict[str, tuple[float, float, str] | None] = {
    "": (1, 0, "count"),
    "percent": (0.01, 0, "count"),
    "basis_point": (0.0001, 0, "count"),
    "m": (1, 0, "length"),
    "mm": (0.001, 0, "length"),
    "km": (1000, 0, "length"),
    "inch": (0.0254, 0, "length"),
    "foot": (0.3048, 0, "length"),
    "mile": (1609.344, 0, "length"),
    "nautical_mile": (1852, 0, "length"),
    "liter/meter**2": (0.001, 0, "length"),  # rainfall: 1 l/m2 = 1 mm
    "hectare": (10000, 0, "area"),
    "acre": (4046.8726098742513, 0, "area"),  # pint's acre (US survey)
    "meter**2": (1, 0, "area"),
    "tonne": (1000, 0, "mass"),  # pint's base unit of mass is the kilogram
    "meter**3": (1, 0, "volume"),
    "foot**3": (0.028316846592, 0, "volume"),
    "km/h": (1 / 3.6, 0, "speed"),
    "mph": (0.44704, 0, "speed"),
    "mile/hour": (0.44704, 0, "speed"),
    "degC": (1, 273.15, "temperature"),
    "celsius": (1, 273.15, "temperature"),
    "degF": (5 / 9, 459.67, "temperature"),
    "fahrenheit": (5 / 9, 459.67, "temperature"),
    "hour": (3600, 0, "time"),
    "day": (86400, 0, "time"),
    "month": (2629800, 0, "time"),
    "year": (31557600, 0, "time"),
    "EUR": (1, 0, "EUR"),
    "USD": (1, 0, "USD"),
    "GBP": (1, 0, "GBP"),
    "CHF": (1, 0, "CHF"),
    # not in conflictscore's pint registry: never compared
    "ALL": None,
    "TEU": None,
    "magnitude": None,
    "percentage_point": None,
    "ratio": None,
}

Problems = list[str]
Article = dict[str, Any]


def _jsonl(path: Path, problems: Problems) -> list[tuple[int, Any]]:
    """(line number, object) for every non-blank line that parses; the others become problems."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append((n, json.loads(line)))
        except json.JSONDecodeError as e:
            problems.append(f"{path.name}:{n}: invalid JSON ({e})")
    return rows


def _check_article(where: str, a: dict, problems: Problems) -> None:
    for k in FIELDS:
        if not isinstance(a.get(k), str) or not a.get(k):
            problems.append(f"{where}: missing {k}")
    if isinstance(a.get("published_at"), str):
        try:
            datetime.fromisoformat(a["published_at"])
        except ValueError:
            problems.append(f"{where}: bad published_at {a['published_at']!r}")
    if a.get("lang") not in LANGS:
        problems.append(f"{where}: unexpected lang {a.get('lang')!r}")


def load_articles(folder: Path, problems: Problems) -> dict[str, Article]:
    """url -> article, with "outlet" set to its file name; one language per outlet file."""
    articles: dict[str, Article] = {}
    for path in sorted((folder / "articles").glob("*.jsonl")):
        for n, a in _jsonl(path, problems):
            where = f"{path.name}:{n}"
            if not isinstance(a, dict):
                problems.append(f"{where}: not a JSON object")
                continue
            _check_article(where, a, problems)
            url = a.get("url")
            if not isinstance(url, str):
                continue
            if url in articles:
                problems.append(f"{where}: duplicate url {url}")
            articles[url] = dict(a, outlet=path.stem)
    by_outlet = defaultdict(set)
    for a in articles.values():
        by_outlet[a["outlet"]].add(a.get("lang"))
    for outlet, langs in sorted(by_outlet.items()):
        if len(langs) != 1:
            problems.append(f"outlet {outlet} writes in several languages: {sorted(map(str, langs))}")
    return articles


def check_scope(
    folder: Path, split: str, articles: dict[str, Article], problems: Problems, url_in_one_cluster: bool
) -> dict[str, set[str]]:
    """cluster id -> its urls, after checking scope.json against the articles."""
    try:
        scope = json.loads((folder / "scope.json").read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        problems.append(f"scope.json: invalid JSON ({e})")
        return {}
    clusters = scope.get("clusters") if isinstance(scope, dict) else None
    if not isinstance(clusters, dict):
        problems.append('scope.json: no "clusters" object')
        return {}
    cluster_urls: dict[str, set[str]] = {}
    seen: dict[str, str] = {}
    for cid, info in clusters.items():
        urls = (info.get("urls") or []) if isinstance(info, dict) else []
        if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
            problems.append(f"scope {cid}: urls must be a list of strings")
            urls = [u for u in urls if isinstance(u, str)] if isinstance(urls, list) else []
        cluster_urls[cid] = set(urls)
        if not isinstance(info, dict) or info.get("split") != split:
            got = info.get("split") if isinstance(info, dict) else None
            problems.append(f"scope {cid}: split is {got!r}, expected {split!r}")
        for u in urls:
            if u not in articles:
                problems.append(f"scope {cid}: unknown url {u}")
            if url_in_one_cluster and u in seen:
                problems.append(f"scope {cid}: {u} is also in cluster {seen[u]}")
            seen.setdefault(u, cid)
        outlets = {articles[u]["outlet"] for u in urls if u in articles}
        langs = {articles[u].get("lang") for u in urls if u in articles}
        if len(outlets) < MIN_OUTLETS or len(langs) < MIN_LANGS:
            problems.append(f"scope {cid}: only {len(outlets)} outlets / {len(langs)} languages")
    for u in articles:
        if u not in seen:
            problems.append(f"article not in any cluster: {u}")
    return cluster_urls


def _check_values(where: str, st: dict, problems: Problems) -> None:
    q = st.get("qualifier")
    if q not in QUALIFIERS:
        problems.append(f"{where}: bad qualifier {q!r}")
    if q == "range":
        if st.get("value") is not None or st.get("low") is None or st.get("high") is None:
            problems.append(f"{where}: range needs value null and low/high")
    elif not _is_number(st.get("value")):
        problems.append(f"{where}: value missing")
    unit = st.get("unit")
    if not isinstance(unit, str):
        problems.append(f"{where}: unit must be a string")
    elif unit not in UNITS:
        problems.append(f"{where}: unit {unit!r} not in the unit table (corpus_check.UNITS)")


def _check_statement(
    where: str,
    st: dict,
    cluster: Any,
    articles: dict[str, Article],
    cluster_urls: dict[str, set[str]],
    problems: Problems,
) -> str | None:
    """Problems of one statement; its article's outlet, or None when its url is unknown."""
    url = st.get("url")
    a = articles.get(url) if isinstance(url, str) else None
    if a is None:
        problems.append(f"{where}: unknown url {st.get('url')}")
        return None
    if st.get("outlet") != a["outlet"]:
        problems.append(f"{where}: outlet does not match the article's file ({a['outlet']})")
    if url not in (cluster_urls.get(cluster, ()) if isinstance(cluster, str) else ()):
        problems.append(f"{where}: article not listed in cluster {cluster}")
    anchor, surface = st.get("anchor") or "", st.get("surface") or ""
    if not ANCHOR_MIN <= len(anchor) <= ANCHOR_MAX:
        problems.append(f"{where}: anchor length {len(anchor)} outside {ANCHOR_MIN}-{ANCHOR_MAX}")
    count = (a.get("text") or "").count(anchor) if anchor else 0
    if count != 1:
        problems.append(f"{where}: anchor {anchor!r} found {count} times")
    if surface not in anchor:
        problems.append(f"{where}: surface not inside anchor {anchor!r}")
    _check_values(where, st, problems)
    return a["outlet"]


def check_gold(
    folder: Path, articles: dict[str, Article], cluster_urls: dict[str, set[str]], problems: Problems
) -> list[dict]:
    """The gold facts (those that parse), after checking them against the articles and the scope."""
    facts, ids = [], set()
    for n, f in _jsonl(folder / "gold.jsonl", problems):
        if not isinstance(f, dict):
            problems.append(f"gold.jsonl:{n}: not a JSON object")
            continue
        facts.append(f)
        fid, cluster = f.get("fact_id"), f.get("cluster")
        if isinstance(fid, str) and fid in ids:
            problems.append(f"{fid}: duplicate fact_id")
        if isinstance(fid, str):
            ids.add(fid)
        if not isinstance(cluster, str) or cluster not in cluster_urls:
            problems.append(f"{fid}: cluster {cluster} not in scope.json")
        if not isinstance(fid, str) or not fid.startswith(f"{cluster}-"):
            problems.append(f"gold.jsonl:{n}: fact_id {fid!r} not prefixed by its cluster {cluster!r}")
        statements = f.get("statements")
        if not isinstance(statements, list):
            problems.append(f"{fid}: statements must be a list")
            f["statements"] = []
            continue
        outlets = set()
        for i, st in enumerate(statements):
            if not isinstance(st, dict):
                problems.append(f"{fid} statement {i}: not a JSON object")
                continue
            where = f"{fid} statement {i} ({st.get('outlet')} {st.get('surface')!r})"
            outlet = _check_statement(where, st, cluster, articles, cluster_urls, problems)
            if outlet:
                outlets.add(outlet)
        if len(outlets) < 2:
            problems.append(f"{fid}: statements from fewer than two outlets ({sorted(outlets)})")
    return facts


# ---- disagreeing pairs, as conflictscore.py counts them


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def half_step(value: float) -> float:
    """Half a unit of the last significant digit as written, with at least two significant digits."""
    v = abs(value)
    if v == 0:
        return 0.5
    if v != int(v):
        decimals = len(repr(v).split(".")[1].rstrip("0")) if "." in repr(v) else 0
        return 0.5 * 10 ** (-decimals)
    digits = str(int(v))
    sig = max(len(digits.rstrip("0")), 2)
    return 0.5 * 10 ** max(len(digits) - sig, 0)


def interval(st: dict) -> tuple[float, float, str] | None:
    """A statement's interval in base units and its dimension; None when it cannot be compared."""
    unit = st.get("unit") or ""
    conversion = UNITS.get(unit) if isinstance(unit, str) else None
    if conversion is None:
        return None
    q = st.get("qualifier") or "exact"
    try:
        if q == "range" or st.get("value") is None:
            lo = -INF if st.get("low") is None else float(st["low"])
            hi = INF if st.get("high") is None else float(st["high"])
        else:
            v = float(st["value"])
            h = half_step(v)
            lo, hi = {
                "approx": (v - h - 0.1 * abs(v), v + h + 0.1 * abs(v)),
                "at_least": (v - h, INF),
                "at_most": ((0.0 if not unit else -INF), v + h),
            }.get(q, (v - h, v + h))
    except (TypeError, ValueError):
        return None
    factor, offset, dim = conversion

    def base(x: float) -> float:
        return x if x in (INF, -INF) else (x + offset) * factor

    lo, hi = sorted((base(lo), base(hi)))
    return lo, hi, dim


def disjoint(a: dict, b: dict) -> bool:
    """Whether two statements' intervals do not meet (5 % slack each when written in different units)."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None or ia[2] != ib[2]:
        return False
    (alo, ahi, _), (blo, bhi, _) = ia, ib
    if a.get("unit") and b.get("unit") and a["unit"] != b["unit"]:
        alo, ahi = alo - CONVERSION_SLACK * abs(alo), ahi + CONVERSION_SLACK * abs(ahi)
        blo, bhi = blo - CONVERSION_SLACK * abs(blo), bhi + CONVERSION_SLACK * abs(bhi)
    return ahi < blo or bhi < alo


def count_pairs(facts: list[dict]) -> tuple[int, int]:
    """(cross-outlet statement pairs, disagreeing ones) over the facts not marked ambiguous."""
    pairs = disagreeing = 0
    for f in facts:
        if f.get("ambiguous"):
            continue
        sts = [st for st in f["statements"] if isinstance(st, dict)]
        for i in range(len(sts)):
            for j in range(i + 1, len(sts)):
                if sts[i].get("outlet") != sts[j].get("outlet"):
                    pairs += 1
                    disagreeing += disjoint(sts[i], sts[j])
    return pairs, disagreeing


# ---- entry point


def check(folder: Path, split: str, *, url_in_one_cluster: bool = True) -> int:
    """Check the corpus in ``folder`` (articles/, scope.json, gold.jsonl) whose clusters belong to ``split``.

    Prints the summary and the problems; returns the exit status (0: no problem, 1: some).
    ``url_in_one_cluster=False`` lets an article belong to several clusters (the dev corpus does).
    """
    folder = Path(folder)
    problems: Problems = []
    articles = load_articles(folder, problems)
    cluster_urls = check_scope(folder, split, articles, problems, url_in_one_cluster)
    facts = check_gold(folder, articles, cluster_urls, problems)
    pairs, disagreeing = count_pairs(facts)

    langs = Counter(a.get("lang") for a in articles.values())
    print(
        "articles per language:",
        ", ".join(f"{k} {v}" for k, v in sorted(langs.items(), key=lambda kv: str(kv[0]))),
    )
    print(
        f"{len(articles)} articles, {len({a['outlet'] for a in articles.values()})} outlets, "
        f"{len(cluster_urls)} clusters, {len(facts)} facts "
        f"(ambiguous {sum(1 for f in facts if f.get('ambiguous'))}), "
        f"{sum(len(f['statements']) for f in facts)} statements"
    )
    print(f"cross-outlet statement pairs (non-ambiguous facts) {pairs}, disagreeing pairs {disagreeing}")
    if problems:
        print(f"{split}: {len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        return 1
    print(f"{split}: OK")
    return 0
