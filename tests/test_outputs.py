"""Formatters and writers for batch output (jsonl, markdown, text, chunks)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from wikiparse import Page, Paragraph, Section
from wikiparse.chunks import Chunk, ChunkOptions
from wikiparse.outputs import OUTPUT_FORMATS, StreamWriter, formatter_for, jsonl_line, open_writer
from wikiparse.render import RenderOptions

from .conftest import FIXTURES


def _pages() -> list[Page]:
    sink = Page.from_dict(json.loads((FIXTURES / "render" / "kitchen_sink.json").read_text(encoding="utf-8")))
    small = Page(title="Small", sections=(Section(title="S", level=2, blocks=(Paragraph(text="a\u2028b"),)),))
    return [sink, small, Page(title="Empty")]


def test_jsonl_is_one_record_per_line() -> None:
    pages = _pages()
    out = "".join(formatter_for("jsonl")(p) for p in pages)
    lines = out.splitlines()  # splitlines breaks on U+2028 too: it must be escaped
    assert len(lines) == 3
    assert [Page.from_dict(json.loads(line)) for line in lines] == pages
    assert "\\u2028" in lines[1]


def test_jsonl_line_is_compact_and_keeps_characters() -> None:
    assert jsonl_line({"a": "é\x85", "b": [1]}) == '{"a":"é\\u0085","b":[1]}\n'


def test_markdown_and_text_formatters() -> None:
    sink = _pages()[0]
    md, text = formatter_for("markdown"), formatter_for("text")
    assert md(sink) == sink.to_markdown() + "\n"
    assert text(sink) == sink.to_text() + "\n"
    assert (md.suffix, text.suffix) == (".md", ".txt")
    bare = formatter_for("markdown", render=RenderOptions(infobox=False, categories=False))(sink)
    assert bare == sink.to_markdown(infobox=False, categories=False) + "\n"


def test_chunks_formatter_writes_one_chunk_per_line() -> None:
    sink = _pages()[0]
    options = ChunkOptions(max_chars=120, overlap=20, min_chars=0)
    out = formatter_for("chunks", chunks=options)(sink)
    chunks = [Chunk.from_dict(json.loads(line)) for line in out.splitlines()]
    assert tuple(chunks) == sink.chunks(max_chars=120, overlap=20, min_chars=0)
    assert formatter_for("chunks")(Page(title="Empty")) == ""


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="parquet"):
        formatter_for("parquet")  # type: ignore[arg-type]


@pytest.mark.parametrize("to", ["markdown", "text"])
def test_stream_separates_documents_with_a_form_feed_line(to: str) -> None:
    stream = io.StringIO()
    with StreamWriter(stream, formatter_for(to)) as writer:  # type: ignore[arg-type]
        for page in _pages():
            writer.write(page)
    documents = stream.getvalue().split("\f\n")
    assert len(documents) == 3
    assert documents[2] == ("# Empty\n" if to == "markdown" else "Empty\n")
    assert writer.pages == 3


@pytest.mark.parametrize("to", ["jsonl", "markdown", "text", "chunks"])
def test_open_writer_writes_a_utf8_file(tmp_path: Path, to: str) -> None:
    path = tmp_path / f"out.{to}"
    writer = open_writer(to, path)  # type: ignore[arg-type]
    for page in _pages():
        writer.write(page)
    writer.close()
    data = path.read_bytes().decode("utf-8")
    assert "\r" not in data
    formatter = formatter_for(to)  # type: ignore[arg-type]
    assert data == formatter.separator.join(o for o in map(formatter, _pages()))


def test_every_cli_format_has_a_writer() -> None:
    assert OUTPUT_FORMATS == ("jsonl", "markdown", "text", "chunks", "parquet")
