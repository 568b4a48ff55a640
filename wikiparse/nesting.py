"""List nesting, bounded: build item trees without recursion and cap their depth.

A scrape indented 5,000 levels deep, or HTML lists nested hundreds deep, must not become a
record whose comparison, pickling or JSON form needs Python recursion that deep.  Readers build
their lists through :func:`rebuild`, which places items from (depth, item) pairs with an explicit
stack and clamps the depth; :func:`cap_lists` holds every reader's output to
``Limits.max_list_depth`` before the later stages (which may then recurse item by item).
Items deeper than the cap join the deepest level, in document order: no text is lost.

>>> items, flattened = rebuild([(1, ListItem(text="a")), (2, ListItem(text="b")), (3, ListItem(text="c"))], 2)
>>> [(i.text, [(c.text, len(c.items)) for c in i.items]) for i in items], flattened
([('a', [('b', 0), ('c', 0)])], 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from .doc import Doc
from .records import ListBlock, ListItem


def rebuild(entries: Iterable[tuple[int, ListItem]], max_depth: int) -> tuple[tuple[ListItem, ...], int]:
    """Items from (depth, item) pairs in document order (depth 1 = top level); how many were
    deeper than ``max_depth`` and joined the deepest level.

    An item's own ``items`` are kept after the children placed under it.  A depth more than one
    below the previous item's is treated as one below it (there is no item to hang it on).
    """
    # levels[d] holds the finished items of depth d+1 under the current parent at depth d.
    levels: list[list[ListItem]] = [[]]
    flattened = 0
    for depth, item in entries:
        if depth > max_depth:
            flattened += 1
            depth = max_depth
        depth = max(1, min(depth, len(levels) + (1 if levels[-1] else 0)))
        while len(levels) > depth:
            _close(levels)
        if len(levels) < depth:
            levels.append([])
        levels[-1].append(item)
    while len(levels) > 1:
        _close(levels)
    return tuple(levels[0]), flattened


def _close(levels: list[list[ListItem]]) -> None:
    """Hang the innermost level's items under the last item of the level above."""
    children = levels.pop()
    parent = levels[-1][-1]
    levels[-1][-1] = attrs.evolve(parent, items=tuple(children) + parent.items)


def preorder(items: tuple[ListItem, ...]) -> Iterator[tuple[int, ListItem]]:
    """(depth, item without its children) in document order, without recursion."""
    stack: list[Iterator[ListItem]] = [iter(items)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            continue
        yield len(stack), attrs.evolve(item, items=()) if item.items else item
        if item.items:
            stack.append(iter(item.items))


def depth(items: tuple[ListItem, ...]) -> int:
    """How many levels the items nest (0 for no items), without recursion."""
    deepest = 0
    stack: list[tuple[int, tuple[ListItem, ...]]] = [(1, items)]
    while stack:
        level, group = stack.pop()
        if group:
            deepest = max(deepest, level)
            stack.extend((level + 1, item.items) for item in group if item.items)
    return deepest


def cap_lists(doc: Doc, max_depth: int) -> Doc:
    """The document with every list at most ``max_depth`` levels deep (a warning if any was not)."""
    flattened = 0
    blocks = list(doc.blocks)
    for k, block in enumerate(blocks):
        if isinstance(block, ListBlock) and depth(block.items) > max_depth:
            items, moved = rebuild(preorder(block.items), max_depth)
            blocks[k] = attrs.evolve(block, items=items)
            flattened += moved
    if not flattened:
        return doc
    warnings = (*doc.warnings, flattened_warning(flattened, max_depth))
    return attrs.evolve(doc, blocks=tuple(blocks), warnings=warnings)


def flattened_warning(count: int, max_depth: int) -> str:
    """The page warning for ``count`` items moved up to ``max_depth``."""
    return f"{count:,} list item(s) nested deeper than {max_depth} levels joined level {max_depth}"
