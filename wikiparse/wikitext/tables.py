"""``{| … |}`` tables → :class:`~wikiparse.records.Table`: caption, header, rows, spans expanded.

Cells follow MediaWiki's syntax: ``|`` and ``!`` start cells, ``||``/``!!`` separate cells on
one line, ``|-`` starts a row, ``|+`` is the caption, and ``attributes | content`` splits at
the first single pipe.  A table nested in a cell is flattened into that cell's words.  A
table of one cell is a layout frame, so its content comes back as a paragraph.
"""

from __future__ import annotations

import attrs
import regex

from ..errors import LimitExceeded
from ..records import Block, Paragraph, Table
from .collect import Collector
from .inline import finish

_SPAN = regex.compile(r"""\b(row|col)span\s*=\s*["']?\s*(\d+)""", regex.IGNORECASE)
_LIST_PREFIX = regex.compile(r"^[*#:;]+\s*")


@attrs.define
class _Cell:
    header: bool
    attrs: str
    lines: list[str]


@attrs.define
class _Grid:
    caption: list[str] = attrs.Factory(list)
    rows: list[list[_Cell]] = attrs.Factory(list)


def table_end(lines: list[str], start: int) -> int:
    """Index just past the ``|}`` closing the table opened at ``lines[start]`` (nesting counted)."""
    depth = 0
    for i in range(start, len(lines)):
        stripped = lines[i].lstrip()
        if stripped.startswith("{|"):
            depth += 1
        elif stripped.startswith("|}"):
            depth -= 1
            if depth <= 0:
                return i + 1
    return len(lines)


def _split_cell(text: str, header: bool) -> _Cell:
    attrs_part, pipe, content = text.partition("|")
    if not pipe or "[" in attrs_part or "\x04" in attrs_part:
        return _Cell(header, "", [text])
    return _Cell(header, attrs_part, [content])


def _cells(line: str, header: bool) -> list[_Cell]:
    parts = line.split("||")
    if header:
        parts = [p for part in parts for p in part.split("!!")]
    return [_split_cell(p, header) for p in parts]


def _parse(lines: list[str], col: Collector) -> _Grid:
    grid = _Grid()
    row: list[_Cell] | None = None
    target: list[str] | None = None
    i = 1 if lines and lines[0].lstrip().startswith("{|") else 0
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        i += 1
        if s.startswith("{|"):  # nested table: its words join the current cell
            end = table_end(lines, i - 1)
            words = _flatten(_parse(lines[i - 1 : end], col), col)
            i = end
            if target is not None:
                target.append(words)
            continue
        if s.startswith("|}"):
            break
        if s.startswith("|+"):
            grid.caption.append(_split_cell(s[2:], False).lines[0])
            target = grid.caption
        elif s.startswith("|-"):
            row = None
            target = None
        elif s[:1] in ("|", "!"):
            if row is None:
                row = []
                grid.rows.append(row)
            cells = _cells(s[1:], s[0] == "!")
            row.extend(cells)
            target = cells[-1].lines
        elif target is not None:
            target.append(line)
    return grid


def _text(lines: list[str], col: Collector) -> str:
    words = (_LIST_PREFIX.sub("", ln.strip()) for ln in lines)
    return " ".join(finish(" ".join(w for w in words if w), col).split())


def _flatten(grid: _Grid, col: Collector) -> str:
    parts = [_text(grid.caption, col)] + [_text(c.lines, col) for r in grid.rows for c in r]
    return " ".join(p for p in parts if p)


def _span(cell: _Cell, kind: str, limit: int) -> int:
    for found, value in _SPAN.findall(cell.attrs):
        if found.lower() == kind:
            return max(1, min(int(value), limit))
    return 1


_Pending = dict[int, tuple[int, str, bool]]


def _fill(line: list[tuple[str, bool]], pending: _Pending, column: int) -> int:
    """Copy cells spanning down from earlier rows into ``line``; return the next free column."""
    while column in pending:
        left, text, header = pending.pop(column)
        line.append((text, header))
        if left > 1:
            pending[column] = (left - 1, text, header)
        column += 1
    return column


def _expand(grid: _Grid, col: Collector) -> list[list[tuple[str, bool]]]:
    """Rows of ``(text, is_header)`` with rowspan/colspan copied into every covered slot."""
    limit = col.limits.max_span
    pending: _Pending = {}
    out: list[list[tuple[str, bool]]] = []
    cells = 0
    for row in grid.rows:
        line: list[tuple[str, bool]] = []
        column = 0
        for cell in row:
            column = _fill(line, pending, column)
            text = _text(cell.lines, col)
            rows, cols = _span(cell, "row", limit), _span(cell, "col", limit)
            for _ in range(cols):
                line.append((text, cell.header))
                if rows > 1:
                    pending[column] = (rows - 1, text, cell.header)
                column += 1
        _fill(line, pending, column)
        cells += len(line)
        if cells > col.limits.max_table_cells:
            raise LimitExceeded(
                f"a table of over {cells:,} cells", col.limits.max_table_cells, "max_table_cells"
            )
        out.append(line)
    return out


def read_table(lines: list[str], col: Collector) -> list[Block]:
    """The blocks of one table's lines (from ``{|`` to ``|}``, or a run of orphan rows)."""
    grid = _parse(lines, col)
    rows = [r for r in _expand(grid, col) if any(text for text, _ in r)]
    caption = _text(grid.caption, col) or None
    if not rows:
        return [Paragraph(text=caption)] if caption else []
    if len(rows) == 1 and len(rows[0]) == 1:
        text = rows[0][0][0]
        return [Paragraph(text=t) for t in (caption, text) if t]
    header = None
    if len(rows) > 1 and all(is_header for _, is_header in rows[0]):
        header = tuple(text for text, _ in rows[0])
        rows = rows[1:]
    width = max(len(r) for r in [*rows, header or ()])
    body = tuple(tuple(text for text, _ in r) + ("",) * (width - len(r)) for r in rows)
    if header is not None:
        header += ("",) * (width - len(header))
    return [Table(caption=caption, header=header, rows=body)]
