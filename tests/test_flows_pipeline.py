"""End-to-end: the real Prefect flow (test harness server) over real HTTP and files into a real DuckDB file.

One mixed run covers good pages and feeds, every hostile route, a syndicated copy and a Latin-1 page; the
warehouse is then checked through a read-only connection, and a second run must change no table count.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flows_support import LoopbackSite

from quantcheck.flows.cli import main as cli_main
from quantcheck.flows.pipeline import quantcheck_pipeline

COUNTED_TABLES = ("sources", "documents", "mentions")


@pytest.fixture(scope="module")
def site():
    with LoopbackSite() as s:
        yield s


def write_config(tmp_path: Path, site: LoopbackSite, extra: str = "") -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "note.txt").write_text("Le budget atteint 4,2 milliards d'euros en 2025.", encoding="utf-8")
    (corpus / "blob.txt").write_bytes(b"\x00\x01binary")
    cfg = tmp_path / "sources.toml"
    cfg.write_text(f"""
[settings]
batch_size = 3
connect_timeout = 1
read_timeout = 0.4
deadline = 3
retries = 1
backoff = 0.05
max_bytes = 1_000_000

[[source]]
name = "daily"
location = "{site.url('/article.html')}"

[[source]]
name = "syndicator"
location = "{site.url('/copy/article.html')}"

[[source]]
name = "wire"
location = "{site.url('/rss.xml')}"

[[source]]
name = "atom"
location = "{site.url('/atom.xml')}"

[[source]]
name = "sante"
location = "{site.url('/latin1.html')}"
lang = "fr"

[[source]]
name = "hang"
location = "{site.url('/hang')}"

[[source]]
name = "broken"
location = "{site.url('/error500')}"

[[source]]
name = "huge"
location = "{site.url('/huge-chunked')}"

[[source]]
name = "malformed"
kind = "feed"
location = "{site.url('/malformed.xml')}"

