"""Sources and settings for the pipeline, read from a TOML file.

A config is a list of ``[[source]]`` tables plus one ``[settings]`` table::

    [settings]
    db = "warehouse.duckdb"
    batch_size = 200
    schedule = "*/30 * * * *"        # cron, or an interval in seconds such as 900

    [[source]]
    name = "lemonde"
    location = "https://www.lemonde.fr/rss/une.xml"   # kind inferred: feed
    lang = "fr"

Validation is strict on purpose: a typo in a key (``locaton``) would otherwise silently drop a source from
every scheduled run. Every error names the file and the entry so the fix is obvious.

Everything here is plain data (dataclasses of str/int/float) so a config can cross process boundaries
(Prefect task runners, Dask workers) without carrying any process-local state.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

KINDS = ("file", "folder", "url", "feed")
TASK_RUNNERS = ("thread", "process", "dask")
FEED_SUFFIXES = (".xml", ".rss", ".atom")  # a file or URL path read as a feed (also flows/sources.py)
NAME_RE = re.compile(r"[^\w.\-]+", re.UNICODE)


class ConfigError(ValueError):
    """A config file (or a --source argument) that cannot be used; the message says where and why."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Run-wide knobs. Defaults suit a laptop; each is documented in docs/sources.md."""

    db: str | None = None                 # warehouse path; --db and QUANTCHECK_DB take precedence
    batch_size: int = 200                 # documents per extraction task and per load transaction
    connect_timeout: float = 10.0         # seconds to open a TCP/TLS connection
    read_timeout: float = 20.0            # seconds of silence tolerated while reading a response
    deadline: float = 60.0                # seconds for one HTTP download attempt, headers included
    source_budget: float = 600.0          # seconds of downloads per source and run (0 = no limit)
    run_budget: float = 1800.0            # seconds of downloads for all sources of a run (0 = no limit)
    max_bytes: int = 20_000_000           # largest file or HTTP body read (bytes); bigger ones are skipped
    retries: int = 2                      # extra attempts after an I/O error (timeouts, 5xx, resets)
    backoff: float = 0.5                  # first retry delay in seconds; doubles on each attempt
    schedule: str | int | None = None     # default schedule for `quantcheck serve` (cron or seconds)
    task_runner: str = "thread"           # thread | process | dask (issue 6)
    dask_address: str | None = None       # an existing Dask scheduler; None starts a local cluster
    extract_processes: int = 0            # worker processes for extraction; 0 = one per CPU, 1 = inline
    extract_budget: float = 30.0          # CPU seconds of extraction per document per million characters
    fetch_linked_articles: bool = True    # fetch the article page when a feed entry is only a summary
    summary_min_chars: int = 500          # a feed entry shorter than this counts as "only a summary"
    max_linked_articles: int = 50         # cap on article pages fetched per feed per run
    user_agent: str = "quantcheck/0.1 (+https://github.com/quantcheck)"


@dataclass(frozen=True, slots=True)
class SourceConfig:
    """One source: where to read, how, and (optionally) in which language and how often."""

    name: str
    kind: str
    location: str
    lang: str | None = None
    schedule: str | int | None = None


@dataclass(frozen=True, slots=True)
class Config:
    sources: tuple[SourceConfig, ...]
    settings: Settings = field(default_factory=Settings)
    path: str | None = None               # the file it came from, for messages

    def to_dict(self) -> dict:
        return {"sources": [asdict(s) for s in self.sources], "settings": asdict(self.settings),
                "path": self.path}

    @classmethod
    def from_dict(cls, d: dict) -> Config:
        return cls(tuple(SourceConfig(**s) for s in d["sources"]), Settings(**d["settings"]), d.get("path"))


