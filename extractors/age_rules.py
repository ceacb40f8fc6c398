"""Ages written without a unit: "John Smith, 45, of Leeds", "Man 61 dies", "aged 41 and 38".
"""

from __future__ import annotations

from quantcheck.extractors.concepts import concept_of
from quantcheck.extractors.extraction_context import Candidate, ExtractionContext
from quantcheck.extractors.text_views import followed_by_punct, next_word, prev_word
from quantcheck.extractors.units import COUNT


def apposition_age(ctx: ExtractionContext, c: Candidate) -> bool:
    """"The driver, 58, was among the dead", "John Smith, 45, of Leeds": a bare whole number between
    commas right after a name or a person noun is an age."""
    if c.age or c.counted or c.value is None or not 0 < c.value < 120 or c.value != int(c.value) or \
            c.num.decimals or c.unit not in ("", "year"):
        return False
    if not c.unit and (c.num.words or not ctx.lang.age_apposition):
        return False
    # "Jean Dupont, 45 ans, a été", "El delantero francés, de 25 años, marcó": with a year unit, in any
    # language; the Spanish ", de N años," needs no noun before it
    start = c.start
    linked = bool(c.unit) and ctx.lower[start - 3:start] in ctx.lang.apposition_links
    if linked:
        start -= 3
    if ctx.text[start - 2:start] != ", " or ctx.text[c.end:c.end + 1] != ",":
        return False
    w = prev_word(ctx, start - 2)
    # "His co-defendant, 39, who pleaded guilty": the last part of a hyphenated noun, and any noun when the
    # age is followed by a word that opens one of [words] age_copulas ("who", "he", "she": a person)
    head = w.rsplit("-", 1)[-1]
    return head.isalpha() and (linked or w[0].isupper() or head.lower() in ctx.lang.age_nouns or
                               not c.unit and next_word(ctx, c.end + 1) in _copula_heads(ctx))


def _copula_heads(ctx: ExtractionContext) -> frozenset[str]:
    return frozenset(cop.split()[0] for cop in ctx.lang.age_copulas)


def bare_age(ctx: ExtractionContext, c: Candidate) -> bool:
    """Ages scraped text gives without commas: "Jane Smith 52 said" (a whole number after two capitalised
    words, before a verb of [words] age_apposition_next) and "who was 9 at the time" (after one of
    ``age_copulas``, before punctuation or one of ``age_copula_next``)."""
    lang = ctx.lang
    if c.unit or c.age or c.num.words or c.value is None or not 0 < c.value < 120 or \
            c.value != int(c.value) or c.num.decimals or c.start != c.num_start or \
            not (lang.age_copulas or lang.age_apposition_next) or \
            ctx.text[c.start - 1:c.start] != " " or not ctx.text[c.start - 2:c.start - 1].isalpha() or \
            c.counted and concept_of(ctx, c, COUNT) is not None:
        return False
    verb_after = next_word(ctx, c.end) in lang.age_apposition_next  # ("said" may be read as the noun)
    if c.counted and not verb_after and not ctx.text[c.end + 1:c.end + 2].islower():
        return False
    before = ctx.lower[max(0, c.start - 16):c.start]
    if not c.counted and any(before.endswith(cop + " ") for cop in lang.age_copulas):
        return followed_by_punct(ctx, c.end) or any(
            ctx.lower.startswith(w, c.end + 1) and not ctx.lower[c.end + 1 + len(w):][:1].isalpha()
            for w in lang.age_copula_next) and ctx.text[c.end:c.end + 1] == " "
    m1 = ctx.patterns["prev_word"].search(ctx.text, max(0, c.start - 40), c.start)
    if m1 is None:
        return False
    # "Man 61 dies after crash", "Pensioner 84 loses £38,000": a singular person noun, then the age (not
    # after another capitalised word: "a Land Rover Defender 110 converted" is a model's name)
    noun = m1.group("w").lower()
    w0 = prev_word(ctx, m1.start("w"))
    if lang.age_apposition_next and noun in lang.age_nouns and not noun.endswith("s") and \
            not (w0[:1].isupper() and w0.lower() not in lang.stopwords) and \
            noun not in lang.identifier_words and \
            noun not in lang.irregular_plurals.values() and ctx.text[c.end:c.end + 1] == " " and \
            ctx.text[c.end + 1:c.end + 2].islower() and \
            (verb_after or next_word(ctx, c.end) not in lang.stopwords):
        return True
    if not verb_after:
        return False
    w1 = m1.group("w")
    return all(w.isalpha() and w[:1].isupper() and w.lower() not in lang.stopwords and
               w.lower() not in lang.name_exceptions and w.lower() not in lang.months for w in (w0, w1))


def second_age(ctx: ExtractionContext, c: Candidate, prev: Candidate | None) -> bool:
    """"Two men, aged 41 and 38, were arrested": a whole number coordinated with an age is one too."""
    if prev is None or not prev.age or c.unit or c.counted or c.num.words or c.value is None or \
            not 0 < c.value < 120 or c.value != int(c.value):
        return False
    return ctx.text[prev.end:c.start].strip().lower() in ctx.lang.coordination
