"""Byte streams for input readers: look at the head without losing it, read under a size cap, and
decompress under decompression-bomb limits.

Everything here streams: nothing holds more than one page (or one sniffing head) in memory, so a
10 GB dump needs no more RAM than its largest page.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from typing import IO, BinaryIO, Literal, Protocol

import attrs

from ..errors import InputError, LimitExceeded, MissingExtraError
from .bz2blocks import Bz2Blocks

Compression = Literal["gzip", "bzip2", "xz", "zstd"]


class Readable(Protocol):
    """Anything with ``read(n)``: files, decompressors, archive members."""

    def read(self, size: int = ..., /) -> bytes: ...


HEAD_BYTES = 64 * 1024
"""How much of a stream is looked at to decide its kind (a tar header is at 257, a WARC gzip member
is a few hundred bytes; 64 KiB also covers a long XML prologue)."""
RATIO_GRACE_BYTES = 8 * 1024 * 1024
"""Output below this size never trips the ratio limit: small, repetitive pages compress very well."""
_CHUNK = 1024 * 1024


class _Replay(io.RawIOBase):
    """A stream that first serves bytes already read (the head), then the rest of the source.

    If reading the head failed part-way (a truncated stream), the failure is raised where it
    happened — after the head — so the pages before the damage are still read.
    """

    def __init__(self, head: bytes, rest: IO[bytes], failure: Exception | None) -> None:
        self._head = memoryview(head)
        self._rest = rest
        self._failure = failure

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        if self._failure is not None:
            raise self._failure
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_up_to(stream: IO[bytes], size: int) -> bytes:
    """Read ``size`` bytes, or fewer only at the end of the stream (decompressors may return short reads)."""
    parts: list[bytes] = []
    left = size
    while left > 0:
        data = stream.read(min(left, _CHUNK))
        if not data:
            break
        parts.append(data)
        left -= len(data)
    return b"".join(parts)


def with_head(stream: IO[bytes], size: int = HEAD_BYTES) -> tuple[bytes, BinaryIO]:
    """The first ``size`` bytes (fewer if the stream ends or fails) and a stream that still
    starts at the beginning."""
    parts: list[bytes] = []
    failure: Exception | None = None
    left = size
    try:
        while left > 0 and (data := stream.read(min(left, _CHUNK))):
            parts.append(data)
            left -= len(data)
    except Exception as exc:
        failure = exc
    head = b"".join(parts)
    return head, io.BufferedReader(_Replay(head, stream, failure), buffer_size=256 * 1024)


def read_capped(stream: IO[bytes], cap: int, what: str) -> bytes:
    """The whole stream, refusing (before reading it all) anything larger than ``cap`` bytes."""
    data = read_up_to(stream, cap + 1)
    if len(data) > cap:
        raise LimitExceeded(f"{what} of more than {cap:,} bytes", cap, "max_bytes")
    return data


@attrs.define
class Budget:
    """Decompressed bytes one input may produce in total, across all its layers and members."""

    limit: int
    used: int = 0

    def spend(self, n: int, what: str) -> None:
        self.used += n
        if self.used > self.limit:
            raise LimitExceeded(
                f"decompressed size of {what} ({self.used:,} bytes so far)", self.limit, "max_unpacked_bytes"
            )


class _Counting(io.RawIOBase):
    """Counts the compressed bytes a decompressor consumes."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)


_DECOMPRESS_ERRORS: tuple[type[BaseException], ...] = (EOFError, OSError, zlib.error, lzma.LZMAError)


class _Guarded(io.RawIOBase):
    """Decompressed output, checked against a ratio and the input's :class:`Budget` as it is produced.

    Decompressor failures (truncation, corrupt data) become :class:`InputError` naming the format.
    """

    def __init__(
        self, inner: Readable, counted: _Counting, kind: str, budget: Budget, max_ratio: float
    ) -> None:
        # read1: one decompression step per call, so the data before a truncation is handed on
        # before the error (read(n) would collect n bytes and lose them all when it fails)
        self._read = getattr(inner, "read1", inner.read)
        self._counted = counted
        self._kind = kind
        self._budget = budget
        self._max_ratio = max_ratio
        self._out = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            data = self._read(len(buffer))
        except _DECOMPRESS_ERRORS + _zstd_errors() as exc:
            raise InputError(f"truncated or corrupt {self._kind} stream: {exc}") from exc
        n = len(data)
        buffer[:n] = data
        self._out += n
        self._budget.spend(n, f"{self._kind} stream")
        if self._out > RATIO_GRACE_BYTES and self._out > self._max_ratio * max(self._counted.count, 1):
            raise LimitExceeded(
                f"{self._kind} compression ratio ({self._out:,} bytes out of {self._counted.count:,})",
                self._max_ratio,
                "max_unpack_ratio",
            )
        return n


def decompress(stream: IO[bytes], kind: Compression, budget: Budget, max_ratio: float) -> BinaryIO:
    """A decompressed view of ``stream`` under the bomb limits."""
    counted = _Counting(stream)
    raw = io.BufferedReader(counted, buffer_size=256 * 1024)
    inner: Readable
    if kind == "gzip":
        inner = gzip.GzipFile(fileobj=raw, mode="rb")
    elif kind == "bzip2":
        inner = Bz2Blocks(raw)  # decoded on a few threads: see bz2blocks
    elif kind == "xz":
        inner = lzma.LZMAFile(raw)  # noqa: SIM115  (closed with the stream it reads)
    else:
        inner = _zstd_reader(raw)
    return io.BufferedReader(_Guarded(inner, counted, kind, budget, max_ratio), buffer_size=256 * 1024)


def peek_decompressed(kind: Compression, head: bytes, size: int = 4096) -> bytes:
    """Best effort: the first ``size`` bytes of a compressed head, without touching the stream.

    Output is capped, so a bomb in the head costs nothing; damage just gives fewer bytes.
    """
    try:
        if kind == "gzip":
            return zlib.decompressobj(wbits=31).decompress(head, size)
        if kind == "bzip2":
            return bz2.BZ2Decompressor().decompress(head, size)
        if kind == "xz":
            return lzma.LZMADecompressor().decompress(head, size)
        return _zstd_reader(io.BytesIO(head)).read(size)
    except _DECOMPRESS_ERRORS + _zstd_errors() + (MissingExtraError,):
        return b""


def _zstd_reader(raw: IO[bytes]) -> IO[bytes]:
    try:
        import zstandard
    except ImportError as exc:
        raise MissingExtraError("reading zstd-compressed input", "zstd", "zstandard") from exc
    reader: IO[bytes] = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
    return reader


def _zstd_errors() -> tuple[type[BaseException], ...]:
    try:
        import zstandard
    except ImportError:
        return ()
    return (zstandard.ZstdError,)
