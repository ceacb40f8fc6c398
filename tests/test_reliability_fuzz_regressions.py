"""Every input the fuzzers ever crashed on, replayed against the fuzz targets' own properties.

``make fuzz`` runs the atheris targets in tests/fuzz/; a crash input they write is copied into
``tests/fuzz/regressions/<target>/`` and from then on replayed here, in ``make test``, without atheris.
The seed corpora are replayed too (they must always pass). A crash whose fix is pending is listed in
PENDING with the bug it shows, as a strict xfail, so the fix has to flip it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from reliability.recorder import case_log

FUZZ = Path(__file__).resolve().parent / "fuzz"
TARGETS = {"extract": "fuzz_extract.py", "normalise": "fuzz_normalise.py"}

PENDING: dict[str, str] = {}  # "target/name": "bug: ..." for a crash input not fixed yet


def _load(target: str):
    spec = importlib.util.spec_from_file_location(f"fuzz_{target}", FUZZ / TARGETS[target])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _inputs(kind: str) -> list:
    params = []
    for target in TARGETS:
        for path in sorted((FUZZ / kind / target).glob("*")):
            if not path.is_file():
                continue
            key = f"{target}/{path.name}"
            marks = [pytest.mark.xfail(strict=True, reason=PENDING[key])] if key in PENDING else []
            params.append(pytest.param(target, path, id=key, marks=marks))
    return params


@pytest.mark.parametrize(("target", "path"), _inputs("regressions"))
def test_fuzz_crash_stays_fixed(target: str, path: Path, request: pytest.FixtureRequest) -> None:
    case_log(request).record("Fuzzer crash inputs (atheris), replayed", f"{target}: {path.name}").observed(
        "property holds", ""
    )
    _load(target).check(path.read_bytes())


@pytest.mark.parametrize(("target", "path"), _inputs("corpus"))
def test_fuzz_seed_corpus(target: str, path: Path) -> None:
    _load(target).check(path.read_bytes())


def test_pending_entries_exist() -> None:
    missing = [k for k in PENDING if not (FUZZ / "regressions" / k).is_file()]
    assert not missing, f"PENDING names inputs that are not in tests/fuzz/regressions: {missing}"
