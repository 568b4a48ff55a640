"""WARC and ARC files via warcio (the optional ``warc`` extra): one page per HTML response record.

Each record's source carries the file, the record's byte offset (of its gzip member in a
.warc.gz, as CDX indexes count) and its WARC-Record-ID.  A record cut short by truncation is an
error line for that record alone; the records before it convert normally.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import attrs

from ..errors import InputError, LimitExceeded, MissingExtraError
from ..records import SourceInfo
from ..units import Skipped, Unit, Unreadable
from .context import Context, Item, Where, unreadable
from .streams import read_up_to

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_PAGE_RECORDS = ("response", "resource")
_DRAIN = 1024 * 1024


def read_warc(stream: IO[bytes], where: Where, ctx: Context) -> Iterator[Item]:
    """Every HTML response record; other records (requests, metadata, images) are not pages."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield Unreadable(source=where.info(), error=MissingExtraError("reading WARC files", "warc", "warcio"))
        return
    records = ArchiveIterator(stream)
    offset = 0
    try:
        for record in records:
            if record.rec_type in _PAGE_RECORDS:
                item = _page(record, where.info(), ctx)
                # warcio knows a record's offset only once the record has been read to its end
                offset = records.get_record_offset()
                yield attrs.evolve(item, source=attrs.evolve(item.source, offset=offset))
            else:
                offset = records.get_record_offset()
    except Exception as exc:
        source = attrs.evolve(where.info(), offset=offset)
        yield unreadable(source, exc, f"WARC file damaged after the record at offset {offset}")


def _page(record: Any, source: SourceInfo, ctx: Context) -> Item:
    headers = record.rec_headers
    if record.format == "arc":  # ARC records have no id; the offset identifies them
        source = attrs.evolve(source, timestamp=headers.get_header("archive-date"))
    else:
        source = attrs.evolve(
            source, record_id=headers.get_header("WARC-Record-ID"), timestamp=headers.get_header("WARC-Date")
        )
    content_type = _content_type(record)
    if content_type and not content_type.startswith(_HTML_TYPES):
        _drain(record, ctx)
        return Skipped(source=source, reason=f"WARC {record.rec_type} is {content_type}, not HTML")
    cap = ctx.options.limits.max_bytes
    try:
        data = read_up_to(record.content_stream(), cap + 1)
        missing = _drain(record, ctx)
        ctx.budget.spend(len(data), "WARC file")
    except Exception as exc:
        return unreadable(source, exc, "WARC record payload unreadable")
    if missing:
        stated = int(headers.get_header("Content-Length") or 0)
        message = f"WARC record truncated: {missing:,} of its {stated:,} bytes are missing"
        return Unreadable(source=source, error=InputError(message))
    if len(data) > cap:
        return Unreadable(
            source=source, error=LimitExceeded(f"page of more than {cap:,} bytes", cap, "max_bytes")
        )
    url = headers.get_header("WARC-Target-URI") or headers.get_header("uri")
    return Unit(source=source, data=data, url=url or None, format="html" if content_type else None)


def _content_type(record: Any) -> str | None:
    """The payload's media type: the HTTP header of a response, the WARC header of a resource."""
    holder = record.http_headers if record.rec_type == "response" else record.rec_headers  # ARC: response
    value = holder.get_header("Content-Type") if holder is not None else None
    return value.split(";", 1)[0].strip().lower() if value else None


def _drain(record: Any, ctx: Context) -> int:
    """Read the rest of the record's block; return how many stated bytes never arrived."""
    raw = record.raw_stream
    while chunk := raw.read(_DRAIN):
        ctx.budget.spend(len(chunk), "WARC file")
    return int(getattr(raw, "limit", 0) or 0)
