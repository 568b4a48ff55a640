"""Parquet output: nested rows, row groups while streaming, the missing-extra error."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wikiparse
from wikiparse import Page

from .conftest import FIXTURES
from .strategies import pages

pa = pytest.importorskip("pyarrow", reason="the parquet extra (pyarrow) is not installed")
pq = pytest.importorskip("pyarrow.parquet")

from wikiparse.outputs import open_writer  # noqa: E402
from wikiparse.parquet import ParquetWriter, page_from_row, page_row, read_parquet  # noqa: E402


def _sink() -> Page:
    return Page.from_dict(json.loads((FIXTURES / "render" / "kitchen_sink.json").read_text(encoding="utf-8")))


def test_one_row_per_page_with_nested_sections(tmp_path: Path) -> None:
    path = tmp_path / "pages.parquet"
    with ParquetWriter(path) as writer:
        writer.write(_sink())
    table = pq.read_table(path)
    assert table.num_rows == 1
    row = table.to_pylist()[0]
    assert row["title"] == "The Brass Lantern"
    assert row["text"] == _sink().to_text()
    assert [(s["depth"], s["path"]) for s in row["sections"]][:3] == [
        (0, ["Plot"]),
        (1, ["Plot", "Act I"]),
        (1, ["Plot", "Act II"]),
    ]
    assert ["Music", "Songs", "Overture"] in [s["path"] for s in row["sections"]]
    assert row["infoboxes"][0]["fields"][0] == {"label": "Type", "value": "Stage play"}
    assert row["removed"][2]["chars"] == 5120
    assert pa.types.is_list(table.schema.field("sections").type)


def test_row_groups_are_written_while_streaming(tmp_path: Path) -> None:
    path = tmp_path / "pages.parquet"
    writer = ParquetWriter(path, row_group_size=3)
    for n in range(7):
        writer.write(wikiparse.Page(title=f"P{n}"))
        assert writer.buffered == (n + 1) % 3  # never more than a row group in memory
    assert writer.row_groups == 2
    writer.close()
    assert pq.ParquetFile(path).metadata.num_row_groups == 3
    assert [p.title for p in read_parquet(path, batch_size=2)] == [f"P{n}" for n in range(7)]


def test_a_large_buffer_is_flushed_early(tmp_path: Path) -> None:
    writer = ParquetWriter(tmp_path / "big.parquet", row_group_size=1000, max_buffer_chars=500)
    for _ in range(4):
        writer.write(_sink())
    assert writer.row_groups == 4  # each page holds more than 500 characters of text
    writer.close()


@given(st.lists(pages, max_size=5), st.integers(1, 3))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_pages_come_back_unchanged(tmp_path: Path, written: list[Page], group: int) -> None:
    path = tmp_path / f"round-{len(written)}-{group}.parquet"
    with ParquetWriter(path, row_group_size=group) as writer:
        for page in written:
            writer.write(page)
    assert list(read_parquet(path)) == written
    path.unlink()


def test_row_round_trip_without_a_file() -> None:
    assert page_from_row(page_row(_sink())) == _sink()


def test_open_writer_gives_a_parquet_writer(tmp_path: Path) -> None:
    writer = open_writer("parquet", tmp_path / "x.parquet")
    writer.write(_sink())
    writer.close()
    assert [p.title for p in read_parquet(tmp_path / "x.parquet")] == ["The Brass Lantern"]


def test_missing_pyarrow_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(wikiparse.MissingExtraError, match=r"pip install 'wikiparse\[parquet\]'") as info:
        ParquetWriter(tmp_path / "x.parquet")
    assert isinstance(info.value, ImportError)
    assert not (tmp_path / "x.parquet").exists()


def test_bad_sizes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        ParquetWriter(tmp_path / "x.parquet", row_group_size=0)
