"""``quantcheck report --out report.html``: a static page a fact-checker opens from disk.

One section per fact stated by several sources, an SVG plot of each source's interval on one axis,
conflicts highlighted, links to the articles and the quoted sentences (checks/report.py).
Exit status 0 written, 2 no warehouse, 1 the output cannot be written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from flows.commands.common import DB_HELP, open_reader


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("report", help="write a static HTML report of facts and conflicts",
                              description=__doc__.split("\n\n")[0])
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--out", type=Path, default=Path("report.html"), help="output file (default report.html)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from checks.report import build_report

    con = open_reader(args.db)
    if con is None:
        return 2
    try:
        page = build_report(con)
    finally:
        con.close()
    out: Path = args.out
    try:
        # write beside the target, then rename: a reader never sees half a page
        fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=".html", dir=out.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(page)
        os.replace(tmp, out)
    except OSError as exc:
        print(f"error: cannot write {out}: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({page.count('<section')} fact section(s))")
    return 0