SETTINGS_TYPES: dict[str, tuple[type, ...]] = {
    "db": (str,), "batch_size": (int,), "connect_timeout": (int, float), "read_timeout": (int, float),
    "deadline": (int, float), "source_budget": (int, float), "run_budget": (int, float),
    "max_bytes": (int,), "retries": (int,), "backoff": (int, float),
    "schedule": (str, int), "task_runner": (str,), "dask_address": (str,), "extract_processes": (int,),
    "extract_budget": (int, float),
    "fetch_linked_articles": (bool,), "summary_min_chars": (int,), "max_linked_articles": (int,),
    "user_agent": (str,),
}
SOURCE_KEYS = {"name", "kind", "location", "lang", "schedule"}
LANG_RE = re.compile(r"^[a-z]{2,3}$")  # an ISO 639 code as a source or a JSON Lines line gives it


def is_url(location: str) -> bool:
    return urlsplit(location).scheme.lower() in ("http", "https")


def infer_kind(location: str) -> str:
    """The kind a location most likely is, without touching the network.

    A URL whose path ends in .xml/.rss/.atom (or contains /rss or /feed) is a feed; other URLs are article
    pages (the fetcher still switches to the feed reader when the server answers with a feed content-type).
    Local paths: a directory is a folder, a .xml/.rss/.atom file a feed, anything else a file.
    """
    if is_url(location):
        path = urlsplit(location).path.lower().rstrip("/")
        if path.endswith(FEED_SUFFIXES) or re.search(r"/(rss|feed|atom)(/|$|\.)", path + "/"):
            return "feed"
        return "url"
    scheme = urlsplit(location).scheme.lower()
    if len(scheme) > 1:  # a Windows drive letter is not a scheme
        raise ConfigError(f"unsupported location scheme {scheme!r} in {location!r}: only local paths, "
                          "http:// and https:// are read")
    p = Path(location).expanduser()
    if p.is_dir():
        return "folder"
    if p.suffix.lower() in FEED_SUFFIXES:
        return "feed"
    return "file"


def name_for_location(location: str) -> str:
    """A source name for a bare --source: the file's stem, or host+path of a URL."""
    if is_url(location):
        parts = urlsplit(location)
        tail = unquote(parts.path).strip("/")
        raw = parts.netloc + ("/" + tail if tail else "")
    else:
        p = Path(location).expanduser()
        raw = p.name if p.is_dir() else p.stem
    name = NAME_RE.sub("-", raw).strip("-")
    return name or "source"


