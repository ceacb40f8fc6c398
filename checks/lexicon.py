"""The multilingual fact lexicon (``checks/lexicon/*.toml``): words → canonical terms, per language.

Fact identity reads a claim's words through it: which group a number counts ("civilians", "Zivilisten"),
what happened to it ("killed", "tués"), the kind of incident ("air strike", "frappe aérienne"), what a
measure is about ("diesel", "gazole"), the markers that change a figure's scope ("since", "depuis"), and
the grammar words the reader needs (qualifiers, auxiliaries, prepositions of place, weekdays, months).

Language knowledge is data: one file per language plus ``terms.toml`` (the canonical keys, their English
labels, and per incident kind how many days apart its reports may be). Every file is validated when it is
loaded — an unknown section, key or canonical term is an error naming the file — so a typo cannot silently
switch a rule off. Forms: ``word`` (that word), ``stem*`` (any word starting with stem), ``two words`` (a
phrase). Matching is case-insensitive on the tokens of :func:`words`.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

LEXICON_DIR = Path(__file__).with_name("lexicon")
NATIONALS = "nationals_"  # the group of a country's nationals: "nationals_es" ("Spaniards")

# Sections of a language file that map forms to canonical terms of terms.toml, and the terms.toml section
# their keys must come from.
TERM_SECTIONS = {"group": "group", "action": "action", "incident": "incident", "topic": "topic",
                 "nationality": "nationality"}
MARKERS = (
    "cumulative",
    "since",
    "past",
    "since_short",
    "war",
    "subgroup_before",
    "subgroup_after",
    "whole_first",
    "severity",
    "additional_before",
    "additional_after",
    "remainder_before",
    "remainder_after",
    "new_after",
    "separate",
    "forecast",
    "limit",
    "average",
    "earlier_level",
    "change_from",
    "change_to",
    "superlative",
    "long_ago",
    "last_year",
    "by_year",
    "budget_core",
    "budget_total",
    "combined",
    "per_period",
    "of_whole",
    "partitive",
    "legislature",
    "vote_against",
    "vote_tally",
    "toll_nouns",
    "count_nouns",
    "crowd_nouns",
)
GRAMMAR = (
    "qualifiers",
    "auxiliaries",
    "coordination",
    "conjunctions",
    "clause_breaks",
    "clause_adverbs",
    "stopwords",
    "locative",
    "attribution",
    "article_prepositions",
    "place_nouns",
    "region_nouns",
    "place_modifiers",
    "name_joiners",
    "name_continuations",
    "dateline_markers",
    "conversion",
    "compass",
    "distance_links",
    "demonym_endings",
    "place_adjective_endings",
    "period_prepositions",
    "place_of",
    "definite_articles",
    "length_words",
    "nationwide",
    "whole_of",
    "worldwide",
    "relative_pronouns",
    "speaker_nouns",
    "compound_heads",
    "facility_nouns",
    "near_words",
    "noun_only_capitalised",
    "home_countries",
)
DATES = ("weekdays", "months", "last", "relative", "units")
SECTIONS = (*TERM_SECTIONS, "group_action", "side", "marker", "grammar", "dates")

# A token: a word (letters, inner hyphens and apostrophes), a number, or one punctuation mark that matters
# to clauses. French/Italian elisions ("l'armée", "d'euros") are split so that the noun matches on its own.
TOKEN_RE = regex.compile(
    r"(?:[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*)|\d+(?:[.,\u00a0\u202f ]\d{3}(?!\d))*(?:[.,]\d+)?|[;:(),]"
)
ELISION_RE = regex.compile(r"^([\p{L}]{1,2}|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})", regex.IGNORECASE)


MIN_COMPOUND_PART = 3  # letters before a compound's head ("Tote" is not "Unwetter-tote" minus a letter)
MIN_SPEAKER_HEAD = 4  # speaker nouns read as compound heads: not "amt" ("insgesamt")


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a text: its lower-cased form, where it is, and whether it was capitalised."""

    text: str
    start: int
    end: int
    capital: bool

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()


