"""A data table as a grid: rowspan/colspan expanded so every row has the same width.

Each grid slot holds the text of the cell that covers it (a cell spanning two columns fills
both), as a reader lining up columns would read it.  Spans are clamped to ``Limits.max_span``;
a rowspan never creates rows the table does not have (browsers stop it at the table's end); and
the cell count is checked while the grid grows, so ``LimitExceeded`` comes before the work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from ..errors import LimitExceeded
from ..options import Limits
from ..records import Table
from .soup import Tag

_SECTIONS = frozenset({"thead", "tbody", "tfoot"})
_DIGITS = regex.compile(r"\s*(\d{1,9})")


def rows_of(table: Tag) -> Iterator[Tag]:
    """The table's own rows (not those of nested tables), in order."""
    for child in table.children:
        if isinstance(child, Tag):
            if child.name == "tr":
                yield child
            elif child.name in _SECTIONS:
                yield from (row for row in child.children if isinstance(row, Tag) and row.name == "tr")


def cells_of(row: Tag) -> list[Tag]:
    return [c for c in row.children if isinstance(c, Tag) and c.name in ("td", "th")]


def span(cell: Tag, attr: str, limits: Limits) -> int:
    """A rowspan/colspan value: 1 when absent or malformed, clamped to ``max_span``."""
    value = cell.get(attr)
    match = _DIGITS.match(value) if isinstance(value, str) else None
    if match is None:
        return 1
    return max(1, min(int(match[1]), limits.max_span))


def _expand_row(
    cells: list[Tag],
    pending: dict[int, tuple[int, str]],
    cell_text: Callable[[Tag], str],
    limits: Limits,
    budget: int,
) -> list[str]:
    """One grid row: cells placed around the slots that rowspans from above still cover.

    ``pending`` maps a column to (rows left, text) for cells spanning down; it is updated.
    ``budget`` is the number of cells the table may still have: one wide row cannot pass it.
    """
    out: list[str] = []
    queue = iter(cells)
    while True:
        col = len(out)
        if col in pending:
            left, text = pending.pop(col)
            if left > 1:
                pending[col] = (left - 1, text)
            out.append(text)
            continue
        cell = next(queue, None)
        if cell is None:
            if any(c > col for c in pending):
                out.append("")
                continue
            return out
        if len(out) > budget:
            raise LimitExceeded("table cells after span expansion", limits.max_table_cells, "max_table_cells")
        text = cell_text(cell)
        down = span(cell, "rowspan", limits)
        for _ in range(span(cell, "colspan", limits)):
            if down > 1:
                pending[len(out)] = (down - 1, text)
            out.append(text)


def read_table(table: Tag, cell_text: Callable[[Tag], str], limits: Limits) -> Table | None:
    """The table as caption, header row and rows; ``None`` when it has no cells."""
    grid: list[list[str]] = []
    header_rows: list[bool] = []
    pending: dict[int, tuple[int, str]] = {}
    budget = limits.max_table_cells
    for row in rows_of(table):
        cells = cells_of(row)
        out = _expand_row(cells, pending, cell_text, limits, budget)
        budget -= len(out)
        if budget < 0:
            raise LimitExceeded("table cells after span expansion", limits.max_table_cells, "max_table_cells")
        if out:
            grid.append(out)
            header_rows.append(bool(cells) and all(c.name == "th" for c in cells))
    if not grid:
        return None
    width = max(len(r) for r in grid)
    if width * len(grid) > limits.max_table_cells:
        raise LimitExceeded("table cells after span expansion", limits.max_table_cells, "max_table_cells")
    rows = [tuple(r + [""] * (width - len(r))) for r in grid]
    header = None
    top = next((i for i, is_header in enumerate(header_rows) if not is_header), len(rows))
    if 0 < top < len(rows):
        # Header rows stacked by spans ("Area" over "North" | "South") read column by column.
        header = tuple(" ".join(dict.fromkeys(r[col] for r in rows[:top] if r[col])) for col in range(width))
        rows = rows[top:]
    caption = next((c for c in table.children if isinstance(c, Tag) and c.name == "caption"), None)
    caption_text = cell_text(caption).strip() if caption is not None else None
    return Table(caption=caption_text or None, header=header, rows=tuple(rows))
