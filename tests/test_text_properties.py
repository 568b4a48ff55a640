"""Properties of the text reader on generated input (Hypothesis).

* it returns a page or raises a :class:`~wikiparse.WikiparseError`, nothing else;
* the same input gives byte-identical JSON;
* normalising the document it reads twice gives what normalising once gives.

Inputs mix random text with the fragments the reader reacts to (edit markers, bullets, TOC
entries, Markdown, html2text headings, flattened single-line pages) so that every pass runs.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wikiparse
from wikiparse.normalize import normalize_doc
from wikiparse.options import Limits
from wikiparse.rules import ruleset
from wikiparse.text import read_text

FRAGMENTS = [
    "Plot Edit",
    "HistoryEdit",
    "Biography [ ]",
    "Early life [edit]",
    "Contents",
    "Contents[show]",
    "1\tOverview",
    "1.1 Early life",
    "  • Arnold as Danko",
    " lost bullet item",
    "    * 1_Measurement",
    "          o 2.1_Fishing",
    "   1. ^ Fenwick, Ada (1999). Clocks.",
    "***** Design[edit] *****",
    "****** Title ******",
    "# Title",
    "## Section\\[ [Sign in to edit](https://auth.fandom.com/signin?x=1)\\]",
    "[link](https://x.fandom.com/wiki/Page) and ![img](https://i.org/a.png)",
    "in: [Cats](https://x.fandom.com/wiki/Category:Cats)",
    "| a | b |",
    "| --- | --- |",
    "> quoted words",
    "―Speaker, to someone.",
    "Season 1",
    "Air date",
    "May 22, 2011",
    "Previous",
    "Next",
    "Episode Guide",
    "NewPP limit report",
    "Cached time: 20250101000000",
    "Categories:",
    "* v",
    "* t",
    "* e",
    "#01 Arrival#04 Storm",
    "Community content is available under CC-BY-SA unless otherwise noted.",
    'Retrieved from "https://en.wikipedia.org/w/',
    "Navigation menu",
    "Advertisement",
    "theSoviet Union and iPhone",
    "Red Heat is a 1988 film directed by someone.[1]",
    "=====",
    "",
]
BLOB = (
    "Jon Flint Status Alive Portrayed By Hector Elizondo Det. Jon Flint is a detective . "
    "Contents 1 Biography 1 Biography 2 Trivia 2 Trivia Biography [ ] He works. Trivia [ ] "
    "He rests. NewPP limit report Cached time: 1 Rendering was triggered because: page-view"
)

lines = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=60), st.just(BLOB))
pages = st.one_of(
    st.lists(lines, min_size=1, max_size=25).map("\n".join),
    st.text(min_size=1, max_size=400),
    st.lists(st.sampled_from([*FRAGMENTS, BLOB]), min_size=1, max_size=6).map(" ".join),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(pages)
@SETTINGS
def test_only_wikiparse_errors(text: str) -> None:
    try:
        page = wikiparse.parse(text, format="text")
    except wikiparse.WikiparseError:
        return
    assert isinstance(page, wikiparse.Page)


@given(pages)
@SETTINGS
def test_deterministic(text: str) -> None:
    try:
        first = wikiparse.parse(text, format="text")
    except wikiparse.WikiparseError:
        return
    second = wikiparse.parse(text, format="text")
    dump = json.dumps(first.to_dict(), ensure_ascii=False, sort_keys=False)
    assert json.dumps(second.to_dict(), ensure_ascii=False, sort_keys=False) == dump


@given(pages)
@SETTINGS
def test_normalising_twice_is_once(text: str) -> None:
    rules = ruleset("text")
    doc = read_text(text, rules, Limits())
    once = normalize_doc(doc, rules)
    assert normalize_doc(once, rules) == once
