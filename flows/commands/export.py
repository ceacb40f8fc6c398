"""``quantcheck export claimreview``: verdicts as schema.org ClaimReview JSON-LD.

    quantcheck export claimreview [--db PATH] [--out FILE]     # stdout when --out is absent

One JSON array of ClaimReview objects, one per row of the `checks` view (claims matched to reference
facts loaded with `quantcheck reference load`). Exit status 0, 2 without a warehouse, 1 write error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from flows.commands.common import DB_HELP, open_reader


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("export", help="export verdicts (schema.org ClaimReview JSON-LD)",
                              description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="export_format", required=True, metavar="FORMAT")
    cr = sub.add_parser("claimreview", help="schema.org ClaimReview JSON-LD for each verdict")
    cr.add_argument("--db", help=DB_HELP)
    cr.add_argument("--out", type=Path, help="output file (default: standard output)")
    cr.set_defaults(func=run_claimreview)


def run_claimreview(args: argparse.Namespace) -> int:
    from checks.claimreview import claim_reviews

    con = open_reader(args.db)
    if con is None:
        return 2
    try:
        reviews = claim_reviews(con)
    finally:
        con.close()
    text = json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        fd, tmp = tempfile.mkstemp(prefix=".claimreview-", suffix=".json", dir=args.out.parent or Path("."))
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, args.out)
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(reviews)} ClaimReview(s) to {args.out}", file=sys.stderr)
    return 0
