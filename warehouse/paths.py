"""Where the warehouse's files live.

The public file is what fact-checkers open; everything the pipeline writes lives in a hidden state
folder beside it (``<db>.d/``) so that a reader holding the public file never meets a writer.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "QUANTCHECK_DB"
DEFAULT_NAME = "quantcheck.duckdb"


def default_db_path() -> Path:
    """``$QUANTCHECK_DB`` if set and not empty, else ``./quantcheck.duckdb`` in the current directory."""
    env = os.environ.get(ENV_VAR, "").strip()
    return Path(env) if env else Path.cwd() / DEFAULT_NAME


@dataclass(frozen=True)
class WarehousePaths:
    """All paths derived from the public file's path."""

    public: Path

    @classmethod
    def for_db(cls, db: str | os.PathLike[str] | None) -> WarehousePaths:
        path = (Path(db) if db is not None else default_db_path()).expanduser().absolute()
        # Resolve the folder (not the file): two spellings of one folder must share one lock and master.
        return cls(path.parent.resolve() / path.name)

    @property
    def state_dir(self) -> Path:
        return self.public.with_name(self.public.name + ".d")

    @property
    def master(self) -> Path:
        return self.state_dir / "master.duckdb"

    @property
    def lock(self) -> Path:
        return self.state_dir / "lock"

    @property
    def published_marker(self) -> Path:
        return self.state_dir / "published.json"

    def scratch(self, pid: int | None = None) -> Path:
        return self.state_dir / f"scratch-{os.getpid() if pid is None else pid}.duckdb"

    def wal(self, db_file: Path) -> Path:
        """DuckDB's write-ahead log sits beside the database file with a ``.wal`` suffix."""
        return db_file.with_name(db_file.name + ".wal")
