"""The sources TOML file: kinds inferred, relative paths resolved, and every mistake reported with the file
and the entry it is in."""

from __future__ import annotations

from pathlib import Path

import pytest

from quantcheck.flows.commands.serve import deployment_name, schedule_groups
from quantcheck.flows.config import (
    Config,
    ConfigError,
    Settings,
    build_config,
    infer_kind,
    load_config,
    name_for_location,
    sources_from_locations,
)


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "sources.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_full_config_parsed_with_inferred_kinds(tmp_path):
    (tmp_path / "archive").mkdir()
    (tmp_path / "one.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "local.rss").write_text("<rss/>", encoding="utf-8")
    p = write(tmp_path, """
[settings]
db = "w.duckdb"
batch_size = 50
read_timeout = 5
schedule = "*/15 * * * *"
task_runner = "thread"

[[source]]
name = "archive"
location = "archive"
lang = "fr"

[[source]]
location = "one.html"

[[source]]
name = "localfeed"
location = "local.rss"

[[source]]
name = "lemonde"
location = "https://www.lemonde.fr/rss/une.xml"
schedule = 300

[[source]]
name = "article"
location = "https://example.org/2024/story"

[[source]]
name = "wpfeed"
location = "https://blog.example.org/feed/"
""")
    cfg = load_config(p)
    assert cfg.settings == Settings(db="w.duckdb", batch_size=50, read_timeout=5, schedule="*/15 * * * *")
    kinds = {s.name: (s.kind, s.location) for s in cfg.sources}
    assert kinds["archive"] == ("folder", str(tmp_path / "archive"))
    assert kinds["one"] == ("file", str(tmp_path / "one.html"))  # name defaults to the file stem
    assert kinds["localfeed"] == ("feed", str(tmp_path / "local.rss"))
    assert kinds["lemonde"] == ("feed", "https://www.lemonde.fr/rss/une.xml")
    assert kinds["article"] == ("url", "https://example.org/2024/story")
    assert kinds["wpfeed"][0] == "feed"
    assert cfg.sources[0].lang == "fr" and cfg.sources[3].schedule == 300
    assert Config.from_dict(cfg.to_dict()) == cfg  # plain data: crosses process boundaries


@pytest.mark.parametrize("body,message", [
    ('[[source]]\nname = "a"\nlocaton = "x"\n', "[[source]] #1 ('a'): unknown key(s) locaton"),
    ('[[source]]\nname = "a"\n', "[[source]] #1 ('a'): missing location"),
    ('[[source]]\nname = "a"\nlocation = "x.txt"\nschedule = "every day"\n',
     "[[source]] #1 ('a'): bad schedule 'every day': expected a cron expression with 5 fields"),
    ('[[source]]\nname = "a"\nlocation = "x.txt"\nschedule = "61 * * * *"\n',
     "[[source]] #1 ('a'): bad cron schedule '61 * * * *'"),
    ('[[source]]\nname = "a"\nlocation = "x.txt"\nschedule = -5\n', "schedule interval must be > 0 seconds"),
    ('[[source]]\nname = "a"\nlocation = "x.txt"\nkind = "ftp"\n',
     "kind must be one of file, folder, url, feed"),
    ('[[source]]\nname = "a"\nlocation = "ftp://h/x"\n', "unsupported location scheme 'ftp'"),
    ('[[source]]\nname = "a"\nlocation = "x.txt"\nlang = "French"\n', "lang must be an ISO 639-1 code"),
    ('[[source]]\nname = "a"\nlocation = "a.txt"\n[[source]]\nname = "a"\nlocation = "b.txt"\n',
     "[[source]] #2: duplicate name 'a'"),
    ('[settings]\nbatch_sise = 10\n', "unknown key(s) batch_sise in [settings]"),
    ('[settings]\nbatch_size = "ten"\n', "[settings] batch_size must be int, got 'ten'"),
    ('[settings]\nbatch_size = 0\n', "[settings] batch_size must be > 0"),
    ('[settings]\ntask_runner = "gpu"\n', "task_runner must be one of thread, process, dask"),
    ('[settings]\nschedule = "* * *"\n', "[settings]: bad schedule"),
    ('[source]\nname = "a"\n', "write [[source]], not [source]"),
    ('[[sources]]\nname = "a"\n', "unknown top-level key(s) sources"),
    ('[[source]\nname = "a"\n', "invalid TOML"),
])
def test_config_errors_name_the_file_and_entry(tmp_path, body, message):
    p = write(tmp_path, body)
    with pytest.raises(ConfigError) as err:
        load_config(p)
    assert str(err.value).startswith(str(p))
    assert message in str(err.value)


def test_missing_and_non_utf8_config(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")
    p = tmp_path / "latin.toml"
    p.write_bytes('[[source]]\nname = "é"\n'.encode("latin-1"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(p)


def test_sources_from_command_line_locations(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "a.md").write_text("x", encoding="utf-8")
    srcs = sources_from_locations([str(tmp_path / "a.txt"), str(tmp_path / "other" / "a.md"),
                                   str(tmp_path / "dir"), "https://news.example.com/rss.xml",
                                   "https://news.example.com/a/b?x=1"])
    assert [(s.name, s.kind) for s in srcs] == [
        ("a", "file"), ("a-2", "file"), ("dir", "folder"),
        ("news.example.com-rss.xml", "feed"), ("news.example.com-a-b", "url")]
    with pytest.raises(ConfigError, match="unsupported location scheme 'file'"):
        sources_from_locations(["file:///etc/passwd"])


def test_build_config_combines_file_and_sources_and_narrows(tmp_path):
    p = write(tmp_path, '[[source]]\nname = "a"\nlocation = "a.txt"\n')
    cfg = build_config(str(p), ["https://x.example/feed.xml"])
    assert [s.name for s in cfg.sources] == ["a", "x.example-feed.xml"]
    assert [s.name for s in build_config(str(p), only_sources=["a"]).sources] == ["a"]
    with pytest.raises(ConfigError, match="no source named 'zz'"):
        build_config(str(p), only_sources=["zz"])


@pytest.mark.parametrize("location,kind", [
    ("https://h/x.atom", "feed"), ("http://h/rss", "feed"), ("https://h/news/feed", "feed"),
    ("https://h/index.html", "url"), ("https://h/", "url"), ("notes.txt", "file"), ("news.xml", "feed"),
])
def test_infer_kind(location, kind):
    assert infer_kind(location) == kind


def test_name_for_location():
    assert name_for_location("/data/Le Monde 2024.html") == "Le-Monde-2024"
    assert name_for_location("https://www.lemonde.fr/") == "www.lemonde.fr"


def test_schedule_groups_one_deployment_per_schedule(tmp_path):
    p = write(tmp_path, """
[settings]
schedule = 3600
[[source]]
name = "a"
location = "a.txt"
[[source]]
name = "b"
location = "b.txt"
schedule = "0 6 * * 1-5"
[[source]]
name = "c"
location = "c.txt"
""")
    groups = schedule_groups(load_config(p))
    assert dict(groups) == {3600: ["a", "c"], "0 6 * * 1-5": ["b"]}
    assert deployment_name("quantcheck", 3600, 2) == "quantcheck-every-3600s"
    assert deployment_name("quantcheck", "0 6 * * 1-5", 2) == "quantcheck-cron-0-6-1-5"
    assert deployment_name("quantcheck", None, 2) == "quantcheck-manual"
    assert deployment_name("quantcheck", 5, 1) == "quantcheck"
