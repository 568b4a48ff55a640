"""``convert()``: inputs → one result per input page, in input order, with a running report.

The run reads inputs in the parent (streaming, one file at a time), numbers every page and every
damaged part, sends pages to an executor (worker processes, this process, or Dask) and hands
results back in number order.  Unreadable parts become error results without a worker; skipped
pages and pages already written (resume) are counted, not converted.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import IO, TextIO

import attrs

from ..records import SourceInfo
from ..sources import Item, expand, read_file
from ..units import Skipped, Unit, Unreadable
from .options import BatchOptions
from .pool import CHUNK_UNITS, Pool
from .readahead import EndOfFile, ReadAhead
from .results import BatchReport, Converted, Failed, Result
from .worker import convert_unit

Executor = Callable[[Iterator[tuple[int, Unit]]], Iterator[tuple[int, Result]]]
"""Converts numbered units; yields one numbered result per unit, in any order."""

SourceKey = tuple[object, ...]


def source_key(source: SourceInfo) -> SourceKey:
    """What identifies an input page across runs: every provenance field except the content hash
    (known only after conversion)."""
    return attrs.astuple(attrs.evolve(source, sha256=None))


@attrs.define
class _Tally:
    files: int = 0
    records: int = 0
    errors: int = 0
    skipped: int = 0
    bytes_total: int = 0
    bytes_read: int = 0


class Conversion(Iterator[Result]):
    """An iterator over results; :attr:`report` holds the accounting so far (final at the end)."""

    def __init__(
        self,
        inputs: Iterable[str | os.PathLike[str]],
        options: BatchOptions,
        *,
        done: Collection[SourceKey] = frozenset(),
        ignore: Collection[str] = (),
        stdin: TextIO | None = None,
        executor: Executor | None = None,
    ) -> None:
        self._options = options
        self._done = done
        self._tally = _Tally()
        self._started = time.monotonic()
        self._finished: float | None = None
        self._waiting: dict[int, Result] = {}
        self._next = 0
        self._numbered = 0
        files = list(expand(inputs, options.read_options(), stdin=stdin or sys.stdin, ignore=ignore))
        self._files = files
        self._tally.files = sum(isinstance(f, str) for f in files)
        self._starts: dict[str, int] = {}
        """Where each file starts in the run's input bytes (for progress inside a large file)."""
        for found in files:
            if isinstance(found, str) and found not in self._starts:
                self._starts[found] = self._tally.bytes_total
                self._tally.bytes_total += _size(found)
        self._reading: IO[bytes] | None = None
        """The file the reading thread is in."""
        self._ahead: ReadAhead[str | Item, Item] | None = None
        self._on_reading: list[Callable[[], None]] = []
        self._results = self._run(executor or local_executor(options))

    def __next__(self) -> Result:
        return next(self._results)

    @property
    def report(self) -> BatchReport:
        t = self._tally
        end = self._finished if self._finished is not None else time.monotonic()
        return BatchReport(
            files=t.files,
            inputs=t.records + t.errors,
            records=t.records,
            errors=t.errors,
            skipped=t.skipped,
            bytes=t.bytes_read,
            seconds=end - self._started,
        )

    @property
    def fraction_done(self) -> float | None:
        """An estimate of the share of the work done, for progress and ETA: the share of input
        bytes read — up to the reading thread's position in the file it is in, so that one
        large dump shows progress too — scaled down by the pages read but not finished yet."""
        t = self._tally
        if not t.bytes_total:
            return None
        ahead = self._ahead.waiting if self._ahead is not None else 0
        read_pages = self._numbered + ahead
        finished = (t.records + t.errors) / read_pages if read_pages else 0.0
        read = max(t.bytes_read, self._reading_position())
        return min(1.0, read / t.bytes_total * finished)

    def when_reading(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` as reading starts: after the worker processes are forked, so that a
        thread it starts (a progress bar's) is not copied into them."""
        self._on_reading.append(callback)

    @property
    def reading(self) -> tuple[str, float] | None:
        """The file the reading thread is in and the share of it read (for progress)."""
        file = self._reading
        if file is None:
            return None
        size = _size(file.name)
        return file.name, min(1.0, _position_in(file) / size) if size else 1.0

    def _reading_position(self) -> int:
        """Input bytes before the reading thread's position (0 before it opens a file)."""
        file = self._reading
        return 0 if file is None else self._starts.get(file.name, 0) + _position_in(file)

    def _run(self, executor: Executor) -> Iterator[Result]:
        for seq, result in executor(self._units()):
            self._waiting[seq] = result
            yield from self._release()
        yield from self._release()
        self._finished = time.monotonic()

    def _release(self) -> Iterator[Result]:
        """Results in number order (or all of them, unordered), counted as they leave."""
        if not self._options.ordered:
            ready = list(self._waiting.values())
            self._waiting.clear()
        else:
            ready = []
            while self._next in self._waiting:
                ready.append(self._waiting.pop(self._next))
                self._next += 1
        for result in ready:
            if isinstance(result, Converted):
                self._tally.records += 1
            else:
                self._tally.errors += 1
            yield result

    def _units(self) -> Iterator[tuple[int, Unit]]:
        """Numbered units for the executor; damaged parts go straight to the waiting results.

        Files are read on a thread of their own (:mod:`.readahead`); counting, numbering and
        the waiting results stay on this thread.
        """
        seq = 0
        read = self._options.read_options()

        def items_of(found: str | Item) -> Iterable[Item]:
            return read_file(found, read, opened=self._follow) if isinstance(found, str) else (found,)

        self._ahead = ReadAhead(self._files, items_of, _page_bytes)
        for callback in self._on_reading:
            callback()
        for found, item in self._ahead:
            if isinstance(item, EndOfFile):
                if isinstance(found, str):
                    self._tally.bytes_read += _size(found)
                continue
            if isinstance(item, Skipped):
                self._tally.skipped += 1
            elif self._done and source_key(item.source) in self._done:
                continue  # written by an earlier run
            elif isinstance(item, Unreadable):
                error = item.error
                self._waiting[seq] = Failed(source=item.source, type=type(error).__name__, message=str(error))
                seq += 1
            else:
                seq += 1
                self._numbered = seq
                yield seq - 1, item
            self._numbered = seq

    def _follow(self, file: IO[bytes]) -> None:
        """On the reading thread: the file it now reads."""
        self._reading = file


def _position_in(file: IO[bytes]) -> int:
    """How far the reading thread is in ``file``: the OS file position, not ``tell()`` (the
    buffered file belongs to the reading thread and may be closing; a position a read-ahead
    buffer past the pages read is close enough), or its size once it is closed."""
    try:
        return os.lseek(file.fileno(), 0, os.SEEK_CUR)
    except (OSError, ValueError):  # closed: the reading thread is through it
        return _size(file.name)


def _page_bytes(item: Item) -> int:
    """What a read item weighs in the read-ahead: a page's data."""
    return len(item.data) if isinstance(item, Unit) else 0


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def local_executor(options: BatchOptions) -> Executor:
    """Worker processes, or this process when ``options.jobs == 0``."""
    if options.jobs == 0:
        return lambda units: ((seq, convert_unit(unit, options.parse)) for seq, unit in units)
    max_ahead = None if not options.ordered else max(256, options.jobs * CHUNK_UNITS * 8)
    return Pool(options.jobs, options.parse, max_ahead=max_ahead).map


def convert(
    inputs: Iterable[str | os.PathLike[str]],
    options: BatchOptions | None = None,
    *,
    dask_client: object | None = None,
) -> Conversion:
    """Convert every page of ``inputs`` (files, directories, archives, dumps; ``-`` = paths on stdin).

    Iterate the result for one :class:`Converted` or :class:`Failed` per input page, in input
    order unless ``options.ordered`` is false; ``.report`` then holds the final accounting.
    ``dask_client`` (a ``distributed.Client``) runs the conversion on that Dask cluster.
    """
    options = options or BatchOptions()
    executor = None
    if dask_client is not None:
        from .on_dask import dask_executor

        executor = dask_executor(dask_client, options)
    return Conversion(inputs, options, executor=executor)
