"""Properties of ``wikiparse.parse`` over generated wiki-like pages (the strategies in fuzz/):

* it returns a page or raises a :class:`~wikiparse.WikiparseError` — never anything else, and never
  :class:`~wikiparse.InternalError` (the guard that turns a bug into an error must not fire);
* the text it keeps keeps its order: the numbered words of paragraphs appear in the order the
  page has them (the order of the parsed tree for HTML, which a browser may rearrange, e.g. text
  inside a ``<table>`` is placed before it; the order of lines for text);
* it is deterministic: the same input gives byte-identical JSON.

``python fuzz/run.py`` runs the same properties for as long as wanted (docs/robustness.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wikiparse
from wikiparse import Limits, Page, Paragraph, Section
from wikiparse.html.dom import parse_page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fuzz"))
from strategies import (  # the strategies live beside the fuzz drivers
    html_pages,
    ordered_html_pages,
    ordered_text_pages,
    text_pages,
    wikitext_pages,
)

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_TOKEN = regex.compile(r"w\d{5}")

anything = st.one_of(
    st.tuples(html_pages(max_nodes=60), st.sampled_from([None, "html", "text"])),
    st.tuples(text_pages, st.sampled_from([None, "text", "html"])),
    st.tuples(wikitext_pages, st.sampled_from([None, "wikitext", "text"])),
    st.tuples(st.text(max_size=300), st.sampled_from([None, "html", "text", "wikitext"])),
)
declared = st.sampled_from(["utf-8", "iso-8859-1", "shift_jis", "koi8-r", "utf-16", "utf-7", "base64", "x"])
raw_bytes = st.one_of(
    st.binary(max_size=400),
    st.builds(
        lambda label, body: f'<html><head><meta charset="{label}"></head><body>'.encode() + body,
        declared,
        st.binary(max_size=300),
    ),
)


def parse_or_error(source: str | bytes, fmt: str | None = None) -> Page | None:
    try:
        return wikiparse.parse(source, format=fmt)  # type: ignore[arg-type]
    except wikiparse.InternalError:
        raise
    except wikiparse.WikiparseError:
        return None


@given(anything)
@SETTINGS
def test_nothing_but_wikiparse_errors(case: tuple[str, str | None]) -> None:
    page = parse_or_error(*case)
    if page is not None:
        json.dumps(page.to_dict(), ensure_ascii=False).encode("utf-8")


@given(raw_bytes)
@SETTINGS
def test_nothing_but_wikiparse_errors_from_bytes(data: bytes) -> None:
    page = parse_or_error(data)
    if page is not None:
        json.dumps(page.to_dict(), ensure_ascii=False).encode("utf-8")


@given(anything)
@SETTINGS
def test_deterministic(case: tuple[str, str | None]) -> None:
    first = parse_or_error(*case)
    second = parse_or_error(*case)
    if first is None:
        assert second is None
        return
    assert second is not None
    assert json.dumps(second.to_dict(), ensure_ascii=False) == json.dumps(first.to_dict(), ensure_ascii=False)


def paragraph_tokens(page: Page) -> list[str]:
    """Numbered words of the page's paragraphs, in record order (lead, then sections depth first)."""
    out: list[str] = []
    stack: list[Section] = list(reversed(page.sections))
    blocks = list(page.lead)
    while True:
        out.extend(t for b in blocks if isinstance(b, Paragraph) for t in _TOKEN.findall(b.text))
        if not stack:
            return out
        section = stack.pop()
        blocks = list(section.blocks)
        stack.extend(reversed(section.sections))


def assert_in_order(kept: list[str], source: list[str]) -> None:
    position = {t: k for k, t in reversed(list(enumerate(source)))}
    places = [position[t] for t in kept]
    assert places == sorted(places), (kept, source)
    assert len(set(kept)) == len(kept), kept  # nothing kept twice


@given(ordered_html_pages(max_nodes=60))
@SETTINGS
def test_html_paragraphs_keep_the_order_of_the_page(html: str) -> None:
    page = parse_or_error(html, "html")
    if page is None:
        return
    tree = "".join(parse_page(html, Limits()).itertext())
    assert_in_order(paragraph_tokens(page), _TOKEN.findall(tree))


@given(ordered_text_pages())
@SETTINGS
def test_text_paragraphs_keep_the_order_of_the_lines(text: str) -> None:
    page = parse_or_error(text, "text")
    if page is None:
        return
    assert_in_order(paragraph_tokens(page), _TOKEN.findall(text))
