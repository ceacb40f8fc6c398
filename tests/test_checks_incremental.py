"""checks.refresh recomputes only the blocks a run touched, and its tables equal a full rebuild's.

Real warehouse files: the real pipeline over part of a corpus and then the rest, and hand-made claims loaded
through the real writer with checks.refresh before publishing. After every incremental refresh each table
the refresh writes (and each view reading them) must hold exactly the rows of ``refresh(con, force=True)``
on a copy of the same file.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
from test_checks_support import claim_doc

from quantcheck import checks
from quantcheck.checks.block_digests import settings_digest
from quantcheck.checks.lexicon import load_lexicon
from quantcheck.warehouse.db import open_writer

ROOT = Path(__file__).resolve().parents[1]
FACTS_DEV = ROOT / "tests" / "specs" / "facts" / "dev" / "articles"
TABLES = ("claim_keys", "fact_pairs", "conflicts", "claim_facts", "claim_groups", "fact_labels")


def differences(db: Path, tmp_path: Path) -> dict[str, tuple[int, int]]:
    """{table: (rows only in ``db``, rows only in a forced full rebuild of a copy)} for each table that
    differs (set operations with duplicates; NaN equals NaN in DuckDB)."""
    full = tmp_path / "full.duckdb"
    shutil.copyfile(db, full)
    with duckdb.connect(str(full)) as con:
        assert checks.refresh(con, force=True)["skipped"] == 0
    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        con.execute(f"ATTACH '{full}' AS rebuilt (READ_ONLY)")
        for table in TABLES:
            mine = con.execute(f"SELECT count(*) FROM (FROM main.{table} EXCEPT ALL FROM rebuilt.{table})")
            mine = mine.fetchone()[0]
            theirs = con.execute(f"SELECT count(*) FROM (FROM rebuilt.{table} EXCEPT ALL FROM main.{table})")
            theirs = theirs.fetchone()[0]
            if mine or theirs:
                out[table] = (mine, theirs)
    return out


def run(db: Path, files: list[Path]) -> None:
    """`quantcheck run --db DB --source FILE ...`: the real flow, its writer refreshing before publishing."""
    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120")
    sources = [arg for f in files for arg in ("--source", str(f))]
    proc = subprocess.run([sys.executable, "-m", "quantcheck.flows.cli", "run", "--db", str(db), *sources],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def load(db: Path, docs: list) -> dict[str, int]:
    """Load ``docs`` through the real writer and return what its checks.refresh reported."""
    reports: list[dict[str, int]] = []
    with open_writer(db, before_publish=lambda con: reports.append(checks.refresh(con))) as writer:
        writer.start_run(flow_run_id=None)
        result = writer.load_batch(docs)
        assert not result.skipped, result.skipped
    assert len(reports) == 1
    return reports[0]


def troops(text_number: str, value: float, source: str, published: str):
    return claim_doc(source, f"Russia has massed {text_number} troops at the border.",
                     [{"surface": text_number, "value": value, "concept": "troops"}], published=published)


def killed(number: int, source: str, published: str, town: str = "Idlib"):
    text = f"An air strike on a market in {town} killed {number} people on Sunday, rescuers said."
    return claim_doc(source, text, [{"surface": str(number), "value": number}], published=published)


def aid(billions: int, source: str, published: str):
    text = f"The relief package of {billions} billion euros was approved on Monday."
    return claim_doc(source, text, [{"surface": f"{billions} billion euros", "value": billions * 1e9,
                                     "unit": "EUR", "si_unit": "EUR", "dimension": "currency_EUR"}],
                     published=published)


def rate(con: duckdb.DuckDBPyConnection, day: str) -> None:
    """A dollar rate: an input of the refresh that changes no claim here (every amount is in euros)."""
    con.execute("INSERT INTO exchange_rates VALUES ($d, 'USD', 'EUR', 0.92, 'test', now())", {"d": day})


def first_docs() -> list:
    return [
        troops("100,000", 100000, "a", "2022-01-01"),
        troops("175,000", 175000, "b", "2022-01-02"),
        killed(13, "a", "2016-06-12"),
        killed(36, "b", "2016-06-12"),
        killed(9, "c", "2016-06-12", town="Aleppo"),
        aid(2, "a", "2024-01-03"),
        aid(3, "c", "2024-01-04"),
        claim_doc("c", "The ministry printed 4,000 leaflets.", [{"surface": "4,000", "value": 4000}],
                  published="2024-01-04"),
    ]


def test_runs_over_parts_of_a_corpus_match_one_full_rebuild(tmp_path: Path) -> None:
    """The real pipeline over three of the outlets of the facts-dev corpus, then over the other five:
    the second run's refresh keeps the blocks the new articles do not touch, and every table equals a
    forced rebuild of the whole warehouse."""
    files = sorted(FACTS_DEV.glob("*.jsonl"))
    db = tmp_path / "w.duckdb"
    run(db, files[:3])
    assert differences(db, tmp_path) == {}
    run(db, files[3:])
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM conflicts").fetchone()[0] > 10
    assert differences(db, tmp_path) == {}


def test_a_small_run_recomputes_only_the_blocks_it_touches(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = load(db, first_docs())
    assert first["blocks"] == 3 and first["recomputed_blocks"] == 3
    # one more outlet on the troops: only the troops' block is recomputed
    report = load(db, [troops("40,000", 40000, "d", "2022-01-03")])
    assert report["skipped"] == 0 and (report["blocks"], report["recomputed_blocks"]) == (3, 1)
    assert differences(db, tmp_path) == {}
    with duckdb.connect(str(db), read_only=True) as con:
        troops_conflicts = con.execute("SELECT count(*) FROM conflicts WHERE surface_a LIKE '%,000'")
        assert troops_conflicts.fetchone()[0] == 3
    # a claim that cannot be compared touches no block at all
    report = load(db, [claim_doc("d", "The ministry printed 9,000 leaflets.", [{"surface": "9,000",
                                                                                  "value": 9000}])])
    assert (report["blocks"], report["recomputed_blocks"]) == (3, 0)
    assert differences(db, tmp_path) == {}


def test_removed_and_changed_claims_recompute_their_blocks(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    load(db, first_docs())
    with duckdb.connect(str(db)) as con:
        # an article withdrawn: its claims leave their block, its conflict goes with them
        gone = con.execute("SELECT document_id FROM mentions WHERE surface = '36'").fetchone()[0]
        con.execute("DELETE FROM mentions WHERE document_id = $d", {"d": gone})
        con.execute("DELETE FROM documents WHERE document_id = $d", {"d": gone})
        report = checks.refresh(con)
        assert report["recomputed_blocks"] == 1
        # a rate loaded for nothing in euros changes no interval: nothing to recompute
        rate(con, "2024-01-02")
        assert checks.refresh(con)["recomputed_blocks"] == 0
        # a changed publication day moves one troops claim: its block only
        con.execute("UPDATE documents SET published_at = published_at + INTERVAL 30 DAY WHERE document_id = "
                    "(SELECT document_id FROM mentions WHERE surface = '175,000')")
        assert checks.refresh(con)["recomputed_blocks"] == 1
    assert differences(db, tmp_path) == {}


def test_other_settings_rebuild_every_block(tmp_path: Path) -> None:
    """Block digests recorded under other settings (identity.toml, the lexicon, the checks code) are not
    trusted: every block is recomputed, as when they were never recorded."""
    lexicon = load_lexicon()
    assert settings_digest(dataclasses.replace(lexicon, version="another")) != settings_digest(lexicon)
    db = tmp_path / "w.duckdb"
    load(db, first_docs())
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE checks_blocks SET settings = 'identity.toml of last week'")
        con.execute("DELETE FROM fact_pairs")  # what older settings left behind must not survive
        rate(con, "2024-01-02")                # (an input changed: the refresh is not skipped)
        report = checks.refresh(con)
        assert report["skipped"] == 0 and report["recomputed_blocks"] == report["blocks"] == 3
        con.execute("DELETE FROM checks_blocks")
        rate(con, "2024-01-03")
        assert checks.refresh(con)["recomputed_blocks"] == 3
    assert differences(db, tmp_path) == {}


def test_blocks_grown_on_forked_workers_give_the_same_tables(tmp_path: Path, monkeypatch) -> None:
    """A large refresh spreads its blocks over forked processes (checks/block_facts.py); here every refresh
    does, and its tables equal the ones computed in one process."""
    from quantcheck.checks import block_facts

    db = tmp_path / "w.duckdb"
    load(db, first_docs())                    # small: computed in this process
    monkeypatch.setattr(block_facts, "PARALLEL_CLAIMS", 0)
    monkeypatch.setattr(block_facts, "WORKERS", 2)
    assert differences(db, tmp_path) == {}    # the forced rebuild: on two forked workers
