"""Language data: the TOML files under extractors/lang/ compiled into lookup tables and regexes.

Each language is loaded and compiled once per process (``load(code)`` is cached). Word lists become
``regex`` named lists (``\\L<name>``), which match the longest entry first and are looked up as a set,
so a regex with thousands of unit words still scans text in linear time.
"""

from __future__ import annotations

import gc
import threading
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from quantcheck.extractors.langschema import check_file
from quantcheck.extractors.prefilter import guard_ahead, guard_behind
from quantcheck.extractors.unitmatch import UnitMatcher

if TYPE_CHECKING:
    from quantcheck.extractors.currency_country import CountryCurrencies

LANG_DIR = Path(__file__).with_name("lang")
_LOCK = threading.Lock()

SPACES = " \u00a0\u202f"
# characters that may stand for a minus sign in front of a number
MINUS_SIGNS = "-−–"


def available_languages() -> list[str]:
    """Codes of the language files shipped in extractors/lang (common.toml excluded).

    Read once per process, like the files themselves: listing a directory on every ``extract`` call
    cost more than extracting a short article."""
    return list(_language_codes())


@lru_cache(maxsize=1)
def _language_codes() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in LANG_DIR.glob("*.toml") if p.stem != "common"))


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        if key in out and isinstance(out[key], dict) and isinstance(value, dict):
            out[key] = _merge(out[key], value)
        elif key in out and isinstance(out[key], list) and isinstance(value, list):
            out[key] = out[key] + value
        else:
            out[key] = value
    return out


def read_raw(code: str) -> dict:
    """The merged (common + language) data of one language, as plain TOML values.

    Both files are checked against the schema first (extractors/langschema.py, docs/languages.md): a
    mistyped key is an error naming the file and the key, never a rule silently switched off."""
    common_path = LANG_DIR / "common.toml"
    with open(common_path, "rb") as fh:
        common = tomllib.load(fh)
    check_file(common, str(common_path))
    path = LANG_DIR / f"{code}.toml"
    if not path.exists():
        raise ValueError(f"no language data for {code!r} (have: {', '.join(available_languages())})")
    with open(path, "rb") as fh:
        lang = tomllib.load(fh)
    check_file(lang, str(path), language=code)
    return _merge(common, lang)


def decimal_separators() -> dict[str, str]:
    """Each language file's decimal separator (``[numbers] decimal``), by language code.

    The warehouse reads the rounding of a figure from its last digit group ("2,500" is 2.5 in French,
    2500 in English); it takes the separator from here, so a new language file is enough for that too.
    The files are read afresh (a few milliseconds, once per refresh), so the answer follows the data.

    >>> decimal_separators()["fr"], decimal_separators()["en"]
    (',', '.')
    """
    codes = sorted(p.stem for p in LANG_DIR.glob("*.toml") if p.stem != "common")
    return {code: read_raw(code)["numbers"]["decimal"] for code in codes}


def _low(items) -> list[str]:
    return sorted({str(x).lower() for x in items if str(x)})


@dataclass
class Ambiguous:
    default: str
    rules: list[dict]


