"""Format artefacts inside lines, undone before any rule reads them.

* Markdown scrapes: inline syntax becomes the words a reader saw (:mod:`.markdown`); images
  and page-chrome links are reported under the ``image`` and ``page-tools`` rules, category
  links become categories.
* html2text renderings: link text is underlined with underscores ("Newton's_laws"); they
  become spaces again, one for one, so line lengths (and hence the wrap test) are unchanged.
* Leaked code and chrome glued inside kept text are cut out (``leaked-code``, ``fandom-chrome``).
"""

from __future__ import annotations

import html

import attrs
import regex

from ..records import Link
from ..rules import vocab
from .lines import Line
from .markdown import convert
from .profile import Profile
from .state import ReadState, norm

Numbered = tuple[int, str]
LineLinks = dict[int, tuple[Link, ...]]
"""Wiki links found on each line, by line number."""

_EMPTY_ITEM = regex.compile(r"^\s*+(?:[-*+•]|\d{1,3}[.)])?\s*+$")  # possessive: linear on blank runs
_INLINE_CUTS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("leaked-code", regex.compile("|".join(vocab.LEAKED_CODE))),
    ("fandom-chrome", regex.compile("|".join(vocab.FANDOM_CHROME_INLINE), regex.IGNORECASE)),
)


def surface(raw_lines: list[str], profile: Profile, state: ReadState) -> tuple[list[Numbered], LineLinks]:
    """Numbered lines with their format artefacts undone, and the wiki links of each line."""
    out: list[Numbered] = []
    links: LineLinks = {}
    for number, raw in enumerate(raw_lines, 1):
        line = _underscores(raw) if profile.html2text and "_" in raw else raw
        if profile.markdown:
            line = _markdown(line, number, state, links)
        out.append((number, line))
    return out, links


_URL = regex.compile(r"https?://\S+")


def _underscores(line: str) -> str:
    """html2text's underlined link spaces back to spaces, outside URLs (same length)."""
    out: list[str] = []
    pos = 0
    for match in _URL.finditer(line):
        out.extend([line[pos : match.start()].replace("_", " "), match.group()])
        pos = match.end()
    out.append(line[pos:].replace("_", " "))
    return "".join(out)


def _markdown(raw: str, number: int, state: ReadState, links: LineLinks) -> str:
    inline = convert(raw, images=state.active("image"), chrome=state.active("page-tools"))
    for image in inline.images:
        state.drop("image", image, number)
    if inline.chrome:
        state.drop("page-tools", " ".join(inline.chrome), number)
    if inline.page_url and state.url is None:
        state.url = inline.page_url
    if inline.categories and state.active("category-bar"):
        state.categories.extend(inline.categories)
        state.drop("category-bar", norm(raw), number)
        return ""
    if inline.links:
        links[number] = inline.links
    if _EMPTY_ITEM.match(inline.text) and raw.strip():
        return ""
    return inline.text


_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")


def decode_entities(lines: list[Line]) -> list[Line]:
    """Character references a renderer left undecoded (html2text keeps those of MathML text).

    Run after wrapped lines are joined: decoding shortens lines, which the wrap test measures.
    """
    out = []
    for line in lines:
        if "&" in line.text and _ENTITY.search(line.text):
            line = attrs.evolve(line, text=_ENTITY.sub(lambda m: html.unescape(m.group()), line.text))
        out.append(line)
    return out


def cut_inline(lines: list[Line], state: ReadState) -> list[Line]:
    """Cut leaked code and glued chrome out of kept lines; a line left empty becomes blank."""
    out: list[Line] = []
    for line in lines:
        text = line.text
        for rule, pattern in _INLINE_CUTS:
            if state.active(rule) and pattern.search(text):
                for match in pattern.finditer(text):
                    state.drop(rule, match.group(), line.number)
                text = pattern.sub(" ", text).strip()
        if text == line.text:
            out.append(line)
        elif text:
            out.append(attrs.evolve(line, text=text))
        else:
            out.append(attrs.evolve(line, kind="blank", text=""))
    return out
