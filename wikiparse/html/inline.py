"""Inline text of an element, with correct spacing at element boundaries.

The walk is iterative (an explicit stack), so nesting depth never costs Python recursion.  Block
elements met inside inline content (``<div>`` in a table cell, ``<li>`` in a list item, ``<br>``)
put a space (a newline for ``<br>``) at their boundaries, so "Vanilla Doom<br>accuracy" reads
"Vanilla Doom accuracy", never "Vanilla Doomaccuracy".  Inline elements (``<a>``, ``<b>``,
``<span>``) add nothing: "<b>Foo</b>bar" is "Foobar" on screen too.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from . import dom
from .soup import NavigableString, PageElement, Tag

BLOCK_TAGS = dom.BLOCK_TAGS - {"br"}
LIST_TAGS = frozenset({"ul", "ol", "dl"})
# Elements whose content is never text a reader sees.
SILENT_TAGS = frozenset(
    {"img", "svg", "map", "area", "audio", "video", "source", "track", "picture", "iframe"}
)


@attrs.define
class Inline:
    """Collects inline text.  (Links were collected, and anchors unwrapped, on the lxml tree.)"""

    def text(self, el: Tag, *, lists: list[Tag] | None = None, skip: frozenset[int] = frozenset()) -> str:
        """Text of ``el``'s content.  With ``lists``, nested lists are collected there, not read.

        One loop over an explicit stack: every table cell, list item and heading is read here,
        so the walk makes no generator or call per node.
        """
        pieces: list[str] = []
        add = pieces.append
        stack: list[Iterator[PageElement]] = [iter(el.contents)]
        opened: list[str | None] = [None]  # name of the element each iterator reads (None: ``el``)
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                if opened.pop() in BLOCK_TAGS:
                    add(" ")
                continue
            if isinstance(child, Tag):
                name = child.name
                if name in SILENT_TAGS or id(child) in skip:
                    continue
                if lists is not None and name in LIST_TAGS:
                    lists.append(child)
                    continue
                if name == "br":
                    add("\n")
                elif name in BLOCK_TAGS:
                    add(" ")
                stack.append(iter(child.contents))
                opened.append(name)
            elif type(child) is NavigableString:
                add(child)
        return "".join(pieces)
