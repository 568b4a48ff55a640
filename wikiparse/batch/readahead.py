"""Read inputs on a thread of their own, a bounded distance ahead of the conversion.

The parent process reads every input (decompression, archive members, dump pages) while worker
processes convert.  Read in line with dispatching, a slow stretch of reading — a dump read
ahead for its templates, a large archive member — leaves the workers without pages: measured on
the shared corpus, each of two workers stood idle 0.4–0.6 s while the parent read the Titanic
Wiki dump.  On a thread, reading goes on while the main thread hands out pages and writes
results; bzip2, gzip and lxml release the GIL while they work.

The thread only reads: it hands ``(file, item)`` pairs over a queue, and every count and result
is kept by the consumer, on the main thread.  It stays at most ``max_items`` items and
``max_bytes`` bytes of page data ahead, and stops when the consumer stops.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

F = TypeVar("F")
I = TypeVar("I")  # noqa: E741  (the item type)


class EndOfFile:
    """What follows one file's last item."""


END_OF_FILE = EndOfFile()


class _Done:
    """The reading thread's last message: every file was read."""


class _Failed:
    """The reading thread's last message: reading raised ``error``."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


class ReadAhead(Generic[F, I]):
    """Iterate for ``(file, item)`` pairs, and ``(file, END_OF_FILE)`` after each file's items.

    ``read(file)`` gives a file's items; it runs on the reading thread.  An exception it raises
    (readers turn damage into items, so this is a bug) is raised again in the consumer.
    ``size(item)`` is what an item counts against ``max_bytes``.
    """

    def __init__(
        self,
        files: Iterable[F],
        read: Callable[[F], Iterable[I]],
        size: Callable[[I], int],
        *,
        max_items: int = 1024,
        max_bytes: int = 64 * 1024 * 1024,
    ) -> None:
        self._files = files
        self._read = read
        self._size = size
        self._max_items = max_items
        self._max_bytes = max_bytes
        self._queue: queue.SimpleQueue[tuple[F, I | EndOfFile] | _Done | _Failed] = queue.SimpleQueue()
        self._room = threading.Condition()
        self._items = 0
        self._bytes = 0
        self._stopped = False
        self._thread: threading.Thread | None = None

    def __iter__(self) -> Iterator[tuple[F, I | EndOfFile]]:
        self._thread = threading.Thread(target=self._produce, name="wikiparse-read", daemon=True)
        self._thread.start()
        try:
            while not isinstance(got := self._queue.get(), _Done):
                if isinstance(got, _Failed):
                    raise got.error
                file, item = got
                if not isinstance(item, EndOfFile):
                    self._release(item)
                yield file, item
        finally:
            self.stop()

    @property
    def waiting(self) -> int:
        """Items read and not yet taken by the consumer."""
        return self._items

    def stop(self) -> None:
        """Let the reading thread end (it finishes the item it is reading)."""
        with self._room:
            self._stopped = True
            self._room.notify_all()

    def _produce(self) -> None:
        try:
            for file in self._files:
                for item in self._read(file):
                    if not self._wait_for_room(item):
                        return
                    self._queue.put((file, item))
                self._queue.put((file, END_OF_FILE))
        except BaseException as exc:  # handed to the consumer, raised there
            self._queue.put(_Failed(exc))
            return
        self._queue.put(_Done())

    def _wait_for_room(self, item: I) -> bool:
        size = self._size(item)
        with self._room:
            while (
                not self._stopped
                and self._items
                and (self._items >= self._max_items or self._bytes + size > self._max_bytes)
            ):
                self._room.wait()
            if self._stopped:
                return False
            self._items += 1
            self._bytes += size
            return True

    def _release(self, item: I) -> None:
        with self._room:
            self._items -= 1
            self._bytes -= self._size(item)
            self._room.notify()
