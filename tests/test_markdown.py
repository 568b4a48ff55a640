"""Markdown rendering: golden documents, the seed page, and a CommonMark parser reading it back."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wikiparse
from wikiparse import InfoboxField, ListBlock, ListItem, Page, Paragraph, Section, Table
from wikiparse.markdown import escape_line, to_markdown

from .conftest import FIXTURES, SEED, need
from .mdtext import leaves, record_headings, record_strings, words
from .strategies import pages

RENDER = FIXTURES / "render"


def _record(name: str) -> Path:
    """The record a golden rendering is made from: a hand-written record or a text fixture's."""
    own = RENDER / f"{name}.json"
    return own if own.exists() else FIXTURES / "text" / f"{name}.expected.json"


def _goldens(suffix: str) -> list[Path]:
    return sorted(RENDER.glob(f"*.expected.{suffix}"))


def load(name: str) -> Page:
    return Page.from_dict(json.loads(_record(name).read_text(encoding="utf-8")))


@pytest.mark.parametrize("golden", _goldens("md"), ids=lambda p: p.name)
def test_golden_markdown(golden: Path) -> None:
    page = load(golden.name.split(".")[0])
    assert page.to_markdown() + "\n" == golden.read_text(encoding="utf-8")


def test_every_golden_has_a_record() -> None:
    """A golden rendering without its record is an orphan; records need not all have goldens."""
    names = {p.name.split(".")[0] for p in _goldens("md")} | {p.name.split(".")[0] for p in _goldens("txt")}
    assert "kitchen_sink" in names
    assert all(_record(n).exists() for n in names), names
    for name in names:
        assert (RENDER / f"{name}.expected.md").exists(), name
        assert (RENDER / f"{name}.expected.txt").exists(), name


@pytest.fixture(scope="module")
def seed() -> Page:
    return wikiparse.parse(need(SEED))


def test_seed_headings_and_cast(seed: Page) -> None:
    md = seed.to_markdown()
    lines = md.split("\n")
    assert lines[0] == "# Red Heat"
    assert [line for line in lines if line.startswith("#")] == [
        "# Red Heat",
        "## Plot",
        "## Cast",
        "## Production",
    ]
    cast = md.split("## Cast\n\n", 1)[1].split("\n\n", 1)[0].split("\n")
    assert len(cast) == 21
    assert all(line.startswith("- ") for line in cast)
    assert cast[0] == "- **Arnold Schwarzenegger** as Capt. Ivan Danko"


def test_seed_markdown_holds_the_record_text_and_nothing_else(seed: Page) -> None:
    md = seed.to_markdown()
    for bad in ("Edit", "Ad blocker", "free-to-use", "\u00a0", "•", "theSoviet"):
        assert bad not in md, bad
    # read back by a CommonMark parser: the same words in the same order, no other markup
    assert words([leaf.text for leaf in leaves(md)]) == words(record_strings(seed))
    plain = md.replace("**", "")
    for block in [*seed.lead, *(b for s in seed.sections for b in s.blocks)]:
        texts = [i.text for i in block.items] if isinstance(block, ListBlock) else [block.text]  # type: ignore[union-attr]
        for text in texts:
            assert text in plain, text


def test_headings_follow_levels_and_never_jump_above_parent() -> None:
    page = Page(
        title="T",
        sections=(
            Section(title="One", level=1, sections=(Section(title="Deep", level=5),)),
            Section(title="Two", level=2, sections=(Section(title="Sub", level=2),)),
            Section(title="Seven", level=7),
        ),
    )
    heads = [line for line in page.to_markdown().split("\n") if line.startswith("#")]
    assert heads == ["# T", "## One", "##### Deep", "## Two", "### Sub", "###### Seven"]


def test_options_omit_infobox_and_categories() -> None:
    page = load("kitchen_sink")
    assert "**Premiere**" in page.to_markdown()
    assert "Categories: Plays" in page.to_markdown()
    bare = page.to_markdown(infobox=False, categories=False)
    assert "Premiere" not in bare
    assert "Categories" not in bare
    assert bare.startswith("# The Brass Lantern\n\nThe Brass Lantern is a three-act")


def test_table_cells_keep_pipes_and_line_breaks() -> None:
    table = Table(caption=None, header=None, rows=(("a | b", "line one\nline two"), ("short",)))
    md = to_markdown(Page(lead=(table,)))
    cells = [leaf.text for leaf in leaves(md) if leaf.kind == "cell"]
    assert cells == ["", "", "a | b", "line one\nline two", "short", ""]
    assert md.split("\n")[0] == "|  |  |"


