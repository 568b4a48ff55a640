"""Cut the content region out of the page and drop the chrome inside it, on the lxml tree.

Content-root selection is itself a rule (``page.outside-content``): everything outside the
skin's content roots is summarised in *one* removal (the largest regions by name and size, and
the total character count).  Inside the roots one pass classifies every element: invisible
(``display:none``, skipped silently: no reader sees it), a formula (an image on screen, skipped
like every image: its TeX source is an ``alt`` text no reader sees), a page signal (redirect or
disambiguation notice) or chrome of a named rule (dropped, with a removal).  Then the top-level
blocks are judged by shape (:mod:`.shapes`).  Only what is left is serialised for the soup.
"""

from __future__ import annotations

import attrs
import lxml.etree
import regex

from ..records import Link, Removal
from ..rules import RuleSet
from . import shapes
from .chrome import CHROME
from .dom import Element, Matcher, describe, drop_tree, spaced_text, text_of
from .index import PageIndex
from .links import collect_links
from .skins import Skin
from .subtrees import Ancestry, drop_trees, outermost

_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "link", "meta", "button", "input", "select")
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
# Markers that are dropped many times per page are logged once per page, joined.
_JOINED = frozenset({"edit-marker", "reference-marker", "reference-backlink"})
# Not chrome: classes that tell the page type; they are reported, not dropped.
_SIGNALS: tuple[tuple[str, str], ...] = (
    ("signal.redirect", ".redirectMsg, .redirectText"),
    ("signal.disambiguation", "#disambigbox, .dmbox-disambig, #disambig, .disambig, .disambiguation"),
    ("signal.math", ".mwe-math-element, span[typeof^=mw:Extension/math]"),
    # CSS-hidden by the skin or by MediaWiki's own styles (CS1 maintenance messages, sort keys).
    (
        "signal.hidden",
        ".mw-hidden-catlinks, .wds-is-hidden, .hidden, .sortkey, .mw-dismissable-notice-close, "
        ".cs1-maint, .citation-comment, .cs1-hidden-error, "
        # line numbers of highlighted code: beside the code, not part of it
        ".linenos, span.ln",
    ),
    # Already in the record: a category bar that old skins print inside #bodyContent is kept as
    # ``categories``, so it leaves the text without a removal.
    ("signal.extracted", "#catlinks, .catlinks"),
)
_MATCHERS: dict[tuple[tuple[str, str], ...], Matcher] = {}


def _matcher(skin: Skin) -> Matcher:
    """Signals, then the skin's own chrome, then the shared chrome table (first match wins)."""
    key = skin.chrome
    if key not in _MATCHERS:
        _MATCHERS[key] = Matcher.build((*_SIGNALS, *skin.chrome, *CHROME))
    return _MATCHERS[key]