[[source]]
name = "local"
location = "corpus"
lang = "fr"
{extra}
""", encoding="utf-8")
    return cfg


def counts(db: Path) -> dict[str, int]:
    from quantcheck.warehouse.db import connect_read_only

    con = connect_read_only(db)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES}
    finally:
        con.close()


def query(db: Path, sql: str, params=None) -> list[tuple]:
    from quantcheck.warehouse.db import connect_read_only

    con = connect_read_only(db)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_mixed_sources_end_to_end_then_idempotent(prefect_harness, site, tmp_path):
    cfg = write_config(tmp_path, site)
    db = tmp_path / "w.duckdb"
    state = quantcheck_pipeline(config_path=str(cfg), db=str(db), return_state=True)
    assert state.is_completed(), state.message
    summary = state.result()

    # what was read: article, its syndicated copy (dropped as repeated), 2 RSS + 2 Atom entries,
    # the Latin-1 page, the local note
    assert summary["documents_seen"] == 8
    assert summary["documents_repeated"] == 1
    assert summary["documents_added"] == 7
    assert summary["batches"] == 3  # batch_size 3
    assert summary["mentions_added"] > 10

    reasons = {s["source"]: s["reason"] for s in summary["skipped"]}
    assert "timed out" in reasons["hang"]
    assert reasons["broken"] == "HTTP 500 Internal Server Error (after 2 attempts)"
    assert reasons["huge"].startswith("body too large: cut off after 1,000,000 bytes")
    assert reasons["malformed"].startswith("malformed XML feed")
    assert reasons["local"] == "binary content (NUL bytes): not a text file"
    assert len(summary["skipped"]) == 5

    c1 = counts(db)
    assert c1 == {"sources": 10, "documents": 7, "mentions": summary["mentions_added"]}
    # the syndicated copy is stored once, under the first source that published it
    rows = query(db, "SELECT s.name, d.url FROM documents d JOIN sources s USING (source_id) "
                     "WHERE d.text LIKE '%No fewer than 100,000 soldiers%'")
    assert rows == [("daily", site.url("/article.html"))]
    # Latin-1 without a charset header: accents intact in the stored text
    (text,) = query(db, "SELECT text FROM documents WHERE url = ?", [site.url("/latin1.html")])[0]
    assert "Le ministère de la Santé a dépensé 2,5 millions d'euros" in text
    # boilerplate gone
    assert query(db, "SELECT count(*) FROM documents WHERE text LIKE '%Leave a Comment%'") == [(0,)]
    # the claims view joins it all; offsets refer to the stored text
    bad = query(db, "SELECT count(*) FROM mentions m JOIN documents d USING (document_id) "
                    "WHERE substr(d.text, m.start + 1, m.\"end\" - m.start) <> m.surface")
    assert bad == [(0,)]
    langs = dict(query(db, "SELECT url, lang FROM documents"))
    assert langs[site.url("/atom/1")] == "de" and langs[site.url("/news/budget")] == "en"
    # the run record: completed, totals, every skipped item with its reason
    (run,) = query(db, "SELECT run_id, status, documents_added, mentions_added, skipped, flow_run_id "
                       "FROM runs")
    assert run[:4] == (1, "completed", 7, summary["mentions_added"])
    recorded = {(s["source"], s["reason"]) for s in json.loads(run[4])}
    assert recorded == {(s["source"], s["reason"]) for s in summary["skipped"]}
    assert run[5] == str(state.state_details.flow_run_id)

    # second run over the same sources: nothing added, identical counts, one more run row
    state2 = quantcheck_pipeline(config_path=str(cfg), db=str(db), return_state=True)
    assert state2.is_completed()
    s2 = state2.result()
    assert (s2["documents_added"], s2["mentions_added"], s2["documents_known"]) == (0, 0, 7)
    assert counts(db) == c1
    assert query(db, "SELECT run_id, status, documents_added FROM runs ORDER BY run_id") == [
        (1, "completed", 7), (2, "completed", 0)]


def test_cli_run_with_sources_and_summary(prefect_harness, site, tmp_path, capsys):
    a = tmp_path / "outlet-a.txt"
    a.write_text("About 100,000 troops were deployed, the ministry said.", encoding="utf-8")
    b = tmp_path / "outlet-b.md"
    b.write_text("# B\n\nNo fewer than 175,000 troops were deployed, Kyiv said.", encoding="utf-8")
    db = tmp_path / "cli.duckdb"
    rc = cli_main(["run", "--db", str(db), "--source", str(a), "--source", str(b),
                   "--source", site.url("/atom.xml"), "--source", site.url("/error500")])
    out = capsys.readouterr().out
    assert rc == 0
    host = f"127.0.0.1-{site.httpd.server_address[1]}"
    assert f"read 4 sources (outlet-a, outlet-b, {host}-atom.xml, {host}-error500)" in out
    assert "added 4 document(s)" in out
    assert "skipped 1 item(s)" in out and "HTTP 500" in out
    names = dict(query(db, "SELECT name, kind FROM sources"))
    assert names["outlet-a"] == "file" and names["outlet-b"] == "file"
    assert any(k == "feed" for n, k in names.items() if n.endswith("atom.xml"))


def test_cli_run_errors_exit_nonzero(prefect_harness, tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\nname = "x"\nlocaton = "typo"\n', encoding="utf-8")
    assert cli_main(["run", "--config", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}: [[source]] #1 ('x'): unknown key(s) locaton" in err
    assert cli_main(["run"]) == 2
    assert "nothing to read" in capsys.readouterr().err


def test_failed_run_leaves_warehouse_unchanged(prefect_harness, tmp_path, monkeypatch):
    """A crash inside the flow (here: the extractor missing) loads nothing; the run is recorded as failed."""
    src = tmp_path / "a.txt"
    src.write_text("A first text with 12 numbers.", encoding="utf-8")
    db = tmp_path / "f.duckdb"
    assert quantcheck_pipeline(db=str(db), sources=[str(src)], return_state=True).is_completed()
    before = counts(db)
    src2 = tmp_path / "b.txt"
    src2.write_text("A second text with 40 numbers.", encoding="utf-8")
    from quantcheck import flows

    def broken(docs, processes, budget=None):
        raise ImportError("extractor engine missing (simulated deployment fault)")

    monkeypatch.setattr(flows.extraction, "run_extraction", broken)
    monkeypatch.setattr("quantcheck.flows.pipeline.run_extraction", broken)
    state = quantcheck_pipeline(db=str(db), sources=[str(src), str(src2)], return_state=True)
    assert state.is_failed()
    assert counts(db) == before
    monkeypatch.undo()
    assert quantcheck_pipeline(db=str(db), sources=[str(src), str(src2)], return_state=True).is_completed()
    assert counts(db)["documents"] == before["documents"] + 1
    runs = query(db, "SELECT status, documents_added, error FROM runs ORDER BY run_id")
    assert [r[:2] for r in runs] == [("completed", 1), ("failed", 0), ("completed", 1)]
    assert "extractor engine missing" in runs[1][2]


def test_process_pool_and_inline_extraction_store_the_same_rows(prefect_harness, tmp_path):
    """Deterministic output whatever the execution mode: worker processes or in the batch task."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    sentences = ["Pas moins de {n} 000 soldats étaient massés à la frontière, selon la préfecture.",
                 "Nearly {n},000 square miles were covered by the 120-degree radar, officials said.",
                 "Más de {n}.000 personas fueron evacuadas y 3 carreteras cortadas durante 2 días.",
                 "Rund {n}.000 Haushalte erhalten 1,9 Milliarden Euro, also etwa 200 Euro pro Haushalt."]
    for i in range(12):
        text = " ".join(s.format(n=10 + i + k) for k, s in enumerate(sentences))
        (corpus / f"a{i:02d}.txt").write_text(text, encoding="utf-8")
    rows = {}
    for processes in (1, 2):
        cfg = tmp_path / f"p{processes}.toml"
        cfg.write_text(f'[settings]\nbatch_size = 2\nextract_processes = {processes}\n'
                       f'[[source]]\nname = "c"\nlocation = "{corpus}"\n', encoding="utf-8")
        db = tmp_path / f"p{processes}.duckdb"
        state = quantcheck_pipeline(config_path=str(cfg), db=str(db), return_state=True)
        assert state.is_completed(), state.message
        assert state.result()["batches"] == 6
        rows[processes] = query(db, "SELECT mention_id, surface, qualifier, si_value, si_unit, d.lang "
                                    "FROM mentions JOIN documents d USING (document_id) ORDER BY mention_id")
    assert rows[1] and rows[1] == rows[2]
    assert {r[5] for r in rows[1]} <= {"fr", "en", "es", "de"}
