"""Classified lines → blocks: headings, paragraphs, lists, tables and quotes.

In Markdown, consecutive text lines are one paragraph (a soft line break); in other scrapes
each line is a paragraph (copies and renderers put one paragraph per line once wrapping is
undone). A quote is a run of ``>`` lines, or a paragraph followed by a "―Speaker" line
(Fandom's quote template).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..doc import DocBlock, Heading
from ..nesting import rebuild
from ..records import ListBlock, ListItem, Paragraph, Quote, Table
from .lines import Line
from .shapes import unquote

_CELL_SEP = regex.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_CELL_SPLIT = regex.compile(r"(?<!\\)\|")


def build_blocks(
    lines: list[Line], *, markdown: bool = False, max_list_depth: int = 32, flattened: list[int] | None = None
) -> Iterator[DocBlock]:
    """Group classified lines into headings, paragraphs, lists, tables and quotes.

    List items nested deeper than ``max_list_depth`` join the deepest level; their count is
    appended to ``flattened`` when given.
    """
    k = 0
    n = len(lines)
    while k < n:
        line = lines[k]
        if line.kind in ("blank", "separator"):
            k += 1
        elif line.kind == "heading":
            yield Heading(level=line.level, text=line.text)
            k += 1
        elif line.kind == "bullet":
            j = k
            while j < n and (lines[j].kind == "bullet" or _continues_item(lines, j)):
                j += 1
            items, moved = _list_block(
                [x for x in lines[k:j] if x.kind == "bullet" and x.text], max_list_depth
            )
            if moved and flattened is not None:
                flattened.append(moved)
            if items is not None:
                yield items
            k = j
        elif line.kind == "table-row":
            j = k
            while j < n and lines[j].kind == "table-row":
                j += 1
            yield _table(lines[k:j])
            k = j
        else:
            prose, k = _prose(lines, k, markdown=markdown)
            yield prose


def _prose(lines: list[Line], k: int, *, markdown: bool) -> tuple[Paragraph | Quote, int]:
    """A paragraph, or a quote when ``>`` lines or a following "―" line say so."""
    kind = lines[k].kind
    j = k + 1
    if kind == "quote" or (markdown and kind == "text"):
        while j < len(lines) and lines[j].kind == kind:
            j += 1
    text = " ".join(x.text for x in lines[k:j] if x.text)
    cite_at = _next_content(lines, j)
    if kind in ("text", "quote") and cite_at is not None and lines[cite_at].kind == "cite":
        return Quote(text=unquote(text), cite=lines[cite_at].text), cite_at + 1
    if kind == "quote":
        return Quote(text=text), j
    return Paragraph(text=text), j


def _next_content(lines: list[Line], j: int) -> int | None:
    while j < len(lines) and lines[j].kind == "blank":
        j += 1
    return j if j < len(lines) else None


def _continues_item(lines: list[Line], j: int) -> bool:
    """A blank line between two bullets of the same list does not end the list."""
    return lines[j].kind == "blank" and j + 1 < len(lines) and lines[j + 1].kind == "bullet"


def _list_block(bullets: list[Line], max_depth: int) -> tuple[ListBlock | None, int]:
    """One list (and how many items were deeper than ``max_depth``).

    A bullet more indented than the one before opens a level under it; a less indented one
    closes levels until one is not more indented than it.  A bullet less indented than the
    list's first starts a new top level, never lost.  Built without recursion.
    """
    if not bullets:
        return None, 0
    entries = zip(_depths(bullets), (ListItem(text=b.text) for b in bullets), strict=True)
    items, flattened = rebuild(entries, max_depth)
    return ListBlock(ordered=bullets[0].ordered, items=items), flattened


def _depths(bullets: list[Line]) -> Iterator[int]:
    """The nesting depth of each bullet from its indentation (1 = top level)."""
    open_indents: list[int] = []
    for bullet in bullets:
        indent = bullet.indent
        while len(open_indents) > 1 and indent < open_indents[-1]:
            open_indents.pop()
        if not open_indents or indent > open_indents[-1]:
            open_indents.append(indent)
        elif indent < open_indents[-1]:
            open_indents[-1] = indent  # less indented than the first: a new top level
        yield len(open_indents)


def _table(rows: list[Line]) -> Table:
    cells = [[_cell(c) for c in _CELL_SPLIT.split(row.text.strip().strip("|"))] for row in rows]
    header: tuple[str, ...] | None = None
    if len(rows) > 1 and _CELL_SEP.match(rows[1].text):
        header = tuple(cells[0])
        cells = cells[2:]
    width = max([len(header or ())] + [len(r) for r in cells])
    grid = tuple(tuple(r + [""] * (width - len(r))) for r in cells)
    if header is not None:
        header = header + ("",) * (width - len(header))
    return Table(caption=None, header=header, rows=grid)


def _cell(text: str) -> str:
    return text.replace("\\|", "|").strip()
