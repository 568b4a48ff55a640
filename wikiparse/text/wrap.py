"""Undo hard wrapping: text renderers (html2text) break prose at a fixed column.

A renderer fills each line greedily, so a break is a wrap exactly when the next line's first
word would not have fitted on the line before it; when it would have fitted, the break was the
end of a paragraph. That test needs no blank lines (html2text prints none between paragraphs).
Indented lines under a paragraph or list item continue it (html2text indents continuations of
items, and displayed formulas inside a paragraph).

>>> from wikiparse.text.lines import classify
>>> rows = ["A wrapped line that goes on and on until it", "reaches the end.", "Next paragraph."]
>>> [x.text for x in join_wrapped([classify(r, n) for n, r in enumerate(rows, 1)], 44)]
['A wrapped line that goes on and on until it reaches the end.', 'Next paragraph.']
"""

from __future__ import annotations

import attrs
import regex

from .lines import Line

_FIRST_TOKEN = regex.compile(r"^\S+")
_HYPHEN_END = regex.compile(r"[\p{L}\p{N}]-$")
_CONTINUATION_INDENT = 3
# Wikipedia bibliography entries: "Surname, Given (2006). Title…". html2text drops the bullet of
# all but the first entry of some reference lists; an entry of this shape right after a list of
# such entries is one more of them (enwiki "Further reading", "Bibliography", 2019 scrapes).
_CITATION = regex.compile(r"^[\p{Lu}][^\s,()]{0,40}(?:\s[^\s,()]{1,40}){0,3},\s[^()]{1,120}\(\d{4}[a-z]?\)\.")


def join_wrapped(lines: list[Line], width: int) -> list[Line]:
    """Merge the lines of each wrapped paragraph or list item into one line."""
    out: list[Line] = []
    pieces: list[list[str]] = []  # the text of each output line, joined once at the end
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and _continues(prev, line, width):
            out[-1] = attrs.evolve(prev, raw=line.raw)
            if _HYPHEN_END.search(pieces[-1][-1]):
                pieces[-1][-1] += line.text
            else:
                pieces[-1].append(line.text)
            continue
        out.append(line)
        pieces.append([line.text])
    joined = [
        attrs.evolve(x, text=" ".join(p)) if len(p) > 1 else x for x, p in zip(out, pieces, strict=True)
    ]
    return _adopt_citations(joined)


def _continues(prev: Line, line: Line, width: int) -> bool:
    if line.kind != "text" or prev.kind not in ("text", "bullet"):
        return False
    if line.indent >= _CONTINUATION_INDENT:
        return prev.kind == "text" or line.indent >= prev.indent
    if prev.kind == "bullet" or prev.indent:
        return False
    token = _FIRST_TOKEN.match(line.text)
    return token is not None and len(prev.raw.rstrip()) + 1 + len(token.group()) > width


def _adopt_citations(lines: list[Line]) -> list[Line]:
    """A citation paragraph directly after a list of citations is an item that lost its bullet."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "bullet"
            and line.kind == "text"
            and _CITATION.match(prev.text)
            and _CITATION.match(line.text)
        ):
            line = attrs.evolve(line, kind="bullet", indent=prev.indent, ordered=prev.ordered)
        out.append(line)
    return out
