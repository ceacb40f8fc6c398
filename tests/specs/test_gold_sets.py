"""Spec tests driven by the shared gold sets (../shared/eval/gold), scored exactly as quantscore.py does.

The scorer is imported by path from the shared folder rather than re-implemented, so a change to the
scoring rules there is picked up here and the thresholds below mean the same as the figures people quote
from ``quantscore.py``. The quantulum3 peer is scored live on the same documents (it takes a few seconds),
so "beats the peer" is checked against the peer actually installed, not only against remembered figures.

Thresholds come from issue 2: seed_fr F1 = 1.0 with qualifier and counted-noun accuracy 1.0,
quantulum3_en F1 >= 0.95, recognizers_en and recognizers_fr F1 >= 0.85, and quantcheck's F1 above the
peer's on the seed and on both Recognizers-Text sets.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from quantcheck.extractors import extract

GOLD_SETS = ("seed_fr", "quantulum3_en", "recognizers_en", "recognizers_fr")
MIN_F1 = {"seed_fr": 1.0, "quantulum3_en": 0.95, "recognizers_en": 0.85, "recognizers_fr": 0.85}
# The peer's F1 as documented in issue 2: a floor for the comparison should the live run differ.
PEER_F1_DOCUMENTED = {"seed_fr": 0.21, "recognizers_en": 0.48, "recognizers_fr": 0.17}


def load_gold(shared_dir: Path, name: str) -> list[dict]:
    path = shared_dir / "eval" / "gold" / f"{name}.jsonl"
    with path.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    for doc in docs:
        doc["id"] = str(doc["id"])
    return docs


def score(quantscore: ModuleType, docs: list[dict], preds: dict[str, list[dict]]) -> tuple[dict, list]:
    """Precision, recall, F1 and the qualifier/counted accuracies over all documents, as quantscore.main."""
    stats: dict = defaultdict(lambda: defaultdict(int))
    errors: list = []
    for doc in docs:
        quantscore.score_doc(doc, preds.get(doc["id"], []), stats, errors)
    tot: dict = defaultdict(int)
    for s in stats.values():
        for key, val in s.items():
            tot[key] += val
    p = tot["tp"] / (tot["tp"] + tot["fp"]) if tot["tp"] + tot["fp"] else 0.0
    r = tot["tp"] / (tot["tp"] + tot["fn"]) if tot["tp"] + tot["fn"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    result = {
        "precision": p, "recall": r, "f1": f1, "tp": tot["tp"], "fp": tot["fp"], "fn": tot["fn"],
        "qualifier_acc": tot["q_ok"] / tot["q_n"] if tot["q_n"] else None,
        "counted_acc": tot["c_ok"] / tot["c_n"] if tot["c_n"] else None,
    }
    return result, errors


def quantcheck_predictions(docs: list[dict]) -> dict[str, list[dict]]:
    """Run the public API on every document, with its language given, as the scorer's --cmd run does."""
    return {doc["id"]: [m.to_json() for m in extract(doc["text"], lang=doc.get("lang"))] for doc in docs}


def describe(name: str, result: dict, errors: list, limit: int = 25) -> str:
    head = (f"{name}: P={result['precision']:.3f} R={result['recall']:.3f} F1={result['f1']:.3f} "
            f"tp={result['tp']} fp={result['fp']} fn={result['fn']} "
            f"qualifier_acc={result['qualifier_acc']} counted_acc={result['counted_acc']}")
    lines = ["  " + "  ".join(str(x) for x in err) for err in errors[:limit]]
    more = [f"  ... and {len(errors) - limit} more"] if len(errors) > limit else []
    return "\n".join([head, *lines, *more])


_CACHE: dict[tuple[str, str], tuple[dict, list]] = {}


def scored(quantscore: ModuleType, shared_dir: Path, name: str, system: str) -> tuple[dict, list]:
    """Score a system once per session per set (several tests read the same figures)."""
    key = (name, system)
    if key not in _CACHE:
        docs = load_gold(shared_dir, name)
        preds = quantcheck_predictions(docs) if system == "quantcheck" else quantscore.run_quantulum3(docs)
        _CACHE[key] = score(quantscore, docs, preds)
    return _CACHE[key]


