"""Strings Python can hold but DuckDB cannot store (lone surrogates) never stop a run (issue 14, defect 1).

A file name that is not UTF-8 (``old-caf\\xe9.doc`` from an old archive) reaches the pipeline as
``'old-caf\\udce9.doc'``. Used to: ``finish_run`` failed with "Unable to cast Python instance of type
<class 'str'> to C++ type", nothing was stored, and the failure itself was not recorded. Now every string
written to the warehouse passes warehouse.storable (escaped visibly), and a failed run always leaves its
'failed' row, even the very first run of a warehouse. Real DuckDB files throughout.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quantcheck.flows.documents import Skipped
from quantcheck.warehouse.db import connect_read_only, open_writer
from quantcheck.warehouse.storable import storable

LATIN1_NAME = os.fsdecode(b"/archive/old-caf\xe9.doc")  # 'old-caf\udce9.doc'


def _runs(db: Path) -> list[tuple]:
    con = connect_read_only(db)
    try:
        return con.execute("SELECT run_id, status, skipped, error FROM runs ORDER BY run_id").fetchall()
    finally:
        con.close()


def test_storable_escapes_surrogates_visibly() -> None:
    assert "\udce9" in LATIN1_NAME
    assert storable(LATIN1_NAME) == "/archive/old-caf\\xe9.doc"
    assert storable("a\ud800b") == "a\\ud800b"
    assert storable("déjà 12 km") == "déjà 12 km"
    assert Skipped("src", LATIN1_NAME, "unsupported file type '.doc'").location == storable(LATIN1_NAME)


def test_a_non_utf8_name_in_skipped_items_is_stored(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with open_writer(db) as w:
        w.start_run()
        w.upsert_source(os.fsdecode(b"archiv-\xe9"), kind="folder", location=LATIN1_NAME)
        w.skip(LATIN1_NAME, "unsupported file type '.doc'")
        w.finish_run("completed", skipped=[{"item": LATIN1_NAME, "reason": "r\udce9ason", "source": "s"}])
    ((_, status, skipped, _),) = _runs(db)
    assert status == "completed"
    items = json.loads(skipped)
    assert [i["item"] for i in items] == ["/archive/old-caf\\xe9.doc"] * 2
    assert items[1]["reason"] == "r\\xe9ason"
    con = connect_read_only(db)
    try:
        assert con.execute("SELECT name, location FROM sources").fetchall() == [
            ("archiv-\\xe9", "/archive/old-caf\\xe9.doc")
        ]
    finally:
        con.close()


def test_the_first_run_of_a_warehouse_that_fails_leaves_its_failed_row(tmp_path: Path) -> None:
    db = tmp_path / "fresh.duckdb"
    with pytest.raises(RuntimeError, match="boom"), open_writer(db) as w:
        w.start_run(flow_run_id="f-1")
        w.skip(LATIN1_NAME, "unsupported")
        raise RuntimeError("boom \udce9")
    ((run_id, status, skipped, error),) = _runs(db)
    assert (run_id, status) == (1, "failed")
    assert error == "RuntimeError: boom \\xe9"
    assert json.loads(skipped)[0]["item"] == "/archive/old-caf\\xe9.doc"


def test_a_failure_while_finishing_still_records_the_run(tmp_path: Path) -> None:
    """The failed row is written even when the skipped items themselves cannot be stored."""
    db = tmp_path / "w.duckdb"
    with open_writer(db) as w:
        w.start_run()
    looping: dict = {"item": "x"}
    looping["reason"] = looping  # cannot be serialised at all
    with pytest.raises(RecursionError), open_writer(db) as w:
        w.start_run()
        w.skipped.append(looping)
        w.finish_run("completed")
    runs = _runs(db)
    assert [r[1] for r in runs] == ["completed", "failed"]
    assert "could not be recorded" in runs[1][3]