@attrs.frozen
class Region:
    """The content region as HTML for the soup, and what was dropped on the way."""

    html: str
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
    """Serialise the content roots after dropping invisible elements and chrome.

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
        removed.extend(_drop_named_outside(index, rules, roots))
        summary = _outside_summary(index, roots)
        if summary is not None:
            removed.append(rules.rule("page.outside-content").drop(summary[0]))
            removed[-1] = attrs.evolve(removed[-1], chars=summary[1])
    cleaner = _Cleaner(_matcher(skin), rules)
    links: list[Link] = []
    for root in roots:
        cleaner.clean(root)
        links.extend(collect_links(root, host))
        prune(root)
    removed.extend(cleaner.removals())
    html = "".join(
        lxml.etree.tostring(root, method="html", encoding="unicode", with_tail=False) for root in roots
    )
    return Region(
        html=html,
        removed=tuple(removed),
        links=tuple(links),
        redirect=cleaner.redirect,
        disambiguation=cleaner.disambig,
    )


def _drop_named_outside(index: PageIndex, rules: RuleSet, roots: list[Element]) -> list[Removal]:
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


def _outside_summary(index: PageIndex, roots: list[Element]) -> tuple[str, int] | None:
    """'div#mw-navigation 1,234; footer#footer 567; …' and the total characters outside the roots."""
    body = index.body if index.body is not None else index.root
    inside = sum(len(text_of(r)) for r in roots)
    total = len(text_of(body))
    outside = max(total - inside, 0)
    if outside == 0:
        return None
    keep = set(roots)
    for root in roots:
        for up in root.iterancestors():
            if up in keep:
                break  # and so are all above it
            keep.add(up)
    regions: list[tuple[int, str]] = []
    for el in keep or {body}:
        if el in roots:
            continue
        for child in el:
            if isinstance(child.tag, str) and child.tag != "head" and child not in keep:
                size = len(text_of(child))
                if size:
                    regions.append((size, describe(child)))
    regions.sort(key=lambda r: (-r[0], r[1]))
    names = "; ".join(f"{name} {size:,}" for size, name in regions[:6])
    more = f"; {len(regions) - 6} more" if len(regions) > 6 else ""
    return f"{outside:,} characters outside the content region: {names}{more}", outside


@attrs.define
class _Cleaner:
    """One pass over a content root: classify, then drop outermost-first."""

    matcher: Matcher
    rules: RuleSet
    redirect: str | None = None
    disambig: bool = False
    joined: dict[str, list[str]] = attrs.Factory(dict)
    dropped: list[Removal] = attrs.Factory(list)

    def clean(self, root: Element) -> None:
        hidden: list[Element] = []
        chrome: list[tuple[str, Element]] = []
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            style = el.get("style")
            if style and ("none" in style or "hidden" in style) and _HIDDEN_STYLE.search(style):
                if el is not root:
                    hidden.append(el)
                continue
            name = self.matcher.match(el)
            if name is None:
                continue
            if name in ("signal.hidden", "signal.math", "signal.extracted"):
                if el is not root:
                    hidden.append(el)
            elif name == "signal.redirect":
                self._redirect(el)
            elif name == "signal.disambiguation":
                self.disambig = True
            elif name in self.rules and el is not root:
                chrome.append((name, el))
        # Chrome inside hidden elements or inside other chrome goes with them; hidden elements
        # leave first, so the text recorded for chrome is the text a reader saw.
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


# Elements without text (images, media) go; inline formatting is unwrapped, its text kept in
# place: the soup needs only structure, links and the bold labels of infobox cells.
_SILENT = ("img", "svg", "map", "area", "audio", "video", "source", "track", "picture", "iframe", "canvas")
_UNWRAP = (
    "span", "font", "small", "big", "abbr", "acronym", "i", "em", "u", "s", "strike", "sup", "sub",
    "bdi", "bdo", "time", "data", "wbr", "var", "kbd", "samp", "mark", "q", "ins", "del", "tt",
    "nobr", "dfn", "label",
)  # fmt: skip
_UNWRAP_MARK = "wikiparse-unwrap"
_STRUCTURAL = frozenset({"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr"})
_KEEP_ATTRS = frozenset({"class", "id", "colspan", "rowspan", "role"})


def prune(root: Element) -> None:
    """Shrink the region before bs4 builds it: building costs per element and per attribute."""
    lxml.etree.strip_elements(root, *_SILENT, with_tail=False)
    lxml.etree.strip_tags(root, *_UNWRAP)
    # Citation markup in reference lists is unwrapped; a quote's <cite> names its author.  Marked,
    # then unwrapped in one C-level pass (one by one is quadratic in the text around them).
    in_quote = Ancestry(root.iter("blockquote"))
    for cite in root.iter("cite"):
        if not in_quote.inside(cite):
            cite.tag = _UNWRAP_MARK
    lxml.etree.strip_tags(root, _UNWRAP_MARK)
    for el in root.iter():
        attrib = el.attrib
        if attrib:
            # Cleared and refilled: a hostile name ('{"x":1}', read as a namespace) cannot be deleted
            kept = [(k, v) for k, v in attrib.items() if k in _KEEP_ATTRS]
            if len(kept) < len(attrib):
                attrib.clear()
                attrib.update(kept)
        # Whitespace between list items, rows and cells is no text: the soup need not hold it.
        if el.tag in _STRUCTURAL:
            if el.text is not None and not el.text.strip():
                el.text = None
            for child in el:
                if child.tail is not None and not child.tail.strip():
                    child.tail = None
