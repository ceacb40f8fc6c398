"""``quantcheck conflicts``: the pairs of sources that disagree about the same fact, readably.

    quantcheck conflicts [--db PATH] [--format text|csv|json] [--limit N]

Reads the published warehouse read-only (the `conflicts` view). Exit status 0 (with or without
conflicts), 2 when the warehouse does not exist.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from datetime import date

from quantcheck.checks.conflicts import fetch_conflicts
from quantcheck.flows.commands.common import DB_HELP, read_with

FORMATS = ("text", "csv", "json")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("conflicts", help="list the claims on which sources disagree",
                              description="List pairs of claims from different sources about the same fact "
                              "whose intervals (qualifiers and rounding applied) do not overlap.")
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="show at most N conflicts (0 = all)")
    p.set_defaults(func=run)


def _json_value(v):
    if isinstance(v, float) and (math.isinf(v) or math.isnan(v)):
        return None if math.isnan(v) else ("inf" if v > 0 else "-inf")
    if isinstance(v, date):
        return v.isoformat()
    return v


def format_text(rows: list[dict], total: int | None = None) -> str:
    """A numbered list a person reads: the fact's name, both claims in the fact's display unit with their
    outlet, date, sentence and link, and why they are the same fact."""
    from quantcheck.checks.display_units import DisplayUnit
    from quantcheck.checks.labels import day_span
    from quantcheck.checks.present import fmt_interval, plural, same_name

    if not rows:
        return "No conflicts: no two sources state disjoint figures for the same fact.\n"
    total = len(rows) if total is None else total
    shown = f" (the first {len(rows)} shown)" if total > len(rows) else ""
    out = [f"{plural(total, 'conflict')}{shown}\n"]
    for i, r in enumerate(rows, 1):
        unit = DisplayUnit(r["si_unit"] or "", r["display_unit"] or "", r["display_factor"] or 1.0,
                           r["display_offset"] or 0.0)
        out.append(f"{i}. {r['fact_label']}  —  differ by {r['relative_difference']:.0%}")
        for side in ("a", "b"):
            when = day_span(r[f"published_{side}"]) or "date unknown"
            who = r[f"publisher_{side}"] or r[f"source_{side}"]
            if r[f"publisher_{side}"] and not same_name(r[f"publisher_{side}"], r[f"source_{side}"]):
                who = f"{who} ({r[f'source_{side}']})"
            surface = f"“{r[f'surface_{side}']}”"
            out.append(f"   {who:<20} {surface:<26} "
                       f"{fmt_interval(r[f'si_low_{side}'], r[f'si_high_{side}'], unit)}  ({when})")
            sentence = " ".join((r[f"sentence_{side}"] or "").split())
            if len(sentence) > 160:
                sentence = sentence[:157] + "…"
            out.append(f"      “{sentence}”")
            if r[f"url_{side}"]:
                out.append(f"      {r[f'url_{side}']}")
        out.append(f"   why: {r['reason']}\n")
    return "\n".join(out) + "\n"


def run(args: argparse.Namespace) -> int:
    rows = read_with(args.db, fetch_conflicts)
    if rows is None:
        return 2
    total = len(rows)
    if args.limit > 0:
        rows = rows[: args.limit]
    if args.format == "json":
        json.dump([{k: _json_value(v) for k, v in r.items()} for r in rows], sys.stdout, ensure_ascii=False,
                  indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        writer = csv.writer(sys.stdout)
        names = list(rows[0]) if rows else []
        writer.writerow(names)
        for r in rows:
            writer.writerow([_json_value(r[n]) for n in names])
    else:
        sys.stdout.write(format_text(rows, total))
    return 0
