"""Page ⇄ JSON-able dict: the one module that knows the JSON form.

Keys come out in the order the record classes declare them; every block carries a ``type``
tag. ``page_from_dict(page_to_dict(p)) == p`` for every page, and the same page always gives
the same dict (and, with ``json.dumps(..., ensure_ascii=False)``, the same bytes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from .errors import InputError
from .options import MAX_LIST_DEPTH
from .records import (
    SCHEMA,
    Block,
    Code,
    Decoding,
    Infobox,
    InfoboxField,
    Link,
    ListBlock,
    ListItem,
    Page,
    Paragraph,
    Quote,
    Removal,
    Section,
    SourceInfo,
    Table,
)

BLOCK_TYPES: dict[str, type[Any]] = {
    "paragraph": Paragraph,
    "list": ListBlock,
    "table": Table,
    "quote": Quote,
    "code": Code,
}
BLOCK_TAGS: dict[type[Any], str] = {cls: tag for tag, cls in BLOCK_TYPES.items()}

T = TypeVar("T")


def page_to_dict(page: Page) -> dict[str, object]:
    """The JSON form of a page: plain dicts, lists, strings, numbers, booleans and None."""
    return _record_to_dict(page)


_PLAIN: frozenset[type] = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}
"""Each record class's field names, in declaration order (``attrs.fields`` per value was a
fifth of the time of writing a dump page's JSON line)."""


def _field_names(cls: type) -> tuple[str, ...] | None:
    names = _FIELDS.get(cls)
    if names is None and attrs.has(cls):
        names = _FIELDS[cls] = tuple(field.name for field in attrs.fields(cls))
    return names


def _value_to_json(value: object) -> object:
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is tuple:
        items: tuple[object, ...] = value  # type: ignore[assignment]
        if items and type(items[0]) is ListItem:
            return _items_to_json(items)  # type: ignore[arg-type]
        return [_value_to_json(v) for v in items]
    if _field_names(kind) is not None:
        return _record_to_dict(value)
    return value


def _items_to_json(items: tuple[ListItem, ...]) -> list[object]:
    """List items without recursion: a hand-built page may nest lists deeper than Python's stack."""
    out: list[object] = []
    stack: list[tuple[Iterator[ListItem], list[object]]] = [(iter(items), out)]
    while stack:
        item = next(stack[-1][0], None)
        if item is None:
            stack.pop()
            continue
        children: list[object] = []
        stack[-1][1].append({"text": item.text, "term": item.term, "detail": item.detail, "items": children})
        if item.items:
            stack.append((iter(item.items), children))
    return out


def _record_to_dict(record: object) -> dict[str, object]:
    out: dict[str, object] = {}
    cls = type(record)
    tag = BLOCK_TAGS.get(cls)
    if tag is not None:
        out["type"] = tag
    for name in _field_names(cls) or ():
        out[name] = _value_to_json(getattr(record, name))
    return out


# ---------------------------------------------------------------- reading back


def page_from_dict(data: Mapping[str, object]) -> Page:
    """Rebuild a :class:`Page`; raises :class:`InputError` naming the first bad key."""
    if not isinstance(data, Mapping):
        raise InputError(f"a page must be a JSON object, got {type(data).__name__}")
    schema = data.get("schema")
    if schema != SCHEMA:
        raise InputError(f"unsupported schema {schema!r}; this version of wikiparse reads {SCHEMA!r}")
    _check_nesting(data)
    try:
        return _build(Page, data, _PAGE_FIELDS)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise InputError(f"malformed page record: {exc}") from exc


MAX_SECTION_DEPTH = 32
"""Sections nest by heading level (at most 6 deep from HTML or wikitext); deeper is not a page."""


def _check_nesting(data: Mapping[str, object]) -> None:
    """Refuse sections or lists nested deeper than a page can be, before recursing into them."""
    stack: list[tuple[object, int, int]] = [(data, 0, 0)]
    while stack:
        value, sections, items = stack.pop()
        if sections > MAX_SECTION_DEPTH or items > MAX_LIST_DEPTH:
            what = "sections" if sections > MAX_SECTION_DEPTH else "list items"
            limit = MAX_SECTION_DEPTH if sections > MAX_SECTION_DEPTH else MAX_LIST_DEPTH
            raise InputError(f"malformed page record: {what} nested more than {limit} levels deep")
        if isinstance(value, Mapping):
            for key, child in value.items():
                if child and isinstance(child, (list, Mapping)):
                    stack.append((child, sections + (key == "sections"), items + (key == "items")))
        elif isinstance(value, list):
            stack.extend(
                (child, sections, items) for child in value if child and isinstance(child, (list, Mapping))
            )