@dataclass
class LangData:
    """Everything the engine needs about one language, compiled."""

    code: str
    name: str
    capitalised_nouns: bool
    adjective_before_noun: bool
    scale_words_alone_are_money: bool  # "1,4 milliard" after an amount in euros is euros too
    decimal: str
    group: frozenset[str]
    number_words: dict[str, float]
    multipliers: dict[str, float]
    scales: dict[str, float]
    scale_symbols: dict[str, float]
    fractions: dict[str, float]
    articles: frozenset[str]
    units_ci: dict[str, str]
    units_cs: dict[str, str]
    currency_codes: frozenset[str]
    code_scale_letters: dict[str, float]
    currency_aliases: dict[str, str]
    currency_prefix: dict[str, str]
    currency_suffix: dict[str, str]
    guards: dict[str, dict]
    ambiguous: dict[str, Ambiguous]
    powers_prefix: dict[str, int]
    powers_suffix: dict[str, int]
    qualifiers: dict[str, str]
    qualifiers_after: dict[str, str]
    range_between: list[tuple[str, str]]
    range_changes: list[tuple[str, str]]  # "von 425 auf 450 Prozent": always a change, never a range
    range_connectors: frozenset[str]
    stopwords: frozenset[str]
    skip_words: frozenset[str]
    adverbs: frozenset[str]
    concepts: dict[str, str]
    dimension_concepts: dict[str, str]
    months: frozenset[str]
    day_words: frozenset[str]
    identifier_words: frozenset[str]
    clock_before: frozenset[str]
    clock_range_before: frozenset[str]
    clock_before_bare: frozenset[str]
    term_before: frozenset[str]  # "sentenced to" four years and nine months: one term
    term_after: tuple[str, ...]  # four years and nine months "in prison", "Haft": one term
    identifier_suffixes: tuple[str, ...]
    unit_plurals: tuple[str, ...]  # [words] unit_plurals: the endings of a unit word's plural
    period_dated: frozenset[str]  # [words] period_dated: "(la semaine) dernière": a period that is a date
    address_words: frozenset[str]
    name_determiners: frozenset[str]
    verb_suffixes: tuple[str, ...]
    change_before: frozenset[str]
    approx_multipliers: frozenset[str]
    age_apposition: bool
    apposition_links: frozenset[str]
    counter_words: frozenset[str]
    compound_heads: frozenset[str]
    precision_words: dict[str, float]
    abbreviations: frozenset[str]
    during_words: frozenset[str]
    during_after: frozenset[str]
    per_measure: frozenset[str]
    clock_after: list[str]
    minus_words: frozenset[str]
    half_suffix: list[str]
    age_suffix: list[str]
    unit_links: list[str]
    per_words: list[str]
    coordination: frozenset[str]
    unit_hyphen_words: frozenset[str] = frozenset()  # "mile-long": a unit joined to these stays a unit
    duration_before: frozenset[str] = frozenset()  # "ramener le trajet à 1 h 55": a duration, not a clock
    denominator_words: frozenset[str] = frozenset()  # "96,80 Euro je 100 Liter": the rate's 100 is no figure
    compound_words: bool = False
    ones_before_tens: frozenset[str] = frozenset()  # "und" in "einundzwanzig": a unit written before its ten
    score_words: frozenset[str] = frozenset()  # "won 3-1", "s'est imposé 3-1": a score, not a range
    age_before: list[str] = field(default_factory=list)  # "aged 23", "âgé de 45 ans": an age in years
    ordinal_suffixes: frozenset[str] = frozenset()  # "3rd", "3.º", "2e"; "." alone: German "3. Platz"
    ordinal_dot_before: frozenset[str] = frozenset()  # "der 3. Platz", "zum 5. Mal": a "N." after these
    phone_words: list[str] = field(default_factory=list)  # "Tel.", "llame al": the number after is a phone
    age_units: frozenset[str] = frozenset()  # "die 23-Jährige", "ein 45-jähriger Mann": ages when a noun
    age_nouns: frozenset[str] = frozenset()  # person nouns: "un hombre de 45 años", "45-jähriger Mann"
    # ---- real, messy news (docs/languages.md, "[vague]" and "Counts of one") ----
    vague: dict[str, tuple[float, float, float]] = field(default_factory=dict)  # "dozens": (24, 99, 12)
    vague_modifiers: dict[str, tuple[float, float | None]] = field(default_factory=dict)  # "several": (3, 9)
    vague_guarded: dict[str, frozenset[str]] = field(default_factory=dict)  # "scores": the words after it
    one_words: frozenset[str] = frozenset()  # "one", "un", "ein": 1 before a counted noun
    one_nouns: frozenset[str] = frozenset()  # "person", "mort", "Toter": the nouns that make "one" a count
    one_next: frozenset[str] = frozenset()  # "at least one and", "kills one in": words after a bare "one"
    count_verbs: frozenset[str] = frozenset()  # "kills", "killed": the number after them counts people
    unit_compounds: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "barrel" + "bombs": no unit
    day_articles_alone: frozenset[str] = frozenset()  # "le 18 à Biarritz", "la tempête du 24": a day
    other_decimal: str = ""  # "." in Spanish: Mexico and Peru write "1,350.5"; a document may be read so
    change_verbs: frozenset[str] = frozenset()  # "slipped 0.7 per cent to 7412": a change, then a level
    change_from: frozenset[str] = frozenset()  # "rose from 3% to 5%": range words that mean "from"
    change_by: frozenset[str] = frozenset()  # "a reculé de 0,7 % à 7 412": range words that mean "by"
    change_verbs_down: frozenset[str] = frozenset()  # "fell", "reduced": the change verbs that lower a value
    name_exceptions: frozenset[str] = frozenset()  # capitalised words that make no name with a number
    age_apposition_next: frozenset[str] = frozenset()  # "Jane Smith 52 said": verbs after an age
    age_copulas: tuple[str, ...] = ()  # "who was 9 at the time": the words before an age
    age_copula_next: tuple[str, ...] = ()  # "at the time", "when": what may follow that age
    months_capitalised: bool = False  # "May", "March": a month only when written with a capital
    irregular_plurals: dict[str, str] = field(default_factory=dict)  # "child" -> "children" (for concepts)
    headings: frozenset[str] = frozenset()  # "Slideshow (21 Images)": page furniture before a bracket
    country_heads: frozenset[str] = frozenset()  # the first three letters of the country words
    literal_anchors: tuple = ()  # (word, pattern, back): vague counts and counts of one (_messy_anchors)
    hyphen_identifiers: frozenset[str] = frozenset()  # "a 7.4-magnitude earthquake"
    hyphen_noun_endings: tuple[str, ...] = ()  # "3-pointers", "a 10-pounder": nouns made of a number
    hyphen_not_counts: frozenset[str] = frozenset()  # "a two-state solution": compounds that count nothing
    emergency_numbers: frozenset[str] = frozenset()  # "the first 911 call": phone numbers, not counts
    emergency_after: frozenset[str] = frozenset()  # "911 call": the words after such a number
    emergency_before: frozenset[str] = frozenset()  # "dial 999": the words before it
    money_periods: frozenset[str] = frozenset()  # "£12.21 an hour": time units that make money a rate
    minus_not_after: tuple[str, ...] = ()  # "plus or minus 2.5 points": a tolerance, not a negative
    name_articles: frozenset[str] = frozenset()  # "the Nasdaq 100 fell": articles before a named model
    qualifier_particles: dict[str, frozenset[str]] = field(default_factory=dict)  # "took over": a verb's
    year_qualifiers: frozenset[str] = frozenset()  # "around 1900", "until 2030": qualifiers years take
    res: dict[str, regex.Pattern] = field(default_factory=dict)
    unit_pattern: str = ""  # the regex the unit matchers implement (reference for the tests)
    memo_currency: dict = field(default_factory=dict)  # engine's currency_of answers, by symbol
    memo_negative: dict = field(default_factory=dict)  # unit_resolution.negative_reading answers, by unit
    countries: CountryCurrencies | None = None  # same-named currencies by country (currency_country.py)


def _words_table(raw: dict, key: str) -> dict[str, float]:
    return {str(k).lower(): float(v) for k, v in raw.get(key, {}).items()}


def _heads(words: list[str], n: int) -> list[str]:
    """The first ``n`` characters of each word (the whole of a shorter one), for a cheap test in front of a
    long word list; empty when a word is empty or starts with white space or a hyphen, where such a test
    would not be exact."""
    if any(not w or regex.match(r"[\s\-]", w, regex.V1) for w in words):
        return []
    return sorted({w[:n] for w in words})


