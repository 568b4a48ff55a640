"""A page flattened into one run of text → the lines a text copy of it would have had.

Some scrapers keep only the visible text of a page, joined with spaces into a single line:
the infobox run together at the start, the TOC as "Contents 1 Biography 1 Biography 1.1 …",
each heading followed by what is left of its edit link ("[ ]"), and MediaWiki's "NewPP limit
report" at the end. This module cuts such a line back into lines — infobox label and value
lines, the lead, "Heading [ ]" lines, one paragraph per section, quotes — so the ordinary
passes (edit markers, infobox, blocks) read it like any text copy. The TOC and the debug
report are dropped here, under their rules, because only here are their ends known.
"""

from __future__ import annotations

import regex

from ..rules import vocab
from .blob_infobox import split_infobox
from .state import ReadState, key, norm

_MIN_BLOB = 300
_EDIT = "|".join(vocab.EDIT_WORDS)
_MARKER = regex.compile(rf"\s?\[\s*(?:{_EDIT})?\s*\](?=\s|$)", regex.IGNORECASE)
# The report's title, then one of its first keys: prose that mentions the report is not one.
_NEWPP = regex.compile(
    r"\bNewPP limit report\s+(?=(?:Parsed by|Cached time|Cache expiry|CPU time usage|Preprocessor)\b)"
)
_NEWPP_END = regex.compile(r"Rendering was triggered because:\s*\S+")
_TOC_START = regex.compile(rf"(?<!\S)(?:{'|'.join(vocab.TOC_TITLES)})\s+(?=1\s)", regex.IGNORECASE)
_NUMBER = r"\d{1,2}(?:\.\d{1,2}){0,4}"
# A TOC entry printed twice ("1.1 Early life 1.1 Early life"), as FandomDesktop's sticky and
# in-article TOCs both flatten into the text; or once.
_DOUBLED_ENTRY = regex.compile(
    rf"\G\s*(?P<num>{_NUMBER})\s(?P<title>\S.{{0,100}}?)\s(?P=num)\s(?P=title)(?=\s|$)"
)
_SINGLE_ENTRY = regex.compile(rf"\G\s*(?P<num>{_NUMBER})\s(?P<title>\S.{{0,100}}?)(?=\s{_NUMBER}\s|\s*$)")
_SENTENCE_END = regex.compile(r"[.!?][\"'”’)]*\s")
_QUOTE = regex.compile(
    r"[\"“]\s(?P<text>[^\"“”]{8,2000}?)\s[\"”]\s*―\s*(?P<cite>[^―\n]{1,300}?[.!?])(?=\s|$)", regex.V1
)
_SUFFIX_SPACE = regex.compile(r"(?<=\w) (?='s\b)")
_HEADING_WORDS = 10
_MIN_ENTRIES = 2
_COMMON_SECTIONS = sorted(vocab.COMMON_SECTIONS, key=len, reverse=True)
_TITLE_WORD = regex.compile(
    r"^(?:[\p{Lu}\d\"'(]|(?:and|of|the|in|on|for|to|a|an|at|by|with|from)$)", regex.V1
)


def is_blob(line: str) -> bool:
    """A line long enough to be a page, carrying the marks of one (edit remnants, TOC, report)."""
    if len(line) < _MIN_BLOB:
        return False
    return bool(_MARKER.search(line) or _NEWPP.search(line) or _TOC_START.search(line))


def unflatten(raw_lines: list[str], state: ReadState) -> list[str]:
    """The lines, with every flattened page among them cut back into lines."""
    if not any(is_blob(line) for line in raw_lines):
        return raw_lines
    out: list[str] = []
    at_start = True
    for raw in raw_lines:
        if is_blob(raw):
            out.extend(restore(raw, state, at_start=at_start))
        else:
            out.append(raw)
        at_start = at_start and not raw.strip()
    return out


def restore(blob: str, state: ReadState, *, at_start: bool) -> list[str]:
    """The lines of one flattened page; ``at_start`` when it opens the page (infobox, lead)."""
    text = _SUFFIX_SPACE.sub("", norm(blob))
    text = _cut_newpp(text, state)
    text, titles = _cut_toc(text, state)
    parts = _split_headings(text, titles)
    head = parts[0][2]
    box, lead = split_infobox(head) if at_start else ([], head)
    lines = [*box, *_prose(lead)]
    for heading, marker, body in parts[1:]:
        lines.extend(["", f"{heading} {marker}", *_prose(body)])
    return lines


def _cut_newpp(text: str, state: ReadState) -> str:
    match = _NEWPP.search(text)
    if match is None or not state.active("newpp-report"):
        return text
    end = _NEWPP_END.search(text, match.start())
    stop = end.end() if end else len(text)
    state.drop("newpp-report", text[match.start() : stop], 1)
    return (text[: match.start()] + " " + text[stop:]).strip()