def test_consecutive_lists_stay_separate() -> None:
    one = ListBlock(ordered=False, items=(ListItem(text="a"),))
    two = ListBlock(ordered=False, items=(ListItem(text="b"),))
    three = ListBlock(ordered=True, items=(ListItem(text="c"),))
    four = ListBlock(ordered=True, items=(ListItem(text="d"),))
    md = to_markdown(Page(lead=(one, two, three, four)))
    assert md == "- a\n\n* b\n\n1. c\n\n1) d"


def test_definition_items_bold_the_term() -> None:
    items = (
        ListItem(text="Speed: 400 units", term="Speed", detail="400 units"),
        ListItem(text="glows at night", term="Lamp", detail="glows at night"),
        ListItem(text="Odd. trailing", term="Odd.", detail="trailing"),  # "**Odd.**t" would not close
    )
    md = to_markdown(Page(lead=(ListBlock(ordered=False, items=items),)))
    assert md.split("\n") == ["- **Speed**: 400 units", "- **Lamp**: glows at night", "- **Odd.** trailing"]


def test_infobox_is_a_bold_label_list_at_the_top() -> None:
    box = wikiparse.Infobox(title="Lamp", fields=(InfoboxField(label="Fuel", value="oil\nor gas"),))
    md = to_markdown(Page(title="T", infoboxes=(box,), lead=(Paragraph(text="Body."),)))
    assert md == "# T\n\n**Lamp**\n\n- **Fuel**: oil\n  or gas\n\nBody."


@pytest.mark.parametrize(
    ("line", "escaped"),
    [
        ("# hash", "\\# hash"),
        ("> quote", "\\> quote"),
        ("- dash", "\\- dash"),
        ("+ plus", "\\+ plus"),
        ("===", "\\==="),
        ("12) twelve", "12\\) twelve"),
        ("a *b* _c_ `d` [e] <f> g|h ~i~ \\", "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\] \\<f> g\\|h \\~i\\~ \\\\"),
        ("&amp; & co", "\\&amp; & co"),
        ("   padded  ", "padded"),
    ],
)
def test_escape_line(line: str, escaped: str) -> None:
    assert escape_line(line) == escaped


# Text that exercises Markdown syntax: any printable character plus the markup characters.
markup_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(list("\n\t#>*_`[]|<&;-+=~!\\.1) ")),
    max_size=40,
)


def _printable(page: Page) -> Page:
    """The page with control characters (which CommonMark replaces or treats as line ends) as "?"."""

    def clean(node: object) -> object:
        if isinstance(node, str):
            return "".join(
                c if c in "\n\t" or not unicodedata.category(c).startswith("C") else "?" for c in node
            )
        if isinstance(node, dict):
            return {k: clean(v) for k, v in node.items()}
        if isinstance(node, list):
            return [clean(v) for v in node]
        return node

    return Page.from_dict(clean(page.to_dict()))  # type: ignore[arg-type]


@given(pages.map(_printable))
@settings(max_examples=300, deadline=None)
def test_markdown_reads_back_as_the_record_text(page: Page) -> None:
    md = page.to_markdown()
    assert words([leaf.text for leaf in leaves(md)]) == words(record_strings(page))


@given(st.lists(markup_text, min_size=1, max_size=4))
@settings(max_examples=300, deadline=None)
def test_markup_characters_are_escaped(texts: list[str]) -> None:
    items = tuple(ListItem(text=t, term=t.split(" ")[0] or None) for t in texts)
    page = Page(
        title=texts[0],
        lead=tuple(Paragraph(text=t) for t in texts),
        sections=(Section(title=texts[-1], level=2, blocks=(ListBlock(ordered=True, items=items),)),),
        infoboxes=(
            wikiparse.Infobox(title=texts[0], fields=(InfoboxField(label=texts[-1], value=texts[0]),)),
        ),
    )
    md = page.to_markdown()
    got = leaves(md)
    assert words([leaf.text for leaf in got]) == words(record_strings(page))
    assert [" ".join(leaf.text.split()) for leaf in got if leaf.kind == "heading"] == record_headings(page)


@given(pages)
@settings(max_examples=50, deadline=None)
def test_rendering_is_deterministic(page: Page) -> None:
    again = Page.from_dict(json.loads(json.dumps(page.to_dict())))
    assert again.to_markdown() == page.to_markdown()
    assert again.to_text() == page.to_text()


def test_lists_stay_separate_across_blocks_without_text() -> None:
    one = ListBlock(ordered=False, items=(ListItem(text="a"),))
    empty = ListBlock(ordered=False, items=(ListItem(text=" "),))
    md = to_markdown(Page(lead=(one, Paragraph(text=" "), empty, one)))
    assert md == "- a\n\n* a"
