"""The seed page end to end: the acceptance test of the text reader."""

from __future__ import annotations

import json

import pytest

import wikiparse
from wikiparse import ListBlock, Paragraph

from .conftest import SEED, need
from .pagetext import kept_text


@pytest.fixture(scope="module")
def page() -> wikiparse.Page:
    return wikiparse.parse(need(SEED))


def test_title(page: wikiparse.Page) -> None:
    assert page.title == "Red Heat"
    assert page.input_format == "text"
    assert page.site == "fandom"


def test_summary_is_the_two_lead_paragraphs(page: wikiparse.Page) -> None:
    assert len(page.lead) == 2
    assert all(isinstance(b, Paragraph) for b in page.lead)
    assert page.summary == "\n\n".join(b.text for b in page.lead if isinstance(b, Paragraph))
    assert page.summary.startswith(
        "Red Heat is a 1988 American buddy cop action film directed by Walter Hill."
    )
    assert page.summary.endswith("Schwarzenegger was paid a salary of $8 million for his role in the film.")


def test_sections_exactly(page: wikiparse.Page) -> None:
    assert [(s.title, s.level) for s in page.sections] == [("Plot", 2), ("Cast", 2), ("Production", 2)]
    plot, cast, production = page.sections
    assert [type(b) for b in plot.blocks] == [Paragraph] * 3
    assert [type(b) for b in production.blocks] == [Paragraph] * 5
    assert len(cast.blocks) == 1
    assert all(not s.sections for s in page.sections)


def test_cast_list_has_terms_and_details(page: wikiparse.Page) -> None:
    (cast,) = page.sections[1].blocks
    assert isinstance(cast, ListBlock)
    assert not cast.ordered
    assert len(cast.items) == 21
    first, last = cast.items[0], cast.items[-1]
    assert (first.text, first.term, first.detail) == (
        "Arnold Schwarzenegger as Capt. Ivan Danko",
        "Arnold Schwarzenegger",
        "Capt. Ivan Danko",
    )
    assert (last.term, last.detail) == ("Tengiz Borisoff", "Josif Baroda")
    assert all(item.term and item.detail for item in cast.items)
    nikolai = cast.items[9]
    assert nikolai.detail == "Nikolai, the Russian Danko fights in the snow"


def test_no_boilerplate_outside_removed(page: wikiparse.Page) -> None:
    text = kept_text(page)
    for bad in (
        "Edit",
        "•",
        "Ad blocker",
        "free-to-use",
        "ad blocker rule",
        "\u00a0",
        "theSoviet",
        "inChicago",
    ):
        assert bad not in text, bad


def test_glued_words_repaired(page: wikiparse.Page) -> None:
    text = kept_text(page)
    assert "Viktor flees the Soviet Union and comes to the USA" in text
    assert "When Viktor is arrested in Chicago, Danko is dispatched" in text


def test_removals_are_recorded_with_rule_names(page: wikiparse.Page) -> None:
    rules = [r.rule for r in page.removed]
    assert rules.count("edit-marker") == 3
    assert rules.count("ad-blocker-notice") == 3
    notice = " ".join(r.text for r in page.removed if r.rule == "ad-blocker-notice")
    assert "Ad blocker interference detected!" in notice
    assert "Remove the custom ad blocker rule(s)" in notice
    assert all(r.reason for r in page.removed)


def test_same_input_gives_identical_json(page: wikiparse.Page) -> None:
    again = wikiparse.parse(SEED.read_bytes())
    # the path variant records the path in source; compare the content-only parse twice
    one = json.dumps(again.to_dict(), ensure_ascii=False, sort_keys=False)
    two = json.dumps(wikiparse.parse(SEED.read_bytes()).to_dict(), ensure_ascii=False, sort_keys=False)
    assert one == two
    assert page.source is not None
    assert page.source.path == str(SEED)
    assert again.source is None
