"""The neutral document: what every reader (HTML, text, wikitext) produces.

A :class:`Doc` is a flat sequence of blocks with :class:`Heading` markers between them, plus
what the reader found about the page (title, infoboxes, categories…) and what it removed.
Rules and normalisation rewrite a ``Doc``; :mod:`wikiparse.assemble` turns it into a ``Page``
by nesting sections from heading levels.
"""

from __future__ import annotations

from typing import Union

import attrs

from .records import Block, Infobox, InputFormat, Link, PageType, Removal, Site


@attrs.frozen(kw_only=True)
class Heading:
    """A section heading inside the flat block sequence."""

    level: int
    text: str


DocBlock = Union[Heading, Block]  # noqa: UP007  (a runtime alias; X | Y needs 3.10 classes)


@attrs.frozen(kw_only=True)
class Doc:
    """A page as read, before sections are nested."""

    blocks: tuple[DocBlock, ...]
    input_format: InputFormat
    title: str | None = None
    url: str | None = None
    site: Site = "unknown"
    skin: str | None = None
    site_name: str | None = None
    lang: str | None = None
    page_type: PageType | None = None
    """``None`` lets :mod:`wikiparse.assemble` decide (article, list or empty)."""
    redirect: str | None = None
    infoboxes: tuple[Infobox, ...] = ()
    categories: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    removed: tuple[Removal, ...] = ()
    warnings: tuple[str, ...] = ()
