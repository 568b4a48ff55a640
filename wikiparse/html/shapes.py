"""Chrome recognised by its shape, for wikis whose templates carry no telling class.

Many wikis build navigation boxes and notices from plain styled tables and divs (Bulbapedia's
``div.roundy`` navboxes, Wookieepedia's ``table.nb2``, Harry Potter Wiki's ``table.toccolours``).
Their shape gives them away:

* a **link bar**: mostly link text, many links, joined by bullet separators (``·``, ``•``) —
  a navigation box;
* a **pager**: a short block of links and arrows (``← #0250 … #0252 →``) — navigation;
* a **message box**: a one-row table of an icon cell and a short message cell — a notice to
  editors ("This article is part of Project …", "This section needs expansion").

Only the top-level blocks of a content root (and of its section wrappers) are judged: that is
where templates put such boxes, and it keeps the work linear (each block's text is read once).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .dom import Element, classes, text_of
from .subtrees import outermost

# Thresholds, set on the corpus navboxes (link share 0.8–0.95, 20–200 links, ≥10 bullets) and
# kept well clear of data tables (Nobel laureates: link share ~0.6, no bullets; Type chart: no
# bullets) and link lists in prose ("See also" lists are <ul>, not judged here).
_BAR_LINK_SHARE = 0.6
_BAR_MIN_LINKS = 8
_BAR_MIN_BULLETS = 4
_BULLETS = regex.compile(r"[·•‧∙|]")
_ARROWS = regex.compile(r"[←→⇐⇒◄►«»]")
_PAGER_MAX_CHARS = 400
_NOTICE_MAX_CHARS = 600
_WRAPPERS = frozenset({"section", "div"})
_NEVER = frozenset({"infobox", "portable-infobox", "wikitable", "references", "reflist", "mw-heading"})


def top_blocks(root: Element) -> Iterator[Element]:
    """Children of the root, looking through ``section`` and parser-output wrappers."""
    stack = [iter(root)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        if not isinstance(el.tag, str):
            continue
        if el.tag in _WRAPPERS and _is_wrapper(el) and len(stack) < 6:
            stack.append(iter(el))
            continue
        yield el


def _is_wrapper(el: Element) -> bool:
    """A ``section``, a parser-output div, or a div with no class, id or style (a pure wrapper)."""
    if el.tag == "section" or "mw-parser-output" in classes(el):
        return True
    return el.tag == "div" and not (el.get("class") or el.get("id") or el.get("style"))


def judge(el: Element) -> str | None:
    """The rule a top-level block's shape calls for, if any."""
    if el.tag not in ("table", "div") or classes(el) & _NEVER:
        return None
    if el.find(".//h2") is not None or el.find(".//h3") is not None:
        return None
    text = text_of(el)
    if not text:
        return None
    links = [a for a in el.iter("a") if a.get("href")]
    link_chars = sum(len(text_of(a)) for a in outermost(links))  # anchors left open nest
    share = link_chars / len(text)
    bullets = len(_BULLETS.findall(text))
    bar = len(links) >= _BAR_MIN_LINKS and share >= _BAR_LINK_SHARE and bullets >= _BAR_MIN_BULLETS
    # A list is a list, whatever its links: link bars join links with bullets instead.
    if bar and el.find(".//li") is None:
        return "navbox"
    if _is_pager(text, share):
        return "navbox"
    if el.tag == "table" and _is_message_box(el, text):
        return "maintenance-notice"
    return None


def _is_pager(text: str, link_share: float) -> bool:
    return len(text) <= _PAGER_MAX_CHARS and link_share >= 0.4 and _ARROWS.search(text) is not None


def pager_rows(table: Element) -> list[Element]:
    """Rows of a top-level table that are previous/next navigation (the table also holds notes)."""
    if table.tag != "table":
        return []
    found = []
    for row in (*table.findall("tr"), *table.findall("tbody/tr")):
        text = text_of(row)
        if text and _ARROWS.search(text):
            links = outermost([a for a in row.iter("a") if a.get("href")])
            share = sum(len(text_of(a)) for a in links) / len(text)
            if _is_pager(text, share):
                found.append(row)
    return found


def _is_message_box(table: Element, text: str) -> bool:
    rows = table.findall("tr") + table.findall("tbody/tr")
    if len(rows) != 1 or len(text) > _NOTICE_MAX_CHARS:
        return False
    cells = [c for c in rows[0] if c.tag in ("td", "th")]
    if len(cells) != 2:
        return False
    icon, message = cells
    return icon.find(".//img") is not None and not text_of(icon) and bool(text_of(message))
