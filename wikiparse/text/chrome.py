"""Boilerplate of a plain-text scrape: single lines and whole regions, each dropped by a named rule.

Single lines are judged by the active ``line`` rules (ad-blocker notice, "Sign in to edit"…).
Regions need the lines around them, so each has a small function that, given the index of a
line, says where the region it starts ends:

* ``page-header``: everything above the article's title (``# Title``), when it is chrome;
* ``toc``: a "Contents" line and the entries after it (their titles mark headings later);
* ``newpp-report``: MediaWiki's parser report, to its last line;
* ``category-bar``: a "Categories" label and the names after it (names are kept as categories);
* ``navbox``: a navigation box ("v t e" links, or rows of glued episode entries);
* ``page-footer``: from the licence line, "Retrieved from" or "Navigation menu" to the end.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..rules import vocab
from .lines import classify
from .shapes import is_prose
from .state import ReadState, key, norm

Numbered = tuple[int, str]
"""A line of the page with its 1-based number in the input."""

_SPECIAL = {"toc", "newpp-report", "edit-marker", "page-header", "page-footer", "category-bar", "navbox"}
_SPECIAL |= {"infobox-header"}  # judged only inside an infobox, by wikiparse.text.infobox
_DECORATION = regex.compile(
    r"^(?:#{1,6}\s+|\*{2,6}\s+(?=.*\s\*{2,6}$)|(?:[-*•·o+#]|\d{1,3}[.)])\s+)|\s+\*{2,6}$", regex.V1
)
_ACCESSED_FROM = regex.compile(r"accessed from (?P<url>https?://\S+)", regex.I)
_H1 = regex.compile(r"^(?:#\s+\S|\*{6}\s+\S.*\s\*{6}\s*$)")
_NEWPP_LINE = regex.compile("|".join(f"(?:{p})" for p in vocab.NEWPP_REPORT_LINE) + r"\Z", regex.I)
_TOC_ENTRY = regex.compile(
    r"^\s*(?:[-*•o#+·]\s*)?(?:\[)?(?P<num>\d{1,2}(?:\.\d{1,2}){0,5})\.?(?:\s+|_|(?=\p{L}))"
    r"(?P<title>[^\n]{1,150}?)(?:\]\([^)]{0,500}\))?\s*$",
    regex.V1,
)
_LABELS = "|".join((*vocab.HIDDEN_CATEGORY_LABELS, *vocab.CATEGORY_LABELS))
_CATEGORY_LINE = regex.compile(rf"^(?:{_LABELS})\s*:?\s*(?P<names>\S.*)?$", regex.I)
_HIDDEN = regex.compile("|".join(vocab.HIDDEN_CATEGORY_LABELS), regex.I)
_MORE = regex.compile("|".join(vocab.CATEGORY_MORE) + r"\Z", regex.I)
_NAME_SPLIT = regex.compile(r"\s*[|•·;]\s*|\s*,\s+")
_VTE = regex.compile("|".join(vocab.NAVBOX_VTE) + r"\Z", regex.I)
_NAVBOX_ROW = regex.compile("|".join(vocab.NAVBOX_ROW) + r"\Z")
_BULLET = regex.compile(r"^\s*(?:[-*•·o+#]|\d{1,3}[.)])\s+\S")
# Words of article text before a footer may start: a licence line above the article is not its footer.
_MIN_WORDS_BEFORE_FOOTER = 30


def content(text: str) -> str:
    """A line without its bullet or heading decoration, whitespace collapsed."""
    return norm(_DECORATION.sub("", norm(text)))


def drop_boilerplate(lines: list[Numbered], state: ReadState) -> list[Numbered]:
    """The lines that are not boilerplate; every dropped line or region is recorded in ``state``."""
    special = frozenset(_SPECIAL)
    bare = [content(raw) for _, raw in lines]
    regions: tuple[Callable[[list[Numbered], list[str], int, ReadState, list[Numbered]], int | None], ...] = (
        _newpp,
        _toc,
        _footer,
        _category_bar,
        _navbox,
    )
    kept: list[Numbered] = []
    i = _page_header(lines, bare, state)
    while i < len(lines):
        number, raw = lines[i]
        if not raw.strip():
            kept.append((number, raw))
            i += 1
            continue
        end = next((e for e in (f(lines, bare, i, state, kept) for f in regions) if e is not None), None)
        if end is not None:
            i = end
            continue
        text = norm(raw)
        hit = state.rules.first_match("line", text, exclude=special)
        if hit is None and bare[i] != text:
            hit = state.rules.first_match("line", bare[i], exclude=special)
        if hit is None:
            kept.append((number, raw))
        else:
            state.drop(hit.name, text, number)
        i += 1
    return kept


def _region_text(lines: list[Numbered], start: int, end: int) -> str:
    return "\n".join(norm(raw) for _, raw in lines[start:end] if raw.strip())


# ---------------------------------------------------------------- page header


def _page_header(lines: list[Numbered], bare: list[str], state: ReadState) -> int:
    """Index of the article title when everything above it is site chrome, else 0."""
    if not state.active("page-header"):
        return 0
    limit = max(40, len(lines) // 2)
    title = next((k for k, (_, raw) in enumerate(lines[:limit]) if _H1.match(raw.strip())), None)
    if not title:
        return 0
    region = [b for b in bare[:title] if b]
    rule = state.rules.rule("page-header")
    if any(is_prose(b) for b in region) or not any(rule.matches(b) for b in region):
        return 0
    for k in range(title):  # a table of contents above the title still names the headings
        if state.active("toc") and state.rules.rule("toc").matches(bare[k]):
            _toc_end(lines, k + 1, state)
        stated = _ACCESSED_FROM.search(lines[k][1])
        if stated and state.url is None:
            state.url = stated["url"]
    state.drop("page-header", _region_text(lines, 0, title), lines[0][0])
    return title


# ---------------------------------------------------------------- regions after the title


def _newpp(
    lines: list[Numbered], bare: list[str], i: int, state: ReadState, kept: list[Numbered]
) -> int | None:
    if not state.active("newpp-report") or not state.rules.rule("newpp-report").matches(norm(lines[i][1])):
        return None
    j = i + 1
    while j < len(lines) and (_NEWPP_LINE.match(norm(lines[j][1])) or not lines[j][1].strip()):
        j += 1
    state.drop("newpp-report", _region_text(lines, i, j), lines[i][0])
    return j


def _toc(
    lines: list[Numbered], bare: list[str], i: int, state: ReadState, kept: list[Numbered]
) -> int | None:
    if not state.active("toc") or not state.rules.rule("toc").matches(bare[i]):
        return None
    j = _toc_end(lines, i + 1, state)
    state.drop("toc", _region_text(lines, i, j), lines[i][0])
    return j


def _toc_end(lines: list[Numbered], start: int, state: ReadState) -> int:
    """Index after the TOC entries that follow a "Contents" title; entries go into ``state.toc``."""
    j = start
    seen_entry = False
    while j < len(lines):
        raw = lines[j][1]
        if not raw.strip():
            if seen_entry and not _next_is_entry(lines, j):
                break
            j += 1
            continue
        match = _TOC_ENTRY.match(raw)
        if not match:
            break
        seen_entry = True
        state.toc.setdefault(key(match["title"].replace("_", " ")), 2 + match["num"].count("."))
        j += 1
    return j


def _next_is_entry(lines: list[Numbered], j: int) -> bool:
    for _, raw in lines[j : j + 3]:
        if raw.strip():
            return bool(_TOC_ENTRY.match(raw))
    return False


def _footer(
    lines: list[Numbered], bare: list[str], i: int, state: ReadState, kept: list[Numbered]
) -> int | None:
    """From a footer's first line to the end: category bars are still read, the rest dropped."""
    text = bare[i]
    if not state.active("page-footer") or not state.rules.rule("page-footer").matches(text):
        return None
    if sum(len(raw.split()) for _, raw in kept) < _MIN_WORDS_BEFORE_FOOTER:
        return None
    own = next((n for n in ("licence-footer", "retrieved-from") if state.rules.rule(n).matches(text)), None)
    state.drop(own if own and state.active(own) else "page-footer", norm(lines[i][1]), lines[i][0])
    rest: list[str] = []
    j = i + 1
    while j < len(lines):
        end = _category_bar(lines, bare, j, state, kept)
        if end is None:
            rest.append(norm(lines[j][1]))
            j += 1
        else:
            j = end
    state.drop("page-footer", "\n".join(r for r in rest if r), lines[i][0] + 1)
    return len(lines)


