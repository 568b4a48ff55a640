"""Hostile pages through ``wikiparse.parse``: each class ends in a record of the expected shape or
in a specific typed error, within a bound (sizes, depths, counts, traced memory).

Inputs are generated here or in tests/hostile.py; none is stored.  Times are never asserted
tightly: a class that used to hang would make the suite itself time out.
"""

from __future__ import annotations

import functools
import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import lxml.etree
import pytest

import wikiparse
from wikiparse import InputError, LimitExceeded, Limits, ListBlock, ListItem, Page, ParseOptions, Table
from wikiparse.nesting import depth as list_depth

from . import hostile
from .pagetext import kept_text

MB = 1024 * 1024


def traced(call: Callable[[], object]) -> tuple[object, int]:
    """``call()``'s result (or the WikiparseError it raised) and the peak of traced Python memory."""
    tracemalloc.start()
    try:
        try:
            result: object = call()
        except wikiparse.WikiparseError as exc:
            result = exc
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def blocks(page: Page) -> list[object]:
    out: list[object] = list(page.lead)
    stack = list(page.sections)
    while stack:
        section = stack.pop(0)
        out.extend(section.blocks)
        stack[:0] = section.sections
    return out


def check_record(page: Page) -> str:
    """Every rendering of the record works, and it survives its JSON form; returns the JSON line."""
    line = json.dumps(page.to_dict(), ensure_ascii=False)
    line.encode("utf-8")  # no lone surrogates
    assert Page.from_dict(json.loads(line)) == page
    page.to_text()
    page.to_markdown()
    for block in blocks(page):
        if isinstance(block, ListBlock):
            assert list_depth(block.items) <= Limits().max_list_depth
    return line


@functools.cache
def outcome(name: str) -> object:
    """The outcome of one class, parsed once for this module (records are immutable)."""
    case = hostile.by_name(name)
    try:
        return wikiparse.parse(case.build())
    except wikiparse.WikiparseError as exc:
        return exc


# ---------------------------------------------------------------- every class: record or typed error


@pytest.mark.parametrize("case", hostile.CATALOGUE, ids=lambda h: h.name)
def test_each_class_ends_as_expected(case: hostile.Hostile) -> None:
    result = outcome(case.name)
    if case.expect == "record":
        assert isinstance(result, Page), result
        line = check_record(result)
        # No amplification: a record is never much larger than its page (small pages pay for the
        # record's keys; spans may widen a tiny table up to max_span).
        assert len(line.encode()) <= 20 * len(case.build()) + 64 * 1024
    else:
        assert type(result).__name__ == case.expect, result


# ---------------------------------------------------------------- limits hold before work explodes


def test_nesting_past_the_parser_is_refused_with_a_fixed_limit() -> None:
    for name in ("nested-divs", "nested-lists", "nested-inline", "unclosed-divs-deep"):
        error = outcome(name)
        assert isinstance(error, LimitExceeded), name
        assert error.option is None
        assert error.limit == 2040
        assert "unclosed tags" in str(error)
        assert "no option raises it" in str(error)


def test_a_million_tiny_elements_are_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the page reached the parser")

    monkeypatch.setattr(lxml.etree, "fromstring", no_parse)
    with pytest.raises(LimitExceeded) as info:
        wikiparse.parse(hostile.by_name("tiny-elements").build())
    assert info.value.option == "max_nodes"
    assert "start tags" in str(info.value)


def test_start_tags_inside_scripts_do_not_count() -> None:
    script = "<script>" + "if (a<b && c<d) x();" * 300 + "</script>"
    page = wikiparse.parse(
        hostile.html(script + "<p>kept</p>"), options=ParseOptions.build(limits=Limits(max_nodes=100))
    )
    assert "kept" in kept_text(page)


