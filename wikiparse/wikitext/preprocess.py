"""The first stage: what MediaWiki strips before templates are expanded.

Comments go; extension tags are taken out whole — ``<ref>`` footnotes (dropped with a
``reference`` removal, so they can never be glued into a sentence), ``<nowiki>`` text (kept
literally, safe from later stages), ``<pre>``/``<syntaxhighlight>`` (code blocks),
``<gallery>`` (file captions, rule ``file``) and content that is not prose such as ``<math>``
or ``<timeline>`` (rule ``extension-tag``); behaviour switches such as ``__NOTOC__`` vanish.
"""

from __future__ import annotations

import html
from collections import deque
from collections.abc import Callable

import regex

from ..records import Code
from .collect import Collector
from .vocab import CODE_TAGS, DISAMBIGUATION_SWITCH, DROPPED_TAGS, EXTENSION_TAGS, MAGIC_SWITCH

_RAW_MARKERS = regex.compile(r"[\x02-\x07]")
_COMMENT = regex.compile(r"<!--.*?(?:-->|\Z)", regex.DOTALL)
_EXTENSION = regex.compile(rf"<(/?)({EXTENSION_TAGS})\b([^<>]*?)(/?)\s*>", regex.IGNORECASE)
_TABBER = regex.compile(r"<(/?)(tabber)\b([^<>]*?)(/?)\s*>", regex.IGNORECASE)
_TAB_TITLE = regex.compile(r"^\s*([^=\n]{1,80})=", regex.DOTALL)
_UNCLOSED_REF = regex.compile(r"<ref\b[^<>]*>", regex.IGNORECASE)
_GALLERY_LINE = regex.compile(r"^[^|\n]*\|?(.*)$", regex.MULTILINE)
_TRAILING_SPACE = regex.compile(r"[ \t]*(?:\n|\Z)")


def at_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` fills its line(s): only blanks around it on its first and last line.

    Looks back only over blanks, so the cost does not grow with the length of the line.
    """
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i >= 0 and text[i] != "\n":
        return False
    return _TRAILING_SPACE.match(text, end) is not None


def preprocess(text: str, col: Collector) -> str:
    """Strip comments, extension tags and behaviour switches; return the remaining wikitext."""
    text = _RAW_MARKERS.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<!--" in text:
        text = _COMMENT.sub("", text)
    if "<" in text:
        text = pair_tags(text, _EXTENSION, lambda name, body, at: _extension(name, body, at, col))
        if "<tabber" in text:
            text = pair_tags(text, _TABBER, lambda _name, body, _at: _tabs(body or ""))
        if "<ref" in text or "<REF" in text:
            # An unclosed <ref …> would show its attributes literally; its text stays as prose.
            text = _UNCLOSED_REF.sub("", text)
    if "__" in text:
        if DISAMBIGUATION_SWITCH in text:
            col.disambiguation = True
        text = MAGIC_SWITCH.sub("", text)
    return text


Element = Callable[[str, "str | None", bool], str]
"""``(tag name, body or None when self-closing, whether it fills its lines) -> replacement``."""


def pair_tags(text: str, tags: regex.Pattern[str], element: Element) -> str:
    """Replace each ``<tag …>body</tag>`` (or ``<tag/>``) found by ``tags`` with ``element``'s result.

    Opening and closing tags are paired in one left-to-right walk, each opening with the
    first closing tag of its name after it, so many unclosed tags cost linear time (a lazy
    ``<ref>.*?</ref>`` would rescan the rest of the page for each of them).  An opening tag
    without a closing one is left as typed; tags inside a replaced element are skipped.
    """
    tokens = list(tags.finditer(text))
    if not tokens:
        return text
    closers: dict[str, deque[regex.Match[str]]] = {}
    for token in tokens:
        if token.group(1):
            closers.setdefault(token.group(2).lower(), deque()).append(token)
    out: list[str] = []
    pos = 0
    for token in tokens:
        if token.group(1) or token.start() < pos:
            continue
        name = token.group(2).lower()
        if token.group(4):  # <tag … />
            out.append(text[pos : token.start()])
            out.append(element(name, None, False))
            pos = token.end()
            continue
        waiting = closers.get(name)
        while waiting and waiting[0].start() < token.end():
            waiting.popleft()
        if not waiting:
            continue
        close = waiting.popleft()
        out.append(text[pos : token.start()])
        body = text[token.end() : close.start()]
        out.append(element(name, body, at_line(text, token.start(), close.end())))
        pos = close.end()
    out.append(text[pos:])
    return "".join(out)


def _tabs(body: str) -> str:
    """Fandom's ``<tabber>Tab=text|-|Other tab=text</tabber>``: each tab's title, then its text."""
    out = []
    for tab in body.split("|-|"):
        title = _TAB_TITLE.match(tab)
        if title:
            out.append(f"\n\n{title.group(1).strip()}\n\n{tab[title.end() :].strip()}\n\n")
        else:
            out.append(f"\n\n{tab.strip()}\n\n")
    return "".join(out)


def _extension(name: str, body: str | None, at: bool, col: Collector) -> str:
    if body is None or name == "includeonly":
        return ""
    if name in ("ref", "references"):
        if body.strip():
            col.drop("reference", body)
        return ""
    if name == "nowiki":
        return col.literal(html.unescape(body))
    if name in CODE_TAGS:
        code = html.unescape(body).strip("\n")
        if at:
            return col.block(Code(text=code))
        return col.literal(code)
    if name == "gallery":
        captions = [c.strip() for c in _GALLERY_LINE.findall(body) if c.strip()]
        col.drop("file", "gallery: " + " / ".join(captions) if captions else "gallery")
        return ""
    if name in DROPPED_TAGS and body.strip():
        col.drop("extension-tag", f"<{name}>{body}</{name}>")
    return ""
