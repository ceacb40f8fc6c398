"""The fact lexicon (checks/lexicon/*.toml): a documented schema enforced at load time, the same canonical
terms in every language, and tokens that forms and texts agree on."""

from __future__ import annotations

from pathlib import Path

import pytest

from quantcheck.checks.lexicon import LEXICON_DIR, SECTIONS, LexiconError, load_lexicon, parse_lexicon, words

LANGS = ("en", "fr", "es", "de")


def copy_lexicon(tmp_path: Path) -> Path:
    for path in LEXICON_DIR.glob("*.toml"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    return tmp_path


def test_every_language_loads_and_english_is_the_fallback() -> None:
    lex = load_lexicon()
    assert set(LANGS) <= set(lex.languages)
    assert lex.language("xx") is lex.languages["en"]


def test_an_unknown_section_is_an_error_naming_the_file(tmp_path: Path) -> None:
    d = copy_lexicon(tmp_path)
    (d / "fr.toml").write_text(
        (d / "fr.toml").read_text(encoding="utf-8") + "\n[grupo]\nx = ['y']\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match=r"fr\.toml: unknown section \[grupo\]"):
        parse_lexicon(d)


def test_a_key_missing_from_terms_is_an_error(tmp_path: Path) -> None:
    d = copy_lexicon(tmp_path)
    text = (
        (d / "de.toml")
        .read_text(encoding="utf-8")
        .replace("[group]\n", "[group]\nsoldiers = ['Soldat']\n", 1)
    )
    (d / "de.toml").write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=r"de\.toml: \[group\] 'soldiers' is not a \[group\] key"):
        parse_lexicon(d)


def test_a_typo_in_a_marker_name_is_an_error(tmp_path: Path) -> None:
    d = copy_lexicon(tmp_path)
    text = (
        (d / "es.toml").read_text(encoding="utf-8").replace("[marker]\n", "[marker]\ncumulativ = ['x']\n", 1)
    )
    (d / "es.toml").write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown key 'cumulativ'"):
        parse_lexicon(d)


def test_one_form_cannot_name_two_terms_of_a_section(tmp_path: Path) -> None:
    d = copy_lexicon(tmp_path)
    text = (
        (d / "en.toml")
        .read_text(encoding="utf-8")
        .replace('women = ["women", "woman"]', 'women = ["women", "woman", "men"]', 1)
    )
    (d / "en.toml").write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match="maps to both"):
        parse_lexicon(d)


def test_a_compound_head_must_be_a_group_form(tmp_path: Path) -> None:
    """[grammar] compound_heads read a compound as its last part, so each must be a word of [group] or
    [group_action]: "häuser" would make hospitals ("Krankenhäuser") homes, and a typo would read nothing."""
    d = copy_lexicon(tmp_path)
    text = (d / "de.toml").read_text(encoding="utf-8")
    text = text.replace('compound_heads = ["fälle", ', 'compound_heads = ["fäle", ', 1)
    (d / "de.toml").write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=r"de\.toml: \[grammar\] compound_heads must be"):
        parse_lexicon(d)


def test_the_version_changes_with_any_file(tmp_path: Path) -> None:
    d = copy_lexicon(tmp_path)
    before = parse_lexicon(d).version
    (d / "fr.toml").write_text((d / "fr.toml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert parse_lexicon(d).version != before


def test_language_files_use_only_documented_sections() -> None:
    import tomllib

    for lang in LANGS:
        data = tomllib.loads((LEXICON_DIR / f"{lang}.toml").read_text(encoding="utf-8"))
        assert set(data) <= set(SECTIONS), lang


@pytest.mark.parametrize("section", ["group", "action", "incident"])
def test_every_language_covers_the_terms_english_covers(section: str) -> None:
    lex = load_lexicon()
    english = set(lex.languages["en"].sections[section].exact.values()) | {
        v for _, v in lex.languages["en"].sections[section].stems
    }
    for lang in ("fr", "es", "de"):
        m = lex.languages[lang].sections[section]
        covered = (
            set(m.exact.values()) | {v for _, v in m.stems} | {v for ps in m.phrases.values() for *_, v in ps}
        )
        assert english - covered == set(), (lang, section, sorted(english - covered))


@pytest.mark.parametrize(
    ("lang", "text", "section", "term"),
    [
        ("en", "civilians", "group", "civilians"),
        ("fr", "civils", "group", "civilians"),
        ("es", "civiles", "group", "civilians"),
        ("de", "zivilisten", "group", "civilians"),
        ("en", "killed", "action", "killed"),
        ("fr", "tuées", "action", "killed"),
        ("es", "fallecieron", "action", "killed"),
        ("de", "getötet", "action", "killed"),
        ("en", "earthquake", "incident", "earthquake"),
        ("fr", "séisme", "incident", "earthquake"),
        ("es", "terremoto", "incident", "earthquake"),
        ("de", "erdbeben", "incident", "earthquake"),
        ("en", "diesel", "topic", "diesel"),
        ("fr", "gazole", "topic", "diesel"),
        ("es", "gasóleo", "topic", "diesel"),
        ("de", "diesel", "topic", "diesel"),
    ],
)
def test_words_of_four_languages_meet_in_one_canonical_term(lang, text, section, term) -> None:
    toks = [t.text for t in words(text)]
    assert load_lexicon().languages[lang].sections[section].at(toks, 0)[0] == term


def test_phrases_and_stems_match_inflected_text() -> None:
    fr = load_lexicon().languages["fr"]
    toks = [t.text for t in words("Au moins 12 personnes ont péri dans les inondations")]
    assert fr.sections["incident"].at(toks, toks.index("inondations"))[0] == "flood"


def test_tokens_split_elisions_and_keep_numbers_whole() -> None:
    assert [t.text for t in words("l'armée a tué 100 000 soldats, d'après 2,5 %")] == [
        "l'",
        "armée",
        "a",
        "tué",
        "100 000",
        "soldats",
        ",",
        "d'",
        "après",
        "2,5",
    ]
    assert [t.text for t in words("July 19 2016")] == ["july", "19", "2016"]
