"""The stored sentence is a bounded window around its mention, so storage grows linearly (issue 14, defect 2).

A text without sentence breaks (a price list) is one sentence; stored whole with each of its mentions,
a 286 KB list made 8,001 mentions and a 2.2 GB warehouse. Now each mention stores at most
SENTENCE_REACH characters on each side of its surface, cut at word boundaries, and ordinary sentences are
stored exactly as before. Real extraction, real DuckDB file.
"""

from __future__ import annotations

from pathlib import Path

from quantcheck.extractors import extract
from quantcheck.warehouse.arrow_batch import SENTENCE_REACH, SENTENCE_REACH_MIN
from quantcheck.warehouse.db import connect_read_only, open_writer
from quantcheck.warehouse.records import DocumentIn


def price_list(items: int) -> str:
    """One line of prices, no full stop anywhere: the whole text is one sentence."""
    return "Liste des prix\n" + "".join(
        f"Article {i} : {i % 97 + 1},{i % 100:02d} euros le kilo, " for i in range(items)
    )


ARTICLE = (
    "Selon la préfecture, 12 500 manifestants ont défilé à Lyon samedi. Les organisateurs en comptaient "
    "30 000. Le cortège s'étirait sur 3 km et 300 policiers étaient mobilisés."
)


def load(db: Path, texts: list[str]) -> None:
    docs = [DocumentIn(source="s", text=t, url=f"u{i}", mentions=extract(t, "fr"))
            for i, t in enumerate(texts)]
    with open_writer(db) as w:
        w.load_batch(docs)


def test_a_text_without_sentence_breaks_stores_bounded_sentences(tmp_path: Path) -> None:
    text = price_list(3000)  # 107 KB
    db = tmp_path / "w.duckdb"
    load(db, [text])
    con = connect_read_only(db)
    try:
        rows = con.execute(
            'SELECT start, "end", surface, sentence, sentence_start, sentence_end FROM mentions '
            "ORDER BY ordinal"
        ).fetchall()
    finally:
        con.close()
    whole = [(m.sentence_start, m.sentence_end) for m in extract(text, "fr")]
    assert len(rows) == len(whole) >= 3000
    total = 0
    for (start, end, surface, sentence, ss, se), (s0, s1) in zip(rows, whole, strict=True):
        assert text[start:end] == surface
        assert text[ss:se] == sentence
        assert ss <= start and end <= se, "the window must contain the mention"
        assert start - ss <= SENTENCE_REACH and se - end <= SENTENCE_REACH
        assert s0 <= ss and se <= s1, "the window lies inside the extractor's sentence"
        # at least SENTENCE_REACH_MIN characters of context on each side, where the sentence has them;
        # a cut falls on a word boundary: just after / before a space
        assert ss == s0 or (start - ss >= SENTENCE_REACH_MIN and text[ss - 1].isspace()), (ss, s0)
        assert se == s1 or (se - end >= SENTENCE_REACH_MIN and text[se].isspace()), (se, s1)
        total += len(sentence)
    assert total <= len(rows) * (2 * SENTENCE_REACH + 40), "stored sentences are not bounded"


def test_ordinary_sentences_are_stored_whole(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    load(db, [ARTICLE])
    mentions = extract(ARTICLE, "fr")
    con = connect_read_only(db)
    try:
        rows = con.execute(
            "SELECT sentence, sentence_start, sentence_end FROM mentions ORDER BY ordinal"
        ).fetchall()
    finally:
        con.close()
    assert rows == [(ARTICLE[m.sentence_start : m.sentence_end], m.sentence_start, m.sentence_end)
                    for m in mentions]
