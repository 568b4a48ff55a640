"""The lxml side of the HTML reader: parse the whole page once, under :class:`Limits`.

lxml parses at tens of MB/s where building a BeautifulSoup tree of a whole page runs at a few:
so the page is parsed here, skin detection and the cut of the content region work on this tree,
and only the cut region reaches bs4 (:mod:`wikiparse.html.soup`).

Selectors in the skin and chrome tables are compound selectors of a small CSS subset — one
``tag``, ``#id``, ``.class``, ``[attr]``, ``[attr=value]``, ``[attr^=value]``, ``[attr*=value]``,
``,`` alternatives — parsed once, at import, and matched in Python during one pass over the tree
(:class:`Matcher`): measured, an XPath predicate per selector costs ten times more.

>>> Compound.parse("div.navbox[role=navigation]")
Compound(tag='div', id=None, classes=frozenset({'navbox'}), attrs=(('role', '=', 'navigation'),))
"""

from __future__ import annotations

from typing import Any

import attrs
import lxml.etree
import regex

from ..errors import InputError, LimitExceeded
from ..options import Limits
from .prescan import check_tags

Element = Any
"""An ``lxml.etree._Element`` (lxml ships no type information).

The plain etree parser is used, not ``lxml.html``'s: its element classes are looked up in Python
for every element touched, which cost more than the rest of the cut.
"""

# libxml2 stops nesting at this depth even with huge_tree; deeper content would be lost silently.
PARSER_DEPTH_CAP = 2040

_PARSER = lxml.etree.HTMLParser(huge_tree=True, remove_pis=True)
# lxml refuses str input that declares an encoding (the text is decoded already).
_XML_DECLARATION = regex.compile(r"\A\s*<\?xml[^>]{0,200}\?>")

# Characters lxml's API refuses in names and text although its HTML parser accepts them (so a
# later ``del el.attrib[name]`` or ``el.text = …`` would fail): C0 controls but tab, newline and
# carriage return, and the noncharacters U+FFFE/U+FFFF.  Browsers show none of them (NUL is
# ignored, libxml2 would make it U+FFFD); a form feed is a space in HTML.
_XML_UNSAFE = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_SAFE = {**dict.fromkeys((*range(0x09), 0x0B, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)), 0x0C: " "}

_COMPOUND = regex.compile(
    r"(?P<tag>[a-zA-Z][a-zA-Z0-9-]*|\*)?(?P<rest>(?:#[\w-]+|\.[\w-]+|\[[^\]]+\])*)", regex.ASCII
)
_PART = regex.compile(
    r"#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+)|\[(?P<attr>[\w:-]+)(?:(?P<op>[\^*]?=)(?P<val>[^\]]*))?\]"
)


def parse_page(text: str, limits: Limits) -> Element:
    """The page's root element; raises ``LimitExceeded`` past ``max_nodes`` or the parser's depth."""
    if len(text) > limits.max_text_chars:
        raise LimitExceeded(f"page of {len(text):,} characters", limits.max_text_chars, "max_text_chars")
    check_tags(text, limits)
    if _XML_UNSAFE.search(text):
        text = text.translate(_XML_SAFE)
    try:
        root = lxml.etree.fromstring(_without_xml_declaration(text), parser=_PARSER)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(f"the HTML could not be parsed: {exc}") from exc
    if root is None:
        raise InputError("the HTML has no elements")
    nodes = int(root.xpath("count(//*)"))
    if nodes > limits.max_nodes:
        raise LimitExceeded(f"page of {nodes:,} elements", limits.max_nodes, "max_nodes")
    if _TOO_DEEP(root):
        # libxml2 silently drops what lies deeper than its cap: refuse rather than lose text.
        raise LimitExceeded("element nesting depth (unclosed tags?)", PARSER_DEPTH_CAP, None)
    return root


def _without_xml_declaration(text: str) -> str:
    """``text`` without a leading ``<?xml …?>``.

    The ``regex`` module spends time in proportion to the span it is given, even on an anchored
    pattern that fails at once (about 2 ms per MB), so the head is matched alone: a declaration
    reaching past it would need the head to be whitespace up to its last 207 characters.
    """
    head = 4096
    match = _XML_DECLARATION.match(text, 0, head)
    if match is None and len(text) > head and text[: head - 210].isspace():
        match = _XML_DECLARATION.match(text)
    return text[match.end() :] if match else text


