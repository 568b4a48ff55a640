"""Page → Markdown (CommonMark with GitHub-style tables).

The document holds the record's text and nothing else but markup: ``#`` for the title, one
``#`` more per heading level below it, lists, tables, quotes, fenced code, the infoboxes as a
bold-label list at the top and a ``Categories:`` line at the end.  Every character of record
text that Markdown would read as markup is backslash-escaped, so a Markdown parser gives the
record's text back (``tests/test_markdown.py`` checks that with markdown-it-py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from .records import Block, Code, Infobox, ListBlock, ListItem, Page, Paragraph, Quote, Section, Table
from .render import RenderOptions, categories_text, item_text, walk_items

# Characters with an inline meaning anywhere in a line; "&" only where it would start an entity.
_INLINE = regex.compile(r"[\\`*_\[\]<|~]|&(?=#?[0-9A-Za-z]+;)")
# Constructs recognised at the start of a line: headings, quotes, bullets, setext underlines,
# ordered-list markers ("1988. was" would otherwise start a list at 1988).
_LINE_START = regex.compile(r"^(?:[#>+=-]|(\d{1,9})[.)])")
_BACKTICKS = regex.compile(r"`+")


def to_markdown(page: Page, options: RenderOptions | None = None) -> str:
    """The page as one Markdown document (no trailing newline)."""
    options = options or RenderOptions()
    parts: list[str] = []
    if page.title and page.title.strip():
        parts.append("# " + _heading_text(page.title))
    if page.redirect:
        parts.append(escape_line(f"Redirect to: {page.redirect}"))
    if options.infobox:
        parts.extend(_infobox(box) for box in page.infoboxes)
    parts.extend(_blocks(page.lead))
    for section in page.sections:
        parts.extend(_section(section, 1))
    if options.categories and page.categories:
        parts.append(escape_line(categories_text(page.categories)))
    return "\n\n".join(p for p in parts if p.strip())


def _section(section: Section, parent_depth: int) -> Iterator[str]:
    """A heading one level below its parent at least, at ``level`` when that is deeper; at most 6."""
    depth = min(6, max(section.level, parent_depth + 1))
    title = _heading_text(section.title)
    yield "#" * depth + (" " + title if title else "")
    yield from _blocks(section.blocks)
    for child in section.sections:
        yield from _section(child, depth)


def _blocks(blocks: tuple[Block, ...]) -> Iterator[str]:
    previous: ListBlock | None = None
    alternate = False
    for block in blocks:
        turn = False
        if isinstance(block, ListBlock):
            # Two lists in a row would merge into one; switching the marker keeps them apart.
            turn = previous is not None and previous.ordered == block.ordered and not alternate
            text = "\n".join(_list_lines(block.items, "", block.ordered, turn))
        else:
            text = _block(block)
        if text.strip():
            yield text
            previous, alternate = (block, turn) if isinstance(block, ListBlock) else (None, False)


def _block(block: Block) -> str:
    match block:
        case Paragraph():
            return escape_text(block.text)
        case Quote():
            lines = escape_text(block.text).split("\n")
            if block.cite:
                lines += ["", "— " + _inline(" ".join(block.cite.split()))]
            return "\n".join(("> " + line).rstrip() for line in lines)
        case Code():
            return _fenced(block.text)
        case Table():
            return _table(block)
        case ListBlock():
            return "\n".join(_list_lines(block.items, "", block.ordered, False))
    raise TypeError(f"unknown block {block!r}")


def _fenced(text: str) -> str:
    """A fence longer than any backtick run inside, so the code cannot close it early."""
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{text.rstrip(chr(10))}\n{fence}"


def _table(table: Table) -> str:
    """A pipe table; without a header row, the header cells are left empty (Markdown needs one)."""
    rows = [list(r) for r in table.rows]
    width = max([len(r) for r in rows] + [len(table.header or ())])
    caption = " ".join((table.caption or "").split())
    lines = ["*" + _inline(caption) + "*", ""] if caption else []
    if width == 0:
        return "\n".join(lines).rstrip("\n")
    header = list(table.header) if table.header is not None else []
    for row in [header, *rows]:
        row.extend([""] * (width - len(row)))
    lines.append(_row(header))
    lines.append("|" + " --- |" * width)
    lines.extend(_row(row) for row in rows)
    return "\n".join(lines)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _cell(text: str) -> str:
    """Cell text on one line: pipes escaped, line breaks as ``<br>``."""
    return "<br>".join(_inline(line.strip()) for line in text.split("\n") if line.strip())


def _list_lines(items: tuple[ListItem, ...], indent: str, ordered: bool, alternate: bool) -> Iterator[str]:
    """Nested items indent by their parent's marker width, as CommonMark requires; only the top
    level alternates its marker."""
    indents = [indent]
    for depth, number, item in walk_items(items):
        del indents[depth:]
        marker = _marker(number, ordered, alternate and depth == 1)
        lines = [line for line in _item_body(item).split("\n") if line] or [""]
        yield (indents[-1] + marker + lines[0]).rstrip()
        yield from (indents[-1] + " " * len(marker) + line for line in lines[1:])
        indents.append(indents[-1] + " " * len(marker))


def _marker(number: int, ordered: bool, alternate: bool) -> str:
    if ordered:
        return f"{number}{')' if alternate else '.'} "
    return "* " if alternate else "- "


def _item_body(item: ListItem) -> str:
    """The item's text; a term (definition lists, "Term as Detail" items) is set in bold."""
    term = item.term
    if not term or term != term.strip() or "\n" in term:
        return escape_text(item_text(item))
    rest = item.text[len(term) :] if item.text.startswith(term) else ": " + item.text
    if not _can_close_bold(term, rest):
        return escape_text(item_text(item))
    return f"**{_inline(term)}**" + _inline(rest.split("\n")[0]) + _continuation(rest)


