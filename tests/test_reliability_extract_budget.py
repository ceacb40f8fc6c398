"""Pathological documents cannot hold a run: the two quadratic shapes are linear, and every document is
extracted under a budget (issue 14, defect 4).

The shapes: German number words ending in a partial word (``'fünfzigtausend ' * N + 'fünfz'``: 7.3 s for
30 KB, quadratic) and a country with a same-named currency repeated in one long sentence
(``'En Argentina 1.150 pesos, ' * k``: 9.2 s for 208 KB). Their growth is checked here by a ratio of CPU
times measured in the same run (4x the text must cost at most 6x; quadratic would be 16x); the 1 MB / 4 MB
benchmark is tests/benchmarks/bench_pathological.py. The budget (``extract_budget``) is checked with a
tiny allowance on ordinary text: the document is kept with the mentions found before the budget ran out,
and the rest is listed as skipped with the position reached.
"""

from __future__ import annotations

import time

import pytest

from quantcheck.extractors import extract
from quantcheck.flows.documents import Document
from quantcheck.flows.extraction import extract_documents
from quantcheck.warehouse.records import content_hash

SHAPES = {
    "number-words-partial": ("fünfzigtausend ", "de", "fünfz"),
    "country-currency": ("En Argentina 1.150 pesos, ", "es", ""),
}
NEWS = (
    "Selon la préfecture, 12 500 manifestants ont défilé samedi sur 3 km. "
    "Les organisateurs en comptaient 30 000 et 300 policiers étaient mobilisés. "
)


def shaped(unit: str, size: int, tail: str = "") -> str:
    return unit * ((size - len(tail)) // len(unit)) + tail


def cpu(text: str, lang: str, runs: int = 2) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        extract(text, lang)
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", list(SHAPES))
def test_pathological_shapes_grow_linearly(name: str) -> None:
    unit, lang, tail = SHAPES[name]
    extract("12 km", lang)
    small = cpu(shaped(unit, 100_000, tail), lang)
    large = cpu(shaped(unit, 400_000, tail), lang)
    assert large / max(small, 1e-6) <= 6.0, f"{name}: 100 KB {small:.2f} s, 400 KB {large:.2f} s"


def _doc(text: str, lang: str = "fr") -> Document:
    return Document(source="s", url="https://example.org/long", text=text, content_hash=content_hash(text),
                    lang=lang)


def test_a_document_over_its_budget_keeps_what_was_found_and_says_where_it_stopped() -> None:
    text = shaped(NEWS, 500_000)
    whole = extract(text, "fr")
    batch = extract_documents([_doc(text)], budget=0.002)  # 2 ms of CPU per million characters
    (doc,) = batch.documents
    assert doc.text == text, "the document is stored"
    (skipped,) = batch.skipped
    assert skipped.reason.startswith("extraction stopped after 0.002 s of CPU (extract_budget = 0.002 s "
                                     "per million characters) at character ")
    assert "the rest of the document was not read for quantities" in skipped.reason
    stored = batch.mentions.table.num_rows
    assert 0 < stored < len(whole), "some mentions before the stop, not all"
    surfaces = batch.mentions.table.column("surface").to_pylist()
    starts = batch.mentions.table.column("start").to_pylist()
    assert surfaces == [m.surface for m in whole[:stored]] and starts == [m.start for m in whole[:stored]]


def test_within_the_budget_nothing_changes() -> None:
    text = shaped(NEWS, 20_000)
    batch = extract_documents([_doc(text)], budget=30.0)
    assert batch.skipped == ()
    assert batch.mentions.table.column("start").to_pylist() == [m.start for m in extract(text, "fr")]
