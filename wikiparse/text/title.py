"""The page title of a text scrape, from the strongest evidence it has.

1. a level-1 heading (``# Title``, ``****** Title ******``, a ``===`` underline) before any other heading;
2. a short line above the lead that the lead's first sentence names (``"A Golden Crown"`` …
   ``"A Golden Crown" is the sixth episode``; the quotes of an episode title are dropped);
3. the URL's title, when the caller knows the URL (:func:`wikiparse.titles.title_from_url`);
4. the subject of the lead's first sentence ("Red Heat is a 1988 … film").

The third is better evidence than the fourth: a lead often names its subject with a rank or a
full name ('Lieutenant William "Billy" Rosewood is …') that is not the page's title.
"""

from __future__ import annotations

import attrs
import regex

from ..titles import title_from_url
from .lines import Line
from .shapes import is_hatnote, is_prose, is_short, unquote

_SUBJECT = regex.compile(
    r"[\"“']?(?P<subject>[^\s\"“”'][^\n]{0,80}?)[\"”']?\s+"
    r"(?:is|was|are|were|refers to|may refer to)\s+(?:a|an|the|one)\b",
    regex.V1,
)
_SUBJECT_WORDS = 8
_MID_ARTICLE = regex.compile(r"(?<=[^\s.!?:;])\s(?=(?:The|A|An)\s\p{Lu})")


@attrs.frozen
class Title:
    """The title found, and the index of the line that only showed it (to be consumed)."""

    text: str | None
    line: int | None = None


def find_title(lines: list[Line], url: str | None, *, before: int | None = None) -> Title:
    """The title of the page; ``before`` bounds where a title line may stand (an infobox's first label)."""
    for k, line in enumerate(lines):
        if line.kind == "heading" and line.level == 1:
            return Title(line.text, k)
        if line.kind == "heading":
            break
    lead = lead_index(lines)
    if lead is None:
        return Title(title_from_url(url))
    sentence = _first_sentence(unquote_start(lines[lead].text)).casefold()
    for k in range(min(lead, before if before is not None else lead)):
        line = lines[k]
        candidate = unquote(line.text)
        if line.kind == "text" and is_short(line.text) and _names(sentence, candidate.casefold()):
            return Title(candidate, k)
    from_url = title_from_url(url)
    if from_url:
        return Title(from_url)
    return Title(_subject(lines[lead].text))


def _subject(text: str) -> str | None:
    """The subject of the first sentence that has the shape "X is a …" (captions may precede it)."""
    start = 0
    for _ in range(3):
        match = _SUBJECT.match(text, start)
        sentence = _SENTENCE_END.search(text, start)
        if match and (sentence is None or match.end("subject") <= sentence.start()):
            # "S&W 639 The Smith and Wesson Model 39 was …": a caption ran into the subject.
            subject = _MID_ARTICLE.split(match["subject"].strip())[-1]
            return subject if len(subject.split()) <= _SUBJECT_WORDS else None
        if sentence is None:
            return None
        start = sentence.end()
    return None


def lead_index(lines: list[Line]) -> int | None:
    """Index of the first prose line before the first heading (hatnotes are not the lead)."""
    for k, line in enumerate(lines):
        if line.kind == "heading":
            return None
        if line.kind == "text" and is_prose(line.text) and not is_hatnote(line.text):
            return k
    return None


def unquote_start(text: str) -> str:
    """The text with quotation marks around its first words removed ('"X" is …' → 'X is …')."""
    return regex.sub(r"^[\"“'‘]([^\"“”'’]{1,200})[\"”'’]", r"\1", text.strip())


# A sentence ends at . ! ? — but not after an abbreviation or initial ("Det.", "Capt.", "J.").
_SENTENCE_END = regex.compile(r"(?<!(?:^|\s)\p{Lu}\p{Ll}{0,3})[.!?](?:\s|$)", regex.V1)


def _first_sentence(text: str) -> str:
    match = _SENTENCE_END.search(text)
    return text[: match.end()] if match else text


def _names(sentence: str, candidate: str) -> bool:
    if not candidate or len(candidate) < 2:
        return False
    return regex.search(rf"(?<!\w){regex.escape(candidate)}(?!\w)", sentence) is not None
