"""The byte-level pre-check of mojibake repair never misses what the full pattern finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wikiparse.decode import _MOJIBAKE, _MOJIBAKE_HINT, repair_mojibake

# Letters that make up mojibake (leads, continuations, Windows-1252 punctuation) and ordinary ones.
ALPHABET = "ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóô©®°±·½€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\x80\x9dae 1"


@given(st.text(alphabet=ALPHABET, max_size=12))
def test_hint_is_a_necessary_condition(text: str) -> None:
    if _MOJIBAKE.search(text):
        assert _MOJIBAKE_HINT.search(text.encode("utf-8", "surrogatepass"))


def test_repair_still_repairs() -> None:
    assert repair_mojibake("cafÃ© itâ€™s") == ("café it’s", 2)
    assert repair_mojibake("café – done") == ("café – done", 0)
