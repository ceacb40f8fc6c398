"""The examples in docstrings run, in every package, so they stay true (they explain rules by example).

Part of ``make test``: every module of extractors, warehouse, checks and flows is imported and its examples
run with the doctest module (``pytest --doctest-modules`` on the packages would do the same, but would
also import the test helpers under tests/ that need optional tools, such as the fuzzers).
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

PACKAGES = ("extractors", "warehouse", "checks", "flows")


def _modules() -> list[str]:
    names = []
    for package in PACKAGES:
        names.append(package)
        path = importlib.import_module(package).__path__
        names += [info.name for info in pkgutil.walk_packages(path, prefix=f"{package}.")]
    return sorted(names)


MODULES = _modules()


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} docstring example(s) of {name} failed"


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_has_examples(package):
    """A package whose examples all vanished (or stopped being found) fails here, not silently."""
    attempted = sum(doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS).attempted
                    for name in MODULES if name == package or name.startswith(f"{package}."))
    assert attempted >= 3, f"{package}: only {attempted} docstring example(s) run"
