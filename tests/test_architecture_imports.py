"""Dependencies run one way — extractors → warehouse → checks → flows — and no modules import each other
in a circle (issue 13). The scan (tests/architecture/import_scan.py) reads every module of the four
packages, imports inside functions and ``try`` blocks included.

The scanner is first shown to fail on small synthetic modules shaped like each offence the tree had when
the rule was written (warehouse importing checks to refresh derived tables, checks importing the CLI's
``fetch_conflicts``, the two circles), so the test on the real tree cannot pass by scanning nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from architecture.import_scan import LAYERS, Upward, scan_sources, scan_tree

ROOT = Path(__file__).resolve().parents[1]


def test_the_tree_imports_only_downward() -> None:
    scan = scan_tree(ROOT)
    assert scan.upward == [], "imports that run up the layers " + " → ".join(LAYERS) + ":\n" + "\n".join(
        str(u) for u in scan.upward)


def test_the_tree_has_no_import_cycle() -> None:
    scan = scan_tree(ROOT)
    assert scan.cycles == [], "modules importing each other in a circle:\n" + "\n".join(
        " -> ".join(c) for c in scan.cycles)


def test_the_tree_scan_reads_every_module() -> None:
    """The real scan sees every .py file of the four packages and the imports between them."""
    scan = scan_tree(ROOT)
    files = {p.relative_to(ROOT).with_suffix("").as_posix().removesuffix("/__init__").replace("/", ".")
             for package in LAYERS for p in (ROOT / package).rglob("*.py")}
    assert set(scan.edges) == files
    assert "extractors.model" in scan.edges["warehouse.records"]
    assert any(target.startswith("warehouse") for target in scan.edges["flows.pipeline"])


# --- the scanner on synthetic modules shaped like the offences it must catch --------------------------

HOOK_IN_TRY = """
def _run_checks_hook(con):
    try:
        import checks
    except ImportError:
        return
    checks.refresh(con)
"""


def test_an_import_of_checks_hidden_in_a_function_and_try_is_upward() -> None:
    scan = scan_sources({"warehouse/__init__.py": "", "warehouse/db.py": HOOK_IN_TRY,
                         "warehouse/ducklake.py": "class LakeWriter:\n    def refresh_checks(self):\n"
                                                  "        import checks\n",
                         "checks/__init__.py": "def refresh(con): ...\n"})
    assert scan.upward == [Upward("warehouse.db", 4, "checks"), Upward("warehouse.ducklake", 3, "checks")]


@pytest.mark.parametrize("statement", [
    "from flows.commands.conflicts import fetch_conflicts",
    "import flows.commands.conflicts",
    "from flows.commands import conflicts",
    "import importlib\nimportlib.import_module('flows.commands.conflicts')",
    # the installed names are the same modules
    "from quantcheck.flows.commands.conflicts import fetch_conflicts",
    "from quantcheck.flows.commands import conflicts",
    "import quantcheck.flows.commands.conflicts",
    "import importlib\nimportlib.import_module('quantcheck.flows.commands.conflicts')",
])
def test_checks_reaching_into_the_cli_is_upward(statement: str) -> None:
    body = "def build_report(con):\n" + "".join(f"    {line}\n" for line in statement.splitlines())
    scan = scan_sources({"checks/__init__.py": "", "checks/report.py": body, "checks/claimreview.py": body,
                         "flows/__init__.py": "", "flows/commands/__init__.py": "",
                         "flows/commands/conflicts.py": "def fetch_conflicts(con): ...\n"})
    assert [(u.module, u.imported) for u in scan.upward] == [
        ("checks.claimreview", "flows.commands.conflicts"), ("checks.report", "flows.commands.conflicts")]


def test_a_circle_inside_one_package_is_found_even_through_a_function_import() -> None:
    scan = scan_sources({
        "extractors/__init__.py": "",
        "extractors/langdata.py": "def _build(code):\n    from extractors.currency_country import "
                                  "compile_countries\n",
        "extractors/currency_country.py": "from extractors.langdata import load\n",
    })
    assert scan.upward == []
    circle = ["extractors.currency_country", "extractors.langdata", "extractors.currency_country"]
    assert scan.cycles == [circle]


def test_two_backend_choosers_calling_each_other_are_a_circle() -> None:
    scan = scan_sources({
        "warehouse/__init__.py": "",
        "warehouse/db.py": "def open_writer(db):\n    from warehouse import ducklake\n",
        "warehouse/ducklake.py": "def open_any_writer(db):\n    from warehouse.db import open_writer\n",
    })
    assert scan.cycles == [["warehouse.db", "warehouse.ducklake", "warehouse.db"]]


def test_a_longer_circle_is_reported_as_a_path_and_relative_imports_count() -> None:
    scan = scan_sources({
        "checks/__init__.py": "",
        "checks/a.py": "from . import b\n",
        "checks/b.py": "from .c import x\n",
        "checks/c.py": "try:\n    from checks.a import y\nexcept ImportError:\n    y = None\n",
        "checks/d.py": "from checks import a\n",  # leads into the circle but is not part of it
    })
    assert scan.cycles == [["checks.a", "checks.b", "checks.c", "checks.a"]]


def test_downward_and_outside_imports_are_allowed() -> None:
    scan = scan_sources({
        "extractors/__init__.py": "import regex\n",
        "warehouse/__init__.py": "from extractors.model import Mention\n",
        "checks/__init__.py": "import warehouse\nimport duckdb\n",
        "flows/__init__.py": "from checks import refresh\nfrom warehouse.db import open_writer\n",
        "extractors/model.py": "", "warehouse/db.py": "",
    })
    assert scan.upward == [] and scan.cycles == []
    assert scan.edges["flows"] == {"checks": 1, "warehouse.db": 2}
