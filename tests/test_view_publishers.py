"""Outlets: every document's publisher is read from its metadata (else its URL's host), stored in
documents.publisher and shown in the claims view; conflicts compare claims of different publishers even
inside one configured source (a folder of clippings), and still compare two configured sources whose
URLs share a host."""

from __future__ import annotations

import json
import textwrap
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from test_checks_support import claim_doc, load_docs

from quantcheck.flows.config import Settings, SourceConfig
from quantcheck.flows.publishers import clean_publisher, publisher_from_url, site_name_from_html
from quantcheck.flows.sources import read_source

SETTINGS = Settings(max_bytes=200_000)


def test_publisher_from_url_and_stated_names() -> None:
    assert publisher_from_url("https://www.lemonde.fr/a.html") == "lemonde.fr"
    assert publisher_from_url("http://WWW.BBC.co.uk:8080/news") == "bbc.co.uk"
    assert publisher_from_url("https://news.example.org/x") == "news.example.org"
    for no_host in ("file:///tmp/a.txt", "", None, "ftp://x.example/a", "not a url", "http://[::1"):
        assert publisher_from_url(no_host) is None
    assert clean_publisher({"@type": "Organization", "name": " Le  Monde "}) == "Le Monde"
    assert clean_publisher([{"name": "First"}, {"name": "Second"}]) == "First"
    assert clean_publisher("@elpais") == "elpais"
    assert clean_publisher(42) is None and clean_publisher("   ") is None


def test_site_name_comes_from_metadata_never_from_the_title() -> None:
    page = ('<html><head><title>El incendio ya ha calcinado 20.000 hectáreas | El Heraldo</title>'
            '<meta name="application-name" content="Heraldo App">'
            "<meta content='El Heraldo' property='og:site_name'></head><body></body></html>")
    assert site_name_from_html(page) == "El Heraldo"   # og:site_name wins over application-name
    graph = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
             '{"@type": "WebPage"}, {"@type": "NewsArticle", "publisher": {"name": "Kyiv Courier"}}]}'
             '</script>')
    assert site_name_from_html(graph) == "Kyiv Courier"
    assert site_name_from_html('<script type="application/ld+json">{broken</script>') is None
    assert site_name_from_html("<title>Story | example.com 20.000</title><p>text</p>") is None


