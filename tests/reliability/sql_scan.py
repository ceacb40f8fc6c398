"""Find SQL built by string formatting in the project's Python code (an AST scan, not a grep).

A query built with an f-string, ``%``, ``+`` or ``.format`` from a value a user controls is an injection
path, whatever the rest of the code does. The scan flags every such construction whose literal parts
look like SQL; each flagged expression must either be rewritten with parameters or be listed, with the
reason it is safe, in the reviewed allow-list (``ALLOWED``) — identifiers that are constants of the
project (a table name from the migration list, a view file's stem), never text from a user.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

SQL_STATEMENT = re.compile(
    r"\bselect\b[\s\S]*\bfrom\b|\binsert\s+(or\s+\w+\s+)?into\b|\bdelete\s+from\b|\bupdate\s+\S+\s+set\b"
    r"|\b(create|drop|alter)\s+(or\s+replace\s+)?(temp\w*\s+)?(table|view|schema|macro|index|sequence|type)\b"
    r"|\battach\s+(database\s+)?'|\bdetach\s+\w|\bcopy\s+[\s\S]*\b(to|from)\s+'|\bpragma\s+\w"
    r"|\b(export|import)\s+database\b|^\s*(force\s+)?(install|load)\b|\bcomment\s+on\b"
    r"|\bwhere\s+\S+\s*(=|<|>|\bin\b|\blike\b|\bis\b)|\bfrom\s+(read_\w+|main\.|\w+\s+where\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    path: str  # relative to the scanned root
    line: int
    kind: str  # f-string | %-format | concatenation | .format
    interpolated: tuple[str, ...]  # source of each interpolated expression

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: SQL built by {self.kind} from {', '.join(self.interpolated)}"


def _literal_parts(node: ast.AST) -> list[str]:
    """The string constants inside a formatting expression (what tells us it is SQL)."""
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _dynamic_parts(node: ast.AST, source: str) -> tuple[str, ...]:
    out: list[str] = []
    if isinstance(node, ast.JoinedStr):
        for v in node.values:
            if isinstance(v, ast.FormattedValue):
                out.append(ast.get_source_segment(source, v.value) or "?")
    elif isinstance(node, ast.BinOp):
        for side in (node.left, node.right):
            if isinstance(side, ast.Constant):
                continue
            if isinstance(side, ast.BinOp | ast.JoinedStr):
                out.extend(_dynamic_parts(side, source))
            else:
                out.append(ast.get_source_segment(source, side) or "?")
    elif isinstance(node, ast.Call):
        for a in [*node.args, *(k.value for k in node.keywords)]:
            out.append(ast.get_source_segment(source, a) or "?")
    return tuple(out)


def scan_source(source: str, path: str) -> list[Finding]:
    """Every SQL-looking string built by formatting in ``source``."""
    tree = ast.parse(source, filename=path)
    findings: list[Finding] = []
    inner: set[int] = set()  # nested parts of a concatenation already reported with their parent
    for node in ast.walk(tree):
        if id(node) in inner:
            continue
        kind = None
        if isinstance(node, ast.JoinedStr) and any(isinstance(v, ast.FormattedValue) for v in node.values):
            kind = "f-string"
        elif (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Mod)
            and isinstance(node.left, ast.Constant)
        ):
            kind = "%-format"
        elif (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Add)
            and _literal_parts(node)
            and not (isinstance(node.left, ast.Constant) and isinstance(node.right, ast.Constant))
        ):
            kind = "concatenation"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
            and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)
        ):
            kind = ".format"
        if kind is None:
            continue
        literal = " ".join(_literal_parts(node.func.value if kind == ".format" else node))  # type: ignore[union-attr]
        if not SQL_STATEMENT.search(literal):
            continue
        dynamic = _dynamic_parts(node, source)
        if not dynamic:
            continue
        for sub in ast.walk(node):
            if sub is not node:
                inner.add(id(sub))
        findings.append(Finding(path, node.lineno, kind, dynamic))
    return findings


def scan_tree(root: Path, packages: tuple[str, ...]) -> list[Finding]:
    findings: list[Finding] = []
    for package in packages:
        for file in sorted((root / package).rglob("*.py")):
            rel = file.relative_to(root).as_posix()
            findings.extend(scan_source(file.read_text(encoding="utf-8"), rel))
    return findings
