"""The properties ``wikiparse.parse`` must have on any input, shared by the property tests
(tests/test_properties.py) and the long fuzz runs (fuzz/run.py):

* it returns a page or raises a :class:`~wikiparse.WikiparseError` — never anything else, and
  never :class:`~wikiparse.InternalError` (the guard that turns a bug into an error);
* it is deterministic: the same input gives byte-identical JSON, which encodes as UTF-8;
* the text it keeps keeps its order: the numbered words (``w00001``…) of paragraphs appear in
  the order the page has them — the order of the parsed tree for HTML (a browser, and libxml2,
  may move text, e.g. out of a ``<table>``), the order of the lines for text.
"""

from __future__ import annotations

import json

import regex

import wikiparse
from wikiparse import Limits, Page, Paragraph, Section
from wikiparse.html.dom import parse_page

TOKEN = regex.compile(r"w\d{5}")
parses = 0
"""How many parses the checks have made (the fuzz run reports it)."""


def parse_or_none(source: str | bytes, fmt: str | None = None) -> Page | None:
    """The page, or ``None`` for a WikiparseError; an InternalError propagates (it is a bug)."""
    global parses
    parses += 1
    try:
        return wikiparse.parse(source, format=fmt)  # type: ignore[arg-type]
    except wikiparse.InternalError:
        raise
    except wikiparse.WikiparseError:
        return None


def check_deterministic(source: str | bytes, fmt: str | None = None) -> None:
    """Two parses give the same JSON (or both the same kind of refusal); it encodes as UTF-8."""
    first, second = parse_or_none(source, fmt), parse_or_none(source, fmt)
    one = None if first is None else json.dumps(first.to_dict(), ensure_ascii=False)
    two = None if second is None else json.dumps(second.to_dict(), ensure_ascii=False)
    assert one == two, "not deterministic"
    if one is not None:
        one.encode("utf-8")


def check_order(source: str, fmt: str) -> None:
    """The numbered words of the page's paragraphs keep the order of the page, each kept once."""
    page = parse_or_none(source, fmt)
    if page is None:
        return
    tree = "".join(parse_page(source, Limits()).itertext()) if fmt == "html" else source
    order = TOKEN.findall(tree)
    position = {t: k for k, t in reversed(list(enumerate(order)))}
    kept = paragraph_tokens(page)
    places = [position[t] for t in kept]
    assert places == sorted(places), f"order lost: {kept} vs {order}"
    assert len(set(kept)) == len(kept), f"words repeated: {kept}"


def paragraph_tokens(page: Page) -> list[str]:
    """Numbered words of the page's paragraphs, in record order (lead, then sections depth first)."""
    out: list[str] = []
    stack: list[Section] = list(reversed(page.sections))
    blocks = list(page.lead)
    while True:
        out.extend(t for b in blocks if isinstance(b, Paragraph) for t in TOKEN.findall(b.text))
        if not stack:
            return out
        section = stack.pop()
        blocks = list(section.blocks)
        stack.extend(reversed(section.sections))
