"""A flattened infobox at the top of a text scrape → label/value pairs.

Copies of Fandom pages print the infobox above the lead, one cell per line: a label line and
its value line ("Air date" / "May 22, 2011"), a label and value on one line ("Season 1"), or
a row of labels whose values follow in the same order ("Previous" / "Next", then two titles).
Labels are recognised from a vocabulary of common infobox labels (:data:`vocab.INFOBOX_LABELS`)
so that prose is never mistaken for a field; without two such labels above the lead there is
no infobox and the lines stay text.
"""

from __future__ import annotations

from collections import deque

import attrs
import regex

from ..records import Infobox, InfoboxField
from ..rules import vocab
from .lines import Line
from .shapes import is_hatnote, is_prose, is_short, unquote
from .state import ReadState, norm

_LABELS = sorted(vocab.INFOBOX_LABELS, key=len, reverse=True)
_LABEL = regex.compile(
    r"^(?P<label>" + "|".join(regex.escape(x) for x in _LABELS) + r")(?:\s+(?P<rest>\S.*))?$",
    regex.IGNORECASE,
)
_HEADER = regex.compile("|".join(vocab.INFOBOX_HEADERS) + r"\Z", regex.IGNORECASE)
# A value on the label's own line is short ("Season 1", "Episode 6").
_INLINE_VALUE_WORDS = 3
_MIN_FIELDS = 2
_TITLE_SPAN = 2  # lines above the first label that may hold the title (title, then a caption)


def label_of(text: str) -> tuple[str, str | None] | None:
    """``(label, value on the same line or None)`` when a line starts with a known label."""
    text = norm(text)
    match = _LABEL.match(text)
    if match is None or not text[:1].isupper():
        return None
    rest = match["rest"]
    if rest is not None and len(rest.split()) > _INLINE_VALUE_WORDS:
        return None
    return match["label"], rest


def first_label(lines: list[Line]) -> int | None:
    """Index of the first label line above the lead (the end of where a title line may stand)."""
    for k in range(_region_end(lines)):
        if lines[k].kind == "text" and label_of(lines[k].text):
            return k
    return None


def _region_end(lines: list[Line]) -> int:
    for k, line in enumerate(lines):
        if line.kind == "heading" or (
            line.kind == "text" and is_prose(line.text) and not is_hatnote(line.text)
        ):
            return k
    return len(lines)


@attrs.define
class _Reading:
    fields: list[tuple[str, str]] = attrs.Factory(list)
    pending: deque[str] = attrs.Factory(deque)
    used: set[int] = attrs.Factory(set)
    last_value: int | None = None


def read_infobox(lines: list[Line], state: ReadState, *, title: str | None = None) -> list[Line]:
    """Take the infobox lines out of ``lines`` into ``state.infoboxes``; return the rest.

    ``title`` is the box's title when the caller already took its line (the page title line).
    """
    start = first_label(lines)
    if start is None:
        return lines
    end = _region_end(lines)
    reading = _Reading()
    for k in range(start, end):
        if not _take(lines, k, reading, state):
            break
    if len(reading.fields) < _MIN_FIELDS:
        return lines
    title_at = None if title is not None else _title_line(lines, start)
    if title_at is not None:
        title = unquote(lines[title_at].text)
        reading.used.add(title_at)
    fields = tuple(InfoboxField(label=label, value=unquote(value)) for label, value in reading.fields)
    state.infoboxes.append(Infobox(title=title, fields=fields))
    for k in sorted(reading.used):
        if _HEADER.match(norm(lines[k].text)):
            state.drop("infobox-header", lines[k].text, lines[k].number)
    return [line for k, line in enumerate(lines) if k not in reading.used]


def _take(lines: list[Line], k: int, reading: _Reading, state: ReadState) -> bool:
    """Read line ``k`` into the infobox; False when the line ends it."""
    line = lines[k]
    if line.kind == "blank":
        return True
    if line.kind != "text":
        return False
    if _HEADER.match(norm(line.text)):
        if state.active("infobox-header"):  # else the header stays in the text, the box goes on
            reading.used.add(k)
        return True
    label = label_of(line.text)
    if label is not None and label[1] is None:
        reading.pending.append(label[0])
    elif label is not None and label[1] is not None and not reading.pending:
        reading.fields.append((label[0], label[1]))
    elif reading.pending:
        reading.fields.append((reading.pending.popleft(), line.text))
        reading.last_value = k
    elif reading.last_value == k - 1 and is_short(line.text):
        label_text, value = reading.fields[-1]
        reading.fields[-1] = (label_text, f"{value} {line.text}")
        reading.last_value = k
    else:
        return False
    reading.used.add(k)
    return True


def _title_line(lines: list[Line], start: int) -> int | None:
    """The box's title: the first of the short lines just above the first label.

    A box prints its title, then an image caption, then its fields; when both survive, the
    caption stays text.
    """
    found = None
    seen = 0
    for k in range(start - 1, -1, -1):
        line = lines[k]
        if line.kind == "blank":
            continue
        if line.kind != "text" or not is_short(line.text) or is_hatnote(line.text) or seen == _TITLE_SPAN:
            break
        found = k
        seen += 1
    return found
