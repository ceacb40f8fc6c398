"""Records what each hostile input and fault did, and writes the reliability table (docs/reliability.md).

docs/reliability.md promises a table of every hostile input and fault tried, the cases, what happened.
Writing that table by hand would let it drift from the truth, so the tests write it: each case calls
``case_log(request).record(kind, case)`` and fills in the outcome it observed (the error the pipeline
logged, what was kept); a pytest plugin registered on first use pairs each case with the test's result
(passed, failed, known bug) and, at the end of the session, renders one row per kind.

The table is written only when ``QUANTCHECK_RELIABILITY_TABLE`` names one or more files (separated by
``os.pathsep``), as ``make reliability`` does: a whole ``.md`` file is replaced, or, when the file holds
the markers ``<!-- reliability-table:start -->`` / ``<!-- reliability-table:end -->``, only the block
between them. Everything variable (loopback ports, temporary paths, byte counts of random data) is
normalised away so that two runs of the suite give the same table.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PLUGIN_NAME = "quantcheck-reliability-recorder"
ENV_TABLE = "QUANTCHECK_RELIABILITY_TABLE"
START_MARK = "<!-- reliability-table:start -->"
END_MARK = "<!-- reliability-table:end -->"
ROOT = Path(__file__).resolve().parents[2]

# What makes two runs' messages differ without saying anything: ports, temp folders, ids, timings.
_NORMALISERS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(127\.0\.0\.1|localhost|\[::1\]):\d+"), r"\1:PORT"),
    (re.compile(r"(/tmp|/var/tmp|/dev/shm)/[^\s'\"),;]*"), "<tmp>"),
    (re.compile(re.escape(str(ROOT)) + r"[^\s'\"),;]*"), "<repo>"),
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"), "<uuid>"),
    (re.compile(r"\b\d{2}:\d{2}:\d{2}(\.\d+)?\b"), "<clock>"),  # log timestamps
    (re.compile(r"\b\d+(\.\d+)?\s?(s|ms|seconds)\b"), "<time>"),
    (re.compile(r"\s+"), " "),
]
MAX_OUTCOME_CHARS = 160


def normalise_message(text: str) -> str:
    """A message with ports, temporary paths, uuids and timings replaced, cut to one table cell."""
    for pattern, repl in _NORMALISERS:
        text = pattern.sub(repl, text)
    text = text.strip().replace("|", "\\|")
    if len(text) > MAX_OUTCOME_CHARS:
        text = text[: MAX_OUTCOME_CHARS - 1].rstrip() + "…"
    return text


@dataclass
class Case:
    """One hostile input or fault tried: what it was, what the pipeline did, whether anything was lost."""

    kind: str
    case: str
    test_id: str
    outcome: str = ""
    nothing_lost: str = ""
    result: str = "not run"  # passed | failed | known bug | skipped, filled in from the test report

    def observed(self, outcome: str, nothing_lost: str = "") -> Case:
        """Store the message the pipeline gave and what was kept (e.g. "good article stored")."""
        self.outcome = normalise_message(outcome)
        if nothing_lost:
            self.nothing_lost = normalise_message(nothing_lost)
        return self


@dataclass
class CaseLog:
    """The cases recorded by one test item."""

    test_id: str
    recorder: Recorder
    cases: list[Case] = field(default_factory=list)

    def record(self, kind: str, case: str) -> Case:
        c = Case(kind=kind, case=case, test_id=self.test_id)
        self.cases.append(c)
        self.recorder.cases.append(c)
        return c


class Recorder:
    """The pytest plugin: pairs cases with test results and writes the table at the end."""

    def __init__(self) -> None:
        self.cases: list[Case] = []
        self.logs: dict[str, CaseLog] = {}

    def log_for(self, nodeid: str) -> CaseLog:
        if nodeid not in self.logs:
            self.logs[nodeid] = CaseLog(test_id=nodeid, recorder=self)
        return self.logs[nodeid]

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):  # noqa: ANN201
        outcome = yield
        report = outcome.get_result()
        log = self.logs.get(item.nodeid)
        if log is None:
            return
        if report.when == "call" or (report.when == "setup" and not report.passed):
            if hasattr(report, "wasxfail"):
                result = "known bug" if report.skipped else "failed"  # strict xfail that passed: failed
            elif report.passed:
                result = "passed"
            elif report.skipped:
                result = "skipped"
            else:
                result = "failed"
            for case in log.cases:
                case.result = result
                if result == "known bug" and not case.outcome:
                    reason = str(getattr(report, "wasxfail", ""))
                    case.outcome = normalise_message(reason)
        elif report.when == "teardown" and report.failed:
            for case in log.cases:
                case.result = "failed"

    def pytest_terminal_summary(self, terminalreporter, exitstatus, config) -> None:  # noqa: ANN001
        if not self.cases:
            return
        targets = [p for p in os.environ.get(ENV_TABLE, "").split(os.pathsep) if p.strip()]
        written = [str(write_table(Path(p), self.cases)) for p in targets]
        counts = summarise_results(self.cases)
        terminalreporter.write_line(
            f"reliability: {len(self.cases)} hostile/fault cases recorded ({counts})"
            + (
                f"; table written to {', '.join(written)}"
                if written
                else f"; set {ENV_TABLE}=docs/reliability-table.md to write the table"
            )
        )


def recorder_for(config: pytest.Config) -> Recorder:
    """The session's recorder, registered on first use so test files need no conftest of their own."""
    plugin = config.pluginmanager.get_plugin(PLUGIN_NAME)
    if plugin is None:
        plugin = Recorder()
        config.pluginmanager.register(plugin, PLUGIN_NAME)
    return plugin


