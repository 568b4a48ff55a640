"""Infoboxes → label/value pairs: Fandom portable infoboxes and MediaWiki infobox tables.

Portable infoboxes (``aside.portable-infobox``) name their parts: ``pi-title``, ``pi-data`` with
``pi-data-label``/``pi-data-value``, horizontal groups (a small table: labels in the head row,
values below), smart groups, tabbed sections.  Infobox tables (``table.infobox``, taxoboxes,
custom ``#infoboxtable``s) are read row by row: a label cell and a value cell, or — the shape of
Bulbapedia's boxes — a cell that opens with a bold label followed by its value.
Rows that are not a pair (captions, sub-headers) are kept as fields with an empty label, so no
shown text is lost.  Hidden cells never get here: the region cut drops ``display:none`` elements.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from ..records import Infobox, InfoboxField
from .soup import Tag, outermost
from .tables import cells_of, rows_of

TextOf = Callable[[Tag], str]

_INFOBOX_CLASS = regex.compile(r"infobox|taxobox|^biota$", regex.I)
_LABEL_MAX = 60
_GROUP_DEPTH = 2


def is_infobox(el: Tag) -> bool:
    """An infobox element: a portable infobox, or a table whose class or id says infobox.

    Wikis name their infobox tables freely (``infobox``, ``infobox_v2``, ``wikia-infobox``,
    ``character-infobox``, ``#infoboxtable``; taxoboxes), so any class or id containing
    "infobox" counts.
    """
    classes: list[str] = list(el.get("class") or [])
    if el.name in ("aside", "div"):
        return "portable-infobox" in classes
    if el.name != "table":
        return False
    ident = el.get("id")
    return any(_INFOBOX_CLASS.search(c) for c in classes) or (
        isinstance(ident, str) and _INFOBOX_CLASS.search(ident) is not None
    )


def read_infobox(el: Tag, text_of: TextOf) -> Infobox | None:
    """The infobox's title and fields; ``None`` when it has no field."""
    if el.name == "aside":
        title, fields = _portable(el, text_of)
    else:
        title, fields = _table(el, text_of)
    if not fields:
        return None
    return Infobox(title=title, fields=tuple(fields))


def _words(text: str) -> str:
    return " ".join(text.split())


def _field(label: str, value: str) -> InfoboxField | None:
    label = _words(label).rstrip(":：").strip()
    value = _words(value)
    return InfoboxField(label=label, value=value) if value else None


def _has(el: Tag, name: str) -> bool:
    return name in (el.get("class") or [])


def _portable(aside: Tag, text_of: TextOf) -> tuple[str | None, list[InfoboxField]]:
    title = None
    fields: list[InfoboxField] = []
    tabs = [_words(text_of(t)) for t in _parts(aside, ("pi-section-tab",))]
    tab = 0
    for el in _parts(aside, _PARTS):
        if _has(el, "pi-section-content") and tab < len(tabs):
            # A tabbed box: each tab's name opens its fields, as the tab bar shows it.
            shown = _field("", tabs[tab])
            tab += 1
            if shown is not None:
                fields.append(shown)
        elif title is None and _has(el, "pi-title"):
            title = _words(text_of(el)) or None
        elif _has(el, "pi-data"):
            label = el.find(class_="pi-data-label")
            value = el.find(class_="pi-data-value")
            if value is not None:
                field = _field(text_of(label) if label is not None else "", text_of(value))
                if field is not None:
                    fields.append(field)
        elif _has(el, "pi-horizontal-group") or _has(el, "pi-smart-group"):
            fields.extend(_group(el, text_of))
        elif _has(el, "pi-caption") or _has(el, "pi-header"):
            shown = _field("", text_of(el))
            if shown is not None:
                fields.append(shown)
    return title, fields


_PARTS = (
    *("pi-section-content", "pi-title", "pi-data", "pi-horizontal-group", "pi-smart-group"),
    *("pi-caption", "pi-header"),
)
# Parts read whole: nothing inside them is a part of its own.  (A box whose parts nest, as a
# hostile page's may, would otherwise repeat their text once per level.)
_WHOLE = ("pi-section-tab", "pi-title", "pi-data", "pi-caption", "pi-header")
_GROUPS = ("pi-horizontal-group", "pi-smart-group")


def _parts(aside: Tag, names: tuple[str, ...]) -> list[Tag]:
    """Elements of the box with one of the class ``names``, in order; nothing inside a part read
    whole, and no group inside a group."""
    found: list[Tag] = []
    stack: list[tuple[Iterator[object], bool]] = [(iter(aside.contents), False)]
    while stack:
        children, in_group = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
        elif isinstance(node, Tag):
            tokens = node.get("class") or ()
            group = any(g in tokens for g in _GROUPS)
            if any(n in tokens for n in names) and not (group and in_group):
                found.append(node)
            if not any(w in tokens for w in _WHOLE):
                stack.append((iter(node.contents), in_group or group))
    return found


def _group(group: Tag, text_of: TextOf) -> list[InfoboxField]:
    """Labels and values side by side, matched by position (a group's own, not a nested one's)."""
    found = _own_items(group)
    labels = [x for x in found if (x.name == "th" and _has(x, _ITEM)) or _has(x, "pi-smart-data-label")]
    values = [x for x in found if _has(x, "pi-smart-data-value")] or [
        x for x in found if x.name == "td" and _has(x, _ITEM)
    ]
    pairs = [_field(text_of(lab), text_of(val)) for lab, val in zip(labels, values, strict=False)]
    return [p for p in pairs if p is not None]


_ITEM = "pi-horizontal-group-item"
_ITEMS = (_ITEM, "pi-smart-data-label", "pi-smart-data-value")


def _own_items(group: Tag) -> list[Tag]:
    """The group's label and value cells, in order: none inside another, none of a nested group."""
    return outermost(
        group,
        lambda node: any(n in (node.get("class") or ()) for n in _ITEMS),
        lambda node: any(g in (node.get("class") or ()) for g in _GROUPS),
    )


def _table(table: Tag, text_of: TextOf) -> tuple[str | None, list[InfoboxField]]:
    caption = next((c for c in table.children if isinstance(c, Tag) and c.name == "caption"), None)
    title = _words(text_of(caption)) or None if caption is not None else None
    fields: list[InfoboxField] = []
    for row in rows_of(table):
        cells = cells_of(row)
        pair = _label_value(cells, text_of)
        if pair is not None:
            fields.append(pair)
            continue
        bold = [f for c in cells for f in _bold_fields(c, text_of, 0)]
        if bold:
            fields.extend(bold)
        elif title is None and not fields and len(cells) == 1:
            title = _words(text_of(cells[0]))[:200] or None
        else:
            # Captions, sub-headers and image credits: shown text without a label.
            shown = _field("", " ".join(text_of(c) for c in cells))
            if shown is not None:
                fields.append(shown)
    return title, fields


def _label_value(cells: list[Tag], text_of: TextOf) -> InfoboxField | None:
    """A row of a label cell (``th``, or a short ``td`` as in taxoboxes) and a value cell."""
    if len(cells) != 2:
        return None
    label, value = cells
    if value.name == "th" or label.find("table") is not None:
        return None
    label_text = _words(text_of(label))
    if not label_text or len(label_text) > _LABEL_MAX:
        return None
    return _field(label_text, text_of(value))


def _bold_fields(cell: Tag, text_of: TextOf, depth: int) -> list[InfoboxField]:
    """Fields of a bold-label cell; a group cell ("Breeding") yields its labelled sub-cells."""
    field = _bold_label(cell, text_of)
    if field is None:
        return []
    if depth < _GROUP_DEPTH:
        inner = [
            f
            for table in cell.find_all("table")
            if table.find_parent(("td", "th")) is cell
            for row in rows_of(table)
            for sub in cells_of(row)
            for f in _bold_fields(sub, text_of, depth + 1)
        ]
        if inner:
            return inner
    return [field]


def _bold_label(cell: Tag, text_of: TextOf) -> InfoboxField | None:
    """A cell that opens with a bold label and continues with its value (Bulbapedia)."""
    first = next((c for c in cell.children if not (isinstance(c, str) and not c.strip())), None)
    if not isinstance(first, Tag) or first.name not in ("b", "strong"):
        return None
    label = _words(text_of(first))
    whole = _words(text_of(cell))
    if not label or len(label) > _LABEL_MAX or not whole.startswith(label):
        return None
    return _field(label, whole[len(label) :])
