"""What the pipeline hands to the warehouse, and what a load returns.

Plain dataclasses rather than dicts so that a misspelt field fails at construction time in the flow,
not as a NULL column in the warehouse.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from quantcheck.extractors.model import Mention
from quantcheck.warehouse.storable import SURROGATE

HEX = re.compile(r"[0-9a-f]{16,128}")


def content_hash(text: str) -> str:
    """sha256 hex of the text as the warehouse stores it: its UTF-8 bytes, lone surrogates as U+FFFD.

    The one content hash of the project: the pipeline hashes normalised texts with it to skip those
    already stored (flows/normalise.py re-exports it) and the writer hashes texts given without one.

    Lone surrogates (half a UTF-16 pair, from a JSON ``"\\ud800"``) cannot be encoded as UTF-8. They are
    replaced by U+FFFD, decided once here, because that is what the warehouse stores in their place
    (warehouse/arrow_batch.py; flows/normalise.py replaces them before extraction too, so offsets count one
    character for one): the hash is then the hash of the stored text, recomputable from ``documents.text``,
    and the function never raises. Strict encoding would raise on texts the writer accepts;
    ``surrogatepass`` (this function's old behaviour) hashed bytes that no stored text has. For a text
    without lone surrogates — every text the pipeline reads, since it normalises first — the bytes hashed
    are its plain UTF-8, exactly as both former functions hashed them, so stored hashes do not change.
    """
    if SURROGATE.search(text) is not None:
        text = SURROGATE.sub("\ufffd", text)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_id(name: str) -> str:
    """Deterministic id of a source: the same name always gives the same id, in every warehouse."""
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(slots=True)
class DocumentIn:
    """One fetched article: its text, metadata and the mentions extracted from exactly this text."""

    source: str                                   # source name
    text: str
    url: str | None = None
    title: str | None = None
    lang: str | None = None
    published_at: datetime | date | str | None = None
    fetched_at: datetime | str | None = None      # defaults to the load time
    content_hash: str | None = None               # defaults to content_hash(text)
    mentions: Sequence[Mention] = ()
    source_kind: str | None = None                # used when the source was not upserted before
    source_location: str | None = None
    publisher: str | None = None                  # the outlet that published it (documents.publisher)

    def __post_init__(self) -> None:
        if self.content_hash is None and isinstance(self.text, str):
            self.content_hash = content_hash(self.text)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An item left out of the warehouse and why; stored in ``runs.skipped``."""

    item: str
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"item": self.item, "reason": self.reason}


@dataclass(slots=True)
class LoadResult:
    documents_added: int = 0
    mentions_added: int = 0
    documents_duplicate: int = 0                  # already stored, or repeated earlier in the batch
    skipped: list[Skipped] = field(default_factory=list)


def to_utc(value: datetime | date | str | None) -> datetime | None:
    """Aware datetimes converted to UTC, naive ones taken as UTC, dates at midnight, ISO strings parsed.

    Raises ValueError for a string that is not ISO 8601 (the caller records it and stores NULL).
    """
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(0), tzinfo=UTC)
    raise ValueError(f"not a date or time: {value!r}")