def test_a_50mb_text_node_is_refused_by_size() -> None:
    data = hostile.by_name("text-node-50mb").build()
    error, peak = traced(lambda: wikiparse.parse(data))
    assert isinstance(error, LimitExceeded)
    assert error.option == "max_text_chars"
    assert peak < 3 * len(data)  # decoded once, refused before any reader ran


def test_a_start_tag_with_100k_attributes_is_refused_before_the_parser_runs() -> None:
    error, peak = traced(lambda: outcome("attributes-100k"))
    assert isinstance(error, LimitExceeded)
    assert error.option is None
    assert error.limit == 256
    assert "100,000 attributes" in str(error)
    assert peak < 16 * MB


def test_attributes_hidden_behind_quoted_gt_still_count() -> None:
    # A quoted ">" does not end a tag: a scanner that thought so would let this through.
    tag = "<div " + " ".join(f"a{i}='>'" for i in range(1000)) + ">x</div>"
    with pytest.raises(LimitExceeded, match="1,000 attributes"):
        wikiparse.parse(hostile.html(tag))


def test_a_real_number_of_attributes_is_read() -> None:
    tag = "<div " + " ".join(f"data-a{i}='v'" for i in range(200)) + ">two hundred</div>"
    assert "two hundred" in kept_text(wikiparse.parse(hostile.html(tag)))


def test_span_grids_past_the_cell_budget_are_refused() -> None:
    error = outcome("span-grid")
    assert isinstance(error, LimitExceeded)
    assert error.option == "max_table_cells"


def test_too_many_text_lines_are_refused_before_they_are_split() -> None:
    data = b"x\n" * 600_000
    error, peak = traced(lambda: wikiparse.parse(data))
    assert isinstance(error, LimitExceeded)
    assert error.option == "max_nodes"
    assert peak < 4 * len(data)  # 600,000 line objects would take far more


# ---------------------------------------------------------------- records of the expected shape


def test_colspan_100000_is_clamped() -> None:
    page = outcome("colspan-100000")
    assert isinstance(page, Page)
    (table,) = [b for b in blocks(page) if isinstance(b, Table)]
    width = Limits().max_span + 1
    assert all(len(row) == width for row in table.rows)
    assert table.rows[0][0] == "wide"
    assert table.rows[0][-1] == "b"


def test_nested_lists_keep_their_text_and_a_bounded_depth() -> None:
    page = outcome("nested-lists-900")
    assert isinstance(page, Page)
    (block,) = [b for b in blocks(page) if isinstance(b, ListBlock)]
    assert list_depth(block.items) == Limits().max_list_depth
    assert kept_text(page).count("level") == 900  # deeper levels were read as text, never lost
    assert any("nested deeper than 32 levels" in w for w in page.warnings)


def test_10000_headings_become_10000_sections_in_order() -> None:
    page = outcome("headings-10k")
    assert isinstance(page, Page)
    assert [s.title for s in page.sections] == [f"Heading {i}" for i in range(10_000)]
    assert all(s.blocks[0] == wikiparse.Paragraph(text=f"Text {i}.") for i, s in enumerate(page.sections))


def test_a_1mb_title_is_kept_whole() -> None:
    page = outcome("title-1mb")
    assert isinstance(page, Page)
    assert page.title == "T" * 1_000_000


def test_unclosed_tags_are_read_as_a_browser_would() -> None:
    page = outcome("unclosed-tags")
    assert isinstance(page, Page)
    (table,) = [b for b in blocks(page) if isinstance(b, Table)]
    assert len(table.rows) == 200
    assert table.rows[199] == ("cell 199", "more 199")
    text = kept_text(page)
    assert all(f"para {i} slanted link {i}" in text for i in range(200))
    assert len(page.links) == 200


def test_nul_and_control_characters_never_reach_the_record() -> None:
    page = outcome("nul-and-controls")
    assert isinstance(page, Page)
    line = check_record(page)
    assert not any(c in line for c in "\x00\x01\x1b\x7f\x0b\x0c")
    assert "abc[31mdefg" in kept_text(page).replace(" ", "")


