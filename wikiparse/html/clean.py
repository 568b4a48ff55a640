"""The content pass: drop what the page index marked inside a content root, then judge shapes.

The index (:mod:`.index`) already matched every element of the page against the signal and
chrome tables, so this pass only visits the marked elements that lie inside a root (the few
thousand of a large page, not its every element).  An element is invisible (an inline
``display:none``, or a class the skins hide: skipped silently, no reader sees it), a formula (an
image on screen, skipped like every image: its TeX source is an ``alt`` text no reader sees), a
page signal (redirect or disambiguation notice) or chrome of a named rule (dropped, with a
removal).  Then the top-level blocks are judged by shape (:mod:`.shapes`).
"""

from __future__ import annotations

import attrs

from ..records import Removal
from ..rules import RuleSet
from . import shapes
from .dom import Element, spaced_text, text_of
from .index import Marked
from .subtrees import Ancestry, drop_trees

# Markers that are dropped many times per page are logged once per page, joined.
_JOINED = frozenset({"edit-marker", "reference-marker", "reference-backlink"})
_SILENT_SIGNALS = frozenset({"signal.hidden", "signal.math", "signal.extracted"})


def marked_by_root(marked: tuple[Marked, ...], roots: list[Element]) -> dict[Element, list[Marked]]:
    """The marked elements of each root (the root itself included), in document order.

    An element whose ancestors do not reach a root lies outside the region, or was dropped
    with an ancestor since the index was made.  Each element's root is remembered on the way
    up, so a page both deep and wide costs one visit per element, not one per level per mark.
    """
    out: dict[Element, list[Marked]] = {root: [] for root in roots}
    root_of: dict[Element, Element | None] = {root: root for root in roots}
    for mark in marked:
        path: list[Element] = []
        node: Element | None = mark.el
        found: Element | None = None
        while node is not None:
            if node in root_of:
                found = root_of[node]
                break
            path.append(node)
            node = node.getparent()
        for seen in path:
            root_of[seen] = found
        if found is not None:
            out[found].append(mark)
    return out


@attrs.define
class Cleaner:
    """Drops the chrome of each content root, outermost-first; collects signals and removals."""

    skin: str
    rules: RuleSet
    redirect: str | None = None
    disambig: bool = False
    joined: dict[str, list[str]] = attrs.Factory(dict)
    dropped: list[Removal] = attrs.Factory(list)

    def clean(self, root: Element, marked: list[Marked]) -> None:
        hidden: list[Element] = []
        chrome: list[tuple[str, Element]] = []
        for mark in marked:
            el = mark.el
            if mark.hidden:
                hidden.append(el)
                continue
            name = mark.rule_for(self.skin)
            if name is None:
                continue
            if name in _SILENT_SIGNALS:
                hidden.append(el)
            elif name == "signal.redirect":
                self._redirect(el)
            elif name == "signal.disambiguation":
                self.disambig = True
            elif name in self.rules and el is not root:
                chrome.append((name, el))
        # Chrome inside hidden elements or inside other chrome goes with them; hidden elements
        # leave first, so the text recorded for chrome is the text a reader saw.  Membership is
        # asked of an Ancestry and the drops made in one C pass: both stay linear on pages
        # both deep and wide (a walk up per element, a re-join per drop, were quadratic).
        hidden = [el for el in hidden if el is not root]
        covered = Ancestry([*hidden, *(el for _, el in chrome)])
        chrome = [(name, el) for name, el in chrome if not covered.inside(el)]
        drop_trees(root, hidden)
        for name, el in chrome:
            self._record(name, spaced_text(el))
        drop_trees(root, (el for _, el in chrome))
        drop_trees(root, self._judge_shapes(root))

    def _judge_shapes(self, root: Element) -> list[Element]:
        """Top-level blocks (and pager rows) that are chrome by their shape; their text recorded."""
        judged: list[Element] = []
        for el in list(shapes.top_blocks(root)):
            name = shapes.judge(el)
            if name is not None and name in self.rules:
                self._record(name, spaced_text(el))
                judged.append(el)
            elif name is None and "navbox" in self.rules:
                for row in shapes.pager_rows(el):
                    self._record("navbox", spaced_text(row))
                    judged.append(row)
        return judged

    def _redirect(self, el: Element) -> None:
        if self.redirect is None:
            link = next(el.iter("a"), None)
            if link is not None and text_of(link):
                self.redirect = text_of(link)

    def _record(self, name: str, text: str) -> None:
        if not text:
            return
        if name in _JOINED:
            self.joined.setdefault(name, []).append(text)
        else:
            self.dropped.append(self.rules.rule(name).drop(text))

    def removals(self) -> list[Removal]:
        out = list(self.dropped)
        for name, texts in self.joined.items():
            out.append(self.rules.rule(name).drop(" ".join(texts)))
        return out
