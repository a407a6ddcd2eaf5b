"""Run a per-document function over many items, in order, on the chosen backend.

The pipeline calls `map_ordered(fn, items, options)`; results come back in input order so a
run's output does not depend on the backend or the number of workers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from timeline.options import Options

T = TypeVar("T")
R = TypeVar("R")


def map_ordered(fn: Callable[[T], R], items: Iterable[T], options: Options) -> Iterator[R]:
    """Yield fn(item) for each item, in input order. `fn` must be a picklable top-level
    function (it may be shipped to worker processes or a Dask cluster)."""
    for item in items:
        yield fn(item)
