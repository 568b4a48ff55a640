"""Open a dump stream whatever its compression: plain, gzip, bzip2, xz, or 7z (optional extra).

The kind is sniffed from the first bytes, never from the file name, so a mislabelled file still
opens.  Every reader here streams: nothing holds more than a decompression buffer, and 7z
archives are extracted by a worker thread into a bounded queue (py7zr pushes, lxml pulls).
"""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import BinaryIO, Literal

from ..errors import InputError, MissingExtraError
from ..options import Limits
from ..sources.streams import Budget, decompress

Compression = Literal["plain", "gzip", "bzip2", "xz", "7z"]

_MAGIC: tuple[tuple[bytes, Compression], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
)


def sniff(head: bytes) -> Compression:
    """The compression of a stream from its first bytes.

    >>> sniff(b"BZh91AY")
    'bzip2'
    >>> sniff(b"<mediawiki")
    'plain'
    """
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return "plain"


def _peek(stream: BinaryIO, size: int = 8) -> tuple[bytes, BinaryIO]:
    """The first bytes of ``stream`` and a stream that still yields them."""
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return bytes(peek(size))[:size], stream
    if stream.seekable():
        pos = stream.tell()
        head = stream.read(size)
        stream.seek(pos)
        return head, stream
    buffered = io.BufferedReader(stream)  # type: ignore[type-var]
    return buffered.peek(size)[:size], buffered


@contextmanager
def open_decompressed(stream: BinaryIO, limits: Limits) -> Iterator[BinaryIO]:
    """A binary stream of the uncompressed XML held in ``stream`` (which stays open).

    gzip, bzip2 and xz are read as batch inputs are (:func:`wikiparse.sources.streams.decompress`):
    under the ``limits``' decompression-bomb bounds, and damage raises
    :class:`~wikiparse.errors.InputError` where it is met, after the data before it.
    """
    head, stream = _peek(stream)
    kind = sniff(head)
    if kind == "plain":
        yield stream
    elif kind == "7z":
        with io.BufferedReader(_SevenZipStream(stream)) as raw:
            yield raw
    else:
        with decompress(stream, kind, Budget(limits.max_unpacked_bytes), limits.max_unpack_ratio) as raw:
            yield raw


class _SevenZipStream(io.RawIOBase):
    """The first XML member of a 7z archive, read as it is extracted (needs ``py7zr``).

    py7zr writes decompressed chunks into a writer it creates; a worker thread runs the
    extraction and hands chunks over a queue of at most ``_QUEUE_CHUNKS`` entries, so memory
    stays bounded however large the member.
    """

    _QUEUE_CHUNKS = 16

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__()
        try:
            import py7zr
        except ImportError:
            raise MissingExtraError("reading a .7z dump", "sevenzip", "py7zr") from None
        self._chunks: queue.Queue[bytes | BaseException | None] = queue.Queue(self._QUEUE_CHUNKS)
        self._buffer = b""
        self._done = False
        self._stop = threading.Event()
        try:
            self._archive = py7zr.SevenZipFile(stream, mode="r")
        except py7zr.exceptions.Bad7zFile as exc:
            raise InputError(f"not a readable 7z archive: {exc}") from exc
        names = [n for n in self._archive.getnames() if not n.endswith("/")]
        if not names:
            raise InputError("the 7z archive holds no file")
        self.member = next((n for n in names if n.lower().endswith(".xml")), names[0])
        self._thread = threading.Thread(target=self._extract, name="wikiparse-7z", daemon=True)
        self._thread.start()

    def _extract(self) -> None:
        from py7zr.io import Py7zIO, WriterFactory

        owner = self

        class _Writer(Py7zIO):
            def write(self, s: bytes | bytearray) -> int:
                if owner._stop.is_set():
                    raise _Cancelled
                owner._chunks.put(bytes(s))
                return len(s)

            def read(self, size: int | None = None) -> bytes:
                return b""

            def seek(self, offset: int, whence: int = 0) -> int:
                return 0

            def flush(self) -> None:
                return None

            def size(self) -> int:
                return 0

        class _Factory(WriterFactory):
            def create(self, filename: str) -> Py7zIO:
                return _Writer()

        try:
            self._archive.extract(targets=[self.member], factory=_Factory())
        except _Cancelled:
            pass
        except BaseException as exc:  # handed to the reading thread, which raises it
            self._chunks.put(exc)
        finally:
            self._chunks.put(None)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._buffer and not self._done:
            item = self._chunks.get()
            if item is None:
                self._done = True
            elif isinstance(item, BaseException):
                raise InputError(f"cannot extract {self.member} from the 7z archive: {item}") from item
            else:
                self._buffer = item
        size = min(len(buffer), len(self._buffer))
        buffer[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size

    def close(self) -> None:
        if not self.closed:
            self._stop.set()
            while self._thread.is_alive():  # drain so the worker can see the stop flag
                with suppress(queue.Empty):
                    self._chunks.get(timeout=0.1)
            self._archive.close()
        super().close()


class _Cancelled(Exception):
    """Raised inside the extraction thread when the reader closed early."""