def _tuple(conv: Callable[[Any], T]) -> Callable[[Any], tuple[T, ...]]:
    def convert(value: Any) -> tuple[T, ...]:
        if not isinstance(value, list):
            raise TypeError(f"expected a list, got {type(value).__name__}")
        return tuple(conv(v) for v in value)

    return convert


def _optional(conv: Callable[[Any], T]) -> Callable[[Any], T | None]:
    return lambda value: None if value is None else conv(value)


def _plain(*types: type) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if isinstance(value, bool) and bool not in types:
            raise TypeError(f"expected {'/'.join(t.__name__ for t in types)}, got bool")
        if not isinstance(value, types):
            raise TypeError(f"expected {'/'.join(t.__name__ for t in types)}, got {type(value).__name__}")
        return value

    return check


def _build(cls: type[T], data: Any, convs: Mapping[str, Callable[[Any], Any]]) -> T:
    if not isinstance(data, Mapping):
        raise TypeError(f"{cls.__name__} must be an object, got {type(data).__name__}")
    unknown = set(data) - set(convs) - {"type"}
    if unknown:
        raise KeyError(f"unknown key(s) for {cls.__name__}: {sorted(unknown)}")
    kwargs = {name: conv(data[name]) for name, conv in convs.items() if name in data}
    return cls(**kwargs)


def _block(data: Any) -> Block:
    if not isinstance(data, Mapping):
        raise TypeError(f"a block must be an object, got {type(data).__name__}")
    tag = data.get("type")
    if tag not in BLOCK_TYPES:
        raise ValueError(f"unknown block type {tag!r}; known: {sorted(BLOCK_TYPES)}")
    block: Block = _build(BLOCK_TYPES[tag], data, _BLOCK_FIELDS[tag])
    return block


_str = _plain(str)
_opt_str = _optional(_str)
_opt_int = _optional(_plain(int))
_strs = _tuple(_str)


def _list_item(data: Any) -> ListItem:
    return _build(ListItem, data, _ITEM_FIELDS)


_ITEM_FIELDS: dict[str, Callable[[Any], Any]] = {
    "text": _str,
    "term": _opt_str,
    "detail": _opt_str,
    "items": _tuple(_list_item),
}

_BLOCK_FIELDS: dict[str, dict[str, Callable[[Any], Any]]] = {
    "paragraph": {"text": _str},
    "list": {"ordered": _plain(bool), "items": _tuple(_list_item)},
    "table": {"caption": _opt_str, "header": _optional(_strs), "rows": _tuple(_strs)},
    "quote": {"text": _str, "cite": _opt_str},
    "code": {"text": _str},
}


def _section(data: Any) -> Section:
    return _build(Section, data, _SECTION_FIELDS)


_SECTION_FIELDS: dict[str, Callable[[Any], Any]] = {
    "title": _str,
    "level": _plain(int),
    "blocks": _tuple(_block),
    "sections": _tuple(_section),
}

_PAGE_FIELDS: dict[str, Callable[[Any], Any]] = {
    "schema": _str,
    "title": _opt_str,
    "url": _opt_str,
    "source": _optional(
        lambda d: _build(
            SourceInfo,
            d,
            {
                "path": _opt_str,
                "member": _opt_str,
                "offset": _opt_int,
                "line": _opt_int,
                "record_id": _opt_str,
                "page_id": _opt_int,
                "revision_id": _opt_int,
                "timestamp": _opt_str,
                "sha256": _opt_str,
            },
        )
    ),
    "page_type": _str,
    "site": _str,
    "skin": _opt_str,
    "site_name": _opt_str,
    "input_format": _str,
    "lang": _opt_str,
    "redirect": _opt_str,
    "summary": _str,
    "lead": _tuple(_block),
    "sections": _tuple(_section),
    "infoboxes": _tuple(
        lambda d: _build(
            Infobox,
            d,
            {
                "title": _opt_str,
                "fields": _tuple(lambda f: _build(InfoboxField, f, {"label": _str, "value": _str})),
            },
        )
    ),
    "categories": _strs,
    "links": _tuple(lambda d: _build(Link, d, {"text": _str, "target": _str})),
    "removed": _tuple(
        lambda d: _build(Removal, d, {"rule": _str, "reason": _str, "text": _str, "chars": _plain(int)})
    ),
    "warnings": _strs,
    "decoding": _optional(
        lambda d: _build(
            Decoding,
            d,
            {
                "encoding": _str,
                "method": _str,
                "replaced": _plain(int),
                "mojibake_repaired": _plain(int),
            },
        )
    ),
}
