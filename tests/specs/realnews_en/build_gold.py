"""Build the real-news English gold files (dev.jsonl, heldout.jsonl) from src/PART.txt.

Every mention is written inline as ``[[surface|value;unit;qualifier;counted]]``; the offsets are
computed here, then checked (text[start:end] == surface), and every unit is checked to be readable by
the scorer's pint registry (../../../../shared/eval/quantscore.py).

Markup (one item per line; blank lines and lines starting with "#" are skipped):
  value      a number (1.9e9), or LOW..HIGH for a range; a leading "?" marks the mention optional
  unit       pint expression or ISO-4217 code; alternatives separated by ","; empty for a count
  qualifier  e exact, a approx, l at_least, m at_most, r range (default e, r for ranges)
  counted    the counted noun as written (or carried from the context), or empty
  {nb} and {nnb} stand for U+00A0 and U+202F.

Run from the project root:
  .venv/bin/python tests/specs/realnews_en/build_gold.py              # writes dev.jsonl, heldout.jsonl
  .venv/bin/python tests/specs/realnews_en/build_gold.py --untagged   # also list digits left unannotated
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "shared" / "eval"))
import quantscore  # noqa: E402  (the scorer's own unit registry decides what a valid unit is)

PARTS = {"dev": "rn-dev", "heldout": "rn-heldout"}
MARK = re.compile(r"\[\[([^|\]]+)\|([^\]]*)\]\]")
QUAL = {"e": "exact", "a": "approx", "l": "at_least", "m": "at_most", "r": "range"}
SPACES = {"{nb}": "\u00a0", "{nnb}": "\u202f"}
NUM = re.compile(r"\d[\d,.]*")


class MarkupError(Exception):
    pass


def parse_spec(spec: str) -> dict:
    parts = spec.split(";")
    if len(parts) > 4:
        raise MarkupError(f"too many fields in {spec!r}")
    raw, unit, qual, counted = (p.strip() for p in (parts + ["", "", "", ""])[:4])
    optional = raw.startswith("?")
    raw = raw.lstrip("?")
    units = [u.strip() for u in unit.split(",")] if "," in unit else unit
    if qual and qual not in QUAL:
        raise MarkupError(f"bad qualifier {qual!r} in {spec!r}")
    try:
        if ".." in raw:
            lo, hi = (float(x) for x in raw.split(".."))
            if lo > hi:
                raise MarkupError(f"range low > high in {spec!r}")
            value, low, high, qualifier = None, lo, hi, "range"
            if qual and qual != "r":
                raise MarkupError(f"range with qualifier {qual!r} in {spec!r}")
        else:
            value, low, high = float(raw), None, None
            qualifier = QUAL[qual or "e"]
            if qualifier == "range":
                raise MarkupError(f"qualifier r without LOW..HIGH in {spec!r}")
            if qualifier == "at_least":
                low = value
            elif qualifier == "at_most":
                high = value
    except ValueError as exc:
        raise MarkupError(f"bad value in {spec!r}") from exc
    return {
        "value": value,
        "low": low,
        "high": high,
        "unit": units,
        "qualifier": qualifier,
        "counted": counted or None,
        "optional": optional,
    }


def parse_line(line: str) -> tuple[str, list[dict]]:
    for token, char in SPACES.items():
        line = line.replace(token, char)
    text, quantities, pos, out_len = [], [], 0, 0
    for m in MARK.finditer(line):
        text.append(line[pos : m.start()])
        out_len += m.start() - pos
        surface = m.group(1)
        q = {"start": out_len, "end": out_len + len(surface), "surface": surface}
        q.update(parse_spec(m.group(2)))
        quantities.append(q)
        text.append(surface)
        out_len += len(surface)
        pos = m.end()
    text.append(line[pos:])
    return "".join(text), quantities


def check(text: str, quantities: list[dict], where: str) -> None:
    if "[[" in text or "]]" in text:
        raise MarkupError("unbalanced markup")
    for q in quantities:
        if text[q["start"] : q["end"]] != q["surface"]:
            raise MarkupError(f"offsets do not give the surface {q['surface']!r}")
        units = q["unit"] if isinstance(q["unit"], list) else [q["unit"]]
        for u in units:
            probe = q["value"] if q["value"] is not None else q["low"]
            if quantscore.to_base(probe, u) is None:
                raise MarkupError(f"unit {u!r} unreadable by the scorer")


def untagged(text: str, quantities: list[dict]) -> list[str]:
    """Digit strings outside every annotated span (for review: dates, times, names ...)."""
    covered = [(q["start"], q["end"]) for q in quantities]
    return [m.group() for m in NUM.finditer(text) if not any(s <= m.start() < e for s, e in covered)]


def build(part: str, show_untagged: bool = False) -> tuple[int, int, int]:
    src = HERE / "src" / f"{part}.txt"
    docs, seen = [], {}
    for lineno, line in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{src.name}:{lineno}"
        try:
            text, quantities = parse_line(line.rstrip("\n"))
            check(text, quantities, where)
        except MarkupError as exc:
            raise SystemExit(f"{where}: {exc}") from None
        if text in seen:
            raise SystemExit(f"{where}: duplicate of line {seen[text]}")
        seen[text] = lineno
        doc_id = f"{PARTS[part]}-{len(docs) + 1:03d}"
        docs.append({"id": doc_id, "lang": "en", "exhaustive": True, "text": text, "quantities": quantities})
        if show_untagged:
            rest = untagged(text, quantities)
            if rest:
                print(f"  {doc_id} ({where}) untagged: {' '.join(rest)}")
    with open(HERE / f"{part}.jsonl", "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    req = sum(not q["optional"] for d in docs for q in d["quantities"])
    opt = sum(q["optional"] for d in docs for q in d["quantities"])
    return len(docs), req, opt


def shared_texts() -> list[str]:
    """Sentences that appear in both parts (there must be none)."""
    sents = {}
    for part in PARTS:
        for line in (HERE / "src" / f"{part}.txt").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                text, _ = parse_line(line)
                for s in re.split(r"(?<=[.!?])\s+", text):
                    if len(s) > 30:
                        sents.setdefault(s, set()).add(part)
    return [s for s, parts in sents.items() if len(parts) > 1]


if __name__ == "__main__":
    show = "--untagged" in sys.argv
    for part in PARTS:
        n, req, opt = build(part, show)
        print(f"{part}: {n} items, {req} required mentions, {opt} optional mentions")
    dup = shared_texts()
    if dup:
        raise SystemExit(f"sentences shared by dev and heldout: {dup[:5]}")
