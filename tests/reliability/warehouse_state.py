"""What "nothing changed" and "nothing lost" mean for a warehouse, as checks a test can assert.

A fingerprint is the public file's bytes hash plus the row counts of every public table, read through a
fresh read-only connection in a child process (DuckDB caches one database instance per path inside a
process, so an in-process read could see a stale snapshot). Comparing fingerprints before and after a
hostile query or a killed run is the test of "the warehouse is as it was".
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PUBLIC_TABLES = ("sources", "documents", "mentions", "reference_facts", "runs")

_COUNT_SCRIPT = r"""
import json, sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
tables = [r[0] for r in con.execute(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1").fetchall()]
out = {t: con.execute('SELECT count(*) FROM "' + t.replace('"', '""') + '"').fetchone()[0] for t in tables}
dist = con.execute("SELECT count(DISTINCT content_hash) FROM documents").fetchone()[0] \
    if "documents" in out else None
print(json.dumps({"counts": out, "distinct_hashes": dist}))
"""


@dataclass(frozen=True)
class Fingerprint:
    sha256: str
    counts: dict[str, int]
    distinct_hashes: int | None

    def rows(self) -> dict[str, int]:
        return {t: self.counts.get(t, 0) for t in PUBLIC_TABLES}


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def table_counts(db: Path, timeout: float = 60) -> tuple[dict[str, int], int | None]:
    """Row counts of every table, read by a separate process opening the file read-only."""
    proc = subprocess.run(
        [sys.executable, "-c", _COUNT_SCRIPT, str(db)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    if proc.returncode != 0:
        raise AssertionError(f"the warehouse {db} does not open read-only: {proc.stderr.strip()[-2000:]}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    return data["counts"], data["distinct_hashes"]


def fingerprint(db: Path) -> Fingerprint:
    counts, distinct = table_counts(db)
    return Fingerprint(file_sha256(db), counts, distinct)


def query_json(db: Path, sql: str, params: list | None = None, timeout: float = 60) -> list:
    """Rows of one read-only query run in a child process (fresh view of the public file)."""
    script = (
        "import json, sys, duckdb\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        "rows = con.execute(sys.argv[2], json.loads(sys.argv[3])).fetchall()\n"
        "print(json.dumps(rows, default=str))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(db), sql, json.dumps(params or [])],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if proc.returncode != 0:
        raise AssertionError(f"query failed on {db}: {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def dir_listing(folder: Path) -> list[str]:
    """Every file under ``folder`` (relative), to show that a refused query wrote nothing anywhere."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
