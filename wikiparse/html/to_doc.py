"""Soup of the content region → flat document blocks, through a tag → handler table.

The walk over containers (``div``, ``section``, ``p``…) is iterative: an explicit stack, so a page
nested thousands of levels deep costs no Python recursion.  Text and inline elements met in a
container gather into the open paragraph; a block element closes it.  Structured blocks (headings,
lists, tables, quotes, code, infoboxes) have handlers; the only recursion is a handler reading a
nested structure (a list inside a list item, a layout table's cells), bounded by ``_NEST_CAP``:
deeper structures are read as text.  Elements deeper than ``Limits.max_depth`` are flattened
into the text of their ancestor at that depth.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs

from ..doc import DocBlock, Heading
from ..options import Limits
from ..records import Code, Infobox, ListBlock, ListItem, Paragraph, Quote
from . import infobox, tables
from .inline import BLOCK_TAGS, LIST_TAGS, SILENT_TAGS, Inline
from .soup import NavigableString, Tag, outermost

# Lists within lists, tables within layout tables…: deeper than this, read as text.  Real pages
# stay under 10; the cap keeps Python's stack far below its limit whatever the input.
_NEST_CAP = 40
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Containers whose content is walked as blocks.  Every other tag is inline unless it holds blocks.
CONTAINERS = frozenset(BLOCK_TAGS - {"table", "ul", "ol", "dl", "pre", "blockquote", "hr", *_HEADINGS})
_QUOTE_CITES = frozenset({"templatequotecite", "quote-source", "pull-quote__source", "cquotecite"})
# Quote-box templates written as divs: Fandom's {{Quote}}, Wikipedia's {{Quote box}} and pull quotes.
_QUOTE_BOXES = frozenset({"quote", "quotebox", "templatequote", "pull-quote", "cquote"})
_DASHES = ("—", "―", "–", "~")


@attrs.define
class Reader:
    """State of one conversion: the blocks so far, the open paragraph, infoboxes, links."""

    inline: Inline
    limits: Limits
    blocks: list[DocBlock] = attrs.Factory(list)
    infoboxes: list[Infobox] = attrs.Factory(list)
    pending: list[str] = attrs.Factory(list)
    nesting: int = 0
    holds_blocks: dict[int, bool] = attrs.Factory(dict)
    """``id(tag)`` → whether a block element lies inside it, filled a subtree at a time."""

    def flush(self) -> None:
        """Close the open paragraph."""
        if self.pending:
            text = "".join(self.pending)
            self.pending.clear()
            if text.strip():
                self.blocks.append(Paragraph(text=text))

    def walk(self, root: Tag) -> None:
        """Read ``root``'s content as blocks."""
        stack: list[Iterator[object]] = [iter(root.contents)]
        while stack:
            node = next(stack[-1], None)
            if node is None:
                stack.pop()
                self.flush()
                continue
            if type(node) is NavigableString:
                self.pending.append(str(node))
            elif isinstance(node, Tag):
                if len(stack) >= self.limits.max_depth:
                    self.pending.append(" " + self.inline.text(node) + " ")
                elif self._is_container(node):
                    self.flush()
                    stack.append(iter(node.contents))
                else:
                    self._element(node)

    def _is_container(self, tag: Tag) -> bool:
        if tag.name in CONTAINERS:
            if tag.name in ("div", "aside") and tag.get("class"):
                return not (_QUOTE_BOXES.intersection(tag.get("class") or ()) or infobox.is_infobox(tag))
            return True
        if tag.name in HANDLERS or tag.name in SILENT_TAGS or tag.name == "br":
            return False
        # An inline element wrapping blocks (<a><div>…</div></a>, <b><p>…) is walked.  (<span> and
        # <font> wrappers were unwrapped before the soup was built.)
        return self._holds_blocks(tag)

    def _holds_blocks(self, tag: Tag) -> bool:
        """Whether a block element lies inside ``tag``.  Answered for its whole subtree at once,
        bottom-up: asked again for each of a thousand nested wrappers, a scan of the descendants
        would read the page a thousand times."""
        known = self.holds_blocks
        if id(tag) not in known:
            for node in [*reversed([d for d in tag.descendants if isinstance(d, Tag)]), tag]:
                if id(node) not in known:
                    known[id(node)] = any(
                        isinstance(c, Tag) and (c.name in BLOCK_TAGS or known[id(c)]) for c in node.contents
                    )
        return known[id(tag)]

    def _element(self, tag: Tag) -> None:
        name = tag.name
        if name == "br":
            self.pending.append("\n")
        elif name in SILENT_TAGS:
            return
        elif name in HANDLERS or name == "div":  # a div here is an infobox or a quote box
            self.flush()
            if self.nesting >= _NEST_CAP:
                self.pending.append(self.inline.text(tag))
                self.flush()
                return
            self.nesting += 1
            try:
                HANDLERS.get(name, Reader.aside if infobox.is_infobox(tag) else Reader.quote)(self, tag)
            finally:
                self.nesting -= 1
        else:
            self.pending.append(self.inline.text(tag))

    # ------------------------------------------------------------------ handlers

    def heading(self, tag: Tag) -> None:
        text = " ".join(self.inline.text(tag).split())
        if text:
            self.blocks.append(Heading(level=_HEADINGS[tag.name], text=text))

    def list_block(self, tag: Tag) -> None:
        if tag.name == "dl" and not _has_child(tag, "dt"):
            self.walk(tag)  # a dd-only list is indentation (":" in wikitext), not a list
            return
        items = self.items(tag)
        if items:
            self.blocks.append(ListBlock(ordered=tag.name == "ol", items=tuple(items)))

    def items(self, tag: Tag) -> list[ListItem]:
        """Items of a ``ul``/``ol``/``dl``, nested lists as child items."""
        if tag.name == "dl":
            return self._definitions(tag)
        out: list[ListItem] = []
        for child in tag.children:
            if isinstance(child, Tag) and child.name in LIST_TAGS:
                nested = self._nested([child])  # a list directly inside a list: the last item's children
                if out:
                    out[-1] = attrs.evolve(out[-1], items=out[-1].items + tuple(nested))
                else:
                    out.extend(nested)
            elif isinstance(child, Tag) and child.name not in SILENT_TAGS:
                item = self._item(child)
                if item is not None:
                    out.append(item)
        return out

    def _item(self, li: Tag) -> ListItem | None:
        lists: list[Tag] | None = [] if self.nesting < _NEST_CAP else None
        text = self.inline.text(li, lists=lists)
        children = self._nested(lists or [])
        if not text.strip() and not children:
            return None
        return ListItem(text=text, items=tuple(children))

    def _nested(self, lists: list[Tag]) -> list[ListItem]:
        out: list[ListItem] = []
        self.nesting += 1
        try:
            for nested in lists:
                out.extend(self.items(nested))
        finally:
            self.nesting -= 1
        return out

    def _definitions(self, dl: Tag) -> list[ListItem]:
        """``dt``/``dd`` pairs: one item per term, its details joined."""
        out: list[ListItem] = []
        term: str | None = None
        details: list[str] = []
        children: list[ListItem] = []

        def close() -> None:
            if term is None and not details:
                return
            detail = " ".join(details) or None
            text = " ".join(p for p in (term, detail) if p)
            out.append(ListItem(text=text, term=term, detail=detail, items=tuple(children)))

        for child in dl.children:
            if not isinstance(child, Tag):
                continue
            lists: list[Tag] | None = [] if self.nesting < _NEST_CAP else None
            text = " ".join(self.inline.text(child, lists=lists).split())
            if child.name == "dt":
                close()
                term, details, children = text or None, [], []
            elif text or lists:
                details.append(text)
            children = children + self._nested(lists or [])
        close()
        return [i for i in out if i.text or i.items]

    def table(self, tag: Tag) -> None:
        if infobox.is_infobox(tag):
            self.aside(tag)
            return
        if _is_layout(tag):
            for row in tables.rows_of(tag):
                for cell in tables.cells_of(row):
                    self.walk(cell)
            return
        table = tables.read_table(tag, self.inline.text, self.limits)
        if table is not None:
            self.blocks.append(table)

    def aside(self, tag: Tag) -> None:
        if infobox.is_infobox(tag):
            box = infobox.read_infobox(tag, self.inline.text)
            if box is not None:
                self.infoboxes.append(box)
                return
        self.walk(tag)

    def quote(self, tag: Tag) -> None:
        """A block quote, or a quote-box template; its attribution (``<cite>``, "— Name") apart."""
        cites = _outermost_cites(tag)
        if not cites:
            last = _last_block(tag)
            if last is not None and self.inline.text(last).lstrip().startswith(_DASHES):
                cites = [last]
        cite = " ".join(" ".join(self.inline.text(c).split()) for c in cites).strip()
        text = self.inline.text(tag, skip=frozenset(id(c) for c in cites))
        if text.strip():
            self.blocks.append(Quote(text=text, cite=cite.lstrip("—–- ") or None))

    def code(self, tag: Tag) -> None:
        text = tag.get_text().strip("\n")
        if text.strip():
            self.blocks.append(Code(text=text))


