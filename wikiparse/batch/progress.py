"""A one-line progress bar for a terminal: pages, pages/s, share of input read, ETA.

The ETA comes from the share of input bytes the readers have gone through, so it is known
from the start even for archives and dumps whose page count is not.  The bar redraws on a
timer thread of its own, not when a page finishes: a large dump is first read whole for its
templates, minutes in which no page finishes, and the bar then says how far that reading is.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NamedTuple, TextIO

_WIDTH = 24


class Snapshot(NamedTuple):
    """What the bar shows, taken from the conversion at each redraw."""

    pages: int
    elapsed: float
    fraction: float | None
    reading: tuple[str, float] | None = None
    """The file being read and the share of it read, shown until the first page finishes."""


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def render(
    pages: int, elapsed: float, fraction: float | None, reading: tuple[str, float] | None = None
) -> str:
    """The bar's text.

    >>> render(120, 10.0, 0.25)
    '120 pages  12.0 pages/s  [######..................]  25%  ETA 0:00:30'
    >>> render(0, 40.0, 0.0, ("dumps/enwiki.xml.bz2", 0.37))
    '0 pages  0.0 pages/s  reading enwiki.xml.bz2: 37%'
    """
    rate = pages / elapsed if elapsed > 0 else 0.0
    text = f"{pages:,} pages  {rate:.1f} pages/s"
    if pages == 0 and reading is not None:
        return text + f"  reading {os.path.basename(reading[0])}: {reading[1]:.0%}"
    if fraction is not None:
        filled = int(fraction * _WIDTH)
        text += f"  [{'#' * filled}{'.' * (_WIDTH - filled)}]  {fraction:.0%}"
        if fraction > 0:
            text += f"  ETA {_clock(elapsed * (1 - fraction) / fraction)}"
    return text


class ProgressBar:
    """Draws on ``stream`` (a terminal) every ``interval`` seconds between :meth:`start` and :meth:`stop`."""

    def __init__(self, stream: TextIO, interval: float = 0.2) -> None:
        self._stream = stream
        self._interval = interval
        self._shown = False
        self._lock = threading.Lock()  # the timer thread draws; the caller clears for other output
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, snapshot: Callable[[], Snapshot]) -> None:
        """Redraw from ``snapshot()`` on a timer thread.

        Start it once worker processes are forked (a conversion says when: ``when_reading``):
        a thread alive at a fork could hold the terminal's lock in the child.
        """

        def draw() -> None:
            while not self._stop.wait(self._interval):
                self.draw(snapshot())

        self._thread = threading.Thread(target=draw, name="wikiparse-progress", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """End the timer thread (if it started) and erase the bar."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        with self._lock:
            self._erase()

    def draw(self, snapshot: Snapshot) -> None:
        width = shutil.get_terminal_size().columns - 1
        with self._lock:
            self._stream.write("\r" + render(*snapshot)[:width].ljust(width))
            self._stream.flush()
            self._shown = True

    @contextmanager
    def aside(self) -> Iterator[None]:
        """The bar erased and kept off while the block writes other output to the terminal."""
        with self._lock:
            self._erase()
            yield

    def _erase(self) -> None:
        if self._shown:
            width = shutil.get_terminal_size().columns - 1
            self._stream.write("\r" + " " * width + "\r")
            self._stream.flush()
            self._shown = False