def words(text: str, base: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets shifted by ``base``; elided articles split off.

    >>> [t.text for t in words("L'armée a tué 12 civils; d'autres...")]
    ["l'", 'armée', 'a', 'tué', '12', 'civils', ';', "d'", 'autres']
    """
    out: list[Token] = []
    for m in TOKEN_RE.finditer(text):
        s, e, w = m.start() + base, m.end() + base, m.group(0)
        el = ELISION_RE.match(w)
        if el:
            k = el.end()
            out.append(Token(w[:k].lower(), s, s + k, w[:1].isupper()))
            s, w = s + k, w[k:]
        out.append(Token(w.lower().replace("’", "'"), s, e, w[:1].isupper()))
    return out


def _normalise_form(form: str) -> tuple[tuple[str, ...], bool]:
    stem = form.endswith("*")
    parts = tuple(t.text for t in words(form.rstrip("*")))
    return parts, stem


@dataclass
class Matcher:
    """Forms (words, stems, phrases) → a value; finds the longest form starting at a token position."""

    exact: dict[str, str] = field(default_factory=dict)
    stems: list[tuple[str, str]] = field(default_factory=list)
    phrases: dict[str, list[tuple[tuple[str, ...], bool, str]]] = field(default_factory=dict)
    # last parts of compound nouns ("Verdachts**fälle**", "Hochwasser**opfer**"): a word these forms do not
    # name takes the value of the longest head it ends with (German writes its nouns as one word)
    heads: tuple[str, ...] = ()
    _cache: dict[str, str | None] = field(default_factory=dict, repr=False)
    # answers of at() for the token list last asked about: the claims of one document ask about the same
    # positions again and again (each claim reads the words around its number)
    _at_toks: list[str] | None = field(default=None, repr=False)
    _at_cache: dict[int, tuple[str, int] | None] = field(default_factory=dict, repr=False)

    def add(self, form: str, value: str, origin: str) -> None:
        parts, stem = _normalise_form(form)
        if not parts:
            raise LexiconError(f"{origin}: form {form!r} has no letters")
        if len(parts) == 1 and not stem:
            old = self.exact.get(parts[0])
            if old is not None and old != value:
                raise LexiconError(f"{origin}: {form!r} maps to both {old!r} and {value!r}")
            self.exact[parts[0]] = value
        elif len(parts) == 1:
            self.stems.append((parts[0], value))
            self.stems.sort(key=lambda p: -len(p[0]))
        else:
            self.phrases.setdefault(parts[0], []).append((parts, stem, value))
            self.phrases[parts[0]].sort(key=lambda p: -len(p[0]))

    def word(self, w: str) -> str | None:
        """The value of one word: an exact form, else the longest stem it starts with."""
        if w in self._cache:
            return self._cache[w]
        value = self.exact.get(w)
        if value is None and w.endswith("'s"):
            value = self.exact.get(w[:-2])  # English possessive: "yesterday's", "Syria's"
        if value is None:
            for prefix, v in self.stems:
                if w.startswith(prefix):
                    value = v
                    break
        if value is None:
            head = next((h for h in self.heads if w.endswith(h) and len(w) - len(h) >= MIN_COMPOUND_PART),
                        None)
            value = self.word(head) if head else None
        self._cache[w] = value
        return value

    def at(self, toks: list[str], i: int) -> tuple[str, int] | None:
        """(value, number of tokens) of the longest form starting at ``toks[i]``."""
        if toks is not self._at_toks:
            self._at_toks = toks
            self._at_cache = {}
        if i in self._at_cache:
            return self._at_cache[i]
        found = self._at(toks, i)
        self._at_cache[i] = found
        return found

    def _at(self, toks: list[str], i: int) -> tuple[str, int] | None:
        for parts, stem, value in self.phrases.get(toks[i], ()):
            n = len(parts)
            if i + n > len(toks) or tuple(toks[i : i + n - 1]) != parts[:-1]:
                continue
            last = toks[i + n - 1]
            if last == parts[-1] or (stem and last.startswith(parts[-1])) or (
                    last.endswith("'s") and last[:-2] == parts[-1]):  # "last year's record", as in word()
                return value, n
        value = self.word(toks[i])
        return (value, 1) if value is not None else None

    def scan(self, toks: list[str], lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
        """Every (position, length, value) in toks[lo:hi], leftmost-longest, not overlapping."""
        hi = len(toks) if hi is None else hi
        out, i = [], lo
        while i < hi:
            m = self.at(toks, i)
            if m and i + m[1] <= hi:
                out.append((i, m[1], m[0]))
                i += m[1]
            else:
                i += 1
        return out

    def has(self, toks: list[str], lo: int = 0, hi: int | None = None) -> bool:
        return bool(self.scan(toks, lo, hi))


@dataclass(frozen=True)
class Terms:
    """terms.toml: canonical keys with their English labels, the group hierarchy and incident kinds."""

    labels: dict[str, dict[str, str]]  # section → key → label
    group_parent: dict[str, str]  # [group_parent] and [group_same]: a child merged into its parent
    group_same: frozenset[str]  # children that name the parent's count itself ("workers" killed = people)
    group_is: dict[str, tuple[str, str]]
    group_action: dict[str, str]  # what a group counted with no verb does ("2,600 firefighters": deployed)
    generic_topics: frozenset[str]
    loose_topics: frozenset[str]  # generic topics and those restating a dimension: no block of their own
    topic_dimension: dict[str, str]
    incident_days: dict[str, int]
    incident_family: dict[str, frozenset[str]]
    acronyms: dict[str, str]  # an acronym in another language → the canonical one ("ONU" → "UN")
    # [per_organisation]: counted groups, and actions of measures, that each organisation has its own of
    per_org_groups: frozenset[str] = frozenset()
    action_of_group: dict[str, dict[str, str]] = field(default_factory=dict)  # [action_of_group]
    per_org_actions: frozenset[str] = frozenset()
    share_topic: dict[str, str] = field(default_factory=dict)  # [share_topic]: action → topic of a share
    incident_area: dict[str, str] = field(default_factory=dict)  # [incident] area: an area's action there
    noun_action_yields: dict[str, frozenset[str]] = field(default_factory=dict)  # [noun_action_yields]
    # [incident] weak: kinds named by responders or vehicles that come to many kinds of incident
    # ("firefighters" at a fire, a dam burst, a crash; "drones" in a war and over rubble)
    incident_weak: frozenset[str] = frozenset()

    def named_incidents(self, kinds: tuple[str, ...]) -> tuple[str, ...]:
        """The kinds of incident a clause names, without its weak ones when it names another: "bomberos" with
        "la rotura de un dique" is the fire brigade at a dam burst, not a fire."""
        strong = tuple(k for k in kinds if k not in self.incident_weak)
        return strong or kinds

    def per_organisation(self, measure: str, group: str | None, action: str | None) -> bool:
        """A figure of one organisation ("PP 16 seats", "SPD 29.1 %"): only the same one's is its rival."""
        return group in self.per_org_groups if measure == "count" else action in self.per_org_actions

    def topic_fits(self, topic: str, dimension: str) -> bool:
        """Whether a topic word can name a measure of this dimension ([topic_dimension]; "currency" fits
        every currency: a ransom is paid in euros or dollars, never in hours)."""
        wanted = self.topic_dimension.get(topic)
        if wanted is None or wanted == dimension:
            return True
        return wanted == "currency" and dimension.startswith("currency_")

    def outcome(self, group: str | None, action: str | None) -> tuple[str | None, str | None]:
        """(group, action) of a group that names what its members did ([group_is]: "506,000 protesters" →
        people protesting), when no other action was read; any other pair as it is."""
        read = self.group_is.get(group or "")
        if read is not None and action in (None, read[1]):
            return read
        return group, action

    def merged(self, group: str | None) -> tuple[str | None, str | None]:
        """(group, fine group) of a counted group read into its parent: "civilians" → ("people", "civilians")
        (a narrower toll), "workers" → ("people", "people") ([group_same]: the same count); a group without a
        parent is both."""
        parent = self.group_parent.get(group or "")
        if not parent:
            return group, group
        return parent, parent if group in self.group_same else group


@dataclass
class Language:
    """One language file, compiled into matchers."""

    code: str
    sections: dict[str, Matcher]  # group, action, incident, topic, group_action, side, nationality
    markers: dict[str, Matcher]
    grammar: dict[str, Matcher]
    weekdays: dict[str, int]
    months: dict[str, int]
    last: frozenset[str]
    relative: Matcher  # phrase → day offset (as text)
    units: dict[str, int] = field(default_factory=dict)  # a period's word → its length in days ("weeks": 7)

    def is_(self, kind: str, word: str) -> bool:
        """True when ``word`` is one of the grammar words of ``kind`` (e.g. "qualifiers")."""
        return self.grammar[kind].word(word) is not None

    def ends_with(self, kind: str, word: str) -> bool:
        """True when ``word`` ends with one of the grammar endings of ``kind`` (e.g. "demonym_endings")."""
        return any(word.endswith(ending) for ending in self.grammar[kind].exact)


@dataclass(frozen=True)
class Lexicon:
    terms: Terms
    languages: dict[str, Language]
    version: str  # sha256 of the files: cached frames are redone on change

    def language(self, code: str | None) -> Language:
        """The language's data; English for a language without a file (its rules are the most general)."""
        return self.languages.get(code or "") or self.languages["en"]

    def label(self, section: str, key: str | None) -> str:
        if not key:
            return ""
        return self.terms.labels.get(section, {}).get(key, key.replace("_", " "))


def _forms(origin: str, key: str, entries: object) -> list[str]:
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        raise LexiconError(f"{origin}: {key} must be a list of strings")
    return entries


def _group_rules(path: Path, data: dict, labels: dict[str, dict[str, str]]
                 ) -> tuple[dict[str, dict[str, str]], frozenset[str], frozenset[str]]:
    """[action_of_group] and [per_organisation] of terms.toml, checked against the group and action keys."""
    action_of_group: dict[str, dict[str, str]] = {}
    for grp, table in data.get("action_of_group", {}).items():
        if grp not in labels["group"] or not isinstance(table, dict) or not all(
            k in labels["action"] and v in labels["action"] for k, v in table.items()
        ):
            raise LexiconError(f"{path}: [action_of_group] {grp} must be a [group] key with action = action")
        action_of_group[grp] = {str(k): str(v) for k, v in table.items()}
    per_org = data.get("per_organisation", {})
    if set(per_org) - {"groups", "actions"}:
        raise LexiconError(f"{path}: [per_organisation] unknown key; use 'groups' and 'actions'")
    groups = frozenset(_forms(f"{path}: [per_organisation]", "groups", per_org.get("groups", [])))
    actions = frozenset(_forms(f"{path}: [per_organisation]", "actions", per_org.get("actions", [])))
    if groups - set(labels["group"]) or actions - set(labels["action"]):
        raise LexiconError(f"{path}: [per_organisation] must name [group] and [action] keys")
    return action_of_group, groups, actions


INCIDENT_KEYS = frozenset({"label", "days", "family", "area", "weak"})


def _incidents(
    path: Path, data: dict
) -> tuple[dict[str, str], dict[str, int], dict[str, frozenset[str]], dict[str, str], frozenset[str]]:
    """[incident]: each kind's label, days apart its reports may be, families, the action of an area
    measured in a clause naming it (optional `area`), and the weak kinds (optional `weak`)."""
    labels: dict[str, str] = {}
    days: dict[str, int] = {}
    family: dict[str, frozenset[str]] = {}
    area: dict[str, str] = {}
    weak: set[str] = set()
    for key, spec in data.get("incident", {}).items():
        if not isinstance(spec, dict) or set(spec) - INCIDENT_KEYS or "days" not in spec:
            raise LexiconError(
                f"{path}: [incident] {key} needs {{ label, days, family }} (optional: area, weak)")
        if "area" in spec:
            area[key] = str(spec["area"])
        if spec.get("weak", False) is True:
            weak.add(key)
        labels[key] = str(spec.get("label", key))
        days[key] = int(spec["days"])
        fam = spec.get("family", key)
        family[key] = frozenset([fam] if isinstance(fam, str) else [str(f) for f in fam])
    return labels, days, family, area, frozenset(weak)


def _action_rules(
    path: Path, data: dict, labels: dict[str, dict[str, str]], incident_area: dict[str, str],
    topic_dimension: dict[str, str],
) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """[share_topic] and [noun_action_yields], checked with the actions [incident] areas name."""
    if set(incident_area.values()) - set(labels["action"]):
        raise LexiconError(f"{path}: [incident] area must name an [action] key")
    share_topic = {k: str(v) for k, v in data.get("share_topic", {}).items()}
    for act, topic in share_topic.items():
        if act not in labels["action"] or topic not in topic_dimension:
            raise LexiconError(
                f"{path}: [share_topic] {act} = {topic!r}: an [action] and a [topic_dimension] key"
            )
    yields = {k: frozenset(str(a) for a in v) for k, v in data.get("noun_action_yields", {}).items()}
    if any(k not in labels["action"] or v - set(labels["action"]) for k, v in yields.items()):
        raise LexiconError(f"{path}: [noun_action_yields] must map an [action] key to [action] keys")
    return share_topic, yields


def parse_terms(path: Path) -> Terms:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    known = {"group", "group_parent", "group_same", "group_is", "group_default", "generic", "topic_dimension",
             "action",
             "incident", "topic", "acronyms", "per_organisation", "action_of_group", "share_topic",
             "noun_action_yields", "nationality"}
    for section in data:
        if section not in known:
            raise LexiconError(f"{path}: unknown section [{section}]; use one of {sorted(known)}")
    labels: dict[str, dict[str, str]] = {}
    for section in ("group", "action", "topic"):
        labels[section] = {k: str(v) for k, v in data.get(section, {}).items()}
    labels["incident"], days, family, incident_area, weak = _incidents(path, data)
    labels["nationality"] = {k: str(v) for k, v in data.get("nationality", {}).items()}
    if any(not (len(k) == 2 and k.isalpha() and k.islower()) for k in labels["nationality"]):
        raise LexiconError(f"{path}: [nationality] keys must be ISO 3166 country codes in lower case")
    # a count of a country's nationals is a group of its own ("two Spanish tourists", "1.140 Deutsche"):
    # checks/frames.py nationals_group
    labels["group"].update({NATIONALS + k: v for k, v in labels["nationality"].items()})
    parent: dict[str, str] = {}
    for section in ("group_parent", "group_same"):
        for child, par in data.get(section, {}).items():
            if child not in labels["group"] or par not in labels["group"]:
                raise LexiconError(f"{path}: [{section}] {child} = {par}: both must be [group] keys")
            parent[child] = str(par)
    same = frozenset(data.get("group_same", {}))
    group_is: dict[str, tuple[str, str]] = {}
    for grp, pair in data.get("group_is", {}).items():
        g2, _, act = str(pair).partition(":")
        if grp not in labels["group"] or g2 not in labels["group"] or act not in labels["action"]:
            raise LexiconError(f"{path}: [group_is] {grp} = {pair!r} must name a group and 'group:action'")
        group_is[grp] = (g2, act)
    for key in data.get("generic", {}):
        if key not in ("topics", "measures"):
            raise LexiconError(f"{path}: [generic] unknown key {key!r}; use one of ['measures', 'topics']")
    group_default = {k: str(v) for k, v in data.get("group_default", {}).items()}
    for grp, act in group_default.items():
        if grp not in labels["group"] or act not in labels["action"]:
            raise LexiconError(f"{path}: [group_default] {grp} = {act!r}: a [group] and an [action] key")
    named = ("group", "group_parent", "group_same", "group_is", "group_default", "action", "topic",
             "topic_dimension")
    for section in named:
        for key, value in data.get(section, {}).items():
            if not isinstance(value, str):
                raise LexiconError(f"{path}: [{section}] {key} must be a string, got {value!r}")
    generic = frozenset(data.get("generic", {}).get("topics", []))
    measure_words = frozenset(data.get("generic", {}).get("measures", []))
    for name, keys in (("topics", generic), ("measures", measure_words)):
        if keys - set(labels["topic"]):
            raise LexiconError(
                f"{path}: [generic] {name} must be [topic] keys: {sorted(keys - set(labels['topic']))}"
            )
    acronyms: dict[str, str] = {}
    for canonical, spellings in data.get("acronyms", {}).items():
        for spelling in _forms(f"{path}: [acronyms]", canonical, spellings):
            acronyms[spelling.upper()] = canonical.upper()
    topic_dimension = {k: str(v) for k, v in data.get("topic_dimension", {}).items()}
    if set(topic_dimension) - set(labels["topic"]):
        raise LexiconError(f"{path}: [topic_dimension] keys must be [topic] keys")
    action_of_group, per_org_groups, per_org_actions = _group_rules(path, data, labels)
    share_topic, yields = _action_rules(path, data, labels, incident_area, topic_dimension)
    return Terms(
        labels=labels,
        group_parent=parent,
        group_same=same,
        group_is=group_is,
        group_action=group_default,
        generic_topics=generic,
        loose_topics=generic | measure_words,
        topic_dimension=topic_dimension,
        incident_days=days,
        incident_family=family,
        acronyms=acronyms,
        per_org_groups=per_org_groups,
        per_org_actions=per_org_actions,
        action_of_group=action_of_group,
        share_topic=share_topic,
        incident_area=incident_area,
        noun_action_yields=yields,
        incident_weak=weak,
    )


def _compound_heads(origin: str, sections: dict[str, Matcher], grammar: dict[str, Matcher]) -> None:
    """[grammar] compound_heads: the group and group-action matchers read a compound by its last part
    ("Verdachts**fälle**"), and so do the speaker nouns ("Regierungs**sprecher**"); each head must be one of
    the group forms."""
    heads = _longest_first(grammar["compound_heads"].exact)
    named = {s: tuple(h for h in heads if sections[s].word(h) is not None) for s in ("group", "group_action")}
    if set(heads) - set(named["group"]) - set(named["group_action"]):
        raise LexiconError(f"{origin}: [grammar] compound_heads must be [group] or [group_action] forms")
    for section, own in named.items():
        sections[section].heads = own
    if heads:  # a language writing compounds: "Regierungs**sprecher**", "UN-Menschenrechts**büro**" speak too
        speakers = grammar["speaker_nouns"]
        speakers.heads = _longest_first(f for f in speakers.exact if len(f) >= MIN_SPEAKER_HEAD)


def _longest_first(forms: Iterable[str]) -> tuple[str, ...]:
    """Forms longest first (ties in order): a compound takes the longest head it ends with."""
    return tuple(sorted(forms, key=lambda h: (-len(h), h)))


def parse_language(path: Path, terms: Terms) -> Language:
    """Compile one language file; every section and key is checked against the schema above."""
    origin = str(path)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for section in data:
        if section not in SECTIONS:
            raise LexiconError(f"{origin}: unknown section [{section}]; use one of {list(SECTIONS)}")
    sections: dict[str, Matcher] = {}
    for section, term_section in TERM_SECTIONS.items():
        matcher = Matcher()
        for key, entries in data.get(section, {}).items():
            if key not in terms.labels[term_section]:
                raise LexiconError(
                    f"{origin}: [{section}] {key!r} is not a [{term_section}] key of terms.toml"
                )
            for form in _forms(f"{origin} [{section}]", key, entries):
                matcher.add(form, key, f"{origin} [{section}]")
        sections[section] = matcher
    group_action = Matcher()
    for key, entries in data.get("group_action", {}).items():
        group, _, action = key.partition(":")
        if group not in terms.labels["group"] or action not in terms.labels["action"]:
            raise LexiconError(f"{origin}: [group_action] {key!r} must be 'group:action' of terms.toml keys")
        for form in _forms(f"{origin} [group_action]", key, entries):
            group_action.add(form, key, f"{origin} [group_action]")
    sections["group_action"] = group_action
    side = Matcher()
    for key, entries in data.get("side", {}).items():
        if key not in ("state_forces", "nonstate_fighters"):
            raise LexiconError(f"{origin}: [side] {key!r}: use state_forces or nonstate_fighters")
        for form in _forms(f"{origin} [side]", key, entries):
            side.add(form, key, f"{origin} [side]")
    sections["side"] = side

    def named(section: str, allowed: tuple[str, ...]) -> dict[str, Matcher]:
        out = {name: Matcher() for name in allowed}
        for key, entries in data.get(section, {}).items():
            if key not in allowed:
                raise LexiconError(f"{origin}: [{section}] unknown key {key!r}; use one of {list(allowed)}")
            for form in _forms(f"{origin} [{section}]", key, entries):
                out[key].add(form, key, f"{origin} [{section}]")
        return out

    markers = named("marker", MARKERS)
    grammar = named("grammar", GRAMMAR)
    _compound_heads(origin, sections, grammar)
    dates = data.get("dates", {})
    for key in dates:
        if key not in DATES:
            raise LexiconError(f"{origin}: [dates] unknown key {key!r}; use one of {list(DATES)}")
    weekdays = _indexed(origin, "weekdays", dates.get("weekdays", []), 7)
    months = _indexed(origin, "months", dates.get("months", []), 12, start=1)
    relative = Matcher()
    for phrase, offset in dates.get("relative", {}).items():
        if not isinstance(offset, int):
            raise LexiconError(f"{origin}: [dates.relative] {phrase!r} must be a whole number of days")
        relative.add(phrase, str(offset), f"{origin} [dates.relative]")
    units: dict[str, int] = {}
    for word, days in dates.get("units", {}).items():
        if not isinstance(days, int) or isinstance(days, bool) or days <= 0:
            raise LexiconError(f"{origin}: [dates.units] {word!r} must be a whole number of days")
        units[word.lower()] = days
    return Language(
        code=path.stem,
        sections=sections,
        markers=markers,
        grammar=grammar,
        weekdays=weekdays,
        months=months,
        last=frozenset(w.lower() for w in _forms(origin, "last", dates.get("last", []))),
        relative=relative,
        units=units,
    )


def _indexed(origin: str, key: str, lists: object, n: int, start: int = 0) -> dict[str, int]:
    if not isinstance(lists, list) or (lists and len(lists) != n):
        raise LexiconError(f"{origin}: [dates] {key} must be {n} lists of words")
    out: dict[str, int] = {}
    for i, forms in enumerate(lists):
        for form in _forms(f"{origin} [dates] {key}", key, forms):
            out[form.lower()] = i + start
    return out


def parse_lexicon(directory: Path) -> Lexicon:
    """Read terms.toml and every language file; inconsistent entries are errors naming the file."""
    terms_file = directory / "terms.toml"
    digest = hashlib.sha256(terms_file.read_bytes())
    terms = parse_terms(terms_file)
    languages: dict[str, Language] = {}
    for path in sorted(directory.glob("*.toml")):
        if path.name == "terms.toml":
            continue
        digest.update(path.name.encode() + path.read_bytes())
        languages[path.stem] = parse_language(path, terms)
    if "en" not in languages:
        raise LexiconError(f"{directory}: en.toml is required (the fallback for other languages)")
    return Lexicon(terms=terms, languages=languages, version=digest.hexdigest()[:16])


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return parse_lexicon(LEXICON_DIR)
