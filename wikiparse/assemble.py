"""Doc → Page: nest sections from heading levels, take the lead and summary, settle the page type."""

from __future__ import annotations

import attrs
import regex

from .doc import Doc, DocBlock, Heading
from .records import Block, Decoding, Link, Page, PageType, Paragraph, Section, SourceInfo


@attrs.define
class _Open:
    """A section being filled while walking the flat block sequence."""

    heading: Heading
    blocks: list[Block] = attrs.Factory(list)
    children: list[Section] = attrs.Factory(list)

    def close(self) -> Section:
        return Section(
            title=self.heading.text,
            level=self.heading.level,
            blocks=tuple(self.blocks),
            sections=tuple(self.children),
        )


def nest(blocks: tuple[DocBlock, ...]) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    """Split a flat block sequence into the lead and a section tree.

    A heading closes every open section of the same or a deeper level; a level that skips
    (h2 then h4) simply nests one deeper, so no heading is ever lost.
    """
    lead: list[Block] = []
    top: list[Section] = []
    stack: list[_Open] = []

    def close_to(level: int) -> None:
        while stack and stack[-1].heading.level >= level:
            done = stack.pop().close()
            (stack[-1].children if stack else top).append(done)

    for block in blocks:
        if isinstance(block, Heading):
            close_to(block.level)
            stack.append(_Open(block))
        elif stack:
            stack[-1].blocks.append(block)
        else:
            lead.append(block)
    close_to(0)
    return tuple(lead), tuple(top)


_LIST_TITLE = regex.compile(r"^(?:list|lists|timeline|index|glossary|outline) of\b", regex.IGNORECASE)
_CATEGORY_TITLE = regex.compile(r"^(?:category|kategorie|catégorie|categoría|categoria|категория):", regex.I)


def page_type(doc: Doc, lead: tuple[Block, ...], sections: tuple[Section, ...]) -> PageType:
    """The reader's verdict if it gave one, else a decision from the title and content."""
    if doc.page_type is not None:
        return doc.page_type
    if not lead and not sections and not doc.infoboxes:
        return "empty"
    title = doc.title or ""
    if _CATEGORY_TITLE.match(title):
        return "category"
    if _LIST_TITLE.match(title):
        return "list"
    return "article"


def _unique_links(links: tuple[Link, ...]) -> tuple[Link, ...]:
    return tuple(dict.fromkeys(links))


def assemble(doc: Doc, *, decoding: Decoding | None = None, source: SourceInfo | None = None) -> Page:
    """Build the page record."""
    lead, sections = nest(doc.blocks)
    summary = "\n\n".join(b.text for b in lead if isinstance(b, Paragraph))
    return Page(
        title=doc.title,
        url=doc.url,
        source=source,
        page_type=page_type(doc, lead, sections),
        site=doc.site,
        skin=doc.skin,
        site_name=doc.site_name,
        input_format=doc.input_format,
        lang=doc.lang,
        redirect=doc.redirect,
        summary=summary,
        lead=lead,
        sections=sections,
        infoboxes=doc.infoboxes,
        categories=tuple(dict.fromkeys(doc.categories)),
        links=_unique_links(doc.links),
        removed=doc.removed,
        warnings=doc.warnings,
        decoding=decoding,
    )
