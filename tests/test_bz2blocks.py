"""bzip2 decoded block by block on threads gives exactly what ``bz2.BZ2File`` gives, damage included."""

from __future__ import annotations

import bz2
import io
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wikiparse.sources.bz2blocks as blocks
from wikiparse.errors import InputError, LimitExceeded
from wikiparse.sources import ReadOptions, read_file
from wikiparse.units import Unit, Unreadable

from .batchdata import text_page


def words(count: int, seed: int = 1) -> bytes:
    """Text that compresses like prose (about 3:1), so level 1 makes a block per ~100 kB."""
    rng = random.Random(seed)
    vocabulary = text_page(0).split() + [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
        for _ in range(2000)
    ]
    return " ".join(rng.choice(vocabulary) for _ in range(count)).encode()


def read_until_error(stream: io.RawIOBase | io.BufferedIOBase) -> tuple[bytes, type[BaseException] | None]:
    """Everything the stream gives, and the type of the error that ended it (if one did)."""
    got = bytearray()
    try:
        while chunk := stream.read(65536):
            got += chunk
    except (OSError, EOFError) as exc:
        return bytes(got), type(exc)
    return bytes(got), None


def parallel(data: bytes, threads: int = 2) -> tuple[bytes, type[BaseException] | None]:
    return read_until_error(blocks.Bz2Blocks(io.BytesIO(data), threads=threads))


def serial(data: bytes) -> tuple[bytes, type[BaseException] | None]:
    return read_until_error(bz2.BZ2File(io.BytesIO(data)))


PROSE = words(120_000)  # about 800 kB: eight or more blocks at level 1


@pytest.mark.parametrize(
    "make",
    [
        lambda: bz2.compress(PROSE, 1),
        lambda: bz2.compress(PROSE, 9),
        lambda: bz2.compress(b""),
        lambda: bz2.compress(b"x"),
        lambda: bz2.compress(PROSE[:300_000], 1) + bz2.compress(b"") + bz2.compress(PROSE[:5000], 2),
        lambda: bz2.compress(b"\0" * (20 * 1024 * 1024) + PROSE[:1000], 9),  # a block far over PIECE
    ],
    ids=["many-blocks", "level-9", "empty-stream", "one-byte", "concatenated-streams", "long-runs"],
)
def test_same_bytes_as_bz2file(make: Callable[[], bytes]) -> None:
    data = make()
    assert parallel(data) == (bz2.decompress(data), None)
    assert parallel(data, threads=1) == (bz2.decompress(data), None)


def test_the_many_block_sample_really_has_many_blocks() -> None:
    data = bz2.compress(PROSE, 1)
    marks = [bit for bit, mark in blocks.find_marks(data, 0, len(data)) if mark == blocks.BLOCK_MARK]
    assert len(marks) >= 8
    assert marks[0] == 32  # right after "BZh1"


@pytest.mark.parametrize("cut", [0.02, 0.3, 0.55, 0.97, 0.999])
def test_a_stream_cut_short_gives_the_blocks_before_the_cut_then_eoferror(cut: float) -> None:
    data = bz2.compress(PROSE, 1)
    cut_data = data[: int(len(data) * cut)]
    got, error = parallel(cut_data)
    assert error is EOFError
    assert serial(cut_data)[1] is EOFError
    whole_blocks = bz2.BZ2Decompressor().decompress(cut_data)  # all it can give, without the end
    assert got == whole_blocks
    assert PROSE.startswith(got)


def test_a_corrupt_block_is_an_error_after_the_blocks_before_it() -> None:
    data = bytearray(bz2.compress(PROSE, 1))
    middle = len(data) // 2
    data[middle : middle + 4] = bytes(b ^ 0x5A for b in data[middle : middle + 4])
    got, error = parallel(bytes(data))
    assert error is OSError
    assert PROSE.startswith(got)
    assert len(got) < len(PROSE)


def test_data_after_the_stream_is_ignored_as_bz2file_does() -> None:
    data = bz2.compress(PROSE[:50_000], 1) + b"trailing bytes that are no bzip2 stream"
    assert parallel(data) == serial(data) == (PROSE[:50_000], None)


def test_not_bzip2_at_all_is_invalid() -> None:
    assert parallel(b"BZh9 and then nothing like a block")[1] is OSError
    assert parallel(b"plain text")[1] is OSError
    assert parallel(b"") == serial(b"") == (b"", EOFError)


def test_a_mark_found_by_chance_inside_a_block_is_decoded_joined(monkeypatch: pytest.MonkeyPatch) -> None:
    """Marks can occur by chance in compressed data: fake ones (a block mark and an end mark
    in the middle of real blocks) must not change the output."""
    data = bz2.compress(PROSE, 1)
    real = blocks.find_marks(data, 0, len(data))
    fakes = [(real[2][0] + 5001, blocks.BLOCK_MARK), (real[4][0] + 777, blocks.END_MARK)]
    find = blocks.find_marks

    def with_fakes(buf: bytes | bytearray, lo: int, hi: int) -> list[tuple[int, int]]:
        found = find(buf, lo, hi)
        if len(buf) == len(data):  # the scanner reads this small sample in one piece
            found += [(bit, mark) for bit, mark in fakes if lo * 8 <= bit < hi * 8]
        return sorted(found)

    monkeypatch.setattr(blocks, "find_marks", with_fakes)
    assert parallel(data) == (PROSE, None)


