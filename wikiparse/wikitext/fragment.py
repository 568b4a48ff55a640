"""One piece of wikitext (an infobox value, a quotation, a caption) → finished plain words.

The page stages run over a whole page; a piece taken out of the page early (a template's
argument) goes through the same stages here, in the same order.
"""

from __future__ import annotations

import regex

from .collect import Collector
from .inline import finish, format_text, line_breaks
from .links import read_links

_LIST_PREFIX = regex.compile(r"^[*#:;]+\s*", regex.MULTILINE)
_LINES = regex.compile(r"\s*\n\s*")


def render_fragment(text: str, col: Collector, *, lines: str = " ") -> str:
    """Plain words of ``text``; list bullets at line starts go and lines are joined by ``lines``."""
    text = read_links(col.restore_words(text), col)
    if lines != " " and "<" in text:
        text = line_breaks(text)  # "A<br>B" in an infobox value is two entries
    text = format_text(text, col)
    if "\n" in text:
        text = _LIST_PREFIX.sub("", text.strip())
        text = _LINES.sub(lines, text)
    return finish(text, col).strip()
