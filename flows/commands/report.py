"""``quantcheck report --out report.html``: a static page a fact-checker opens from disk.

A summary, filters and a contents list, then one section per fact stated by several articles (facts
with conflicts first): a plot of each claim's interval on one axis in the unit the articles used,
conflicts highlighted, links to the articles and the quoted sentences (checks/report.py). The file gets
the permissions of any new file (the umask applies). Exit status 0 written, 2 no warehouse, 1 the output
cannot be written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from quantcheck.flows.commands.common import DB_HELP, read_with, write_or_complain


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("report", help="write a static HTML report of facts and conflicts",
                              description=__doc__.split("\n\n")[0])
    p.add_argument("--db", help=DB_HELP)
    p.add_argument("--out", type=Path, default=Path("report.html"), help="output file (default report.html)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quantcheck.checks.present import plural
    from quantcheck.checks.report import build_report

    page = read_with(args.db, build_report)
    if page is None:
        return 2
    out: Path = args.out
    if not write_or_complain(out, page, ".report-"):
        return 1
    facts = page.count('<section class="fact')
    disputed = page.count('<section class="fact has-conflict"')
    print(f"wrote {out}: {plural(facts, 'fact')} compared, {disputed} with conflicting figures; "
          f"open {out.resolve().as_uri()} in a browser")
    return 0
