"""Turn the annotated news paragraphs (``src/LANG.txt``) into gold JSONL files (``LANG.jsonl``).

Why a markup source rather than hand-written JSONL: offsets typed by hand drift as soon as a sentence is
edited. Here every mention is written inline, and the offsets are computed from the clean text, so
``text[start:end] == surface`` holds by construction and a paragraph can be rewritten freely.

Source format (UTF-8): paragraphs separated by blank lines; lines starting with ``#`` are comments.
A mention is ``[[surface|value|unit|qualifier|counted]]``; trailing fields may be left out.
- value: a number (``100000``, ``1.9e9``, ``-20``), ``LOW..HIGH`` for a range, or empty for a vague
  amount (only with ``opt``).
- unit: a pint expression or ISO-4217 code (``EUR/liter``), empty for a count; alternatives joined by
  ``,`` (``percent,``).
- qualifier: exact (default), approx, at_least, at_most, range (default for ``LOW..HIGH``), or ``opt``:
  an optional mention (spec: anaphoric small counts, proportions, magnitudes, time references, scores),
  neither rewarded nor penalised by the scorer.
- counted: the counted noun as written (German nouns keep their capital).

Two splits: ``dev`` (``src/LANG.txt`` → ``LANG.jsonl``, ids ``news-LANG-NNN``), the first ~40 paragraphs
per language, and ``later`` (``src/later/LANG.txt`` → ``later/LANG.jsonl``, ids ``news-LANG-lNNN``),
batches written afterwards, each scored once *before* its mistakes were reported, to estimate how the rules
did on text they had not seen (the figures are in the project README). Mistakes of both splits were then
reported as general causes, so neither is unseen any more: new unseen batches belong in ``later``.

Run ``python tests/specs/news/build_gold.py`` after editing a source; ``test_news_set.py`` fails when a
JSONL file is out of date.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGS = ("fr", "en", "es", "de")
SPLITS = ("dev", "later")
QUALIFIERS = {"exact", "approx", "at_least", "at_most", "range", "opt"}
MENTION = re.compile(r"\[\[(.+?)\]\]")


class MarkupError(ValueError):
    """A malformed mention in a source file, reported with the paragraph it sits in."""


def parse_mention(body: str, where: str) -> tuple[str, dict]:
    parts = body.split("|")
    if len(parts) < 2 or len(parts) > 5:
        raise MarkupError(f"{where}: expected [[surface|value|unit|qualifier|counted]], got [[{body}]]")
    surface, value, unit, qual, counted = (parts + ["", "", ""])[:5]
    qual = qual.strip() or ("range" if ".." in value else "exact")
    if qual not in QUALIFIERS:
        raise MarkupError(f"{where}: unknown qualifier {qual!r} in [[{body}]]")
    units = [u.strip() for u in unit.split(",")] if "," in unit else unit.strip()
    q: dict = {"surface": surface, "value": None, "low": None, "high": None, "unit": units,
               "qualifier": None if qual == "opt" else qual, "counted": counted.strip() or None,
               "optional": qual == "opt"}
    value = value.strip()
    if ".." in value:
        low, high = value.split("..")
        q["low"], q["high"] = float(low), float(high)
        if qual not in ("range", "opt"):
            raise MarkupError(f"{where}: a LOW..HIGH value must be a range: [[{body}]]")
    elif value:
        q["value"] = float(value)
        if qual == "at_least":
            q["low"] = q["value"]
        elif qual == "at_most":
            q["high"] = q["value"]
    elif qual != "opt":
        raise MarkupError(f"{where}: only an optional mention may have no value: [[{body}]]")
    return surface, q


def parse_paragraph(raw: str, where: str) -> tuple[str, list[dict]]:
    text, quantities, pos = [], [], 0
    length = 0
    for m in MENTION.finditer(raw):
        before = raw[pos:m.start()]
        text.append(before)
        length += len(before)
        surface, q = parse_mention(m.group(1), where)
        q = {"start": length, "end": length + len(surface), **q}
        text.append(surface)
        length += len(surface)
        quantities.append(q)
        pos = m.end()
    text.append(raw[pos:])
    clean = "".join(text)
    if "[[" in clean or "]]" in clean:
        raise MarkupError(f"{where}: unbalanced [[ ]] in: {raw[:80]}")
    for q in quantities:
        assert clean[q["start"]:q["end"]] == q["surface"], (where, q)
    return clean, quantities


def source_path(lang: str, split: str = "dev") -> Path:
    return HERE / "src" / f"{lang}.txt" if split == "dev" else HERE / "src" / split / f"{lang}.txt"


def gold_path(lang: str, split: str = "dev") -> Path:
    return HERE / f"{lang}.jsonl" if split == "dev" else HERE / split / f"{lang}.jsonl"


def read_source(lang: str, split: str = "dev") -> list[dict]:
    """The documents of one language and split, in source order, with ids news-LANG-NNN (dev) or
    news-LANG-lNNN (later)."""
    path = source_path(lang, split)
    prefix = "" if split == "dev" else split[0]
    blocks, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    docs = []
    for i, block in enumerate(blocks, 1):
        doc_id = f"news-{lang}-{prefix}{i:03d}"
        text, quantities = parse_paragraph(block, f"{path.name} {doc_id}")
        docs.append({"id": doc_id, "lang": lang, "text": text, "quantities": quantities})
    return docs


def render(docs: list[dict]) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


def main(argv: list[str]) -> int:
    for split in SPLITS:
        for lang in argv or LANGS:
            if not source_path(lang, split).exists():
                continue
            docs = read_source(lang, split)
            out = gold_path(lang, split)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(render(docs), encoding="utf-8")
            n = sum(len(d["quantities"]) for d in docs)
            opt = sum(q["optional"] for d in docs for q in d["quantities"])
            print(f"{split} {lang}: {len(docs)} documents, {n - opt} required mentions, {opt} optional")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
