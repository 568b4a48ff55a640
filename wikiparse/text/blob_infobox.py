"""The start of a flattened page: an infobox run together with the lead → label and value lines.

"Jon Flint Status Alive Profession Detective … Portrayed By Hector Elizondo Det. Jon Flint is …"
holds the box's title, then labels from :data:`vocab.INFOBOX_LABELS` each followed by its value,
then the lead. Values between two labels are certain; the last value runs into the lead, and
is cut from it only on evidence:

* a quotation that opens the lead (Fandom's quote template: '" I got a wife … "');
* a rank or title that opens the lead's subject ('… Judge Reinhold Lieutenant William …');
* the box's title repeated as the subject ('… Frank Pesce Carlotta is a character …');
* for a person label (portrayed, voiced, played by), a two-word name ('… John Ashton …').

Without such evidence the last label stays in the lead's text, so nothing is cut wrongly.
"""

from __future__ import annotations

import itertools

import regex

from ..rules import vocab

_LABELS = sorted(vocab.INFOBOX_LABELS, key=len, reverse=True)
_LABEL = regex.compile(r"(?<!\S)(?:" + "|".join(regex.escape(x) for x in _LABELS) + r")(?!\S)")
_COPULA = regex.compile(r"\s(?:is|was|are|were)\s")
_OPEN_QUOTE = regex.compile(r"(?:^|\s)[\"“]\s")
_HONORIFICS = frozenset(vocab.HONORIFICS)
_PERSON_LABEL = regex.compile(r"^(?:portrayed|played|voiced)\b|^actor", regex.IGNORECASE)
_INITIAL = regex.compile(r"^\p{Lu}\.$")
# The box's title comes first: at most this many words before the first label.
_TITLE_WORDS = 8
_MIN_LABELS = 2
# "The" starting a sentence's subject in the middle of a run of words: the run before it was a caption.
_ARTICLE = regex.compile(r"(?<=\S)\s(?=(?:The|A|An)\s\p{Lu})")
_STOP = regex.compile(r"[.!?:;]\s|[.!?]$")


def split_infobox(head: str) -> tuple[list[str], str]:
    """Lines for the box (title, then label and value lines) and the lead's text after it."""
    copula = _COPULA.search(head)
    region_end = copula.start() if copula else len(head)
    quote = _OPEN_QUOTE.search(head, 0, region_end)
    if quote is not None:
        region_end = quote.start()
    labels = [m for m in _LABEL.finditer(head, 0, region_end) if m.group()[:1].isupper()]
    if len(labels) < _MIN_LABELS or len(head[: labels[0].start()].split()) > _TITLE_WORDS:
        return _caption(head, region_end if copula else 0)
    title = head[: labels[0].start()].strip()
    pairs = [(m.group(), head[m.end() : nxt.start()].strip()) for m, nxt in itertools.pairwise(labels)]
    if any(not value for _, value in pairs):
        return [], head
    last = labels[-1]
    tail = head[last.end() : region_end].strip()
    value, subject = (tail, "") if quote is not None else _split_last(last.group(), tail, title)
    if value:
        pairs.append((last.group(), value))
        lead = (subject + head[region_end:]).strip()
    else:
        lead = head[last.start() :].strip()
    lines = [title] if title else []
    for label, text in pairs:
        lines.extend([label, text])
    return lines, lead


def _caption(head: str, copula: int) -> tuple[list[str], str]:
    """A box title or caption run into the lead ("S&W 639 The Smith and Wesson … was") apart from it."""
    opener = None
    for match in _ARTICLE.finditer(head, 0, copula):
        opener = match
    if opener is None:
        return [], head
    before = head[: opener.start()]
    if _STOP.search(before) or len(before.split()) > _TITLE_WORDS:
        return [], head
    return [before.strip(), ""], head[opener.start() :].strip()


def _split_last(label: str, tail: str, title: str) -> tuple[str, str]:
    """The last value and the lead subject it ran into; ``("", "")`` when unsure."""
    words = tail.split()
    if len(words) < 2:
        return "", ""
    ranks = [k for k in range(1, len(words)) if words[k] in _HONORIFICS]
    if ranks:
        return _at(words, ranks[-1])
    title_words = title.split()
    name = _name_size(label, words)
    if name and (not title_words or words[-1] == title_words[-1]):
        return _at(words, name)
    n = len(title_words)
    if title_words and n < len(words) and words[-n:] == title_words:
        return _at(words, len(words) - n)
    return "", ""


def _name_size(label: str, words: list[str]) -> int | None:
    """Words of a person's name after a "portrayed by" label (two, three with an initial)."""
    if not _PERSON_LABEL.match(label):
        return None
    size = 3 if len(words) > 3 and _INITIAL.match(words[1]) else 2
    return size if size < len(words) else None


def _at(words: list[str], k: int) -> tuple[str, str]:
    return " ".join(words[:k]), " ".join(words[k:])
