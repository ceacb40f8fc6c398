"""``quantcheck demo``: the real pipeline on the bundled sample corpus, then what a fact-checker would see.

Runs the same Prefect flow as ``quantcheck run`` (Prefect's temporary local server, no external service)
on flows/sample/sources.toml into an embedded DuckDB file that is recreated each time, then prints the
sources, a few claims per language and the cross-source conflicts.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from importlib import resources
from pathlib import Path

DEFAULT_DEMO_DB = "demo.duckdb"
CLAIMS_PER_LANGUAGE = 4
CONFLICTS_SHOWN = 10


def sample_config() -> Path:
    return Path(str(resources.files("quantcheck.flows") / "sample" / "sources.toml"))


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "demo",
        help="run the pipeline on the bundled sample corpus and show claims and conflicts",
        description="Run the real pipeline flow on the bundled multi-language sample corpus into a fresh "
        f"DuckDB file (default ./{DEFAULT_DEMO_DB}, recreated each time), then print sources, claims per "
        "language and conflicts between sources.",
    )
    p.add_argument("--db", metavar="PATH", default=DEFAULT_DEMO_DB,
                   help=f"demo warehouse file, recreated on each run (default ./{DEFAULT_DEMO_DB})")
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    from quantcheck.flows.commands.run import execute, format_summary
    from quantcheck.flows.config import ConfigError, load_config

    config = sample_config()
    try:
        cfg = load_config(config)
    except ConfigError as exc:
        print(f"quantcheck demo: the bundled sample config is broken: {exc}", file=sys.stderr)
        return 2
    db = Path(args.db).expanduser().resolve()
    problem = refuse_foreign_warehouse(db, {s.name for s in cfg.sources})
    if problem:
        print(f"quantcheck demo: {problem}", file=sys.stderr)
        return 2
    remove_warehouse(db)
    print(f"quantcheck demo: running the pipeline on {len(cfg.sources)} sample sources into {db} "
          "(Prefect starts a temporary local server: about 10 s)...", file=sys.stderr)
    summary = execute(str(config), str(db), None)
    if summary is None:
        return 1
    print(format_summary(summary))
    print()
    print(report(db))
    return 0


def refuse_foreign_warehouse(db: Path, sample_sources: set[str]) -> str | None:
    """A reason not to delete ``db`` (it holds sources that are not the sample's), or None."""
    if not db.exists():
        return None
    from quantcheck.warehouse.db import connect_read_only

    try:
        con = connect_read_only(db)
    except Exception as exc:
        return f"{db} exists and is not a quantcheck warehouse ({type(exc).__name__}); choose another --db"
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sources").fetchall()}
    except Exception:
        names = set()
    finally:
        con.close()
    foreign = sorted(names - sample_sources)
    if foreign:
        return (f"{db} holds other sources ({', '.join(foreign[:5])}); the demo recreates its file, "
                "so give it another --db")
    return None


def remove_warehouse(db: Path) -> None:
    """Delete the demo warehouse and its companions (WAL, the .d folder with master and lock)."""
    for p in (db, db.with_name(db.name + ".wal")):
        p.unlink(missing_ok=True)
    companion = db.with_name(db.name + ".d")
    if companion.is_dir():
        shutil.rmtree(companion)


def report(db: Path) -> str:
    """Sources, some claims per language and the conflicts, as text tables."""
    from quantcheck.flows.tables import format_table, sql_file
    from quantcheck.warehouse.db import connect_read_only

    con = connect_read_only(db)
    try:
        n_sources, n_docs, n_claims = con.execute(sql_file("demo_counts")).fetchone()
        out = [f"Warehouse {db}: {n_sources} sources, {n_docs} documents, {n_claims} claims.", "", "Sources:"]
        rows = con.execute(sql_file("demo_sources")).fetchall()
        out.append(format_table(["source", "kind", "lang", "documents", "claims"], rows))
        out += ["", f"Some claims per language (up to {CLAIMS_PER_LANGUAGE} each):"]
        rows = con.execute(sql_file("demo_claims"), [CLAIMS_PER_LANGUAGE]).fetchall()
        out.append(format_table(["lang", "source", "surface", "qualifier", "value", "unit", "concept",
                                 "sentence"], rows, max_width=48))
        (has_conflicts,) = con.execute(
            "SELECT count(*) FROM duckdb_views() WHERE view_name = 'conflicts' AND NOT internal").fetchone()
        out.append("")
        if has_conflicts:
            (n_conflicts,) = con.execute("SELECT count(*) FROM conflicts").fetchone()
            out.append(f"Conflicts between sources ({n_conflicts})"
                       + (f" (largest {CONFLICTS_SHOWN} shown)" if n_conflicts > CONFLICTS_SHOWN else "")
                       + ":")
            rows = con.execute(sql_file("demo_conflicts"), [CONFLICTS_SHOWN]).fetchall()
            out.append(format_table(["fact", "outlet_a", "surface_a", "outlet_b", "surface_b", "rel_diff"],
                                    rows, max_width=44) if rows else "  (none)")
        else:
            out.append("Conflicts: the conflicts view is not in this warehouse yet.")
        out += ["", f"Query it yourself:  quantcheck sql --db {db} \"SELECT * FROM claims LIMIT 10\"",
                f"See every fact side by side:  quantcheck report --db {db} --out report.html"]
        return "\n".join(out)
    finally:
        con.close()
