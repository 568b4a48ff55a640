"""bzip2 decoded block by block on a few threads, so that reading a bzip2 dump is not one core's work.

Why: libbz2 decodes about 20 MB of dump XML a second on one core (41 MB in 2.2 s here), while
parsing that XML takes a fifth of the time.  The batch parent reads every input, so a bzip2
dump — the form Wikipedia's and Fandom's dumps come in — held a whole conversion to what one
core decompresses: about two workers' worth of pages, however many cores the machine has.

How: a bzip2 stream is ``BZh`` and a level digit, then blocks that decode independently, each
starting with a 48-bit mark and its CRC at any *bit* position, then an end mark with the CRC of
the whole stream.  The compressed bytes are searched for the marks at each of the eight bit
shifts; each block is cut out, shifted to a byte boundary and closed with an end mark — a
one-block stream that libbz2 decodes on a pool thread (it releases the GIL), a few at once,
their outputs handed on in order while the reading thread parses what came before.

Integrity stays libbz2's: each block's CRC is checked as it decodes, and the stream's combined
CRC against its end mark.  A mark can also occur by chance inside compressed data (about once in
30,000 GB): the block cut there fails to decode and is decoded again joined to the next.  As
:class:`bz2.BZ2File` does, data after a complete stream that is not another bzip2 stream is
ignored, and a stream cut short ends with :class:`EOFError` after the blocks before the cut.
Memory: ``2 × threads`` blocks in flight, each output handed on in pieces of at most ``PIECE``.
"""

from __future__ import annotations

import bz2
import io
import os
from collections import deque
from collections.abc import Generator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import IO, Union

import attrs

BLOCK_MARK = 0x314159265359
END_MARK = 0x177245385090
_MARK_BITS = 48
_CRC_BITS = 32
PIECE = 4 * 1024 * 1024
"""Most output one decode call gives at once (a block of long runs can expand to ~45 MB)."""
THREADS = max(1, min(4, os.cpu_count() or 1))
_READ = 1024 * 1024
_WIDEST = 7  # bytes a mark can straddle
_MAX_JOINS = 4
_ENDED_EARLY = "Compressed file ended before the end-of-stream marker was reached"
_INVALID = "Invalid data stream"


@attrs.frozen
class Block:
    """One block's compressed bits: ``bits`` bits from bit ``skip`` of ``data``, mark included."""

    data: bytes
    skip: int
    bits: int
    level: int
    crc: int
    cut: bool = False
    """The input ends inside it: decoded as it is, without an end mark after it."""


@attrs.frozen
class _End:
    crc: int
    """The stream's combined CRC, as its end mark gives it."""


@attrs.frozen
class _Failure:
    error: Exception


Part = Union[Block, _End, _Failure]  # noqa: UP007  (a runtime alias)


def _needles(mark: int) -> list[tuple[int, int, int, bytes]]:
    """``(shift, width, offset, needle)``: at each bit shift, the bytes wholly inside the mark."""
    found = []
    for shift in range(8):
        width = (shift + _MARK_BITS + 7) // 8
        window = (mark << (width * 8 - _MARK_BITS - shift)).to_bytes(width, "big")
        first, last = (shift + 7) // 8, (shift + _MARK_BITS) // 8
        found.append((shift, width, first, window[first:last]))
    return found


_SEARCHES = [(mark, _needles(mark)) for mark in (BLOCK_MARK, END_MARK)]
_HEADER = b"BZh"
_MARK_BYTES = [mark.to_bytes(6, "big") for mark in (BLOCK_MARK, END_MARK)]


def _bits(data: bytes | bytearray, bit: int, count: int) -> int:
    """``count`` bits of ``data`` from bit ``bit`` (which ``data`` holds)."""
    start, end = bit // 8, (bit + count + 7) // 8
    value = int.from_bytes(data[start:end], "big")
    return (value >> (end * 8 - bit - count)) & ((1 << count) - 1)


def find_marks(data: bytes | bytearray, lo: int, hi: int) -> list[tuple[int, int]]:
    """``(bit, mark)`` for every block or end mark whose first byte is in ``data[lo:hi]``."""
    found = []
    for mark, needles in _SEARCHES:
        for shift, width, offset, needle in needles:
            bound = hi + offset + len(needle) - 1
            at = data.find(needle, lo + offset, bound)
            while at != -1:
                start = at - offset
                if start + width <= len(data) and _bits(data, start * 8 + shift, _MARK_BITS) == mark:
                    found.append((start * 8 + shift, mark))
                at = data.find(needle, at + 1, bound)
    return sorted(found)


def _rotate(combined: int, crc: int) -> int:
    """The stream CRC after one more block, as bzip2 combines them."""
    return (((combined << 1) | (combined >> 31)) & 0xFFFFFFFF) ^ crc


