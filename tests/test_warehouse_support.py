"""Shared helpers for the warehouse tests, and the script run by their second processes.

Run as ``python tests/test_warehouse_support.py ROLE DB ...`` it plays one side of a concurrency test
(a writer, a reader) in a real separate process: DuckDB's file locks are per process, so only a real
second process shows what a fact-checker's open notebook does to a scheduled run.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

from quantcheck.extractors.model import Mention
from quantcheck.warehouse.records import DocumentIn

SENTENCE = "Report {doc} says {n} soldiers crossed the border at {km} km from the city."


def make_doc(key: str, n_mentions: int = 3, source: str = "wire") -> DocumentIn:
    """A document whose text is unique to ``key``, with exact mentions (two per sentence)."""
    parts: list[str] = []
    mentions: list[Mention] = []
    pos = 0
    i = 0
    while len(mentions) < n_mentions:
        n = 1000 + i * 7
        km = 10 + i
        sentence = SENTENCE.format(doc=key, n=n, km=km) + " "
        pairs = ((str(n), float(n), "", "soldiers"), (f"{km} km", float(km), "km", None))
        for surface, value, unit, counted in pairs:
            if len(mentions) == n_mentions:
                break
            at = sentence.index(surface)
            mentions.append(
                Mention(
                    start=pos + at, end=pos + at + len(surface), surface=surface, value=value, low=None,
                    high=None, unit=unit, counted=counted, concept="troops" if counted else None,
                    si_value=value * (1000.0 if unit else 1.0), si_unit="meter" if unit else "",
                    dimension="[length]" if unit else "count", lang="en",
                    sentence_start=pos, sentence_end=pos + len(sentence) - 1, rule="test",
                )
            )
        parts.append(sentence)
        pos += len(sentence)
        i += 1
    return DocumentIn(
        source=source, text="".join(parts), url=f"https://example.test/{key}", title=f"Title {key}",
        lang="en", published_at="2024-03-01T10:00:00+01:00", mentions=mentions,
        source_kind="feed", source_location="https://example.test/rss",
    )


def make_docs(prefix: str, count: int, n_mentions: int = 3) -> list[DocumentIn]:
    return [make_doc(f"{prefix}-{i}", n_mentions) for i in range(count)]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def counts(con) -> dict[str, int]:
    return {
        table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # constant table names
        for table in ("sources", "documents", "mentions", "runs")
    }


# --- roles for second processes ---------------------------------------------------------------------


def role_reader(db: str) -> None:
    """Hold the public file open read-only; answer 'count' lines with the documents count."""
    import duckdb

    con = duckdb.connect(db, read_only=True)
    print(json.dumps({"ready": con.execute("SELECT count(*) FROM documents").fetchone()[0]}), flush=True)
    for line in sys.stdin:
        if line.strip() == "count":
            (n,) = con.execute("SELECT count(*) FROM documents").fetchone()
            print(json.dumps({"count": n}), flush=True)
        else:
            break
    con.close()


def role_writer(db: str, prefix: str, batches: str, pause: str = "0", wait: str = "60") -> None:
    """Load ``batches`` batches of 5 documents; print a line after each; sleep ``pause`` s after each."""
    from quantcheck.warehouse.db import open_writer

    with open_writer(db, wait_seconds=float(wait)) as w:
        print(json.dumps({"locked": time.time()}), flush=True)
        w.start_run(f"proc-{prefix}")
        for b in range(int(batches)):
            r = w.load_batch(make_docs(f"{prefix}-{b}", 5))
            print(json.dumps({"batch": b, "added": r.documents_added}), flush=True)
            time.sleep(float(pause))
    print(json.dumps({"done": time.time()}), flush=True)


def role_open_rw(db: str) -> None:
    """Hold the public file open read-WRITE (what `duckdb file` without -readonly does) and write to it."""
    import duckdb

    con = duckdb.connect(db)
    con.execute("CREATE TABLE my_notes AS SELECT 1 AS note")
    print(json.dumps({"ready": True}), flush=True)
    sys.stdin.readline()
    con.execute("INSERT INTO my_notes VALUES (2)")
    con.close()


def role_reopen_loop(db: str, stop_file: str) -> None:
    """Open, check and close the public file until ``stop_file`` exists: every open must see a whole
    snapshot (as many documents as the runs say they added, no mention without its document)."""
    import os

    import duckdb

    opens = 0
    print(json.dumps({"started": True}), flush=True)
    while not os.path.exists(stop_file):
        con = duckdb.connect(db, read_only=True)
        docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        loaded = con.execute("SELECT coalesce(sum(documents_added), 0) FROM runs").fetchone()[0]
        orphans = con.execute(
            "SELECT count(*) FROM mentions m ANTI JOIN documents d USING (document_id)"
        ).fetchone()[0]
        con.close()
        if docs != loaded or orphans:
            print(json.dumps({"torn": [docs, loaded, orphans]}), flush=True)
            sys.exit(3)
        opens += 1
    print(json.dumps({"opens": opens}), flush=True)


if __name__ == "__main__":
    roles = {
        "reader": role_reader, "writer": role_writer, "open_rw": role_open_rw, "reopen": role_reopen_loop,
    }
    roles[sys.argv[1]](*sys.argv[2:])
