"""Page text (templates, links and emphasis already read) → the flat block sequence.

One pass over lines, as MediaWiki's block parser does: ``== headings ==``, list runs
(``*``/``#`` nested, ``;``/``:`` definition lists; a run of ``:`` alone is indented prose),
``{| tables |}`` (and orphan ``|``/``!`` rows left by templates that opened a table), block
markers left by earlier stages (quotes, code), blank lines ending paragraphs.
"""

from __future__ import annotations

import attrs
import regex

from ..doc import DocBlock, Heading
from ..errors import LimitExceeded
from ..records import Block, Code, ListBlock, ListItem, Paragraph, Quote
from .collect import BLOCK, Collector
from .fragment import render_fragment
from .inline import finish
from .tables import read_table, table_end

_HEADING = regex.compile(r"^(={1,6})(.+?)(={1,6})\s*$")
_LIST_LINE = regex.compile(r"^([*#:;]+)\s*(.*)$", regex.DOTALL)


@attrs.define
class _Item:
    text: str = ""
    term: str | None = None
    detail: str | None = None
    children: list[_Item] = attrs.Factory(list)


def read_blocks(text: str, col: Collector) -> list[DocBlock]:
    """The blocks of a page, in order."""
    lines = text.split("\n")
    if len(lines) > col.limits.max_nodes:
        raise LimitExceeded(f"a page of {len(lines):,} lines", col.limits.max_nodes, "max_nodes")
    reader = _Reader(lines, col)
    i = 0
    while i < len(lines):
        i = reader.step(i)
    reader.flush()
    return reader.out


@attrs.define
class _Reader:
    """The block reader's state: lines, finished blocks, the paragraph being gathered."""

    lines: list[str]
    col: Collector
    out: list[DocBlock] = attrs.Factory(list)
    para: list[str] = attrs.Factory(list)

    def flush(self) -> None:
        if self.para:
            words = finish(" ".join(self.para), self.col).strip()
            if words:
                self.out.append(Paragraph(text=words))
            self.para.clear()

    def run_end(self, i: int, starts: tuple[str, ...], stripped: bool = False) -> int:
        """Index past the run of lines from ``i`` that start with one of ``starts``."""
        j = i + 1
        while j < len(self.lines) and (self.lines[j].strip() if stripped else self.lines[j])[:1] in starts:
            j += 1
        return j

    def step(self, i: int) -> int:
        """Read the construct starting at line ``i``; return the index of the next line."""
        line = self.lines[i]
        stripped = line.strip()
        if not stripped or stripped.startswith("----"):
            self.flush()
        elif line[0] == "=" and (heading := _HEADING.match(stripped)):
            self.flush()
            title = finish(heading.group(2), self.col).strip()
            if title:
                self.out.append(Heading(level=min(len(heading.group(1)), len(heading.group(3))), text=title))
        elif line[0] in "*#:;":
            self.flush()
            j = self.run_end(i, ("*", "#", ":", ";"))
            self.out.extend(_lists(self.lines[i:j], self.col))
            return j
        elif stripped.startswith("{|"):
            self.flush()
            j = table_end(self.lines, i)
            self.out.extend(read_table(self.lines[i:j], self.col))
            return j
        elif stripped[0] in "|!":
            self.flush()
            j = self.run_end(i, ("|", "!"), stripped=True)
            self.orphan_rows(self.lines[i:j])
            return j
        elif "\x06" in line:
            self.marked(line)
        else:
            self.para.append(stripped)
        return i + 1

    def orphan_rows(self, run: list[str]) -> None:
        """Rows whose ``{|`` came from a template that was dropped: a table if they hold cells."""
        if all(ln.strip().startswith(("|}", "|-")) for ln in run):
            self.col.stray.extend(ln.strip() for ln in run)
            return
        self.out.extend(read_table(run, self.col))

    def marked(self, line: str) -> None:
        """A line holding block markers: text around them stays paragraph text."""
        for k, piece in enumerate(BLOCK.split(line)):
            if k % 2 == 0:
                if piece.strip():
                    self.para.append(piece.strip())
                continue
            self.flush()
            block = _place(self.col.blocks[int(piece)], self.col)
            if block is not None:
                self.out.append(block)


def _place(block: Block, col: Collector) -> Block | None:
    """A block made by an earlier stage, its words finished now."""
    if isinstance(block, Quote):
        text = render_fragment(block.text, col)
        cite = render_fragment(block.cite, col) if block.cite else None
        return Quote(text=text, cite=cite or None) if text else None
    if isinstance(block, Paragraph):
        text = render_fragment(block.text, col)
        return Paragraph(text=text) if text else None
    if isinstance(block, Code):
        return block if block.text.strip() else None
    return block


def _lists(run: list[str], col: Collector) -> list[Block]:
    parsed = []
    for line in run:
        match = _LIST_LINE.match(line)
        if match:
            parsed.append((match.group(1), match.group(2)))
    if all(set(prefix) == {":"} for prefix, _ in parsed):  # indentation, not a list
        texts = (finish(body, col).strip() for _, body in parsed)
        return [Paragraph(text=t) for t in texts if t]
    blocks: list[Block] = []
    start = 0
    for k in range(1, len(parsed) + 1):
        if k == len(parsed) or _kind(parsed[k][0]) != _kind(parsed[start][0]):
            items = _tree(parsed[start:k], col)
            if items:
                blocks.append(ListBlock(ordered=parsed[start][0][0] == "#", items=items))
            start = k
    return blocks


def _kind(prefix: str) -> str:
    return "dl" if prefix[0] in ";:" else prefix[0]


def _tree(lines: list[tuple[str, str]], col: Collector) -> tuple[ListItem, ...]:
    root: list[_Item] = []
    levels: list[list[_Item]] = [root]
    for prefix, body in lines:
        depth = len(prefix)
        del levels[depth:]
        while len(levels) < depth:
            parent = levels[-1]
            if not parent:
                parent.append(_Item())
            levels.append(parent[-1].children)
        current = levels[depth - 1]
        mark = prefix[-1]
        if mark == ";":
            term, colon, detail = body.partition(":")
            term_text = finish(term, col).strip()
            detail_text = finish(detail, col).strip() if colon else None
            current.append(_Item(text=term_text, term=term_text, detail=detail_text or None))
        elif mark == ":" and current and current[-1].term is not None and current[-1].detail is None:
            current[-1].detail = finish(body, col).strip() or None
        else:
            current.append(_Item(text=finish(body, col).strip()))
    return _freeze(root)


def _freeze(items: list[_Item]) -> tuple[ListItem, ...]:
    out: list[ListItem] = []
    for item in items:
        children = _freeze(item.children)
        text = item.text
        if item.term is not None and item.detail:
            text = f"{item.term}: {item.detail}" if item.term else item.detail
        if not text and not children:
            continue
        if not text:
            out.extend(children)  # a placeholder parent: lift its children
            continue
        out.append(ListItem(text=text, term=item.term or None, detail=item.detail, items=children))
    return tuple(out)
