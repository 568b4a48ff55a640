"""Page → passages for retrieval, each within one section, with its section path and offsets.

The passages are slices of :func:`wikiparse.render.to_text` with the default options (the
same string as ``page.to_text()``): ``chunk.text == page.to_text()[chunk.start:chunk.end]``.
The content they cover is every infobox and block of the page; the title, the headings and
the categories line are not content but metadata (``title``, ``section_path``).

A passage never crosses a section boundary unless a section's content is shorter than
``min_chars``: then it joins its neighbour (while the joined text fits in ``max_chars``), and
the passage holds the heading lines between them; ``sections`` lists every section it covers.
A section longer than ``max_chars`` is split by :mod:`wikiparse.split`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from .errors import InputError
from .records import Page, SourceInfo
from .render import SEPARATOR, layout
from .split import split_span

CHUNK_SCHEMA = "wikiparse-chunk/1"
"""Value of the ``schema`` key of a chunk's JSON form."""

_CONTENT_ROLES = frozenset({"infobox", "block", "redirect"})


@attrs.frozen(kw_only=True)
class ChunkOptions:
    """Sizes in characters.  Raises ``ValueError`` for sizes that cannot work together."""

    max_chars: int = 2000
    """Longest passage, overlap included."""
    overlap: int = 200
    """How far a passage may reach back into the one before it (same section); at most ``max_chars // 2``."""
    min_chars: int = 200
    """A section with less content than this joins its neighbour rather than stand alone."""

    def __attrs_post_init__(self) -> None:
        if self.max_chars < 1:
            raise ValueError(f"max_chars must be at least 1, got {self.max_chars}")
        if not 0 <= self.overlap <= self.max_chars // 2:
            raise ValueError(f"overlap must be between 0 and max_chars // 2, got {self.overlap}")
        if not 0 <= self.min_chars <= self.max_chars:
            raise ValueError(f"min_chars must be between 0 and max_chars, got {self.min_chars}")


@attrs.frozen(kw_only=True)
class Chunk:
    """One passage of a page."""

    index: int
    """Position among the page's chunks, from 0."""
    count: int
    """How many chunks the page has (a reader can tell a page's passages are all there)."""
    title: str | None
    url: str | None
    source: SourceInfo | None
    section_path: tuple[str, ...]
    """Titles of the section holding the passage's start, outermost first; ``()`` for the lead."""
    sections: tuple[tuple[str, ...], ...]
    """Paths of every section whose content the passage holds (several only when short ones were joined)."""
    start: int
    """Offset of the first character in ``page.to_text()``."""
    end: int
    """Offset just past the last character."""
    text: str

    @property
    def heading(self) -> str:
        """The section path as one string: ``"Production > Music"``."""
        return " > ".join(self.section_path)

    def to_dict(self) -> dict[str, object]:
        """The JSON form: ``schema``, then the fields in order, with ``heading`` after ``section_path``."""
        out: dict[str, object] = {"schema": CHUNK_SCHEMA}
        for field in attrs.fields(Chunk):
            value = getattr(self, field.name)
            if field.name == "source":
                out["source"] = None if value is None else attrs.asdict(value)
            elif field.name in ("section_path", "sections"):
                out[field.name] = _lists(value)
            else:
                out[field.name] = value
            if field.name == "section_path":
                out["heading"] = self.heading
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Chunk:
        """Rebuild a chunk from :meth:`to_dict` output; raises ``InputError`` if malformed."""
        if not isinstance(data, Mapping) or data.get("schema") != CHUNK_SCHEMA:
            raise InputError(f"not a {CHUNK_SCHEMA} chunk")
        try:
            source = data["source"]
            return cls(
                index=data["index"],
                count=data["count"],
                title=data["title"],
                url=data["url"],
                source=None if source is None else SourceInfo(**source),
                section_path=tuple(data["section_path"]),
                sections=tuple(tuple(p) for p in data["sections"]),
                start=data["start"],
                end=data["end"],
                text=data["text"],
            )
        except (KeyError, TypeError) as exc:
            raise InputError(f"malformed chunk: {exc}") from exc


def _lists(value: object) -> object:
    return [_lists(v) for v in value] if isinstance(value, tuple) else value


@attrs.frozen
class _Unit:
    """The content of one section (or of the page level) as a span of the page text."""

    path: tuple[str, ...]
    start: int
    end: int


def content_units(page: Page) -> tuple[str, tuple[_Unit, ...]]:
    """The page text and the span of each section's content in it, in reading order."""
    units: list[_Unit] = []
    parts: list[str] = []
    offset = 0
    current: int | None = None
    for segment in layout(page):
        start, end = offset, offset + len(segment.text)
        if segment.role in _CONTENT_ROLES:
            if current == segment.section:
                units[-1] = attrs.evolve(units[-1], end=end)
            else:
                units.append(_Unit(segment.path, start, end))
            current = segment.section
        else:
            current = None
        parts.append(segment.text)
        offset = end + len(SEPARATOR)
    return SEPARATOR.join(parts), tuple(units)


def chunk_page(page: Page, options: ChunkOptions | None = None) -> tuple[Chunk, ...]:
    """The page's passages, in reading order (see the module docstring for the rules)."""
    options = options or ChunkOptions()
    text, units = content_units(page)
    spans = [
        (group, start, end)
        for group in _groups(units, options)
        for start, end in split_span(text, group[0].start, group[-1].end, options.max_chars, options.overlap)
    ]
    out: list[Chunk] = []
    for group, start, end in spans:
        out.append(
            Chunk(
                index=len(out),
                count=len(spans),
                title=page.title,
                url=page.url,
                source=page.source,
                section_path=_path_at(group, start),
                sections=_paths_within(group, start, end),
                start=start,
                end=end,
                text=text[start:end],
            )
        )
    return tuple(out)


def _groups(units: tuple[_Unit, ...], options: ChunkOptions) -> Iterator[tuple[_Unit, ...]]:
    """Consecutive units joined while one side is shorter than ``min_chars`` and the join fits."""
    group: list[_Unit] = []
    for unit in units:
        if group:
            size = group[-1].end - group[0].start
            short = size < options.min_chars or unit.end - unit.start < options.min_chars
            if short and unit.end - group[0].start <= options.max_chars:
                group.append(unit)
                continue
            yield tuple(group)
        group = [unit]
    if group:
        yield tuple(group)


def _path_at(group: tuple[_Unit, ...], start: int) -> tuple[str, ...]:
    return next((u.path for u in reversed(group) if u.start <= start), group[0].path)


def _paths_within(group: tuple[_Unit, ...], start: int, end: int) -> tuple[tuple[str, ...], ...]:
    return tuple(u.path for u in group if u.start < end and start < u.end)
