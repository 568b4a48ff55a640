"""Inline Markdown of a scrape (Firecrawl, html2text -m) → the text a reader of the page saw.

Block structure (``#`` headings, ``-`` bullets, ``|`` tables) stays for the line classifier;
this module rewrites what is inside a line: links become their words (internal wiki links are
collected), images and page-chrome links disappear (reported, never silently), emphasis
markers and backslash escapes go.

>>> convert("Opened by [chests](https://x.fandom.com/wiki/Chests \\"Chests\\").").text
'Opened by chests.'
>>> convert("## Skills\\\\[ [Sign in to edit](https://auth.fandom.com/signin?x=1)\\\\]").text
'## Skills[ ]'
>>> convert("**Reloading:** 2s and _soft_ snake_case").text
'Reloading: 2s and soft snake_case'
"""

from __future__ import annotations

import attrs
import regex

from ..records import Link
from ..rules import vocab
from ..titles import split_url, title_from_url

# A URL in link syntax: <…>, or a run without spaces whose parentheses balance one level deep.
_URL = r"(?:<[^<>\n]{0,2000}>|(?:[^()\s]|\([^()\s]{0,300}\)){0,2000})"
_TITLE = r"(?:\s+\"[^\"\n]{0,500}\")?"
_IMAGE = regex.compile(rf"!\[(?P<alt>(?:\\.|[^\[\]\\\n]){{0,500}})\]\({_URL}{_TITLE}\)")
_LINK = regex.compile(rf"(?<!\\)\[(?P<text>(?:\\.|[^\[\]\\\n]){{0,500}})\]\((?P<url>{_URL}){_TITLE}\)")
_STRONG = regex.compile(r"(?<![\w*])\*\*(?=\S)(?P<x>[^*\n]{1,500}?)(?<=\S)\*\*(?![\w*])")
_EM_STAR = regex.compile(r"(?<![\w*])\*(?=[^\s*])(?P<x>[^*\n]{1,500}?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDER = regex.compile(r"(?<![\w_])__?(?=[^\s_])(?P<x>[^_\n]{1,500}?)(?<=[^\s_])__?(?![\w_])")
_ESCAPE = regex.compile(r"\\(?P<c>[\\`*_{}\[\]()#+\-.!|<>~])")
_CHROME_URL = regex.compile("|".join(vocab.CHROME_LINK_URL))
# Chrome links that point at the page itself: its history, or the skip link to its header.
_OWN_URL = regex.compile(r"^(?P<page>https?://[^/?#\s]+/wiki/[^?#\s:]+)(?:\?action=history|#page-header)$")
_CATEGORY_URL = regex.compile(r"/wiki/(?:Category|Kategorie|Catégorie|Categoría|Categoria):(?P<name>[^?#]+)")
_CATEGORY_LEFTOVER = regex.compile(
    # possessive: the runs of separators cannot trade characters (backtracking was cubic)
    rf"^[\s,;:|·•*+-]*+(?:in\s*:)?[\s,;:|·•*+-]*+(?:{'|'.join(vocab.CATEGORY_MORE)})?[\s,;:|·•*+-]*+$",
    regex.IGNORECASE,
)
_TABLE_ROW = regex.compile(r"^\s*\|.*\|\s*$")
_CELL_SPLIT = regex.compile(r"(?<!\\)\|")
# Link text as _LINK reads it (no bare "[" inside): a line of "[[[[…" is then scanned once, not
# 500 characters from every "[".
_LINE_SYNTAX = regex.compile(r"!?\[(?:\\.|[^\[\]\\\n]){0,500}\]\(|(?<!\w)[*_]\S|\\[\\`*_{}\[\]()#+\-.!|<>~]")


@attrs.frozen
class Inline:
    """One line of Markdown rewritten as text, and what the rewrite took out of it."""

    text: str
    links: tuple[Link, ...] = ()
    categories: tuple[str, ...] = ()
    """Category names, when the line holds nothing but category links (a category bar)."""
    images: tuple[str, ...] = ()
    """Markdown source of each image removed."""
    chrome: tuple[str, ...] = ()
    """Words of each page-chrome link removed (edit, history, sign-in…)."""
    page_url: str | None = None
    """The page's own URL, when a chrome link names it ("Skip to content", "History")."""


def convert(line: str, *, images: bool = True, chrome: bool = True) -> Inline:
    """Rewrite one line; table rows are rewritten cell by cell so their pipes survive.

    ``images``/``chrome`` false keep an image's alt text and a chrome link's words instead
    of dropping them (their rules are switched off).
    """
    if not _LINE_SYNTAX.search(line):
        return Inline(line)
    if _TABLE_ROW.match(line):
        cells = [
            convert(cell, images=images, chrome=chrome) for cell in _CELL_SPLIT.split(line.strip())[1:-1]
        ]
        text = "| " + " | ".join(c.text.strip().replace("|", "\\|") for c in cells) + " |"
        return Inline(
            text,
            links=tuple(x for c in cells for x in c.links),
            images=tuple(x for c in cells for x in c.images),
            chrome=tuple(x for c in cells for x in c.chrome),
        )
    return _convert_text(line, drop_images=images, drop_chrome=chrome)


def _convert_text(line: str, *, drop_images: bool, drop_chrome: bool) -> Inline:
    images: list[str] = []
    chrome: list[str] = []
    links: list[Link] = []
    categories: list[str] = []
    page_urls: list[str] = []

    def image(match: regex.Match[str]) -> str:
        if not drop_images:
            return _unescape(match["alt"])
        images.append(match.group())
        return ""

    def link(match: regex.Match[str]) -> str:
        words = _unescape(match["text"]).strip()
        url = match["url"].strip("<>")
        category = _CATEGORY_URL.search(url)
        if category:
            categories.append(_title(category["name"]))
            return f"\x00{words}\x00"
        if not words:
            return ""
        if _CHROME_URL.search(url) and drop_chrome:
            chrome.append(words)
            own = _OWN_URL.match(url)
            if own:
                page_urls.append(own["page"])
            return ""
        target = _wiki_target(url)
        if target:
            links.append(Link(text=words, target=target))
        return words

    text = _IMAGE.sub(image, line)
    text = _LINK.sub(link, text)
    if categories and _CATEGORY_LEFTOVER.match(regex.sub(r"\x00[^\x00]*\x00", "", text)):
        return Inline("", categories=tuple(categories), images=tuple(images), chrome=tuple(chrome))
    text = text.replace("\x00", "")
    for pattern in (_STRONG, _EM_STAR, _EM_UNDER):
        text = pattern.sub(r"\g<x>", text)
    text = _unescape(text)
    return Inline(
        text,
        links=tuple(links),
        images=tuple(images),
        chrome=tuple(chrome),
        page_url=page_urls[0] if page_urls else None,
    )


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\g<c>", text)


def _title(name: str) -> str:
    return title_from_url(f"/wiki/{name}") or name


def _wiki_target(url: str) -> str | None:
    """The article a link points to: a /wiki/ URL outside the special namespaces, no anchor."""
    parts = split_url(url)
    if "#" in url or parts.query or "/wiki/" not in parts.path:
        return None
    title = title_from_url(url)
    if not title or ":" in title:
        return None
    return title
