"""The HTML reader: rendered wiki pages (any skin, API output, fragments) → document.

lxml parses the page once (:mod:`.dom`); one pass indexes it (:mod:`.index`); the skin, title,
URL and categories are read from that index (:mod:`.meta`); the content region is cut and its
chrome dropped by named rules (:mod:`.region`); only then does bs4 build a tree of what is left
(:mod:`.soup`), which :mod:`.to_doc` turns into blocks.
"""

from __future__ import annotations

import attrs

from ..doc import Doc
from ..options import Limits
from ..records import PageType
from ..rules import RuleSet
from ..titles import split_url
from . import flattened, skins
from .dom import parse_page
from .index import index_page
from .inline import Inline
from .meta import PageMeta, is_view, read_meta
from .region import BARE, KEEP_ATTRS, Region, content_roots, cut_region
from .skins import Skin
from .soup import soup_of
from .to_doc import Reader


def read_html(text: str, rules: RuleSet, limits: Limits, *, url: str | None = None) -> Doc:
    """Read an HTML page into a document.

    When the skin's content region yields nothing on a page that shows an article, the page is
    read again with the generic main-content roots (``<main>``, ``<article>``… ``<body>``): a
    skin guessed wrong must not turn an article into an empty record.
    """
    doc = _read(text, rules, limits, url, None)
    if doc.page_type is None and not doc.blocks and not doc.infoboxes and doc.skin != skins.GENERIC.name:
        fallback = _read(text, rules, limits, url, skins.GENERIC)
        if fallback.blocks or fallback.infoboxes:
            return fallback
    return doc


def _read(text: str, rules: RuleSet, limits: Limits, url: str | None, skin: Skin | None) -> Doc:
    root = parse_page(text, limits)
    index = index_page(root)
    meta = read_meta(index, text)
    if skin is not None:
        meta = attrs.evolve(meta, skin=skin)
    roots = content_roots(index, meta.skin) if is_view(meta) else []
    page_url = meta.url or url
    host = (split_url(page_url).hostname or "").lower() or None if page_url else None
    region = cut_region(index, meta.skin, rules, roots, host, meta.title_element)
    reader = Reader(inline=Inline(), limits=limits)
    if region.roots:
        reader.walk(soup_of(list(region.roots), keep_attrs=KEEP_ATTRS, bare=BARE))
    doc = Doc(
        blocks=tuple(reader.blocks),
        input_format="html",
        title=meta.title,
        url=meta.url,
        site=meta.site,
        skin=meta.skin.name,
        site_name=meta.site_name,
        lang=meta.lang,
        page_type=_page_type(meta, region, roots),
        redirect=meta.redirect or region.redirect,
        infoboxes=tuple(reader.infoboxes),
        categories=meta.categories,
        links=region.links,
        removed=region.removed,
    )
    if flattened.looks_flattened(doc):
        return _read_flattened(doc, rules, limits)
    return doc


def _page_type(meta: PageMeta, region: Region, roots: list[object]) -> PageType | None:
    if not roots:
        return "empty"
    if meta.redirect or region.redirect:
        return "redirect"
    if meta.disambiguation or region.disambiguation:
        return "disambiguation"
    if meta.namespace == 14:  # MediaWiki's category namespace, whatever its local name
        return "category"
    return None


def _read_flattened(doc: Doc, rules: RuleSet, limits: Limits) -> Doc:
    """Hand the one text run to the text reader; keep what the HTML knows."""
    from ..text import read_text

    read = read_text(flattened.plain_text(doc), flattened.text_rules(rules), limits)
    return attrs.evolve(
        read,
        input_format="html",
        title=doc.title,
        url=doc.url,
        site=doc.site if doc.site != "unknown" else read.site,
        skin=doc.skin,
        site_name=doc.site_name or read.site_name,
        lang=doc.lang,
        links=doc.links,
        categories=doc.categories or read.categories,
        removed=doc.removed + read.removed,
    )
