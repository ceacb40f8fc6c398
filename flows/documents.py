"""The records that travel between pipeline steps: documents read from sources and skipped items.

Plain frozen dataclasses of strings so they pickle cheaply across process pools and Dask workers.
"""

from __future__ import annotations

from dataclasses import dataclass

from quantcheck.warehouse.storable import storable


@dataclass(frozen=True, slots=True)
class RawDocument:
    """An article as read from a source, before normalisation (text already freed of HTML)."""

    source: str                       # the source's name
    url: str                          # the article URL, or a file:// URI for local files
    text: str
    title: str | None = None
    lang: str | None = None           # given by the source or the JSON Lines record; detected otherwise
    published_at: str | None = None   # ISO 8601 when known
    fetched_at: str | None = None     # ISO 8601 UTC, when it was read
    publisher: str | None = None      # the outlet (site name from metadata, else the URL's host)


@dataclass(frozen=True, slots=True)
class Document:
    """A normalised article, ready for extraction and loading; ``text`` is what offsets refer to."""

    source: str
    url: str
    text: str
    content_hash: str                 # sha256 hex of ``text``: the dedupe key
    lang: str | None                  # None: detected at extraction time (in the worker, not the flow)
    title: str | None = None
    published_at: str | None = None
    fetched_at: str | None = None     # ISO 8601 UTC, when the run read it
    publisher: str | None = None      # the outlet (flows/publishers.py); None when nothing says


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something that was not loaded, and why: it ends up in the run's record in the warehouse."""

    source: str
    location: str
    reason: str
    file: str | None = None           # the local file it belongs to (a JSON Lines line: its file)
    fingerprint: str | None = None    # that file's size and mtime when read: "did it change since"

    def __post_init__(self) -> None:
        # logged and stored as they are: a file name that is not UTF-8 is escaped here, once
        for name in ("source", "location", "reason", "file"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, storable(value if isinstance(value, str) else str(value)))

    def to_dict(self) -> dict:
        """The JSON object stored in ``runs.skipped``: item and reason (the warehouse's keys), plus source;
        ``file`` and ``fingerprint`` (local files only) let the writer leave out what an earlier run
        already listed for an unchanged file, and are not stored."""
        d = {"item": self.location, "reason": self.reason, "source": self.source}
        if self.file is not None and self.fingerprint is not None:
            d["file"], d["fingerprint"] = self.file, self.fingerprint
        return d


@dataclass(frozen=True, slots=True)
class SourceResult:
    """What reading one source produced: documents in source order, plus everything skipped."""

    source: str
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...]
