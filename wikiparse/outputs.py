"""Output formats for batch conversion: a formatter per format, and writers with ``write``/``close``.

``formatter_for(to)`` gives a function page → str for the text formats (one JSON Lines line,
one Markdown document, one text document, or the page's chunks as JSON Lines);
``open_writer(to, path)`` gives a :class:`PageWriter` for any format, Parquet included.
``wikiparse convert --to …`` is meant to be built on these (see docs/outputs.md).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from types import TracebackType
from typing import Literal, Protocol, TextIO, get_args

import attrs

from .chunks import ChunkOptions, chunk_page
from .markdown import to_markdown
from .records import Page
from .render import RenderOptions, to_text

TextFormat = Literal["jsonl", "markdown", "text", "chunks"]
OutputFormat = Literal["jsonl", "markdown", "text", "chunks", "parquet"]
OUTPUT_FORMATS: tuple[str, ...] = get_args(OutputFormat)

# Characters str.splitlines() breaks on that json.dumps(ensure_ascii=False) leaves raw.
_LINE_BREAKS = (("\x85", "\\u0085"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def json_line(value: object) -> str:
    """One line of JSON, without its newline: compact, UTF-8 characters kept.

    U+0085, U+2028 and U+2029 are escaped so that any line splitter sees one record per line;
    text with lone surrogates (possible from JSON input) is written with ASCII escapes.

    >>> json_line({"text": "a\\u2028b", "n": 1})
    '{"text":"a\\\\u2028b","n":1}'
    """
    line = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # A search and a replace per character run in C; str.translate with a table is a Python-level
    # lookup per character (measured: a fifth of a worker's time on a dump).
    for raw, escaped in _LINE_BREAKS:
        if raw in line:
            line = line.replace(raw, escaped)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return line


def jsonl_line(value: object) -> str:
    """:func:`json_line` ending in ``\\n``."""
    return json_line(value) + "\n"


@attrs.frozen(kw_only=True)
class Formatter:
    """A text output format: how one page is written, and how outputs of many pages are joined."""

    name: TextFormat
    suffix: str
    """File name suffix for a file of this format (``.jsonl``, ``.md``, ``.txt``)."""
    separator: str
    """Written between two pages in one stream: nothing for JSON Lines, a form-feed line for documents."""
    render: Callable[[Page], str]
    """Page → its output, ending in a newline (empty for a page without chunks)."""

    def __call__(self, page: Page) -> str:
        return self.render(page)


def formatter_for(
    to: TextFormat, *, render: RenderOptions | None = None, chunks: ChunkOptions | None = None
) -> Formatter:
    """The formatter of a text format; ``render`` applies to Markdown and text, ``chunks`` to chunks."""
    render = render or RenderOptions()
    chunk_options = chunks or ChunkOptions()
    if to == "jsonl":
        return Formatter(name=to, suffix=".jsonl", separator="", render=lambda p: jsonl_line(p.to_dict()))
    if to == "markdown":
        return Formatter(
            name=to, suffix=".md", separator="\f\n", render=lambda p: to_markdown(p, render) + "\n"
        )
    if to == "text":
        return Formatter(name=to, suffix=".txt", separator="\f\n", render=lambda p: to_text(p, render) + "\n")
    if to == "chunks":
        return Formatter(
            name=to,
            suffix=".jsonl",
            separator="",
            render=lambda p: "".join(jsonl_line(c.to_dict()) for c in chunk_page(p, chunk_options)),
        )
    known = ", ".join(get_args(TextFormat))
    raise ValueError(f"unknown text output format {to!r}; known: {known} (open_writer() also writes parquet)")


class PageWriter(Protocol):
    """Where converted pages go, one at a time; ``close`` finishes the output."""

    def write(self, page: Page) -> None: ...

    def close(self) -> None: ...


class StreamWriter:
    """Writes pages in a text format to an open text stream (which the caller closes)."""

    def __init__(self, stream: TextIO, formatter: Formatter) -> None:
        self.stream = stream
        self.formatter = formatter
        self.pages = 0

    def write(self, page: Page) -> None:
        output = self.formatter(page)
        if self.pages and self.formatter.separator:
            self.stream.write(self.formatter.separator)
        self.stream.write(output)
        self.pages += 1

    def close(self) -> None:
        self.stream.flush()

    def __enter__(self) -> StreamWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class _FileWriter(StreamWriter):
    """A :class:`StreamWriter` that owns its file."""

    def close(self) -> None:
        self.stream.close()


def open_writer(
    to: OutputFormat,
    path: str | os.PathLike[str],
    *,
    render: RenderOptions | None = None,
    chunks: ChunkOptions | None = None,
) -> PageWriter:
    """A writer to a new file at ``path`` (UTF-8, ``\\n`` line ends); Parquet needs the ``parquet`` extra."""
    if to == "parquet":
        from .parquet import ParquetWriter

        return ParquetWriter(path)
    formatter = formatter_for(to, render=render, chunks=chunks)
    return _FileWriter(open(path, "w", encoding="utf-8", newline="\n"), formatter)
