"""Shapes of a line of text that several passes ask about: prose, a short label, a hatnote.

>>> is_prose("The kettle over the door is painted, not copper.")
True
>>> is_prose("Beverly Hills Police Department")
False
>>> is_short("Early life")
True
>>> unquote('"The Wolf and the Lion"')
'The Wolf and the Lion'
"""

from __future__ import annotations

import regex

from ..rules import vocab

# A sentence ends in . ! ? or … possibly followed by closing quotes, brackets or footnote markers.
_SENTENCE_END = regex.compile(r"[.!?…][\"'”’)\]]*(?:\[\d{1,3}\])*\s*$")
_CLAUSE_END = regex.compile(r"[.,;:!?…]$|[.!?][\"'”’)]$")
_HATNOTE = regex.compile("|".join(vocab.HATNOTE_START), regex.IGNORECASE)
_QUOTED = regex.compile(r"^\s*[\"“'‘](?P<inner>[^\"“”]{1,300}?)[\"”'’]\s*$")

# Prose: a sentence of at least this many words, or any line of at least the long count.
# Headings, labels and captions in the corpus stay under 14 words; lead sentences of the
# shortest Fandom stubs have 7 or more.
_PROSE_WORDS = 6
_LONG_WORDS = 20
_SHORT_CHARS = 120
_SHORT_WORDS = 14


def is_prose(text: str) -> bool:
    """Running text (a sentence), as opposed to a heading, label, caption or list entry."""
    words = len(text.split())
    return words >= _LONG_WORDS or (words >= _PROSE_WORDS and bool(_SENTENCE_END.search(text)))


def is_short(text: str) -> bool:
    """Short enough for a heading or a label, and not ending like a clause."""
    text = text.strip()
    return (
        0 < len(text) <= _SHORT_CHARS and len(text.split()) <= _SHORT_WORDS and not _CLAUSE_END.search(text)
    )


def is_hatnote(text: str) -> bool:
    """A navigation note ("This article is about…", "Main article: …")."""
    return bool(_HATNOTE.match(text.strip()))


def unquote(text: str) -> str:
    """The text without one pair of enclosing quotation marks."""
    match = _QUOTED.match(text)
    return match["inner"].strip() if match else text.strip()