def _compile(data: LangData, raw: dict) -> None:
    """Build the regexes of one language (see the docstrings of the engine for how each is used)."""
    words = raw.get("words", {})
    nw = set(data.number_words) | (set(data.multipliers) & set(_low(words.get("standalone_multipliers", []))))
    nw -= set(data.articles)
    # words that may follow an article ("a hundred", "a mile", "une douzaine", "half million")
    art_next = (set(data.scales) | set(data.multipliers) | set(data.fractions) | set(data.units_ci)
                | set(data.number_words))
    art_next -= set(data.articles)
    art_start = set(data.articles) | {w for w, d in data.fractions.items() if d in (2.0, 4.0)}
    cur_pre = set(data.currency_prefix)
    codes = set(data.currency_codes) | {k + c for k in data.code_scale_letters for c in data.currency_codes}
    codes |= set(data.currency_aliases)
    compound = "" in raw.get("numbers", {}).get("joiners", [])
    data.compound_words = compound
    data.ones_before_tens = frozenset(_low(raw.get("numbers", {}).get("ones_before_tens", [])))
    lists = dict(
        nw=sorted(nw), art=sorted(art_start), artnext=sorted(art_next), curpre=sorted(cur_pre),
        codes=sorted(codes),
    )
    # Two scans, each with a cheap first-character test: digits (and the patterns that must not be read
    # as quantities), then number words. A single alternation of both would be several times slower.
    data.res["anchor"] = regex.compile(
        r"""
        (?P<skip>
            (?<![\p{L}\p{N}])(?<!\p{N}[.,])\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}(?![\p{N}])  # 12/03/2021
            # (2021-03-12; not "34-1.37" inside "1.34-1.37 tonnes")
          | \+\d{1,3}(?:[ .\-]?\(?\d{1,4}\)?){3,6}(?![\p{N}])                     # +33 1 23 45 67 89
          | (?<![\p{L}\p{N}])\(\d{2,4}\)[ .\-]?\d{3,4}[ .\-]\d{3,4}(?![\p{N}])     # (212) 555-1234
          | (?<![\p{L}\p{N}])\d{2,4}(?:-\d{2,8}){2,}(?![\p{N}])                   # 1111-2222-3333
          | (?<![\p{L}\p{N}])1[ .\-]\d{3}[ .\-]\d{3}[ .\-]\d{4}(?![\p{N}])         # 1-888-963-7111
          | (?<![\p{L}\p{N}])0\d(?:[ .]\d{2}){4}(?![\p{N}])                        # 01 23 45 67 89
        )
        # 9:30, 14h30, 2:04:11: a time of day or a duration (engine.clock_duration decides)
        | (?P<clock>(?<![\p{L}\p{N}.,])\d{1,3}(?::|h(?=\d))\d{2}(?:[:.]\d{2})?(?![\p{N}]))
        | (?P<num>(?<![\p{N}_])\d)
        | (?P<vfrac>(?<![\p{L}\p{N}])[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])
        """,
        regex.VERBOSE | regex.V1,
    )
    tail = "" if compound else r"\b"
    # After an article, the first lookahead (the first three letters of a word that may follow it) only
    # saves time: a list of a thousand units costs a set lookup per length of its words at every "a"/"un",
    # three lengths fail faster. It holds whenever the second does (no word of either list starts with a
    # space or a hyphen, so "[\s\-]+" ends at the same place), so the matches are the same. The number words
    # get the same test at every word boundary of the text (a word shorter than three letters is its own
    # head, so it is exact there too).
    heads = _heads(lists["art"] + lists["artnext"], 3)
    nw_heads = _heads(lists["nw"], 3)
    # (one "\b" in front of both branches: the scan tests it once per position, a quarter faster)
    data.res["anchor_words"] = regex.compile(
        r"\b(?:(?P<word>" + (r"(?=\L<nwheads>)" if nw_heads else "") + r"(?:\L<nw>)" + tail + r")"
        r"|(?P<art>(?:\L<art>)" + (r"(?=[\s\-]+(?:\L<heads>))" if heads else "") +
        r"(?=[\s\-]+(?:(?:\L<art>)[ ]+)?(?:\L<artnext>)\b)))",  # "half a million"
        regex.V1, nw=lists["nw"], art=lists["art"], artnext=lists["artnext"],
        **({"heads": heads} if heads else {}), **({"nwheads": nw_heads} if nw_heads else {}),
    )
    _messy_patterns(data)
    data.res["cur_left"] = regex.compile(  # on the lower-cased text
        r"(?r)(?<![\p{L}\p{N}])(?P<sym>\L<curpre>)(?P<sp>[ \u00a0]?)(?P<neg>[-−]?)\Z",
        regex.V1, curpre=lists["curpre"])
    data.res["code_left"] = regex.compile(  # on the text as written: ISO codes are capitals
        r"(?r)(?<![\p{L}\p{N}])(?P<sym>\L<codes>)(?P<sp>[ \u00a0]?)(?P<neg>[-−]?)\Z",
        regex.V1, codes=lists["codes"])
    # the digits of a number, from its first digit: groups, decimals, exponent, simple fraction
    data.res["digits"] = regex.compile(
        r"""
        (?P<int>\d++(?:(?:[ \u00a0\u202f]\d{3}+(?![\p{N}]))|(?:[.,'’]\d++))*+)
        (?P<exp>(?:[eE][-+−]?\d++(?![\p{L}\p{N}]))
               |(?:\s?[×x*]\s?10(?:\^|\*\*)?[-−]?\d++(?![\p{N}]))
               |(?:[×x]\d++\^\d++(?![\p{N}])))?
        (?P<frac>(?:[ \u00a0]\d{1,2}/\d{1,3}(?![\d/]))|(?:/\d{1,4}(?![\d/]))|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])?
        """,
        regex.VERBOSE | regex.V1,
    )
    joiners = sorted({j for j in raw.get("numbers", {}).get("joiners", [" "])}, key=len, reverse=True)
    joiner_re = "|".join(regex.escape(j) for j in joiners if j)
    if "" in joiners:
        joiner_re += "|"
    tok_words = sorted(set(data.number_words) | set(data.multipliers) | set(data.scales)
                       | set(data.fractions))
    boundary = "" if compound else r"(?![\p{L}])"
    data.res["word_tok"] = regex.compile(r"(?P<w>(?:\L<tw>))" + boundary, regex.V1, tw=tok_words)
    data.res["word_tok_next"] = regex.compile(
        rf"(?:{joiner_re})(?P<w>(?:\L<tw>))" + boundary, regex.V1, tw=tok_words)
    scale_words = sorted(data.scales)
    scale_syms = sorted(data.scale_symbols)
    data.res["scale_w"] = regex.compile(  # lower-cased text; "a $1.2-billion deal": a hyphen too
        r"(?P<sp>[ \u00a0\u202f]|-(?=\p{L}))?(?P<w>\L<sw>)(?![\p{L}])", regex.V1, sw=scale_words)
    data.res["scale_s"] = regex.compile(  # text as written
        r"(?P<sp>[ \u00a0\u202f]?)(?P<s>\L<ss>)(?![\p{L}\p{N}])", regex.V1, ss=scale_syms)
    half = sorted(_low(data.half_suffix), key=len, reverse=True)
    data.res["half"] = regex.compile(r"[ \u00a0]+(?:\L<h>)(?![\p{L}])", regex.V1, h=half or ["\x00"])
    links = _low(data.unit_links)
    data.res["link"] = regex.compile(r"[ \u00a0]+(?:\L<l>)(?:[ \u00a0]+|(?<=['’]))", regex.V1,
                                     l=links or ["\x00"])
    ucs = sorted(set(data.units_cs) | set(data.currency_codes) | set(data.currency_aliases)
                 | {k + c for k in data.code_scale_letters for c in data.currency_codes})
    uci = sorted(set(data.units_ci) | set(data.currency_prefix) | set(data.currency_suffix)
                 | set(data.ambiguous))
    pp = sorted(data.powers_prefix)
    ps = sorted(data.powers_suffix)
    unit_tpl = r"""
        (?P<gap>[ \u00a0\u202f]{0,2}(?:[-‑][ ]?)?|[-‑])
        (?P<open>[(\[{<])?
        (?:(?P<pp>\L<pp>)[ \u00a0]+)?
        (?P<u>\L<units>)
        (?P<ps>(?:[ \u00a0]?\L<ps>))?
        (?P<close>(?(open)[)\]}>]))
        (?![\p{L}\p{N}])
        """
    # The unit after a number is looked up several times per anchor: a hand-written matcher of the same
    # pattern (extractors/unitmatch.py) does it with set lookups, several times faster than the regex
    # word list. ``unit_pattern`` keeps the regex as the reference the tests compare the matcher with.
    data.unit_pattern = unit_tpl
    data.res["unit_ci"] = UnitMatcher(uci, pp, ps)  # type: ignore[assignment]
    data.res["unit_cs"] = UnitMatcher(ucs, pp, ps)  # type: ignore[assignment]
    per = sorted(_low(data.per_words), key=len, reverse=True)
    data.res["per"] = regex.compile(
        r"(?:[ \u00a0]*/[ \u00a0]*|[ \u00a0]+(?:\L<per>)[ \u00a0]*(?<=['’ \u00a0]))"
        r"(?P<u>\L<uci>)(?![\p{L}\p{N}])",
        # symbols lower-cased: the text is matched lower-cased, the engine reads the symbol as written
        # ("€/MWh")
        regex.V1, per=[p for p in per if p != "/"] or ["\x00"], uci=uci + [u.lower() for u in ucs])
    quals = sorted(data.qualifiers, key=len, reverse=True)
    data.res["qual_left"] = regex.compile(r"(?r)(?<![\p{L}])(?P<q>(?:\L<q>))[ \u00a0]*\Z", regex.V1,
                                          q=quals or ["\x00"])
    qa = sorted(data.qualifiers_after, key=len, reverse=True)
    data.res["qual_right"] = regex.compile(r"[ \u00a0]*(?P<q>(?:\L<q>))(?![\p{L}])", regex.V1,
                                           q=qa or ["\x00"])
    age = sorted(_low(data.age_suffix), key=len, reverse=True)
    data.res["age"] = regex.compile(r"(?:[ \u00a0]+|[-‑])(?:\L<a>)(?![\p{L}])", regex.V1, a=age or ["\x00"])
    data.res["next_words"] = regex.compile(
        r"[ \u00a0]+(?P<w1>[\p{L}][\p{L}\p{M}'’\-]*+)(?:[ \u00a0]+(?P<w2>[\p{L}][\p{L}\p{M}'’\-]*+))?"
        r"(?:[ \u00a0]+(?P<w3>[\p{L}][\p{L}\p{M}'’\-]*+))?", regex.V1)
    data.res["prev_word"] = regex.compile(r"(?r)(?P<w>[\p{L}\p{M}\p{N}'’.\-#°º§]++)[ \u00a0]*+\Z", regex.V1)
    ands = sorted(_low(words.get("composite_and", [])), key=len, reverse=True)
    data.res["composite_gap"] = regex.compile(
        r"(?:[ \u00a0]*,)?[ \u00a0]+(?:(?:\L<a>)[ \u00a0]+)?(?=[\p{N}\p{L}])", regex.V1, a=ands or ["\x00"])
    gapw = sorted(_low(words.get("unit_gap_words", [])), key=len, reverse=True)
    if gapw:
        data.res["gap_word"] = regex.compile(r"[ \u00a0]+(?:\L<g>)(?=[ \u00a0])", regex.V1, g=gapw)
    minus = sorted(data.minus_words)
    data.res["minus_left"] = regex.compile(r"(?r)(?<![\p{L}])(?:\L<m>)[ \u00a0]+\Z", regex.V1,
                                           m=minus or ["\x00"])
    age_before = sorted(_low(data.age_before), key=len, reverse=True)
    data.res["age_left"] = guard_behind(regex.compile(
        r"(?r)(?<![\p{L}])(?:\L<a>)(?:[ \u00a0]+|(?<=['’]))\Z", regex.V1, a=age_before or ["\x00"]),
        " \u00a0", age_before or ["\x00"])
    between_words = sorted({a.lower() for a, _ in [*data.range_between, *data.range_changes]}, key=len,
                           reverse=True)
    data.res["between_left"] = regex.compile(
        r"(?r)(?<![\p{L}])(?P<b>(?:\L<b>))(?:[ \u00a0]+|(?<=['’]))\Z", regex.V1, b=between_words or ["\x00"])
    data.res["words_ahead"] = regex.compile(r"[\p{L}][\p{L}\p{M}'’]*+", regex.V1)
    clock_second = sorted({str(b).lower() for _, b in words.get("clock_range", [])}, key=len, reverse=True)
    data.res["clock_range_next"] = regex.compile(r"[ \u00a0]+(?:\L<c>)[ \u00a0]+\d", regex.V1,
                                                 c=clock_second or ["\x00"])
    # the second time of a range whose first is a time written with its own hour word: "entre 18 heures et
    # 19 heures", "von 9 Stunden bis"... (the text before the second number)
    clock_first = sorted({str(a).lower() for a, _ in words.get("clock_range", [])}, key=len, reverse=True)
    data.res["clock_range_before"] = regex.compile(
        r"(?<![\p{L}])(?:\L<a>)[ \u00a0]+\d{1,2}(?:[.:h]\d{2})?[ \u00a0]*(?P<w>\p{L}+)"
        r"[ \u00a0]+(?:\L<c>)[ \u00a0]*\Z",
        regex.V1, a=clock_first or ["\x00"], c=clock_second or ["\x00"])
    plus = sorted(_low(raw.get("numbers", {}).get("plus", [])))
    if plus:
        data.res["plus_left"] = guard_behind(
            regex.compile(r"(?r)(?<![\p{L}])(?:\L<p>)[ \u00a0]+\Z", regex.V1, p=plus), " \u00a0", plus)
    neg_after = sorted(_low(raw.get("numbers", {}).get("negative_after", [])), key=len, reverse=True)
    data.res["negative_after"] = regex.compile(r"[ \u00a0]+(?:\L<n>)(?![\p{L}])", regex.V1,
                                               n=neg_after or ["\x00"])
    counter = sorted(_low(words.get("counter_words", [])), key=len, reverse=True)
    counter_links = sorted(_low(words.get("counter_links", [])), key=len, reverse=True)
    data.res["counter_left"] = regex.compile(
        r"(?r)(?<![\p{L}])(?:\L<w>)[ \u00a0]+\d{1,4}[ \u00a0]+(?:\L<l>)[ \u00a0]+\Z", regex.V1,
        w=counter or ["\x00"], l=counter_links or ["\x00"])
    data.res["counter_left"] = guard_behind(data.res["counter_left"], " \u00a0", counter_links or ["\x00"])
    coord = sorted(set(data.coordination) | {c for c in data.range_connectors if c.isalpha()}, key=len,
                   reverse=True)
    data.res["id_list"] = regex.compile(  # text as written, after a number that is no quantity
        r"(?:[ \u00a0]*+,[ \u00a0]*+\d{1,3}+)*+[ \u00a0]++(?:\L<c>)[ \u00a0]++\d{1,3}+(?![.,]\d)"
        r"(?=[ \u00a0]*+(?:[.,;:)]|\Z)|[ \u00a0]++(?:\p{Ll}|\p{Lu}\p{L}*\p{Lu}))",  # "§§ 223 und 224 StGB"
        regex.V1, c=coord or ["\x00"])
    by = sorted(_low(words.get("dimension_by", [])), key=len, reverse=True)
    if by:
        data.res["dimension_by"] = regex.compile(r"[ \u00a0]*+(?:\L<b>)[ \u00a0]*+\Z", regex.V1, b=by)
        data.res["dimension_next"] = regex.compile(r"[ \u00a0]*+(?:\L<b>)[ \u00a0]*+\d", regex.V1, b=by)
    parallel = sorted(_low(words.get("parallel_after", [])), key=len, reverse=True)
    if parallel:
        data.res["parallel_after"] = regex.compile(r"[ \u00a0]+(?:\L<p>)[ \u00a0]+\p{L}", regex.V1,
                                                   p=parallel)
    after = sorted(_low(words.get("comparison_after", [])), key=len, reverse=True)
    if after:
        data.res["comparison_after"] = regex.compile(r"[ \u00a0]+(?:\L<c>)(?![\p{L}])", regex.V1, c=after)
    parts = sorted(_low(words.get("part_words", [])), key=len, reverse=True)
    if parts:
        data.res["part_of"] = regex.compile(r"(?r)(?<![\p{L}])(?:\L<p>)[ \u00a0]+\Z", regex.V1, p=parts)
    comparison = sorted(_low(words.get("comparison_words", [])), key=len, reverse=True)
    if comparison:
        data.res["comparison"] = regex.compile(
            r"(?r)(?<![\p{L}])(?:\L<c>)[ \u00a0]+(?P<w>\p{L}+[ \u00a0]+){0,2}\Z", regex.V1, c=comparison)
    phone = sorted(_low(data.phone_words), key=len, reverse=True)
    data.res["phone_left"] = guard_behind(
        regex.compile(r"(?r)(?<![\p{L}])(?:\L<p>)[ \u00a0:.]{0,3}\Z", regex.V1, p=phone or ["\x00"]),
        " \u00a0:", phone or ["\x00"])
    # "El teléfono de emergencias marítimas es el 900 202 202": a phone word earlier in the sentence
    data.res["phone_near"] = regex.compile(r"(?<![\p{L}])(?:\L<p>)(?![\p{L}])", regex.V1, p=phone or ["\x00"])
    # "Información 010 o 976 721 100": a second number joined to a phone number by "or" (tested on every
    # candidate the first misses: the same first-character guard, on the "or")
    joins = sorted(_low(words.get("coordination", [])), key=len, reverse=True)
    data.res["phone_left_or"] = guard_behind(regex.compile(
        r"(?r)(?<![\p{L}])(?:\L<p>)[ \u00a0:.]{0,3}\d[\d \u00a0]*[ \u00a0]+(?:\L<c>)[ \u00a0]+\Z", regex.V1,
        p=phone or ["\x00"], c=joins or ["\x00"]), " \u00a0", joins or ["\x00"])
    # "ein Liter Vollmilch kostet 0,99 Euro", "für eine Tonne Brotweizen zahlen": a price's reference amount
    price = sorted(_low(words.get("price_verbs", [])), key=len, reverse=True)
    data.res["price_after"] = regex.compile(
        r"(?:[ \u00a0]+\p{L}[\p{L}'’-]*+){0,4}?[ \u00a0]+(?:\L<v>)(?![\p{L}])",
        regex.V1, v=price or ["\x00"])
    # "am Gipfel 5 bis 7 Grad": a range's first end, not a name ("Golf 8"), when a unit follows the second
    spelled = sorted(c for c in data.range_connectors if c.isalpha())
    data.res["range_next"] = regex.compile(r"[ \u00a0]+(?:\L<c>)[ \u00a0]+\d[\d.,]*+", regex.V1,
                                           c=spelled or ["\x00"])
    months = sorted(data.months)
    data.res["month_after"] = regex.compile(
        r"(?:er|e|st|nd|rd|th)?\.?[ \u00a0]+(?:(?:de|of|del)[ \u00a0]+)?(?:\L<m>)(?![\p{L}])",
                                            regex.V1, m=months or ["\x00"])
    connectors = sorted(_low(data.range_connectors), key=len, reverse=True)
    # "le 2 et le 9 octobre", "el 2 y el 9 de octubre", "2 and 9 October": a range's second word, then the
    # article a day may take ([ranges] day_articles)
    ands = sorted({b.lower() for _, b in data.range_between}, key=len, reverse=True)
    day_articles = sorted(_low(raw.get("ranges", {}).get("day_articles", [])), key=len, reverse=True)
    data.res["day_range_next"] = regex.compile(  # "3" before " au 5 novembre", "-5 November"
        r"(?:er|e|st|nd|rd|th|º)?\.?[ \u00a0]*"
        r"(?:(?:\L<c>)[ \u00a0]*|(?:\L<a>)[ \u00a0]+(?:(?:\L<d>)[ \u00a0]+)?)\d{1,2}(?!\d)",
        regex.V1, c=connectors or ["\x00"], a=ands or ["\x00"], d=day_articles or ["\x00"])
    data.res["month_day_before"] = regex.compile(  # "July 30 " before "2014", "30 juillet " before "2014"
        r"(?r)(?<![\p{L}])(?:(?:\L<m>)\.?[ \u00a0]+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\.?[ \u00a0]+(?:\L<m>)\.?)"
        r",?[ \u00a0]+\Z", regex.V1, m=months or ["\x00"])
    data.res["month_before"] = regex.compile(r"(?r)(?<![\p{L}])(?:\L<m>)\.?[ \u00a0]+(?:the[ \u00a0]+)?\Z",
                                             regex.V1, m=months or ["\x00"])
    clock_after = sorted(_low(data.clock_after), key=len, reverse=True)
    data.res["clock_after"] = regex.compile(r"[ \u00a0]?(?:\L<c>)(?![\p{L}])", regex.V1,
                                            c=clock_after or ["\x00"])
    data.res["clock_glued"] = regex.compile(r"[ \u00a0]?(?:\L<c>)", regex.V1, c=clock_after or ["\x00"])
    joins = {str(c).lower() for c in data.range_connectors} | {str(b).lower() for _, b in data.range_between}
    joins = sorted(joins | set(data.coordination), key=len, reverse=True)
    data.res["clock_range_tail"] = regex.compile(  # "von 9 bis 17 Uhr": the first end is a time too
        r"[ \u00a0]*+(?:\L<j>)[ \u00a0]*+\d{1,2}(?:[.:h]\d{2})?[ \u00a0]?(?:\L<c>)(?![\p{L}])", regex.V1,
        j=joins or ["\x00"], c=clock_after or ["\x00"])
    _prefilter(data.res, lists, scale_words, scale_syms, half, links, per, quals, qa, age, gapw, minus,
               between_words, months, clock_after)


