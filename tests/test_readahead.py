"""The reading thread of batch conversion: order, file ends, bounds, errors, stopping."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from wikiparse.batch.readahead import END_OF_FILE, ReadAhead


def chars(item: str) -> int:
    return len(item)


def test_items_in_order_with_each_file_ended() -> None:
    got = list(ReadAhead[str, str](["a", "b", "c"], lambda f: [f + "1", f + "2"] if f != "b" else [], chars))
    assert got == [
        ("a", "a1"), ("a", "a2"), ("a", END_OF_FILE),
        ("b", END_OF_FILE),
        ("c", "c1"), ("c", "c2"), ("c", END_OF_FILE),
    ]  # fmt: skip


def test_the_thread_stays_within_the_item_bound() -> None:
    read: list[int] = []

    def produced(_: str) -> Iterator[int]:
        for n in range(100):
            read.append(n)
            yield n

    ahead = iter(ReadAhead(["f"], produced, lambda n: 0, max_items=5))
    assert next(ahead) == ("f", 0)
    time.sleep(0.2)  # room for the thread to run as far as it may
    assert len(read) <= 1 + 5 + 1  # the one taken, five waiting, one being offered
    assert [item for _, item in ahead][:3] == [1, 2, 3]


def test_the_thread_stays_within_the_byte_bound() -> None:
    read: list[str] = []

    def produced(_: str) -> Iterator[str]:
        for _n in range(50):
            read.append("x")
            yield "x" * 1000

    ahead = iter(ReadAhead[str, str](["f"], produced, chars, max_bytes=3000))
    next(ahead)
    time.sleep(0.2)
    assert len(read) <= 1 + 3 + 1
    assert sum(1 for _ in ahead) == 50  # 49 items and the file's end


def test_an_item_larger_than_the_bound_still_passes() -> None:
    assert list(ReadAhead[str, str](["f"], lambda f: ["x" * 100], chars, max_bytes=10)) == [
        ("f", "x" * 100),
        ("f", END_OF_FILE),
    ]


def test_a_reader_error_is_raised_in_the_consumer() -> None:
    def broken(_: str) -> Iterator[int]:
        yield 1
        raise RuntimeError("reader bug")

    ahead = iter(ReadAhead(["f"], broken, lambda n: 0))
    assert next(ahead) == ("f", 1)
    with pytest.raises(RuntimeError, match="reader bug"):
        next(ahead)


def test_the_thread_ends_when_the_consumer_stops() -> None:
    def endless(_: str) -> Iterator[int]:
        n = 0
        while True:
            n += 1
            yield n

    ahead = iter(ReadAhead(["f"], endless, lambda n: 0, max_items=3))
    next(ahead)
    ahead.close()  # type: ignore[attr-defined]  # (a generator)
    deadline = time.monotonic() + 5
    while any(t.name == "wikiparse-read" for t in threading.enumerate()) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not any(t.name == "wikiparse-read" for t in threading.enumerate())