def test_invalid_utf8_is_decoded_with_the_fallback_recorded() -> None:
    page = outcome("invalid-utf8")
    assert isinstance(page, Page)
    assert page.decoding is not None
    assert page.decoding.method == "fallback"
    assert page.decoding.encoding == "windows-1252"
    assert any("not valid UTF-8" in w for w in page.warnings)
    assert "ok" in kept_text(page)


def test_a_wrong_meta_charset_gives_way_to_the_bytes() -> None:
    page = outcome("wrong-meta-charset")
    assert isinstance(page, Page)
    assert page.decoding is not None
    assert page.decoding.encoding == "utf-8"
    assert page.decoding.method == "fallback"
    assert "café naïve Zürich" in kept_text(page)
    assert any("declared iso2022_jp" in w for w in page.warnings)


NOT_PAGE_ENCODINGS = (
    *("rot13", "base64", "zlib", "hex", "uu"),  # bytes codecs
    *(
        "idna",
        "punycode",
        "undefined",
        "utf-7",
        "unicode_escape",
        "raw_unicode_escape",
    ),  # no page is in these
    "x-no-such-thing",
)


@pytest.mark.parametrize("label", NOT_PAGE_ENCODINGS)
def test_a_meta_charset_that_is_no_page_encoding_is_ignored(label: str) -> None:
    data = f'<html><head><meta charset="{label}"></head><body><p>café \\x41 +AGEA-</p>'.encode()
    page = wikiparse.parse(data)
    assert page.decoding is not None
    assert page.decoding.encoding == "utf-8"
    assert "café \\x41 +AGEA-" in kept_text(page)


def test_utf16_without_bom_is_recognised() -> None:
    page = outcome("utf16-without-bom")
    assert isinstance(page, Page)
    assert page.decoding is not None
    assert page.decoding.encoding == "utf-16-le"
    assert "Hello wiki world" in kept_text(page).split("\n")


@pytest.mark.parametrize("name", ["empty", "whitespace-only", "binary", "jpeg"])
def test_non_pages_are_input_errors(name: str) -> None:
    error = outcome(name)
    assert isinstance(error, InputError)
    assert isinstance(error, ValueError)


def test_binary_files_named_html_are_refused_by_path(tmp_path: Path) -> None:
    for name in ("binary", "jpeg"):
        path = tmp_path / hostile.by_name(name).filename
        path.write_bytes(hostile.by_name(name).build())
        with pytest.raises(InputError, match=r"binary|JPEG"):
            wikiparse.parse(path)


def test_a_paragraph_of_50000_links_is_read_in_linear_work() -> None:
    page, peak = traced(lambda: outcome("links-50k"))
    assert isinstance(page, Page)
    assert len(page.links) == 50_000
    assert page.links[-1] == wikiparse.Link(text="p49999", target="P49999")
    assert peak < 64 * MB  # unwrapping anchors one by one re-joined ever longer strings


def test_edit_marker_floods_become_removals() -> None:
    page, peak = traced(lambda: outcome("edit-markers"))
    assert isinstance(page, Page)
    # 20,000 marker lines and 5,000 "Plot [edit]" headings: the first line marks no heading and
    # stays as text, every other marker is a removal.
    assert kept_text(page).count("[edit]") == 1
    assert len([r for r in page.removed if r.rule == "edit-marker"]) == 24_999
    assert [s.title for s in page.sections].count("Plot") == 5000
    assert peak < 128 * MB


def test_5000_indent_levels_of_bullets_flatten_into_the_deepest_level() -> None:
    page, peak = traced(lambda: outcome("deep-bullets"))
    assert isinstance(page, Page)
    (block,) = [b for b in blocks(page) if isinstance(b, ListBlock)]
    assert list_depth(block.items) == 32
    texts = kept_text(page)
    assert texts.count("item") == 5000  # nothing lost
    assert any("4,968 list item(s) nested deeper than 32 levels" in w for w in page.warnings)
    assert peak < 64 * MB


