"""``wikiparse show``'s summary: golden output, colour only on request, every part present."""

from __future__ import annotations

import json

import wikiparse
from wikiparse import Page, Paragraph, Section
from wikiparse.show import show

from .conftest import FIXTURES, SEED, need

RENDER = FIXTURES / "render"


def _sink() -> Page:
    return Page.from_dict(json.loads((RENDER / "kitchen_sink.json").read_text(encoding="utf-8")))


def test_golden_summary() -> None:
    assert show(_sink()) + "\n" == (RENDER / "kitchen_sink.expected.show").read_text(encoding="utf-8")


def test_plain_unless_colour_is_asked_for() -> None:
    plain, coloured = show(_sink()), show(_sink(), color=True)
    assert "\x1b[" not in plain
    assert coloured.startswith("\x1b[1mThe Brass Lantern\x1b[0m")
    assert coloured.replace("\x1b[1m", "").replace("\x1b[2m", "").replace("\x1b[0m", "") == plain


def test_seed_summary_counts_removals_per_rule() -> None:
    out = show(wikiparse.parse(need(SEED)))
    lines = out.split("\n")
    assert lines[0] == "Red Heat"
    assert "site: fandom" in lines[1]
    assert "input: text" in lines[1]
    assert "Removed  6 items, 301 chars" in out
    edit = next(line for line in lines if line.strip().startswith("edit-marker"))
    assert edit.split()[:3] == ["edit-marker", "3", "×"]
    ads = next(line for line in lines if line.strip().startswith("ad-blocker-notice"))
    assert "'Ad blocker interference detected!'" in ads
    outline = out.split("Outline", 1)[1].split("\n\n", 1)[0].split("\n")[1:]
    assert [row.split()[0] for row in outline] == ["(lead)", "Plot", "Cast", "Production"]
    assert outline[2].split()[1:] == ["1", "774"]
    assert "blocks: 11 (10 paragraphs, 1 list)" in out


def test_empty_page() -> None:
    out = show(Page())
    assert out.split("\n")[0] == "(no title)"
    assert "Outline\n  (no content)" in out
    assert "Removed  0 items, 0 chars" in out
    assert "blocks: 0\n" in out


def test_long_values_are_cut_to_the_terminal() -> None:
    long = "word " * 100
    page = Page(title=long, sections=(Section(title=long, level=2, blocks=(Paragraph(text="x"),)),))
    assert all(len(line) <= 120 for line in show(page).split("\n"))