def _messy_anchors(data: LangData) -> None:
    """Where vague counts and counts of one may start: ``data.literal_anchors`` lists (word, pattern, back);
    the engine finds each word with ``str.find`` (these words are rare, and a scan for a handful of literals
    costs far less than one more alternative of the anchor regex at every word boundary) and keeps the
    places where the pattern matches, as anchors of their own; with ``back``, the word is a noun after the
    anchor, and ``back`` finds the anchor's start before it.

    A vague count is a vague plural of ``[vague] words`` ("dozens", "Hunderte": read before the number word
    "hundert" would be) or a modifier before a step ("several hundred"). A count of one is a number word of
    ``one_words`` followed by a noun of ``one_nouns`` (up to two adjectives of ``[counted] skip`` between),
    or preceded by a qualifier or a count verb ("at least one", "kills one"); the engine then checks what
    follows it."""
    anchors: list[tuple[str, regex.Pattern]] = []
    if data.vague:
        words = sorted(data.vague)
        after_mod = sorted(set(data.vague) | set(data.multipliers) | set(data.scales))
        mods = sorted(data.vague_modifiers)
        pattern = regex.compile(
            r"(?P<vague>(?<![\p{L}\p{N}])(?:(?:\L<vmod>)[ \u00a0]+(?=\L<vafter>)|(?:\L<vwords>)(?![\p{L}])))",
            regex.V1, vwords=words, vafter=after_mod, vmod=mods or ["\x00"])
        anchors += [(w, pattern, None) for w in sorted(set(words) | set(mods))]
    if data.one_words:
        before = sorted(set(data.qualifiers) | set(data.count_verbs)) if data.one_next else []
        pattern = regex.compile(
            r"(?P<one>(?<![\p{L}\p{N}])(?:\L<ones>)"
            r"(?=[ \u00a0]+(?:(?:\L<oneskip>)[ \u00a0]+){0,2}(?:\L<onenouns>)(?![\p{L}\-])))"
            + (r"|(?P<onepre>(?<![\p{L}\p{N}])(?:\L<ones>)(?![\p{L}])"
               r"(?<=(?<![\p{L}])(?:\L<onepre>)[ \u00a0]+(?:\L<ones>)))" if before else ""),
            regex.V1, ones=sorted(data.one_words), oneskip=sorted(data.skip_words) or ["\x00"],
            onenouns=sorted(data.one_nouns) or ["\x00"], **({"onepre": before} if before else {}))
        if data.one_next:  # "at least one", "kills one": the number word is the anchor ("one" is rare)
            anchors += [(w, pattern, None) for w in sorted(data.one_words)]
        else:  # "un mort", "ein Toter": articles are everywhere, casualty nouns are rare: find the noun
            back = regex.compile(
                r"(?r)(?<![\p{L}\p{N}])(?:\L<ones>)[ \u00a0]+(?:(?:\L<oneskip>)[ \u00a0]+){0,2}\Z", regex.V1,
                ones=sorted(data.one_words), oneskip=sorted(data.skip_words) or ["\x00"])
            anchors += [(w, pattern, back) for w in sorted(data.one_nouns)]
    # a word another one starts with finds its places too ("tote" finds "toter", "toten"): one scan for both
    kept = {w for w, _, _ in anchors}
    kept = {w for w in kept if not any(o != w and w.startswith(o) for o in kept)}
    seen: set[str] = set()
    data.literal_anchors = tuple(a for a in anchors if a[0] in kept and not (a[0] in seen or seen.add(a[0])))


