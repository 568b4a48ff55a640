"""Test helper: read Markdown back with markdown-it-py and list the text it holds, block by block.

Used to check that ``to_markdown`` escapes every piece of record text, so that a real
CommonMark (+ tables) parser gives the record's text back and no stray markup.
"""

from __future__ import annotations

import attrs
from markdown_it import MarkdownIt
from markdown_it.token import Token

from wikiparse import Code, ListBlock, ListItem, Page, Paragraph, Quote, Section, Table
from wikiparse.render import categories_text, item_text

_PARSER = MarkdownIt("commonmark").enable("table")
# Inline tokens our renderer may produce: bold terms/labels, an emphasised caption, <br> in cells.
_ALLOWED_INLINE = {"text", "softbreak", "strong_open", "strong_close", "em_open", "em_close"}


@attrs.frozen
class Leaf:
    kind: str
    """``heading``, ``paragraph``, ``cell`` or ``code``."""
    text: str
    level: int = 0


def leaves(markdown: str) -> list[Leaf]:
    """Every text-holding block of the parsed document, in order."""
    out: list[Leaf] = []
    context = "paragraph"
    level = 0
    for token in _PARSER.parse(markdown):
        if token.type == "heading_open":
            context, level = "heading", int(token.tag[1])
        elif token.type in ("th_open", "td_open"):
            context = "cell"
        elif token.type in ("fence", "code_block"):
            out.append(Leaf("code", token.content))
        elif token.type == "inline":
            out.append(Leaf(context, _inline_text(token.children or []), level))
            context, level = "paragraph", 0
        elif token.type in ("html_block",):
            raise AssertionError(f"raw HTML block in Markdown: {token.content!r}")
    return out


def _inline_text(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type == "html_inline" and child.content == "<br>":
            parts.append("\n")
        elif child.type not in _ALLOWED_INLINE:
            raise AssertionError(f"unexpected inline markup {child.type}: {child.content!r}")
        elif child.type in ("softbreak",):
            parts.append("\n")
        else:
            parts.append(child.content)
    return "".join(parts)


def words(strings: list[str]) -> list[str]:
    return " ".join(strings).split()


def record_strings(page: Page) -> list[str]:
    """The text the Markdown should hold, in reading order (default options)."""
    out: list[str] = []
    if page.title and page.title.strip():
        out.append(page.title)
    if page.redirect:
        out.append(f"Redirect to: {page.redirect}")
    for box in page.infoboxes:
        out.append(box.title or "")
        for field in box.fields:
            label = " ".join(field.label.split())
            out.append(f"{label}: {field.value}" if label else field.value)
    out.extend(_blocks(page.lead))
    for section in page.sections:
        out.extend(_section(section))
    if page.categories:
        out.append(categories_text(page.categories))
    return out


def record_headings(page: Page) -> list[str]:
    titles = [page.title] if page.title and page.title.strip() else []

    def walk(section: Section) -> None:
        titles.append(section.title)
        for child in section.sections:
            walk(child)

    for section in page.sections:
        walk(section)
    return [" ".join(t.split()) for t in titles]


def _section(section: Section) -> list[str]:
    out = [section.title, *_blocks(section.blocks)]
    for child in section.sections:
        out.extend(_section(child))
    return out


def _blocks(blocks: tuple[object, ...]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        match block:
            case Paragraph() | Code():
                out.append(block.text)
            case Quote():
                out.extend([block.text, f"— {block.cite}" if block.cite else ""])
            case Table():
                out.append(block.caption or "")
                out.extend(
                    c for row in ([block.header] if block.header else []) + list(block.rows) for c in row
                )
            case ListBlock():
                out.extend(_items(block.items))
    return out


def _items(items: tuple[ListItem, ...]) -> list[str]:
    out: list[str] = []
    for item in items:
        out.append(item_text(item))
        out.extend(_items(item.items))
    return out
