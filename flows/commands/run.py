"""``quantcheck run``: run the pipeline flow once over a config file and/or --source locations."""

from __future__ import annotations

import argparse
import sys

from quantcheck.flows.config import ConfigError, build_config


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "run",
        help="fetch the sources once, extract quantities and load them into the warehouse",
        description="Run the pipeline flow once. Each --source (a file, a folder, an article URL or a feed "
        "URL) becomes a source of its own, named after the file stem or the URL. Exit status 0 only when "
        "the run completed (skipped items, listed in the summary, do not fail a run).",
    )
    p.add_argument("--config", metavar="FILE", help="sources TOML file (see README: A sources file)")
    p.add_argument("--db", metavar="PATH",
                   help="warehouse file (default: $QUANTCHECK_DB, then [settings] db, "
                   "then ./quantcheck.duckdb)")
    p.add_argument("--source", metavar="LOCATION", action="append", default=[],
                   help="a file, folder, article URL or feed URL; repeatable")
    p.add_argument("--json", action="store_true", help="print the run summary as JSON instead of a paragraph")
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    try:
        cfg = build_config(args.config, args.source)
    except ConfigError as exc:
        print(f"quantcheck run: config error: {exc}", file=sys.stderr)
        return 2
    if not cfg.sources:
        print("quantcheck run: nothing to read: give --config FILE (with [[source]] entries) or "
              "--source LOCATION", file=sys.stderr)
        return 2
    summary = execute(args.config, args.db, args.source)
    if summary is None:
        return 1
    if args.json:
        import json

        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print(format_summary(summary))
    return 0


def execute(config_path: str | None, db: str | None, sources: list[str] | None) -> dict | None:
    """Run the flow; the summary dict when it completed, None (after printing why) when it did not."""
    import os

    from quantcheck.flows.lifeline import own_temporary_prefect_server
    from quantcheck.flows.pipeline import quantcheck_pipeline

    config_abs = os.path.abspath(config_path) if config_path else None
    try:
        # Prefect's temporary server, if one is needed, is bound to this process (ends even on kill -9)
        own_temporary_prefect_server()
        state = quantcheck_pipeline(config_path=config_abs, db=db, sources=list(sources or []) or None,
                                    return_state=True)
    except Exception as exc:  # the flow could not start: typically no Prefect API at PREFECT_API_URL
        api = os.environ.get("PREFECT_API_URL")
        hint = (f"is the Prefect server at PREFECT_API_URL={api} running? Unset PREFECT_API_URL to use a "
                "temporary local server." if api else "Prefect could not start its temporary local server.")
        print(f"quantcheck run: the run could not start: {type(exc).__name__}: {exc}\n{hint}\n"
              "The warehouse is unchanged.", file=sys.stderr)
        return None
    if not state.is_completed():
        try:
            state.result()
            reason = state.message or state.name
        except BaseException as exc:  # the flow's own exception, re-raised by result()
            reason = f"{type(exc).__name__}: {exc}"
        print(f"quantcheck run: the run did not complete ({state.name}): {reason}\n"
              "The warehouse is unchanged; fix the cause and run again.", file=sys.stderr)
        return None
    return state.result()


def format_summary(s: dict) -> str:
    """One paragraph a person reads after a run."""
    n_src = len(s["sources"])
    plural = "s" if n_src != 1 else ""
    parts = [
        f"Run {s['run_id']} completed in {s['seconds']:.1f} s: read {n_src} source{plural} "
        f"({', '.join(s['sources'])}), saw {s['documents_seen']} document(s)",
    ]
    already = []
    if s["documents_repeated"]:
        already.append(f"{s['documents_repeated']} repeated within the run")
    if s["documents_known"]:
        already.append(f"{s['documents_known']} already in the warehouse")
    if already:
        parts[0] += f" ({'; '.join(already)})"
    if s.get("published", True):
        parts.append(f"added {s['documents_added']} document(s) and {s['mentions_added']} mention(s) "
                     f"to {s['db']}")
    else:  # a process holds the public file read-write: the run is safe in the master, not yet visible
        parts.append(f"stored {s['documents_added']} document(s) and {s['mentions_added']} mention(s) in the "
                     f"warehouse's master copy, NOT yet in {s['db']}: another process holds that file "
                     "open read-write, so it still shows the previous run; the next run publishes them")
    skipped = s["skipped"]
    if skipped:
        shown = "; ".join(f"{k['item']} [{k['source']}]: {k['reason']}" for k in skipped[:10])
        more = f"; and {len(skipped) - 10} more (see the runs table)" if len(skipped) > 10 else ""
        parts.append(f"skipped {len(skipped)} item(s): {shown}{more}")
    else:
        parts.append("nothing was skipped")
    return ", ".join(parts[:2]) + "; " + parts[2] + "."
