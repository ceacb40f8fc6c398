"""Readers for every source kind: local files and folders, article URLs, RSS/Atom feeds.

``read_source`` is a pure function of (source config, settings) apart from the I/O it exists to do: it
opens its own HTTP client and files and closes them, so it can run in any thread, process or Dask worker.
It never raises for bad input: anything it cannot use becomes a :class:`Skipped` record with a reason, and
the rest of the source is still read.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import httpx

from quantcheck.flows import local_files
from quantcheck.flows.budget import TimeBudget
from quantcheck.flows.config import FEED_SUFFIXES, LANG_RE, Settings, SourceConfig
from quantcheck.flows.decode import UndecodableError, decode_bytes
from quantcheck.flows.documents import Document, RawDocument, Skipped, SourceResult
from quantcheck.flows.feeds import FeedError, parse_feed
from quantcheck.flows.fetch import FetchError, fetch, is_feed_type, is_page_type, make_client
from quantcheck.flows.html_text import page_to_text
from quantcheck.flows.languages import UnsupportedLanguage, check_language
from quantcheck.flows.markdown_text import markdown_to_text, split_front_matter
from quantcheck.flows.normalise import clean_string, normalise_text
from quantcheck.flows.publishers import publisher_from_metadata, resolve_publisher
from quantcheck.warehouse.records import content_hash

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", ".text", "")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED_SUFFIXES = HTML_SUFFIXES + MARKDOWN_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES + TEXT_SUFFIXES
JSONL_FIELDS = ("url", "title", "text", "lang", "published_at")
XML_START_RE = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.DOTALL)
# Skipped items listed one by one: per local file (the lines of a JSON Lines file), and per source; the rest
# are counted into one summary entry ("and 999,980 more skipped lines: …"). A file of a million bad lines
# used to send a million warnings to Prefect, 195 MB to stdout and a 168 MB cell to runs.skipped.
MAX_SKIPPED_PER_FILE = 20
MAX_SKIPPED_PER_SOURCE = 1000


@dataclass
class _Tally:
    """Skipped items of one file (or of a whole source) beyond the listed ones: how many, of which kinds."""

    location: str
    fingerprint: str | None = None
    unit: str = "items"
    listed: int = 0
    more: int = 0
    kinds: Counter = field(default_factory=Counter)
    last: str = ""

    def count(self, location: str, reason: str) -> None:
        self.more += 1
        self.kinds[reason.split(":", 1)[0].strip()[:80]] += 1
        self.last = location

    def summary(self) -> str:
        kinds = "; ".join(f"{n:,} {kind}" for kind, n in self.kinds.most_common(3))
        if len(self.kinds) > 3:
            kinds += f"; {sum(n for _, n in self.kinds.most_common()[3:]):,} other"
        return f"and {self.more:,} more skipped {self.unit} ({kinds}), the last: {self.last}"


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Reader:
    """Reads one source, collecting documents and skipped items in order."""

    def __init__(self, source: SourceConfig, settings: Settings, run_budget: TimeBudget | None = None):
        self.source = source
        self.settings = settings
        # downloads stop when the source's or the run's time budget is spent (local files are not cut off)
        self.budget = source_budget(settings).earliest(run_budget)
        self.raw: list[RawDocument] = []
        self.skipped: list[Skipped] = []
        self._client: httpx.Client | None = None
        self._linked_fetches = 0
        self._file: _Tally | None = None  # the local file being read: its skipped items are grouped
        self._overflow = _Tally(source.location)  # beyond MAX_SKIPPED_PER_SOURCE

    # -- bookkeeping -------------------------------------------------------------------------------
    def skip(self, location: str, reason: str) -> None:
        """Record an item left out and why; past the caps it is only counted (see MAX_SKIPPED_PER_FILE)."""
        group = self._file
        if group is not None:
            group.listed += 1
            if group.listed > MAX_SKIPPED_PER_FILE:
                group.count(location, reason)
                return
        self._record(location, reason, group)

    def _record(self, location: str, reason: str, group: _Tally | None) -> None:
        if len(self.skipped) >= MAX_SKIPPED_PER_SOURCE:
            self._overflow.count(location, reason)
            return
        file, fp = (group.location, group.fingerprint) if group is not None else (None, None)
        self.skipped.append(Skipped(self.source.name, location, reason, file, fp))

    @contextlib.contextmanager
    def local_file(self, location: str, fingerprint: str) -> Iterator[_Tally]:
        """Group the skipped items of one local file (capped, summarised) and mark them with the file's
        fingerprint, so a later run can tell the file did not change and not list them again."""
        outer = self._file
        self._file = group = _Tally(location, fingerprint)
        try:
            yield group
        finally:
            self._file = outer
            if group.more:
                self._record(location, group.summary(), group)

    def finish(self) -> None:
        """After the last item: the summary of what the per-source cap left unlisted."""
        if self._overflow.more:
            self._overflow.unit = "items in this source"
            self.skipped.append(Skipped(self.source.name, self.source.location, self._overflow.summary()))
            self._overflow = _Tally(self.source.location)

    def add(self, url: str, text: str, title: str | None = None, lang: str | None = None,
            published_at: str | None = None, publisher: str | None = None) -> None:
        lang = self.source.lang or (lang.split("-")[0].lower() if isinstance(lang, str) and lang else None)
        if lang is not None and not LANG_RE.match(lang):
            lang = None
        if lang is not None and self.source.lang is None:
            try:
                lang = check_language(lang)   # the article's own metadata names its language
            except UnsupportedLanguage as exc:
                self.skip(clean_string(url), f"{exc} (stated by the article)")
                return
        # metadata goes to the warehouse as is: strings that cannot be stored (lone surrogates) are repaired
        url = clean_string(url)
        title = clean_string(title) if title else None
        published_at = clean_string(published_at) if published_at else None
        publisher = resolve_publisher(clean_string(publisher) if publisher else None, url)
        self.raw.append(RawDocument(self.source.name, url, text, title, lang, published_at, now_iso(),
                                    publisher))

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = make_client(self.settings)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def guarded(self, location: str, fn, *args, **kwargs) -> None:
        """Run one item's reader; an unexpected error skips that item (with the error), not the source."""
        try:
            fn(*args, **kwargs)
        except Exception as exc:
            self.skip(location, f"internal error while reading: {type(exc).__name__}: {exc}")

    # -- entry point -------------------------------------------------------------------------------
    def read(self) -> None:
        kind, loc = self.source.kind, self.source.location
        if kind == "folder":
            self.read_folder(Path(loc))
        elif kind == "file":
            self.read_path(Path(loc), in_folder=False)
        elif kind == "url":
            self.read_url(loc)
        elif kind == "feed":
            if urlsplit_scheme(loc) in ("http", "https"):
                self.read_feed_url(loc)
            else:
                self.read_path(Path(loc), in_folder=False, as_feed=True)
        else:  # config validation makes this unreachable; keep the run going if it is not
            self.skip(loc, f"unknown source kind {kind!r}")

    # -- local files -------------------------------------------------------------------------------
    def read_folder(self, folder: Path) -> None:
        """Every file under ``folder`` (flows/local_files.py: no link followed out of it, no recursion)."""
        try:
            root = folder.resolve(strict=True)
        except (OSError, RuntimeError):
            self.skip(str(folder), "folder not found")
            return
        try:
            root_fd = os.open(root, local_files.DIR_FLAGS)
        except NotADirectoryError:
            self.skip(str(folder), "not a folder")
            return
        except OSError as exc:
            self.skip(str(folder), f"cannot list folder: {exc.strerror or exc}")
            return
        try:
            for entry in local_files.walk(str(root), root_fd, self.skip):
                self.guarded(entry.path, self._read_entry, entry, root, root_fd)
        finally:
            os.close(root_fd)

    def _read_entry(self, entry: local_files.Entry, root: Path, root_fd: int) -> None:
        loc = entry.path
        with self.local_file(loc, local_files.fingerprint(entry.st)):
            if entry.is_symlink:
                try:
                    target = Path(os.path.realpath(loc, strict=True))
                except (OSError, RuntimeError):
                    self.skip(loc, "broken symlink")
                    return
                if not target.is_relative_to(root):
                    self.skip(loc, f"symlink points outside the folder ({target}); not followed")
                    return
                try:
                    target_st = os.stat(target)
                except OSError:
                    self.skip(loc, "broken symlink")
                    return
                if stat.S_ISDIR(target_st.st_mode):
                    self.skip(loc, "symlink to a folder; not followed")
                    return
                opener = partial(local_files.open_beneath, root_fd, list(target.relative_to(root).parts),
                                 target_st)
                self._read_local(loc, target_st, opener, target.as_uri(), in_folder=True)
            else:
                self._read_local(loc, entry.st, partial(local_files.open_entry, entry), Path(loc).as_uri(),
                                 in_folder=True)

    def read_path(self, path: Path, in_folder: bool, as_feed: bool = False) -> None:
        """A file named in the config (a link the user chose is followed), or a folder given as a file."""
        loc = str(path)
        try:
            st = path.stat()
        except FileNotFoundError:
            self.skip(loc, "file not found")
            return
        except OSError as exc:
            self.skip(loc, f"cannot read: {exc.strerror or exc}")
            return
        if stat.S_ISDIR(st.st_mode):
            self.read_folder(path)
            return

        def opener() -> tuple[int, os.stat_result]:
            fd = os.open(path, local_files.FILE_FLAGS)
            return fd, local_files.checked(fd, st)

        with self.local_file(loc, local_files.fingerprint(st)):
            self._read_local(loc, st, opener, path.resolve().as_uri(), in_folder, as_feed)

    def _read_local(self, loc: str, st: os.stat_result, opener, url: str, in_folder: bool,
                    as_feed: bool = False) -> None:
        """Read one local file. ``st`` is what was seen before opening (a FIFO or a device is never
        opened); ``opener()`` opens it and checks that the opened file is still that one."""
        if not stat.S_ISREG(st.st_mode):
            self.skip(loc, "not a regular file (device, FIFO or socket)")
            return
        suffix = Path(loc).suffix.lower()
        if in_folder and suffix not in SUPPORTED_SUFFIXES:
            known = " ".join(SUPPORTED_SUFFIXES[:-1])
            self.skip(loc, f"unsupported file type {suffix!r} (supported: {known}, or no suffix)")
            return
        jsonl = suffix in JSONL_SUFFIXES and not as_feed
        if not jsonl and st.st_size == 0:
            self.skip(loc, "empty file")
            return
        if not jsonl and st.st_size > self.settings.max_bytes:
            self.skip(loc, f"file too large: {st.st_size:,} bytes exceeds the limit of "
                           f"{self.settings.max_bytes:,} bytes (max_bytes)")
            return
        try:
            fd, _opened = opener()
        except local_files.Changed:
            self.skip(loc, "changed while the folder was read (swapped for another file); not read")
            return
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                self.skip(loc, "became a symlink while the folder was read; not followed")
            else:
                self.skip(loc, f"cannot read: {exc.strerror or exc}")
            return
        if jsonl:
            self.read_jsonl(fd, loc, url)
            return
        try:
            data = local_files.read_all(fd, self.settings.max_bytes)
        except OSError as exc:
            self.skip(loc, f"cannot read: {exc.strerror or exc}")
            return
        finally:
            os.close(fd)
        if len(data) > self.settings.max_bytes:
            self.skip(loc, f"file too large: it grew past the limit of {self.settings.max_bytes:,} bytes "
                           "(max_bytes) while it was read")
            return
        if not data:
            self.skip(loc, "empty file")
            return
        self._read_bytes(data, loc, url, suffix, as_feed)

    def _read_bytes(self, data: bytes, loc: str, url: str, suffix: str, as_feed: bool) -> None:
        if as_feed or suffix in FEED_SUFFIXES:
            # a feed file on disk is an archive: its entries are read as they are, links not followed
            self.read_feed_bytes(data, None, url, loc, follow_links=False)
            return
        try:
            text, _encoding = decode_bytes(data)
        except UndecodableError as exc:
            self.skip(loc, f"{exc}: not a text file")
            return
        looks_html = text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))
        if suffix in HTML_SUFFIXES or (not suffix and looks_html):
            page = page_to_text(text)
            # a saved page names its own web address; that is more useful to a reader than a local path
            self.add(page.canonical_url or url, page.text, page.title, None, page.published_at,
                     page.site_name)
        elif suffix in MARKDOWN_SUFFIXES:
            meta, text = split_front_matter(text)
            body, title = markdown_to_text(text)
            self.add(meta.get("url") or url, body, meta.get("title") or title, meta.get("lang"),
                     meta.get("date"), publisher_from_metadata(meta))
        else:
            self.add(url, text, _first_line_title(text))

    def read_jsonl(self, fd: int, loc: str, base: str) -> None:
        """One article per line; a bad line is skipped with its line number, the others are read."""
        limit = self.settings.max_bytes
        n_lines = 0
        self._file.unit = "lines"
        with os.fdopen(fd, "rb") as fh:
            lineno = 0
            while True:
                try:
                    line = fh.readline(limit + 1)
                except OSError as exc:
                    self.skip(f"{loc}:{lineno + 1}", f"cannot read: {exc.strerror or exc}")
                    break
                if not line:
                    break
                lineno += 1
                where = f"{loc}:{lineno}"
                if len(line) > limit and not line.endswith(b"\n"):
                    self.skip(where, f"line longer than the limit of {limit:,} bytes (max_bytes)")
                    while line and not line.endswith(b"\n"):  # discard the rest of the line
                        line = fh.readline(1 << 20)
                    continue
                if not line.strip():
                    continue
                n_lines += 1
                self.guarded(where, self._jsonl_record, line, where, f"{base}#L{lineno}")
        if n_lines == 0:
            self.skip(loc, "empty file")

    def _jsonl_record(self, line: bytes, where: str, fallback_url: str) -> None:
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            self.skip(where, f"invalid JSON: {exc}")
            return
        if not isinstance(rec, dict):
            self.skip(where, "a JSON Lines article must be an object with a \"text\" field")
            return
        text = rec.get("text")
        if not isinstance(text, str) or not text.strip():
            self.skip(where, "missing or empty \"text\" field")
            return
        if "\x00" in text:
            self.skip(where, "binary content (NUL characters) in \"text\"")
            return
        fields = {k: rec.get(k) for k in ("url", "title", "lang", "published_at")}
        bad = [k for k, v in fields.items() if v is not None and not isinstance(v, str)]
        if bad:
            self.skip(where, f"field(s) {', '.join(bad)} must be strings")
            return
        self.add(fields["url"] or fallback_url, text, fields["title"], fields["lang"], fields["published_at"],
                 publisher_from_metadata(rec))

    # -- the web -----------------------------------------------------------------------------------
    def read_url(self, url: str) -> None:
        try:
            res = fetch(url, self.settings, self.client, budget=self.budget)
        except FetchError as exc:
            self.skip(url, str(exc))
            return
        if is_feed_type(res.content_type) or (res.content_type in ("", "text/plain")
                                              and XML_START_RE.match(res.body)):
            self.read_feed_bytes(res.body, res.content_type_header, res.url, url)
            return
        if not is_page_type(res.content_type):
            self.skip(url, f"unsupported content-type {res.content_type!r} (expected HTML, text or a feed)")
            return
        try:
            text, _enc = decode_bytes(res.body, res.content_type_header)
        except UndecodableError as exc:
            self.skip(url, f"{exc}: not a text response")
            return
        if res.content_type in ("text/plain", "text/markdown"):
            self.add(res.url, text, _first_line_title(text))
        else:
            page = page_to_text(text, res.url)
            self.add(res.url, page.text, page.title, None, page.published_at, page.site_name)

    def read_feed_url(self, url: str) -> None:
        try:
            res = fetch(url, self.settings, self.client, budget=self.budget)
        except FetchError as exc:
            self.skip(url, str(exc))
            return
        ok_type = is_feed_type(res.content_type) or res.content_type in ("", "text/plain", "text/html")
        if not ok_type:
            self.skip(url, f"unsupported content-type {res.content_type!r} for a feed")
            return
        if res.content_type == "text/html" and not XML_START_RE.match(res.body):
            self.skip(url, "expected an RSS/Atom feed but the server sent an HTML page")
            return
        self.read_feed_bytes(res.body, res.content_type_header, res.url, url)

    def read_feed_bytes(self, data: bytes, content_type: str | None, feed_url: str, loc: str,
                        follow_links: bool = True) -> None:
        try:
            entries, feed_lang = parse_feed(data, content_type)
        except FeedError as exc:
            self.skip(loc, str(exc))
            return
        if not entries:
            self.skip(loc, "feed has no entries")
            return
        for i, entry in enumerate(entries, 1):
            url = entry.link or f"{feed_url}#entry-{i}"
            self.guarded(url, self._feed_entry, entry, url, feed_lang, follow_links)

    def _feed_entry(self, entry, url: str, feed_lang: str | None, follow_links: bool) -> None:
        text, title, published = entry.text, entry.title, entry.published_at
        publisher = None
        if follow_links and entry.from_summary and len(text) < self.settings.summary_min_chars:
            page = self._linked_article(entry.link)
            if page is not None and len(page.text) > len(text):
                text = page.text
                title = title or page.title
                published = published or page.published_at
                publisher = page.site_name
        if not text.strip():
            self.skip(url, "feed entry without text (no content, no summary, linked page unreadable)")
            return
        self.add(url, text, title, feed_lang, published, publisher)

    def _linked_article(self, link: str | None):
        """The article page a short feed entry points to, or None (the summary is kept then)."""
        s = self.settings
        if not (s.fetch_linked_articles and link and urlsplit_scheme(link) in ("http", "https")):
            return None
        if self._linked_fetches >= s.max_linked_articles:
            return None
        self._linked_fetches += 1
        try:
            res = fetch(link, s, self.client, budget=self.budget)
        except FetchError as exc:
            self.skip(link, f"linked article not fetched, feed summary kept: {exc}")
            return None
        if res.content_type not in ("text/html", "application/xhtml+xml"):
            return None
        try:
            text, _enc = decode_bytes(res.body, res.content_type_header)
        except UndecodableError:
            return None
        return page_to_text(text, res.url)


