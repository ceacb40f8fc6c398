"""The English real-news set (tests/specs/realnews_en/): wire, business, sport, tech and science snippets, a
third of them as messy as scraped news (glued datelines, lost commas and apostrophes, headlines in capitals),
written and annotated independently of the rules (see realnews_en/README.md).

``dev.jsonl`` is for error analysis; ``heldout.jsonl`` was only measured until the twenty-third session, which
read its errors and took two general rules from them (0.961 -> 0.964: "1.72 bln euros", "the rand weakened
1.2% to 18.95"), so it is no longer an unseen measure. F1 must stay above
a floor a little under the figure measured when the real-news rules were written (issue 11): dev 0.992,
held-out 0.955 with ../shared/eval/quantscore.py (before those rules: dev 0.926, held-out 0.934; the
quantulum3 peer: dev 0.759, held-out 0.727). Scored with the self-contained copy of the scorer's rules in
test_news_set.py (no ../shared needed); when ../shared is present, the shared scorer must agree.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from test_news_set import Score, score_doc

from quantcheck.extractors import extract

REALNEWS = Path(__file__).resolve().parent / "realnews_en"
FLOORS = {"dev": 0.975, "heldout": 0.94}
MIN_REQUIRED = {"dev": 700, "heldout": 480}


def docs(part: str) -> list[dict]:
    with (REALNEWS / f"{part}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def predictions(items: list[dict]) -> dict[str, list[dict]]:
    return {d["id"]: [m.to_json() for m in extract(d["text"], lang=d["lang"])] for d in items}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_f1_on_real_news_stays_above_the_floor(part: str) -> None:
    items = docs(part)
    preds = predictions(items)
    s = Score()
    for d in items:
        score_doc(d, preds[d["id"]], s)
    assert s.tp + s.fn >= MIN_REQUIRED[part], f"realnews {part}: too few required mentions ({s.tp + s.fn})"
    assert s.f1 >= FLOORS[part], s.describe(part)


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_shared_scorer_agrees(part: str, quantscore: ModuleType) -> None:
    """The shared scorer (all its units and currencies) gives at least the floor too."""
    from collections import defaultdict

    items = docs(part)
    preds = predictions(items)
    stats: dict = defaultdict(lambda: defaultdict(int))
    errors: list = []
    for d in items:
        quantscore.score_doc(d, preds[d["id"]], stats, errors)
    tp = sum(s["tp"] for s in stats.values())
    fp = sum(s["fp"] for s in stats.values())
    fn = sum(s["fn"] for s in stats.values())
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= FLOORS[part], f"shared scorer: realnews {part} F1 {f1:.3f}"
