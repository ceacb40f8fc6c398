"""Language detection reads words through a memoised walk of py3langid's automaton (extractors/langdetect.py);
it must rank languages exactly as py3langid's own walk does, on news text and on any string."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quantcheck.extractors.langdata import available_languages
from quantcheck.extractors.langdetect import _identifier, detect_language

NEWS = Path(__file__).resolve().parent / "specs" / "news"


def plain_identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=False, langs=available_languages())


PLAIN = plain_identifier()


def test_the_memoised_walk_is_in_use() -> None:
    assert type(_identifier()).__name__ == "_Memoised", "the fast walk fell back to py3langid's own"


def test_same_ranking_as_py3langid_on_the_news_sets() -> None:
    texts = [json.loads(line)["text"] for f in sorted(NEWS.rglob("*.jsonl")) for line in f.open()]
    assert len(texts) > 100
    for text in texts + [t[: len(t) // 3] for t in texts]:  # twice: the second pass reads from the memo
        assert _identifier().rank(text) == PLAIN.rank(text)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from("aeiouyns tlrçéüñß€0123456789 .,\n\t-'ÉÀ"), max_size=300))
def test_same_ranking_as_py3langid_on_any_text(text: str) -> None:
    assert _identifier().rank(text) == PLAIN.rank(text)
    assert detect_language(text) in available_languages()
