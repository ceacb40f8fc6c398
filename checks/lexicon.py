"""The multilingual subject lexicon (``checks/lexicon/*.toml``): words → canonical subject terms.

Matching runs inside DuckDB (RE2, vectorised) on every claim's sentence, so the lexicon is compiled to
one regular expression per language over a normalised text (lower case, every non-letter a space) that
returns whole words starting with a lexicon form. The hits (a handful per sentence) are mapped back to
terms here, in Python, once per distinct hit: exact forms must equal the word, stems must start it.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

LEXICON_DIR = Path(__file__).with_name("lexicon")
ROLES = ("action", "topic", "entity")
ROLE_RANK = {"action": 0, "topic": 1, "entity": 2}
WORD_RE = regex.compile(r"\p{L}+")
# The letters of a word, in lower case, as the SQL side sees them. Deliberately an explicit class, not
# \p{L}: RE2 is 5-50x slower with Unicode classes on millions of sentences. Latin-1 and Latin Extended-A
# cover French, Spanish and German; extend it when adding a language with other letters.
LETTERS = r"a-z\x{00df}-\x{00f6}\x{00f8}-\x{00ff}\x{0100}-\x{017f}"
# SQL normalisation (checks/sql/subject_hits.sql): lower(), then every non-letter → one space. The length
# is preserved, so the mention's offsets still cut the sentence where they should. Spaces are left out of
# the class (a space already is one): same result, but RE2's global replace then stops only at digits
# and punctuation instead of at every space — 2.3x faster on a million sentences.
NON_LETTER = f"[^{LETTERS} ]"


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the entry."""


def normalise_words(text: str) -> list[str]:
    """Lower-cased letter runs, as the SQL normalisation sees them.

    >>> normalise_words("Plan d'aide, build-up!")
    ['plan', 'd', 'aide', 'build', 'up']
    """
    return WORD_RE.findall(text.lower())


@dataclass(frozen=True, slots=True)
class Form:
    words: tuple[str, ...]
    stem: bool      # the last word is a prefix ("amass*")
    term: str


@dataclass(frozen=True)
class Lexicon:
    roles: dict[str, str]
    forms: dict[str, tuple[Form, ...]]            # language → forms
    version: str                                  # sha256 of the files: cached subjects are redone on change
    _exact: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self.forms))

    def pattern(self, lang: str | None) -> str:
        """One RE2 pattern for ``lang`` (all languages when unknown) matching whole words that start
        with a lexicon form: " (?:form|…)[letters]*". The hit is the whole word (or phrase), so an exact
        form that is only a prefix of the word ("call" in "calling") is rejected by :meth:`lookup`."""
        forms = self.forms.get(lang or "") or tuple(f for fs in self.forms.values() for f in fs)
        parts = {" ".join(f.words) for f in forms}
        # Longest first: RE2 alternation is leftmost-first, so "pull back" must win over "pull".
        ordered = sorted(parts, key=lambda p: (-len(p), p))
        return " (?:" + "|".join(ordered) + f")[{LETTERS}]*"

    def lookup(self, lang: str | None, hit: str) -> str | None:
        """The canonical term of one regex hit (exact form first, then the longest matching stem)."""
        words = tuple(hit.split())
        key = " ".join(words)
        langs = [lang] if lang in self.forms else sorted(self.forms)
        for lg in langs:
            exact = self._exact.get(lg, {})
            if key in exact:
                return exact[key]
        best: tuple[int, str] | None = None
        for lg in langs:
            for f in self.forms[lg]:
                if not f.stem or len(f.words) != len(words):
                    continue
                if words[:-1] == f.words[:-1] and words[-1].startswith(f.words[-1]):
                    cand = (len(" ".join(f.words)), f.term)
                    if best is None or cand[0] > best[0]:
                        best = cand
        return best[1] if best else None


def parse_lexicon(directory: Path) -> Lexicon:
    """Read terms.toml and every language file; inconsistent entries are errors naming the file."""
    terms_file = directory / "terms.toml"
    raw = terms_file.read_bytes()
    digest = hashlib.sha256(raw)
    roles = tomllib.loads(raw.decode("utf-8")).get("roles", {})
    for term, role in roles.items():
        if role not in ROLES:
            raise LexiconError(f"{terms_file}: term {term!r} has role {role!r}; use one of {ROLES}")
    forms: dict[str, tuple[Form, ...]] = {}
    exact: dict[str, dict[str, str]] = {}
    for path in sorted(directory.glob("*.toml")):
        if path.name == "terms.toml":
            continue
        data = path.read_bytes()
        digest.update(path.name.encode() + data)
        table = tomllib.loads(data.decode("utf-8")).get("terms")
        if not isinstance(table, dict):
            raise LexiconError(f"{path}: needs a [terms] table")
        lang = path.stem
        seen: dict[tuple[tuple[str, ...], bool], str] = {}
        out: list[Form] = []
        for term, entries in table.items():
            if term not in roles:
                raise LexiconError(f"{path}: term {term!r} is not declared in {terms_file.name}")
            if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
                raise LexiconError(f"{path}: {term} must be a list of strings")
            for entry in entries:
                stem = entry.endswith("*")
                words = tuple(normalise_words(entry.rstrip("*")))
                if not words:
                    raise LexiconError(f"{path}: {term}: entry {entry!r} has no letters")
                other = seen.get((words, stem))
                if other is not None and other != term:
                    raise LexiconError(f"{path}: {entry!r} maps to both {other!r} and {term!r}")
                seen[(words, stem)] = term
                out.append(Form(words, stem, term))
        forms[lang] = tuple(out)
        exact[lang] = {" ".join(f.words): f.term for f in out if not f.stem}
    return Lexicon(roles=roles, forms=forms, version=digest.hexdigest()[:16], _exact=exact)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return parse_lexicon(LEXICON_DIR)
