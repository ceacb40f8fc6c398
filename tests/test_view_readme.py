"""The README as a new user reads it: the fact-checker's walk-through runs exactly as written and prints
what the README shows; every table and view of the warehouse is listed in docs/warehouse.md (the README's
link for them; tests/test_docs_contracts.py checks their columns) and in `quantcheck sql --help`; the
README and docs/reliability.md state one time for `make test`; every docs/ page the README links exists."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from quantcheck.warehouse.create_views import apply_views
from quantcheck.warehouse.migrate import apply_migrations

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
WAREHOUSE_DOC = (ROOT / "docs" / "warehouse.md").read_text(encoding="utf-8")
RELIABILITY_DOC = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
SETUP_LINES = ("make demo", ". .venv/bin/activate")   # done once per clone; the tests run inside the venv


def walkthrough_steps() -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for every command of the walk-through, in order."""
    block = README.split("<!-- walkthrough:start -->")[1].split("<!-- walkthrough:end -->")[0]
    steps: list[tuple[str, list[str]]] = []
    for fence in re.findall(r"```(?:sh|console)\n(.*?)```", block, re.S):
        for line in fence.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif line.startswith("quantcheck ") or line.startswith(SETUP_LINES):
                steps.append((line.split("  #")[0].strip(), []))
            elif steps and line.strip():
                steps[-1][1].append(line)
    return steps


def _normalise(text: str, cwd: Path) -> list[str]:
    text = text.replace(str(cwd), "/home/you/quantcheck")
    text = re.sub(r"completed in \d+(\.\d+)? s", "completed in N s", text)
    return [line.rstrip() for line in text.splitlines()]


def test_the_walkthrough_has_the_four_steps_and_the_screenshot_exists() -> None:
    commands = [c for c, _ in walkthrough_steps()]
    assert commands[:2] == list(SETUP_LINES)
    verbs = [c.split()[1] for c in commands[2:]]
    assert verbs[:3] == ["run", "conflicts", "report"] and "reference" in verbs and "export" in verbs
    shot = re.search(r"!\[[^\]]*\]\((docs/[^)]+\.png)\)", README.split("<!-- walkthrough:end -->")[0])
    assert shot and (ROOT / shot.group(1)).is_file()
    assert (ROOT / shot.group(1)).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_the_walkthrough_runs_as_written(tmp_path: Path) -> None:
    """In a folder holding the repository's sample corpus (what a fresh clone has), run each command as
    the README writes it and find the README's output lines in what it prints, in order."""
    shutil.copytree(ROOT / "flows" / "sample", tmp_path / "flows" / "sample")
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    env.pop("QUANTCHECK_DB", None)
    ran = 0
    for command, expected in walkthrough_steps():
        if command in SETUP_LINES:
            continue
        args = shlex.split(command)
        assert args[0] == "quantcheck", command
        proc = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, f"{command}\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
        got = _normalise(proc.stdout + proc.stderr, tmp_path)
        want = _normalise("\n".join(expected), tmp_path)
        position = 0
        for line in want:
            assert line in got[position:], f"{command}: README line not printed:\n{line}\n--- got:\n" + \
                "\n".join(got)
            position = got.index(line, position) + 1
        ran += 1
    assert ran >= 7
    assert (tmp_path / "report.html").stat().st_size > 10_000 and (tmp_path / "reviews.json").is_file()


def _names() -> tuple[set[str], set[str]]:
    con = duckdb.connect()
    try:
        apply_migrations(con)
        apply_views(con)
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT internal")
                  .fetchall()}
        views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal")
                 .fetchall()}
    finally:
        con.close()
    return tables, views


def test_every_table_and_view_is_listed_in_the_docs_and_sql_help(capsys) -> None:
    from quantcheck.flows.cli import main

    tables, views = _names()
    assert "docs/warehouse.md" in README.split("### Tables and views")[1].split("\n### ")[0]
    listed = set(re.findall(r"^### `([a-z_]+)` \((?:table|view)\)$", WAREHOUSE_DOC, re.M))
    assert tables | views <= listed, f"missing from docs/warehouse.md: {sorted((tables | views) - listed)}"
    for view in views:
        assert re.search(rf"^### `{view}` \(view\)$", WAREHOUSE_DOC, re.M), view
        assert f"`{view}`" in README, f"the README's list of views lacks {view}"
    with pytest.raises(SystemExit):
        main(["sql", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    missing = [n for n in sorted(tables | views) if not re.search(rf"\b{n}\b", help_text)]
    assert not missing, f"missing from `quantcheck sql --help`: {missing}"


def test_one_time_for_make_test() -> None:
    row = [line for line in RELIABILITY_DOC.splitlines() if line.startswith("| `make test` |")]
    assert len(row) == 1
    in_table = re.findall(r"about (\d+) min", row[0])
    development = re.findall(r"`make test` runs everything.*?\(about (\d+) minutes", README, re.S)
    assert in_table and development and in_table == development, (in_table, development)
    assert "2–3 min" not in README


def test_every_docs_page_the_readme_links_exists() -> None:
    links = set(re.findall(r"\]\((docs/[^)#]+)\)", README))
    assert {"docs/warehouse.md", "docs/mentions.md", "docs/languages.md", "docs/reliability.md"} <= links
    assert [link for link in sorted(links) if not (ROOT / link).is_file()] == []
    for page in (ROOT / "docs").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        broken = [t for t in re.findall(r"\]\(([a-z_-]+\.md)\)", text) if not (page.parent / t).is_file()]
        assert not broken, f"{page.name} links to missing pages: {broken}"
