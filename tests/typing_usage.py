"""Public API usage, checked by mypy (strict) in CI; not run by pytest (no test_ prefix).

Lines marked ``# type: ignore[...]`` must be errors: with ``warn_unused_ignores`` (strict), an
ignore that is no longer needed fails the check, so these lines assert what the types refuse.
"""

from __future__ import annotations

from pathlib import Path

import wikiparse
from wikiparse import Page, ParseOptions


def typed_parse(data: bytes, text: str, path: Path) -> list[str]:
    pages: list[Page] = [
        wikiparse.parse(data),
        wikiparse.parse(text, url="https://x.org/wiki/A"),
        wikiparse.parse(path),
    ]
    options: ParseOptions = ParseOptions.build(
        disable=["glue-repair"], limits=wikiparse.Limits(max_bytes=1000)
    )
    pages.append(wikiparse.parse(text, options=options, format="text"))
    titles = [p.title or "" for p in pages]
    first: wikiparse.Section = pages[0].sections[0]
    level: int = first.level
    block: wikiparse.Block = first.blocks[0]
    if isinstance(block, wikiparse.ListBlock):
        term: str | None = block.items[0].term
        titles.append(term or "")
    record: dict[str, object] = pages[0].to_dict()
    again: Page = Page.from_dict(record)
    markdown: str = again.to_markdown()
    titles.append(markdown[:level])
    return titles


def refused(page: Page) -> None:
    wikiparse.parse(3)  # type: ignore[arg-type]
    wikiparse.parse("x", format="yaml")  # type: ignore[arg-type]
    page.title = "changed"  # type: ignore[misc]
    wikiparse.Limits(max_bytes="big")  # type: ignore[arg-type]
