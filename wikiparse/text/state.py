"""What the text reader's passes learn and drop while reading one page.

The passes are functions over line sequences; this record is the one place they leave what
is not a line: removals (kept with the line they were found on, to report them in page order),
table-of-contents entries, categories, links and infoboxes.
"""

from __future__ import annotations

import attrs

from ..records import Infobox, Link, Removal
from ..rules import RuleSet


def norm(text: str) -> str:
    """Whitespace collapsed (NBSP included: ``str.split`` treats it as space), for matching rules
    and comparing titles."""
    return " ".join(text.split())


def key(text: str) -> str:
    """Form of a heading or TOC entry used to compare them: collapsed, case-folded."""
    return norm(text).casefold()


@attrs.define
class ReadState:
    """Mutable accumulator for one call of :func:`wikiparse.text.read_text`."""

    rules: RuleSet
    removed: list[tuple[int, Removal]] = attrs.Factory(list)
    toc: dict[str, int] = attrs.Factory(dict)
    """Entries of the scraped table of contents: :func:`key` of the title → heading level."""
    categories: list[str] = attrs.Factory(list)
    links: list[Link] = attrs.Factory(list)
    infoboxes: list[Infobox] = attrs.Factory(list)
    url: str | None = None
    """The page's URL when the scrape states it (a scraper's provenance note)."""

    def active(self, rule: str) -> bool:
        return rule in self.rules

    def drop(self, rule: str, text: str, line: int) -> None:
        """Record that ``text`` (found on ``line``) was dropped under ``rule``."""
        if text.strip():
            self.removed.append((line, self.rules.rule(rule).drop(text.strip())))

    def removals(self) -> tuple[Removal, ...]:
        """Removals in page order (stable for removals of the same line)."""
        return tuple(r for _, r in sorted(self.removed, key=lambda pair: pair[0]))
