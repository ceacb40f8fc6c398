"""The schema of the extractor's language files (extractors/lang/*.toml), checked when a file is read.

A language file is data written by hand; a misspelt key ("minus_not_afer") would otherwise be ignored and the
rule it feeds would silently do nothing. So every section and key is checked here, like flows/config.py checks
a sources file: an unknown or mistyped key is an error that names the file and the key. The schema is
documented, key by key, in docs/languages.md; tests/test_extract_langschema.py keeps the two the same.

The schema is a tree of four shapes: a fixed table (known keys only), a map (free keys, one value type: unit
words, number words), a list, and a scalar.

>>> check_file({"numbers": {"decimal": ",", "group": ["."]}}, "xx.toml")
>>> check_file({"numbers": {"decimel": ","}}, "xx.toml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
extractors.langschema.LanguageFileError: xx.toml: unknown key 'decimel' in [numbers]; known keys: decimal, ...
>>> check_file({"scales": {"million": "1e6"}}, "xx.toml")
Traceback (most recent call last):
...
extractors.langschema.LanguageFileError: xx.toml: [scales] million must be a number, got '1e6'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class LanguageFileError(ValueError):
    """A language file breaks the schema; the message names the file and the key."""


@dataclass(frozen=True)
class Scalar:
    """One TOML value: ``str``, ``bool``, ``int`` or ``number`` (int or float; never a bool)."""

    kind: str

    def describe(self) -> str:
        return {"str": "a string", "bool": "true or false", "int": "a whole number",
                "number": "a number"}[self.kind]

    def plural(self) -> str:
        return {"str": "strings", "bool": "booleans", "int": "whole numbers", "number": "numbers"}[self.kind]

    def accepts(self, value: Any) -> bool:
        if self.kind == "bool":
            return isinstance(value, bool)
        if isinstance(value, bool):
            return False
        if self.kind == "str":
            return isinstance(value, str)
        if self.kind == "int":
            return isinstance(value, int)
        return isinstance(value, int | float)


@dataclass(frozen=True)
class ListOf:
    """A TOML array whose items all have one shape; ``size`` fixes its length (pairs)."""

    item: Shape
    size: int | None = None

    def describe(self) -> str:
        return f"a {self._body()}"

    def _body(self) -> str:
        n = f"{self.size} " if self.size else ""
        return f"list of {n}{self.item.plural()}"

    def plural(self) -> str:
        return f"lists of {self._body().removeprefix('list of ')}"


@dataclass(frozen=True)
class MapOf:
    """A table with free keys (words, symbols, codes), each mapped to a value of one shape."""

    value: Shape

    def describe(self) -> str:
        return f"a table of {self.value.plural()}"

    def plural(self) -> str:
        return f"tables of {self.value.plural()}"


@dataclass(frozen=True)
class Table:
    """A table with a fixed set of keys: any other key is a mistake."""

    keys: dict[str, Shape]

    def describe(self) -> str:
        return "a table"

    def plural(self) -> str:
        return "tables"


Shape = Scalar | ListOf | MapOf | Table

STR, BOOL, INT, NUM = Scalar("str"), Scalar("bool"), Scalar("int"), Scalar("number")
WORDS = ListOf(STR)
PAIRS = ListOf(ListOf(STR, 2))


def _words(*names: str) -> dict[str, Shape]:
    return dict.fromkeys(names, WORDS)


SCHEMA = Table({
    "language": Table({"code": STR, "name": STR, "capitalised_nouns": BOOL, "adjective_before_noun": BOOL,
                        "scale_words_alone_are_money": BOOL}),
    "numbers": Table({"decimal": STR, "other_decimal": STR,
                      **_words("group", "spaces", "minus", "plus", "minus_not_after", "negative_after",
                               "joiners", "ones_before_tens")}),
    "number_words": MapOf(NUM),
    "multipliers": MapOf(NUM),
    "scales": MapOf(NUM),
    "scale_symbols": MapOf(NUM),
    "fractions": MapOf(NUM),
    "words": Table({
        **_words(
            "abbreviations", "address_words", "age_apposition_next", "age_before", "age_copula_next",
            "age_copulas", "age_noun_links", "age_nouns", "age_suffix", "age_units", "approx_multipliers",
            "articles", "clock_after", "clock_before", "clock_before_bare", "comparison_words", "part_words",
            "price_verbs",
            "denominator_words", "unit_hyphen_words", "duration_before",
            "comparison_after", "parallel_after", "dimension_by",
            "composite_and", "term_before", "term_after", "coordination", "count_verbs", "counter_links",
            "counter_words",
            "emergency_after", "emergency_before", "emergency_numbers", "half_suffix", "headings",
            "hour_units_are_clock_after", "hyphen_identifiers", "hyphen_not_counts", "hyphen_noun_endings",
            "identifier_suffixes", "identifier_words", "money_periods", "period_dated", "day_articles_alone",
            "months", "day_words", "name_articles",
            "name_determiners", "name_exceptions", "one_next", "one_nouns", "one_words", "ordinal_dot_before",
            "ordinal_suffixes", "per", "per_measure", "phone_words", "quantity_verbs", "score_words",
            "standalone_multipliers", "unit_gap_words", "unit_links", "unit_plurals", "year_qualifiers",
            "year_words"),
        "age_apposition": BOOL,
        "months_capitalised": BOOL,
        "clock_range": PAIRS,
        "precision_words": MapOf(NUM),
        "unit_compounds": MapOf(WORDS),
    }),
    "units": MapOf(STR),
    "unit_symbols": MapOf(STR),
    "currency_prefixes": MapOf(STR),
    "currency_suffixes": MapOf(STR),
    "currency_codes": Table({"codes": WORDS, "scale_letters": MapOf(NUM), "aliases": MapOf(STR)}),
    "currency_families": Table({"families": ListOf(Table({"codes": WORDS, "document": BOOL}))}),
    "currency_countries": MapOf(WORDS),
    "dimension_concepts": MapOf(STR),
    "concepts": MapOf(WORDS),
    "guards": MapOf(Table({"attached_only": BOOL, "end": BOOL, "next": WORDS, "after_unit": BOOL})),
    "powers": Table({"prefix": MapOf(NUM), "suffix": MapOf(NUM)}),
    "ambiguous": ListOf(Table({
        "surfaces": WORDS, "default": STR,
        "rules": ListOf(Table({"unit": STR, "cues": WORDS, "scaled": BOOL, "negative": BOOL, "above": NUM})),
    })),
    "qualifiers": Table({**_words("approx", "at_least", "at_most", "during", "during_after"),
                         "particles": MapOf(WORDS)}),
    "qualifiers_after": Table(_words("approx", "at_least", "at_most")),
    "ranges": Table({"between": PAIRS, "changes": PAIRS,
                     **_words("connectors", "day_articles", "change_before", "change_by", "change_from",
                              "change_verbs", "change_verbs_down")}),
    "counted": Table({**_words("stopwords", "skip", "adverbs", "verb_suffixes", "compound_heads"),
                      "irregular_plurals": MapOf(STR)}),
    "vague": Table({"words": MapOf(ListOf(NUM, 3)), "modifiers": MapOf(Table({"low": NUM, "high": NUM})),
                    "guarded": MapOf(WORDS)}),
})

# What a language file (not common.toml) must say: the rest may come from common.toml or be absent.
REQUIRED = (("language", "code"), ("numbers", "decimal"))


def _where(path: tuple[str, ...]) -> str:
    """'[numbers] decimal' for a key of a section; '[numbers]' for the section itself."""
    if not path:
        return "the file"
    head, rest = f"[{path[0]}]", " ".join(path[1:])
    return f"{head} {rest}" if rest else head


def _check(value: Any, shape: Shape, path: tuple[str, ...], origin: str) -> None:
    if isinstance(shape, Scalar):
        if not shape.accepts(value):
            raise LanguageFileError(f"{origin}: {_where(path)} must be {shape.describe()}, got {value!r}")
    elif isinstance(shape, ListOf):
        if not isinstance(value, list) or (shape.size is not None and len(value) != shape.size):
            raise LanguageFileError(f"{origin}: {_where(path)} must be {shape.describe()}, got {value!r}")
        for i, item in enumerate(value):
            _check(item, shape.item, (*path[:-1], f"{path[-1]}[{i}]") if path else (f"[{i}]",), origin)
    elif not isinstance(value, dict):
        raise LanguageFileError(f"{origin}: {_where(path)} must be {shape.describe()}, got {value!r}")
    elif isinstance(shape, MapOf):
        for key, item in value.items():
            _check(item, shape.value, (*path, key), origin)
    else:
        unknown = sorted(set(value) - set(shape.keys))
        if unknown:
            place = f"in {_where(path)}" if path else "(a section)"
            raise LanguageFileError(f"{origin}: unknown key {unknown[0]!r} {place}; known keys: "
                                    f"{', '.join(sorted(shape.keys))}")
        for key, item in value.items():
            _check(item, shape.keys[key], (*path, key), origin)


def check_file(data: dict, origin: str, *, language: str | None = None) -> None:
    """Raise :class:`LanguageFileError` unless ``data`` (one parsed file) follows :data:`SCHEMA`.

    ``language`` is the code the file name gives; a language file must then state it as
    ``[language] code`` and give its decimal separator (common.toml, shared by all, passes None)."""
    _check(data, SCHEMA, (), origin)
    if language is None:
        return
    for section, key in REQUIRED:
        if key not in data.get(section, {}):
            raise LanguageFileError(f"{origin}: missing key {key!r} in [{section}]")
    if data["language"]["code"] != language:
        raise LanguageFileError(f"{origin}: [language] code is {data['language']['code']!r} but the file is "
                                f"named for {language!r}")
