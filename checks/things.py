"""One key for a counted thing across the four languages: "tractors", "tracteurs", "tractores", "Traktoren".

A count whose noun names no group of people ("450 tractors", "140 jerrycans", "12 hospitals") is compared
with the counts of the same thing. The lexicon cannot list every noun a story counts, but the nouns news
counts are mostly cognates across French, English, Spanish and German, and inflected forms of one word within
a language ("Taifune" / "Taifunen", "hospital" / "hospitals"). Their key is the consonant skeleton of the
word without its plural ending, spelt one way per sound: "tractor", "tracteur", "tractor", "traktor" are all
"trktr". A key of fewer than three consonants ("vols", "vuelos") would join unrelated words: the folded word
is kept then. Nouns that are not cognates ("guests" / "invités") stay apart, as before.
"""

from __future__ import annotations

from functools import lru_cache

from quantcheck.checks.gazetteer import DOUBLES, VOWELS, fold

# plural and case endings, longest first: "tractores", "Traktoren", "tracteurs", "Taifune", "hôpitaux"
ENDINGS = ("es", "en", "s", "n", "e", "x")
MIN_STEM = 3
MIN_KEY = 3
# one spelling per sound across the four languages (in this order: "sch" before "ch", "ph" before "h")
SOUNDS = (("sch", "s"), ("ch", "k"), ("ph", "f"), ("th", "t"), ("qu", "k"), ("c", "k"), ("q", "k"),
          ("w", "v"), ("z", "s"), ("j", "y"))


@lru_cache(maxsize=65536)
def thing_key(noun: str | None) -> str | None:
    """The key a counted thing is blocked and compared by.

    >>> {thing_key(w) for w in ("tractors", "tracteurs", "tractores", "Traktoren")}
    {'trktr'}
    >>> thing_key("Taifune") == thing_key("taifunen") == thing_key("typhoons") == thing_key("tifones")
    True
    >>> thing_key("vols"), thing_key("vuelos")
    ('vols', 'vuelos')
    """
    if not noun:
        return noun
    word = fold(noun)
    if " " in word or not word.isalpha():
        return word  # a phrase or a compound with a hyphen: as written
    stem = next((word[: -len(e)] for e in ENDINGS if word.endswith(e) and len(word) - len(e) >= MIN_STEM),
                word)
    for written, sound in SOUNDS:
        stem = stem.replace(written, sound)
    key = DOUBLES.sub(r"\1", VOWELS.sub("", stem))  # consonants, doubled ones once, as gazetteer.skeleton
    return key if len(key) >= MIN_KEY else word
