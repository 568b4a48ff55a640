"""Classified lines → a :class:`~wikiparse.doc.Doc` (the builder of the text reader).

Passes, in order, each a small function over the line sequence:

1. drop boilerplate lines and multi-line chrome (TOC, parser debug report) by named rules;
2. classify the remaining lines (:mod:`wikiparse.text.lines`);
3. promote lines to headings from evidence the classifier could not see alone: a following
   edit-marker or setext underline, or an entry of the scraped table of contents;
4. find the title;
5. group lines into paragraphs, lists and tables.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex

from ..doc import Doc, DocBlock, Heading
from ..errors import LimitExceeded
from ..options import Limits
from ..records import ListBlock, ListItem, Paragraph, Removal, Table
from ..rules import RuleSet, vocab
from .lines import Line, classify, is_setext_underline, split_lines

_SPACE = regex.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()


@attrs.define
class _State:
    """What the passes learn and drop while reading one page."""

    rules: RuleSet
    removed: list[tuple[int, Removal]] = attrs.Factory(list)
    """Removals with the line they were found on, to report them in page order."""
    toc: dict[str, int] = attrs.Factory(dict)
    """Entries of the scraped table of contents: normalised title → heading level."""

    def drop(self, rule: str, text: str, line: int) -> None:
        self.removed.append((line, self.rules.rule(rule).drop(text)))

    def removals(self) -> tuple[Removal, ...]:
        return tuple(r for _, r in sorted(self.removed, key=lambda pair: pair[0]))


# ---------------------------------------------------------------- pass 1: boilerplate lines

_NEWPP_LINE = regex.compile("|".join(f"(?:{p})" for p in vocab.NEWPP_REPORT_LINE) + r"\Z", regex.I)
_TOC_ENTRY = regex.compile(
    r"^\s*(?:[-*•]\s*)?(?:\[)?(?P<num>\d{1,2}(?:\.\d{1,2}){0,5})\.?(?:\s+|_|(?=\p{L}))(?P<title>[^\n]{1,150}?)"
    r"(?:\]\([^)]{0,500}\))?\s*$",
    regex.V1,
)


def drop_boilerplate(raw_lines: list[str], state: _State) -> list[tuple[int, str]]:
    """Remove lines that active line rules match, and TOC / debug-report runs; keep line numbers."""
    line_rules = [
        r for r in state.rules.active("line") if r.name not in ("toc", "newpp-report", "edit-marker")
    ]
    kept: list[tuple[int, str]] = []
    i = 0
    n = len(raw_lines)
    while i < n:
        raw = raw_lines[i]
        text = _norm(raw)
        if "newpp-report" in state.rules and state.rules.rule("newpp-report").matches(text):
            j = i + 1
            while j < n and (_NEWPP_LINE.match(_norm(raw_lines[j])) or not raw_lines[j].strip()):
                j += 1
            state.drop("newpp-report", "\n".join(raw_lines[i:j]).strip(), i + 1)
            i = j
            continue
        if "toc" in state.rules and state.rules.rule("toc").matches(text.strip("# ")):
            j = _toc_end(raw_lines, i + 1, state)
            state.drop("toc", "\n".join(x.strip() for x in raw_lines[i:j] if x.strip()), i + 1)
            i = j
            continue
        hit = next((r for r in line_rules if r.matches(text)), None) if text else None
        if hit is not None:
            state.drop(hit.name, text, i + 1)
        else:
            kept.append((i + 1, raw))
        i += 1
    return kept


def _toc_end(raw_lines: list[str], start: int, state: _State) -> int:
    """Index after the TOC entries that follow a "Contents" title; entries go into ``state.toc``."""
    j = start
    seen_entry = False
    while j < len(raw_lines):
        raw = raw_lines[j]
        if not raw.strip():
            if seen_entry and not _next_is_entry(raw_lines, j):
                break
            j += 1
            continue
        match = _TOC_ENTRY.match(raw)
        if not match:
            break
        seen_entry = True
        title = _norm(match["title"].replace("_", " "))
        level = 2 + match["num"].count(".")
        state.toc.setdefault(title.casefold(), level)
        j += 1
    return j


def _next_is_entry(raw_lines: list[str], j: int) -> bool:
    for raw in raw_lines[j : j + 3]:
        if raw.strip():
            return bool(_TOC_ENTRY.match(raw))
    return False


# ---------------------------------------------------------------- pass 3: heading evidence


def promote_headings(lines: list[Line], state: _State) -> list[Line]:
    """Turn text lines into headings where the context says so; drop the marker lines."""
    out: list[Line] = []
    edit = state.rules.rule("edit-marker")
    use_markers = "edit-marker" in state.rules
    for line in lines:
        prev = _last_content(out)
        if use_markers and line.kind == "text" and edit.matches(line.text) and prev is not None:
            if out[prev].kind == "text" and _short(out[prev].text):
                out[prev] = attrs.evolve(out[prev], kind="heading", level=2, marker=line.text)
            state.drop("edit-marker", line.text, line.number)
            continue
        if line.kind == "separator" and is_setext_underline(line.raw) and out and out[-1].kind == "text":
            level = 1 if line.raw.strip().startswith("=") else 2
            out[-1] = attrs.evolve(out[-1], kind="heading", level=level)
            continue
        if line.kind == "text" and state.toc and _norm(line.text).casefold() in state.toc:
            line = attrs.evolve(line, kind="heading", level=state.toc[_norm(line.text).casefold()])
        elif line.kind == "heading" and state.toc and line.level == 2:
            toc_level = state.toc.get(_norm(line.text).casefold())
            if toc_level:
                line = attrs.evolve(line, level=toc_level)
        if line.kind == "heading" and line.marker:
            if use_markers:
                state.drop("edit-marker", line.marker, line.number)
            else:
                line = attrs.evolve(line, text=f"{line.text} {line.marker}", marker=None)
        out.append(line)
    return out


def _last_content(lines: list[Line]) -> int | None:
    for k in range(len(lines) - 1, -1, -1):
        if lines[k].kind != "blank":
            return k
    return None


def _short(text: str) -> bool:
    return 0 < len(text) <= 120 and not text.rstrip().endswith((".", ",", ";", ":"))


# ---------------------------------------------------------------- pass 4: title

_SUBJECT = regex.compile(
    r"^[\"“']?(?P<subject>[^\s\"“”'][^\n]{0,80}?)[\"”']?\s+"
    r"(?:is|was|are|were|refers to|may refer to)\s+(?:a|an|the|one)\b",
    regex.V1,
)
_QUOTED = regex.compile(r"^[\"“'‘](?P<inner>[^\"“”'’]{1,120})[\"”'’]$")


def find_title(lines: list[Line]) -> tuple[str | None, list[Line]]:
    """The page title, and the lines without the one that only showed it.

    Evidence, strongest first: a level-1 heading; a first line that the lead's first sentence
    repeats (``"A Golden Crown"`` … ``"A Golden Crown" is the sixth episode``); the subject
    of the first sentence ("Red Heat is a 1988 film…").
    """
    for k, line in enumerate(lines):
        if line.kind == "heading" and line.level == 1:
            return line.text, lines[:k] + lines[k + 1 :]
        if line.kind == "heading":
            break
    content = [k for k, line in enumerate(lines) if line.kind != "blank"]
    if not content:
        return None, lines
    first = lines[content[0]]
    if first.kind == "text" and _short(first.text) and len(content) > 1:
        candidate = _QUOTED.sub(r"\g<inner>", first.text.strip())
        rest = " ".join(lines[k].text for k in content[1:4])
        if candidate and (candidate.casefold() in rest.casefold()):
            return candidate, lines[: content[0]] + lines[content[0] + 1 :]
    for k in content:
        line = lines[k]
        if line.kind == "text" and len(line.text) > 40:
            match = _SUBJECT.match(line.text)
            if match and len(match["subject"].split()) <= 8:
                return match["subject"].strip(), lines
            break
    return None, lines


# ---------------------------------------------------------------- pass 5: blocks


def build_blocks(lines: list[Line]) -> Iterator[DocBlock]:
    """Group classified lines into headings, paragraphs, lists and tables."""
    k = 0
    n = len(lines)
    while k < n:
        line = lines[k]
        if line.kind in ("blank", "separator"):
            k += 1
        elif line.kind == "heading":
            yield Heading(level=line.level, text=line.text)
            k += 1
        elif line.kind == "bullet":
            j = k
            while j < n and (lines[j].kind == "bullet" or _continues_item(lines, j)):
                j += 1
            yield _list_block([x for x in lines[k:j] if x.kind == "bullet"])
            k = j
        elif line.kind == "table-row":
            j = k
            while j < n and lines[j].kind == "table-row":
                j += 1
            yield _table(lines[k:j])
            k = j
        else:
            yield Paragraph(text=line.text)
            k += 1


def _continues_item(lines: list[Line], j: int) -> bool:
    """A blank line between two bullets of the same list does not end the list."""
    return lines[j].kind == "blank" and j + 1 < len(lines) and lines[j + 1].kind == "bullet"


def _list_block(bullets: list[Line]) -> ListBlock:
    items, _ = _items(bullets, 0, bullets[0].indent)
    return ListBlock(ordered=bullets[0].ordered, items=tuple(items))


def _items(bullets: list[Line], k: int, indent: int) -> tuple[list[ListItem], int]:
    """Items at ``indent`` from position ``k``; deeper bullets become children."""
    out: list[ListItem] = []
    while k < len(bullets) and bullets[k].indent >= indent:
        if bullets[k].indent > indent and out:
            children, k = _items(bullets, k, bullets[k].indent)
            out[-1] = attrs.evolve(out[-1], items=out[-1].items + tuple(children))
            continue
        out.append(ListItem(text=bullets[k].text))
        k += 1
    return out, k


_CELL_SEP = regex.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _table(rows: list[Line]) -> Table:
    cells = [[c.strip() for c in row.text.strip().strip("|").split("|")] for row in rows]
    header: tuple[str, ...] | None = None
    if len(rows) > 1 and _CELL_SEP.match(rows[1].text):
        header = tuple(cells[0])
        cells = cells[2:]
    width = max([len(header or ())] + [len(r) for r in cells])
    grid = tuple(tuple(r + [""] * (width - len(r))) for r in cells)
    if header is not None:
        header = header + ("",) * (width - len(header))
    return Table(caption=None, header=header, rows=grid)


# ---------------------------------------------------------------- the reader


def read_text(text: str, rules: RuleSet, limits: Limits) -> Doc:
    """Read a plain-text scrape into a document."""
    raw_lines = split_lines(text)
    if len(raw_lines) > limits.max_nodes:
        raise LimitExceeded(f"text of {len(raw_lines):,} lines", limits.max_nodes, "max_nodes")
    state = _State(rules)
    kept = drop_boilerplate(raw_lines, state)
    lines = [classify(raw, number) for number, raw in kept]
    lines = promote_headings(lines, state)
    title, lines = find_title(lines)
    blocks = tuple(build_blocks(lines))
    return Doc(blocks=blocks, input_format="text", title=title, removed=state.removals())