class _Scanner:
    """Compressed bytes → the blocks and stream ends in them, reading only as far as asked."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._buf = bytearray()
        self._base = 0  # the absolute byte offset of _buf[0]
        self._scanned = 0  # absolute byte from which marks are not searched yet
        self._marks: deque[tuple[int, int]] = deque()
        self._eof = False

    def parts(self) -> Iterator[Part]:
        start, first = 0, True
        while True:
            header = self._bytes(start, 4)
            if not (len(header) == 4 and header[:3] == b"BZh" and 49 <= header[3] <= 57):
                if first:  # as libbz2 says: too short for a header that could still be one, or not one
                    ended = len(header) < 4 and _HEADER.startswith(header)
                    raise EOFError(_ENDED_EARLY) if ended else OSError(_INVALID)
                return  # data after a stream that is not one more: ignored
            body = (start + 4) * 8
            found = self._mark_from(body)
            if found is None or found[0] != body:
                if not first:
                    return
                after = self._bytes(start + 4, 6)
                ended = found is None and any(mark.startswith(after) for mark in _MARK_BYTES)
                raise EOFError(_ENDED_EARLY) if ended else OSError(_INVALID)
            end = yield from self._blocks(body, header[3] - 48)
            start, first = (end + _MARK_BITS + _CRC_BITS + 7) // 8, False

    def _blocks(self, bit: int, level: int) -> Generator[Part, None, int]:
        """One stream's blocks, from its first mark at ``bit``; returns where its end mark is."""
        combined = 0
        mark = self._mark_from(bit)
        while mark is not None and mark[1] == BLOCK_MARK:
            start = mark[0]
            crc = self._crc_after(start)
            combined = _rotate(combined, crc)
            mark = self._mark_from(start + _MARK_BITS)
            while mark is not None and mark[1] == END_MARK and not self._ends_stream(mark[0], combined):
                mark = self._mark_from(mark[0] + 1)  # an end mark by chance inside the block
            if mark is None:  # the input ends inside this block (or after it, without an end mark)
                yield attrs.evolve(self._cut(start, (self._base + len(self._buf)) * 8, level, crc), cut=True)
                break
            yield self._cut(start, mark[0], level, crc)
        if mark is None:
            raise EOFError(_ENDED_EARLY)
        yield _End(self._crc_after(mark[0]))
        return mark[0]

    def _ends_stream(self, bit: int, combined: int) -> bool:
        """Whether the end mark at ``bit`` is real: its CRC is the blocks', or after it the input
        ends or another stream starts (which still holds if a block mark was found by chance)."""
        if self._crc_after(bit) == combined:
            return True
        after = self._bytes((bit + _MARK_BITS + _CRC_BITS + 7) // 8, 3)
        return after in (b"", b"BZh")

    def _crc_after(self, bit: int) -> int:
        """The CRC that follows the mark at ``bit``; :class:`EOFError` if the input ends first."""
        buf = self._need(bit + _MARK_BITS + _CRC_BITS)
        if (self._base + len(buf)) * 8 < bit + _MARK_BITS + _CRC_BITS:
            raise EOFError(_ENDED_EARLY)
        return _bits(buf, bit + _MARK_BITS - self._base * 8, _CRC_BITS)

    def _cut(self, start: int, stop: int, level: int, crc: int) -> Block:
        first, last = start // 8, (stop + 7) // 8
        data = bytes(self._buf[first - self._base : last - self._base])
        drop = stop // 8 - self._base  # nothing before the next block is needed again
        del self._buf[:drop]
        self._base += drop
        return Block(data=data, skip=start % 8, bits=stop - start, level=level, crc=crc)

    def _mark_from(self, bit: int) -> tuple[int, int] | None:
        """The first mark at or after ``bit``; reads on as needed; ``None`` if the input ends first."""
        while True:
            while self._marks and self._marks[0][0] < bit:
                self._marks.popleft()
            if self._marks:
                return self._marks[0]
            end = self._base + len(self._buf)
            limit = end if self._eof else end - _WIDEST + 1
            if limit > self._scanned:
                lo, hi = self._scanned - self._base, limit - self._base
                shift = self._base * 8
                self._marks.extend((at + shift, mark) for at, mark in find_marks(self._buf, lo, hi))
                self._scanned = limit
                continue
            if self._eof:
                return None
            self._read()

    def _need(self, bit: int) -> bytearray:
        """The buffer, read on until it holds bit ``bit`` (or the input ends)."""
        while not self._eof and (self._base + len(self._buf)) * 8 < bit:
            self._read()
        return self._buf

    def _bytes(self, start: int, count: int) -> bytes:
        self._need((start + count) * 8)
        return bytes(self._buf[start - self._base : start - self._base + count])

    def _read(self) -> None:
        chunk = self._raw.read(_READ)
        if chunk:
            self._buf += chunk
        else:
            self._eof = True


def one_block_stream(block: Block) -> bytes:
    """A bzip2 stream holding only ``block``: its bits byte-aligned, then an end mark (none after a
    block the input cuts: libbz2 then says, as for the whole file, whether it wanted more)."""
    value = int.from_bytes(block.data, "big") >> (len(block.data) * 8 - block.skip - block.bits)
    value &= (1 << block.bits) - 1
    bits = block.bits
    if not block.cut:
        value = (((value << _MARK_BITS) | END_MARK) << _CRC_BITS) | block.crc
        bits += _MARK_BITS + _CRC_BITS
    pad = -bits % 8
    return b"BZh" + bytes([48 + block.level]) + (value << pad).to_bytes((bits + pad) // 8, "big")


def decode(block: Block) -> tuple[bytes, bz2.BZ2Decompressor | None]:
    """The block's output (at most ``PIECE`` bytes) and, if more is to come, its decompressor."""
    decompressor = bz2.BZ2Decompressor()
    out = decompressor.decompress(one_block_stream(block), PIECE)
    if decompressor.eof:
        return out, None
    if not decompressor.needs_input:
        return out, decompressor
    if block.cut and out:
        return out, None  # a whole block before the cut: its output, then the cut is reported
    raise EOFError(_ENDED_EARLY)  # the block itself is cut short


def _joined(a: Block, b: Block) -> Block:
    """Two neighbouring blocks as one (the mark between them was data)."""
    return attrs.evolve(a, data=a.data[: (a.skip + a.bits) // 8] + b.data, bits=a.bits + b.bits, cut=b.cut)


class Bz2Blocks(io.RawIOBase):
    """The decompressed bytes of a bzip2 stream (one or several concatenated), decoded in parallel."""

    def __init__(self, raw: IO[bytes], threads: int = THREADS) -> None:
        super().__init__()
        self._parts = _Scanner(raw).parts()
        self._window = 2 * max(1, threads)
        self._threads = max(1, threads)
        self._executor: ThreadPoolExecutor | None = None
        self._pending: deque[tuple[Part, Future[tuple[bytes, bz2.BZ2Decompressor | None]] | None]] = deque()
        self._scanning = True
        self._out = memoryview(b"")
        self._more: bz2.BZ2Decompressor | None = None
        self._combined = 0
        self._broken = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._out:
            if self._broken:
                raise OSError(f"{_INVALID}: reading went on after the error that ended it")
            try:
                more = self._advance()
            except BaseException:
                self._broken = True
                self._finish()
                raise
            if not more:
                self._finish()
                return 0
        n = min(len(buffer), len(self._out))
        buffer[:n] = self._out[:n]
        self._out = self._out[n:]
        return n

    def close(self) -> None:
        self._finish()
        super().close()

    def _finish(self) -> None:
        """Let the decoding threads go as soon as the stream ends or fails (an error's traceback
        can keep this object alive until the garbage collector runs; its threads need not wait)."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        self._scanning = False
        self._pending.clear()

    def _advance(self) -> bool:
        """Make the next output current; ``False`` at the end of the input."""
        if self._more is not None:
            self._out = memoryview(self._more.decompress(b"", PIECE))
            if self._more.eof:
                self._more = None
            elif self._more.needs_input and not self._out:
                raise EOFError(_ENDED_EARLY)  # a block cut short, after the output it had
            return True
        self._fill()
        if not self._pending:
            return False
        part, future = self._pending.popleft()
        if isinstance(part, _Failure):
            raise part.error
        if isinstance(part, _End):
            if part.crc != self._combined:
                raise OSError(f"{_INVALID}: the stream's CRC does not match its blocks'")
            self._combined = 0
            return True
        assert future is not None
        try:
            out, self._more = future.result()
        except (OSError, EOFError, ValueError) as exc:
            part, out, self._more = self._rejoin(part, exc)
        self._combined = _rotate(self._combined, part.crc)
        self._out = memoryview(out)
        return True

    def _fill(self) -> None:
        """Keep ``window`` parts scanned and their blocks decoding."""
        while self._scanning and len(self._pending) < self._window:
            try:
                part: Part = next(self._parts)
            except StopIteration:
                self._scanning = False
                return
            except (OSError, EOFError) as exc:
                self._pending.append((_Failure(exc), None))
                self._scanning = False
                return
            future = None
            if isinstance(part, Block):
                if self._executor is None:
                    self._executor = ThreadPoolExecutor(self._threads, thread_name_prefix="wikiparse-bz2")
                future = self._executor.submit(decode, part)
            self._pending.append((part, future))

    def _rejoin(self, block: Block, error: Exception) -> tuple[Block, bytes, bz2.BZ2Decompressor | None]:
        """Decode ``block`` joined to the blocks after it, for a block mark that was data."""
        for _ in range(_MAX_JOINS):
            self._fill()
            if self._pending and isinstance(self._pending[0][0], _Failure):
                raise error  # the input ends inside this block: libbz2 said whether it wanted more
            if not self._pending or not isinstance(self._pending[0][0], Block):
                break
            following, future = self._pending.popleft()
            assert isinstance(following, Block)
            assert future is not None
            future.cancel()
            block = _joined(block, following)
            try:
                out, more = decode(block)
            except (OSError, EOFError, ValueError):
                continue
            return block, out, more
        raise error
