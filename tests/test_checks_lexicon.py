"""The multilingual subject lexicon (checks/lexicon/*.toml) and subject frames read from sentences."""

from __future__ import annotations

import duckdb
import pytest

from checks.lexicon import LEXICON_DIR, LexiconError, load_lexicon, parse_lexicon
from checks.subjects import refresh_subjects
from warehouse.migrate import apply_migrations


def frames_of(rows: list[tuple[str, str, str]]) -> list[tuple[str, list[str]]]:
    """(frame, entities) for each (lang, sentence, number surface), through the real SQL path."""
    con = duckdb.connect()
    try:
        apply_migrations(con)
        con.execute("INSERT INTO documents (document_id, source_id, fetched_at, content_hash, text) "
                    "VALUES ('d', 's', now(), 'h', '')")
        for i, (lang, sentence, surface) in enumerate(rows):
            start = sentence.index(surface)
            con.execute(
                "INSERT INTO mentions (mention_id, document_id, start, \"end\", surface, sentence, value, "
                "qualifier, unit, dimension, si_unit, extractor_version, ordinal, sentence_start, "
                "sentence_end, lang) VALUES ($id, 'd', $s, $e, $surface, $sentence, 1, 'exact', '', 'count', "
                "'', 't', $i, 0, $n, $lang)",
                {"id": f"d:{i:04d}", "s": start, "e": start + len(surface), "surface": surface,
                 "sentence": sentence, "i": i, "n": len(sentence), "lang": lang})
        assert refresh_subjects(con) == len(rows)
        return [(f, e) for f, e in con.execute(
            "SELECT frame, entities FROM claim_subjects ORDER BY mention_id").fetchall()]
    finally:
        con.close()


CASES = [
    ("fr", "Pas moins de 100 000 soldats russes sont restés amassés à la frontière ukrainienne.", "100 000",
     "deploy", ["russia", "ukraine"]),
    ("en", "As many as 100,000 Russian troops remain massed near the Ukrainian border.", "100,000",
     "deploy", ["russia", "ukraine"]),
    ("es", "Más de 100.000 soldados rusos siguen concentrados en la frontera con Ucrania.", "100.000",
     "deploy", ["russia", "ukraine"]),
    ("de", "Mindestens 100.000 russische Soldaten sind an der Grenze zur Ukraine zusammengezogen.", "100.000",
     "deploy", ["russia", "ukraine"]),
    ("fr", "La Russie a annoncé qu'elle retirerait 10 000 soldats dans leurs casernes.", "10 000",
     "withdraw", ["russia"]),
    ("en", "Moscow said it would pull back 10,000 troops to their barracks.", "10,000", "withdraw",
     ["russia"]),
    ("de", "Russland kündigte an, 10.000 Soldaten abzuziehen.", "10.000", "withdraw", ["russia"]),
    ("en", "The 50-minute phone call produced no breakthrough.", "50-minute", "call", []),
    ("en", "The ministry signed a 10-day contract with a supplier.", "10-day", "contract", []),
    ("en", "Biden called Putin; the 10-day contract was signed later.", "10-day", "contract", []),
    # nearest action wins: the number of troops withdrawn, in a sentence that also says "massed"
    ("en", "Russia massed troops at the border, then withdrew 10,000 of them.", "10,000", "withdraw",
     ["russia"]),
    # an exact form does not match a longer word ("call" in "calling"), a stem does ("evacuat*")
    ("en", "Calling it a success, officials evacuated 3,000 people.", "3,000", "evacuate", []),
    ("fr", "Le gazole a atteint 2,19 euros le litre, et l'essence 1,98 euro.", "2,19 euros", "diesel", []),
    ("fr", "Le gazole a atteint 2,19 euros le litre, et l'essence 1,98 euro.", "1,98 euro", "petrol", []),
    ("xx", "Unknown language: 5,000 troops massed at the border.", "5,000", "deploy", []),
    ("en", "Nothing in this sentence names a subject: 42.", "42", "", []),
]


def test_frames_across_languages() -> None:
    got = frames_of([(lang, s, n) for lang, s, n, *_ in CASES])
    expected = [(frame, ents) for *_, frame, ents in CASES]
    bad = [(CASES[i][1], CASES[i][2], g, e)
           for i, (g, e) in enumerate(zip(got, expected, strict=True)) if g != e]
    assert not bad, bad


def test_every_language_file_uses_declared_terms_and_covers_the_core_terms() -> None:
    lex = load_lexicon()
    assert set(lex.languages) >= {"en", "fr", "es", "de"}
    core = {"deploy", "withdraw", "burn", "evacuate", "kill", "injure", "call", "contract", "aid", "border"}
    for lang in ("en", "fr", "es", "de"):
        terms = {f.term for f in lex.forms[lang]}
        assert core <= terms, f"{lang}.toml lacks {sorted(core - terms)}"


def test_lookup_exact_and_stem() -> None:
    lex = load_lexicon()
    assert lex.lookup("fr", "amassés") == "deploy"
    assert lex.lookup("en", "pull back") == "withdraw"
    assert lex.lookup("en", "calling") is None           # "call" is an exact form
    assert lex.lookup(None, "frontera") == "border"       # unknown language: every file


def test_inconsistent_lexicon_files_are_refused(tmp_path) -> None:
    (tmp_path / "terms.toml").write_text('[roles]\ndeploy = "action"\nborder = "topic"\n', encoding="utf-8")
    (tmp_path / "en.toml").write_text('[terms]\ndeploy = ["massed"]\nborder = ["massed"]\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="maps to both"):
        parse_lexicon(tmp_path)
    (tmp_path / "en.toml").write_text('[terms]\nretreat = ["retreat"]\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="not declared"):
        parse_lexicon(tmp_path)
    (tmp_path / "terms.toml").write_text('[roles]\nretreat = "verb"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="role"):
        parse_lexicon(tmp_path)


def test_the_shipped_lexicon_parses() -> None:
    assert parse_lexicon(LEXICON_DIR).version == load_lexicon().version


def test_sql_normalisation_turns_every_non_letter_into_one_space() -> None:
    """The SQL side keeps lengths (mention offsets cut the normalised sentence) and leaves only letters:
    tabs, no-break and narrow no-break spaces, digits and punctuation all become plain spaces."""
    import unicodedata

    from checks.lexicon import NON_LETTER

    text = "Über\t100\u00a0000,5 soldats\u202fmassés — l'armée (ÉTÉ) ça\nß!"
    with duckdb.connect() as con:
        got = con.execute("SELECT regexp_replace(lower($t), $p, ' ', 'g')",
                          {"t": text, "p": NON_LETTER}).fetchone()[0]
    expected = "".join(c if unicodedata.category(c).startswith("L") else " " for c in text.lower())
    assert got == expected and len(got) == len(text)
