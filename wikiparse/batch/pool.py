"""Worker processes that convert units, with a hard time limit per page and replacement of
workers that die — every unit sent out comes back as exactly one result.

Design, and why:

* Each worker has its own pair of pipes.  The parent knows exactly which chunk each worker
  holds, so when a worker dies (segfault, out-of-memory kill) or overruns its page time, the
  page it was on is reported and the rest of its chunk goes to another worker.  (A shared
  queue, as in ``multiprocessing.Pool``, can be left locked by a dying process and cannot say
  which page killed it.)
* Units go out in chunks (a few units, a few hundred KiB), at most two chunks per worker: few
  messages, no idle worker, and a bounded amount of page data in flight.
* Results come back one per unit, so the parent always knows which page a worker is on and
  since when: the page's clock starts when the previous result arrives.
* In input order mode, no unit is sent more than ``max_ahead`` places past the oldest
  unfinished one, which bounds the reorder buffer when one page is slow.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import multiprocessing
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Union

import attrs

from ..errors import LimitExceeded, WikiparseError
from ..options import ParseOptions
from ..units import Unit
from .results import Failed, Result
from .worker import READERS, READY, Convert, SameContext, convert_unit, worker_main

Chunk = list[tuple[int, Unit]]

CHUNK_UNITS = 16
CHUNK_BYTES = 256 * 1024
CHUNKS_PER_WORKER = 2
MAX_START_FAILURES = 3
_SAME = SameContext()


class WorkerStartError(WikiparseError, RuntimeError):
    """Worker processes die before they can convert anything (the environment is broken)."""


@attrs.define
class _Worker:
    process: BaseProcess
    tasks: Connection
    results: Connection
    chunks: deque[Chunk] = attrs.Factory(deque)
    ready: bool = False
    context: object | None = None
    """The last ``Unit.context`` sent to it (see :class:`~.worker.SameContext`)."""
    since: float = 0.0
    """When the page it is on started (the previous result's arrival, or the chunk's)."""

    def busy(self) -> bool:
        return bool(self.chunks)


_Context = Union[  # noqa: UP007  (a runtime alias)
    multiprocessing.context.ForkContext,
    multiprocessing.context.ForkServerContext,
    multiprocessing.context.SpawnContext,
]


def _context() -> _Context:
    """How worker processes start.

    On Linux, from a single-threaded parent, ``fork``: workers are ready at once, with wikiparse
    and its readers already imported by the parent (start-up is a fixed cost every run pays,
    which matters for short runs and for scaling).  With threads in the parent (a Dask client,
    a web server), ``fork`` can deadlock, so :func:`_threadsafe_context`.
    """
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        for module in READERS:
            importlib.import_module(module)
        return multiprocessing.get_context("fork")
    return _threadsafe_context()


def _threadsafe_context() -> _Context:
    """``forkserver``: workers fork from a clean single-threaded server that imports wikiparse
    once; ``spawn`` where there is none."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx: multiprocessing.context.ForkServerContext = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["wikiparse.batch.worker", *READERS])  # once, in the server
        return ctx
    return multiprocessing.get_context("spawn")


