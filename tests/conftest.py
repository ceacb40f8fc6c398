"""Shared test fixtures.

Prefect writes its state under PREFECT_HOME; every test session gets a fresh temporary one so runs
never touch a developer's profile, and analytics are off. Benchmarks under tests/benchmarks run only
with ``--benchmarks`` (``make bench``), never as part of ``make test``.
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path
from types import ModuleType

os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="quantcheck-prefect-"))
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["DO_NOT_TRACK"] = "1"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# A loaded CI machine can take longer than the default 20 s to start the temporary server.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--benchmarks", action="store_true", help="run tests/benchmarks (make bench)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--benchmarks"):
        return
    skip = pytest.mark.skip(reason="benchmark: run with `make bench`")
    for item in items:
        if "benchmarks" in Path(str(item.fspath)).parts:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder (specs, gold sets, peers); tests needing it skip when it is absent."""
    if not (SHARED / "eval" / "gold").is_dir():
        pytest.skip(f"../shared not found at {SHARED}: gold-driven tests need the shared eval sets")
    return SHARED


@pytest.fixture(scope="session")
def quantscore(shared_dir: Path) -> ModuleType:
    """The shared scorer, ../shared/eval/quantscore.py, loaded from its file (a script, not a package)."""
    path = shared_dir / "eval" / "quantscore.py"
    spec = importlib.util.spec_from_file_location("quantscore", path)
    assert spec and spec.loader, f"cannot load {path}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def prefect_harness():
    """A temporary Prefect server for the whole test session (Prefect's own test harness)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