def _messy_patterns(data: LangData) -> None:
    """The patterns the engine reads vague counts with (extractors/vague.py), and the literal anchors."""
    _messy_anchors(data)
    if not data.vague:
        return
    data.res["vague_mod"] = regex.compile(r"(?:\L<m>)[ \u00a0]+", regex.V1,
                                          m=sorted(data.vague_modifiers) or ["\x00"])
    data.res["vague_word"] = regex.compile(r"(?:\L<v>)(?![\p{L}])", regex.V1, v=sorted(data.vague))
    links = _low(data.unit_links)
    data.res["vague_of"] = regex.compile(
        r"[ \u00a0]+(?:\L<l>)(?:[ \u00a0]+|(?<=['’]))(?P<v>\L<v>)(?![\p{L}])", regex.V1,
        l=links or ["\x00"], v=sorted(data.vague))


def _prefilter(res: dict, lists: dict, scale_words, scale_syms, half, links, per, quals, qa, age, gapw, minus,
               between_words, months, clock_after) -> None:
    """Put a one-character test in front of the look-around patterns (see extractors/prefilter.py)."""
    sp, sp3 = " \u00a0", " \u00a0\u202f"
    ahead = {
        "scale_w": (sp3 + "-", scale_words, ""), "scale_s": (sp3, scale_syms, ""), "half": (sp, half, ""),
        "link": (sp, links, ""), "per": (sp, [p for p in per if p != "/"], "/"), "qual_right": (sp, qa, ""),
        "age": (sp + "-\u2011", age, ""), "gap_word": (sp, gapw, ""), "clock_after": (sp, clock_after, ""),
        "month_after": ("", [], "esnrt." + sp),
    }
    for name, (skip, words, extra) in ahead.items():
        if name in res:
            res[name] = guard_ahead(res[name], skip, words or ["\x00"], extra)
    res["next_words"] = guard_ahead(res["next_words"], sp, [], letters=True)
    behind = {
        "cur_left": (sp + "-\u2212", lists["curpre"], ""), "code_left": (sp + "-\u2212", lists["codes"], ""),
        "minus_left": (sp, minus, ""), "month_before": (sp, months, ".e"), "qual_left": (sp, quals, ""),
        "between_left": (sp, between_words, ""),
    }
    for name, (skip, words, extra) in behind.items():
        res[name] = guard_behind(res[name], skip, words or ["\x00"], extra)


