"""JSON inputs: NDJSON/JSON Lines dumps and single JSON documents.

Three record shapes are read, each recognised by its fields:

* Wikimedia Enterprise (``name``, ``url``, ``article_body.html``, ``categories``, ``namespace``…);
* MediaWiki ``action=parse`` responses, formatversion 1 (``{"text": {"*": html}}``) and 2
  (``{"text": html}``), with ``prop=text`` or ``prop=wikitext``;
* generic lines with an ``html`` or ``text`` field and optional ``url`` / ``title``.

A dump line that is not JSON, or a record of none of these shapes, is an error line naming its
line number; the other lines convert normally.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import IO, Any

import attrs

from ..errors import InputError, LimitExceeded
from ..options import Format
from ..records import SourceInfo
from ..units import Skipped, Unit, Unreadable
from .context import Context, Item, Where, unreadable
from .streams import read_capped

_SKIP_CHUNK = 1024 * 1024


def read_json(stream: IO[bytes], where: Where, ctx: Context) -> Iterator[Item]:
    """An NDJSON dump (one record per line) or one JSON document (possibly pretty-printed)."""
    cap = 2 * ctx.options.limits.max_bytes  # a record holds its page plus metadata (and often wikitext)
    number = 0
    while True:  # the first non-blank line decides: a whole JSON value means NDJSON
        first = stream.readline(cap + 1)
        number += 1
        if not first or first.strip():
            break
    if len(first) > cap:  # too long to be the first line of a pretty-printed document
        yield Unreadable(source=attrs.evolve(where.info(), line=number), error=_too_long(cap))
        _skip_rest_of_line(stream)
        yield from _lines(stream, number, where, ctx, cap)
        return
    try:
        record = json.loads(first)
    except (ValueError, RecursionError):
        yield _document(first, stream, where, ctx, cap)
        return
    yield _item(record, attrs.evolve(where.info(), line=number), ctx)
    yield from _lines(stream, number, where, ctx, cap)


def _document(first: bytes, stream: IO[bytes], where: Where, ctx: Context, cap: int) -> Item:
    source = where.info()
    try:
        data = first + read_capped(stream, cap - len(first), "JSON document")
    except Exception as exc:
        return unreadable(source, exc, "cannot read the JSON document")
    try:
        record = json.loads(data)
    except (ValueError, RecursionError) as exc:  # RecursionError: nesting deeper than Python's stack
        return unreadable(source, exc, "not valid JSON")
    return _item(record, source, ctx)


def _lines(stream: IO[bytes], number: int, where: Where, ctx: Context, cap: int) -> Iterator[Item]:
    while True:
        try:
            line = stream.readline(cap + 1)
        except Exception as exc:
            yield unreadable(
                attrs.evolve(where.info(), line=number + 1), exc, "dump unreadable from this line"
            )
            return
        if not line:
            return
        number += 1
        source = attrs.evolve(where.info(), line=number)
        if len(line) > cap and not line.endswith(b"\n"):
            yield Unreadable(
                source=source, error=LimitExceeded(f"JSON line of more than {cap:,} bytes", cap, "max_bytes")
            )
            _skip_rest_of_line(stream)
        elif line.strip():
            try:
                record = json.loads(line)
            except (ValueError, RecursionError) as exc:
                yield unreadable(source, exc, "not valid JSON")
                continue
            yield _item(record, source, ctx)


def _too_long(cap: int) -> LimitExceeded:
    return LimitExceeded(f"JSON line of more than {cap:,} bytes", cap, "max_bytes")


def _skip_rest_of_line(stream: IO[bytes]) -> None:
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _item(record: object, source: SourceInfo, ctx: Context) -> Item:
    """The unit a JSON record describes, by its shape."""
    if not isinstance(record, Mapping):
        return Unreadable(
            source=source, error=InputError(f"a JSON {type(record).__name__} is not a page record")
        )
    body = record.get("article_body")
    if isinstance(body, Mapping):
        return _enterprise(record, body, source, ctx)
    parsed = record.get("parse")
    if isinstance(parsed, Mapping):
        return _action_parse(parsed, source)
    error = record.get("error")
    if isinstance(error, Mapping):
        message = f"the API answered with an error: {error.get('code')}: {error.get('info')}"
        return Unreadable(source=source, error=InputError(message))
    for field, format in (("html", "html"), ("text", "text")):
        if isinstance(record.get(field), str):
            return Unit(
                source=source,
                data=record[field],
                format=format,  # type: ignore[arg-type]
                url=_str(record.get("url")),
                title=_str(record.get("title")),
            )
    message = (
        "a JSON record with none of the fields wikiparse reads: article_body.html (Wikimedia Enterprise), "
        "parse.text (MediaWiki action=parse), or html / text"
    )
    return Unreadable(source=source, error=InputError(message))


def _enterprise(record: Mapping[str, Any], body: Mapping[str, Any], source: SourceInfo, ctx: Context) -> Item:
    version = record.get("version")
    namespace = record.get("namespace")
    source = attrs.evolve(
        source,
        page_id=_int(record.get("identifier")),
        revision_id=_int(version.get("identifier")) if isinstance(version, Mapping) else None,
        timestamp=_str(record.get("date_modified")),
    )
    ns = _int(namespace.get("identifier")) if isinstance(namespace, Mapping) else None
    wanted = ctx.options.namespaces
    if ns is not None and wanted is not None and ns not in wanted:
        return Skipped(source=source, reason=f"namespace {ns} not selected")
    data, format = _body(body.get("html"), body.get("wikitext"))
    if data is None:
        return Unreadable(source=source, error=InputError("the Enterprise record has no article_body.html"))
    categories = record.get("categories")
    names = (
        [c.get("name") for c in categories if isinstance(c, Mapping)] if isinstance(categories, list) else []
    )
    return Unit(
        source=source,
        data=data,
        format=format,
        url=_str(record.get("url")),
        title=_str(record.get("name")),
        namespace=ns,
        categories=tuple(_strip_namespace(n) for n in names if isinstance(n, str)),
    )


def _action_parse(parsed: Mapping[str, Any], source: SourceInfo) -> Item:
    source = attrs.evolve(source, page_id=_int(parsed.get("pageid")), revision_id=_int(parsed.get("revid")))
    data, format = _body(_star(parsed.get("text")), _star(parsed.get("wikitext")))
    if data is None:
        return Unreadable(
            source=source, error=InputError("the action=parse response has neither text nor wikitext")
        )
    categories = parsed.get("categories")
    names = (
        [_str(c.get("category", c.get("*"))) for c in categories if isinstance(c, Mapping)]
        if isinstance(categories, list)
        else []
    )
    return Unit(
        source=source,
        data=data,
        format=format,
        title=_str(parsed.get("title")),
        categories=tuple(n.replace("_", " ") for n in names if n),
    )


def _body(html: object, wikitext: object) -> tuple[str | None, Format | None]:
    if isinstance(html, str):
        return html, "html"
    if isinstance(wikitext, str):
        return wikitext, "wikitext"
    return None, None


def _star(value: object) -> object:
    """formatversion=1 wraps content as ``{"*": value}``; formatversion=2 gives the value."""
    return value.get("*") if isinstance(value, Mapping) else value


def _strip_namespace(name: str) -> str:
    """``Category:1879 births`` → ``1879 births`` (localised prefixes too: ``Catégorie:…``)."""
    prefix, colon, rest = name.partition(":")
    return rest if colon and prefix and rest else name


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
