"""Clear refusals: unsupported languages are errors naming the supported ones (config, `extract --lang`,
JSON Lines `lang`) or skipped items with their reason (an article's own metadata, detected text); commands
that read a warehouse never create one; a scheduled run failing on a config typo prints one line and
leaves a `failed` row in `runs`; ClaimReview export explains an empty result."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from test_checks_support import sample_warehouse

from quantcheck.flows.cli import main
from quantcheck.flows.config import ConfigError, Settings, SourceConfig, load_config
from quantcheck.flows.documents import Document
from quantcheck.flows.extraction import extract_documents
from quantcheck.flows.languages import detected_unsupported, language_code, supported_languages
from quantcheck.flows.sources import read_source
from quantcheck.warehouse.records import content_hash

ITALIAN = ("Il governo italiano ha stanziato 2,5 miliardi di euro per le famiglie colpite dall'alluvione "
           "in Emilia-Romagna, dove almeno 14 persone sono morte e 36.000 sono state evacuate dalle loro "
           "case. Secondo la protezione civile, i danni superano i 9 miliardi e le piogge sono cadute per "
           "tre giorni senza interruzione su un territorio già fragile. ") * 2
ENGLISH = ("As many as 100,000 Russian troops remain massed near the Ukrainian border, US officials said on "
           "Thursday, after a 50-minute phone call between the two presidents produced no breakthrough. "
           "European leaders asked to be included in any negotiations on the continent's security. ") * 2


def test_supported_languages_come_from_the_data_files() -> None:
    assert set(supported_languages()) == {"de", "en", "es", "fr"}
    assert language_code("de-AT") == "de" and language_code("mul") is None


def test_config_with_an_unsupported_language_names_the_supported_ones(tmp_path: Path) -> None:
    cfg = tmp_path / "sources.toml"
    cfg.write_text('[[source]]\nname = "corriere"\nlocation = "clips/"\nlang = "it"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert "('corriere')" in str(err.value)
    assert "language 'it' is not supported: quantcheck reads de, en, es, fr" in str(err.value)


def test_run_refuses_the_config_with_exit_status_2(tmp_path: Path, capsys) -> None:
    cfg = tmp_path / "sources.toml"
    cfg.write_text('[[source]]\nlocation = "a.txt"\nlang = "zz"\n', encoding="utf-8")
    assert main(["run", "--config", str(cfg), "--db", str(tmp_path / "w.duckdb")]) == 2
    assert "quantcheck reads de, en, es, fr" in capsys.readouterr().err
    assert not (tmp_path / "w.duckdb").exists()


def test_extract_lang_option_is_checked(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"3 km")))
    assert main(["extract", "--lang", "zz", "-"]) == 2
    err = capsys.readouterr().err
    assert "--lang: language 'zz' is not supported: quantcheck reads de, en, es, fr" in err


def _extract_jsonl(monkeypatch, capsys, lines: list[dict]) -> tuple[list[dict], str]:
    data = "\n".join(json.dumps(x) for x in lines).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert main(["extract", "--jsonl", "-"]) == 0
    captured = capsys.readouterr()
    return [json.loads(x) for x in captured.out.splitlines()], captured.err


def test_extract_jsonl_lang_is_checked_per_line(monkeypatch, capsys) -> None:
    out, err = _extract_jsonl(monkeypatch, capsys, [
        {"id": 1, "text": "Il costo è di 3 euro.", "lang": "it"},
        {"id": 2, "text": "about 3 km", "lang": "en-GB"},
        {"id": 3, "text": ITALIAN},
        {"id": 4, "text": ITALIAN, "lang": "es"},
    ])
    assert out[0]["error"] == "language 'it' is not supported: quantcheck reads de, en, es, fr"
    assert "error" not in out[1] and out[1]["lang"] == "en" and out[1]["quantities"]
    assert out[2]["error"].startswith("text detected as 'it': language 'it' is not supported")
    assert "error" not in out[3] and out[3]["lang"] == "es"     # a stated language is obeyed
    assert "line 1: language 'it'" in err and "line 3: text detected as 'it'" in err


def test_extract_file_in_an_unsupported_language(tmp_path: Path, capsys) -> None:
    path = tmp_path / "articolo.txt"
    path.write_text(ITALIAN, encoding="utf-8")
    assert main(["extract", str(path)]) == 2
    assert "text detected as 'it'" in capsys.readouterr().err
    assert main(["extract", "--lang", "es", str(path)]) == 0


def test_detection_refuses_only_clear_cases() -> None:
    assert detected_unsupported(ITALIAN) == "it"
    assert detected_unsupported(ENGLISH) is None
    assert detected_unsupported("Il costo è di 3 euro.") is None          # too short to be sure


def test_run_skips_articles_in_unsupported_languages_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "wire.jsonl").write_text(
        json.dumps({"text": ENGLISH, "url": "https://w.example/en", "lang": "en"}) + "\n"
        + json.dumps({"text": ITALIAN, "url": "https://w.example/it", "lang": "it"}) + "\n",
        encoding="utf-8")
    res = read_source(SourceConfig(name="wire", kind="folder", location=str(tmp_path)),
                      Settings(max_bytes=100_000))
    assert [d.url for d in res.documents] == ["https://w.example/en"]
    assert [(s.location, s.reason) for s in res.skipped] == [
        ("https://w.example/it", "language 'it' is not supported: quantcheck reads de, en, es, fr "
                                 "(stated by the article)")]
    docs = [Document(source="clips", url=f"https://c.example/{i}", text=t, content_hash=content_hash(t),
                     lang=None) for i, t in enumerate((ENGLISH, ITALIAN))]
    batch = extract_documents(docs)
    assert [d.url for d in batch.documents] == ["https://c.example/0"]
    assert [s.reason for s in batch.skipped] == [
        "text detected as 'it': language 'it' is not supported: quantcheck reads de, en, es, fr"]


@pytest.mark.parametrize("command", [["reference", "load"], ["reference", "rates"]])
def test_loading_files_never_creates_a_warehouse(tmp_path: Path, command: list[str], capsys) -> None:
    facts = tmp_path / "facts.csv"
    facts.write_text("subject,value,unit\nburned area,100,hectare\n", encoding="utf-8")
    missing = tmp_path / "missing.duckdb"
    assert main([*command, str(facts), "--db", str(missing)]) == 2
    assert f"no warehouse at {missing}" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [facts]


@pytest.mark.parametrize("command", [["conflicts"], ["report", "--out", "r.html"], ["sql", "SELECT 1"],
                                     ["export", "claimreview"]])
def test_reading_commands_never_create_a_warehouse(tmp_path: Path, command: list[str], capsys,
                                                   monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([*command, "--db", "missing.duckdb"]) == 2
    assert "no warehouse" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_claimreview_without_reference_facts_prints_a_hint(tmp_path_factory, capsys) -> None:
    db = sample_warehouse(tmp_path_factory.getbasetemp())
    assert main(["export", "claimreview", "--db", str(db)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "quantcheck reference load" in captured.err and "--conflicts" in captured.err
    assert main(["export", "claimreview", "--conflicts", "--db", str(db), "--date", "2026-01-05"]) == 0
    reviews = json.loads(capsys.readouterr().out)
    with duckdb.connect(str(db), read_only=True) as con:
        pairs = con.execute("SELECT claim_a, claim_b FROM conflicts").fetchall()
    involved = {claim for pair in pairs for claim in pair}
    assert {r["identifier"].split("/")[0] for r in reviews} == involved
    kyiv = [r for r in reviews if r["itemReviewed"]["author"]["name"] == "Kyiv Courier"][0]
    assert kyiv["datePublished"] == "2026-01-05" and kyiv["@type"] == "ClaimReview"
    assert kyiv["reviewRating"]["alternateName"] == "Disputed by other reports"
    assert "ratingValue" not in kyiv["reviewRating"]         # no verdict on which figure is true
    assert [c["author"]["name"] for c in kyiv["citation"]] == ["worldwire.example"]
    assert "“175,000”" in kyiv["reviewBody"] and "174,500–175,500" in kyiv["reviewBody"]


@pytest.mark.slow
def test_scheduled_run_with_a_config_typo_fails_in_one_line_with_a_runs_row(tmp_path: Path) -> None:
    """`quantcheck serve` against a real local Prefect server: the config is broken after serve started;
    the next scheduled run fails with one line in the log (no traceback) and a failed row in `runs`."""
    from reliability.processes import log_tail, stop_group
    from reliability.processes import prefect_server as local_prefect_server

    home = tmp_path / "prefect-home"
    (tmp_path / "clips").mkdir()
    (tmp_path / "clips" / "a.txt").write_text("Some 2,000 people were evacuated on Monday.", encoding="utf-8")
    cfg = tmp_path / "sources.toml"
    cfg.write_text('[settings]\nschedule = 3\n\n[[source]]\nname = "clips"\nlocation = "clips"\n',
                   encoding="utf-8")
    db = tmp_path / "served.duckdb"
    with local_prefect_server(90, home=home) as url:
        assert url is not None, "server not ready:\n" + log_tail(home / "server.log")
        env = {**os.environ, "PREFECT_API_URL": url, "PREFECT_HOME": str(home),
               "PREFECT_RUNNER_POLL_FREQUENCY": "2", "PREFECT_LOGGING_LEVEL": "INFO"}
        log_path = tmp_path / "serve.log"
        with log_path.open("w") as log:
            command = [sys.executable, "-m", "quantcheck.flows.cli", "serve", "--config", str(cfg),
                       "--db", str(db)]
            serve = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
            try:
                deadline = time.monotonic() + 150
                while not _runs(db):
                    assert serve.poll() is None and time.monotonic() < deadline, log_tail(log_path)
                    time.sleep(1)
                before = log_path.read_text(encoding="utf-8", errors="replace")
                cfg.write_text('[settings]\nschedule = 3\n\n[[source]]\nname = "clips"\nlocaton = "clips"\n',
                               encoding="utf-8")
                while not [r for r in _runs(db) if r[1] == "failed"]:
                    assert serve.poll() is None and time.monotonic() < deadline, log_tail(log_path)
                    time.sleep(1)
                # let the flow run end and the runner report it before stopping serve
                while "Finished in state Failed" not in log_path.read_text("utf-8", errors="replace"):
                    assert serve.poll() is None and time.monotonic() < deadline, log_tail(log_path)
                    time.sleep(0.5)
                time.sleep(2)
                # what the failure printed, read before serve is interrupted: SIGINT can land in a flow-run
                # process that is still importing Prefect, and its KeyboardInterrupt traceback is the
                # shutdown's, not the config error's
                at_stop = log_path.read_text(encoding="utf-8", errors="replace")
            finally:
                stop_group(serve, signal.SIGINT, grace=15)
    failed = [r for r in _runs(db) if r[1] == "failed"][0]
    assert failed[2].startswith("config error: ") and "unknown key(s) locaton" in failed[2]
    after = log_path.read_text(encoding="utf-8", errors="replace")[len(before):]
    assert "config error: " in after and "unknown key(s) locaton" in after
    failure_part = at_stop[len(before):]
    assert "Traceback" not in failure_part, failure_part[-3000:]
    assert [line for line in failure_part.splitlines() if "config error" in line][0].count("\n") == 0


def _runs(db: Path) -> list[tuple]:
    from quantcheck.warehouse.db import connect_read_only

    if not db.exists():
        return []
    con = connect_read_only(db)
    try:
        return con.execute("SELECT run_id, status, error FROM runs ORDER BY run_id").fetchall()
    finally:
        con.close()
