#!/usr/bin/env python3
"""Self-check of the held-out facts corpus (stdlib only).

Checks: every JSON line parses; articles have url/title/text/lang/published_at, urls are unique, one language
per outlet file; every gold statement's url exists, its outlet is the article's outlet file, its anchor
(15-60 characters) occurs exactly once in the article text and contains the surface; every fact has statements
from at least two outlets and belongs to the scope cluster of its articles; scope lists every article once.
Prints counts, including the disagreeing statement pairs as conflictscore.py would count them.
Usage: python3 validate.py
"""

import json
import math
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
INF = math.inf
errors = []


def err(msg):
    errors.append(msg)


# ---- articles
articles = {}
for p in sorted((HERE / "articles").glob("*.jsonl")):
    langs = set()
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            a = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"{p.name}:{n}: bad JSON: {e}")
            continue
        for k in ("url", "title", "text", "lang", "published_at"):
            if not isinstance(a.get(k), str) or not a.get(k):
                err(f"{p.name}:{n}: missing {k}")
        try:
            datetime.fromisoformat(a["published_at"])
        except Exception:
            err(f"{p.name}:{n}: bad published_at {a.get('published_at')!r}")
        if a.get("lang") not in ("fr", "en", "es", "de"):
            err(f"{p.name}:{n}: unexpected lang {a.get('lang')!r}")
        langs.add(a.get("lang"))
        if a["url"] in articles:
            err(f"duplicate url {a['url']}")
        a["outlet"] = p.stem
        articles[a["url"]] = a
    if len(langs) != 1:
        err(f"{p.name}: outlet writes in several languages {langs}")

# ---- scope
scope = json.loads((HERE / "scope.json").read_text(encoding="utf-8"))
url_cluster = {}
for cid, c in scope["clusters"].items():
    if c.get("split") != "heldout":
        err(f"scope {cid}: split is {c.get('split')!r}")
    for u in c["urls"]:
        if u not in articles:
            err(f"scope {cid}: unknown url {u}")
        if u in url_cluster:
            err(f"scope: {u} in two clusters")
        url_cluster[u] = cid
for u in articles:
    if u not in url_cluster:
        err(f"article not in scope: {u}")
for cid, c in scope["clusters"].items():
    outs = {articles[u]["outlet"] for u in c["urls"] if u in articles}
    langs = {articles[u]["lang"] for u in c["urls"] if u in articles}
    if len(outs) < 4 or len(langs) < 3:
        err(f"scope {cid}: only {len(outs)} outlets / {len(langs)} languages")

# ---- gold
facts = []
ids = set()
for n, line in enumerate((HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip():
        continue
    try:
        f = json.loads(line)
    except json.JSONDecodeError as e:
        err(f"gold:{n}: bad JSON: {e}")
        continue
    facts.append(f)
    fid = f.get("fact_id")
    if fid in ids:
        err(f"duplicate fact_id {fid}")
    ids.add(fid)
    if not fid.startswith(f.get("cluster", "?") + "-"):
        err(f"{fid}: cluster mismatch")
    outlets = set()
    for st in f["statements"]:
        u = st.get("url")
        if u not in articles:
            err(f"{fid}: unknown url {u}")
            continue
        a = articles[u]
        if st.get("outlet") != a["outlet"]:
            err(f"{fid}: outlet {st.get('outlet')} but article is from {a['outlet']}")
        if url_cluster.get(u) != f["cluster"]:
            err(f"{fid}: article {u} is in cluster {url_cluster.get(u)}")
        outlets.add(a["outlet"])
        anc, sur = st.get("anchor", ""), st.get("surface", "")
        if not 15 <= len(anc) <= 60:
            err(f"{fid}: anchor length {len(anc)}: {anc!r}")
        cnt = a["text"].count(anc)
        if cnt != 1:
            err(f"{fid}: anchor found {cnt} times in {a['outlet']} {u}: {anc!r}")
        if sur not in anc:
            err(f"{fid}: surface {sur!r} not in anchor {anc!r}")
        q = st.get("qualifier")
        if q not in ("exact", "approx", "at_least", "at_most", "range"):
            err(f"{fid}: bad qualifier {q}")
        if q == "range" and (st.get("value") is not None or st.get("low") is None or st.get("high") is None):
            err(f"{fid}: range needs value null and low/high")
        if q != "range" and not isinstance(st.get("value"), (int, float)):
            err(f"{fid}: missing value")
    if len(outlets) < 2:
        err(f"{fid}: statements from only {len(outlets)} outlet(s)")

# ---- disagreeing pairs, as conflictscore.py counts them (same interval rules, a small unit table)
BASE = {
    "": (1, 0, "count"),
    "percent": (0.01, 0, "count"),
    "km": (1000, 0, "m"),
    "mile": (1609.344, 0, "m"),
    "nautical_mile": (1852, 0, "m"),
    "km/h": (1 / 3.6, 0, "m/s"),
    "mph": (0.44704, 0, "m/s"),
    "degC": (1, 273.15, "K"),
    "degF": (5 / 9, 459.67, "K"),
    "day": (86400, 0, "s"),
    "month": (2629800, 0, "s"),
    "year": (31557600, 0, "s"),
    "hour": (3600, 0, "s"),
    "EUR": (1, 0, "EUR"),
    "USD": (1, 0, "USD"),
}


def half_step(v):
    v = abs(v)
    if v == 0:
        return 0.5
    if v != int(v):
        return 0.5 * 10 ** (-len(repr(v).split(".")[1].rstrip("0")))
    d = str(int(v))
    return 0.5 * 10 ** max(len(d) - max(len(d.rstrip("0")), 2), 0)


def interval(st):
    unit = st.get("unit") or ""
    if unit not in BASE:
        err(f"unit not in the table: {unit!r}")
        return None
    q = st.get("qualifier") or "exact"
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
    k, off, dim = BASE[unit]
    def conv(x: float) -> float:
        return x if x in (INF, -INF) else (x + off) * k

    lo, hi = sorted((conv(lo), conv(hi)))
    return lo, hi, dim


def disjoint(a, b):
    ia, ib = interval(a), interval(b)
    if not ia or not ib or ia[2] != ib[2]:
        return False
    alo, ahi, _ = ia
    blo, bhi, _ = ib
    if a.get("unit") and b.get("unit") and a["unit"] != b["unit"]:
        alo, ahi = alo - 0.05 * abs(alo), ahi + 0.05 * abs(ahi)
        blo, bhi = blo - 0.05 * abs(blo), bhi + 0.05 * abs(bhi)
    return ahi < blo or bhi < alo


pairs = same = 0
for f in facts:
    if f.get("ambiguous"):
        continue
    s = f["statements"]
    for i in range(len(s)):
        for j in range(i + 1, len(s)):
            if s[i]["outlet"] != s[j]["outlet"]:
                same += 1
                pairs += disjoint(s[i], s[j])

langs = Counter(a["lang"] for a in articles.values())
print(
    f"articles {len(articles)} {dict(sorted(langs.items()))}; "
    f"outlets {len({a['outlet'] for a in articles.values()})}; "
    f"clusters {len(scope['clusters'])}"
)
print(
    f"facts {len(facts)} (ambiguous {sum(1 for f in facts if f.get('ambiguous'))}); "
    f"statements {sum(len(f['statements']) for f in facts)}; "
    f"cross-outlet statement pairs (non-ambiguous facts) {same}; "
    f"disagreeing pairs {pairs}"
)
if errors:
    print(f"{len(errors)} problem(s):")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK")
