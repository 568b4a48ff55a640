"""site_from_text's keyword pre-check never changes the answer of its case-insensitive patterns."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wikiparse import detect
from wikiparse.detect import site_from_text

_WORDS = st.sampled_from(
    [
        "Wikia.com", "FANDOM.com", "Fandom Homepage", "community content is available under",
        "From Wikipedia, the free encyclopedia", "en.WIKIPEDIA.org", "[Edit]", "Retrieved from",
        "NewPP limit report", "wiki", "fan", "dom", "edit", " ", "\n", "<p>", "\u212aelvin",
        "wi\u212aia.com", "\u017fite", "Wİkipedia.org", "wıkia.com",
    ]
)  # fmt: skip


def _plain(text: str) -> tuple[str, str]:
    """The answer without the pre-check: every pattern searched."""
    sample = text[:20000] + "\n" + text[-20000:]
    for site, pattern in (("fandom", detect._FANDOM_WORDS), ("wikipedia", detect._WIKIPEDIA_WORDS)):
        match = pattern.search(sample)
        if match:
            return site, f"text mentions {match.group()!r}"
    match = detect._MEDIAWIKI_WORDS.search(sample)
    if match:
        return "mediawiki", f"text has MediaWiki's {match.group()!r}"
    return "unknown", "no family-specific words"


@given(st.lists(_WORDS, max_size=8).map(" ".join))
def test_same_answer_as_the_patterns_alone(text: str) -> None:
    assert site_from_text(text) == _plain(text)


def test_odd_case_letters_get_the_patterns_answer() -> None:
    for text in ("see wi\u212aia.com", "\u017fee Wİkipedia.org", "plain Wikipedia.org text"):
        assert site_from_text(text) == _plain(text)
