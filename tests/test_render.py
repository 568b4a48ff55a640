"""Plain-text rendering: golden texts, the seed page, layout and options."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import wikiparse
from wikiparse import Code, ListBlock, ListItem, Page, Paragraph, Quote, Section, Table
from wikiparse.render import SEPARATOR, layout, to_text

from .conftest import FIXTURES, SEED, need
from .mdtext import record_strings, words

RENDER = FIXTURES / "render"


def _record(name: str) -> Path:
    own = RENDER / f"{name}.json"
    return own if own.exists() else FIXTURES / "text" / f"{name}.expected.json"


@pytest.mark.parametrize("golden", sorted(RENDER.glob("*.expected.txt")), ids=lambda p: p.name)
def test_golden_text(golden: Path) -> None:
    page = Page.from_dict(json.loads(_record(golden.name.split(".")[0]).read_text(encoding="utf-8")))
    assert page.to_text() + "\n" == golden.read_text(encoding="utf-8")


def test_seed_text_is_the_record_text() -> None:
    page = wikiparse.parse(need(SEED))
    text = page.to_text()
    assert text.startswith("Red Heat\n\nRed Heat is a 1988 American buddy cop action film")
    assert "\n\nCast\n\n- Arnold Schwarzenegger as Capt. Ivan Danko\n- James Belushi" in text
    assert "Edit" not in text
    assert "Ad blocker" not in text
    unmarked = [re.sub(r"^\s*(?:-|\d+\.) ", "", line) for line in text.split("\n")]
    assert words(unmarked) == words(record_strings(page))


def test_layout_joins_into_the_text() -> None:
    page = Page.from_dict(json.loads((RENDER / "kitchen_sink.json").read_text(encoding="utf-8")))
    segments = layout(page)
    assert SEPARATOR.join(s.text for s in segments) == page.to_text()
    roles = [s.role for s in segments]
    assert roles[:3] == ["title", "infobox", "block"]
    assert roles[-1] == "categories"
    music = [s for s in segments if s.path[:1] == ("Music",)]
    assert [(s.role, s.path) for s in music] == [
        ("heading", ("Music",)),
        ("heading", ("Music", "Songs")),
        ("heading", ("Music", "Songs", "Overture")),
        ("block", ("Music", "Songs", "Overture")),
    ]
    numbers = [s.section for s in segments if s.role == "heading"]
    assert numbers == sorted(set(numbers))


def test_segments_without_text_are_left_out() -> None:
    page = Page(title=" ", lead=(Paragraph(text=""), Paragraph(text="  \n "), Paragraph(text="Kept.")))
    assert page.to_text() == "Kept."


def test_options_omit_infobox_and_categories() -> None:
    box = wikiparse.Infobox(title=None, fields=(wikiparse.InfoboxField(label="Fuel", value="oil"),))
    page = Page(title="T", infoboxes=(box,), lead=(Paragraph(text="Body."),), categories=("A", "B"))
    assert page.to_text() == "T\n\nFuel: oil\n\nBody.\n\nCategories: A, B"
    assert page.to_text(infobox=False, categories=False) == "T\n\nBody."


def test_blocks() -> None:
    nested = ListItem(text="outer", items=(ListItem(text="inner\nsecond line"),))
    blocks = (
        ListBlock(ordered=True, items=(nested, ListItem(text="two"))),
        ListBlock(ordered=False, items=(ListItem(text="", items=(ListItem(text="hoisted"),)),)),
        Table(caption="Cap", header=("a", "b"), rows=(("1", "x\ny"),)),
        Quote(text="Said.", cite="Someone"),
        Code(text="  indented\n    code"),
    )
    assert to_text(Page(sections=(Section(title="S", level=2, blocks=blocks),))).split("\n\n") == [
        "S",
        "1. outer\n   1. inner\n      second line\n2. two",
        "- hoisted",
        "Cap\na | b\n1 | x y",
        "Said.\n— Someone",
        "  indented\n    code",
    ]


def test_redirect_line() -> None:
    page = Page(title="Old", page_type="redirect", redirect="New")
    assert page.to_text() == "Old\n\nRedirect to: New"
    assert page.to_markdown() == "# Old\n\nRedirect to: New"