def urlsplit_scheme(location: str) -> str:
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", location)
    return m.group(1).lower() if m else ""


def _first_line_title(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 200 else None
    return None


def normalise_documents(raw: list[RawDocument], skip) -> list[Document]:
    """Normalise and hash; documents with no text left are skipped (reason recorded)."""
    out = []
    for r in raw:
        try:
            text = normalise_text(r.text)
            title = normalise_text(r.title)[:1000] if r.title else None
            digest = content_hash(text)
        except Exception as exc:  # never lose the rest of the source over one document
            skip(r.url, f"internal error while normalising: {type(exc).__name__}: {exc}")
            continue
        if not text:
            skip(r.url, "no text left after extraction and boilerplate removal")
            continue
        out.append(Document(source=r.source, url=r.url, text=text, content_hash=digest, lang=r.lang,
                            title=title or None, published_at=r.published_at, fetched_at=r.fetched_at,
                            publisher=r.publisher))
    return out


def source_budget(settings: Settings) -> TimeBudget:
    """The time budget of one source's downloads, starting now."""
    seconds = settings.source_budget or None
    return TimeBudget.starting_now(seconds, f"the source's time budget (source_budget = {seconds:g} s)"
                                   if seconds else "")


def run_budget(settings: Settings) -> TimeBudget:
    """The time budget of all downloads of a run, starting now (the flow passes it to every source)."""
    seconds = settings.run_budget or None
    return TimeBudget.starting_now(seconds, f"the run's time budget (run_budget = {seconds:g} s)"
                                   if seconds else "")


def read_source(source: SourceConfig, settings: Settings, budget: TimeBudget | None = None) -> SourceResult:
    """Read one source completely; never raises for bad input (it becomes Skipped records).

    ``budget`` is the run's time budget (``run_budget``), shared by all sources of a run; the source's
    own (``source_budget``) starts here.
    """
    reader = Reader(source, settings, budget)
    try:
        reader.read()
    except Exception as exc:  # a reader bug must not lose the other sources: record it and go on
        reader.skip(source.location, f"internal error while reading: {type(exc).__name__}: {exc}")
    finally:
        reader.close()
    docs = normalise_documents(reader.raw, reader.skip)
    reader.finish()
    return SourceResult(source.name, tuple(docs), tuple(reader.skipped))
