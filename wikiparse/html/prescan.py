"""A look at the start tags before libxml2 builds anything: the limits that must hold before parsing.

Two things cost more inside the parser than the page is worth, and cannot be stopped once it runs:

* **elements**: the lxml tree costs about 300 bytes per element and the soup of the content region
  about 1.5 KB, so a page of a million tiny elements needs gigabytes; the start tags are counted
  here against ``Limits.max_nodes`` (the exact element count is checked again after parsing);
* **attributes**: libxml2 compares each attribute of a start tag with all those before it, so one
  tag with 40,000 attributes takes seconds and one with 200,000 takes minutes.  No real element
  has more than a few dozen, so a tag with more than :data:`MAX_ATTRIBUTES` is refused.

The scan is one pass of a linear pattern that reads a start tag as HTML5 (and libxml2 2.14) does: a
quote opens a value only after ``=``, a quoted value may hold ``>``, an unterminated one runs to the
end.  Matches never overlap, so no character is read twice.

>>> check_tags('<p class="a">x</p><br>', Limits())
>>> check_tags("<div " + " ".join(f"a{i}" for i in range(300)) + ">", Limits())  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
wikiparse.errors.LimitExceeded: a start tag with 300 attributes exceeds the limit of 256; no option ...
"""

from __future__ import annotations

import re

from ..errors import LimitExceeded
from ..options import Limits

MAX_ATTRIBUTES = 256
"""Most attributes in one start tag (real elements have under 50; the parser's cost is quadratic)."""

# The standard library engine, which is faster than ``regex`` here.  The pattern is linear: its
# alternatives start with different characters and nothing follows the repetition, so nothing is
# ever retried.  The repetition is bounded, and a long tag is read in several matches: the engine
# keeps state for every repetition of a group within one match (100 MB for 100,000 attributes).
_PIECES = r"""(?:[^>=]+|=\s*(?:"[^"]*(?:"|\Z)|'[^']*(?:'|\Z))?){0,64}"""
_START_TAG = re.compile(rf"<([A-Za-z][^\s/>]*){_PIECES}")
_TAG_REST = re.compile(_PIECES)
_ATTRIBUTE = re.compile(r"""[^\s/>=]+(?:\s*=\s*(?:"[^"]*"?|'[^']*'?|[^\s>]*))?""")
# Script and style content is text to the parser, however many "<" it holds.
_RAW_END = {name: re.compile(rf"</{name}", re.IGNORECASE) for name in ("script", "style")}
# A tag shorter than this cannot hold MAX_ATTRIBUTES attributes (each takes a space and a name).
_SHORT = 2 * MAX_ATTRIBUTES


def check_tags(text: str, limits: Limits) -> None:
    """Raise ``LimitExceeded`` for more start tags than ``max_nodes`` or a tag with too many attributes."""
    count = 0
    pos = 0
    while (match := _START_TAG.search(text, pos)) is not None:
        count += 1
        if count > limits.max_nodes:
            raise LimitExceeded("the page's number of start tags", limits.max_nodes, "max_nodes")
        start, pos = match.span()
        while pos < len(text) and text[pos] != ">":  # the tag goes on past 64 pieces
            rest = _TAG_REST.match(text, pos)
            pos = rest.end() if rest is not None and rest.end() > pos else len(text)
        if pos - start > _SHORT:
            attributes = sum(1 for _ in _ATTRIBUTE.finditer(text, start + 1, pos)) - 1  # less the tag name
            if attributes > MAX_ATTRIBUTES:
                raise LimitExceeded(f"a start tag with {attributes:,} attributes", MAX_ATTRIBUTES, None)
        raw_end = _RAW_END.get(match[1].lower())
        if raw_end is not None:
            end = raw_end.search(text, pos)
            pos = end.end() if end is not None else len(text)
