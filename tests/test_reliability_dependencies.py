"""Every third-party module the pipeline imports is declared in pyproject.toml (issue 14, defect 10).

With an older pip, ``pip install -e .`` left ``lxml.html.clean`` missing (trafilatura imports it; it was
split out of lxml into ``lxml_html_clean``, brought only by an extra another package asks for) and every
run failed on import. A dependency that merely happens to be installed today is such a trap, so: every
module imported by extractors/, flows/, warehouse/ and checks/, and every module a dependency needs that
its own metadata does not guarantee (RUNTIME_ONLY), must come from a distribution named in
``[project] dependencies``.
"""

from __future__ import annotations

import ast
import importlib
import importlib.metadata as md
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("extractors", "flows", "warehouse", "checks")
# module -> why it is needed although our code does not import it
RUNTIME_ONLY = {"lxml_html_clean": "trafilatura imports lxml.html.clean, which lives in lxml_html_clean"}


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9_.\-]+", requirement).group()).lower()


def declared() -> set[str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {_name(r) for r in data["project"]["dependencies"]}


def imported_modules() -> set[str]:
    found: set[str] = set()
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found |= {a.name.split(".")[0] for a in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m not in (*PACKAGES, "quantcheck")}


def test_every_imported_module_comes_from_a_declared_distribution() -> None:
    providers = md.packages_distributions()
    wanted = declared()
    missing = {}
    for module in sorted(imported_modules() | set(RUNTIME_ONLY)):
        dists = {_name(d) for d in providers.get(module, [])}
        if not dists & wanted:
            missing[module] = sorted(dists) or ["(not installed)"]
    assert not missing, f"imported but not declared in pyproject.toml dependencies: {missing}"


def test_trafilatura_s_html_cleaner_imports() -> None:
    importlib.import_module("lxml.html.clean")