class Pool:
    """``jobs`` worker processes converting ``(seq, unit)`` pairs into ``(seq, result)`` pairs."""

    def __init__(
        self,
        jobs: int,
        options: ParseOptions,
        *,
        max_ahead: int | None = None,
        convert: Convert = convert_unit,
    ) -> None:
        self._jobs = max(1, jobs)
        self._convert = convert
        # a chunk never holds more than a worker's share of the read-ahead window
        window_share = max_ahead // (self._jobs * CHUNKS_PER_WORKER) if max_ahead else CHUNK_UNITS
        self._chunk_units = max(1, min(CHUNK_UNITS, window_share))
        self._options = options
        self._max_ahead = max_ahead
        self._ctx = _context()
        self._workers: list[_Worker] = []
        self._retry: deque[tuple[int, Unit]] = deque()
        self._source: Iterator[tuple[int, Unit]] = iter(())
        self._peeked: tuple[int, Unit] | None = None
        self._exhausted = False
        self._start_failures = 0
        timeout = options.limits.page_timeout
        self._hard_limit = timeout + max(2.0, timeout / 2) if timeout > 0 else float("inf")

    def map(self, units: Iterator[tuple[int, Unit]]) -> Iterator[tuple[int, Result]]:
        """Results as they finish (any order); every unit taken from ``units`` yields one."""
        self._source = units
        finished = False
        try:
            self._workers = [self._start() for _ in range(self._jobs)]
            while True:
                self._dispatch()
                if not any(w.busy() for w in self._workers) and not self._more():
                    finished = True
                    return
                yield from self._collect()
        finally:
            # after Ctrl-C, an error, or a consumer that stopped early, work in flight is moot
            self._shutdown(graceful=finished)

    # ------------------------------------------------------------------ workers

    def _start(self) -> _Worker:
        ctx = self._ctx
        if ctx.get_start_method() == "fork" and threading.active_count() > 1:
            # a replacement, forked now, would copy a parent whose reading thread may hold a
            # lock (an import, a decompressor's buffer) that nothing in the child releases
            ctx = self._ctx = _threadsafe_context()
        task_recv, task_send = ctx.Pipe(duplex=False)
        result_recv, result_send = ctx.Pipe(duplex=False)
        _widen(result_send)
        process = ctx.Process(
            target=worker_main,
            args=(task_recv, result_send, self._options, self._convert),
            name="wikiparse-worker",
        )
        process.daemon = True
        process.start()
        task_recv.close()
        result_send.close()
        return _Worker(process, task_send, result_recv)

    def _shutdown(self, *, graceful: bool) -> None:
        for worker in self._workers:
            if not graceful:
                worker.process.kill()
            with contextlib.suppress(OSError):
                worker.tasks.send(None)
        deadline = time.monotonic() + 5
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.tasks.close()
            worker.results.close()
        self._workers = []

    # ------------------------------------------------------------------ sending

    def _more(self) -> bool:
        return bool(self._retry) or self._peek() is not None

    def _peek(self) -> tuple[int, Unit] | None:
        if self._peeked is None and not self._exhausted:
            self._peeked = next(self._source, None)
            self._exhausted = self._peeked is None
        return self._peeked

    def _take(self, oldest: int | None) -> tuple[int, Unit] | None:
        if self._retry:
            return self._retry.popleft()
        item = self._peek()
        if item is None:
            return None
        if self._max_ahead is not None and oldest is not None and item[0] > oldest + self._max_ahead:
            return None
        self._peeked = None
        return item

    def _oldest(self) -> int | None:
        heads = [w.chunks[0][0][0] for w in self._workers if w.chunks]
        if self._retry:
            heads.append(self._retry[0][0])
        return min(heads) if heads else None

    def _dispatch(self) -> None:
        for worker in self._workers:
            while len(worker.chunks) < CHUNKS_PER_WORKER:
                chunk = self._chunk()
                if not chunk:
                    return
                if not worker.chunks:
                    worker.since = time.monotonic()
                worker.chunks.append(chunk)
                try:
                    worker.tasks.send(self._wire(chunk, worker))
                except OSError:
                    break  # it died: its sentinel fires and the chunk is redistributed

    def _chunk(self) -> Chunk:
        chunk: Chunk = []
        size = 0
        oldest = self._oldest()
        while len(chunk) < self._chunk_units and size < CHUNK_BYTES:
            item = self._take(oldest)
            if item is None:
                break
            oldest = item[0] if oldest is None else oldest
            chunk.append(item)
            size += len(item[1].data)
        return chunk

    @staticmethod
    def _wire(chunk: Chunk, worker: _Worker) -> Chunk:
        """The chunk as sent: a context the worker already holds is replaced by a marker."""
        wire: Chunk = []
        for seq, unit in chunk:
            if unit.context is not None:
                if unit.context is worker.context:
                    unit = attrs.evolve(unit, context=_SAME)
                else:
                    worker.context = unit.context
            wire.append((seq, unit))
        return wire

    # ------------------------------------------------------------------ receiving

    def _collect(self) -> Iterator[tuple[int, Result]]:
        by_pipe = {w.results: w for w in self._workers}
        by_sentinel = {w.process.sentinel: w for w in self._workers}
        ready = wait([*by_pipe, *by_sentinel], timeout=self._wait_time())
        for handle in ready:
            if isinstance(handle, Connection):
                yield from self._receive(by_pipe[handle])
        for handle in ready:
            if isinstance(handle, int):
                yield from self._replace(by_sentinel[handle], timed_out=False)
        for worker in list(self._workers):
            if self._overdue(worker):
                yield from self._receive(worker)  # it may have just finished: never blame the next page
                if self._overdue(worker):
                    worker.process.kill()
                    yield from self._replace(worker, timed_out=True)

    def _overdue(self, worker: _Worker) -> bool:
        return worker.ready and worker.busy() and time.monotonic() - worker.since > self._hard_limit

    def _wait_time(self) -> float | None:
        """Until the earliest page deadline; without one, until a worker sends or dies."""
        running = [w.since for w in self._workers if w.ready and w.busy()]
        if not running or self._hard_limit == float("inf"):
            return None
        return max(0.0, min(running) + self._hard_limit - time.monotonic()) + 0.01

    def _receive(self, worker: _Worker) -> Iterator[tuple[int, Result]]:
        """Every message waiting on ``worker``'s pipe (a dead worker's last results included)."""
        try:
            while worker.results.poll():
                message = worker.results.recv()
                if message == READY:
                    worker.ready = True
                    worker.since = time.monotonic()
                    self._start_failures = 0
                    continue
                seq, result = message
                chunk = worker.chunks[0]
                assert chunk[0][0] == seq, "a worker answers in the order its units were sent"
                chunk.pop(0)
                if not chunk:
                    worker.chunks.popleft()
                worker.since = time.monotonic()
                yield seq, result
        except (EOFError, OSError):
            return

    def _replace(self, worker: _Worker, *, timed_out: bool) -> Iterator[tuple[int, Result]]:
        """Report the page a dead (or stopped) worker was on, requeue the rest, start another."""
        if worker not in self._workers:
            return
        yield from self._receive(worker)
        worker.process.join()
        self._workers.remove(worker)
        worker.tasks.close()
        worker.results.close()
        pending = [item for chunk in worker.chunks for item in chunk]
        if not worker.ready:  # it never started: nothing it holds is to blame
            self._start_failures += 1
            if self._start_failures >= MAX_START_FAILURES:
                raise WorkerStartError(
                    f"worker processes exit before starting (exit code {worker.process.exitcode}). "
                    "A script that calls wikiparse.convert must do so under "
                    "'if __name__ == \"__main__\":' (workers import the main module); "
                    "jobs=0 converts in this process and shows any other error"
                )
            self._retry.extendleft(reversed(pending))
        elif pending:
            (seq, unit), rest = pending[0], pending[1:]
            yield seq, self._failure(unit, worker, timed_out=timed_out)
            self._retry.extendleft(reversed(rest))
        self._workers.append(self._start())

    def _failure(self, unit: Unit, worker: _Worker, *, timed_out: bool) -> Failed:
        raw = unit.data.encode("utf-8", "surrogatepass") if isinstance(unit.data, str) else unit.data
        source = attrs.evolve(unit.source, sha256=hashlib.sha256(raw).hexdigest())
        if timed_out:
            limit = self._options.limits.page_timeout
            error = LimitExceeded("time spent on this page (seconds)", limit, "page_timeout")
            return Failed(source=source, type="LimitExceeded", message=f"{error} (its worker was stopped)")
        code = worker.process.exitcode
        how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        message = f"the worker process died ({how}) while converting this page"
        return Failed(source=source, type="WorkerDied", message=message)


_PIPE_BYTES = 1024 * 1024


def _widen(connection: Connection) -> None:
    """Give a result pipe room for a few large records (Linux; elsewhere a no-op).

    A record of a long page is a few hundred KB of JSON; in a 64 KB pipe the worker blocks on
    its send until the parent, perhaps busy decompressing the next dump, reads — and a core idles.
    """
    if sys.platform != "linux":
        return
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
