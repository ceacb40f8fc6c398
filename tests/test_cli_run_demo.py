"""`quantcheck demo`: the real flow on the bundled sample corpus, recreated warehouse, printed summary."""

from __future__ import annotations

import re

from quantcheck.flows.cli import main as cli_main
from quantcheck.flows.commands.demo import sample_config
from quantcheck.flows.config import load_config


def test_demo_runs_sample_corpus_and_prints_claims_and_conflicts(prefect_harness, tmp_path, capsys):
    db = tmp_path / "demo.duckdb"
    names = [s.name for s in load_config(sample_config()).sources]
    assert cli_main(["demo", "--db", str(db)]) == 0
    first = capsys.readouterr().out
    assert "nothing was skipped" in first
    m = re.search(r"Warehouse .*: (\d+) sources, (\d+) documents, (\d+) claims\.", first)
    assert m and int(m.group(1)) == len(names) and int(m.group(2)) >= 10 and int(m.group(3)) > 0
    sources_block = first.split("Sources:")[1].split("Some claims per language")[0]
    for name in names:
        assert name in sources_block
    claims_block = first.split("Some claims per language")[1].split("Conflicts")[0]
    langs = {line.split()[0] for line in claims_block.splitlines()[3:] if line.strip()}
    assert {"en", "fr", "es", "de"} <= langs
    assert "Conflicts" in first

    # run again: the file is recreated, so the same numbers come out (not doubled)
    assert cli_main(["demo", "--db", str(db)]) == 0
    second = capsys.readouterr().out
    assert re.search(r"Warehouse .*claims\.", second).group(0) == m.group(0)
    assert "Run 1 completed" in second


def test_demo_refuses_to_overwrite_another_warehouse(prefect_harness, tmp_path, capsys):
    other = tmp_path / "mine.txt"
    other.write_text("Our own notes: 42 items.", encoding="utf-8")
    db = tmp_path / "real.duckdb"
    assert cli_main(["run", "--db", str(db), "--source", str(other)]) == 0
    before = db.read_bytes()
    capsys.readouterr()
    assert cli_main(["demo", "--db", str(db)]) == 2
    assert "holds other sources (mine)" in capsys.readouterr().err
    assert db.read_bytes() == before
