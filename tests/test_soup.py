"""The soup built straight from lxml elements is the tree bs4's own lxml builder would build."""

from __future__ import annotations

import itertools
from pathlib import Path

import lxml.etree
import pytest
from bs4 import BeautifulSoup
from bs4.element import NavigableString, PageElement, RubyTextString, Tag

from wikiparse.html.soup import soup_of

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures" / "html").rglob("*.html"))


def _roots(html: str) -> list[lxml.etree._Element]:
    root = lxml.etree.fromstring(html, parser=lxml.etree.HTMLParser())
    body = root.find("body")
    return [body] if body is not None else list(root)


def _reparsed(roots: list[lxml.etree._Element]) -> Tag:
    html = "".join(lxml.etree.tostring(r, method="html", encoding="unicode", with_tail=False) for r in roots)
    body = BeautifulSoup(html, "lxml").body
    assert body is not None
    return body


def _shape(node: PageElement) -> object:
    """Name, attributes, string class and text of every node, recursively."""
    if isinstance(node, Tag):
        return (node.name, dict(node.attrs), [_shape(c) for c in node.contents])
    return (type(node).__name__, str(node))


def _check_links(top: Tag) -> None:
    """parent, sibling and next/previous_element links agree with ``contents``."""
    order: list[PageElement] = []
    stack: list[PageElement] = [top]
    while stack:
        node = stack.pop()
        order.append(node)
        if isinstance(node, Tag):
            for k, child in enumerate(node.contents):
                assert child.parent is node
                assert child.previous_sibling is (node.contents[k - 1] if k else None)
                assert child.next_sibling is (node.contents[k + 1] if k + 1 < len(node.contents) else None)
            stack.extend(reversed(node.contents))
    assert list(top.descendants) == order[1:]
    for before, after in itertools.pairwise(order):
        assert before.next_element is after
        assert after.previous_element is before


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_same_tree_as_bs4_on_fixtures(path: Path) -> None:
    roots = _roots(path.read_text(encoding="utf-8"))
    built = soup_of(roots)
    assert _shape(built) == _shape(_reparsed(roots))
    _check_links(built)


def test_several_roots_sit_in_one_body() -> None:
    html = '<div id="a"><p>one <b>two</b></p>  </div><div id="b" class="x y"><ul><li>i</li></ul></div>'
    root = lxml.etree.fromstring(html, parser=lxml.etree.HTMLParser())
    roots = list(root.find("body"))
    built = soup_of(roots)
    assert built.name == "body"
    assert [c.get("id") for c in built.contents if isinstance(c, Tag)] == ["a", "b"]
    assert built.contents[1].get("class") == ["x", "y"]  # multi-valued, as bs4 makes it
    assert built.contents[1]._namespaces == _reparsed(roots).contents[1]._namespaces
    assert _shape(built) == _shape(_reparsed(roots))
    _check_links(built)


def test_whitespace_runs_and_string_classes_follow_bs4() -> None:
    html = (
        "<body><div>\n\n  <p>a</p> \t <pre>  keep\n\n </pre></div>"
        "<p>漢<ruby>字<rp>(</rp><rt>じ</rt><rp>)</rp></ruby>.</p></body>"
    )
    built = soup_of(_roots(html))
    div = built.find("div")
    assert isinstance(div, Tag)
    assert div.contents[0] == "\n"  # whitespace-only run: one newline
    assert div.contents[2] == " "  # or one space
    pre = built.find("pre")
    assert isinstance(pre, Tag)
    assert pre.string == "  keep\n\n "  # kept inside <pre>
    rt = built.find("rt")
    assert isinstance(rt, Tag)
    assert type(rt.contents[0]) is RubyTextString
    assert [s for s in built.find_all(string=True) if type(s) is NavigableString][-2:] == ["字", "."]
    _check_links(built)


def test_unread_attributes_and_whitespace_between_items_can_be_left_out() -> None:
    html = '<body><ul class="a" data-x="1">\n <li style="s" id="i">one</li>\n</ul><p> x </p></body>'
    built = soup_of(_roots(html), keep_attrs=frozenset({"class", "id"}), bare=frozenset({"ul"}))
    ul = built.find("ul")
    assert isinstance(ul, Tag)
    assert ul.attrs == {"class": ["a"]}
    (li,) = ul.contents  # the whitespace around the item is gone
    assert isinstance(li, Tag)
    assert li.attrs == {"id": "i"}
    p = built.find("p")
    assert isinstance(p, Tag)
    assert p.string == " x "  # elsewhere whitespace stays
    _check_links(built)


def test_comments_are_comment_strings_and_their_tails_stay() -> None:
    roots = _roots("<body><div>a<!-- note -->b<ul>\n<!-- -->\n<li>i</li></ul></div></body>")
    built = soup_of(roots)
    assert _shape(built) == _shape(_reparsed(roots))
    div = built.find("div")
    assert isinstance(div, Tag)
    assert [(type(c).__name__, str(c)) for c in div.contents[:3]] == [
        ("NavigableString", "a"),
        ("Comment", " note "),
        ("NavigableString", "b"),
    ]
    _check_links(built)
