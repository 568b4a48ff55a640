"""Page → readable plain text: the title, the lead, then each section under its heading.

The text holds exactly the words of the record (no boilerplate comes back), in reading order.
"""

from __future__ import annotations

from collections.abc import Iterator

from .records import Block, Code, ListBlock, ListItem, Page, Paragraph, Quote, Section, Table


def to_text(page: Page) -> str:
    """Plain text: headings on their own lines, blank lines between blocks, lists with "- "."""
    parts: list[str] = []
    if page.title:
        parts.append(page.title)
    parts.extend(_blocks_text(page.lead))
    for section in page.sections:
        parts.extend(_section_text(section))
    return "\n\n".join(p for p in parts if p)


def _section_text(section: Section) -> Iterator[str]:
    yield section.title
    yield from _blocks_text(section.blocks)
    for child in section.sections:
        yield from _section_text(child)


def _blocks_text(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        yield block_text(block)


def block_text(block: Block) -> str:
    """The text of one block as it reads on a page."""
    match block:
        case Paragraph() | Code():
            return block.text
        case Quote():
            return block.text + (f"\n— {block.cite}" if block.cite else "")
        case ListBlock():
            return "\n".join(_item_lines(block.items, 0, block.ordered))
        case Table():
            rows = ([block.header] if block.header else []) + list(block.rows)
            lines = ([block.caption] if block.caption else []) + ["\t".join(r) for r in rows]
            return "\n".join(lines)
    raise TypeError(f"unknown block {block!r}")


def _item_lines(items: tuple[ListItem, ...], depth: int, ordered: bool) -> Iterator[str]:
    for number, item in enumerate(items, 1):
        bullet = f"{number}." if ordered else "-"
        yield f"{'  ' * depth}{bullet} {item.text}"
        yield from _item_lines(item.items, depth + 1, ordered)
