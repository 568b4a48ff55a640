"""A one-line progress bar for a terminal: pages, pages/s, share of input read, ETA.

The ETA comes from the share of input bytes the readers have gone through, so it is known
from the start even for archives and dumps whose page count is not.
"""

from __future__ import annotations

import shutil
import time
from typing import TextIO

_WIDTH = 24


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def render(pages: int, elapsed: float, fraction: float | None) -> str:
    """The bar's text.

    >>> render(120, 10.0, 0.25)
    '120 pages  12.0 pages/s  [######..................]  25%  ETA 0:00:30'
    """
    rate = pages / elapsed if elapsed > 0 else 0.0
    text = f"{pages:,} pages  {rate:.1f} pages/s"
    if fraction is not None:
        filled = int(fraction * _WIDTH)
        text += f"  [{'#' * filled}{'.' * (_WIDTH - filled)}]  {fraction:.0%}"
        if fraction > 0:
            text += f"  ETA {_clock(elapsed * (1 - fraction) / fraction)}"
    return text


class ProgressBar:
    """Redraws at most every ``interval`` seconds on ``stream`` (a terminal)."""

    def __init__(self, stream: TextIO, interval: float = 0.2) -> None:
        self._stream = stream
        self._interval = interval
        self._last = 0.0
        self._shown = False

    def update(self, pages: int, elapsed: float, fraction: float | None) -> None:
        now = time.monotonic()
        if now - self._last < self._interval:
            return
        self._last = now
        width = shutil.get_terminal_size().columns - 1
        self._stream.write("\r" + render(pages, elapsed, fraction)[:width].ljust(width))
        self._stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Erase the bar (before other output on the same terminal, and at the end)."""
        if self._shown:
            width = shutil.get_terminal_size().columns - 1
            self._stream.write("\r" + " " * width + "\r")
            self._stream.flush()
            self._shown = False
            self._last = 0.0
