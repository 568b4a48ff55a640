"""Inline markup → plain words: HTML tags, bold/italic quotes, entities, leftovers.

:func:`format_text` runs over a whole page after templates and links (tags may span lines);
:func:`finish` runs over each finished piece of text (a paragraph, a cell, a value) and is
the last guard: literal text is put back, entities decoded, unbalanced wiki markup cut and
logged (rule ``wiki-syntax``), and parentheses emptied by dropped templates removed.

>>> strip_quotes("''Titanic'''s maiden voyage was '''famous'''")
"Titanic's maiden voyage was famous"
"""

from __future__ import annotations

import html

import regex

from ..records import Quote
from .collect import ANY_MARKER, BLOCK, Collector
from .preprocess import at_line
from .vocab import HTML_TAGS

_BLOCKQUOTE = regex.compile(
    r"<blockquote\b[^<>]*>(.*?)(?:</blockquote\s*>|\Z)", regex.IGNORECASE | regex.DOTALL
)
_BR = regex.compile(r"<br\s*/?\s*>|</br\s*>", regex.IGNORECASE)
_HR = regex.compile(r"<hr\s*/?\s*>", regex.IGNORECASE)
_TAG = regex.compile(rf"</?(?:{HTML_TAGS})\b[^<>]*+>", regex.IGNORECASE)
QUOTE_RUN = regex.compile(r"'{2,}")
"""A run of two or more apostrophes: wikitext emphasis."""
_STRAY = regex.compile(r"\[\[|\]\]|\{\{|\}\}|\{\||\|\}|'''")
_EMPTY_PARENS = regex.compile(r"\(\s*(?:[,;:.–—-]\s*)*\)|\[\s*(?:[,;:]\s*)*\]")
_PAREN_LEAD = regex.compile(r"\(\s*[,;:]\s*")
_PAREN_TAIL = regex.compile(r"\s*[,;:]\s*\)")
_PAREN_HINT = regex.compile(r"[(\[]\s*[,;:.–—\-)\]]|[,;:]\s*\)")


def strip_quotes(line: str) -> str:
    """Drop ``''``/``'''`` emphasis the way MediaWiki pairs it, keeping real apostrophes."""
    if "''" not in line:
        return line
    parts = QUOTE_RUN.split(line)
    runs = [len(r) for r in QUOTE_RUN.findall(line)]
    literal = ["" for _ in runs]
    for i, n in enumerate(runs):
        if n == 4:
            literal[i], runs[i] = "'", 3
        elif n > 5:
            literal[i], runs[i] = "'" * (n - 5), 5
    italics = sum(1 for n in runs if n in (2, 5))
    bolds = sum(1 for n in runs if n in (3, 5))
    if italics % 2 and bolds % 2:
        _split_one_bold(parts, runs, literal)
    out = [parts[0]]
    for i, _ in enumerate(runs):
        out.append(literal[i])
        out.append(parts[i + 1])
    return "".join(out)


def _split_one_bold(parts: list[str], runs: list[int], literal: list[str]) -> None:
    """MediaWiki's rule: an odd ``'''`` after a one-letter word (or else a word) is ``'`` + italics."""
    first_word = first_space = None
    for i, n in enumerate(runs):
        if n != 3:
            continue
        before = parts[i]
        x1 = before[-1:] or " "
        x2 = before[-2:-1] or " "
        if x1 == " ":
            first_space = i if first_space is None else first_space
        elif x2 == " ":
            literal[i] += "'"
            runs[i] = 2
            return
        elif first_word is None:
            first_word = i
    pick = first_word if first_word is not None else first_space
    if pick is not None:
        literal[pick] += "'"
        runs[pick] = 2


def line_breaks(text: str) -> str:
    """``<br>`` as a newline (for pieces read line by line, such as infobox values)."""
    return _BR.sub("\n", text)


def strip_tags(text: str) -> str:
    """HTML tags out, their content kept.

    >>> strip_tags("CO<sub>2</sub> and <span style='x'>ice</span>")
    'CO2 and ice'
    """
    return _TAG.sub("", _BR.sub(" ", text))


def format_text(text: str, col: Collector) -> str:
    """Whole-page pass: block quotes, line breaks, HTML tags, emphasis."""
    if "<" in text:
        if "<blockquote" in text or "<BLOCKQUOTE" in text:
            text = _BLOCKQUOTE.sub(lambda m: _blockquote(m, col), text)
        text = _BR.sub(" ", text)
        text = _HR.sub("\n\n", text)
        text = _TAG.sub("", text)
    if "''" in text:
        text = "\n".join(strip_quotes(line) for line in text.split("\n"))
    return text


def _blockquote(match: regex.Match[str], col: Collector) -> str:
    body = match.group(1)
    if at_line(match.string, match.start(), match.end()):
        return col.block(Quote(text=body.strip()))
    return body


def finish(text: str, col: Collector) -> str:
    """The last pass over one piece of text; see the module docstring.

    Literal text (``<nowiki>``) is put back after the markup checks: it shows as typed.
    """
    marked = col.marked and ANY_MARKER.search(text) is not None
    if marked:
        text = BLOCK.sub("", col.restore_words(text))
    if "&" in text:
        text = html.unescape(text)
    if col.stray_possible and _STRAY.search(text):
        col.stray.extend(_STRAY.findall(text))
        text = _STRAY.sub(" ", text)
    if ("(" in text or "[" in text) and _PAREN_HINT.search(text):
        text = _EMPTY_PARENS.sub("", text)
        text = _PAREN_TAIL.sub(")", _PAREN_LEAD.sub("(", text))
    if marked:
        text = ANY_MARKER.sub("", col.restore_literals(text))
    return text


def may_hold_stray_markup(text: str) -> bool:
    """Whether ``text`` holds any markup :func:`finish` would cut (a whole-page pre-check)."""
    return _STRAY.search(text) is not None