def _outermost_cites(quote: Tag) -> list[Tag]:
    """``<cite>`` and attribution elements of a quote, not those inside another (one pass)."""
    return outermost(
        quote, lambda node: node.name == "cite" or bool(_QUOTE_CITES.intersection(node.get("class") or ()))
    )


def _last_block(tag: Tag) -> Tag | None:
    """The last element of the innermost single-child wrapper chain (the quote's last line)."""
    node = tag
    for _ in range(_NEST_CAP):
        kids = [c for c in node.children if isinstance(c, Tag)]
        if not kids:
            return None
        if len(kids) > 1:
            return kids[-1]
        node = kids[0]
    return None


def _has_child(tag: Tag, name: str) -> bool:
    return any(isinstance(c, Tag) and c.name == name for c in tag.children)


def _is_layout(table: Tag) -> bool:
    """A table used for layout: one cell, ``role=presentation``, or headings in its cells."""
    if table.get("role") == "presentation":
        return True
    cells = [c for row in tables.rows_of(table) for c in tables.cells_of(row)]
    if len(cells) <= 1:
        return True
    return any(isinstance(d, Tag) and d.name in _HEADINGS for d in table.descendants)


HANDLERS: dict[str, Callable[[Reader, Tag], None]] = {
    **dict.fromkeys(_HEADINGS, Reader.heading),
    "ul": Reader.list_block,
    "ol": Reader.list_block,
    "dl": Reader.list_block,
    "table": Reader.table,
    "aside": Reader.aside,
    "blockquote": Reader.quote,
    "pre": Reader.code,
    "hr": lambda reader, tag: None,
}
"""Tag name → handler; a tag without one is a container (see ``CONTAINERS``) or inline."""
