"""Reference facts and exchange rates: loading (validation, units, atomicity) and the `checks` verdicts.

Verdicts are checked on a copy of the sample-corpus warehouse (real pipeline run, shared by the checks
tests); loading goes through `quantcheck reference load|rates` and the real warehouse writer.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from test_checks_support import copy_warehouse, sample_warehouse

from quantcheck.checks.loading import LoadError, parse_rate_rows, parse_reference_rows, read_table
from quantcheck.flows.cli import main

REFERENCE_CSV = """fact_id,concept,subject,value,low,high,unit,as_of,source
troops-border,troops,Russian troops massed at the Ukrainian border,,100000,120000,,2021-12-30,Pentagon
burned-area,,area burned by the wildfire in Extremadura,12300,,,hectare,2025-07-16,Copernicus EMS
relief,,French fuel aid package,1.9e9,,,EUR,2025-03-10,Journal officiel
"""


@pytest.fixture(scope="module")
def checked_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    public = sample_warehouse(tmp_path_factory.getbasetemp())
    db = copy_warehouse(public, tmp_path_factory.mktemp("reference"))
    facts = db.parent / "facts.csv"
    facts.write_text(REFERENCE_CSV, encoding="utf-8")
    assert main(["reference", "load", str(facts), "--db", str(db)]) == 0
    return db


def verdicts(db: Path) -> dict[tuple[str, str, str], str]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT fact_id, source, surface, verdict FROM checks").fetchall()
    return {(f, s, surface): v for f, s, surface, v in rows}


@pytest.mark.parametrize(("fact", "source", "surface", "verdict"), [
    ("troops-border", "lequotidien", "100 000", "consistent"),      # at least 100 000 overlaps [100k, 120k]
    ("troops-border", "worldwire", "100,000", "consistent"),        # as many as 100,000 touches 100k
    ("troops-border", "kyiv-courier", "175,000", "inconsistent"),
    ("burned-area", "lequotidien", "12 000 hectares", "consistent"),
    ("burned-area", "worldwire", "12,500 hectares", "consistent"),
    ("burned-area", "elheraldo", "20.000 hectáreas", "inconsistent"),
    ("relief", "lematin-eco", "1,9 milliard d'euros", "consistent"),
    ("relief", "elheraldo", "2.500 millones de euros", "inconsistent"),
])
def test_reference_verdicts_on_the_sample_corpus(checked_db: Path, fact, source, surface, verdict) -> None:
    assert verdicts(checked_db)[(fact, source, surface)] == verdict


def test_usd_claim_is_not_checked_against_an_eur_reference_without_rates(checked_db: Path) -> None:
    assert not [k for k in verdicts(checked_db) if k[2] == "$2.1bn"]


def test_reference_values_are_converted_to_base_units(checked_db: Path) -> None:
    with duckdb.connect(str(checked_db), read_only=True) as con:
        si_value, si_unit, dim = con.execute(
            "SELECT si_value, si_unit, dimension FROM reference_facts WHERE fact_id = 'burned-area'"
        ).fetchone()
        rd = con.execute("SELECT relative_difference FROM checks c JOIN claims USING (claim_id) "
                         "WHERE c.fact_id = 'burned-area' AND claims.source = 'elheraldo'").fetchone()[0]
    assert (si_value, si_unit, dim) == (pytest.approx(1.23e8), "meter ** 2", "[length] ** 2")
    assert rd == pytest.approx(7700 / 12300)


def test_reloading_replaces_facts_by_id(checked_db: Path, tmp_path: Path) -> None:
    facts = tmp_path / "facts.csv"
    facts.write_text(REFERENCE_CSV, encoding="utf-8")
    db = copy_warehouse(checked_db, tmp_path)
    assert main(["reference", "load", str(facts), "--db", str(db)]) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM reference_facts").fetchone()[0] == 3


def test_parquet_reference_file(tmp_path: Path) -> None:
    csv = tmp_path / "facts.csv"
    csv.write_text(REFERENCE_CSV, encoding="utf-8")
    parquet = tmp_path / "facts.parquet"
    with duckdb.connect() as con:
        con.execute("CREATE TABLE f AS SELECT * FROM read_csv($p, all_varchar = true)", {"p": str(csv)})
        con.table("f").write_parquet(str(parquet))
    table = parse_reference_rows(parquet, read_table(parquet))
    assert table.num_rows == 3 and table.column("si_value").to_pylist()[2] == 1.9e9


@pytest.mark.parametrize(("csv", "message"), [
    ("concept,value\ntroops,100\n", "missing column(s) subject"),
    ("subject,value,colour\nx,1,red\n", "unknown column(s) colour"),
    ("subject,value,unit\nburned area,12000,hectars\n", "row 2: unknown unit 'hectars'"),
    ("subject,value,unit,concept\ntroops at the border,lots,,troops\n",
     "row 2: value 'lots' is not a number"),
    ("subject,value,unit\ntroops at the border,100000,\n", "row 2: a count (no unit) needs a concept"),
    ("subject,low,high,unit\nburned area,20,10,hectare\n", "row 2: low 20.0 is greater than high 10.0"),
    ("subject,value,unit,as_of\nburned area,1,hectare,yesterday\n", "row 2: as_of 'yesterday' is not a date"),
    ("subject,unit\nburned area,hectare\n", "row 2: give a value, or both low and high"),
    ("subject,value,unit\n", "no rows"),
])
def test_bad_reference_files_are_refused_whole(tmp_path: Path, csv: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(csv, encoding="utf-8")
    with pytest.raises(LoadError) as err:
        parse_reference_rows(path, read_table(path))
    assert message in str(err.value)


def test_a_bad_file_loads_nothing_and_exits_1(checked_db: Path, tmp_path: Path, capsys) -> None:
    db = copy_warehouse(checked_db, tmp_path)
    path = tmp_path / "half.csv"
    path.write_text("fact_id,subject,value,unit\nok,burned area,100,hectare\nbad,burned area,x,hectare\n",
                    encoding="utf-8")
    assert main(["reference", "load", str(path), "--db", str(db)]) == 1
    assert "row 3: value 'x' is not a number" in capsys.readouterr().err
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM reference_facts WHERE fact_id = 'ok'").fetchone()[0] == 0


def test_missing_and_binary_files_get_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        read_table(tmp_path / "nope.csv")
    binary = tmp_path / "facts.parquet"
    binary.write_bytes(b"\x00\x01not parquet" * 10)
    with pytest.raises(LoadError, match="cannot be read as parquet"):
        read_table(binary)
    with pytest.raises(LoadError, match="unsupported file type"):
        read_table(binary.rename(tmp_path / "facts.xlsx"))


@pytest.mark.parametrize(("csv", "message"), [
    ("date,from,to,rate\n2025-03-07,USD,EUR,-1\n", "rate must be positive"),
    ("date,from,to,rate\n2025-03-07,dollar,EUR,0.9\n", "from 'dollar' is not an ISO 4217 code"),
    ("date,from,to,rate\n2025-03-07,EUR,EUR,1\n", "same currency EUR"),
    ("date,from,to,rate\n2025-03-07,USD,EUR,0.9\n2025-03-07,USD,EUR,0.8\n", "row 3: duplicate of row 2"),
    ("date,from,rate\n2025-03-07,USD,0.9\n", "missing column(s) to"),
])
def test_bad_rate_files_are_refused(tmp_path: Path, csv: str, message: str) -> None:
    path = tmp_path / "rates.csv"
    path.write_text(csv, encoding="utf-8")
    with pytest.raises(LoadError) as err:
        parse_rate_rows(path, read_table(path))
    assert message in str(err.value)


def test_rates_make_the_usd_claim_comparable_on_the_sample_corpus(checked_db: Path, tmp_path: Path) -> None:
    """flows/sample/README.md: with 1 USD = 0.92 EUR, "$2.1bn" ≈ 1.93 bn EUR agrees with the 1.9 bn claims
    and conflicts with elheraldo's 2.5 bn."""
    db = copy_warehouse(checked_db, tmp_path)
    rates = tmp_path / "rates.csv"
    rates.write_text("date,from,to,rate,source\n2025-03-07,USD,EUR,0.92,ECB reference rate\n",
                     encoding="utf-8")
    assert main(["reference", "rates", str(rates), "--db", str(db)]) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT source_a, source_b, surface_a, surface_b, reason FROM conflicts "
                           "WHERE '$2.1bn' IN (surface_a, surface_b)").fetchall()
        verdict = con.execute("SELECT verdict FROM checks WHERE surface = '$2.1bn'").fetchone()
    assert len(rows) == 1 and {rows[0][0], rows[0][1]} == {"worldwire", "elheraldo"}
    assert "converted with dated exchange rates" in rows[0][4]
    assert verdict == ("consistent",)