def case_log(request: pytest.FixtureRequest) -> CaseLog:
    """The case log of the running test: ``case_log(request).record(kind, case).observed(msg, kept)``."""
    return recorder_for(request.config).log_for(request.node.nodeid)


def summarise_results(cases: list[Case]) -> str:
    tally: dict[str, int] = {}
    for c in cases:
        tally[c.result] = tally.get(c.result, 0) + 1
    return ", ".join(f"{n} {r}" for r, n in sorted(tally.items()))


LEVEL_RE = re.compile(r" \((reader|alone, real process)\)$")
LEVEL_NAMES = {"reader": "reader", "alone, real process": "alone in a real run", "": "in the combined run"}


def split_level(kind: str) -> tuple[str, str]:
    """'Gzip bomb over HTTP (reader)' -> ('Gzip bomb over HTTP', 'reader'): one row per input, all levels."""
    m = LEVEL_RE.search(kind)
    return (kind[: m.start()], m.group(1)) if m else (kind, "")


def render_table(cases: list[Case]) -> str:
    """One row per kind of hostile input or fault, sorted, with the distinct outcomes observed."""
    by_kind: dict[str, list[Case]] = {}
    levels: dict[str, set[str]] = {}
    for c in cases:
        base, level = split_level(c.kind)
        by_kind.setdefault(base, []).append(c)
        levels.setdefault(base, set()).add(level)
    lines = [
        "| Hostile input or fault | Cases | Result | What the pipeline did | Nothing lost |",
        "| --- | ---: | --- | --- | --- |",
    ]
    for kind in sorted(by_kind, key=str.casefold):
        group = by_kind[kind]
        if len(levels[kind]) > 1:
            where = ", ".join(LEVEL_NAMES[lv] for lv in sorted(levels[kind]))
            kind = f"{kind} ({where})"
        outcomes = sorted({c.outcome for c in group if c.outcome})
        shown = "; ".join(outcomes[:3]) + (f" (+{len(outcomes) - 3} more)" if len(outcomes) > 3 else "")
        kept = sorted({re.sub(r"; peak RSS \d+ MB", "", c.nothing_lost) for c in group if c.nothing_lost})
        kept_cell = "; ".join(kept[:2]) if kept else "—"
        lines.append(f"| {kind} | {len(group)} | {summarise_results(group)} | {shown or '—'} | {kept_cell} |")
    return "\n".join(lines) + "\n"


def render_case_list(cases: list[Case]) -> str:
    lines = ["| Kind | Case | Result |", "| --- | --- | --- |"]
    for c in sorted(cases, key=lambda c: (c.kind, c.case, c.test_id)):
        lines.append(f"| {c.kind} | {normalise_message(c.case)} | {c.result} |")
    return "\n".join(lines) + "\n"


def write_table(path: Path, cases: list[Case]) -> Path:
    """Write the table into ``path``: between the markers if it has them, else as the whole file."""
    path = path if path.is_absolute() else ROOT / path
    table = render_table(cases)
    if path.exists() and START_MARK in (text := path.read_text(encoding="utf-8")) and END_MARK in text:
        head, rest = text.split(START_MARK, 1)
        _, tail = rest.split(END_MARK, 1)
        path.write_text(f"{head}{START_MARK}\n{table}{END_MARK}{tail}", encoding="utf-8")
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# Reliability campaign: outcomes\n\n"
        "Generated by the test suite (`make reliability`, tests/reliability/recorder.py); do not edit by "
        "hand. Each row is a kind of hostile input or fault; *Result* counts the cases by test outcome "
        "(*known bug* = a strict xfail naming the bug, which a fix must flip).\n\n"
        f"{table}\n## Every case\n\n{render_case_list(cases)}",
        encoding="utf-8",
    )
    return path