def _category_bar(
    lines: list[Numbered], bare: list[str], i: int, state: ReadState, kept: list[Numbered]
) -> int | None:
    """A category label, with names on the same line or as the bullets below it."""
    if not state.active("category-bar"):
        return None
    text = bare[i]
    if _MORE.match(text):
        state.drop("category-bar", text, lines[i][0])
        return i + 1
    match = _CATEGORY_LINE.match(text)
    if not match or len(text) > 600:
        return None
    hidden = bool(_HIDDEN.match(text))
    names = [n for n in _NAME_SPLIT.split(match["names"] or "") if n]
    j = i + 1
    if not names:
        while j < len(lines) and _BULLET.match(lines[j][1]):
            names.append(bare[j])
            j += 1
    if not hidden:
        state.categories.extend(norm(n) for n in names)
    state.drop("category-bar", _region_text(lines, i, j), lines[i][0])
    return j


def _navbox(
    lines: list[Numbered], bare: list[str], i: int, state: ReadState, kept: list[Numbered]
) -> int | None:
    if not state.active("navbox"):
        return None
    if _is_vte(bare, i):
        j = i + 1
        while j < len(lines) and not _ends_navbox(lines[j][1], bare[j], state):
            j += 1
        state.drop("navbox", _region_text(lines, i, j), lines[i][0])
        return j
    if not (bare[i].startswith("#") and _NAVBOX_ROW.match(bare[i]) and i + 1 < len(lines)):
        return None
    if not _NAVBOX_ROW.match(bare[i + 1]):
        return None
    j = i
    while j < len(lines) and _NAVBOX_ROW.match(bare[j]):
        j += 1
    title = _navbox_title(kept, lines[i][0])
    if title is not None:
        number, raw = kept.pop(title)
        state.drop("navbox", norm(raw) + "\n" + _region_text(lines, i, j), number)
    else:
        state.drop("navbox", _region_text(lines, i, j), lines[i][0])
    return j


def _navbox_title(kept: list[Numbered], first_row: int) -> int | None:
    """Index in ``kept`` of the navbox's title: the short line just above its rows."""
    for k in range(len(kept) - 1, max(-1, len(kept) - 4), -1):
        number, raw = kept[k]
        if raw.strip():
            return k if first_row - number <= 3 and _is_title(raw) else None
    return None


def _is_vte(bare: list[str], i: int) -> bool:
    if len(bare[i]) > 12:
        return False
    if _VTE.match(bare[i]):
        return True
    return [w.casefold() for w in bare[i : i + 3]] == ["v", "t", "e"]


def _ends_navbox(raw: str, text: str, state: ReadState) -> bool:
    """A navbox runs to the footer, a category bar or the next marked section heading."""
    if state.rules.rule("page-footer").matches(text) or _CATEGORY_LINE.match(text):
        return True
    line = classify(raw, 0)
    return line.kind == "heading" and line.marker is not None


def _is_title(raw: str) -> bool:
    text = content(raw)
    return 0 < len(text.split()) <= 8 and not is_prose(text) and not text.endswith((".", ":", ";"))
