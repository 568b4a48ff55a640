"""The conversion of one unit — a pure function shared by worker processes, the in-process path
and Dask — and the loop a worker process runs.

:func:`convert_unit` never raises: every failure, including a bug in a reader, becomes a
:class:`~wikiparse.batch.results.Failed`, so one page can never cost the run.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import math
import queue
import signal
import threading
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from types import FrameType

import attrs

from ..errors import LimitExceeded, WikiparseError
from ..options import ParseOptions
from ..outputs import json_line
from ..unitparse import parse_unit
from ..units import Unit
from .results import Converted, Failed, Result

READERS = ("wikiparse.html", "wikiparse.text", "wikiparse.wikitext")
"""The readers ``parse`` imports on first use (about 0.3 s of CPU together).  Workers must
have them before they report ready, so that the import is never inside a page's time limit:
forked workers inherit them from the parent, which imports them once before it forks (not once
per worker, and the pages they fill are shared); a fork server imports them once for all the
workers it starts; spawned workers import them as they start."""

READY = "ready"
"""The first message a worker process sends: it has started and its clock may run."""


@attrs.frozen
class SameContext:
    """Stands for "the same ``Unit.context`` as the previous unit sent to this worker".

    A reader's context (say, an XML dump's template definitions) is shared by all its units and
    may be large: it crosses to each worker once, not with every chunk.
    """


class _PageTimeout(BaseException):
    """Raised by the page timer; a BaseException so no ``except Exception`` inside a reader eats it."""


def convert_unit(unit: Unit, options: ParseOptions) -> Result:
    """One unit → one record or one error; adds ``sha256`` of the page bytes to the source."""
    data = unit.data
    raw = data.encode("utf-8", errors="surrogatepass") if isinstance(data, str) else data
    source = attrs.evolve(unit.source, sha256=hashlib.sha256(raw).hexdigest())
    limits = options.limits
    try:
        if len(raw) > limits.max_bytes:
            raise LimitExceeded(f"page of {len(raw):,} bytes", limits.max_bytes, "max_bytes")
        with page_timer(limits.page_timeout):
            page = parse_unit(attrs.evolve(unit, source=source), options)
            line = json_line(page.to_dict())
    except _PageTimeout:
        error = LimitExceeded("time spent on this page (seconds)", limits.page_timeout, "page_timeout")
        return Failed(source=source, type=type(error).__name__, message=str(error))
    except WikiparseError as exc:
        return Failed(source=source, type=type(exc).__name__, message=str(exc))
    except Exception as exc:  # a bug, or RecursionError/MemoryError: reported, never fatal
        return Failed(source=source, type=type(exc).__name__, message=str(exc) or repr(exc))
    return Converted(source=source, line=line, title=page.title)


@contextlib.contextmanager
def page_timer(seconds: float) -> Iterator[None]:
    """Interrupt the page after ``seconds`` where a timer signal is available (a process's main
    thread on POSIX); elsewhere the caller's hard limit (killing the worker) is the only one."""
    usable = (
        seconds > 0
        and math.isfinite(seconds)
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _PageTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


Convert = Callable[[Unit, ParseOptions], Result]
"""The per-unit function a worker runs: :func:`convert_unit`, or a replacement with its contract
(importable by name, never raises) — tests use one that crashes or hangs on purpose."""


def worker_main(
    tasks: Connection, results: Connection, options: ParseOptions, convert: Convert = convert_unit
) -> None:
    """A worker process: convert chunks of ``(seq, unit)`` and send ``(seq, result)`` per unit.

    A thread keeps receiving chunks while the main thread converts, so the parent never blocks
    sending a large chunk to a busy worker.  ``None`` (or a closed pipe) ends the worker.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    inbox: queue.SimpleQueue[list[tuple[int, Unit]] | None] = queue.SimpleQueue()

    def receive() -> None:
        try:
            while (chunk := tasks.recv()) is not None:
                inbox.put(chunk)
        except (EOFError, OSError):
            pass
        inbox.put(None)

    threading.Thread(target=receive, name="wikiparse-receive", daemon=True).start()
    for module in READERS:
        importlib.import_module(module)
    results.send(READY)
    context: object | None = None
    while (chunk := inbox.get()) is not None:
        for seq, unit in chunk:
            if isinstance(unit.context, SameContext):
                unit = attrs.evolve(unit, context=context)
            elif unit.context is not None:
                context = unit.context
            results.send((seq, convert(unit, options)))
