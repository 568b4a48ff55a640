"""The outside-content count folded from pieces equals the count of the whole text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wikiparse.html import outside
from wikiparse.html.outside import Collapsed, collapsed_length

# Words, ASCII and Unicode whitespace (NBSP, ideographic space, line separators).
_PIECES = st.lists(st.text(alphabet="ab \t\n\u00a0\u3000\u2028x", max_size=12), max_size=12)


@given(_PIECES)
def test_fold_of_pieces_is_the_length_of_the_joined_text(pieces: list[str]) -> None:
    fold = Collapsed()
    for piece in pieces:
        fold.add(piece)
    assert fold.length == len(" ".join("".join(pieces).split()))


@given(_PIECES)
def test_known_sizes_give_the_same_fold(pieces: list[str]) -> None:
    plain, sized = Collapsed(), Collapsed()
    for piece in pieces:
        plain.add(piece)
        sized.add(piece, collapsed_length(piece))
    assert sized == plain


def test_long_texts_are_read_a_slice_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outside, "_SLICE", 5)
    text = " alpha  beta\n\ngamma delta-epsilon   zeta "
    assert collapsed_length(text) == len(" ".join(text.split()))
