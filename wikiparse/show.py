"""Page → a readable terminal summary (``wikiparse show``): what was kept, what was dropped.

Plain text; with ``color=True`` the title and part headings are bold and notes dim (the CLI
asks for colour only when writing to a terminal and ``NO_COLOR`` is unset).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .records import Block, Code, ListBlock, Page, Paragraph, Quote, Removal, Section, Table
from .render import SEPARATOR, block_text

_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
_NAMES = {Paragraph: "paragraph", ListBlock: "list", Table: "table", Quote: "quote", Code: "code"}
_WIDTH = 100
"""Lines are cut to this many characters (with "…")."""


def show(page: Page, *, color: bool = False) -> str:
    """The summary as lines of text, without a trailing newline."""
    style = _Style(color)
    parts = [_header(page, style), *_infoboxes(page, style), _outline(page, style)]
    parts.append(_removed(page.removed, style))
    parts.append(_counts(page, style))
    return "\n\n".join(p for p in parts if p)


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def bold(self, text: str) -> str:
        return f"{_BOLD}{text}{_RESET}" if self.color else text

    def dim(self, text: str) -> str:
        return f"{_DIM}{text}{_RESET}" if self.color else text


def _cut(text: str, width: int = _WIDTH) -> str:
    text = " / ".join(line.strip() for line in text.split("\n") if line.strip())
    return text if len(text) <= width else text[: width - 1] + "…"


def _header(page: Page, style: _Style) -> str:
    lines = [style.bold(_cut(page.title or "(no title)"))]
    facts = [f"site: {page.site}", f"skin: {page.skin or '-'}", f"type: {page.page_type}"]
    facts.append(f"input: {page.input_format}")
    if page.site_name:
        facts.append(f"wiki: {page.site_name}")
    if page.lang:
        facts.append(f"lang: {page.lang}")
    lines.append(" · ".join(facts))
    if page.redirect:
        lines.append(f"redirect to: {page.redirect}")
    if page.url:
        lines.append(style.dim(f"url: {_cut(page.url)}"))
    if page.source and page.source.path:
        where = page.source.path + (f"!/{page.source.member}" if page.source.member else "")
        lines.append(style.dim(f"source: {_cut(where)}"))
    return "\n".join(lines)


def _infoboxes(page: Page, style: _Style) -> Iterator[str]:
    for box in page.infoboxes:
        head = style.bold("Infobox" + (f": {_cut(box.title, 60)}" if box.title else ""))
        width = min(24, max((len(f.label) for f in box.fields), default=0))
        rows = [f"  {_cut(f.label, 24):<{width}}  {_cut(f.value, 70)}" for f in box.fields]
        yield "\n".join([f"{head} {style.dim(f'({len(box.fields)} fields)')}", *rows])


def _outline(page: Page, style: _Style) -> str:
    rows = [(0, "(lead)", page.lead)] if page.lead else []
    rows.extend(_section_rows(page.sections, 0))
    if not rows:
        return style.bold("Outline") + "\n  (no content)"
    width = min(60, max(2 * depth + len(title) for depth, title, _ in rows))
    lines = [style.bold("Outline") + " " * (width - 3) + style.dim("blocks    chars")]
    for depth, title, blocks in rows:
        size = len(SEPARATOR.join(block_text(b) for b in blocks))
        label = "  " * depth + _cut(title, max(8, width - 2 * depth))
        lines.append(f"  {label:<{width}}  {len(blocks):>6}  {size:>7,}")
    return "\n".join(lines)


def _section_rows(sections: tuple[Section, ...], depth: int) -> Iterator[tuple[int, str, tuple[Block, ...]]]:
    for section in sections:
        yield depth, section.title, section.blocks
        yield from _section_rows(section.sections, depth + 1)


def _removed(removed: tuple[Removal, ...], style: _Style) -> str:
    total = sum(r.chars for r in removed)
    head = style.bold("Removed") + f"  {len(removed)} items, {total:,} chars"
    if not removed:
        return head
    by_rule: dict[str, list[Removal]] = {}
    for item in removed:
        by_rule.setdefault(item.rule, []).append(item)
    width = max(len(rule) for rule in by_rule)
    lines = [head]
    for rule, items in by_rule.items():
        chars = sum(r.chars for r in items)
        sample = next((r.text for r in items if r.text.strip()), "")
        note = f"  {style.dim(repr(_cut(sample, 40)))}" if sample else ""
        lines.append(f"  {rule:<{width}}  {len(items):>4} ×  {chars:>8,} chars  {items[0].reason}{note}")
    return "\n".join(lines)


def _counts(page: Page, style: _Style) -> str:
    kinds = Counter(_NAMES[type(block)] for block in _all_blocks(page))
    detail = ", ".join(f"{kinds[k]} {k}{'s' if kinds[k] > 1 else ''}" for k in _NAMES.values() if kinds[k])
    lines = [
        style.bold("Counts"),
        f"  blocks: {sum(kinds.values())}" + (f" ({detail})" if detail else ""),
        f"  links: {len(page.links)}  categories: {len(page.categories)}  infoboxes: {len(page.infoboxes)}",
    ]
    if page.categories:
        lines.append(f"  categories: {_cut(', '.join(page.categories))}")
    lines.extend(f"  warning: {_cut(w)}" for w in page.warnings)
    return "\n".join(lines)


def _all_blocks(page: Page) -> Iterator[Block]:
    yield from page.lead
    stack = list(reversed(page.sections))
    while stack:
        section = stack.pop()
        yield from section.blocks
        stack.extend(reversed(section.sections))
