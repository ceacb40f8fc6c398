"""Language files follow a documented schema: typos are errors naming the file and key, docs/languages.md
lists every key the schemas know and no other, and every shipped file passes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quantcheck.checks import lexicon
from quantcheck.extractors import langdata
from quantcheck.extractors.langschema import SCHEMA, LanguageFileError, ListOf, MapOf, Table, check_file

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "languages.md"
LEXICON_DIR = ROOT / "checks" / "lexicon"


def _blocks() -> list[tuple[str, str]]:
    """(heading, body) for every '##'/'###' part of docs/languages.md."""
    parts = re.split(r"^(#{2,3} .*)$", DOC.read_text(encoding="utf-8"), flags=re.M)
    return [(parts[i], parts[i + 1]) for i in range(1, len(parts) - 1, 2)]


def _text_about(section: str) -> str:
    """Every part of the page whose heading names the section ([x] or [[x]])."""
    return "\n".join(head + body for head, body in _blocks()
                     if f"`[{section}]`" in head or f"`[[{section}]]`" in head)


def _keys(shape) -> set[str]:
    """Every fixed key below a shape, at any depth (the free keys of maps are words, not schema)."""
    if isinstance(shape, Table):
        return set(shape.keys).union(*(_keys(s) for s in shape.keys.values()))
    if isinstance(shape, ListOf):
        return _keys(shape.item)
    if isinstance(shape, MapOf):
        return _keys(shape.value)
    return set()


def _backticked(text: str) -> set[str]:
    return set(re.findall(r"`([A-Za-z_]+)`", text))


def _first_column(text: str) -> set[str]:
    """The keys a table of the page defines: the backticked words of its rows' first cells."""
    cells = re.findall(r"^\| ([^|]*)\|", text, flags=re.M)
    return {k for cell in cells for k in re.findall(r"`([a-z_]+)`", cell)}


@pytest.mark.parametrize("section", sorted(SCHEMA.keys))
def test_every_key_of_the_schema_is_documented(section):
    text = _text_about(section)
    assert text, f"docs/languages.md has no heading naming `[{section}]`"
    missing = sorted(_keys(SCHEMA.keys[section]) - _backticked(text))
    assert not missing, f"[{section}] keys not documented in docs/languages.md: {missing}"
    unknown = sorted(_first_column(text) - _keys(SCHEMA.keys[section]) - set(SCHEMA.keys))
    assert not unknown, f"docs/languages.md documents keys [{section}] does not have: {unknown}"


def test_the_page_names_no_section_the_schema_lacks():
    named = {m for head, _ in _blocks() for m in re.findall(r"`\[\[?([a-z_]+)\]?\]`", head)}
    assert named <= set(SCHEMA.keys), sorted(named - set(SCHEMA.keys))


def test_the_lexicon_schema_is_documented():
    text = DOC.read_text(encoding="utf-8").partition("## The subject lexicon")[2]
    for names in (lexicon.SECTIONS, lexicon.MARKERS, lexicon.GRAMMAR, lexicon.DATES):
        missing = sorted(set(names) - _backticked(text))
        assert not missing, f"lexicon keys not documented in docs/languages.md: {missing}"


def test_every_shipped_language_file_follows_the_schema():
    for code in langdata.available_languages():
        raw = langdata.read_raw(code)
        assert raw["language"]["code"] == code
    assert set(lexicon.parse_lexicon(LEXICON_DIR).languages) >= set(langdata.available_languages())


@pytest.fixture
def lang_dir(tmp_path, monkeypatch) -> Path:
    """A copy of extractors/lang the loader reads instead of the shipped one."""
    for path in langdata.LANG_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(langdata, "LANG_DIR", tmp_path)
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(("old", "new", "message"), [
    ('minus_not_after = [', 'minus_not_afer = [', "unknown key 'minus_not_afer' in [numbers]"),
    ("[qualifiers_after]", "[qualifier_after]", "unknown key 'qualifier_after' (a section)"),
    ('decimal = "."', "decimal = 1", "[numbers] decimal must be a string, got 1"),
    ("capitalised_nouns = false", 'capitalised_nouns = "no"', "[language] capitalised_nouns must be true"),
    ('code = "en"', 'code = "fr"', "[language] code is 'fr' but the file is named for 'en'"),
])
def test_a_typo_in_a_language_file_names_the_file_and_the_key(lang_dir, old, new, message):
    _edit(lang_dir / "en.toml", old, new)
    with pytest.raises(LanguageFileError) as err:
        langdata.read_raw("en")
    assert str(err.value).startswith(f"{lang_dir / 'en.toml'}: ")
    assert message in str(err.value)


def test_a_typo_in_common_toml_names_common_toml(lang_dir):
    _edit(lang_dir / "common.toml", "[unit_symbols]", "[unit_symbol]")
    with pytest.raises(LanguageFileError, match=r"common\.toml: unknown key 'unit_symbol'"):
        langdata.read_raw("fr")


def test_nested_tables_are_checked_too():
    typo = {"ambiguous": [{"surfaces": ["pounds"], "rules": [{"unit": "GBP", "cue": ["£"]}]}]}
    with pytest.raises(LanguageFileError,
                       match=r"x\.toml: unknown key 'cue' in \[ambiguous\[0\]\] rules\[0\]"):
        check_file(typo, "x.toml")
    with pytest.raises(LanguageFileError, match=r"\[vague\] words dozens must be a list of 3 numbers"):
        check_file({"vague": {"words": {"dozens": [24, 99]}}}, "x.toml")


@pytest.fixture
def lexicon_dir(tmp_path) -> Path:
    for path in LEXICON_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


@pytest.mark.parametrize(("name", "old", "new", "message"), [
    ("fr.toml", "[marker]", "[markers]", "fr.toml: unknown section [markers]"),
    ("fr.toml", "cumulative = [", "cumulativ = [", "fr.toml: [marker] unknown key 'cumulativ'"),
    ("de.toml", "[dates]", "[date]", "de.toml: unknown section [date]"),
    ("terms.toml", "[generic]\ntopics", "[generic]\ntopic", "terms.toml: [generic] unknown key 'topic'"),
])
def test_a_typo_in_a_lexicon_file_names_the_file_and_the_key(lexicon_dir, name, old, new, message):
    _edit(lexicon_dir / name, old, new)
    with pytest.raises(lexicon.LexiconError, match=re.escape(message)):
        lexicon.parse_lexicon(lexicon_dir)
