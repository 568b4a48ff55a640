"""Subtree questions and removals that stay linear on pages both deep and wide.

"Is this element inside one of those?" asked by walking up costs the element's depth; asked for
every element of a page 2,000 levels deep with 500,000 elements, that is a billion steps.
:class:`Ancestry` answers it with each element's answer remembered, so a whole page costs one
visit per element.  Removing elements one by one re-joins the text around each into its
neighbour's ever longer string; :func:`drop_trees` removes any number in one C-level pass.
"""

from __future__ import annotations

from collections.abc import Iterable

import lxml.etree

from .dom import Element

_DROP_MARK = "wikiparse-drop"


class Ancestry:
    """Whether elements are inside (or are) one of a fixed set of ``marked`` elements.

    Answers are remembered per element, so asking about every element of a tree costs O(size).
    Ask before the tree changes: the answers describe the tree as it was.
    """

    def __init__(self, marked: Iterable[Element]) -> None:
        self._marked = set(marked)
        self._known: dict[Element, bool] = {}

    def within(self, el: Element) -> bool:
        """``el`` is marked, or one of its ancestors is."""
        path: list[Element] = []
        node: Element | None = el
        answer = False
        while node is not None:
            known = self._known.get(node)
            if known is not None:
                answer = known
                break
            if node in self._marked:
                answer = True
                path.append(node)
                break
            path.append(node)
            node = node.getparent()
        for seen in path:
            self._known[seen] = answer
        return answer

    def inside(self, el: Element) -> bool:
        """One of ``el``'s ancestors is marked (``el`` itself may or may not be)."""
        parent = el.getparent()
        return parent is not None and self.within(parent)


def outermost(elements: list[Element]) -> list[Element]:
    """Those of ``elements`` not inside another of them, in their order."""
    ancestry = Ancestry(elements)
    return [el for el in elements if not ancestry.inside(el)]


def drop_trees(root: Element, elements: Iterable[Element]) -> None:
    """Remove ``elements`` (inside ``root``, not ``root`` itself) with their content, keeping the
    text that follows each, as :func:`~wikiparse.html.dom.drop_tree` does one at a time."""
    marked = False
    for el in elements:
        el.tag = _DROP_MARK
        marked = True
    if marked:
        lxml.etree.strip_elements(root, _DROP_MARK, with_tail=False)
