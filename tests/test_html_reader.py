"""The HTML reader's parts on small hand-made inputs: limits, tables, links, text spacing."""

from __future__ import annotations

import pytest

import wikiparse
from wikiparse import Limits, ListBlock, ParseOptions, Table
from wikiparse.errors import LimitExceeded
from wikiparse.html.dom import Compound, Matcher
from wikiparse.html.meta import strip_site_suffix

from .pagetext import kept_text


def _page(body: str, *, chrome: str = "") -> str:
    return (
        "<!DOCTYPE html><html><head><title>Kettle Hill - Hillwiki</title></head>"
        f'<body class="skin-vector-2022">{chrome}<h1 id="firstHeading">Kettle Hill</h1>'
        f'<div id="mw-content-text"><div class="mw-parser-output">{body}</div></div></body></html>'
    )


def _parse(html: str, limits: Limits | None = None) -> wikiparse.Page:
    return wikiparse.parse(html, options=ParseOptions.build(limits=limits))


def _tables(page: wikiparse.Page) -> list[Table]:
    blocks = list(page.lead) + [b for s in page.sections for b in s.blocks]
    return [b for b in blocks if isinstance(b, Table)]


# ---------------------------------------------------------------- limits


def test_nesting_beyond_the_parser_cap_is_refused() -> None:
    html = _page("<div>" * 3000 + "deep" + "</div>" * 3000)
    with pytest.raises(LimitExceeded, match="nesting"):
        _parse(html)


def test_nesting_beyond_max_depth_is_flattened_not_recursed() -> None:
    html = _page("<div>" * 1500 + "<p>deep <b>text</b></p>" + "</div>" * 1500)
    page = _parse(html, Limits(max_depth=50))
    assert "deep text" in kept_text(page)


def test_deeply_nested_lists_do_not_recurse_without_bound() -> None:
    html = _page("<ul><li>a" * 400 + "</li></ul>" * 400)
    page = _parse(html)
    assert "a" in kept_text(page)
    assert isinstance(page.lead[0], ListBlock)


def test_too_many_elements_are_refused() -> None:
    with pytest.raises(LimitExceeded, match="max_nodes"):
        _parse(_page("<p>x</p>" * 200), Limits(max_nodes=100))


def test_spans_are_clamped() -> None:
    html = _page('<table><tr><td colspan="99999">wide</td></tr><tr><td>a</td></tr></table>')
    (table,) = _tables(_parse(html, Limits(max_span=5)))
    assert table.rows == (("wide",) * 5, ("a", "", "", "", ""))


def test_table_cells_are_bounded_before_the_grid_is_built() -> None:
    rows = "".join('<tr><td colspan="1000">x</td></tr>' for _ in range(100))
    with pytest.raises(LimitExceeded, match="max_table_cells"):
        _parse(_page(f"<table>{rows}</table>"), Limits(max_table_cells=10_000))


# ---------------------------------------------------------------- tables


def test_rowspan_and_colspan_expand_to_a_rectangle() -> None:
    html = _page(
        "<table><tr><th>Year</th><th>Place</th><th>Count</th></tr>"
        '<tr><td rowspan="2">1998</td><td>Ash</td><td>3</td></tr>'
        "<tr><td>Bell</td><td>4</td></tr>"
        '<tr><td>2003</td><td colspan="2">none</td></tr></table>'
    )
    (table,) = _tables(_parse(html))
    assert table.header == ("Year", "Place", "Count")
    assert table.rows == (("1998", "Ash", "3"), ("1998", "Bell", "4"), ("2003", "none", "none"))


def test_a_rowspan_past_the_last_row_adds_no_rows() -> None:
    html = _page('<table><tr><td rowspan="50">a</td><td>b</td></tr><tr><td>c</td></tr></table>')
    (table,) = _tables(_parse(html))
    assert table.rows == (("a", "b"), ("a", "c"))


def test_a_single_cell_table_is_layout() -> None:
    page = _parse(_page("<table><tr><td><h2>Inside</h2><p>Boxed text.</p></td></tr></table>"))
    assert [s.title for s in page.sections] == ["Inside"]
    assert not _tables(page)


# ---------------------------------------------------------------- text and links


def test_block_boundaries_separate_words_and_inline_ones_do_not() -> None:
    html = _page(
        "<table><tr><th>A</th></tr><tr><td>Vanilla Doom<br>accuracy</td></tr></table><p><b>Foo</b>bar</p>"
    )
    page = _parse(html)
    (table,) = _tables(page)
    assert table.rows == (("Vanilla Doom accuracy",),)
    assert "Foobar" in kept_text(page)


def test_internal_links_are_collected_with_their_targets() -> None:
    html = _page(
        '<p><a href="/wiki/Mill_pond" title="Mill pond">the pond</a>, '
        '<a href="https://example.org/x" class="external text">a site</a>, '
        '<a href="/wiki/File:Hill.jpg" title="File:Hill.jpg">a picture</a></p>'
    )
    page = _parse(html)
    assert [(link.text, link.target) for link in page.links] == [("the pond", "Mill pond")]
    assert "the pond, a site, a picture" in kept_text(page)


def test_disabling_the_content_cut_keeps_the_chrome() -> None:
    html = _page("<p>Body text.</p>", chrome='<div id="sidebar">Sidebar words</div>')
    options = ParseOptions.build(disable=["page.outside-content"])
    assert "Sidebar words" in kept_text(wikiparse.parse(html, options=options))
    assert "Sidebar words" not in kept_text(wikiparse.parse(html))


def test_site_suffixes_leave_the_title() -> None:
    assert strip_site_suffix("Pell Moss - Wikipedia", "Wikipedia") == "Pell Moss"
    assert strip_site_suffix("Lantern Charm | Teapot Wiki | Fandom", None) == "Lantern Charm"
    assert strip_site_suffix("Well-known hill", None) == "Well-known hill"


def test_matcher_prefers_the_first_listed_rule() -> None:
    import lxml.html

    el = lxml.html.fragment_fromstring('<div class="navbox authority-control">x</div>')
    matcher = Matcher.build((("authority-control", ".authority-control"), ("navbox", ".navbox")))
    assert matcher.match(el) == "authority-control"
    assert Compound.parse("span[typeof^=mw:Ext]").matches(
        lxml.html.fragment_fromstring('<span typeof="mw:Extension/ref"/>')
    )


def test_one_wide_row_cannot_pass_the_cell_budget() -> None:
    row = '<td colspan="1000">x</td>' * 50
    with pytest.raises(LimitExceeded, match="max_table_cells"):
        _parse(_page(f"<table><tr>{row}</tr></table>"), Limits(max_table_cells=20_000))


def test_an_empty_skin_region_falls_back_to_the_page_body() -> None:
    html = (
        '<html><body class="skin-vector-2022"><div id="mw-content-text"></div>'
        "<main><h1>Kettle Hill</h1><p>The hill stands by the mill pond.</p></main></body></html>"
    )
    page = _parse(html)
    assert page.skin == "generic"
    assert page.title == "Kettle Hill"
    assert "The hill stands by the mill pond." in kept_text(page)
