"""The mojibake repair tried only at lead+continuation pairs equals the whole-text substitution."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from wikiparse.decode import _MOJIBAKE, _as_utf8, repair_mojibake

# ASCII, lead characters (Â..ô), continuations (C1 controls, Latin-1 high half, Windows-1252
# punctuation), and text that is none of them.
_ALPHABET = "aZ Ã©â€™\u0080\u0093\u009dÂ ðŸ˜€ÅÃ¯¼\u2122\u201cé漢"


def _substituted(text: str) -> tuple[str, int]:
    """The repair as one substitution over the whole text."""
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        fixed = _as_utf8(match.group())
        if fixed is None:
            return match.group()
        count += 1
        return fixed

    return _MOJIBAKE.sub(fix, text), count


@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_same_as_substituting_over_the_whole_text(text: str) -> None:
    assert repair_mojibake(text) == _substituted(text)


def test_invalid_sequences_are_kept_and_skipped_whole() -> None:
    # "Ã©" is é; "à\u0080\u0080" (E0 80 80) is an overlong sequence, not UTF-8: kept as it is.
    assert repair_mojibake("Ã©t à\u0080\u0080 Ã©") == ("ét à\u0080\u0080 é", 2)