@pytest.mark.parametrize("name", GOLD_SETS)
def test_f1_meets_the_issue_threshold(quantscore, shared_dir, name):
    result, errors = scored(quantscore, shared_dir, name, "quantcheck")
    assert result["f1"] >= MIN_F1[name], describe(name, result, errors)


def test_seed_qualifiers_and_counted_nouns_are_all_right(quantscore, shared_dir):
    result, errors = scored(quantscore, shared_dir, "seed_fr", "quantcheck")
    assert result["qualifier_acc"] == 1.0, describe("seed_fr", result, errors)
    assert result["counted_acc"] == 1.0, describe("seed_fr", result, errors)


# quantulum3 warns that its optional classifier is absent; the documented peer figures are without it.
@pytest.mark.filterwarnings("ignore:Classifier dependencies not installed:UserWarning")
@pytest.mark.parametrize("name", sorted(PEER_F1_DOCUMENTED))
def test_beats_the_quantulum3_peer(quantscore, shared_dir, name):
    pytest.importorskip("quantulum3", reason="the quantulum3 peer is a dev dependency")
    peer, _ = scored(quantscore, shared_dir, name, "quantulum3")
    ours, errors = scored(quantscore, shared_dir, name, "quantcheck")
    assert peer["f1"] == pytest.approx(PEER_F1_DOCUMENTED[name], abs=0.02), (
        f"the peer's live F1 on {name} ({peer['f1']:.3f}) moved away from the documented "
        f"{PEER_F1_DOCUMENTED[name]}: check the quantulum3 version or the gold file")
    assert ours["f1"] > peer["f1"], (
        f"quantulum3 F1 {peer['f1']:.3f} >= ours\n" + describe(name, ours, errors))


def _cli() -> str:
    exe = Path(sys.executable).with_name("quantcheck")
    if not exe.exists():
        pytest.skip(f"{exe} not installed (pip install -e .)")
    return str(exe)


def test_cli_jsonl_gives_the_same_predictions_as_the_api(shared_dir):
    """The scorer measures `quantcheck extract --jsonl`; the API figures above stand for it only if the
    command returns the same quantities, one line per document and in input order."""
    docs = [d for name in GOLD_SETS for d in load_gold(shared_dir, name)]
    payload = "".join(
        json.dumps({"id": d["id"], "text": d["text"], "lang": d["lang"]}, ensure_ascii=False) + "\n"
        for d in docs)
    proc = subprocess.run([_cli(), "extract", "--jsonl"], input=payload.encode("utf-8"),
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    lines = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines() if line.strip()]
    assert [rec["id"] for rec in lines] == [d["id"] for d in docs]
    api = quantcheck_predictions(docs)
    for rec, doc in zip(lines, docs, strict=True):
        assert rec["lang"] == doc["lang"]
        for q in rec["quantities"]:
            assert doc["text"][q["start"]:q["end"]] == q["surface"]
            for field in ("value", "low", "high", "unit", "qualifier", "counted", "concept", "si_value",
                          "si_unit"):
                assert field in q, f"{doc['id']}: field {field} missing from {q}"
        assert rec["quantities"] == api[doc["id"]], doc["id"]


def test_cli_scored_by_quantscore_reaches_the_seed_threshold(quantscore, shared_dir):
    """End to end, exactly as the issue measures it: the scorer drives the command through a shell."""
    gold = shared_dir / "eval" / "gold" / "seed_fr.jsonl"
    cmd = f"{_cli()} extract --jsonl"
    proc = subprocess.run([sys.executable, str(shared_dir / "eval" / "quantscore.py"), "--gold", str(gold),
                           "--cmd", cmd, "--json", "--errors", "20"], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    result = json.loads(proc.stdout.decode().strip().splitlines()[-1])["all"]
    assert result["f1"] == 1.0, proc.stderr.decode("utf-8", "replace")
    assert result["qualifier_acc"] == 1.0 and result["counted_acc"] == 1.0, proc.stderr.decode()
