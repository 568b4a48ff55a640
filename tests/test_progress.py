"""The terminal progress bar: its text, its own redraw thread, and error lines that share the terminal."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest

import wikiparse.batch.pool as pool_module
from wikiparse.batch.options import BatchOptions
from wikiparse.batch.progress import ProgressBar, Snapshot, render
from wikiparse.batch.target import Target, convert_into

from .batchdata import text_page, write


def test_text_before_and_after_the_first_page() -> None:
    reading = ("dumps/enwiki.xml.bz2", 0.37)
    assert render(0, 40.0, 0.0, reading) == "0 pages  0.0 pages/s  reading enwiki.xml.bz2: 37%"
    assert render(0, 1.0, None) == "0 pages  0.0 pages/s"
    shown = render(50, 10.0, 0.5, reading)  # once pages finish, the share of the run counts
    assert shown == "50 pages  5.0 pages/s  [############............]  50%  ETA 0:00:10"


def test_the_bar_redraws_while_nothing_finishes_and_is_erased_at_the_end() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream, interval=0.02)
    shares = iter(k / 100 for k in range(1000))
    bar.start(lambda: Snapshot(0, 1.0, 0.0, ("big.xml.bz2", next(shares))))
    time.sleep(0.3)  # a template pass: no page finishes
    bar.stop()
    drawn = [part.strip() for part in stream.getvalue().split("\r") if part.strip()]
    assert len(drawn) >= 3
    assert drawn[0].startswith("0 pages  0.0 pages/s  reading big.xml.bz2:")
    assert drawn[-1] != drawn[0]  # it moved
    assert stream.getvalue().endswith("\r")  # erased: the line is blank for what follows


def test_an_error_line_is_never_drawn_over() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream, interval=0.01)
    bar.start(lambda: Snapshot(3, 1.0, 0.5))
    time.sleep(0.05)
    with bar.aside():
        stream.write("first half")
        time.sleep(0.05)  # redraws wait for the line to be finished
        stream.write(" of an error line\n")
    time.sleep(0.05)
    bar.stop()
    out = stream.getvalue()
    assert "first half of an error line\n" in out
    before = out.split("first half")[0]
    assert before.endswith("\r")  # the bar was erased before the line


def test_workers_are_forked_before_the_bar_starts_its_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A thread alive at a fork is copied half-way into the child; the bar's must not be."""
    threads_at_start: list[list[str]] = []
    original = pool_module.Pool._start

    def start(self: pool_module.Pool) -> object:
        threads_at_start.append([t.name for t in threading.enumerate()])
        return original(self)

    monkeypatch.setattr(pool_module.Pool, "_start", start)
    for n in range(6):
        write(tmp_path / "in" / f"p{n}.txt", text_page(n))
    stream = io.StringIO()
    report = convert_into(
        [tmp_path / "in"],
        Target(output=str(tmp_path / "out.jsonl")),
        BatchOptions.build(jobs=2),
        progress=ProgressBar(stream, interval=0.01),
    )
    assert report.records == 6
    assert len(threads_at_start) == 2
    assert not any("wikiparse-progress" in names for names in threads_at_start)  # the bar's came after
    assert "wikiparse-progress" not in [t.name for t in threading.enumerate()]  # and is gone
