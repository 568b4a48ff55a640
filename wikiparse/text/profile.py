"""What kind of scrape a text is: the conventions the rest of the reader must honour.

Scrapes differ in ways a single line cannot show: Markdown (links in ``[x](url)``, blank lines
between blocks), text renderers that hard-wrap at a fixed width (html2text: a paragraph is
many lines, link spaces are underscores), and browser copies that lost their bullet glyphs
and kept only the space after them. The profile is decided once, from the whole page.

>>> detect(["# A", "", "See [b](https://w.org/wiki/B).", "", "## C"]).markdown
True
>>> detect(["Plot Edit", " An item", " Another item", " A third"]).lost_bullets
True
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

# Link text as the Markdown reader reads it (no bare "[" inside), so "[[[[…" costs one scan.
_MD_LINK = regex.compile(r"!?\[(?:\\.|[^\[\]\\\n]){0,500}\]\((?:https?://|/|#)")
_MD_HEADING = regex.compile(r"^#{1,6} \S")
_STAR_HEADING = regex.compile(r"^\*{2,6} \S.* \*{2,6}\s*$")
_BULLET = regex.compile(r"^\s*(?:[•*·‣◦▪●○■□➢►+-]|\d{1,3}[.)])\s+\S")
_LOST_BULLET = regex.compile(r"^ {1,2}[^\s•*·‣◦▪●○■□➢►+#|-]")

# A page is hard-wrapped when at least this share of its unindented text lines end within
# a few columns of the longest one; the 2019 enwiki html2text scrapes wrap at 79 columns with
# about 70% of prose lines at 70-79, browser copies have no such cluster (one line per paragraph).
_WRAP_SHARE = 0.4
_WRAP_SLACK = 12
_WRAP_MAX = 140
_WRAP_MIN_LINES = 8
_WRAP_OPEN_SHARE = 0.5
_LINE_STOP = regex.compile(r"[.!?:;\"'”’)\]]$")
_WRAP_LINE_WORDS = 5  # lines of fewer words (headings, labels) say nothing about wrapping
# Lost bullets: at least this many one- or two-space-indented lines and no real bullet at all
# (gameofthrones.wikia 2016 copies: every list item keeps the space that followed its "•").
_LOST_MIN = 3


@attrs.frozen
class Profile:
    """Conventions of one scraped page."""

    markdown: bool = False
    """Inline Markdown syntax is present; blank lines separate blocks."""
    html2text: bool = False
    """Rendered by html2text: ``***** Title *****`` headings, underscores for link spaces."""
    wrap: int | None = None
    """Column at which prose was hard-wrapped, if it was."""
    lost_bullets: bool = False
    """List items are lines indented by one or two spaces, their bullet glyph lost."""


def detect(lines: Sequence[str]) -> Profile:
    """The profile of a page given as its lines."""
    md_links = sum(1 for line in lines if _MD_LINK.search(line))
    md_heads = sum(1 for line in lines if _MD_HEADING.match(line))
    stars = sum(1 for line in lines if _STAR_HEADING.match(line.strip()))
    markdown = md_links >= 2 or md_heads >= 2 or (md_heads >= 1 and md_links >= 1)
    wrap = _wrap_width(lines)
    bullets = sum(1 for line in lines if _BULLET.match(line))
    lost = sum(1 for line in lines if _LOST_BULLET.match(line))
    return Profile(
        markdown=markdown and not stars,
        html2text=stars >= 2,
        wrap=wrap,
        lost_bullets=not bullets and lost >= _LOST_MIN and wrap is None and not markdown,
    )


def _measures_wrap(line: str) -> bool:
    """An unindented line of several words that is not a heading."""
    return bool(line[:1].strip()) and len(line.split()) >= _WRAP_LINE_WORDS and not _STAR_HEADING.match(line)


def _wrap_width(lines: Sequence[str]) -> int | None:
    prose = [line.rstrip() for line in lines if _measures_wrap(line)]
    if len(prose) < _WRAP_MIN_LINES:
        return None
    lengths = sorted(len(line) for line in prose)
    # The 90th percentile ignores the odd unwrapped line (a scraper's note, a long URL).
    high = lengths[int(0.9 * (len(lengths) - 1))]
    width = max(n for n in lengths if n <= high + _WRAP_SLACK // 3)
    if width > _WRAP_MAX:
        return None
    near = [line for line in prose if len(line) >= width - _WRAP_SLACK]
    # Wrapped lines break mid-sentence; one-paragraph-per-line text ends its lines with a stop.
    open_ended = sum(1 for line in near if not _LINE_STOP.search(line))
    if len(near) < _WRAP_SHARE * len(prose) or open_ended < _WRAP_OPEN_SHARE * len(near):
        return None
    return width
