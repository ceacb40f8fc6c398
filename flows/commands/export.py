"""``quantcheck export claimreview``: reviews of claims as schema.org ClaimReview JSON-LD.

    quantcheck export claimreview [--db PATH] [--out FILE] [--date YYYY-MM-DD]   # claims vs reference facts
    quantcheck export claimreview --conflicts [--out FILE]                     # claims disputed by others

One JSON array of ClaimReview objects (checks/claimreview.py). By default one per row of the `checks`
view: claims matched to reference facts loaded with `quantcheck reference load`, so there are none until
reference facts are loaded (a hint on stderr says so). With --conflicts, one per claim involved in a
conflict between outlets, citing the contradicting articles. datePublished is the review's date: today
unless --date gives another. The file gets the permissions of any new file (the umask applies).
Exit status 0, 2 without a warehouse, 1 write error.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from quantcheck.flows.commands.common import DB_HELP, read_with, write_or_complain

EMPTY_HINT = {
    False: "no ClaimReview to export: reviews are made for claims matched to reference facts, and the "
           "warehouse has none matched. Load official figures with `quantcheck reference load facts.csv` "
           "(README: \"Where sources disagree\"), or export the conflicts between outlets with "
           "`quantcheck export claimreview --conflicts`.",
    True: "no ClaimReview to export: no two outlets state conflicting figures for the same fact "
          "(`quantcheck conflicts` lists them).",
}


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("export", help="export reviews of claims (schema.org ClaimReview JSON-LD)",
                              description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="export_format", required=True, metavar="FORMAT")
    cr = sub.add_parser(
        "claimreview", help="schema.org ClaimReview JSON-LD for each verdict (or each disputed claim)",
        description="One ClaimReview per claim checked against a reference fact (`quantcheck reference "
        "load`), or with --conflicts per claim disputed by another outlet.")
    cr.add_argument("--db", help=DB_HELP)
    cr.add_argument("--out", type=Path, help="output file (default: standard output)")
    cr.add_argument("--conflicts", action="store_true",
                    help="review the claims involved in conflicts between outlets instead (rated "
                    "'Disputed by other reports', citing the contradicting articles)")
    cr.add_argument("--date", type=_day, metavar="YYYY-MM-DD",
                    help="the reviews' datePublished (default: today)")
    cr.add_argument("--author", default="quantcheck", help="the reviewing organisation (default: quantcheck)")
    cr.set_defaults(func=run_claimreview)


def run_claimreview(args: argparse.Namespace) -> int:
    from quantcheck.checks.claimreview import claim_reviews, conflict_reviews

    build = conflict_reviews if args.conflicts else claim_reviews
    reviewed_on = args.date or date.today()
    reviews = read_with(args.db, lambda con: build(con, author=args.author, reviewed_on=reviewed_on))
    if reviews is None:
        return 2
    text = json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
    if not reviews:
        print(f"quantcheck export: {EMPTY_HINT[args.conflicts]}", file=sys.stderr)
    if args.out is None:
        sys.stdout.write(text)
        return 0
    if not write_or_complain(args.out, text, ".claimreview-"):
        return 1
    noun = "ClaimReview" if len(reviews) == 1 else "ClaimReviews"
    print(f"wrote {len(reviews)} {noun} to {args.out}", file=sys.stderr)
    return 0
