"""Page → readable plain text, laid out as a sequence of segments.

The text holds exactly the words of the record (no boilerplate comes back), in reading order:
the title, the infoboxes, the lead, each section under its heading, the categories.  It is
built from :func:`layout`, a flat sequence of :class:`Segment` values joined by blank lines,
so that :mod:`wikiparse.chunks` can give character offsets into the very same string.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Literal

import attrs

from .records import Block, Code, Infobox, ListBlock, ListItem, Page, Paragraph, Quote, Section, Table

SEPARATOR = "\n\n"
"""Between two segments of the page text."""

Role = Literal["title", "redirect", "infobox", "heading", "block", "categories"]


@attrs.frozen(kw_only=True)
class RenderOptions:
    """What the Markdown and text renderings include besides the title, lead and sections."""

    infobox: bool = True
    """Render the infoboxes at the top (after the title)."""
    categories: bool = True
    """Render a ``Categories: …`` line at the end."""


@attrs.frozen(kw_only=True)
class Segment:
    """One piece of the page text: a title, a heading, an infobox, a block or the categories line."""

    role: Role
    section: int
    """Pre-order number of the section it belongs to: 0 for the page level (title, lead, infoboxes)."""
    path: tuple[str, ...]
    """Titles of the enclosing sections, outermost first; ``()`` at the page level."""
    text: str


def layout(page: Page, options: RenderOptions | None = None) -> tuple[Segment, ...]:
    """The page text as segments, in reading order, leaving out segments without visible text."""
    options = options or RenderOptions()
    return tuple(s for s in _segments(page, options) if s.text.strip())


def to_text(page: Page, options: RenderOptions | None = None) -> str:
    """Plain text: one segment per paragraph, separated by blank lines; lists with ``- ``/``1.``."""
    return SEPARATOR.join(segment.text for segment in layout(page, options))


def _segments(page: Page, options: RenderOptions) -> Iterator[Segment]:
    if page.title:
        yield Segment(role="title", section=0, path=(), text=page.title)
    if page.redirect:
        yield Segment(role="redirect", section=0, path=(), text=f"Redirect to: {page.redirect}")
    if options.infobox:
        for box in page.infoboxes:
            yield Segment(role="infobox", section=0, path=(), text=infobox_text(box))
    for block in page.lead:
        yield Segment(role="block", section=0, path=(), text=block_text(block))
    counter = itertools.count(1)
    for section in page.sections:
        yield from _section_segments(section, (), counter)
    if options.categories and page.categories:
        yield Segment(role="categories", section=0, path=(), text=categories_text(page.categories))


def _section_segments(section: Section, parent: tuple[str, ...], counter: Iterator[int]) -> Iterator[Segment]:
    number = next(counter)
    path = (*parent, section.title)
    yield Segment(role="heading", section=number, path=path, text=" ".join(section.title.split()))
    for block in section.blocks:
        yield Segment(role="block", section=number, path=path, text=block_text(block))
    for child in section.sections:
        yield from _section_segments(child, path, counter)


def categories_text(categories: tuple[str, ...]) -> str:
    """The closing line naming the page's categories (one line, whatever a name holds)."""
    return "Categories: " + ", ".join(" ".join(name.split()) for name in categories)


def infobox_text(box: Infobox) -> str:
    """An infobox as ``Label: value`` lines, under its title when it has one."""
    lines = [box.title] if box.title else []
    for field in box.fields:
        label = " ".join(field.label.split())
        lines.append(_hang(f"{label}: {field.value}" if label else field.value, "  "))
    return "\n".join(lines)


def block_text(block: Block) -> str:
    """The text of one block as it reads on a page."""
    match block:
        case Paragraph() | Code():
            return block.text
        case Quote():
            return block.text + (f"\n— {block.cite}" if block.cite else "")
        case ListBlock():
            return "\n".join(_item_lines(block.items, "", block.ordered))
        case Table():
            return table_text(block)
    raise TypeError(f"unknown block {block!r}")


def table_text(table: Table) -> str:
    """Caption, then one line per row with cells joined by `` | ``; newlines in cells become spaces."""
    rows = ([table.header] if table.header is not None else []) + list(table.rows)
    lines = [table.caption] if table.caption else []
    lines.extend(" | ".join(" ".join(cell.split()) for cell in row) for row in rows if any(row))
    return "\n".join(lines)


def _item_lines(items: tuple[ListItem, ...], indent: str, ordered: bool) -> Iterator[str]:
    """Nested items indent by the width of their parent's marker; they inherit ``ordered``."""
    indents = [indent]
    for depth, number, item in walk_items(items):
        del indents[depth:]
        marker = f"{number}. " if ordered else "- "
        yield indents[-1] + _hang(marker + item_text(item), indents[-1] + " " * len(marker))
        indents.append(indents[-1] + " " * len(marker))


def walk_items(items: tuple[ListItem, ...]) -> Iterator[tuple[int, int, ListItem]]:
    """(depth, number, item) of the items to show, in reading order, without recursion.

    ``depth`` is 1 for the top level; ``number`` counts the shown items of one level under one
    parent from 1.  An item without text of its own gives its place to its sub-items (Markdown
    cannot show an empty item reliably: it may not interrupt the text above it).
    """
    # Each frame: the items still to read, their depth, and the count shown at that level so far
    # (shared by the frames of one level, as a one-element list, when empty items are spliced).
    stack: list[tuple[Iterator[ListItem], int, list[int]]] = [(iter(items), 1, [0])]
    while stack:
        pending, depth, shown = stack[-1]
        item = next(pending, None)
        if item is None:
            stack.pop()
        elif item_text(item).strip():
            shown[0] += 1
            yield depth, shown[0], item
            if item.items:
                stack.append((iter(item.items), depth + 1, [0]))
        elif item.items:
            stack.append((iter(item.items), depth, shown))


def item_text(item: ListItem) -> str:
    """The item's text, led by its term when the text does not already start with it (``<dl>``)."""
    if item.term and not item.text.startswith(item.term):
        return f"{item.term}: {item.text}"
    return item.text


def _hang(text: str, indent: str) -> str:
    """Indent every line but the first, so a multi-line value stays under its marker."""
    return ("\n" + indent).join(text.split("\n"))