def test_readers_store_the_publisher_of_each_format(tmp_path: Path) -> None:
    body = "Pas moins de 100 000 soldats russes sont massés à la frontière, selon Washington."
    (tmp_path / "page.html").write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Troupes | Le Soir</title>'
        '<meta property="og:site_name" content="Le Soir">'
        '<link rel="canonical" href="https://www.lesoir.example/a"></head>'
        f"<body><article><h1>Troupes</h1><p>{body}</p><p>{body}</p></article></body></html>",
        encoding="utf-8")
    (tmp_path / "hosted.html").write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Troupes</title>'
        '<link rel="canonical" href="https://www.ouest.example/b"></head>'
        f"<body><article><h1>Troupes</h1><p>{body} Deux.</p><p>{body}</p></article></body></html>",
        encoding="utf-8")
    (tmp_path / "front.md").write_text(
        f"---\ntitle: Troupes\nurl: https://www.md.example/c\noutlet: \"Le Matin\"\n---\n{body} Trois.\n",
        encoding="utf-8")
    (tmp_path / "bare.md").write_text(f"---\nurl: https://www.bare.example/d\n---\n{body} Quatre.\n",
                                      encoding="utf-8")
    (tmp_path / "note.txt").write_text(f"Note\n\n{body} Cinq.\n", encoding="utf-8")
    lines = [{"text": f"{body} Six.", "url": "https://agency.example/1", "publisher": "AFP"},
             {"text": f"{body} Sept.", "url": "https://agency.example/2", "site_name": "Reuters"},
             {"text": f"{body} Huit.", "url": "https://www.agency.example/3"},
             {"text": f"{body} Neuf."}]
    (tmp_path / "wire.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    res = read_source(SourceConfig(name="clips", kind="folder", location=str(tmp_path)), SETTINGS)
    assert not res.skipped, res.skipped
    by_text = {d.text.split("Washington.")[-1].strip() or d.url: d.publisher for d in res.documents}
    publishers = sorted(by_text.values(), key=str)
    expected = ["Le Soir", "ouest.example", "Le Matin", "bare.example", None, "AFP", "Reuters",
                "agency.example", None]
    assert publishers == sorted(expected, key=str)


def _doc(source: str, publisher: str | None, text: str, value: float, day: str):
    doc = claim_doc(source, text, [{"surface": f"{value:,.0f}", "value": value, "concept": "troops",
                                    "counted": "troops"}], published=day)
    return replace(doc, publisher=publisher, url=f"https://{(publisher or source).replace(' ', '')}.example/"
                                                 f"{len(text)}")


SENTENCE = "Russia has massed {} troops at the Ukrainian border, officials said."


def _conflicts(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT source_a, source_b, publisher_a, publisher_b FROM conflicts "
                           "ORDER BY ALL").fetchall()


def test_one_source_with_several_publishers_is_compared_inside_itself(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    load_docs(db, [
        _doc("clippings", "Le Soir", SENTENCE.format("100,000"), 100_000, "2022-01-01"),
        _doc("clippings", "Kyiv Courier", SENTENCE.format("175,000"), 175_000, "2022-01-02"),
    ])
    assert _conflicts(db) == [("clippings", "clippings", "Le Soir", "Kyiv Courier")]
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT publisher FROM claims ORDER BY publisher").fetchall()
        assert rows == [("Kyiv Courier",), ("Le Soir",)]
        n_sources, n_publishers = con.execute("SELECT n_sources, n_publishers FROM claim_groups").fetchone()
        assert (n_sources, n_publishers) == (1, 2)


def test_same_publisher_or_unknown_publisher_inside_one_source_is_not_compared(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    load_docs(db, [
        _doc("clippings", "Le Soir", SENTENCE.format("100,000"), 100_000, "2022-01-01"),
        _doc("clippings", "Le Soir", SENTENCE.format("175,000") + " Later.", 175_000, "2022-01-02"),
        _doc("clippings", None, SENTENCE.format("250,000") + " Notes.", 250_000, "2022-01-02"),
    ])
    assert _conflicts(db) == []


def test_two_sources_sharing_a_host_are_still_compared(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    load_docs(db, [
        _doc("a", "example.org", SENTENCE.format("100,000"), 100_000, "2022-01-01"),
        _doc("b", "example.org", SENTENCE.format("175,000"), 175_000, "2022-01-02"),
    ])
    assert _conflicts(db) == [("a", "b", "example.org", "example.org")]


@pytest.mark.slow
def test_folder_of_clippings_from_two_outlets_end_to_end(prefect_harness, tmp_path: Path, capsys) -> None:
    """`quantcheck run --source clips/` on HTML pages of two outlets: one source, two publishers, and
    their disagreement is listed by `quantcheck conflicts`."""
    from quantcheck.flows.cli import main

    clips = tmp_path / "clips"
    clips.mkdir()
    for name, outlet, figure, day in (("soir.html", "Le Soir", "100 000", "2022-01-01"),
                                      ("courier.html", "Kyiv Courier", "175 000", "2022-01-02")):
        (clips / name).write_text(textwrap.dedent(f"""\
            <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Troupes</title>
            <meta property="og:site_name" content="{outlet}">
            <meta property="article:published_time" content="{day}T10:00:00+00:00"></head>
            <body><article><h1>Troupes à la frontière</h1>
            <p>Selon {outlet}, {figure} soldats russes sont massés à la frontière ukrainienne.</p>
            <p>Les négociations doivent reprendre la semaine prochaine à Genève.</p>
            </article></body></html>"""), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert main(["run", "--db", str(db), "--source", str(clips)]) == 0
    capsys.readouterr()
    with duckdb.connect(str(db), read_only=True) as con:
        assert sorted(con.execute("SELECT publisher FROM documents").fetchall()) == [("Kyiv Courier",),
                                                                                    ("Le Soir",)]
    assert main(["conflicts", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 conflict\n"), out
    assert "Le Soir" in out and "Kyiv Courier" in out


def test_migration_backfills_hosts_like_the_readers() -> None:
    """Documents stored before migration 0030 get their URL's host, computed in SQL exactly as
    flows/publishers.py computes it for new ones."""
    migration = (Path(__file__).resolve().parents[1] / "warehouse" / "migrations"
                 / "0030_publishers_and_labels.sql").read_text(encoding="utf-8")
    update = migration[migration.index("UPDATE documents"):]
    urls = ["https://www.lemonde.fr/a.html", "http://WWW.BBC.co.uk:8080/news", "https://news.example.org/x",
            "https://user@www.host.example/p?q=1", "file:///tmp/a.txt", "https://example.com.", "ftp://x.example/a",
            "HTTPS://Example.COM#frag", "https://www.example.org?x=1"]
    con = duckdb.connect()
    con.execute("CREATE TABLE documents (url VARCHAR, publisher VARCHAR)")
    con.executemany("INSERT INTO documents VALUES (?, NULL)", [[u] for u in urls])
    con.execute(update)
    got = dict(con.execute("SELECT url, publisher FROM documents").fetchall())
    assert got == {u: publisher_from_url(u) for u in urls}
