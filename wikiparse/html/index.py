"""One pass over the whole page that finds every element the skin and chrome tables ask about.

Skin detection, the title, the category bar and the content roots are looked up here; so are the
elements the content pass will drop or report (:attr:`PageIndex.marked`: hidden by their style,
or matched by a signal or chrome selector of any skin).  The whole document is thus walked once
in Python, and the content pass only visits what this pass marked (measured: the second walk
over every element of the content region cost as much as this one).  The head's few
``meta``/``link`` elements are read with lxml's C-level tag filter.
"""

from __future__ import annotations

import attrs

from .chrome import CHROME, OUTSIDE, SIGNALS, hidden_style
from .dom import Element, Matcher
from .skins import EVERY_SKIN, every_selector

# The content pass's selectors as (group, rule, selector): signals first, then each skin's own
# chrome, then the shared chrome table.  For one skin, the first-listed match of the groups
# "signal", that skin's name and "*" is the one a matcher of (signals, skin chrome, chrome)
# would pick.
_INNER: tuple[tuple[str, str, str], ...] = (
    *(("signal", rule, selector) for rule, selector in SIGNALS),
    *((skin.name, rule, selector) for skin in EVERY_SKIN for rule, selector in skin.chrome),
    *(("*", rule, selector) for rule, selector in CHROME),
)
# One matcher for all: skin selectors are named by themselves, chrome outside the content region
# "outside:<rule>", the content pass's selectors "inner:<position in _INNER>".
_MATCHER = Matcher.build(
    (
        *((s, s) for s in every_selector()),
        *((f"outside:{rule}", s) for rule, s in OUTSIDE),
        *((f"inner:{k}", s) for k, (_, _, s) in enumerate(_INNER)),
    )
)


@attrs.frozen
class Marked:
    """An element the content pass looks at: hidden by its style, or matched by content selectors."""

    el: Element
    hidden: bool
    """An inline style hides it (``display:none``…)."""
    rules: tuple[tuple[str, str], ...]
    """(group, rule) of every content selector that matches it, first-listed first."""

    def rule_for(self, skin: str) -> str | None:
        """The rule (or signal) that names this element on a page of ``skin``."""
        for group, rule in self.rules:
            if group in ("signal", "*") or group == skin:
                return rule
        return None


@attrs.frozen
class PageIndex:
    """Elements of the page by the selector that found them, in document order."""

    root: Element
    body: Element | None
    hits: dict[str, list[Element]]
    metas: dict[str, str]
    """``<meta>`` content by ``name`` or ``property`` (first wins)."""
    links: tuple[tuple[str, str], ...]
    """(rel, href) of every ``<link>``, in document order."""
    chrome: tuple[tuple[str, Element], ...]
    """Chrome with a rule of its own (:data:`~wikiparse.html.chrome.OUTSIDE`): (rule, element)."""
    marked: tuple[Marked, ...] = ()
    """Elements for the content pass, in document order (anywhere on the page: the content
    region is not known yet)."""

    def all(self, selector: str) -> list[Element]:
        return self.hits.get(selector, [])

    def first(self, selector: str) -> Element | None:
        found = self.hits.get(selector)
        return found[0] if found else None


def index_page(root: Element) -> PageIndex:
    """Walk the page once and index it."""
    hits: dict[str, list[Element]] = {}
    chrome: list[tuple[str, Element]] = []
    marked: list[Marked] = []
    matches = _MATCHER.matches_of
    by_tag = _MATCHER.by_tag
    for el in root.iter():
        # Most elements have no style, id, class or indexed tag: turned away without a call.
        style = el.get("style")
        ident = el.get("id")
        value = el.get("class")
        tag = el.tag
        if style is None and ident is None and not value and tag not in by_tag:
            continue
        found = matches(el, tag, ident, value)
        hidden = style is not None and hidden_style(style)
        if not found and not hidden:
            continue
        outside = None
        inner: list[tuple[str, str]] = []
        for _, name in sorted(found):
            if name.startswith("inner:"):
                group, rule, _ = _INNER[int(name[6:])]
                inner.append((group, rule))
            elif not name.startswith("outside:"):
                hits.setdefault(name, []).append(el)
            elif outside is None:
                outside = name.removeprefix("outside:")
        if outside is not None:
            chrome.append((outside, el))
        if inner or hidden:
            marked.append(Marked(el, hidden, tuple(inner)))
    return PageIndex(
        root=root,
        body=root.find("body"),
        hits=hits,
        metas=_metas(root),
        links=tuple((str(link.get("rel") or ""), str(link.get("href") or "")) for link in root.iter("link")),
        chrome=tuple(chrome),
        marked=tuple(marked),
    )


def _metas(root: Element) -> dict[str, str]:
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = meta.get("name") or meta.get("property")
        if key and meta.get("content") is not None:
            metas.setdefault(key.lower(), meta.get("content"))
    return metas
