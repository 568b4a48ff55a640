"""Structure a line cannot show alone: headings from their context, list items without bullets.

Headings: a text line followed by an edit-marker line, a setext underline, or named by an
entry of the scraped table of contents (which also gives its level).

Lists: browser copies of Fandom's Oasis skin lose the "•" glyph but keep the space after it
(see :mod:`.profile`), and print short entries (names, places) one per line with no bullet at
all; both become list items.
"""

from __future__ import annotations

import attrs
import regex

from ..rules import vocab
from .lines import Line, is_setext_underline
from .profile import Profile
from .shapes import is_prose, is_short
from .state import ReadState, key

# A run of at least this many consecutive lines that are not prose is a list (gameofthrones.wikia
# 2016: "First appearances" one name per line, "Deaths" and cast lines "X as Y"); entries of at
# most this many words (the longest such entry in the corpus has 13).
_RUN_MIN = 3
_RUN_WORDS = 14
# A line ending in ":" introduces a list when at least this many lines follow it directly.
_INTRO_MIN = 2
# Headings with edit links needed before unmarked ones above them are judged not to be sections.
_MARKED_MIN = 2
_SETEXT_SLACK = 3
_ENTRY_END = regex.compile(r"[.,;:!?…]$")


def promote_headings(lines: list[Line], state: ReadState) -> list[Line]:
    """Turn text lines into headings where the context says so; drop the marker lines."""
    out: list[Line] = []
    edit = state.rules.rule("edit-marker")
    use_markers = state.active("edit-marker")
    for line in lines:
        prev = _last_content(out)
        if use_markers and line.kind == "text" and edit.matches(line.text) and prev is not None:
            if out[prev].kind == "text" and is_short(out[prev].text):
                out[prev] = attrs.evolve(out[prev], kind="heading", level=2, marker=line.text)
            state.drop("edit-marker", line.text, line.number)
            continue
        if line.kind == "separator" and out and _underlines(out[-1], line):
            level = 1 if line.raw.strip().startswith("=") else 2
            out[-1] = attrs.evolve(out[-1], kind="heading", level=level)
            continue
        line = _toc_heading(line, state)
        if line.kind == "heading" and line.marker:
            if use_markers:
                state.drop("edit-marker", line.marker, line.number)
            else:
                line = attrs.evolve(line, text=f"{line.text} {line.marker}", marker=None)
        out.append(line)
    return out if state.toc else _common_headings(out)


def _common_headings(lines: list[Line]) -> list[Line]:
    """Without a TOC, a bare line that is a common section title and leads prose is a heading."""
    out = list(lines)
    for k, line in enumerate(lines):
        if line.kind != "text" or line.indent or key(line.text) not in _COMMON:
            continue
        nxt = _next_content(lines, k + 1)
        if nxt is not None and (nxt.kind in ("bullet", "table-row", "quote") or is_prose(nxt.text)):
            out[k] = attrs.evolve(line, kind="heading", level=2)
    return out


def _next_content(lines: list[Line], j: int) -> Line | None:
    for line in lines[j:]:
        if line.kind != "blank":
            return line
    return None


def _underlines(prev: Line, line: Line) -> bool:
    """A setext underline about as long as the line above it (a long rule is only a rule)."""
    if prev.kind != "text" or not is_setext_underline(line.raw):
        return False
    return len(line.raw.strip()) <= len(prev.raw.strip()) + _SETEXT_SLACK


_COMMON = frozenset(key(x) for x in vocab.COMMON_SECTIONS)


def _toc_heading(line: Line, state: ReadState) -> Line:
    if not state.toc or line.kind not in ("text", "heading"):
        return line
    level = state.toc.get(key(line.text))
    if level is None:
        return line
    if line.kind == "text" and line.indent == 0 and is_short(line.text):
        return attrs.evolve(line, kind="heading", level=level)
    if line.kind == "heading" and line.level == 2 and line.marker:
        return attrs.evolve(line, level=level)
    return line


def _last_content(lines: list[Line]) -> int | None:
    for k in range(len(lines) - 1, -1, -1):
        if lines[k].kind != "blank":
            return k
    return None


def demote_unmarked(lines: list[Line]) -> list[Line]:
    """Where section headings carry edit links, an unmarked heading above the first of them is
    not a section: Markdown scrapes print an infobox's title and labels as headings there."""
    marked = [k for k, line in enumerate(lines) if line.kind == "heading" and line.marker]
    if len(marked) < _MARKED_MIN:
        return lines
    first = marked[0]
    return [
        attrs.evolve(x, kind="text") if k < first and x.kind == "heading" and x.level > 1 else x
        for k, x in enumerate(lines)
    ]


def mark_lists(lines: list[Line], profile: Profile) -> list[Line]:
    """Make bullet lines of items that lost their bullets."""
    if profile.lost_bullets:
        lines = _sandwiched([_lost_bullet(line) for line in lines])
    if not (profile.markdown or profile.wrap):
        lines = _introduced_runs(_short_runs(lines))
    return lines


def _lost_bullet(line: Line) -> Line:
    if line.kind == "text" and 1 <= line.indent <= 2:
        return attrs.evolve(line, kind="bullet", indent=0)
    return line


def _sandwiched(lines: list[Line]) -> list[Line]:
    """A sentence directly between two items is an item whose leading space was lost too.

    A short label there ("Guest starring" between two cast lists) stays a paragraph.
    """
    out = list(lines)
    for k in range(1, len(lines) - 1):
        between = lines[k - 1].kind == "bullet" and lines[k + 1].kind == "bullet"
        if between and lines[k].kind == "text" and is_prose(lines[k].text):
            out[k] = attrs.evolve(lines[k], kind="bullet", indent=lines[k - 1].indent)
    return out


def _short_runs(lines: list[Line]) -> list[Line]:
    out = list(lines)
    k = 0
    while k < len(out):
        j = k
        while j < len(out) and _entry(out[j]):
            j += 1
        if j - k >= _RUN_MIN:
            for m in range(k, j):
                out[m] = attrs.evolve(out[m], kind="bullet", indent=0)
        k = max(j, k + 1)
    return out


def _entry(line: Line) -> bool:
    text = line.text
    return (
        line.kind == "text"
        and line.indent == 0
        and 0 < len(text.split()) <= _RUN_WORDS
        and not _ENTRY_END.search(text)
        and not is_prose(text)
    )


def _introduced_runs(lines: list[Line]) -> list[Line]:
    """Lines directly under a line ending in ":" (no blank line between) are its list."""
    out = list(lines)
    for k, line in enumerate(lines):
        if line.kind not in ("text", "bullet") or not line.text.endswith(":"):
            continue
        j = k + 1
        while j < len(out) and out[j].kind in ("text", "bullet"):
            j += 1
        if j - (k + 1) >= _INTRO_MIN:
            indent = 0 if line.kind == "text" else line.indent
            for m in range(k + 1, j):
                if out[m].kind == "text":
                    out[m] = attrs.evolve(out[m], kind="bullet", indent=indent)
    return out