def test_list_depth_follows_the_option() -> None:
    text = "\n".join(" " * i + "* item " + str(i) for i in range(50))
    page = wikiparse.parse(text, options=ParseOptions.build(limits=Limits(max_list_depth=3)))
    (block,) = [b for b in blocks(page) if isinstance(b, ListBlock)]
    assert list_depth(block.items) == 3
    with pytest.raises(ValueError, match="max_list_depth"):
        Limits(max_list_depth=65)


# ---------------------------------------------------------------- deep and wide at once

DEEP_AND_WIDE = tuple(h.name for h in hostile.CATALOGUE if h.filename in hostile.DEEP_AND_WIDE_FILES)


@pytest.mark.parametrize("name", DEEP_AND_WIDE)
def test_deep_and_wide_pages_cost_each_element_once(name: str) -> None:
    started = time.monotonic()
    page = outcome(name)
    assert isinstance(page, Page)
    assert time.monotonic() - started < 60  # generous: 2-4 s now, elements × depth before


def test_what_deep_and_wide_pages_keep() -> None:
    hidden = outcome("hidden-in-deep-nesting")
    assert isinstance(hidden, Page)
    assert set(kept_text(hidden).split()) == {"Kettle", "Hill", "x" * 20_000}
    edits = outcome("edit-links-in-deep-nesting")
    assert isinstance(edits, Page)
    assert "[edit]" not in kept_text(edits)
    assert edits.removed[-1].chars == len("[edit] ") * 20_000 - 1
    wrappers = outcome("inline-wrappers")
    assert isinstance(wrappers, Page)
    assert kept_text(wrappers).split()[-1] == "block"
    bar = outcome("category-bar-deep")
    assert isinstance(bar, Page)
    assert bar.categories == tuple(f"C{i}" for i in range(20_000))


@pytest.mark.parametrize("name", ["infobox-data-nested", "infobox-groups-nested"])
def test_nested_infobox_parts_are_read_once(name: str) -> None:
    page = outcome(name)
    assert isinstance(page, Page)
    (box,) = page.infoboxes
    assert sum(len(f.value) for f in box.fields) < 1_000_000  # 600 levels × 500 KB before
    assert box.fields[0].label == "L"
    assert box.fields[0].value.endswith("word word")


def test_anchors_left_open_do_not_repeat_the_page_per_anchor() -> None:
    page, peak = traced(lambda: outcome("unclosed-anchors"))
    assert isinstance(page, Page)
    assert len(page.links) == 1000
    assert all(len(link.text) <= 1000 for link in page.links)
    assert peak < 128 * MB  # a gigabyte of link text before (1,000 anchors × 1 MB each)


# ---------------------------------------------------------------- entities: never expanded, never fetched


def test_billion_laughs_in_an_html_doctype_is_not_expanded() -> None:
    for fmt in (None, "html"):
        page = wikiparse.parse(hostile.by_name("billion-laughs-html").build(), format=fmt)  # type: ignore[arg-type]
        assert len(check_record(page)) < 4000
        assert "lollol" not in "".join(kept_text(page).split())


def test_external_entities_in_html_are_never_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-42")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<html><head><title>X</title></head><body><p>before &xxe; after</p></body></html>"
    )
    for fmt in (None, "html", "text"):
        page = wikiparse.parse(data, format=fmt)  # type: ignore[arg-type]
        assert "TOP-SECRET" not in check_record(page)


# ---------------------------------------------------------------- regular expressions stay linear


@pytest.mark.parametrize("name", ["backtracking-title", "backtracking-markdown"])
def test_backtracking_traps_complete(name: str) -> None:
    page = outcome(name)  # each took minutes to hours before its pattern was made linear
    assert isinstance(page, Page)


