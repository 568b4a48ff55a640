"""The only module that imports bs4: the soup of the cut content region, built from the lxml tree.

The region was parsed once by lxml and cut, pruned and unwrapped on that tree.  Serialising it
and letting bs4's lxml builder parse it again cost more than the rest of the reader (a second
libxml2 parse, then a Python callback per tag, attribute dict and text chunk); so the soup is
built here straight from the lxml elements: one ``Tag`` per element and one ``NavigableString``
per text run, linked the way bs4's own builder links them (``parent``, ``contents``, siblings
and the ``next_element`` chain that ``descendants`` and ``find_all`` follow).  What bs4's
builder does to content is kept: multi-valued attributes (``class``) become lists, a text run of
ASCII whitespace only becomes one space or one newline outside ``<pre>``/``<textarea>``, and text
inside the builder's string containers gets their string class (a ruby annotation's ``<rt>`` and
``<rp>`` text is a ``RubyTextString``, which the reader, reading plain strings only, skips).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import lxml.etree
from bs4 import BeautifulSoup
from bs4.element import Comment, NavigableString, PageElement, Tag

from .dom import Element

__all__ = ["Comment", "NavigableString", "PageElement", "Tag", "outermost", "soup_of"]

_ASCII_SPACES = "\x20\x0a\x09\x0c\x0d"


class _Builder:
    """Builds the tree one lxml event at a time, linking nodes as bs4's ``object_was_parsed`` does."""

    def __init__(self, keep_attrs: frozenset[str] | None, bare: frozenset[str]) -> None:
        self.soup = BeautifulSoup("", "lxml")
        self.builder = builder = self.soup.builder
        self.keep_attrs = keep_attrs
        self.bare = bare
        self.preserve = builder.preserve_whitespace_tags
        self.containers = builder.string_containers
        # The namespace prefixes in scope, one dict shared by every tag as bs4's lxml builder
        # does (a dict per tag was a fifth of the soup's memory).
        self.namespaces = getattr(builder, "active_namespace_prefixes", [{}])[-1]
        self.last: PageElement | None = None
        """The node created last: the one whose ``next_element`` the next one is."""
        self.stack: list[Tag] = [self.soup]
        self.keep = 0
        """Depth inside whitespace-preserving elements (``<pre>``, ``<textarea>``)."""
        self.kinds: list[type[NavigableString]] = [NavigableString]
        """String class of the innermost string container (``<rt>`` text is a RubyTextString)."""

    def append(self, node: PageElement, parent: Tag) -> None:
        node.parent = parent
        kids = parent.contents
        if kids:
            before = kids[-1]
            before.next_sibling = node
            node.previous_sibling = before
        kids.append(node)
        last = self.last
        if last is not None:
            last.next_element = node
            node.previous_element = last
        self.last = node

    def text(self, run: str, parent: Tag, kind: type[NavigableString] | None = None) -> None:
        if kind is None and parent.name in self.bare and not run.strip():
            return
        if not self.keep and not run.strip(_ASCII_SPACES):
            run = "\n" if "\n" in run else " "
        self.append((kind or self.kinds[-1])(run), parent)

    def start(self, el: Element) -> None:
        name = el.tag
        attrs = el.items()  # (a list: no attribute proxy per element)
        if attrs and self.keep_attrs is not None:
            attrs = [kv for kv in attrs if kv[0] in self.keep_attrs]
        tag_attrs = self.builder.attribute_dict_class(attrs) if attrs else None
        tag = Tag(self.soup, self.builder, name, attrs=tag_attrs, namespaces=self.namespaces)
        self.append(tag, self.stack[-1])
        self.stack.append(tag)
        if name in self.preserve:
            self.keep += 1
        if name in self.containers:
            self.kinds.append(self.containers[name])
        if el.text:
            self.text(el.text, tag)

    def end(self, el: Element, root: Element) -> None:
        name = el.tag
        self.stack.pop()
        if name in self.preserve:
            self.keep -= 1
        if name in self.containers:
            self.kinds.pop()
        if el.tail and el is not root:
            self.text(el.tail, self.stack[-1])

    def comment(self, el: Element) -> None:
        self.text(el.text or "", self.stack[-1], Comment)
        if el.tail:
            self.text(el.tail, self.stack[-1])


def soup_of(
    roots: list[Element], *, keep_attrs: frozenset[str] | None = None, bare: frozenset[str] = frozenset()
) -> Tag:
    """The bs4 tree of the content roots: a ``<body>`` holding them (or the page's own body).

    Equivalent to ``BeautifulSoup(serialised roots, "lxml").body`` without the second parse;
    and, read in the same pass, it can leave out what the reader never asks for: attributes not
    in ``keep_attrs`` (all are kept when it is ``None``), and whitespace-only text directly
    inside the ``bare`` elements (between list items, rows and cells).
    """
    build = _Builder(keep_attrs, bare)
    body: Tag | None = None
    if not (len(roots) == 1 and roots[0].tag == "body"):
        body = Tag(build.soup, build.builder, "body", namespaces=build.namespaces)
        build.append(body, build.soup)
        build.stack.append(body)
    start, end = build.start, build.end
    for root in roots:
        for event, el in lxml.etree.iterwalk(root, events=("start", "end", "comment")):
            if event == "start":
                start(el)
            elif event == "end":
                end(el, root)
            else:
                build.comment(el)
    if body is None:
        found = build.soup.contents[0]
        assert isinstance(found, Tag)
        return found
    return body


def outermost(
    root: Tag, wanted: Callable[[Tag], bool], closed: Callable[[Tag], bool] | None = None
) -> list[Tag]:
    """The descendants of ``root`` that are ``wanted`` and not inside another wanted one, in order.

    One walk with an explicit stack (a deep soup needs no recursion); a descendant for which
    ``closed`` is true is not entered.
    """
    found: list[Tag] = []
    stack: list[Iterator[PageElement]] = [iter(root.contents)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif isinstance(node, Tag):
            if wanted(node):
                found.append(node)
            elif closed is None or not closed(node):
                stack.append(iter(node.contents))
    return found
