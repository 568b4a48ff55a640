"""Unit tests of the text reader's decisions that the fixture pages do not isolate."""

from __future__ import annotations

from collections import Counter

import pytest
import regex

import wikiparse
from wikiparse import ListBlock, Paragraph
from wikiparse.text.blob_infobox import split_infobox
from wikiparse.text.profile import detect

from .conftest import FIXTURES
from .pagetext import kept_text

TEXT_FIXTURES = FIXTURES / "text"
_ALNUM = regex.compile(r"[A-Za-z0-9]")
_LIST_NUMBER = regex.compile(r"^\s*\d{1,3}[.)]\s", regex.MULTILINE)  # list order is structure, not text

LEAD = "Lantern Bay is a fishing village on a cold northern coast, known for its lamps."


def test_title_evidence_order() -> None:
    lead = "The Skerry light is a lighthouse on the point, lit every night."
    assert wikiparse.parse(f"# Skerry Light\n\n{lead}\n").title == "Skerry Light"
    named = f"Skerry light\n\n{lead}\n"
    assert wikiparse.parse(named, url="https://x.fandom.com/wiki/Other").title == "Skerry light"
    subject = f"{lead}\n\nHistory Edit\nIt was built in 1870.\n"
    assert wikiparse.parse(subject).title == "The Skerry light"
    assert wikiparse.parse(subject, url="https://x.fandom.com/wiki/Skerry_Light").title == "Skerry Light"


def test_prose_that_mentions_a_toc_or_report_is_not_a_flattened_page() -> None:
    text = (
        "The contents 1 by 1 of the old chest were listed by the clerk, who wrote each down in the "
        "ledger in his careful hand, and the NewPP limit report is a debugging aid that nobody in "
        "the village had heard of during the long winter evenings when the harbour was frozen and "
        "the boats lay pulled up on the shingle."
    )
    page = wikiparse.parse(text, format="text")
    assert page.summary == text
    assert not page.removed


@pytest.mark.parametrize(
    ("head", "value", "lead_start"),
    [
        (
            "Agnes Tull Status Alive Portrayed By Helen Strand Captain Agnes Tull is",
            "Helen Strand",
            "Captain",
        ),
        ("Bram Status Alive Portrayed By Oskar Lind Bram is", "Oskar Lind", "Bram is"),
        ("Bram Status Alive Voiced By Oskar Lind Old Bram is", "Oskar Lind", "Old Bram is"),
        ('Bram Status Alive Portrayed By Oskar Lind " Nets first. " ―Bram. He is', "Oskar Lind", '" Nets'),
    ],
)
def test_last_infobox_value_is_cut_from_the_lead_on_evidence(head: str, value: str, lead_start: str) -> None:
    lines, lead = split_infobox(head + " a fisherman.")
    assert lines[-1] == value
    assert lead.startswith(lead_start)


def test_last_infobox_value_without_evidence_stays_in_the_lead() -> None:
    lines, lead = split_infobox(
        "Bram Status Alive Occupation Fisher Mender Of Nets Bram Lind is a fisherman."
    )
    assert lines == ["Bram", "Status", "Alive"]
    assert lead.startswith("Occupation Fisher Mender Of Nets")


def test_profiles() -> None:
    lost = ["Cast Edit", " Helen Strand as Agnes", " Colm Reidy as Finlay", " Dora Pike as Agnes"]
    assert detect(lost).lost_bullets
    assert not detect([*lost, "• a real bullet"]).lost_bullets
    one_per_line = [f"Sentence number {k} of a page that keeps one paragraph per line." for k in range(12)]
    assert detect(one_per_line).wrap is None


def test_wrapped_paragraph_ends_where_the_next_word_would_have_fitted() -> None:
    text = "\n".join(
        [
            "****** Gulls ******",
            "***** Habits[edit] *****",
            "Gulls follow the boats home in the evening and wait on the harbour wall until",
            "the catch is landed.",
            "Children feed them bread on Sundays.",
            "Some gulls nest on the lighthouse roof every spring, and the keeper counts the",
            "chicks each year in a small notebook kept by the door of the lamp room, where",
            "the lamp oil and the spare wicks are stored in tins against the damp sea air",
            "that comes in under the door all winter.",
            "***** Counts[edit] *****",
            "The largest count was forty pairs, in a year when the herring came early and",
            "stayed late into the autumn, and the smallest was four pairs, in a year when a",
            "storm took the roof off the lamp room in the middle of the nesting season.",
        ]
    )
    habits, counts = wikiparse.parse(text).sections
    assert [b.text for b in habits.blocks if isinstance(b, Paragraph)] == [
        "Gulls follow the boats home in the evening and wait on the harbour wall until the catch is landed.",
        "Children feed them bread on Sundays.",
        "Some gulls nest on the lighthouse roof every spring, and the keeper counts the chicks each year"
        " in a small notebook kept by the door of the lamp room, where the lamp oil and the spare wicks"
        " are stored in tins against the damp sea air that comes in under the door all winter.",
    ]
    assert len(counts.blocks) == 1


