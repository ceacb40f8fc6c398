"""Shared helpers for the checks tests (no tests here): run the real pipeline on a config, load
hand-made claims through the real writer, find claims in the result, read PNG screenshots.

Imported by the other tests/test_checks_*.py modules.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CONFIG = ROOT / "flows" / "sample" / "sources.toml"


def run_pipeline(config: Path, db: Path, timeout: float = 300) -> None:
    """`quantcheck run --config CONFIG --db DB` in a real subprocess (real Prefect flow, real DuckDB)."""
    env = dict(os.environ)
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # the temporary Prefect server may start slowly on a loaded 2-core machine (default wait is 20 s)
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    proc = subprocess.run(
        [sys.executable, "-m", "quantcheck.flows.cli", "run", "--config", str(config), "--db", str(db)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout,
    )
    if proc.returncode != 0:
        raise AssertionError(f"quantcheck run failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n"
                             f"{proc.stderr[-3000:]}")


_SAMPLE_CACHE: dict[str, Path] = {}


def sample_warehouse(tmp_root: Path) -> Path:
    """The public file of one pipeline run on the sample corpus, shared by every test module of the session.

    Tests that write (loading references or rates) must work on a copy: :func:`copy_warehouse`.
    """
    if "db" not in _SAMPLE_CACHE:
        db = tmp_root / "sample.duckdb"
        run_pipeline(SAMPLE_CONFIG, db)
        _SAMPLE_CACHE["db"] = db
    return _SAMPLE_CACHE["db"]


def copy_warehouse(public: Path, dest_dir: Path) -> Path:
    """A private copy of a published warehouse (the writer adopts a public file that has no master)."""
    dest = dest_dir / public.name
    shutil.copyfile(public, dest)
    return dest


def find_claim(con: duckdb.DuckDBPyConnection, source: str, surface: str, context: str) -> dict:
    """The one claim of ``source`` whose surface contains ``surface`` and sentence contains ``context``.

    When the article repeats the figure (title and body), the id returned is that of the first
    occurrence, the one the views use.
    """
    rows = con.execute(
        "SELECT coalesce(r.mention_id, k.mention_id), k.fact_id, k.kind, k.measured, k.lo, k.hi, m.surface, "
        "m.sentence FROM claim_keys k JOIN mentions m USING (mention_id) "
        "JOIN sources s ON s.source_id = k.source_id "
        "LEFT JOIN claim_keys r ON k.is_repeat AND NOT r.is_repeat AND r.fact_id = k.fact_id "
        "AND r.document_id = k.document_id AND r.lo = k.lo AND r.hi = k.hi "
        "WHERE s.name = $source AND strpos(m.surface, $surface) > 0 AND strpos(m.sentence, $context) > 0 "
        "ORDER BY k.mention_id",
        {"source": source, "surface": surface, "context": context},
    ).fetchall()
    rows = list({r[0]: r for r in rows}.values())  # a figure repeated in the title is one claim
    if len(rows) != 1:
        raise AssertionError(f"expected one claim {surface!r} in {source} (sentence with {context!r}), "
                             f"found {len(rows)}: {rows}")
    keys = ("claim_id", "fact_id", "kind", "frame", "lo", "hi", "surface", "sentence")
    return dict(zip(keys, rows[0], strict=True))


def conflict_pairs(con: duckdb.DuckDBPyConnection) -> dict[frozenset[str], str]:
    """{frozenset(claim_a, claim_b): reason} for every row of the conflicts view."""
    return {frozenset((a, b)): reason
            for a, b, reason in con.execute("SELECT claim_a, claim_b, reason FROM conflicts").fetchall()}


def claim_doc(source: str, text: str, figures: list[dict], lang: str = "en", published: str | None = None):
    """A DocumentIn whose mentions are given by hand (independent of the extractor).

    Each figure: {"surface": ..., "value": ..., optional "qualifier", "unit", "si_value", "dimension",
    "concept", "low", "high", "occurrence"}; offsets are found in ``text`` and the sentence is the text.
    """
    from quantcheck.extractors.model import Mention
    from quantcheck.warehouse.records import DocumentIn

    mentions = []
    for f in figures:
        start = -1
        for _ in range(f.get("occurrence", 1)):
            start = text.index(f["surface"], start + 1)
        unit = f.get("unit", "")
        value = f.get("value")
        mentions.append(Mention(
            start=start, end=start + len(f["surface"]), surface=f["surface"], value=value, low=f.get("low"),
            high=f.get("high"), unit=unit, qualifier=f.get("qualifier", "exact"), counted=f.get("counted"),
            concept=f.get("concept"), si_value=f.get("si_value", value), si_low=f.get("low"),
            si_high=f.get("high"), si_unit=f.get("si_unit", unit), dimension=f.get("dimension", "count"),
            lang=lang, sentence_start=0, sentence_end=len(text)))
    mentions.sort(key=lambda m: m.start)
    return DocumentIn(source=source, text=text, lang=lang, published_at=published, mentions=mentions,
                      source_kind="file", source_location=f"{source}.txt", url=f"https://{source}.example/a")


def load_docs(db: Path, docs: list) -> None:
    """Load documents through the real warehouse writer, as a run does (checks.refresh, then publish)."""
    from quantcheck.flows.warehouse_writer import open_run_writer

    with open_run_writer(db) as writer:
        writer.start_run(flow_run_id=None)
        result = writer.load_batch(docs)
        assert not result.skipped, result.skipped




def read_png(path: Path) -> tuple[int, int, int, list[bytearray]]:
    """(width, height, channels, rows) with the PNG filters undone."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    pos, idat, width = 8, [], 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError(f"unsupported PNG: depth {depth}, colour {colour}, interlace {interlace}")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat.append(chunk)
        pos += 12 + length
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows: list[bytearray] = []
    prev = bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if ftype == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif ftype == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif ftype == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(line)
        prev = line
    return width, height, channels, rows


def count_colour(path: Path, rgb: tuple[int, int, int], box: tuple[int, int, int, int], tol: int = 40) -> int:
    """Pixels within ``tol`` (per channel) of ``rgb`` inside box = (x0, y0, x1, y1)."""
    width, height, channels, rows = read_png(path)
    x0, y0, x1, y1 = box
    n = 0
    for y in range(max(0, y0), min(height, y1)):
        row = rows[y]
        for x in range(max(0, x0), min(width, x1)):
            i = x * channels
            if (abs(row[i] - rgb[0]) <= tol and abs(row[i + 1] - rgb[1]) <= tol
                    and abs(row[i + 2] - rgb[2]) <= tol):
                n += 1
    return n
