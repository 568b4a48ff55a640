"""One pass over the whole page that finds every element the skin tables ask about.

Skin detection, the title, the category bar and the content roots are all looked up here, so the
whole document is walked once in Python (and the head's few ``meta``/``link`` elements are read
with lxml's C-level tag filter).
"""

from __future__ import annotations

import attrs

from .chrome import OUTSIDE
from .dom import Element, Matcher
from .skins import every_selector

# One matcher for both: skin selectors are named by themselves, chrome by "chrome:<rule>".
_MATCHER = Matcher.build((*((s, s) for s in every_selector()), *((f"chrome:{r}", s) for r, s in OUTSIDE)))


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

    def all(self, selector: str) -> list[Element]:
        return self.hits.get(selector, [])

    def first(self, selector: str) -> Element | None:
        found = self.hits.get(selector)
        return found[0] if found else None


def index_page(root: Element) -> PageIndex:
    """Walk the page once and index it."""
    hits: dict[str, list[Element]] = {}
    chrome: list[tuple[str, Element]] = []
    for el in root.iter():
        found = _MATCHER.match_all(el)
        if not found:
            continue
        chrome_rule = None
        for _, name in sorted(found):
            if not name.startswith("chrome:"):
                hits.setdefault(name, []).append(el)
            elif chrome_rule is None:
                chrome_rule = name.removeprefix("chrome:")
        if chrome_rule is not None:
            chrome.append((chrome_rule, el))
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = meta.get("name") or meta.get("property")
        if key and meta.get("content") is not None:
            metas.setdefault(key.lower(), meta.get("content"))
    links = tuple((str(link.get("rel") or ""), str(link.get("href") or "")) for link in root.iter("link"))
    body = root.find("body")
    return PageIndex(root=root, body=body, hits=hits, metas=metas, links=links, chrome=tuple(chrome))
