"""Build the held-out gold JSONL files from the annotated sources in src/LANG.txt.

Why a markup source: offsets typed by hand drift; here every mention is written inline as
``[[surface|value;unit;qualifier;counted]]`` and the offsets are computed, then checked
(text[start:end] == surface) and every unit is checked to be readable by the scorer's pint registry.

Markup (one paragraph per line, lines starting with # are comments):
  value      a number (1.9e9), or LOW..HIGH for a range; a leading ? marks the mention optional
  unit       pint expression or ISO-4217 code; alternatives separated by ","; empty for a count
  qualifier  e exact, a approx, l at_least, m at_most, r range (default e, r for ranges)
  counted    the counted noun as written, or empty
Run: .venv/bin/python tests/specs/heldout/build_gold.py   (writes tests/specs/heldout/LANG.jsonl)
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "shared" / "eval"))
import quantscore  # noqa: E402  (the scorer's own unit registry decides what a valid unit is)

MARK = re.compile(r"\[\[([^|\]]+)\|([^\]]*)\]\]")
QUAL = {"e": "exact", "a": "approx", "l": "at_least", "m": "at_most", "r": "range"}
SPACES = {"{nb}": "\u00a0", "{nnb}": "\u202f"}


def parse_spec(spec: str) -> dict:
    parts = (spec.split(";") + ["", "", "", ""])[:4]
    raw, unit, qual, counted = (p.strip() for p in parts)
    optional = raw.startswith("?")
    raw = raw.lstrip("?")
    units = [u.strip() for u in unit.split(",")] if "," in unit else unit
    if ".." in raw:
        lo, hi = (float(x) for x in raw.split(".."))
        value, low, high, qualifier = None, lo, hi, "range"
    else:
        value, low, high = float(raw), None, None
        qualifier = QUAL[qual or "e"]
        if qualifier == "at_least":
            low = value
        elif qualifier == "at_most":
            high = value
    return {"value": value, "low": low, "high": high, "unit": units, "qualifier": qualifier,
            "counted": counted or None, "optional": optional}


def parse_line(line: str) -> tuple[str, list[dict]]:
    for token, char in SPACES.items():
        line = line.replace(token, char)
    text, quantities, pos = [], [], 0
    out_len = 0
    for m in MARK.finditer(line):
        text.append(line[pos:m.start()])
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
        raise SystemExit(f"{where}: unbalanced markup")
    for q in quantities:
        assert text[q["start"]:q["end"]] == q["surface"], where
        units = q["unit"] if isinstance(q["unit"], list) else [q["unit"]]
        for u in units:
            probe = q["value"] if q["value"] is not None else q["low"]
            if quantscore.to_base(probe, u) is None:
                raise SystemExit(f"{where}: unit {u!r} unreadable by the scorer")


def build(lang: str) -> int:
    src = HERE / "src" / f"{lang}.txt"
    docs = []
    for lineno, line in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        text, quantities = parse_line(line.rstrip("\n"))
        check(text, quantities, f"{src.name}:{lineno}")
        docs.append({"id": f"heldout-{lang}-{len(docs) + 1:02d}", "lang": lang, "text": text,
                     "quantities": quantities})
    with open(HERE / f"{lang}.jsonl", "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return len(docs)


if __name__ == "__main__":
    for lang in sys.argv[1:] or ["fr", "en", "es", "de"]:
        n = build(lang)
        print(f"{lang}: {n} documents")
