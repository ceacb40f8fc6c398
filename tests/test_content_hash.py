"""One content hash (warehouse.records.content_hash) for the pipeline and the writer (issue 13).

Two functions used to exist: the pipeline's hashed strict UTF-8, the writer's ``surrogatepass`` bytes.
Merging them must not change the hash of any text a warehouse already stores (the dedupe key: a changed
hash would store every article again), so ordinary text must hash exactly as both did; texts with lone
surrogates now hash as the text the warehouse stores (U+FFFD in their place).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quantcheck.warehouse.db import connect_read_only, open_writer
from quantcheck.warehouse.records import DocumentIn, content_hash

ORDINARY = [
    "",
    "Pas moins de 100\u202f000 soldats russes, a dit l’état-major. 東京 🙂",
    "Café\n\n12 000 hectares — 1,9 milliard d'euros",
    "\U0001f600 astral plane, e\u0301 combining mark kept as given, \u00a0no-break space",
]


def old_hash(text: str) -> str:
    """What both former functions computed for a text without lone surrogates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_hashes_as_before(text: str) -> None:
    assert content_hash(text) == old_hash(text)
    assert content_hash(text) == hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def test_a_stored_hash_is_unchanged() -> None:
    """A fixed value computed before the merge: the hash is part of every existing warehouse."""
    assert content_hash(ORDINARY[1]) == "3cccdebac4c6ff4e650bb0849647a8b66ae8dd8a6717b71ce19dcda029903882"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_any_text_without_surrogates_hashes_as_before(text: str) -> None:
    assert content_hash(text) == old_hash(text)


def test_lone_surrogates_hash_as_the_stored_text_and_never_raise(tmp_path: Path) -> None:
    text = "a \ud800 12 km \udce9"
    assert content_hash(text) == old_hash("a \ufffd 12 km \ufffd")
    db = tmp_path / "w.duckdb"
    with open_writer(db) as writer:
        writer.load_batch([DocumentIn(source="s", text=text), DocumentIn(source="s", text="plain 7 km")])
    con = connect_read_only(db)
    try:
        stored = con.execute("SELECT text, content_hash FROM documents ORDER BY text").fetchall()
    finally:
        con.close()
    assert len(stored) == 2
    for stored_text, stored_hash in stored:  # every stored hash can be recomputed from the stored text
        assert stored_hash == content_hash(stored_text) == old_hash(stored_text)
