"""The first stage: what MediaWiki strips before templates are expanded.

Comments go; extension tags are taken out whole — ``<ref>`` footnotes (dropped with a
``reference`` removal, so they can never be glued into a sentence), ``<nowiki>`` text (kept
literally, safe from later stages), ``<pre>``/``<syntaxhighlight>`` (code blocks),
``<gallery>`` (file captions, rule ``file``) and content that is not prose such as ``<math>``
or ``<timeline>`` (rule ``extension-tag``); behaviour switches such as ``__NOTOC__`` vanish.
"""

from __future__ import annotations

import html

import regex

from ..records import Code
from .collect import Collector
from .vocab import CODE_TAGS, DISAMBIGUATION_SWITCH, DROPPED_TAGS, EXTENSION_TAGS, MAGIC_SWITCH

_RAW_MARKERS = regex.compile(r"[\x02-\x07]")
_COMMENT = regex.compile(r"<!--.*?(?:-->|\Z)", regex.DOTALL)
_EXTENSION = regex.compile(
    rf"<(?P<name>{EXTENSION_TAGS})\b(?P<attrs>[^<>]*?)(?:/>|>(?P<body>.*?)</(?P=name)\s*>)",
    regex.IGNORECASE | regex.DOTALL,
)
_TABBER = regex.compile(r"<tabber\b[^<>]*>(.*?)</tabber\s*>", regex.IGNORECASE | regex.DOTALL)
_TAB_TITLE = regex.compile(r"^\s*([^=\n]{1,80})=", regex.DOTALL)
_UNCLOSED_REF = regex.compile(r"<ref\b[^<>]*>", regex.IGNORECASE)
_GALLERY_LINE = regex.compile(r"^[^|\n]*\|?(.*)$", regex.MULTILINE)
_TRAILING_SPACE = regex.compile(r"[ \t]*(?:\n|\Z)")


def at_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` fills its line(s): only blanks after it on its last line."""
    before = text.rfind("\n", 0, start)
    if text[before + 1 : start].strip():
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
        text = _EXTENSION.sub(lambda m: _extension(m, col), text)
        if "<tabber" in text:
            text = _TABBER.sub(lambda m: _tabs(m.group(1)), text)
        if "<ref" in text or "<REF" in text:
            # An unclosed <ref …> would show its attributes literally; its text stays as prose.
            text = _UNCLOSED_REF.sub("", text)
    if "__" in text:
        if DISAMBIGUATION_SWITCH in text:
            col.disambiguation = True
        text = MAGIC_SWITCH.sub("", text)
    return text


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


def _extension(match: regex.Match[str], col: Collector) -> str:
    name = match.group("name").lower()
    body = match.group("body")
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
        if at_line(match.string, match.start(), match.end()):
            return col.block(Code(text=code))
        return col.literal(code)
    if name == "gallery":
        captions = [c.strip() for c in _GALLERY_LINE.findall(body) if c.strip()]
        col.drop("file", "gallery: " + " / ".join(captions) if captions else "gallery")
        return ""
    if name in DROPPED_TAGS and body.strip():
        col.drop("extension-tag", f"<{name}>{body}</{name}>")
    return ""
