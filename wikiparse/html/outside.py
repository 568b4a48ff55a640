"""What lies outside the content region: named chrome dropped by its rule, the rest summarised.

Content-root selection is itself a rule (``page.outside-content``): everything outside the
roots is summarised in *one* removal, the largest regions by name and size and the total
character count (the length of the text with whitespace collapsed, as :func:`.dom.text_of`
gives it).  The count is folded from the pieces of the page between the roots (the text of the
roots' ancestors and of every region beside them), so the whole page's text is never built as
one string, nor split into one list of words: measured on a 1 MB page, that list was the
largest allocation of a parse.
"""

from __future__ import annotations

import attrs
import lxml.etree

from ..records import Removal
from ..rules import RuleSet
from .dom import Element, describe, spaced_text
from .index import PageIndex
from .subtrees import Ancestry, drop_trees

# Texts longer than this are split a slice at a time, so no list of words grows with the page.
_SLICE = 1 << 16


@attrs.define
class Collapsed:
    """Length of ``" ".join(text.split())`` for a text given piece by piece.

    >>> fold = Collapsed()
    >>> for piece in ("  Kettle", "Hill ", "", "\\n ", "is  high ", "!"):
    ...     fold.add(piece)
    >>> fold.length == len(" ".join("  KettleHill \\n is  high !".split()))
    True
    """

    length: int = 0
    words: bool = False
    """Some word was seen."""
    gap: bool = False
    """Whitespace follows the last word seen."""

    def add(self, text: str, size: int | None = None) -> None:
        """Append ``text``; ``size`` is its own collapsed length when already known."""
        if len(text) > _SLICE and size is None:
            for start in range(0, len(text), _SLICE):
                self.add(text[start : start + _SLICE])
            return
        if size is None:
            size = len(" ".join(text.split()))
        if size == 0:
            self.gap = self.gap or bool(text)
            return
        if self.words and (self.gap or text[0].isspace()):
            self.length += 1
        self.length += size
        self.words = True
        self.gap = text[-1].isspace()


def collapsed_length(text: str) -> int:
    """``len(" ".join(text.split()))``, without a list of every word of a long text."""
    fold = Collapsed()
    fold.add(text)
    return fold.length


def _raw_text(el: Element) -> str:
    return str(lxml.etree.tostring(el, method="text", encoding="unicode", with_tail=False))


def drop_named_outside(index: PageIndex, rules: RuleSet, roots: list[Element]) -> list[Removal]:
    """Chrome outside the roots that has a rule of its own is dropped under that rule's name."""
    in_roots = Ancestry(roots)
    attached = Ancestry([index.root])  # not cut away with an invisible element
    named = [(name, el) for name, el in index.chrome if name in rules and el is not index.root]
    named = [(name, el) for name, el in named if not in_roots.within(el) and attached.inside(el)]
    nested = Ancestry(el for _, el in named)
    named = [(name, el) for name, el in named if not nested.inside(el)]  # dropped with an ancestor
    out = []
    for name, el in named:
        text = spaced_text(el)
        if text:
            out.append(rules.rule(name).drop(text))
    drop_trees(index.root, (el for _, el in named))
    return out


def outside_summary(index: PageIndex, roots: list[Element]) -> tuple[str, int] | None:
    """'div#mw-navigation 1,234; footer#footer 567; …' and the total characters outside the roots."""
    body = index.body if index.body is not None else index.root
    keep = set(roots)
    for root in roots:
        for up in root.iterancestors():
            if up in keep:
                break  # and so are all above it
            keep.add(up)
    sizes: dict[Element, int] = {}
    total = _fold_page(body, keep, set(roots), sizes)
    inside = sum(sizes[r] if r in sizes else collapsed_length(_raw_text(r)) for r in roots)
    outside = max(total - inside, 0)
    if outside == 0:
        return None
    regions: list[tuple[int, str]] = []
    for el in keep or {body}:
        if el in roots:
            continue
        for child in el:
            if isinstance(child.tag, str) and child.tag != "head" and child not in keep:
                size = sizes[child] if child in sizes else collapsed_length(_raw_text(child))
                if size:
                    regions.append((size, describe(child)))
    regions.sort(key=lambda r: (-r[0], r[1]))
    names = "; ".join(f"{name} {size:,}" for size, name in regions[:6])
    more = f"; {len(regions) - 6} more" if len(regions) > 6 else ""
    return f"{outside:,} characters outside the content region: {names}{more}", outside


def _fold_page(body: Element, keep: set[Element], roots: set[Element], sizes: dict[Element, int]) -> int:
    """Collapsed length of ``body``'s text, read through the roots' ancestors.

    A kept ancestor gives its own text and tails; every other element (a root, a region beside
    the roots) is read whole, and its own collapsed length is recorded in ``sizes``.
    """
    fold = Collapsed()
    stack: list[Element | str] = [body]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            fold.add(item)
        elif item in keep and item not in roots:
            children = list(item)
            for child in reversed(children):
                if child.tail:
                    stack.append(child.tail)
                stack.append(child)
            if item.text:
                fold.add(item.text)
        else:
            raw = _raw_text(item)
            sizes[item] = collapsed_length(raw)
            fold.add(raw, sizes[item])
    return fold.length
