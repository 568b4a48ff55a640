"""Cut the content region out of the page and drop the chrome inside it, on the lxml tree.

Content-root selection is itself a rule (``page.outside-content``): everything outside the
skin's content roots is summarised in *one* removal (the largest regions by name and size, and
the total character count).  Inside the roots the chrome goes (:mod:`.clean`), links are
collected and anchors unwrapped (:mod:`.links`), and the tree is pruned to what the soup needs.
Only what is left reaches the soup.
"""

from __future__ import annotations

import attrs
import lxml.etree

from ..records import Link, Removal
from ..rules import RuleSet
from .clean import Cleaner, marked_by_root
from .dom import Element, drop_tree
from .index import PageIndex
from .links import collect_links
from .outside import drop_named_outside, outside_summary
from .skins import Skin
from .subtrees import Ancestry, outermost

_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "link", "meta", "button", "input", "select")


@attrs.frozen
class Region:
    """The content region, cut and pruned for the soup, and what was dropped on the way."""

    roots: tuple[Element, ...]
    """The content roots (lxml elements), chrome and invisible elements dropped."""
    removed: tuple[Removal, ...]
    links: tuple[Link, ...]
    """Internal links of the region, in document order."""
    redirect: str | None
    disambiguation: bool


def content_roots(index: PageIndex, skin: Skin) -> list[Element]:
    """Top-most matches of the first of the skin's root selectors that matches."""
    for selector in skin.roots:
        found = index.all(selector)
        if found:
            return outermost(found)
    return [] if index.body is None else [index.body]


def cut_region(
    index: PageIndex,
    skin: Skin,
    rules: RuleSet,
    roots: list[Element],
    host: str | None,
    title: Element | None = None,
) -> Region:
    """The content roots after dropping invisible elements and chrome.

    ``host`` is the page's host, so that absolute links to the same wiki count as internal;
    ``title`` the element the title was read from: inside a root (a generic page's ``<h1>``) it
    is the page's title, not a section heading, so it leaves the region (its text is kept).
    """
    if title is not None and any(up in roots for up in title.iterancestors()):
        drop_tree(title)
    lxml.etree.strip_elements(index.root, *_INVISIBLE_TAGS, with_tail=False)
    lxml.etree.strip_tags(index.root, lxml.etree.Comment)
    removed: list[Removal] = []
    if "page.outside-content" not in rules:
        roots = [index.body if index.body is not None else index.root]
    else:
        removed.extend(drop_named_outside(index, rules, roots))
        summary = outside_summary(index, roots)
        if summary is not None:
            removed.append(rules.rule("page.outside-content").drop(summary[0]))
            removed[-1] = attrs.evolve(removed[-1], chars=summary[1])
    cleaner = Cleaner(skin.name, rules)
    marked = marked_by_root(index.marked, roots)
    links: list[Link] = []
    for root in roots:
        cleaner.clean(root, marked[root])
        links.extend(collect_links(root, host))
        prune(root)
    removed.extend(cleaner.removals())
    return Region(
        roots=tuple(roots),
        removed=tuple(removed),
        links=tuple(links),
        redirect=cleaner.redirect,
        disambiguation=cleaner.disambig,
    )


# Elements without text (images, media) go; inline formatting is unwrapped, its text kept in
# place: the soup needs only structure, links and the bold labels of infobox cells.
_SILENT = ("img", "svg", "map", "area", "audio", "video", "source", "track", "picture", "iframe", "canvas")
_UNWRAP = (
    "span", "font", "small", "big", "abbr", "acronym", "i", "em", "u", "s", "strike", "sup", "sub",
    "bdi", "bdo", "time", "data", "wbr", "var", "kbd", "samp", "mark", "q", "ins", "del", "tt",
    "nobr", "dfn", "label",
)  # fmt: skip
# Whitespace between list items, rows and cells is no text: the soup need not hold it.
BARE = frozenset({"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr"})
# The attributes the reader reads; building costs per attribute.
KEEP_ATTRS = frozenset({"class", "id", "colspan", "rowspan", "role"})
_UNWRAP_MARK = "wikiparse-unwrap"


def prune(root: Element) -> None:
    """Shrink the region before bs4 builds it: building costs per element.

    (Attributes the reader never reads, and whitespace between list items, rows and cells, are
    left out while the soup is built: :data:`KEEP_ATTRS`, :data:`BARE`.)
    """
    lxml.etree.strip_elements(root, *_SILENT, with_tail=False)
    lxml.etree.strip_tags(root, *_UNWRAP)
    # Citation markup in reference lists is unwrapped; a quote's <cite> names its author.  Marked,
    # then unwrapped in one C-level pass (one by one is quadratic in the text around them).
    in_quote = Ancestry(root.iter("blockquote"))
    for cite in root.iter("cite"):
        if not in_quote.inside(cite):
            cite.tag = _UNWRAP_MARK
    lxml.etree.strip_tags(root, _UNWRAP_MARK)
