"""MediaWiki XML exports: the bridge to the wikitext reader's dump iterator.

The dump reader (``wikiparse.wikitext.dump.iter_units``) parses the XML safely and yields one
unit per page revision; this module only finds it, passes the options through, places units
inside their archive member, and turns a failure part-way into one error line for the rest.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import IO, Any

import attrs

from ..errors import InputError
from ..units import Unreadable
from .context import Context, Item, Where, unreadable

NOT_SUPPORTED = "MediaWiki XML dumps are not supported in this build (wikiparse.wikitext.dump is missing)"


def _dump_reader() -> Callable[..., Iterator[Any]] | None:
    try:
        module = importlib.import_module("wikiparse.wikitext.dump")
    except ImportError:
        return None
    reader = getattr(module, "iter_units", None)
    return reader if callable(reader) else None


def read_xml_dump(stream: IO[bytes], where: Where, ctx: Context) -> Iterator[Item]:
    """Every page of the dump in the selected namespaces (others are counted as skipped)."""
    iter_units = _dump_reader()
    if iter_units is None:
        yield Unreadable(source=where.info(), error=InputError(NOT_SUPPORTED))
        return
    count = 0
    try:
        for item in iter_units(
            stream, path=where.path, namespaces=ctx.options.namespaces, limits=ctx.options.limits
        ):
            if where.member is not None:
                item = attrs.evolve(item, source=attrs.evolve(item.source, member=where.member))
            count += 1
            yield item
    except Exception as exc:
        yield unreadable(where.info(), exc, f"XML dump unreadable after {count} pages")
