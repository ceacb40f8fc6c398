"""Language of a text, restricted to the languages quantcheck has data for.

py3langid (a small, deterministic naive-Bayes model bundled with the package) is limited to the
supported languages, so a short or mixed text still gets one of them; anything it cannot decide falls
back to English.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from extractors.langdata import available_languages

FALLBACK = "en"
SAMPLE_CHARS = 4000  # the first few thousand characters decide; enough for news, bounded for 50 MB inputs
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=False, langs=available_languages())


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
