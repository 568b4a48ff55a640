"""Plain-text scrape → classified lines (the tokenizer of the text reader).

Each input line becomes one :class:`Line` with a kind: ``blank``, ``heading`` (its marker
already cut and recorded), ``bullet`` (ordered or not, with its indentation) or ``text``.
Multi-line structures (tables of contents, debug reports, tables) are recognised later by
:mod:`wikiparse.text.to_doc`, which sees the whole sequence.
"""

from __future__ import annotations

from typing import Literal

import attrs
import regex

from ..rules import vocab

LineKind = Literal["blank", "heading", "bullet", "text", "table-row", "separator", "quote", "cite"]


@attrs.frozen(kw_only=True)
class Line:
    kind: LineKind
    text: str
    """The line's content, without bullet, heading decoration or edit marker."""
    raw: str
    """The line as scraped (trailing newline removed)."""
    number: int
    """1-based line number in the input."""
    indent: int = 0
    """Leading blanks of a text line; for a bullet, the column where its text starts (so that
    right-aligned numbers "9." and "10." are one level)."""
    level: int = 0
    """Heading level (1 for a page title, 2 for a top section…)."""
    ordered: bool = False
    marker: str | None = None
    """The edit marker (or heading decoration) cut from a heading, for the removal record."""


_EDIT = "|".join(vocab.EDIT_WORDS)
# "Plot Edit", "Plot [edit]", "Plot[edit]", "Biography [ ]", "Plot edit source", "Plot | edit".
_SPACED_MARKER = regex.compile(
    rf"^(?P<head>\S.{{0,120}}?)\s*(?P<marker>\[\s*(?:{_EDIT})?(?:\s*\|\s*(?:{_EDIT}))?\s*\]|\s(?:{_EDIT}))\s*$",
    regex.IGNORECASE | regex.V1,
)
# "PlotEdit", "At the WallEdit": MediaWiki's "Edit" link glued to the heading by a copy.
_GLUED_MARKER = regex.compile(r"^(?P<head>\S.{0,120}?[\p{Ll}\p{N})\]'\"!?])(?P<marker>Edit)\s*$", regex.V1)
_MARKDOWN_HEADING = regex.compile(r"^(?P<hashes>#{1,6})\s+(?P<head>.+?)\s*#*\s*$")
# html2text's heading style: "****** Title ******" (h1) … "** h5 **".
_STAR_HEADING = regex.compile(r"^(?P<stars>\*{2,6}) (?P<head>\S.*?) (?P=stars)$")
_SETEXT = regex.compile(r"^(?:=+|-+)\s*$")
_BULLET = regex.compile(
    r"^(?P<indent>\s*)(?P<bullet>[•*·‣◦▪●○■□➢►+o↑-]|\d{1,3}[.)]|[a-z][.)])(?P<gap>\s+)(?P<body>\S.*)$"
)
# html2text's third list level uses "#" (after "*" and "o"); indented four or more, it cannot be
# a Markdown heading.
_DEEP_BULLET = regex.compile(r"^(?P<indent> {4,})# (?P<body>\S.*)$")
_QUOTE = regex.compile(r"^\s{0,3}>\s?(?P<body>.*)$")
# Fandom's quote template prints the speaker on a line of its own after a horizontal bar.
_CITE = regex.compile(r"^\s*[―—]\s*(?P<body>\S.*)$")
_QUOTE_KINDS: tuple[tuple[LineKind, regex.Pattern[str]], ...] = (("quote", _QUOTE), ("cite", _CITE))
_TABLE_ROW = regex.compile(r"^\s*\|.*\|\s*$")
_SEPARATOR = regex.compile(r"^\s*(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|={3,}|⁰)\s*$")
_SENTENCE_END = regex.compile(r"[.,;:!?…]$|[.!?][\"'”’)]$")


def _heading_candidate(head: str) -> bool:
    """A heading is short and does not read like the end of a sentence."""
    head = head.strip()
    return 0 < len(head) <= 120 and not _SENTENCE_END.search(head) and len(head.split()) <= 14


def classify(raw: str, number: int) -> Line:
    """Classify one line of a plain-text scrape."""
    stripped = raw.strip()
    indent = len(raw) - len(raw.lstrip())
    if not stripped:
        return Line(kind="blank", text="", raw=raw, number=number)
    if _SEPARATOR.match(stripped):
        return Line(kind="separator", text=stripped, raw=raw, number=number)
    if _TABLE_ROW.match(raw):
        return Line(kind="table-row", text=stripped, raw=raw, number=number)
    match = _DEEP_BULLET.match(raw)
    if match:
        return Line(
            kind="bullet", text=match["body"].strip(), raw=raw, number=number, indent=len(match["indent"]) + 2
        )
    for kind, pattern in _QUOTE_KINDS:
        match = pattern.match(raw)
        if match:
            return Line(kind=kind, text=match["body"].strip(), raw=raw, number=number)
    match = _MARKDOWN_HEADING.match(stripped)
    if match:
        return _heading(match["head"], len(match["hashes"]), raw, number, decoration=match["hashes"])
    match = _STAR_HEADING.match(stripped)
    if match:
        return _heading(match["head"], 7 - len(match["stars"]), raw, number, decoration=match["stars"])
    match = _BULLET.match(raw)
    if match and not (match["bullet"] == "o" and indent == 0):
        bullet = match["bullet"]
        # "↑" is the back-link of a reference in a copied (numbered) reference list.
        ordered = bullet[0].isdigit() or (len(bullet) == 2 and bullet[0].isalpha()) or bullet == "↑"
        return Line(
            kind="bullet",
            text=match["body"].strip(),
            raw=raw,
            number=number,
            indent=len((match["indent"] + bullet + match["gap"]).expandtabs(4)),
            ordered=ordered,
        )
    for pattern in (_GLUED_MARKER, _SPACED_MARKER):
        match = pattern.match(stripped)
        if match and _heading_candidate(match["head"]):
            return Line(
                kind="heading",
                text=match["head"].strip(),
                raw=raw,
                number=number,
                level=2,
                marker=match["marker"].strip(),
            )
    return Line(kind="text", text=stripped, raw=raw, number=number, indent=indent)


def _heading(head: str, level: int, raw: str, number: int, *, decoration: str) -> Line:
    """A heading written with decoration (#, stars) that may also carry an edit marker."""
    match = _SPACED_MARKER.match(head) or _GLUED_MARKER.match(head)
    marker = None
    if match and match["head"].strip():
        head, marker = match["head"], match["marker"].strip()
    return Line(kind="heading", text=head.strip(), raw=raw, number=number, level=level, marker=marker)


def is_setext_underline(raw: str) -> bool:
    """``====`` or ``----`` under a line makes it a heading (Markdown setext style)."""
    return bool(_SETEXT.match(raw.strip())) and len(raw.strip()) >= 3


# Every character str.splitlines() breaks at; "\r\n" is one break.
_BREAKS = ("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def count_lines(text: str) -> int:
    """How many lines :func:`split_lines` would return, counted without building them.

    >>> count_lines("a\\r\\nb\\rc\\u2028d\\n") == len(split_lines("a\\r\\nb\\rc\\u2028d\\n")) == 4
    True
    """
    breaks = sum(text.count(c) for c in _BREAKS) - text.count("\r\n")
    return breaks + (1 if text and not text.endswith(_BREAKS) else 0)


def split_lines(text: str) -> list[str]:
    """Split on any line break, keeping content exact (no trailing newline characters)."""
    return text.splitlines()
