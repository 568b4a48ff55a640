"""Long fuzz run: random wiki-like pages through ``wikiparse.parse``.

usage: python fuzz/run.py [--examples N] [--seed S]

A bug is any exception other than a ``WikiparseError``, an ``InternalError`` (the guard in
``parse`` that wraps a bug), a nondeterministic result, or paragraphs whose numbered words come
out of order (the properties of tests/test_properties.py, run here with a large budget).  It uses
Hypothesis (the ``test`` extra), prints how many inputs were tried, and exits 1 on the first bug
with the (shrunk) input that shows it.  For coverage-guided fuzzing of the same properties, see
``fuzz/atheris_parse.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from strategies import html_pages, ordered_html_pages, ordered_text_pages, text_pages, wikitext_pages

import wikiparse
from wikiparse.html.dom import parse_page

TRIED = 0
_TOKEN = __import__("regex").compile(r"w\d{5}")


def parse(source: str | bytes, fmt: str | None) -> wikiparse.Page | None:
    """The page, or ``None`` for a WikiparseError; an InternalError propagates (it is a bug)."""
    global TRIED
    TRIED += 1
    try:
        return wikiparse.parse(source, format=fmt)  # type: ignore[arg-type]
    except wikiparse.InternalError:
        raise
    except wikiparse.WikiparseError:
        return None


def check(source: str | bytes, fmt: str | None) -> None:
    """Only wikiparse errors; the same JSON twice."""
    one = parse(source, fmt)
    two = parse(source, fmt)
    dump = None if one is None else json.dumps(one.to_dict(), ensure_ascii=False)
    assert dump == (None if two is None else json.dumps(two.to_dict(), ensure_ascii=False)), (
        "not deterministic"
    )
    if dump is not None:
        dump.encode("utf-8")


def check_order(source: str, fmt: str) -> None:
    """Numbered words of paragraphs keep the order of the page (its parsed tree, for HTML)."""
    page = parse(source, fmt)
    if page is None:
        return
    if fmt == "html":
        order = _TOKEN.findall("".join(parse_page(source, wikiparse.Limits()).itertext()))
    else:
        order = _TOKEN.findall(source)
    position = {t: k for k, t in reversed(list(enumerate(order)))}
    kept = [t for b in _paragraphs(page) for t in _TOKEN.findall(b.text)]
    places = [position[t] for t in kept]
    assert places == sorted(places), f"order lost: {kept} vs {order}"
    assert len(set(kept)) == len(kept), f"words repeated: {kept}"


def _paragraphs(page: wikiparse.Page) -> list[wikiparse.Paragraph]:
    out = [b for b in page.lead if isinstance(b, wikiparse.Paragraph)]
    stack = list(reversed(page.sections))
    while stack:
        section = stack.pop()
        out.extend(b for b in section.blocks if isinstance(b, wikiparse.Paragraph))
        stack.extend(reversed(section.sections))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    declared = st.sampled_from(["utf-8", "iso-8859-1", "shift_jis", "utf-16", "utf-7", "base64", "x"])
    inputs = st.one_of(
        st.tuples(html_pages(max_nodes=120), st.sampled_from([None, "html", "text"])),
        st.tuples(text_pages, st.sampled_from([None, "text", "html"])),
        st.tuples(wikitext_pages, st.sampled_from([None, "wikitext", "text"])),
        st.tuples(st.text(max_size=300), st.sampled_from([None, "html", "text", "wikitext"])),
        st.tuples(st.binary(max_size=400), st.none()),
        st.tuples(
            st.builds(
                lambda label, body: f'<html><head><meta charset="{label}"></head><body>'.encode() + body,
                declared,
                st.binary(max_size=300),
            ),
            st.none(),
        ),
    )
    ordered = st.one_of(
        st.tuples(ordered_html_pages(max_nodes=120), st.just("html")),
        st.tuples(ordered_text_pages(), st.just("text")),
    )

    @seed(args.seed)
    @settings(
        max_examples=args.examples, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    @given(st.one_of(inputs.map(lambda case: (*case, False)), ordered.map(lambda case: (*case, True))))
    def run(case: tuple[str | bytes, str | None, bool]) -> None:
        source, fmt, order = case
        if order:
            assert isinstance(source, str)
            assert fmt is not None
            check_order(source, fmt)
        else:
            check(source, fmt)

    try:
        run()
    except BaseException:
        print(f"fuzz: {TRIED} inputs tried, FAILED (the shrunk input is above)", file=sys.stderr)
        raise
    print(f"fuzz: {args.examples} examples, {TRIED} parses, no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
