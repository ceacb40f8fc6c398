"""Which languages quantcheck reads, and clear refusals for the others.

The extractor has rules for the languages with a data file in extractors/lang/. Text in another
language read with, say, English rules gives wrong numbers ("1.500" read as one and a half), so a
language nobody can read is refused where it is stated — a config's ``lang``, ``extract --lang``, a JSON
Lines record's ``lang`` — with the supported ones named; and text whose language is *detected* as an
unsupported one is skipped with that reason rather than read with the nearest supported language's rules.

>>> language_code("en-GB"), language_code(" FR "), language_code("und"), language_code("")
('en', 'fr', None, None)
"""

from __future__ import annotations

from functools import cache

# codes that say "no particular language": treated as absent (detected), not refused
NO_LANGUAGE = frozenset({"und", "mul", "zxx", "mis", "xx"})
# detection of unsupported languages: only on enough text, and only when the model is this sure
DETECT_MIN_WORDS = 40
DETECT_MIN_PROBABILITY = 0.99
DETECT_SAMPLE_CHARS = 4000


class UnsupportedLanguage(ValueError):
    """A language code quantcheck has no rules for; the message names the supported ones."""


@cache
def supported_languages() -> tuple[str, ...]:
    from quantcheck.extractors.langdata import available_languages

    return tuple(sorted(available_languages()))


def language_code(code: str | None) -> str | None:
    """The primary subtag of a language tag, lower-cased; None for empty and "no language" codes."""
    if not isinstance(code, str):
        return None
    primary = code.strip().lower().replace("_", "-").split("-")[0]
    return primary if primary and primary not in NO_LANGUAGE else None


def check_language(code: str | None) -> str | None:
    """The supported language ``code`` names (None when it names none); raises UnsupportedLanguage."""
    primary = language_code(code)
    if primary is None:
        return None
    if primary not in supported_languages():
        raise UnsupportedLanguage(refusal(str(code).strip()))
    return primary


def refusal(code: str) -> str:
    """'language 'it' is not supported: quantcheck reads de, en, es, fr'."""
    return f"language {code!r} is not supported: quantcheck reads {', '.join(supported_languages())}"


@cache
def _full_identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


def detected_unsupported(text: str) -> str | None:
    """The code of an unsupported language ``text`` is clearly written in, else None.

    The extractor's own detection only chooses among the supported languages (an Italian article would
    come out as Spanish); this asks py3langid's full model (97 languages) and answers only for enough
    text and a near-certain verdict, so a short or mixed text is never refused.
    """
    sample = text[:DETECT_SAMPLE_CHARS]
    if len(sample.split()) < DETECT_MIN_WORDS:
        return None
    code, probability = _full_identifier().classify(sample)
    if probability >= DETECT_MIN_PROBABILITY and code not in supported_languages():
        return code
    return None
