"""Which module imports which, read from the source (an AST scan, not a grep), and what breaks the layers.

The project's four packages depend one way: extractors → warehouse → checks → flows (a package may import
itself and the packages to its left, never one to its right). Every import counts, wherever it stands: at
the top, inside a function, under ``try``/``except ImportError`` or ``if TYPE_CHECKING`` — an import
hidden in a function still makes the lower package need the upper one, it only hides it. Modules must not
import each other in a circle either, even within one package: a circle means neither module can be
understood, tested or moved without the other.

Modules are named by their folder (``checks.report``); an import of the installed name
(``quantcheck.checks.report``, ``from quantcheck import checks``) is the same module.

The scan works on plain source text (``scan_sources``) so the test can prove it catches each kind of
offence on small synthetic modules, and on the real tree (``scan_tree``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

LAYERS = ("extractors", "warehouse", "checks", "flows")  # lowest first
INSTALLED = "quantcheck."  # installed as quantcheck.extractors etc.; modules are named without it


@dataclass(frozen=True, order=True)
class Upward:
    """An import that runs up the layers (a lower package importing a higher one)."""

    module: str
    line: int
    imported: str

    def __str__(self) -> str:
        return (f"{self.module} (line {self.line}) imports {self.imported}: "
                f"{self.module.split('.')[0]} may not depend on {self.imported.split('.')[0]}")


@dataclass(frozen=True)
class Scan:
    """The import graph of the scanned modules and what is wrong with it."""

    edges: dict[str, dict[str, int]]  # module -> {imported module of the project: first line}
    upward: list[Upward]
    cycles: list[list[str]]  # each a path m0 -> m1 -> ... -> m0 (first module repeated at the end)


def module_name(relative: Path) -> str:
    """``checks/report.py`` -> ``checks.report``; ``checks/__init__.py`` -> ``checks``."""
    parts = list(relative.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(target: str, modules: Iterable[str] | set[str]) -> str | None:
    """The project module an import of ``target`` loads: itself, else its longest known prefix."""
    parts = target.split(".")
    while parts:
        name = ".".join(parts)
        if name in modules:
            return name
        parts.pop()
    return None


def _imports(module: str, is_package: bool, tree: ast.AST, modules: set[str]) -> dict[str, int]:
    """Every project module ``module`` imports (anywhere in its body), with the first line it does so."""
    found: dict[str, int] = {}

    def add(target: str, line: int) -> None:
        resolved = _resolve(target.removeprefix(INSTALLED), modules)
        if resolved is not None and resolved != module:
            found.setdefault(resolved, line)

    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            for alias in node.names:  # ``from checks import refresh`` and ``from flows.commands import x``
                submodule = f"{origin}.{alias.name}".removeprefix(INSTALLED)
                add(submodule if submodule in modules else origin, node.lineno)
        elif _imported_by_name(node) is not None:  # importlib.import_module("checks") is an import too
            add(_imported_by_name(node), node.lineno)
    return found


def _imported_by_name(node: ast.AST) -> str | None:
    """The module named by a call ``import_module("x.y")`` / ``importlib.import_module("x.y")``."""
    if not isinstance(node, ast.Call) or not node.args:
        return None
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    first = node.args[0]
    if name == "import_module" and isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return None


def _layer(module: str) -> int | None:
    top = module.split(".")[0]
    return LAYERS.index(top) if top in LAYERS else None


def _cycles(edges: Mapping[str, Mapping[str, int]]) -> list[list[str]]:
    """One concrete circle per strongly connected group of modules (Tarjan), deterministic order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0

    def visit(root: str) -> None:  # iterative, so a deep import chain cannot exhaust the recursion limit
        nonlocal counter
        work = [(root, iter(sorted(edges.get(root, {}))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, {})))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return [_circle_in(group, edges) for group in sorted(groups)]


def _circle_in(group: list[str], edges: Mapping[str, Mapping[str, int]]) -> list[str]:
    """A shortest circle through the group's first module, found breadth-first inside the group."""
    members = set(group)
    start = group[0]
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for child in sorted(edges.get(node, {})):
                if child not in members:
                    continue
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [*reversed(path), start]
                if child not in previous:
                    previous[child] = node
                    following.append(child)
        frontier = following
    raise AssertionError(f"no circle through {start} in its own group {group}")  # pragma: no cover


def scan_sources(sources: Mapping[str, str]) -> Scan:
    """Scan modules given as {relative path such as ``checks/report.py``: source text}."""
    names = {module_name(Path(p)): p for p in sources}
    modules = set(names)
    edges: dict[str, dict[str, int]] = {}
    upward: list[Upward] = []
    for module, path in sorted(names.items()):
        tree = ast.parse(sources[path], filename=path)
        imported = _imports(module, Path(path).name == "__init__.py", tree, modules)
        edges[module] = imported
        own = _layer(module)
        for target, line in imported.items():
            theirs = _layer(target)
            if own is not None and theirs is not None and theirs > own:
                upward.append(Upward(module, line, target))
    return Scan(edges, sorted(upward), _cycles(edges))


def scan_tree(root: Path, packages: Iterable[str] = LAYERS) -> Scan:
    """Scan every ``.py`` file of ``packages`` under ``root`` (the repository)."""
    sources: dict[str, str] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            sources[path.relative_to(root).as_posix()] = path.read_text(encoding="utf-8")
    return scan_sources(sources)
