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

import lxml.etree
from bs4 import BeautifulSoup
from bs4.element import Comment, NavigableString, PageElement, Tag

from .dom import Element

__all__ = ["Comment", "NavigableString", "PageElement", "Tag", "soup_of"]

_ASCII_SPACES = "\x20\x0a\x09\x0c\x0d"


class _Linker:
    """Appends new elements to the tree, keeping bs4's links (bs4's ``object_was_parsed``)."""

    def __init__(self) -> None:
        self.last: PageElement | None = None
        """The element created last: the one whose ``next_element`` the next one is."""

    def append(self, node: PageElement, parent: Tag | None) -> None:
        node.parent = parent
        if parent is not None:
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


def soup_of(
    roots: list[Element], *, keep_attrs: frozenset[str] | None = None, bare: frozenset[str] = frozenset()
) -> Tag:
    """The bs4 tree of the content roots: a ``<body>`` holding them (or the page's own body).

    Equivalent to ``BeautifulSoup(serialised roots, "lxml").body`` without the second parse;
    and, read in the same pass, it can leave out what the reader never asks for: attributes not
    in ``keep_attrs`` (all are kept when it is ``None``), and whitespace-only text directly
    inside the ``bare`` elements (between list items, rows and cells).
    """
    soup = BeautifulSoup("", "lxml")
    builder = soup.builder
    preserve = builder.preserve_whitespace_tags
    containers = builder.string_containers
    attr_dict = builder.attribute_dict_class
    # The namespace prefixes in scope, one dict shared by every tag as bs4's lxml builder does
    # (a dict per tag was a fifth of the soup's memory).
    namespaces = getattr(builder, "active_namespace_prefixes", [{}])[-1]
    link = _Linker()
    body: Tag | None = None
    if not (len(roots) == 1 and roots[0].tag == "body"):
        body = Tag(soup, builder, "body", namespaces=namespaces)
        link.append(body, soup)
    stack: list[Tag] = [body if body is not None else soup]
    keep = 0  # depth inside whitespace-preserving elements (<pre>, <textarea>)
    kinds: list[type[NavigableString]] = [NavigableString]  # string class of the innermost container

    def text(run: str, parent: Tag) -> None:
        if parent.name in bare and not run.strip():
            return
        if not keep and not run.strip(_ASCII_SPACES):
            run = "\n" if "\n" in run else " "
        link.append(kinds[-1](run), parent)

    for root in roots:
        for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
            name = el.tag
            if event == "start":
                attrs = el.items()  # (a list: no attribute proxy per element)
                if attrs and keep_attrs is not None:
                    attrs = [kv for kv in attrs if kv[0] in keep_attrs]
                tag = Tag(
                    soup, builder, name, attrs=attr_dict(attrs) if attrs else None, namespaces=namespaces
                )
                link.append(tag, stack[-1])
                stack.append(tag)
                if name in preserve:
                    keep += 1
                if name in containers:
                    kinds.append(containers[name])
                if el.text:
                    text(el.text, tag)
            else:
                stack.pop()
                if name in preserve:
                    keep -= 1
                if name in containers:
                    kinds.pop()
                if el.tail and el is not root:
                    text(el.tail, stack[-1])
    if body is None:
        found = soup.contents[0]
        assert isinstance(found, Tag)
        return found
    return body
