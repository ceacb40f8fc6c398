"""Local files and folders: every supported format read, every bad file skipped with its reason."""

from __future__ import annotations

import json
import os

import pytest

from quantcheck.flows.config import Settings, SourceConfig
from quantcheck.flows.normalise import normalise_text
from quantcheck.flows.sources import read_source
from quantcheck.warehouse.records import content_hash

SETTINGS = Settings(max_bytes=50_000)
PARA = "Pas moins de 100 000 soldats russes sont massés à la frontière, selon Washington."


def folder_source(path) -> SourceConfig:
    return SourceConfig(name="local", kind="folder", location=str(path))


def reasons(res) -> dict[str, str]:
    return {os.path.basename(s.location): s.reason for s in res.skipped}


def test_plain_text_markdown_html_jsonl_in_one_folder(tmp_path):
    (tmp_path / "a.txt").write_text(f"Titre court\n\n{PARA}\r\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "---\ntitle: \"Front title\"\ndate: 2025-03-11T10:00:00+01:00\nurl: https://x.example/b\n---\n"
        "# Heading\n\nThe **state** spent [1.9 billion](https://x.example) euros.\n", encoding="utf-8")
    (tmp_path / "c.html").write_text(
        "<html><head><title>Page</title><link rel='canonical' href='https://x.example/c'></head><body>"
        "<nav>Home | World</nav><article><h1>Page</h1><p>About 20,000 square miles were covered by the "
        "radar during the 12-hour flight over the region.</p></article>"
        "<p>Previous / Next / Leave a Comment</p></body></html>", encoding="utf-8")
    lines = [
        {"url": "https://x.example/1", "title": "One", "text": "Es kamen 3.000 Menschen.", "lang": "de",
         "published_at": "2025-01-01T00:00:00Z"},
        {"text": "Llegaron 2.500 millones de euros.", "lang": "es"},
    ]
    (tmp_path / "d.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    res = read_source(folder_source(tmp_path), SETTINGS)
    assert res.skipped == ()
    a, b, c, d1, d2 = res.documents
    assert a.text == f"Titre court\n\n{PARA}" and a.title == "Titre court" and a.url.startswith("file://")
    assert b.text == "Heading\n\nThe state spent 1.9 billion euros."
    assert (b.title, b.url) == ("Front title", "https://x.example/b")
    assert b.published_at == "2025-03-11T10:00:00+01:00"
    assert "20,000 square miles" in c.text and "Previous" not in c.text and "Home" not in c.text
    assert c.url == "https://x.example/c"
    assert (d1.url, d1.title, d1.lang, d1.published_at) == ("https://x.example/1", "One", "de",
                                                             "2025-01-01T00:00:00Z")
    assert d2.url.endswith("d.jsonl#L2") and d2.lang == "es"
    assert all(d.content_hash == content_hash(d.text) for d in res.documents)


def test_bad_files_are_skipped_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"abc\x00\x01\x02def")
    (tmp_path / "huge.txt").write_bytes(b"1 2 3 " * 20_000)
    (tmp_path / "blank.md").write_text("\n\n   \n", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "good.txt").write_text(PARA, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    res = read_source(folder_source(tmp_path), SETTINGS)
    assert [d.text for d in res.documents] == [PARA]
    r = reasons(res)
    assert r["empty.txt"] == "empty file"
    assert r["binary.txt"] == "binary content (NUL bytes): not a text file"
    assert r["huge.txt"] == "file too large: 120,000 bytes exceeds the limit of 50,000 bytes (max_bytes)"
    assert r["blank.md"] == "no text left after extraction and boilerplate removal"
    assert r["photo.jpg"].startswith("unsupported file type '.jpg'")
    assert ".hidden.txt" not in r
    assert all(s.source == "local" for s in res.skipped)


def test_jsonl_bad_lines_skipped_good_lines_kept(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_bytes(b'{"text": "First 1,000 people."}\n'
                  b'not json at all\n'
                  b'["a list"]\n'
                  b'{"title": "no text"}\n'
                  b'{"text": "x", "url": 42}\n'
                  b'\n'
                  b'{"text": "Last 2,000 people."}\n')
    res = read_source(SourceConfig(name="j", kind="file", location=str(p)), SETTINGS)
    assert [d.text for d in res.documents] == ["First 1,000 people.", "Last 2,000 people."]
    by_line = {s.location.rsplit(":", 1)[1]: s.reason for s in res.skipped}
    assert by_line["2"].startswith("invalid JSON")
    assert by_line["3"].startswith("a JSON Lines article must be an object")
    assert by_line["4"] == 'missing or empty "text" field'
    assert by_line["5"] == "field(s) url must be strings"


def test_jsonl_line_over_the_limit_skipped_rest_read(tmp_path):
    p = tmp_path / "big.jsonl"
    long_line = json.dumps({"text": "9 " * 40_000})
    p.write_text(json.dumps({"text": "A 5 km walk."}) + "\n" + long_line + "\n"
                 + json.dumps({"text": "B 7 km run."}) + "\n", encoding="utf-8")
    res = read_source(SourceConfig(name="j", kind="file", location=str(p)), SETTINGS)
    assert [d.text for d in res.documents] == ["A 5 km walk.", "B 7 km run."]
    (skip,) = res.skipped
    assert skip.location.endswith("big.jsonl:2") and "longer than the limit of 50,000 bytes" in skip.reason


def test_latin1_file_decoded(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Le préfet a annoncé que 3 000 élèves étaient concernés à Besançon.".encode("latin-1"))
    (doc,) = read_source(SourceConfig(name="l", kind="file", location=str(p)), SETTINGS).documents
    assert doc.text == "Le préfet a annoncé que 3 000 élèves étaient concernés à Besançon."


def test_symlink_outside_folder_skipped_inside_followed(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("Password 1234 outside the folder", encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "real.txt").write_text(PARA, encoding="utf-8")
    (folder / "escape.txt").symlink_to(outside)
    (folder / "alias.txt").symlink_to(folder / "real.txt")
    (folder / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    res = read_source(folder_source(folder), SETTINGS)
    texts = [d.text for d in res.documents]
    assert texts == [PARA, PARA]  # alias.txt and real.txt (deduplicated later by hash, not here)
    r = reasons(res)
    assert r["escape.txt"].startswith("symlink points outside the folder")
    assert r["dangling.txt"] == "broken symlink"
    assert "Password" not in " ".join(texts)


def test_fifo_is_not_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block the run forever
    res = read_source(folder_source(tmp_path), SETTINGS)
    assert reasons(res) == {"pipe.txt": "not a regular file (device, FIFO or socket)"}


def test_missing_locations(tmp_path):
    res = read_source(folder_source(tmp_path / "nope"), SETTINGS)
    assert [s.reason for s in res.skipped] == ["folder not found"]
    res = read_source(SourceConfig(name="f", kind="file", location=str(tmp_path / "x.txt")), SETTINGS)
    assert [s.reason for s in res.skipped] == ["file not found"]


def test_local_feed_file_read_without_fetching_links(tmp_path):
    p = tmp_path / "feed.rss"
    p.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                 "<item><title>A</title><link>http://127.0.0.1:9/never</link>"
                 "<description>Short summary with 12 numbers.</description></item></channel></rss>",
                 encoding="utf-8")
    res = read_source(SourceConfig(name="f", kind="feed", location=str(p)), SETTINGS)
    assert res.skipped == ()
    (doc,) = res.documents
    assert (doc.text, doc.url) == ("Short summary with 12 numbers.", "http://127.0.0.1:9/never")


def test_source_language_overrides_record_language(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "Hola 5 km", "lang": "es"}) + "\n", encoding="utf-8")
    res = read_source(SourceConfig(name="f", kind="file", location=str(p), lang="fr"), SETTINGS)
    assert res.documents[0].lang == "fr"


@pytest.mark.parametrize("raw,expected", [
    ("Cafe\u0301 \r\nnext line\r\n", "Café\nnext line"),
    ("a\u200bb\x00c", "abc"),
    ("Hello\n\n\n\n\nworld", "Hello\n\nworld"),
    ("100\u00a0000 soldats\u00a0", "100\u00a0000 soldats"),  # no-break spaces inside numbers are kept
    ("Text\nShare this article | Tweet | Email\nMore text", "Text\nMore text"),
    ("Next year we grow by 5%.", "Next year we grow by 5%."),
])
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected


def test_same_text_different_form_same_hash():
    a = normalise_text("Le caf\u00e9 co\u00fbte 2 \u20ac.\n")
    b = normalise_text("Le cafe\u0301 cou\u0302te 2 \u20ac.\r\n\r\nPrevious / Next / Leave a Comment\r\n")
    assert content_hash(a) == content_hash(b)


def test_lone_surrogates_repaired_not_fatal(tmp_path):
    """JSON allows "\\ud800" (half a UTF-16 pair); such a string cannot be encoded, hashed or stored."""
    p = tmp_path / "s.jsonl"
    p.write_text('{"text": "Bad \\ud800 half, 5 km.", "title": "T\\udfff", "url": "https://x.example/\\ud800"}\n'
                 '{"text": "Good 7 km."}\n', encoding="utf-8")
    res = read_source(SourceConfig(name="s", kind="file", location=str(p)), SETTINGS)
    assert res.skipped == ()
    bad, good = res.documents
    assert bad.text == "Bad \ufffd half, 5 km." and bad.title == "T\ufffd"
    assert bad.url == "https://x.example/\ufffd"
    assert bad.content_hash == content_hash(bad.text) and good.text == "Good 7 km."
