"""One stream → its pages, by what the stream is: a page, a compressed stream, an archive, a WARC,
a JSON dump or a MediaWiki XML dump.  Containers call back here for their members, so any nesting
(a .gz page in a .tar.zst, an NDJSON in a .tar.gz) is read the same way, up to a nesting limit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO

from ..errors import InputError
from ..units import Unit, Unreadable
from .context import Context, Item, Where, unreadable
from .sniff import Kind, sniff
from .streams import Compression, decompress, peek_decompressed, read_capped, with_head

Reader = Callable[[IO[bytes], Where, Context], Iterator[Item]]


def read_stream(stream: IO[bytes], where: Where, ctx: Context) -> Iterator[Item]:
    """Every page in ``stream``; damage ends the stream with one ``Unreadable`` for the damaged part."""
    try:
        head, replay = with_head(stream)
    except Exception as exc:
        yield unreadable(where.info(), exc, "cannot read the input")
        return
    kind = sniff(head)
    if kind == "page":
        yield read_page(replay, where, ctx)
        return
    if ctx.depth >= ctx.options.max_nesting:
        message = f"containers nested more than {ctx.options.max_nesting} deep are not read"
        yield Unreadable(source=where.info(), error=InputError(message))
        return
    if kind in ("gzip", "bzip2", "xz", "zstd"):
        yield from _read_compressed(replay, head, kind, where, ctx)
        return
    yield from _reader(kind)(replay, where, ctx)


def read_page(stream: IO[bytes], where: Where, ctx: Context) -> Item:
    """The stream as one page (its bytes, capped at ``limits.max_bytes``)."""
    try:
        data = read_capped(stream, ctx.options.limits.max_bytes, "page")
    except Exception as exc:
        return unreadable(where.info(), exc, "unreadable")
    return Unit(source=where.info(), data=data)


def _read_compressed(
    raw: IO[bytes], head: bytes, kind: Compression, where: Where, ctx: Context
) -> Iterator[Item]:
    if kind == "gzip" and sniff(peek_decompressed(kind, head)) == "warc":
        # warc.gz is a series of gzip members, one per record: warcio reads it compressed, which
        # keeps record offsets meaningful and lets it resynchronise after a damaged member.
        from .warc import read_warc

        yield from read_warc(raw, where, ctx)
        return
    try:
        inner = decompress(raw, kind, ctx.budget, ctx.options.limits.max_unpack_ratio)
    except Exception as exc:
        yield unreadable(where.info(), exc, f"cannot decompress {kind}")
        return
    yield from read_stream(inner, where, ctx.deeper())


def _reader(kind: Kind) -> Reader:
    """The reader module for a container kind, imported only when that kind is met."""
    if kind in ("tar", "zip"):
        from . import archives

        return archives.read_tar if kind == "tar" else archives.read_zip
    if kind == "warc":
        from .warc import read_warc

        return read_warc
    if kind == "json":
        from .jsondump import read_json

        return read_json
    from .xmldump import read_xml_dump

    return read_xml_dump


def read_file(path: str, ctx: Context, opened: Callable[[IO[bytes]], None] | None = None) -> Iterator[Item]:
    """Every page in the file at ``path``; ``opened`` is handed the open file (to follow its position)."""
    where = Where(path)
    try:
        file = open(path, "rb")  # noqa: SIM115  (closed in finally; the generator owns it)
    except OSError as exc:
        yield unreadable(where.info(), exc, "cannot open")
        return
    if opened is not None:
        opened(file)
    try:
        yield from read_stream(file, where, ctx)  # an empty file is an empty page: the worker says so
    except Exception as exc:  # a reader bug must cost this file's remaining pages, never the run
        yield unreadable(where.info(), exc, f"reading stopped ({type(exc).__name__})")
    finally:
        file.close()
