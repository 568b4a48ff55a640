"""The same conversion on a Dask cluster (the optional ``dask`` extra).

The conversion is a pure map over partitions of units: :func:`convert_partition` takes a list
of units and returns their results, one each, in order.  The client reads the inputs (as the
local run does), ships partitions to the cluster a few at a time (bounded memory), and puts the
results back in input order, so records, error lines, resume and the report are exactly those
of a local run.  Workers need wikiparse installed; they never touch the input files.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import MissingExtraError
from ..options import ParseOptions
from ..units import Unit
from .options import BatchOptions
from .results import Failed, Result
from .run import Executor
from .worker import convert_unit

PARTITION_UNITS = 64
PARTITION_BYTES = 4 * 1024 * 1024


def convert_partition(units: list[Unit], options: ParseOptions) -> list[Result]:
    """The map function: one result per unit, in order (pure: no I/O, no shared state).

    Runs in a Dask worker thread, where the per-page timer signal is not available: pages
    are bounded by the size and structure limits, not by time.
    """
    return [convert_unit(unit, options) for unit in units]


def connect(address: str) -> Any:
    """A ``distributed.Client`` for the scheduler at ``address``; names the extra if missing."""
    distributed = _distributed()
    return distributed.Client(address)


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise MissingExtraError("running on a Dask cluster", "dask", "distributed") from exc
    return distributed


def _partitions(units: Iterator[tuple[int, Unit]]) -> Iterator[list[tuple[int, Unit]]]:
    part: list[tuple[int, Unit]] = []
    size = 0
    for item in units:
        part.append(item)
        size += len(item[1].data)
        if len(part) >= PARTITION_UNITS or size >= PARTITION_BYTES:
            yield part
            part, size = [], 0
    if part:
        yield part


def dask_executor(client: Any, options: BatchOptions) -> Executor:
    """An executor that maps :func:`convert_partition` over partitions on ``client``'s cluster."""
    distributed = _distributed()

    def run(units: Iterator[tuple[int, Unit]]) -> Iterator[tuple[int, Result]]:
        workers = len(client.scheduler_info().get("workers", {})) or 1
        parts = _partitions(units)
        pending: dict[Any, list[tuple[int, Unit]]] = {}
        finished = distributed.as_completed()

        def submit() -> None:
            part = next(parts, None)
            if part is not None:
                [data] = client.scatter([[unit for _, unit in part]], hash=False)
                future = client.submit(convert_partition, data, options.parse, pure=False)
                pending[future] = part
                finished.add(future)

        for _ in range(2 * workers + 1):  # a few partitions per worker in flight, no more
            submit()
        for future in finished:
            part = pending.pop(future)
            yield from zip((seq for seq, _ in part), _results(future, part), strict=True)
            submit()

    return run


def _results(future: Any, part: list[tuple[int, Unit]]) -> list[Result]:
    """The partition's results; a lost partition (worker killed, task error) fails page by page."""
    try:
        results: list[Result] = future.result()
    except Exception as exc:
        message = f"the Dask task converting this page failed: {exc or type(exc).__name__}"
        return [Failed(source=unit.source, type=type(exc).__name__, message=message) for _, unit in part]
    return results
