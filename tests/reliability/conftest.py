"""Fixtures of the reliability campaign (``make reliability``): a shared Prefect server, a corpus maker.

Every test in this folder is marked ``reliability`` (so ``make test``, which deselects that marker,
never runs them) and records its cases with ``case_log`` for the generated table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reliability.processes import prefect_server, run_env
from reliability.recorder import case_log


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.reliability)


@pytest.fixture(scope="session")
def prefect_api() -> str | None:
    with prefect_server() as url:
        yield url


@pytest.fixture
def env(prefect_api):
    """Environment for a child ``quantcheck`` process pointed at the shared Prefect server."""
    return run_env(prefect_api)


@pytest.fixture
def cases(request: pytest.FixtureRequest):
    return case_log(request)


ARTICLE = (
    "{city}: selon la préfecture, {n} manifestants ont défilé samedi ; les organisateurs en "
    "comptaient "
    "{m}. Le cortège s'étirait sur {km} km et {p} policiers étaient mobilisés.\n"
)


def write_corpus(folder: Path, start: int, count: int) -> list[str]:
    """``count`` distinct small articles (numbered from ``start``) as .txt files; returns their texts."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    for i in range(start, start + count):
        text = ARTICLE.format(city=f"Ville-{i}", n=1000 + i, m=2000 + 3 * i, km=i % 17 + 2, p=100 + i % 90)
        (folder / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts
