"""Language of a text, restricted to the languages quantcheck has data for.

py3langid (a small, deterministic naive-Bayes model bundled with the package) is limited to the
supported languages, so a short or mixed text still gets one of them; anything it cannot decide falls
back to English.

Speed: py3langid walks its byte n-gram automaton one byte at a time in Python, which cost a third of the
extraction time of a news article when the language is not given. The walk from a given state over a given
word always ends in the same state with the same features, and news repeats its words, so
``_MemoWalk`` remembers (state, word) -> (state, features) and reads each known word in one step. The list
of features is exactly the one py3langid builds, so the scores, and the answers, are the same; the identifier
checks that on sample texts when it loads, and keeps py3langid's own walk if they differ (or if a future
py3langid lays its model out differently).
"""

from __future__ import annotations

import threading
from collections import Counter
from functools import lru_cache

from quantcheck.extractors.langdata import available_languages

FALLBACK = "en"
SAMPLE_CHARS = 4000  # the first few thousand characters decide; enough for news, bounded for 50 MB inputs
MEMO_MAX = 50_000  # (state, word) entries remembered; the memo restarts empty when full
MEMO_WORD_BYTES = 32  # longer words are walked every time (so the memo stays under ~60 MB)
_LOCK = threading.Lock()
_CHECK_TEXTS = (
    "Près de 100 000 soldats russes sont massés à la frontière, selon le ministère.",
    "Nearly 20,000 square miles of land were affected, officials said on Tuesday.",
    "El Gobierno aprobó un presupuesto de 1.200 millones de euros para la reconstrucción.",
    "Die Regierung stellte rund 4,6 Milliarden Euro für den Ausbau bereit, teilte das Ministerium mit.",
    "", "12 345", "ÉTÉ 2024 — Ça coûte 3 € !", "x" * 50 + " " * 10 + "a b  c\n\td",
)


class _MemoWalk:
    """py3langid's ``visit_counts`` (the automaton walk), a word at a time with memoised steps."""

    def __init__(self, nextmove, rowbase, output) -> None:
        self.nextmove = nextmove
        self.rowbase = rowbase
        self.output = output
        self.memo: dict[tuple[int, bytes], tuple[int, tuple[int, ...]]] = {}

    def _step(self, state: int, chunk: bytes, space: bool) -> tuple[int, tuple[int, ...]]:
        nm, rowbase, out = self.nextmove, self.rowbase, self.output
        feats = []
        for letter in chunk + b" " if space else chunk:
            state = nm[rowbase[state] + letter]
            f = out[state]
            if f >= 0:
                feats.append(f)
        return state, tuple(feats)

    def __call__(self, text: bytes) -> Counter | None:
        memo = self.memo
        if len(memo) > MEMO_MAX:
            memo.clear()
        state, indexes = 0, []
        words = text.split(b" ")
        last = words.pop()
        for word in words:  # each followed by its space: the memo's steps take the space too
            key = (state, word)
            hit = memo.get(key)
            if hit is None:
                hit = self._step(state, word, True)
                if len(word) <= MEMO_WORD_BYTES:
                    memo[key] = hit
            state, feats = hit
            indexes.extend(feats)
        indexes.extend(self._step(state, last, False)[1])
        return Counter(indexes) if indexes else None


def _with_memo_walk(identifier):
    """``identifier`` reading bytes through ``_MemoWalk`` when its answers stay the same, else as is."""
    base = type(identifier)
    try:
        walk = _MemoWalk(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output)
        raw_score = base._raw_score
        expected = [identifier.rank(t) for t in _CHECK_TEXTS]

        class _Memoised(base):
            __slots__ = ()

            def _raw_score(self, text):
                visits = walk(text)
                if visits:
                    return self._sparse_score(visits, self.nb_ptc)
                return raw_score(self, text)  # no feature at all: py3langid's own floor

        identifier.__class__ = _Memoised
        if [identifier.rank(t) for t in _CHECK_TEXTS] != expected:
            identifier.__class__ = base
    except Exception:  # another py3langid layout: its own walk is correct, only slower
        identifier.__class__ = base
    return identifier


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import _load_identifier

    return _with_memo_walk(_load_identifier(norm_probs=False, langs=available_languages()))


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` among the supported languages; "en" when undecidable."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    sample = text[:SAMPLE_CHARS].encode("utf-8", "replace").decode("utf-8")
    if not any(ch.isalpha() for ch in sample):
        return FALLBACK
    try:
        with _LOCK:
            code, _score = _identifier().classify(sample)
    except Exception:  # a model failure must never stop extraction
        return FALLBACK
    return code if code in available_languages() else FALLBACK