def _cut_toc(text: str, state: ReadState) -> tuple[str, list[str]]:
    """The text without its TOC, and the TOC's titles in order (levels go to ``state.toc``)."""
    match = _TOC_START.search(text)
    if match is None or not state.active("toc"):
        return text, []
    entries, end = _toc_entries(text, match.end())
    if len(entries) < _MIN_ENTRIES or not _numbered_in_order([number for number, _ in entries]):
        return text, []
    for number, title in entries:
        state.toc.setdefault(key(title), 2 + number.count("."))
    state.drop("toc", text[match.start() : end], 1)
    return (text[: match.start()] + " " + text[end:]).strip(), [title for _, title in entries]


def _numbered_in_order(numbers: list[str]) -> bool:
    """1, 1.1, 1.2, 2, 2.1, 3 …: each number a first child, the next sibling, or an ancestor's next."""
    previous: list[int] = []
    for number in numbers:
        parts = [int(x) for x in number.split(".")]
        depth = len(parts) - 1
        expected_next = previous[: depth + 1]
        if depth < len(previous):
            expected_next = [*previous[:depth], previous[depth] + 1]
        elif depth == len(previous):
            expected_next = [*previous, 1]
        else:
            return False
        if parts != expected_next:
            return False
        previous = parts
    return True


def _toc_entries(text: str, start: int) -> tuple[list[tuple[str, str]], int]:
    entries: list[tuple[str, str]] = []
    pos = start
    for pattern in (_DOUBLED_ENTRY, _SINGLE_ENTRY):
        while (match := pattern.match(text, pos)) is not None:
            entries.append((match["num"], match["title"]))
            pos = match.end()
        if entries:
            break
    if entries and pattern is _SINGLE_ENTRY:
        pos = _single_toc_end(text, entries, pos)
    return entries, pos


def _single_toc_end(text: str, entries: list[tuple[str, str]], pos: int) -> int:
    """Without doubling, the last entry ends where the first heading of the article begins."""
    first = regex.escape(entries[0][1])
    match = regex.search(rf"\s{first}{_MARKER.pattern}", text[pos - len(entries[-1][1]) - 1 :], regex.I)
    if match is None:
        return pos
    return pos - len(entries[-1][1]) - 1 + match.start()


def _split_headings(text: str, titles: list[str]) -> list[tuple[str, str, str]]:
    """``[("", "", head text), (heading, marker, body), …]`` split at edit-link remnants."""
    known = sorted({key(t): t for t in titles}.values(), key=len, reverse=True)
    parts: list[tuple[str, str, str]] = []
    heading, marker, start = "", "", 0
    for match in _MARKER.finditer(text):
        before = text[start : match.start()]
        title = _heading_before(before, known)
        if title is None:
            continue
        parts.append((heading, marker, before[: len(before) - len(title)].strip()))
        heading, marker, start = title.strip(), match.group().strip(), match.end()
    parts.append((heading, marker, text[start:].strip()))
    return parts


def _heading_before(before: str, known: list[str]) -> str | None:
    """The heading that ends ``before`` (the text up to an edit remnant)."""
    stripped = before.rstrip()
    for title in known:
        if stripped.endswith(title) and (len(stripped) == len(title) or stripped[-len(title) - 1].isspace()):
            return title
    ends = list(_SENTENCE_END.finditer(stripped))
    tail = stripped[ends[-1].end() :] if ends else stripped
    words = tail.split()
    if not words:
        return None
    if len(words) <= _HEADING_WORDS:
        return " ".join(words)
    # No sentence end near: a list ran into the heading ("… Michigan Detroit Trivia [ ]").
    common = next((t for t in _COMMON_SECTIONS if tail.endswith(" " + t)), None)
    words = common.split() if common else _title_cased_tail(words)
    return " ".join(words) if words else None


def _title_cased_tail(words: list[str]) -> list[str]:
    """The last words that read as a title ("… Michigan Detroit Trivia" → "Trivia")."""
    tail: list[str] = []
    for word in reversed(words[-6:]):
        if not _TITLE_WORD.match(word):
            break
        tail.insert(0, word)
    while tail and not tail[0][:1].isupper():
        tail.pop(0)
    return tail[-1:] if len(tail) > 4 else tail


def _prose(text: str) -> list[str]:
    """A section's text as lines: quotes (with their "―Speaker") apart from the paragraphs."""
    lines: list[str] = []
    pos = 0
    for match in _QUOTE.finditer(text):
        lines.extend(["", text[pos : match.start()].strip()])
        lines.extend(["", f"> {match['text'].strip()}", f"―{match['cite'].strip()}"])
        pos = match.end()
    lines.extend(["", text[pos:].strip()])
    return [line for k, line in enumerate(lines) if line or (k and lines[k - 1])]
