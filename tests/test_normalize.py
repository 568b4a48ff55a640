"""Inline normalisation: idempotence, glue repair that leaves real words alone, ref markers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wikiparse.normalize import clean_text, repair_glue, split_term, strip_ref_markers


@given(st.text())
def test_clean_text_is_idempotent(s: str) -> None:
    once = clean_text(s)
    assert clean_text(once) == once


@given(st.text())
def test_repair_glue_is_idempotent(s: str) -> None:
    once = repair_glue(clean_text(s))
    assert repair_glue(once) == once


@given(st.text())
def test_strip_ref_markers_is_idempotent(s: str) -> None:
    once, _ = strip_ref_markers(s)
    assert strip_ref_markers(once)[0] == once


@pytest.mark.parametrize(
    ("glued", "fixed"),
    [
        ("flees theSoviet Union", "flees the Soviet Union"),
        ("arrested inChicago", "arrested in Chicago"),
        ("a native ofGeorgia", "a native of Georgia"),
        ("Danko andRidzik", "Danko and Ridzik"),
    ],
)
def test_glue_repaired(glued: str, fixed: str) -> None:
    assert repair_glue(glued) == fixed


@pytest.mark.parametrize(
    "word",
    ["McDonald", "iPhone", "JavaScript", "eBay", "deGrasse", "YouTube", "PlayStation", "MacArthur", "aDNA"],
)
def test_real_words_untouched(word: str) -> None:
    assert repair_glue(f"the {word} case") == f"the {word} case"


def test_space_before_comma_and_nbsp() -> None:
    assert clean_text("Beverly Hills , California\u00a0 ok .") == "Beverly Hills, California ok."
    assert clean_text("version 2 .44 Magnum") == "version 2 .44 Magnum"


@pytest.mark.parametrize(
    ("text", "term", "detail"),
    [
        ("Arnold Schwarzenegger as Capt. Ivan Danko", "Arnold Schwarzenegger", "Capt. Ivan Danko"),
        ("J.W. Smith as Salim", "J.W. Smith", "Salim"),
        ("Health: 400", "Health", "400"),
        ("Lumos – a wand-lighting charm", "Lumos", "a wand-lighting charm"),
        ("He was used as a decoy", None, None),
        ("Plain item", None, None),
        ("A very long label that has far too many words in it to be a term: value", None, None),
    ],
)
def test_split_term(text: str, term: str | None, detail: str | None) -> None:
    assert split_term(text) == (term, detail)
