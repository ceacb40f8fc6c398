"""prefect-dask's DaskTaskRunner, made safe for ``quote()``-d task parameters.

Why: the flow wraps each batch in ``prefect.utilities.annotations.quote`` so that Prefect does not walk
(and copy) every document and mention looking for futures. ``quote`` is a named tuple, and Dask turns
tuple subclasses in a task's arguments into plain tuples while packing them (on both sides), so on a Dask
worker the task received ``((batch,),)`` instead of the batch (prefect-dask 0.3.7). Here each quoted
parameter travels in an opaque carrier that neither Prefect nor Dask traverses in the flow process, and
that unpickles, on the worker, into the plain value: the flow process (the serial part of a run) still
never walks a batch; the worker's task engine may, in parallel with the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from prefect.utilities.annotations import quote
from prefect_dask import DaskTaskRunner


def _plain(value: Any) -> Any:
    return value


class _QuotedForDask:
    """Carries a quoted value through Dask; becomes the plain value again when unpickled."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __reduce__(self) -> tuple[Any, tuple[Any]]:
        return (_plain, (self.value,))


class QuoteSafeDaskTaskRunner(DaskTaskRunner):
    """DaskTaskRunner whose tasks receive ``quote()``-d parameters unchanged."""

    def submit(self, task: Any, parameters: dict[str, Any], wait_for: Iterable[Any] | None = None,
               dependencies: dict[str, Any] | None = None) -> Any:
        carried = {
            name: _QuotedForDask(value.unquote()) if isinstance(value, quote) else value
            for name, value in parameters.items()
        }
        return super().submit(task, carried, wait_for=wait_for, dependencies=dependencies)