def _continuation(rest: str) -> str:
    tail = rest.split("\n")[1:]
    return "".join("\n" + escape_line(line) for line in tail)


def _can_close_bold(term: str, rest: str) -> bool:
    """CommonMark closes ``**`` after punctuation only before whitespace, punctuation or the end."""
    if not _is_punct(term[-1]):
        return True
    return not rest or rest[0].isspace() or _is_punct(rest[0])


def _is_punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _infobox(box: Infobox) -> str:
    """An infobox as a list of ``**Label**: value`` items, under its title in bold."""
    title = " ".join((box.title or "").split())
    lines = ["**" + _inline(title) + "**", ""] if title else []
    for field in box.fields:
        label = " ".join(field.label.split())
        body = escape_text(field.value)
        first, *more = [line for line in body.split("\n") if line] or [""]
        head = f"- **{_inline(label)}**: " if label else "- "
        lines.append((head + first).rstrip())
        lines.extend("  " + line for line in more)
    return "\n".join(lines).strip("\n")


def _heading_text(text: str) -> str:
    return _inline(" ".join(text.split())).replace("#", "\\#")


def _inline(text: str) -> str:
    """Escape characters that have an inline meaning (emphasis, code, links, HTML, tables)."""
    return _INLINE.sub(lambda m: "\\" + m[0], text)


def escape_line(line: str) -> str:
    """One line of record text as Markdown text: trimmed, inline and line-start markup escaped.

    >>> escape_line("# not a heading")
    '\\\\# not a heading'
    >>> escape_line("1988. A year")
    '1988\\\\. A year'
    """
    text = _inline(line.strip())
    match = _LINE_START.match(text)
    if match is None:
        return text
    if match[1] is not None:  # "1988." → "1988\."
        return text[: len(match[1])] + "\\" + text[len(match[1]) :]
    return "\\" + text


def escape_text(text: str) -> str:
    """Multi-line record text: each line escaped; blank lines kept (they separate paragraphs)."""
    return "\n".join(escape_line(line) for line in text.split("\n"))
