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
from .soup import NavigableString, Tag

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
        """Text of ``el``'s content.  With ``lists``, nested lists are collected there, not read."""
        pieces: list[str] = []
        for event, node in _events(el, lists, skip):
            if event == "text":
                pieces.append(str(node))
            elif event == "start":
                name = node.name
                if name == "br":
                    pieces.append("\n")
                elif name in BLOCK_TAGS:
                    pieces.append(" ")
            elif node.name in BLOCK_TAGS:  # end
                pieces.append(" ")
        return "".join(pieces)


def _events(
    root: Tag, lists: list[Tag] | None, skip: frozenset[int]
) -> Iterator[tuple[str, Tag | NavigableString]]:
    """start/text/end events over ``root``'s content, without recursion."""
    stack: list[tuple[Tag, Iterator[object]]] = [(root, iter(root.contents))]
    while stack:
        parent, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if parent is not root:
                yield "end", parent
            continue
        if isinstance(child, Tag):
            if child.name in SILENT_TAGS or id(child) in skip:
                continue
            if lists is not None and child.name in LIST_TAGS:
                lists.append(child)
                continue
            yield "start", child
            stack.append((child, iter(child.contents)))
        elif type(child) is NavigableString:
            yield "text", child
