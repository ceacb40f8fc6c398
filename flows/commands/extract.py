"""``quantcheck extract``: quantity mentions of a text file or of JSON-lines documents.

    quantcheck extract article.txt            a readable table
    quantcheck extract --lang fr -            read stdin
    quantcheck extract --jsonl docs.jsonl     {"id", "text", "lang"?} per line -> {"id", "lang", "quantities"}

Input is read as UTF-8; undecodable bytes become U+FFFD so a mis-encoded file never stops a batch. In
``--jsonl`` mode a malformed line is reported on stderr with its line number and answered with an
``error`` field and no quantities, so output lines stay aligned with input lines.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import TextIO

from quantcheck.extractors import detect_language, extract
from quantcheck.flows.languages import UnsupportedLanguage, check_language, detected_unsupported, refusal

JSON_KEYS = ("id", "lang", "quantities")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "extract",
        help="extract quantity mentions from a text file or JSON-lines documents",
        description="Extract quantity mentions (numbers with their units, qualifiers and counted nouns).",
    )
    p.add_argument("file", nargs="?", default="-", help="text file, or - for stdin (default)")
    p.add_argument("--lang", help="language code (fr, en, es, de); detected when absent")
    p.add_argument("--jsonl", action="store_true",
                   help='read JSON lines {"id","text","lang"?}; write {"id","lang","quantities"} per line')
    p.set_defaults(func=run)


def _open_text(path: str) -> TextIO:
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace", newline="")
    return open(path, encoding="utf-8", errors="replace", newline="")


def _stdout() -> TextIO:
    return io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", errors="replace", newline="\n",
                            line_buffering=False, write_through=False)


def process_document(doc: object, default_lang: str | None) -> dict:
    """The output record of one parsed JSON document (never raises for bad content)."""
    if not isinstance(doc, dict):
        return {"id": None, "lang": None, "quantities": [], "error": "not a JSON object"}
    doc_id = doc.get("id")
    text = doc.get("text")
    if not isinstance(text, str):
        return {"id": doc_id, "lang": None, "quantities": [], "error": "missing or non-string 'text'"}
    lang = doc.get("lang") or default_lang
    if lang is not None and not isinstance(lang, str):
        return {"id": doc_id, "lang": None, "quantities": [], "error": "'lang' must be a string"}
    try:
        lang = check_language(lang) if lang else None
    except UnsupportedLanguage as exc:
        return {"id": doc_id, "lang": None, "quantities": [], "error": str(exc)}
    other = None if lang else detected_unsupported(text)
    if other is not None:
        return {"id": doc_id, "lang": other, "quantities": [],
                "error": f"text detected as {other!r}: {refusal(other)}; give \"lang\" to read it anyway"}
    lang = lang or detect_language(text)
    mentions = extract(text, lang)
    used = mentions[0].lang if mentions else _effective_lang(lang)
    return {"id": doc_id, "lang": used, "quantities": [m.to_json() for m in mentions]}


def _effective_lang(lang: str) -> str:
    from quantcheck.extractors.langdata import available_languages

    code = lang.strip().lower().replace("_", "-").split("-")[0]
    return code if code in available_languages() else "en"


def run_jsonl(src: TextIO, out: TextIO, default_lang: str | None) -> int:
    bad = 0
    for lineno, line in enumerate(src, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            bad += 1
            print(f"quantcheck extract: line {lineno}: invalid JSON ({exc.msg} at column {exc.colno})",
                  file=sys.stderr)
            rec = {"id": None, "lang": None, "quantities": [], "error": f"invalid JSON: {exc.msg}"}
        else:
            rec = process_document(doc, default_lang)
            if "error" in rec:
                bad += 1
                print(f"quantcheck extract: line {lineno}: {rec['error']}", file=sys.stderr)
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out.flush()
    if bad:
        print(f"quantcheck extract: {bad} malformed line(s) answered with an error field", file=sys.stderr)
    return 0


def format_table(mentions: list) -> str:
    """A fixed-width table of mentions, for people."""
    headers = ("surface", "value", "unit", "qualifier", "counted", "concept")
    rows = []
    for m in mentions:
        if m.value is None:
            value = f"{_num(m.low)}-{_num(m.high)}"
        else:
            value = _num(m.value)
        rows.append((m.surface.replace("\n", " "), value, m.unit or "", m.qualifier, m.counted or "",
                     m.concept or ""))
    widths = [min(40, max([len(h)] + [len(r[i]) for r in rows])) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for r in rows:
        lines.append("  ".join(c[:w].ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _num(x: float | None) -> str:
    if x is None:
        return "?"
    return f"{x:.15g}" if x != int(x) or abs(x) >= 1e15 else f"{int(x)}"


def run(args: argparse.Namespace) -> int:
    try:
        args.lang = check_language(args.lang) if args.lang else None
    except UnsupportedLanguage as exc:
        print(f"quantcheck extract: --lang: {exc}", file=sys.stderr)
        return 2
    try:
        src = _open_text(args.file)
    except OSError as exc:
        print(f"quantcheck extract: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    out = _stdout()
    try:
        with src:
            if args.jsonl:
                return run_jsonl(src, out, args.lang)
            try:
                text = src.read()
            except OSError as exc:
                print(f"quantcheck extract: cannot read {args.file}: {exc}", file=sys.stderr)
                return 2
        other = None if args.lang else detected_unsupported(text)
        if other is not None:
            print(f"quantcheck extract: text detected as {other!r}: {refusal(other)}; give --lang to read it "
                  "with one of these languages' rules anyway", file=sys.stderr)
            return 2
        lang = args.lang or detect_language(text)
        mentions = extract(text, lang)
        out.write(f"# {len(mentions)} quantities, language {mentions[0].lang if mentions else lang}\n")
        if mentions:
            out.write(format_table(mentions) + "\n")
        out.flush()
        return 0
    finally:
        try:
            out.flush()
            out.detach()
        except (ValueError, OSError):
            pass
