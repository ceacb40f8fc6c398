"""Audit of the extractor on real, messy English news: the 406 FA-KES articles of ../shared/eval/fakes.

Those articles lost most punctuation ("Jul 172015", "Jane Smith 52 said") and are exactly what quantcheck
reads in practice, but they carry no mention-level gold. So precision is measured by reading: a random
sample of the extractor's mentions is judged by hand, one verdict per mention, kept in ``judgements.jsonl``
next to this file, so the figure can be re-measured after any change without judging again what was judged.

The sample is stable: every mention gets a rank from a hash of (seed, article, start offset) and the sample
is the ``n`` lowest ranks. A change to the rules that keeps a mention where it was keeps it in the sample;
a new mention enters the sample only if its rank is low enough. Mentions of the sample that have no
verdict yet are listed by ``judge`` (with their context) and must be read and added to ``judgements.jsonl``.

Verdicts follow ../shared/spec/quantities.md: a mention is ``ok`` when it is a quantity and its value (or
bounds), unit, qualifier and span are right; ``wrong`` otherwise, with the kind of mistake in ``kind``. A
mention on something the spec makes optional (magnitudes, proportions, anaphoric small counts) is ``ok``.
The counted noun is noted (``counted_ok``) but does not decide the verdict.

Commands (from the project root):
    .venv/bin/python tests/specs/audit_fakes/audit.py judge     # the sample's mentions without a verdict
    .venv/bin/python tests/specs/audit_fakes/audit.py score     # precision of the sample, by kind of mistake
    .venv/bin/python tests/specs/audit_fakes/audit.py recall    # the statements of gold.jsonl missed
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from quantcheck.extractors import extract  # noqa: E402

HERE = Path(__file__).resolve().parent
FAKES = ROOT.parent / "shared" / "eval" / "fakes"
JUDGEMENTS = HERE / "judgements.jsonl"
SEED = "quantcheck-audit-2026"  # the sample read before the rules and after them (tuned on: see README.md)
FRESH_SEED = "quantcheck-audit-2026-fresh"  # a second sample, read only after the rules (unbiased)
SAMPLE_SIZE = 320
CONTEXT = 110


@dataclass(frozen=True)
class Article:
    key: str  # outlet file stem and the article's url: unique and stable
    text: str


def articles(fakes: Path = FAKES) -> list[Article]:
    """The 406 articles, in a fixed order (outlet file, then line)."""
    out = []
    for path in sorted((fakes / "articles").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    doc = json.loads(line)
                    out.append(Article(f"{path.stem} {doc['url']}", doc["text"]))
    return out


def mention_key(article: str, m: dict) -> str:
    """What a verdict is about: the article, the span and everything the verdict judges."""
    return json.dumps([article, m["start"], m["end"], m["value"], m["low"], m["high"], m["unit"],
                       m["qualifier"]], ensure_ascii=False)


def rank(article: str, start: int, seed: str = SEED) -> str:
    return hashlib.sha1(f"{seed}|{article}|{start}".encode()).hexdigest()


def all_mentions(arts: list[Article]) -> Iterator[tuple[Article, dict]]:
    for a in arts:
        for m in extract(a.text, lang="en"):
            yield a, m.to_json()


def sample(arts: list[Article], n: int = SAMPLE_SIZE, seed: str = SEED) -> list[tuple[Article, dict]]:
    """The ``n`` mentions of lowest rank (see the module docstring), in rank order."""
    got = sorted(all_mentions(arts), key=lambda am: rank(am[0].key, am[1]["start"], seed))
    return got[:n]


def load_judgements(path: Path = JUDGEMENTS) -> dict[str, dict]:
    out: dict[str, dict] = {}
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    j = json.loads(line)
                    out[j["key"]] = j
    return out


def context(a: Article, m: dict) -> str:
    s, e = m["start"], m["end"]
    text = a.text[max(0, s - CONTEXT):s] + "[[" + a.text[s:e] + "]]" + a.text[e:e + CONTEXT]
    return text.replace("\n", " ")


def describe(m: dict) -> str:
    val = m["value"] if m["value"] is not None else f"{m['low']}..{m['high']}"
    return f"{val} {m['unit'] or '-'} {m['qualifier']} counted={m['counted']}"


def precision(judged: list[dict]) -> float:
    ok = sum(1 for j in judged if j["verdict"] == "ok")
    return ok / len(judged) if judged else 0.0


def cmd_judge(args: argparse.Namespace) -> int:
    arts = articles()
    known = load_judgements()
    todo = [(a, m) for a, m in sample(arts, args.n, args.seed) if mention_key(a.key, m) not in known]
    for a, m in todo:
        print(json.dumps({"key": mention_key(a.key, m), "verdict": "?", "kind": "", "counted_ok": None,
                          "mention": describe(m), "context": context(a, m)}, ensure_ascii=False))
    print(f"# {len(todo)} mentions of the sample have no verdict", file=sys.stderr)
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    arts = articles()
    known = load_judgements()
    smp = sample(arts, args.n, args.seed)
    judged = [known[k] for k in (mention_key(a.key, m) for a, m in smp) if k in known]
    kinds = Counter(j["kind"] for j in judged if j["verdict"] != "ok")
    print(f"sample {len(smp)} mentions (seed {args.seed!r}), judged {len(judged)}, "
          f"precision {precision(judged):.3f}")
    for kind, n in kinds.most_common():
        print(f"  {n:3d}  {kind}")
    if args.show:
        for a, m in smp:
            j = known.get(mention_key(a.key, m))
            if j and j["verdict"] != "ok":
                print(f"- {j['kind']}: {describe(m)} | {context(a, m)}")
    return 0 if len(judged) == len(smp) else 1


def gold_statements(fakes: Path = FAKES) -> Iterator[tuple[str, dict]]:
    with (fakes / "gold.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                fact = json.loads(line)
                for st in fact["statements"]:
                    yield fact["fact_id"], st


def statement_found(text: str, st: dict, mentions: list[dict]) -> bool:
    """Whether a mention overlaps the statement's surface (found through its anchor) with its value or its
    bounds (counts only: the gold units are loose names such as "km")."""
    a = text.find(st["anchor"])
    if a < 0:
        return False
    s = text.find(st["surface"], a)
    if s < 0 or s > a + len(st["anchor"]):
        s = a
    e = s + len(st["surface"])
    for m in mentions:
        if m["start"] < e and s < m["end"]:
            value = st["value"]
            if value is not None and m["value"] is not None and \
                    abs(m["value"] - value) < 1e-6 * max(1.0, value):
                return True
            if st["value"] is None and m["low"] == st["low"] and m["high"] == st["high"]:
                return True
            if st["value"] is not None and m["value"] is None and m["qualifier"] == "range" and \
                    st["qualifier"] != "range" and m["low"] == st["value"]:
                return True
    return False


def cmd_recall(args: argparse.Namespace) -> int:
    """Recall of the statements people annotated in gold.jsonl (numbers about facts two outlets state)."""
    texts: dict[str, str] = {}
    for path in sorted((FAKES / "articles").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    doc = json.loads(line)
                    texts[doc["url"].rsplit("/", 1)[-1]] = doc["text"]
    cache: dict[str, list[dict]] = {}
    found = total = 0
    missed = []
    for fact_id, st in gold_statements():
        text = texts.get(str(st["unit_id"]))
        if text is None or text.find(st["anchor"]) < 0:
            continue
        if st["unit_id"] not in cache:
            cache[st["unit_id"]] = [m.to_json() for m in extract(text, lang="en")]
        total += 1
        if statement_found(text, st, cache[st["unit_id"]]):
            found += 1
        else:
            missed.append(f"{fact_id} {st['surface']!r} in {st['anchor']!r}")
    print(f"gold statements found {found}/{total} = {found / total:.3f}")
    for line in missed[: args.errors]:
        print("  missed", line)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["judge", "score", "recall"])
    ap.add_argument("--n", type=int, default=SAMPLE_SIZE)
    ap.add_argument("--seed", default=SEED, help=f"the sample's seed ({SEED!r}; fresh: {FRESH_SEED!r})")
    ap.add_argument("--show", action="store_true", help="score: print every wrong mention")
    ap.add_argument("--errors", type=int, default=60, help="recall: how many misses to print")
    args = ap.parse_args()
    if not FAKES.exists():
        print(f"{FAKES} not found: the audit needs ../shared/eval/fakes", file=sys.stderr)
        return 2
    return {"judge": cmd_judge, "score": cmd_score, "recall": cmd_recall}[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
