"""Internal links, categories, files and external links → their words.

``[[Target|words]]trail`` becomes *wordstrail* and a :class:`~wikiparse.records.Link`;
``[[Category:X]]`` (any localised prefix the wiki's namespaces name) becomes a category;
``[[File:…|thumb|Caption]]`` is dropped under rule ``file`` with its caption in the removal
(with the rule disabled, a thumbnail's caption is kept as a paragraph); interlanguage links
vanish; ``[http://… words]`` keeps its words.  Links are read innermost first, so a link
inside a file caption is resolved before the file.
"""

from __future__ import annotations

import html
from functools import lru_cache

import regex

from ..records import Link, Paragraph
from ..titles import title_text
from .calls import split_pipes
from .collect import Collector
from .context import CATEGORY, FILE
from .inline import QUOTE_RUN, strip_tags
from .preprocess import at_line
from .vocab import FILE_OPTION, FILE_OPTIONS, INTERWIKI, LANGUAGE_PREFIX

# Single brackets may occur inside ("[above]"), and a caption may run over lines, not paragraphs.
_LINK = regex.compile(r"\[\[((?:[^\[\]\n]++|\[(?!\[)|\](?!\])|\n(?![ \t]*\n))*+)\]\](\p{Ll}*+)")
_EXTERNAL = regex.compile(
    r"\[(?:https?:|ftps?:|mailto:|irc:|ircs:|news:|gopher:|//)[^\s\[\]<>\"]*+(?:[ \t]++([^\]\n]*+))?\]",
    regex.IGNORECASE,
)
_PARENTHETICAL = regex.compile(r"\s*\([^()]*\)\s*$")
_THUMB = frozenset(
    {"thumb", "thumbnail", "frame", "framed", "mini", "miniatur", "vignette", "мини", "миниатюра"}
)
MEDIA = -2


def read_links(text: str, col: Collector) -> str:
    """Replace every ``[[…]]`` and ``[url words]`` in ``text`` by its words."""
    if "[[" in text:
        for _ in range(min(col.limits.max_depth, 8)):  # a link in a caption in a caption, at most
            text, count = _LINK.subn(lambda m: _link(m, col), text)
            if not count or "[[" not in text:
                break
    if "[" in text:
        text = _EXTERNAL.sub(lambda m: m.group(1) or "", text)
    return text


def _link(match: regex.Match[str], col: Collector) -> str:
    inner, trail = match.group(1), match.group(2)
    target, pipe, label = inner.partition("|")
    target = target.strip()
    if "\n" in target:  # not a link: MediaWiki shows it as typed
        return match.group()
    visible = target.startswith(":")
    if visible:
        target = target[1:].strip()
    if not target:
        return label + trail
    prefix, colon, rest = target.partition(":")
    ns = col.context.namespaces.number(prefix) if colon else None
    if ns == CATEGORY and not visible:
        name = title_text(rest.split("#")[0])
        if name:
            col.categories.append(name[:1].upper() + name[1:])
        return trail
    if ns == FILE and not visible:
        return _file(match, rest, inner, col) + trail
    if ns == MEDIA:
        return (label if pipe and label.strip() else rest) + trail
    if colon and ns is None and not visible:
        code = prefix.strip().lower()
        if not pipe and LANGUAGE_PREFIX.match(code):
            return trail  # interlanguage link: shown beside the page, not in it
        if code in INTERWIKI:
            return (label if pipe and label.strip() else rest) + trail
    words = label if pipe and label.strip() else _pipe_trick(target) if pipe else target
    words += trail
    col.links.append(Link(text=_plain_words(words, col), target=_canonical(target)))
    return words


def _pipe_trick(target: str) -> str:
    """``[[Paris (band)|]]`` shows *Paris*; ``[[Help:Contents|]]`` shows *Contents*."""
    name = target.partition(":")[2] or target
    return _PARENTHETICAL.sub("", name).strip() or name


@lru_cache(maxsize=65536)
def _canonical(target: str) -> str:
    if "&" in target:
        target = html.unescape(target)
    page, hash_, anchor = target.partition("#")
    page = title_text(page)
    page = page[:1].upper() + page[1:]
    return f"{page}#{anchor.strip()}" if hash_ else page


def _plain_words(words: str, col: Collector) -> str:
    """The words of a link as they read (no emphasis, tags or entities)."""
    if "''" in words:
        words = QUOTE_RUN.sub("", words)
    if "<" in words:
        words = strip_tags(words)
    if "&" in words:
        words = html.unescape(words)
    return " ".join(col.plain(words).split())


def _file(match: regex.Match[str], name: str, inner: str, col: Collector) -> str:
    options = [o.strip() for o in split_pipes(inner)[1:]]
    caption = next(
        (o for o in reversed(options) if o and o.lower() not in FILE_OPTIONS and not FILE_OPTION.match(o)), ""
    )
    thumb = any(o.lower() in _THUMB for o in options)
    if thumb and caption and "file" not in col.rules:
        if at_line(match.string, match.start(), match.end()):
            return col.block(Paragraph(text=caption))
        return caption
    col.drop("file", f"{title_text(name)}: {caption}" if caption else title_text(name))
    return ""