def validate_schedule(value: object, where: str) -> str | int | None:
    """A cron string (5 fields, checked by Prefect's own CronSchedule) or a positive number of seconds."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ConfigError(f"{where}: schedule must be a cron string or a number of seconds, got {value!r}")
    if isinstance(value, int):
        if value <= 0:
            raise ConfigError(f"{where}: schedule interval must be > 0 seconds, got {value}")
        return value
    text = value.strip()
    if text.isdigit():
        return validate_schedule(int(text), where)
    if len(text.split()) != 5:
        raise ConfigError(f"{where}: bad schedule {value!r}: expected a cron expression with 5 fields "
                          "(minute hour day month weekday) or an interval in seconds")
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=text)
    except Exception as exc:  # pydantic ValidationError: the message says which field is wrong
        raise ConfigError(f"{where}: bad cron schedule {value!r}: {_first_line(exc)}") from None
    return text


def _first_line(exc: Exception) -> str:
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    return lines[-1] if lines else type(exc).__name__


def parse_settings(raw: object, where: str) -> Settings:
    if raw is None:
        return Settings()
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: [settings] must be a table")
    unknown = sorted(set(raw) - set(SETTINGS_TYPES))
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)} in [settings]; known keys: "
                          f"{', '.join(sorted(SETTINGS_TYPES))}")
    values = {}
    for key, value in raw.items():
        types = SETTINGS_TYPES[key]
        ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
        if not ok:
            raise ConfigError(f"{where}: [settings] {key} must be {' or '.join(t.__name__ for t in types)}, "
                              f"got {value!r}")
        values[key] = value
    for key in ("batch_size", "max_bytes"):
        if key in values and values[key] <= 0:
            raise ConfigError(f"{where}: [settings] {key} must be > 0, got {values[key]}")
    for key in ("connect_timeout", "read_timeout", "deadline"):
        if key in values and values[key] <= 0:
            raise ConfigError(f"{where}: [settings] {key} must be > 0 seconds, got {values[key]}")
    for key in ("retries", "backoff", "extract_processes", "summary_min_chars", "max_linked_articles",
                "source_budget", "run_budget", "extract_budget"):
        if key in values and values[key] < 0:
            raise ConfigError(f"{where}: [settings] {key} must be >= 0, got {values[key]}")
    if values.get("task_runner", "thread") not in TASK_RUNNERS:
        raise ConfigError(f"{where}: [settings] task_runner must be one of {', '.join(TASK_RUNNERS)}, "
                          f"got {values['task_runner']!r}")
    if "schedule" in values:
        values["schedule"] = validate_schedule(values["schedule"], f"{where}: [settings]")
    return Settings(**values)


def _checked(label: str, fn, *args):
    """Run a location helper; OS and parsing errors of a strange location become a ConfigError.

    A location can be a malformed URL (``http://[::1``: ValueError), name an unknown user's home
    (``~nobody/x``: RuntimeError), or be longer than the file system allows (OSError).
    """
    try:
        return fn(*args)
    except ConfigError as exc:
        if str(exc).startswith(label):
            raise
        raise ConfigError(f"{label}: {exc}") from None
    except (ValueError, RuntimeError, OSError) as exc:
        raise ConfigError(f"{label}: unusable location: {type(exc).__name__}: {exc}") from None


def _source_location(location: str, raw: dict, base_dir: Path | None, label: str) -> tuple[str, str, object]:
    """(location resolved against the config's folder, kind, name) of one [[source]] table."""
    if "\x00" in location:
        raise ConfigError(f"{label}: location contains a NUL character")
    if not is_url(location) and base_dir is not None:
        p = Path(location).expanduser()
        if len(urlsplit(location).scheme) <= 1 and not p.is_absolute():
            location = str(base_dir / p)  # relative paths are relative to the config file
    kind = raw.get("kind")
    if kind is None:
        try:
            kind = infer_kind(location)
        except ConfigError as exc:
            raise ConfigError(f"{label}: {exc}") from None
    elif kind not in KINDS:
        raise ConfigError(f"{label}: kind must be one of {', '.join(KINDS)}, got {kind!r}")
    if kind == "url" and not is_url(location):
        raise ConfigError(f"{label}: kind 'url' needs an http:// or https:// location, got {location!r}")
    if kind in ("file", "folder") and is_url(location):
        raise ConfigError(f"{label}: kind {kind!r} needs a local path, got the URL {location!r}")
    name = raw.get("name")
    if name is None:
        name = name_for_location(location)
    return location, kind, name


def parse_source(raw: object, index: int, where: str, base_dir: Path | None) -> SourceConfig:
    label = f"{where}: [[source]] #{index + 1}"
    if not isinstance(raw, dict):
        raise ConfigError(f"{label} must be a table")
    if isinstance(raw.get("name"), str) and raw["name"].strip():
        label += f" ({raw['name'].strip()!r})"
    unknown = sorted(set(raw) - SOURCE_KEYS)
    if unknown:
        raise ConfigError(f"{label}: unknown key(s) {', '.join(unknown)}; known keys: "
                          f"{', '.join(sorted(SOURCE_KEYS))}")
    location = raw.get("location")
    if not isinstance(location, str) or not location.strip():
        raise ConfigError(f"{label}: missing location (a file, a folder, an article URL or a feed URL)")
    location, kind, name = _checked(label, _source_location, location.strip(), raw, base_dir, label)
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{label}: name must be a non-empty string")
    lang = raw.get("lang")
    if lang is not None and (not isinstance(lang, str) or not LANG_RE.match(lang)):
        raise ConfigError(f"{label}: lang must be an ISO 639-1 code such as 'fr', got {lang!r}")
    if lang is not None:
        from quantcheck.flows.languages import UnsupportedLanguage, check_language

        try:
            lang = check_language(lang)
        except UnsupportedLanguage as exc:
            raise ConfigError(f"{label}: {exc}") from None
    schedule = validate_schedule(raw.get("schedule"), label)
    return SourceConfig(name=name.strip(), kind=kind, location=location, lang=lang, schedule=schedule)


def parse_config(data: dict, where: str, base_dir: Path | None = None) -> Config:
    unknown = sorted(set(data) - {"source", "settings"})
    if unknown:
        raise ConfigError(f"{where}: unknown top-level key(s) {', '.join(unknown)}; expected [settings] "
                          "and [[source]] tables")
    raw_sources = data.get("source", [])
    if not isinstance(raw_sources, list):
        raise ConfigError(f"{where}: 'source' must be an array of tables: write [[source]], not [source]")
    settings = parse_settings(data.get("settings"), where)
    sources = [parse_source(raw, i, where, base_dir) for i, raw in enumerate(raw_sources)]
    seen: dict[str, int] = {}
    for i, s in enumerate(sources):
        if s.name in seen:
            raise ConfigError(f"{where}: [[source]] #{i + 1}: duplicate name {s.name!r} "
                              f"(already used by [[source]] #{seen[s.name] + 1})")
        seen[s.name] = i
    return Config(tuple(sources), settings, where)


def load_config(path: str | os.PathLike) -> Config:
    """Read and validate a sources TOML file; relative locations are resolved against its folder."""
    p = Path(path).expanduser()
    where = str(p)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{where}: config file not found") from None
    except OSError as exc:
        raise ConfigError(f"{where}: cannot read config file: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{where}: config file is not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: invalid TOML: {exc}") from None
    return parse_config(data, where, p.resolve().parent)


def sources_from_locations(
    locations: list[str], existing: tuple[SourceConfig, ...] = ()
) -> list[SourceConfig]:
    """One source per --source argument, named after the file stem or URL (made unique with -2, -3...)."""
    taken = {s.name for s in existing}
    out = []
    for i, loc in enumerate(locations):
        loc = loc.strip()
        if not loc:
            raise ConfigError(f"--source #{i + 1}: empty location")
        kind, base, location = _checked(f"--source {loc[:200]}", _cli_location, loc)
        name, n = base, 2
        while name in taken:
            name, n = f"{base}-{n}", n + 1
        taken.add(name)
        out.append(SourceConfig(name=name, kind=kind, location=location))
    return out


def _cli_location(loc: str) -> tuple[str, str, str]:
    """(kind, name, absolute location) of one --source argument."""
    if "\x00" in loc:
        raise ConfigError("location contains a NUL character")
    kind = infer_kind(loc)
    location = loc if is_url(loc) else str(Path(loc).expanduser().resolve())
    return kind, name_for_location(loc), location


def build_config(config_path: str | None, locations: list[str] | None = None,
                 only_sources: list[str] | None = None) -> Config:
    """The config a run uses: the file (if any) plus --source locations, optionally narrowed to some names."""
    cfg = load_config(config_path) if config_path else Config((), Settings(), None)
    extra = sources_from_locations(list(locations or []), cfg.sources)
    sources = tuple(cfg.sources) + tuple(extra)
    if only_sources is not None:
        wanted = set(only_sources)
        missing = sorted(wanted - {s.name for s in sources})
        if missing:
            raise ConfigError(f"{cfg.path or 'config'}: no source named {', '.join(map(repr, missing))}")
        sources = tuple(s for s in sources if s.name in wanted)
    return replace(cfg, sources=sources)


def settings_field_names() -> list[str]:
    return [f.name for f in fields(Settings)]