_TOO_DEEP = lxml.etree.XPath("boolean(/*" + "/*" * PARSER_DEPTH_CAP + ")")


def classes(el: Element) -> frozenset[str]:
    """The class tokens of an element."""
    value = el.get("class")
    return frozenset(value.split()) if value else frozenset()


def text_of(el: Element, limit: int | None = None) -> str:
    """Visible-text approximation of an element: its text with whitespace collapsed.

    With ``limit``, only about the first ``limit`` characters are read (see :func:`spaced_text`).
    """
    if limit is None:
        return " ".join(lxml.etree.tostring(el, method="text", encoding="unicode", with_tail=False).split())
    parts: list[str] = []
    left = limit
    for piece in el.itertext():  # the descendants' tails, not its own
        parts.append(piece[: left + 1])
        left -= len(piece)
        if left < 0:
            break
    return " ".join("".join(parts).split())


def drop_tree(el: Element) -> None:
    """Remove an element and its content, keeping the text that follows it (its tail).

    The text is re-joined by libxml2, not through lxml's ``.text``/``.tail`` setters, which refuse
    text the parser accepted (control characters, U+FFFE).
    """
    parent = el.getparent()
    if parent is None:
        return
    el.tag = _DROPPED
    lxml.etree.strip_elements(parent, _DROPPED, with_tail=False)


_DROPPED = "wikiparse-dropped"