def _build(code: str) -> LangData:
    raw = read_raw(code)
    lang = raw.get("language", {})
    nums = raw.get("numbers", {})
    words = raw.get("words", {})
    plurals = [str(s) for s in words.get("unit_plurals", [])]
    units_ci: dict[str, str] = {}
    for surface, unit in raw.get("units", {}).items():
        s = str(surface).lower()
        units_ci.setdefault(s, str(unit))
        if " " not in s and "/" not in s and len(s) >= 2:
            for suf in plurals:
                units_ci.setdefault(s + suf, str(unit))
        elif " " in s and len(s) > 3:
            head, _, tail = s.partition(" ")
            for suf in plurals:  # "kilometre per hour" -> "kilometres per hour"; "metric ton(s)"
                units_ci.setdefault(head + suf + " " + tail, str(unit))
                units_ci.setdefault(s + suf, str(unit))
    units_cs = {str(k): str(v) for k, v in raw.get("unit_symbols", {}).items()}
    ambiguous: dict[str, Ambiguous] = {}
    for entry in raw.get("ambiguous", []):
        amb = Ambiguous(str(entry.get("default", "")), list(entry.get("rules", [])))
        for s in entry.get("surfaces", []):
            ambiguous[str(s).lower()] = amb
    cc = raw.get("currency_codes", {})
    qualifiers: dict[str, str] = {}
    for qual in ("approx", "at_least", "at_most"):
        for phrase in raw.get("qualifiers", {}).get(qual, []):
            qualifiers.setdefault(" ".join(str(phrase).lower().split()), qual)
    qualifiers_after: dict[str, str] = {}
    for qual in ("approx", "at_least", "at_most"):
        for phrase in raw.get("qualifiers_after", {}).get(qual, []):
            qualifiers_after.setdefault(" ".join(str(phrase).lower().split()), qual)
    concepts: dict[str, str] = {}
    for concept, nouns in raw.get("concepts", {}).items():
        for noun in nouns:
            concepts.setdefault(str(noun).lower(), str(concept))
    powers = raw.get("powers", {})
    ranges = raw.get("ranges", {})
    counted = raw.get("counted", {})
    data = LangData(
        code=str(lang.get("code", code)),
        name=str(lang.get("name", code)),
        capitalised_nouns=bool(lang.get("capitalised_nouns", False)),
        adjective_before_noun=bool(lang.get("adjective_before_noun", False)),
        scale_words_alone_are_money=bool(lang.get("scale_words_alone_are_money", False)),
        decimal=str(nums.get("decimal", ".")),
        other_decimal=str(nums.get("other_decimal", "")),
        group=frozenset(str(g) for g in nums.get("group", [])) | frozenset(SPACES),
        number_words=_words_table(raw, "number_words"),
        multipliers=_words_table(raw, "multipliers"),
        scales=_words_table(raw, "scales"),
        scale_symbols={str(k): float(v) for k, v in raw.get("scale_symbols", {}).items()},
        fractions=_words_table(raw, "fractions"),
        articles=frozenset(_low(words.get("articles", []))),
        units_ci=units_ci,
        units_cs=units_cs,
        currency_codes=frozenset(str(c) for c in cc.get("codes", [])),
        code_scale_letters={str(k): float(v) for k, v in cc.get("scale_letters", {}).items()},
        currency_aliases={str(k): str(v) for k, v in cc.get("aliases", {}).items()},
        currency_prefix={str(k).lower(): str(v) for k, v in raw.get("currency_prefixes", {}).items()},
        currency_suffix={str(k).lower(): str(v) for k, v in raw.get("currency_suffixes", {}).items()},
        guards={str(k): dict(v) for k, v in raw.get("guards", {}).items()},
        ambiguous=ambiguous,
        powers_prefix={str(k).lower(): int(v) for k, v in powers.get("prefix", {}).items()},
        powers_suffix={str(k).lower(): int(v) for k, v in powers.get("suffix", {}).items()},
        qualifiers=qualifiers,
        qualifiers_after=qualifiers_after,
        range_between=[(str(a), str(b)) for a, b in ranges.get("between", [])],
        range_changes=[(str(a), str(b)) for a, b in ranges.get("changes", [])],
        range_connectors=frozenset(_low(ranges.get("connectors", []))),
        stopwords=frozenset(_low(counted.get("stopwords", []))),
        skip_words=frozenset(_low(counted.get("skip", []))),
        adverbs=frozenset(_low(counted.get("adverbs", []))),
        concepts=concepts,
        dimension_concepts={str(k): str(v) for k, v in raw.get("dimension_concepts", {}).items()},
        months=frozenset(_low(words.get("months", []))),
        day_words=frozenset(_low(words.get("day_words", []))),
        identifier_words=frozenset(_low(words.get("identifier_words", []))),
        clock_before=frozenset(_low(words.get("clock_before", []))),
        per_measure=frozenset(_low(words.get("per_measure", ["/"]))),
        clock_before_bare=frozenset(_low(words.get("clock_before_bare", []))),
        term_before=frozenset(_low(words.get("term_before", []))),
        term_after=tuple(_low(words.get("term_after", []))),
        identifier_suffixes=tuple(_low(words.get("identifier_suffixes", []))),
        unit_plurals=tuple(plurals),
        period_dated=frozenset(_low(words.get("period_dated", []))),
        day_articles_alone=frozenset(_low(words.get("day_articles_alone", []))),
        address_words=frozenset(str(w) for w in words.get("address_words", [])),  # as written
        name_determiners=frozenset(_low(words.get("name_determiners", []))),
        verb_suffixes=tuple(_low(counted.get("verb_suffixes", []))),
        during_after=frozenset(_low(raw.get("qualifiers", {}).get("during_after", []))),
        during_words=frozenset(_low(raw.get("qualifiers", {}).get("during", []))),
        abbreviations=frozenset(
            [k.lower().rstrip(".") for k in raw.get("scales", {}) if str(k).endswith(".")] +
            [str(w).lower().rstrip(".") for w in words.get("abbreviations", [])]),
        precision_words={str(k).lower(): float(v) for k, v in words.get("precision_words", {}).items()},
        compound_heads=frozenset(_low(counted.get("compound_heads", []))),
        counter_words=frozenset(_low(words.get("counter_words", []))),
        apposition_links=frozenset(f"{w} " for w in _low(words.get("age_noun_links", [])) if len(w) == 2),
        age_apposition=bool(words.get("age_apposition", False)),
        approx_multipliers=frozenset(_low(words.get("approx_multipliers", []))),
        change_before=frozenset(_low(ranges.get("change_before", []))),
        clock_range_before=frozenset(_low(w for w, _ in words.get("clock_range", []))),
        clock_after=[str(x) for x in words.get("clock_after", [])],
        minus_words=frozenset(_low(nums.get("minus", []))),
        half_suffix=[str(x) for x in words.get("half_suffix", [])],
        age_suffix=[str(x) for x in words.get("age_suffix", [])],
        unit_links=[str(x) for x in words.get("unit_links", [])],
        per_words=[str(x) for x in words.get("per", [])],
        denominator_words=frozenset(_low(words.get("denominator_words", []))),
        unit_hyphen_words=frozenset(_low(words.get("unit_hyphen_words", []))),
        duration_before=frozenset(_low(words.get("duration_before", []))),
        coordination=frozenset(_low(words.get("coordination", []))),
        score_words=frozenset(_low(words.get("score_words", []))),
        age_before=[str(x) for x in words.get("age_before", [])] + [
            # "un hombre de 45 años", "une fillette de 8 ans": a person noun and a link word before the number
            f"{noun} {link}".replace("' ", "'").replace("’ ", "’")
            for noun in words.get("age_nouns", []) for link in words.get("age_noun_links", [])],
        age_units=frozenset(_low(words.get("age_units", []))),
        ordinal_suffixes=frozenset(str(x) for x in words.get("ordinal_suffixes", [])),
        ordinal_dot_before=frozenset(_low(words.get("ordinal_dot_before", []))),
        phone_words=[str(x) for x in words.get("phone_words", [])],
        age_nouns=frozenset(_low(words.get("age_nouns", []))),
        **_messy_news(raw),
    )
    _compile(data, raw)
    from quantcheck.extractors.currency_country import compile_countries

    data.countries = compile_countries(raw)
    data.country_heads = frozenset(w[:3] for w in data.countries.code_of)  # a cheap test before the lookup
    return data


