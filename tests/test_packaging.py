"""One installed name: the wheel puts the four folders under ``quantcheck`` (``import quantcheck.checks``)
and nothing generic (``checks``, ``flows``...) at the top of site-packages, where it would collide with
other projects' modules; and the code itself only uses those names."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from architecture.import_scan import LAYERS

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = LAYERS  # the four folders, each installed as quantcheck.<folder>


def _package_folders() -> set[str]:
    return {
        "quantcheck." + ".".join(p.parent.relative_to(ROOT).parts)
        for top in FOLDERS
        for p in (ROOT / top).rglob("__init__.py")
    }


def test_every_package_folder_is_listed_under_its_quantcheck_name() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert set(setuptools["packages"]) == _package_folders()
    assert setuptools["package-dir"] == {f"quantcheck.{top}": top for top in FOLDERS}


def test_no_module_imports_a_folder_by_its_bare_name() -> None:
    """``import checks`` would still work from a checkout (the folder is on sys.path) but load a second copy
    of the module next to ``quantcheck.checks``, and fail once installed from the wheel."""
    bare = []
    for path in sorted(p for top in (*FOLDERS, "tests") for p in (ROOT / top).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            bare += [f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)} {n}"
                     for n in names if n.split(".")[0] in FOLDERS]
    assert not bare, bare


def test_the_wheel_installs_only_quantcheck(tmp_path: Path) -> None:
    # built from a copy: an in-tree build would leave build/ and *.egg-info in the checkout
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, source / name)
    for top in FOLDERS:
        shutil.copytree(ROOT / top, source / top, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(tmp_path),
         str(source)],
        check=True, capture_output=True, timeout=300,
    )
    (wheel,) = tmp_path.glob("quantcheck-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        entry_points = next(zf.read(n).decode() for n in names if n.endswith("entry_points.txt"))
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"quantcheck"}
    for folder in FOLDERS:
        assert f"quantcheck/{folder}/__init__.py" in names
    assert "quantcheck/warehouse/migrations/0040_fact_identity.sql" in names  # data files travel too
    assert "quantcheck = quantcheck.flows.cli:main" in entry_points
