"""Parquet output: one row per page, nested sections, written in row groups while streaming.

Needs the optional ``parquet`` extra (pyarrow); without it, :class:`ParquetWriter` raises
:class:`~wikiparse.errors.MissingExtraError`.  Memory stays bounded: pages are buffered only
until a row group is full (``row_group_size`` pages or ``max_buffer_chars`` of text), then
written out.  A row is the page's JSON form with two changes: ``lead`` and each section's
``blocks`` are JSON text (blocks of mixed types do not fit one Arrow type), and ``sections`` is
flat, in reading order, each with its ``depth`` and ``path``; a ``text`` column holds
``page.to_text()``.  :func:`read_parquet` gives back the very pages that were written.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from types import ModuleType, TracebackType
from typing import Any, BinaryIO

from .errors import MissingExtraError
from .records import Page, Section
from .render import SEPARATOR, block_text, to_text


def _pyarrow() -> tuple[ModuleType, ModuleType]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise MissingExtraError("Parquet output", "parquet", "pyarrow") from exc
    return pyarrow, pyarrow.parquet


def arrow_schema() -> Any:
    """The Arrow schema of a page row (a ``pyarrow.Schema``)."""
    pa, _ = _pyarrow()
    s, i64 = pa.string(), pa.int64()

    def struct(**fields: Any) -> Any:
        return pa.struct([pa.field(name, kind) for name, kind in fields.items()])

    source = struct(
        path=s,
        member=s,
        offset=i64,
        line=i64,
        record_id=s,
        page_id=i64,
        revision_id=i64,
        timestamp=s,
        sha256=s,
    )
    section = struct(depth=pa.int32(), path=pa.list_(s), title=s, level=pa.int32(), text=s, blocks=s)
    columns = {
        **dict.fromkeys(("schema", "title", "url"), s),
        "source": source,
        **dict.fromkeys(("page_type", "site", "skin", "site_name", "input_format", "lang", "redirect"), s),
        "summary": s,
        "text": s,
        "lead": s,
        "sections": pa.list_(section),
        "infoboxes": pa.list_(struct(title=s, fields=pa.list_(struct(label=s, value=s)))),
        "categories": pa.list_(s),
        "links": pa.list_(struct(text=s, target=s)),
        "removed": pa.list_(struct(rule=s, reason=s, text=s, chars=i64)),
        "warnings": pa.list_(s),
        "decoding": struct(encoding=s, method=s, replaced=i64, mojibake_repaired=i64),
    }
    return pa.schema([pa.field(name, kind) for name, kind in columns.items()])


def page_row(page: Page) -> dict[str, Any]:
    """The row of one page (plain Python values, in column order)."""
    record: dict[str, Any] = page.to_dict()
    row = {key: record[key] for key in ("schema", "title", "url", "source", "page_type", "site", "skin")}
    row.update((key, record[key]) for key in ("site_name", "input_format", "lang", "redirect", "summary"))
    row["text"] = to_text(page)
    row["lead"] = _blocks_json(record["lead"])
    row["sections"] = list(_flat_sections(page.sections, record["sections"], 0, ()))
    row.update((key, record[key]) for key in ("infoboxes", "categories", "links", "removed", "warnings"))
    row["decoding"] = record["decoding"]
    return row


def _blocks_json(blocks: object) -> str:
    return json.dumps(blocks, ensure_ascii=False, separators=(",", ":"))


def _flat_sections(
    sections: tuple[Section, ...], records: list[dict[str, Any]], depth: int, parent: tuple[str, ...]
) -> Iterator[dict[str, Any]]:
    for section, record in zip(sections, records, strict=True):
        path = (*parent, section.title)
        yield {
            "depth": depth,
            "path": list(path),
            "title": section.title,
            "level": section.level,
            "text": SEPARATOR.join(block_text(b) for b in section.blocks),
            "blocks": _blocks_json(record["blocks"]),
        }
        yield from _flat_sections(section.sections, record["sections"], depth + 1, path)


def page_from_row(row: dict[str, Any]) -> Page:
    """Rebuild the page from its row (the derived ``text`` columns are dropped)."""
    record = {key: value for key, value in row.items() if key not in ("text", "lead", "sections")}
    record["lead"] = json.loads(row["lead"])
    record["sections"] = _nest(row["sections"])
    return Page.from_dict(record)


def _nest(flat: list[dict[str, Any]]) -> list[dict[str, Any]]:
    top: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for item in flat:
        node = {
            "title": item["title"],
            "level": item["level"],
            "blocks": json.loads(item["blocks"]),
            "sections": [],
        }
        del stack[item["depth"] :]
        (stack[-1]["sections"] if stack else top).append(node)
        stack.append(node)
    return top


class ParquetWriter:
    """Streams pages into one Parquet file, a row group at a time."""

    def __init__(
        self,
        where: str | os.PathLike[str] | BinaryIO,
        *,
        row_group_size: int = 1000,
        max_buffer_chars: int = 64_000_000,
    ) -> None:
        if row_group_size < 1 or max_buffer_chars < 1:
            raise ValueError("row_group_size and max_buffer_chars must be at least 1")
        pa, pq = _pyarrow()
        self._pa = pa
        self._schema = arrow_schema()
        self._writer = pq.ParquetWriter(where, self._schema)
        self.row_group_size = row_group_size
        self.max_buffer_chars = max_buffer_chars
        self._rows: list[dict[str, Any]] = []
        self._chars = 0
        self.pages = 0
        """Pages written so far."""
        self.row_groups = 0

    @property
    def buffered(self) -> int:
        """Pages held in memory, waiting for their row group to be written."""
        return len(self._rows)

    def write(self, page: Page) -> None:
        row = page_row(page)
        self._rows.append(row)
        self._chars += len(row["text"]) + len(row["lead"]) + sum(len(s["blocks"]) for s in row["sections"])
        self.pages += 1
        if len(self._rows) >= self.row_group_size or self._chars >= self.max_buffer_chars:
            self.flush()

    def flush(self) -> None:
        """Write the buffered pages as one row group."""
        if not self._rows:
            return
        table = self._pa.Table.from_pylist(self._rows, schema=self._schema)
        self._writer.write_table(table, row_group_size=len(self._rows))
        self.row_groups += 1
        self._rows, self._chars = [], 0

    def close(self) -> None:
        """Write what is left and finish the file (it is unreadable before this)."""
        self.flush()
        self._writer.close()

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def read_parquet(where: str | os.PathLike[str], *, batch_size: int = 256) -> Iterator[Page]:
    """The pages of a file written by :class:`ParquetWriter`, read a batch at a time."""
    _, pq = _pyarrow()
    for batch in pq.ParquetFile(where).iter_batches(batch_size=batch_size):
        for row in batch.to_pylist():
            yield page_from_row(row)