def _messy_news(raw: dict) -> dict:
    """The keys for real, messy news (vague counts, counts of one, compound nouns, changes, names, ages)."""
    words = raw.get("words", {})
    vague: dict[str, tuple[float, float, float]] = {}
    for word, bounds in raw.get("vague", {}).get("words", {}).items():
        lo, hi, unit = (float(x) for x in bounds)
        vague[" ".join(str(word).lower().split())] = (lo, hi, unit)
    modifiers: dict[str, tuple[float, float | None]] = {}
    for word, b in raw.get("vague", {}).get("modifiers", {}).items():
        modifiers[" ".join(str(word).lower().split())] = (float(b["low"]),
                                                           float(b["high"]) if "high" in b else None)
    guarded = {str(w).lower(): frozenset(_low(nxt))
               for w, nxt in raw.get("vague", {}).get("guarded", {}).items()}
    compounds = {str(u).lower(): tuple(_low(nxt)) for u, nxt in words.get("unit_compounds", {}).items()}
    return dict(
        vague=vague, vague_modifiers=modifiers, vague_guarded=guarded,
        one_words=frozenset(_low(words.get("one_words", []))),
        one_nouns=frozenset(_low(words.get("one_nouns", []))),
        one_next=frozenset(_low(words.get("one_next", []))),
        count_verbs=frozenset(_low(words.get("count_verbs", []))),
        unit_compounds=compounds,
        change_verbs=frozenset(_low(raw.get("ranges", {}).get("change_verbs", []))),
        change_from=frozenset(_low(raw.get("ranges", {}).get("change_from", []))),
        change_by=frozenset(_low(raw.get("ranges", {}).get("change_by", []))),
        change_verbs_down=frozenset(_low(raw.get("ranges", {}).get("change_verbs_down", []))),
        name_exceptions=frozenset(_low(words.get("name_exceptions", []))),
        age_apposition_next=frozenset(_low(words.get("age_apposition_next", []))),
        age_copulas=tuple(_low(words.get("age_copulas", []))),
        age_copula_next=tuple(_low(words.get("age_copula_next", []))),
        months_capitalised=bool(words.get("months_capitalised", False)),
        irregular_plurals={str(k).lower(): str(v).lower()
                           for k, v in raw.get("counted", {}).get("irregular_plurals", {}).items()},
        headings=frozenset(_low(words.get("headings", []))),
        name_articles=frozenset(_low(words.get("name_articles", []))),
        hyphen_identifiers=frozenset(_low(words.get("hyphen_identifiers", []))),
        hyphen_noun_endings=tuple(_low(words.get("hyphen_noun_endings", []))),
        hyphen_not_counts=frozenset(_low(words.get("hyphen_not_counts", []))),
        emergency_numbers=frozenset(str(w) for w in words.get("emergency_numbers", [])),
        emergency_after=frozenset(_low(words.get("emergency_after", []))),
        emergency_before=frozenset(_low(words.get("emergency_before", []))),
        money_periods=frozenset(str(w) for w in words.get("money_periods", [])),
        minus_not_after=tuple(_low(raw.get("numbers", {}).get("minus_not_after", []))),
        qualifier_particles={str(q).lower(): frozenset(_low(v))
                             for q, v in raw.get("qualifiers", {}).get("particles", {}).items()},
        year_qualifiers=frozenset(" ".join(w.split()) for w in _low(words.get("year_qualifiers", []))),
    )


@lru_cache(maxsize=16)
def _cached(code: str) -> LangData:
    data = _build(code)
    # Compiling a language allocates a few hundred thousand objects (word tables, regex lists); they live as
    # long as the process. One collection now moves them to the oldest generation at once (about 10 ms, once
    # per language), instead of leaving the cyclic collector to walk them in a full collection somewhere in
    # the middle of the first texts, which made extraction time depend on when that collection fell.
    gc.collect()
    return data


def load(code: str) -> LangData:
    """The compiled data of a language (built on first use, then shared; thread-safe)."""
    with _LOCK:
        return _cached(code)