def test_the_reader_reads_bzip2_inputs_with_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[int] = []
    original = blocks.decode

    def counting(block: blocks.Block) -> tuple[bytes, bz2.BZ2Decompressor | None]:
        used.append(block.bits)
        return original(block)

    monkeypatch.setattr(blocks, "decode", counting)
    page = text_page(4, paragraphs=40).encode()
    path = tmp_path / "page.txt.bz2"
    path.write_bytes(bz2.compress(page, 1))
    (found,) = list(read_file(str(path), ReadOptions()))
    assert isinstance(found, Unit)
    assert found.data == page
    assert used  # decoded by blocks, not by BZ2File


def test_a_bzip2_bomb_stops_at_the_ratio_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.bz2"
    path.write_bytes(bz2.compress(b"\0" * (64 * 1024 * 1024), 9))
    (found,) = list(read_file(str(path), ReadOptions()))
    assert isinstance(found, Unreadable)
    assert isinstance(found.error, LimitExceeded)
    assert found.error.option == "max_unpack_ratio"


def test_a_truncated_bzip2_page_names_the_format(tmp_path: Path) -> None:
    data = bz2.compress(text_page(3, paragraphs=200).encode(), 1)
    path = tmp_path / "cut.txt.bz2"
    path.write_bytes(data[: len(data) // 2])
    (found,) = list(read_file(str(path), ReadOptions()))
    assert isinstance(found, Unreadable)
    assert isinstance(found.error, InputError)
    assert "truncated or corrupt bzip2 stream" in str(found.error)


def outcome(reader: Callable[[io.BytesIO], io.IOBase], data: bytes) -> tuple[bytes | None, str | None]:
    """What reading all of ``data`` gives: its bytes, or the type of the error that stops it."""
    try:
        return reader(io.BytesIO(data)).read(), None  # type: ignore[attr-defined]
    except (OSError, EOFError) as exc:
        return None, type(exc).__name__


def test_damage_anywhere_gives_what_bz2file_gives() -> None:
    """Cut at 80 points and one bit flipped at 80 places, across two streams of several blocks:
    the same bytes, or the same kind of error, as ``bz2.BZ2File`` — except where BZ2File takes
    a second stream damaged near its start for "trailing data" and silently gives the first
    stream alone: that is an error here, not a quiet loss."""
    rng = random.Random(7)
    first = bz2.compress(words(40_000, seed=3), 1)
    data = first + bz2.compress(words(20_000, seed=4), 1)
    damaged = [data[:n] for n in range(0, len(data), len(data) // 80)]
    for _ in range(80):
        flipped = bytearray(data)
        flipped[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        damaged.append(bytes(flipped))
    quiet_losses = 0
    for sample in damaged:
        ours, theirs = outcome(blocks.Bz2Blocks, sample), outcome(bz2.BZ2File, sample)
        if ours != theirs:
            assert ours == (None, "OSError")
            assert theirs == (bz2.decompress(first), None)
            assert sample[: len(first)] == first  # the damage is in the second stream
            quiet_losses += 1
    assert quiet_losses <= 4


def test_the_threads_end_with_the_stream_even_when_it_fails() -> None:
    """An error's traceback can keep the reader alive until the garbage collector runs; its
    threads must not wait for that (a parent with threads starts workers the slow way)."""
    data = bz2.compress(PROSE, 1)
    assert parallel(data[: len(data) // 2])[1] is EOFError
    assert parallel(data)[1] is None
    deadline = time.monotonic() + 5
    while any(t.name.startswith("wikiparse-bz2") for t in threading.enumerate()):
        assert time.monotonic() < deadline, "decoding threads outlived their streams"
        time.sleep(0.01)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000), st.integers(min_value=1, max_value=9), st.integers(min_value=1, max_value=3))
def test_any_payload_comes_back_whole(payload: bytes, level: int, streams: int) -> None:
    data = b"".join(bz2.compress(payload[k::streams], level) for k in range(streams))
    assert parallel(data) == (bz2.decompress(data), None)


STARTS = [b"", b"B", b"BZ", b"BZh", b"BZh9", b"BZh91AY", b"BZh91AY&SY", b"BZh9\x17rE", b"BZh9\x17rE8P\x90"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(STARTS))
def test_any_bytes_give_what_bz2file_gives(noise: bytes, start: bytes) -> None:
    """Bytes, or the same kind of error (cut short: EOFError; not bzip2: OSError), as BZ2File."""
    assert outcome(blocks.Bz2Blocks, start + noise) == outcome(bz2.BZ2File, start + noise)