# Elements whose boundaries separate words on screen (the rest are inline).
BLOCK_TAGS = frozenset(
    {
    "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip


def spaced_text(el: Element, limit: int | None = None) -> str:
    """Text of an element with a space at block boundaries ("Charms Kettle Charm", not glued).

    With ``limit``, only about the first ``limit`` characters are read: a caller that keeps a
    short text (a link's) must not read all of a huge element, once per level of nesting.
    """
    parts: list[str] = []
    left = limit if limit is not None else -1
    for event, node in lxml.etree.iterwalk(el, events=("start", "end")):
        block = node.tag in BLOCK_TAGS
        if event == "start":
            piece = node.text if isinstance(node.tag, str) else None
        else:
            piece = node.tail if node is not el else None
        if block:
            parts.append(" ")
        if piece:
            if left >= 0:
                piece = piece[: left + 1]
                left -= len(piece)
            parts.append(piece)
            if limit is not None and left < 0:
                break
    return " ".join("".join(parts).split())


def describe(el: Element) -> str:
    """``tag#id.class`` — a short name for an element in removal summaries."""
    name = str(el.tag)
    if el.get("id"):
        name += "#" + el.get("id")
    first = next(iter(sorted(classes(el))), None)
    if first:
        name += "." + first
    return name


@attrs.frozen
class Compound:
    """One compound selector (``tag#id.class[attr=value]``), matched in Python against an element.

    Matching in Python over one pass of the tree is several times faster than an XPath class test
    (``contains(concat(' ', normalize-space(@class), ' '), …)``) per selector per element.
    """

    tag: str | None
    id: str | None
    classes: frozenset[str]
    attrs: tuple[tuple[str, str, str], ...]
    """(name, operator, value); operator is ``""`` (present), ``=``, ``^=`` or ``*=``."""

    @classmethod
    def parse(cls, selector: str) -> Compound:
        text = selector.strip()
        match = _COMPOUND.fullmatch(text)
        if match is None or not text or match["rest"] is None:
            raise ValueError(f"unsupported compound selector {selector!r}")
        ident = None
        names: set[str] = set()
        tests: list[tuple[str, str, str]] = []
        for part in _PART.finditer(match["rest"]):
            if part["id"]:
                ident = part["id"]
            elif part["cls"]:
                names.add(part["cls"])
            else:
                tests.append((part["attr"], part["op"] or "", (part["val"] or "").strip("\"'")))
        tag = match["tag"] if match["tag"] not in (None, "*") else None
        return cls(tag, ident, frozenset(names), tuple(tests))

    def key(self) -> tuple[str, str]:
        """The most selective index key: ``("id", x)``, ``("class", x)`` or ``("tag", x)``."""
        if self.id is not None:
            return ("id", self.id)
        if self.classes:
            return ("class", min(self.classes))
        if self.tag is not None:
            return ("tag", self.tag)
        raise ValueError("a selector needs an id, a class or a tag")

    def matches(self, el: Element, el_classes: frozenset[str] | None = None) -> bool:
        if self.tag is not None and el.tag != self.tag:
            return False
        if self.id is not None and el.get("id") != self.id:
            return False
        if self.classes and not self.classes <= (classes(el) if el_classes is None else el_classes):
            return False
        if len(self.attrs) == 1:  # the common case: one test, no generator
            name, op, value = self.attrs[0]
            return _attr_ok(el.get(name), op, value)
        return all(_attr_ok(el.get(name), op, value) for name, op, value in self.attrs)


def _attr_ok(actual: str | None, op: str, value: str) -> bool:
    if actual is None:
        return False
    if op == "=":
        return actual == value
    if op == "^=":
        return actual.startswith(value)
    if op == "*=":
        return value in actual
    return True


_Entry = tuple[int, str, Compound, bool, str]
"""(order, name, selector, certain, guard): ``certain`` when the index key alone decides the
match; else ``guard`` names an attribute the element must have (``"class"`` when none is tested)."""


@attrs.frozen
class Matcher:
    """Many named compound selectors, matched against an element by index lookups.

    When several selectors match, the one listed first wins, whatever the order of the element's
    class tokens (set order would change with string hashing).  Most elements of a page have no
    id, no class and no indexed tag: they are turned away after two attribute reads; a selector
    that is only its index key (``.navbox``, ``#toc``, ``main``) matches without a test, and one
    keyed by a common tag with an attribute test (``a[rel=mw:referencedBy]``) is tested only on
    elements that have the attribute.
    """

    by_id: dict[str, tuple[_Entry, ...]]
    by_class: dict[str, tuple[_Entry, ...]]
    by_tag: dict[str, tuple[_Entry, ...]]

    @classmethod
    def build(cls, named: tuple[tuple[str, str], ...]) -> Matcher:
        """From (name, selector) pairs; a selector may list alternatives with commas."""
        tables: dict[str, dict[str, list[_Entry]]] = {"id": {}, "class": {}, "tag": {}}
        order = 0
        for name, selector in named:
            for alternative in selector.split(","):
                compound = Compound.parse(alternative)
                kind, key = compound.key()
                tests = (compound.tag is not None) + (compound.id is not None) + len(compound.classes)
                certain = tests == 1 and not compound.attrs
                guard = compound.attrs[0][0] if compound.attrs else "class"
                tables[kind].setdefault(key, []).append((order, name, compound, certain, guard))
                order += 1

        def freeze(table: dict[str, list[_Entry]]) -> dict[str, tuple[_Entry, ...]]:
            return {k: tuple(v) for k, v in table.items()}

        return cls(freeze(tables["id"]), freeze(tables["class"]), freeze(tables["tag"]))

    def match_all(self, el: Element) -> list[tuple[int, str]]:
        """(order, name) of every selector that matches ``el``."""
        return self.matches_of(el, el.tag, el.get("id"), el.get("class"))

    def matches_of(
        self, el: Element, tag: object, ident: str | None, value: str | None
    ) -> list[tuple[int, str]]:
        """:meth:`match_all` with the element's tag, id and class already read."""
        by_tag = self.by_tag
        if (ident is None and not value and tag not in by_tag) or not isinstance(tag, str):
            return []
        found: list[tuple[int, str]] = []
        if ident is not None:
            for o, n, c, certain, _ in self.by_id.get(ident, ()):
                if certain or c.matches(el):
                    found.append((o, n))
        if value:
            tokens = value.split()
            by_class = self.by_class
            token_set: frozenset[str] | None = None
            for token in tokens:
                for o, n, c, certain, _ in by_class.get(token, ()):
                    if not certain:
                        token_set = frozenset(tokens) if token_set is None else token_set
                        if not c.matches(el, token_set):
                            continue
                    found.append((o, n))
        for o, n, c, certain, guard in by_tag.get(tag, ()):
            if certain or (el.get(guard) is not None and c.matches(el)):
                found.append((o, n))
        return found

    def match(self, el: Element) -> str | None:
        """The name of the first-listed selector that matches ``el``, if any."""
        found = self.match_all(el)
        return min(found)[1] if found else None