def test_suffix_of_long_titles_is_left_alone() -> None:
    title = "a - " * 50_000 + "-"
    page = outcome("backtracking-title")
    assert isinstance(page, Page)
    assert page.title == title.strip()


# ---------------------------------------------------------------- found by fuzzing (fuzz/)

FUZZ_FINDS = {
    # urlsplit refuses an unbalanced "[" in a host
    "ipv6-link": "<html><body><p>a <a href='http://[oops/wiki/X'>link</a> b</p>",
    # lxml's API refuses names and text that its parser accepts
    "control-in-attribute-name": "<html><body><p a\x1fb='1'>text</p>",
    "namespace-like-attribute-name": """<html><body><p {"parts":[1]}'='x'>text</p>""",
    "control-beside-dropped-title": "<html><body><h1>Title</h1>\x1f tail<p>text</p>",
    "noncharacters": "<html><body><h1>T</h1>\ufffe\uffff<p>te\ufffext</p>",
    # lone surrogates (a JSON dump's "\ud800") stopped libxml2 at the first one
    "lone-surrogates": "<html><body><p>before\ud800 after\udfff end</p>",
}


@pytest.mark.parametrize("name", FUZZ_FINDS)
def test_inputs_found_by_fuzzing(name: str) -> None:
    for fmt in (None, "html", "text"):
        check_record(wikiparse.parse(FUZZ_FINDS[name], format=fmt))  # type: ignore[arg-type]


def test_lone_surrogates_become_replacement_characters() -> None:
    page = wikiparse.parse(FUZZ_FINDS["lone-surrogates"])
    assert "before\ufffd after\ufffd end" in kept_text(page)
    assert "2 lone surrogate(s) replaced by U+FFFD" in page.warnings
    assert "a😀b" in kept_text(wikiparse.parse("<p>a\ud83d\ude00b</p>"))  # a pair is one character


# ---------------------------------------------------------------- records built by hand


def _deep_item(levels: int) -> ListItem:
    item = ListItem(text=f"level {levels}")
    for level in range(levels - 1, 0, -1):
        item = ListItem(text=f"level {level}", items=(item,))
    return item


def test_json_and_renderers_walk_deep_lists_without_recursion() -> None:
    page = Page(title="Deep", lead=(ListBlock(ordered=False, items=(_deep_item(5000),)),))
    data = page.to_dict()
    item = data["lead"][0]["items"][0]  # type: ignore[index]
    for _ in range(4999):
        item = item["items"][0]
    assert item == {"text": "level 5000", "term": None, "detail": None, "items": []}
    text = page.to_text()
    assert text.count("- level") == 5000
    assert page.to_markdown().count("level") == 5000


def test_json_with_lists_nested_past_any_page_is_refused() -> None:
    data = Page(title="Deep", lead=(ListBlock(ordered=False, items=(_deep_item(64),)),)).to_dict()
    assert Page.from_dict(data).title == "Deep"
    deeper = Page(title="Deep", lead=(ListBlock(ordered=False, items=(_deep_item(65),)),)).to_dict()
    with pytest.raises(InputError, match="nested more than 64 levels"):
        Page.from_dict(deeper)


def test_json_with_sections_nested_past_any_page_is_refused() -> None:
    section: dict[str, object] = {"title": "s", "level": 2, "blocks": [], "sections": []}
    for _ in range(40):
        section = {"title": "s", "level": 2, "blocks": [], "sections": [section]}
    data = Page(title="T").to_dict() | {"sections": [section]}
    with pytest.raises(InputError, match="sections nested more than 32"):
        Page.from_dict(data)


def test_parse_raises_nothing_but_wikiparse_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(sys.modules["wikiparse.parse"], "normalize_doc", broken)
    with pytest.raises(wikiparse.InternalError, match="KeyError") as info:
        wikiparse.parse("Plot Edit\nA detective hunts a smuggler.")
    assert isinstance(info.value.__cause__, KeyError)
