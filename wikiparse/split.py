"""Where to cut a span of page text that is longer than a chunk may be.

Cuts prefer, in order: a block boundary (a blank line), a line break (between list items or
table rows), the end of a sentence, a space between words; only a run of text longer than a
chunk with no space in it (a URL, unspaced CJK text) is cut between two characters.  Every
character of the span lands in some piece: a long block is split, never dropped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

# Whitespace as str.isspace() sees it (\s and the ASCII separators \x1c-\x1f), so that the
# pieces are trimmed exactly as str.strip() would trim them.
_S = r"[\s\x1c-\x1f]"
_NS = r"[^\s\x1c-\x1f]"
# Each level: a pattern and whether the cut goes at the match's start (before the whitespace)
# or at its end (after a sentence's closing punctuation).
_BLOCK = regex.compile(r"\n[^\S\n]*\n")
_LINE = regex.compile(r"\n")
# A sentence ends at . ! ? … (plus closing quotes/brackets) before whitespace, unless the word
# before the point is an initial or a common abbreviation ("J. W. Smith", "Capt. Ivan");
# CJK full stops end one without a following space.
_SENTENCE = regex.compile(
    r"(?<!(?:^|[\s(])(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Lt|Sgt|Det|Capt|Cmdr|Col|Gen|Gov|Prof|Rev|vs|etc|"
    rf"No|Vol|pp|ca|e\.g|i\.e))[.!?…][\"'’”)\]]{{0,3}}(?={_S})|[。！？]"
)
_WORD = regex.compile(rf"{_S}+")
_LEVELS: tuple[tuple[regex.Pattern[str], bool], ...] = (
    (_BLOCK, False),
    (_LINE, False),
    (_SENTENCE, True),
    (_WORD, False),
)
_WORD_START = regex.compile(rf"(?<!{_NS}){_NS}")
_NON_SPACE = regex.compile(_NS)


def split_span(text: str, start: int, end: int, max_chars: int, overlap: int) -> Iterator[tuple[int, int]]:
    """Pieces ``(start, end)`` of ``text[start:end]``, each at most ``max_chars`` long.

    Pieces never start or end with whitespace.  Each piece after the first starts at most
    ``overlap`` characters before the previous one ended (at a word start when there is one),
    and not before the previous one's new text began, so no character is in three pieces and
    the loop makes progress on every turn.
    """
    first = skip_space(text, start, end)
    begin, fresh = first, first
    while fresh < end:
        if end - begin <= max_chars:
            yield begin, trim_end(text, begin, end)
            return
        cut = _best_cut(text, begin, fresh, begin + max_chars)
        yield begin, trim_end(text, begin, cut)
        previous, fresh = fresh, skip_space(text, cut, end)
        if fresh < end:
            # reach back at most `overlap`, and never into the piece before this one
            begin = _overlap_start(text, begin, fresh, max(previous, fresh - overlap)) if overlap else fresh


def skip_space(text: str, pos: int, end: int) -> int:
    """The first non-space position in ``[pos, end)``, else ``end``."""
    match = _NON_SPACE.search(text, pos, end)
    return match.start() if match else end


def trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing whitespace (not past ``start``)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _best_cut(text: str, begin: int, fresh: int, limit: int) -> int:
    """The latest boundary of the best level, preferring cuts that fill at least half a piece."""
    for low in (max(fresh + 1, begin + (limit - begin) // 2), fresh + 1):
        for pattern, at_end in _LEVELS:
            cut = _last_cut(pattern, at_end, text, begin, low, limit)
            if cut is not None:
                return cut
    return _hard_cut(text, fresh, limit)


def _last_cut(
    pattern: regex.Pattern[str], at_end: bool, text: str, begin: int, low: int, limit: int
) -> int | None:
    best = None
    # endpos one past the limit lets the sentence pattern's look-ahead see the following space
    for match in pattern.finditer(text, begin, min(limit + 1, len(text))):
        cut = match.end() if at_end else match.start()
        if low <= cut <= limit:
            best = cut
    return best


def _hard_cut(text: str, fresh: int, limit: int) -> int:
    """Cut between characters, but not before a combining mark (it belongs to the letter before)."""
    cut = limit
    while cut > fresh + 1 and unicodedata.category(text[cut])[0] == "M":
        cut -= 1
    return cut


def _overlap_start(text: str, begin: int, fresh: int, low: int) -> int:
    """Where the next piece starts: the first word start at or after ``low``, before ``fresh``.

    Without a word start there (unspaced text), it starts at ``low`` itself; never at or
    before ``begin``, where the previous piece started.
    """
    match = _WORD_START.search(text, low, fresh)
    if match is not None:
        start = match.start()
    elif not any(ch.isspace() for ch in text[low:fresh]):
        start = low
    else:
        start = fresh
    return start if begin < start <= fresh else fresh
