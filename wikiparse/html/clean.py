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
from .dom import Element, drop_tree, spaced_text, text_of
from .index import Marked

# Markers that are dropped many times per page are logged once per page, joined.
_JOINED = frozenset({"edit-marker", "reference-marker", "reference-backlink"})
_SILENT_SIGNALS = frozenset({"signal.hidden", "signal.math", "signal.extracted"})


def marked_by_root(marked: tuple[Marked, ...], roots: list[Element]) -> dict[Element, list[Marked]]:
    """The marked elements of each root (the root itself included), in document order.

    An element whose ancestors do not reach a root lies outside the region, or was dropped
    with an ancestor since the index was made.
    """
    chosen = set(roots)
    out: dict[Element, list[Marked]] = {root: [] for root in roots}
    for mark in marked:
        el = mark.el
        if el in chosen:
            out[el].append(mark)
            continue
        for up in el.iterancestors():
            if up in chosen:
                out[up].append(mark)
                break
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
        for el in hidden:
            if el is not root and _attached(el, root):
                drop_tree(el)
        for name, el in chrome:
            if _attached(el, root):
                self._drop(name, el)
        for el in list(shapes.top_blocks(root)):
            name = shapes.judge(el)
            if name is not None and name in self.rules:
                self._drop(name, el)
            elif name is None and "navbox" in self.rules:
                for row in shapes.pager_rows(el):
                    self._drop("navbox", row)

    def _redirect(self, el: Element) -> None:
        if self.redirect is None:
            link = next(el.iter("a"), None)
            if link is not None and text_of(link):
                self.redirect = text_of(link)

    def _drop(self, name: str, el: Element) -> None:
        text = spaced_text(el)
        drop_tree(el)
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


def _attached(el: Element, root: Element) -> bool:
    """Whether ``el`` is still inside ``root`` (an ancestor may have been dropped already)."""
    return any(up is root for up in el.iterancestors())
