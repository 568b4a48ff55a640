"""Test helper: the invariants every page's chunks must keep, checked position by position."""

from __future__ import annotations

import itertools

from wikiparse import Page
from wikiparse.chunks import Chunk, ChunkOptions, content_units
from wikiparse.render import layout


def check_chunks(page: Page, chunks: tuple[Chunk, ...], options: ChunkOptions) -> None:
    """Chunks cover the page's content exactly once, apart from the overlap between neighbours.

    * each chunk is its slice of ``page.to_text()``, non-empty, trimmed, at most ``max_chars``;
    * every non-space character of every infobox/block is in a chunk;
    * a character is in two chunks only inside the overlap of two neighbours of one section,
      and that overlap is at most ``options.overlap`` long; no character is in three;
    * outside the content, a chunk holds only whitespace and the headings between sections it
      joined, and it joins sections only when one of them is shorter than ``min_chars``.
    """
    text = page.to_text()
    _, units = content_units(page)
    count = bytearray(len(text))
    for i, chunk in enumerate(chunks):
        assert chunk.index == i
        assert (chunk.title, chunk.url, chunk.source) == (page.title, page.url, page.source)
        assert chunk.text == text[chunk.start : chunk.end]
        assert chunk.text
        assert chunk.text == chunk.text.strip()
        assert len(chunk.text) <= options.max_chars
        assert chunk.section_path == chunk.sections[0]
        for pos in range(chunk.start, chunk.end):
            count[pos] += 1
    for a, b in itertools.pairwise(chunks):
        assert b.start > a.start
        assert b.end > a.end
        if b.start < a.end:  # an overlap: within one section, and no longer than allowed
            assert a.end - b.start <= options.overlap
            assert b.section_path in a.sections
    content = bytearray(len(text))
    for unit in units:
        content[unit.start : unit.end] = b"\x01" * (unit.end - unit.start)
    headings = bytearray(len(text))
    offset = 0
    for segment in layout(page):
        if segment.role == "heading":
            headings[offset : offset + len(segment.text)] = b"\x01" * len(segment.text)
        offset += len(segment.text) + 2
    for pos, char in enumerate(text):
        if char.isspace():
            continue
        assert count[pos] <= 2, (pos, char)
        if content[pos]:
            assert count[pos] >= 1, f"content at {pos} ({text[pos : pos + 30]!r}) is in no chunk"
        elif count[pos]:
            assert headings[pos], f"non-content at {pos} ({text[pos : pos + 30]!r}) is in a chunk"
    for chunk in chunks:
        if len(chunk.sections) > 1:
            sizes = [u.end - u.start for u in units if chunk.start < u.end and u.start < chunk.end]
            assert min(sizes) < options.min_chars or sum(sizes) < options.min_chars, chunk