def test_lost_bullets_and_labels_between_lists() -> None:
    text = "\n".join(
        [
            LEAD,
            "Cast Edit",
            "Starring",
            " Helen Strand as Agnes Tull",
            " Colm Reidy as Finlay",
            "Guest starring",
            " Dora Pike as Young Agnes",
        ]
    )
    (cast,) = wikiparse.parse(text).sections
    kinds = [type(b).__name__ for b in cast.blocks]
    assert kinds == ["Paragraph", "ListBlock", "Paragraph", "ListBlock"]
    lists = [b for b in cast.blocks if isinstance(b, ListBlock)]
    assert [i.term for i in lists[0].items] == ["Helen Strand", "Colm Reidy"]


def test_markdown_table_keeps_escaped_pipes_and_links_become_words() -> None:
    text = (
        "# Tides\n\n| Tide | Mark |\n| --- | --- |\n| [Low](https://x.fandom.com/wiki/Low) | VI \\| VII |\n"
    )
    page = wikiparse.parse(text)
    (table,) = page.lead
    assert getattr(table, "rows", None) == (("Low", "VI | VII"),)
    assert [(link.text, link.target) for link in page.links] == [("Low", "Low")]


def test_common_section_titles_are_headings_without_a_toc() -> None:
    text = "\n".join(
        [
            LEAD,
            "",
            "Trivia",
            "The lamps were once lit with whale oil, before paraffin reached the coast.",
            "",
            "Appearances",
            "3 episodes",
        ]
    )
    page = wikiparse.parse(text, format="text")
    assert [s.title for s in page.sections] == ["Trivia"]
    assert "Appearances" in page.sections[0].blocks[1].text  # type: ignore[union-attr]


def test_unmarked_markdown_headings_above_marked_sections_are_not_sections() -> None:
    edit = "\\[ [Sign in to edit](https://auth.fandom.com/signin?x=1)\\]"
    text = "\n\n".join(
        [
            "# Bram",
            "## Bram",
            "### Health",
            "400",
            f"## Lore{edit}",
            "Bram mends nets on the quay of Skerry Point every morning before the boats go out.",
            f"## Trivia{edit}",
            "Bram has never been to the mainland, and says he never will go there.",
        ]
    )
    page = wikiparse.parse(text)
    assert page.title == "Bram"
    assert [s.title for s in page.sections] == ["Lore", "Trivia"]
    assert [getattr(b, "text", None) for b in page.lead] == ["Bram", "Health", "400"]


@pytest.mark.parametrize("name", sorted(p.name for p in TEXT_FIXTURES.glob("*.txt")))
def test_conservation_of_letters_and_digits(name: str) -> None:
    """Every letter and digit of a plain-text page is kept in the record or logged in ``removed``.

    Removal texts are capped, so the count may fall short by what the caps cut off, no more.
    Numbers of ordered list items are structure (the list keeps their order). Markdown pages
    are left out: their link targets are not text a reader saw.
    """
    source = (TEXT_FIXTURES / name).read_text(encoding="utf-8")
    page = wikiparse.parse(source, format="text")
    accounted = Counter(_ALNUM.findall(kept_text(page) + "\n" + "\n".join(r.text for r in page.removed)))
    missing = Counter(_ALNUM.findall(_LIST_NUMBER.sub("", source))) - accounted
    assert sum(missing.values()) <= sum(r.chars - len(r.text) for r in page.removed), missing


def test_box_title_is_above_the_caption() -> None:
    text = "\n".join(
        [
            "Bram",
            "Sign in to edit",
            "Bram",
            "Bram on the quay",
            "Real Name",
            "Bram Lind",
            "Powers",
            "Knots any net in a minute",
            "Bram is a fisherman of Skerry Point who mends every net in the harbour.",
        ]
    )
    page = wikiparse.parse(text, format="text")
    (box,) = page.infoboxes
    assert box.title == "Bram"
    assert [(f.label, f.value) for f in box.fields] == [
        ("Real Name", "Bram Lind"),
        ("Powers", "Knots any net in a minute"),
    ]
    assert getattr(page.lead[0], "text", None) == "Bram on the quay"
