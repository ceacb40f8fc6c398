#!/usr/bin/env python3
"""Check the dev3 facts corpus: JSON validity, unique urls, anchors found exactly once, surfaces inside
anchors, every fact stated by at least two outlets, scope consistent with gold. Stdlib only.
Usage: python3 validate.py   (from any directory)"""

import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUALIFIERS = {"exact", "approx", "at_least", "at_most", "range"}
errors = []

docs = {}
for path in sorted((HERE / "articles").glob("*.jsonl")):
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{path.name}:{n}: invalid JSON ({e})")
            continue
        for k in ("url", "title", "text", "lang", "published_at"):
            if not d.get(k):
                errors.append(f"{path.name}:{n}: missing {k}")
        if d.get("url") in docs:
            errors.append(f"{path.name}:{n}: duplicate url {d['url']}")
        d["outlet"] = path.stem
        docs[d.get("url")] = d

outlet_lang = defaultdict(set)
for d in docs.values():
    outlet_lang[d["outlet"]].add(d["lang"])
for o, langs in outlet_lang.items():
    if len(langs) != 1:
        errors.append(f"outlet {o} writes in several languages: {langs}")

try:
    scope = json.loads((HERE / "scope.json").read_text(encoding="utf-8"))
except json.JSONDecodeError as e:
    sys.exit(f"scope.json: invalid JSON ({e})")
cluster_urls = {}
for c, info in scope["clusters"].items():
    urls = info.get("urls") or []
    cluster_urls[c] = set(urls)
    if info.get("split") != "dev3":
        errors.append(f"scope {c}: split is {info.get('split')!r}, expected 'dev3'")
    for u in urls:
        if u not in docs:
            errors.append(f"scope {c}: unknown url {u}")
    outlets = {docs[u]["outlet"] for u in urls if u in docs}
    langs = {docs[u]["lang"] for u in urls if u in docs}
    if len(outlets) < 4 or len(langs) < 3:
        errors.append(f"scope {c}: only {len(outlets)} outlets / {len(langs)} languages")
in_scope = set().union(*cluster_urls.values()) if cluster_urls else set()
for u in docs:
    if u not in in_scope:
        errors.append(f"article not in any cluster: {u}")

ids = set()
n_facts = n_st = 0
for n, line in enumerate((HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip():
        continue
    try:
        f = json.loads(line)
    except json.JSONDecodeError as e:
        errors.append(f"gold.jsonl:{n}: invalid JSON ({e})")
        continue
    n_facts += 1
    fid = f.get("fact_id")
    if fid in ids:
        errors.append(f"{fid}: duplicate fact_id")
    ids.add(fid)
    if f.get("cluster") not in cluster_urls:
        errors.append(f"{fid}: cluster {f.get('cluster')} not in scope.json")
    outlets = set()
    for i, st in enumerate(f.get("statements", [])):
        n_st += 1
        where = f"{fid} statement {i} ({st.get('outlet')} {st.get('surface')!r})"
        d = docs.get(st.get("url"))
        if d is None:
            errors.append(f"{where}: unknown url {st.get('url')}")
            continue
        if st.get("outlet") != d["outlet"]:
            errors.append(f"{where}: outlet does not match the article's file ({d['outlet']})")
        if st.get("url") not in cluster_urls.get(f.get("cluster"), ()):
            errors.append(f"{where}: article not listed in cluster {f.get('cluster')}")
        outlets.add(d["outlet"])
        anchor, surface = st.get("anchor") or "", st.get("surface") or ""
        if not 15 <= len(anchor) <= 60:
            errors.append(f"{where}: anchor length {len(anchor)} outside 15-60")
        count = d["text"].count(anchor)
        if count != 1:
            errors.append(f"{where}: anchor {anchor!r} found {count} times")
        if surface not in anchor:
            errors.append(f"{where}: surface not inside anchor {anchor!r}")
        q = st.get("qualifier")
        if q not in QUALIFIERS:
            errors.append(f"{where}: bad qualifier {q}")
        if q == "range":
            if st.get("value") is not None or (st.get("low") is None and st.get("high") is None):
                errors.append(f"{where}: range needs value null and low/high")
        elif not isinstance(st.get("value"), (int, float)):
            errors.append(f"{where}: value missing")
        if not isinstance(st.get("unit"), str):
            errors.append(f"{where}: unit must be a string")
    if len(outlets) < 2:
        errors.append(f"{fid}: statements from fewer than two outlets ({outlets})")

for e in errors:
    print(e)
langs = defaultdict(int)
for d in docs.values():
    langs[d["lang"]] += 1
print("articles per language:", ", ".join(f"{k} {v}" for k, v in sorted(langs.items())))
print(
    f"{len(docs)} articles, {len(scope['clusters'])} clusters, {n_facts} facts, {n_st} statements: "
    + ("OK" if not errors else f"{len(errors)} problem(s)")
)
sys.exit(1 if errors else 0)
