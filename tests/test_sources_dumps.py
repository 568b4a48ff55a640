"""Dump readers: WARC (warcio), JSON Lines / JSON records, and the bridge to XML dumps."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

from wikiparse import InputError, Limits, MissingExtraError
from wikiparse.records import SourceInfo
from wikiparse.sources import ReadOptions, read_file
from wikiparse.sources.xmldump import NOT_SUPPORTED
from wikiparse.units import Skipped, Unit, Unreadable

from .batchdata import enterprise_record, gz, html_page, ndjson, tar_bytes, text_page, warc_bytes, write
from .conftest import CORPUS, need

pytest.importorskip("warcio")

DUMPS = CORPUS / "dumps"


def items(path: Path, options: ReadOptions | None = None) -> list[Unit | Skipped | Unreadable]:
    return list(read_file(str(path), options))


# ---------------------------------------------------------------- WARC


def test_warc_response_records_become_units(tmp_path: Path) -> None:
    pages = [
        ("https://a.example.org/wiki/One", html_page(1).encode(), "text/html; charset=utf-8"),
        ("https://a.example.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
        ("https://a.example.org/wiki/Two", html_page(2).encode(), "application/xhtml+xml"),
    ]
    found = items(write(tmp_path / "crawl.warc.gz", warc_bytes(pages)))
    assert [type(f).__name__ for f in found] == ["Unit", "Skipped", "Unit"]
    one, png, two = found
    assert isinstance(one, Unit)
    assert one.url == "https://a.example.org/wiki/One"
    assert one.data == html_page(1).encode()
    assert one.source.record_id
    assert one.source.record_id.startswith("<urn:uuid:")
    assert one.source.offset is not None
    assert two.source.offset is not None
    assert 0 < one.source.offset < two.source.offset  # after the request record
    assert isinstance(png, Skipped)
    assert "image/png" in png.reason


def test_uncompressed_warc_and_its_offsets(tmp_path: Path) -> None:
    pages = [(f"https://a.example.org/{i}", html_page(i).encode(), "text/html") for i in range(3)]
    data = warc_bytes(pages, gzipped=False)
    found = items(write(tmp_path / "crawl.warc", data))
    assert all(isinstance(f, Unit) for f in found)
    for unit in found:
        offset = unit.source.offset or 0
        assert data[offset : offset + 9] == b"WARC/1.0\r"  # each offset points at its record


def test_truncated_warc_reports_the_damaged_record_only(tmp_path: Path) -> None:
    pages = [(f"https://a.example.org/{i}", text_page(i, 30).encode(), "text/html") for i in range(3)]
    data = warc_bytes(pages, gzipped=False)
    found = items(write(tmp_path / "cut.warc", data[:-200]))
    assert [type(f).__name__ for f in found] == ["Unit", "Unit", "Unreadable"]
    assert "truncated" in str(found[2].error)  # type: ignore[union-attr]
    assert found[2].source.record_id  # the damaged record is named


def test_warc_without_the_extra_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(
        tmp_path / "crawl.warc", warc_bytes([("https://x.org/", b"<p>x</p>", "text/html")], gzipped=False)
    )
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    [found] = items(path)
    assert isinstance(found, Unreadable)
    assert isinstance(found.error, MissingExtraError)
    assert "pip install 'wikiparse[warc]'" in str(found.error)


def test_corpus_warc_samples() -> None:
    sample = items(need(DUMPS / "resiliparse_warcfile_cc-sample_nonwiki.warc.gz"))
    assert len(sample) >= 10
    assert all(isinstance(f, Unit) and f.data and f.url for f in sample)
    [cut] = items(need(DUMPS / "resiliparse_clipped_truncated.warc.gz"))
    assert isinstance(cut, Unreadable)
    assert "WARC record truncated" in str(cut.error)


# ---------------------------------------------------------------- JSON Lines and JSON


def test_enterprise_ndjson(tmp_path: Path) -> None:
    found = items(write(tmp_path / "dump.ndjson", ndjson([enterprise_record(1), enterprise_record(2)])))
    assert [f.source.line for f in found] == [1, 2]
    unit = found[0]
    assert isinstance(unit, Unit)
    assert unit.title == "Copper Hollow 1"
    assert unit.url == "https://en.example.org/wiki/Copper_Hollow_1"
    assert unit.format == "html"
    assert unit.categories == ("Imagined towns",)
    assert (unit.source.page_id, unit.source.revision_id) == (1001, 5001)
    assert unit.source.timestamp == "2024-05-01T12:00:00Z"
    assert unit.data == html_page(1)


def test_namespaces_filter_enterprise_records(tmp_path: Path) -> None:
    records = [enterprise_record(1), enterprise_record(2, namespace=14)]
    path = write(tmp_path / "dump.jsonl", ndjson(records))
    assert [type(f).__name__ for f in items(path)] == ["Unit", "Skipped"]
    everything = items(path, ReadOptions(namespaces=None))
    assert [type(f).__name__ for f in everything] == ["Unit", "Unit"]


def test_bad_lines_cost_one_error_each(tmp_path: Path) -> None:
    lines = [
        json.dumps({"html": html_page(1), "url": "https://x.org/wiki/A", "title": "A"}),
        "{not json",
        "",
        json.dumps({"text": text_page(2)}),
        json.dumps([1, 2]),
        json.dumps({"something": "else"}),
        json.dumps({"error": {"code": "missingtitle", "info": "The page doesn't exist."}}),
    ]
    found = items(write(tmp_path / "mixed.jsonl", "\n".join(lines) + "\n"))
    summary = [(type(f).__name__, f.source.line) for f in found]
    assert summary == [
        ("Unit", 1),
        ("Unreadable", 2),
        ("Unit", 4),
        ("Unreadable", 5),
        ("Unreadable", 6),
        ("Unreadable", 7),
    ]
    first, text = found[0], found[2]
    assert isinstance(first, Unit)
    assert isinstance(text, Unit)
    assert (first.format, first.title, first.url) == ("html", "A", "https://x.org/wiki/A")
    assert text.format == "text"
    assert "not valid JSON" in str(found[1].error)  # type: ignore[union-attr]
    assert "missingtitle" in str(found[5].error)  # type: ignore[union-attr]


def test_overlong_line_is_an_error_and_reading_goes_on(tmp_path: Path) -> None:
    options = ReadOptions(limits=Limits(max_bytes=200))  # records may be up to 400 bytes
    lines = [json.dumps({"text": "x" * 1000}), json.dumps({"text": "short"})]
    found = items(write(tmp_path / "long.jsonl", "\n".join(lines) + "\n"), options)
    assert [(type(f).__name__, f.source.line) for f in found] == [("Unreadable", 1), ("Unit", 2)]


@pytest.mark.parametrize(
    ("response", "html"),
    [
        (
            {
                "parse": {
                    "title": "Tern Island",
                    "pageid": 7,
                    "revid": 70,
                    "text": {"*": "<p>T</p>"},
                    "categories": [{"sortkey": "", "*": "Imagined_islands"}],
                }
            },
            "<p>T</p>",
        ),
        (
            {
                "parse": {
                    "title": "Tern Island",
                    "pageid": 7,
                    "revid": 70,
                    "text": "<p>T</p>",
                    "categories": [{"sortkey": "", "category": "Imagined_islands", "hidden": False}],
                }
            },
            "<p>T</p>",
        ),
    ],
    ids=["formatversion1", "formatversion2"],
)
def test_action_parse_json(tmp_path: Path, response: dict[str, object], html: str) -> None:
    pretty = json.dumps(response, indent=2)  # an API response saved as a pretty-printed document
    [unit] = items(write(tmp_path / "api.json", pretty))
    assert isinstance(unit, Unit)
    assert (unit.title, unit.data, unit.format) == ("Tern Island", html, "html")
    assert unit.categories == ("Imagined islands",)
    assert (unit.source.page_id, unit.source.revision_id, unit.source.line) == (7, 70, None)


def test_action_parse_wikitext(tmp_path: Path) -> None:
    [unit] = items(write(tmp_path / "api.json", json.dumps({"parse": {"title": "X", "wikitext": "''x''"}})))
    assert isinstance(unit, Unit)
    assert (unit.format, unit.data) == ("wikitext", "''x''")


def test_corpus_enterprise_records() -> None:
    for path in sorted(need(DUMPS).glob("wme_article_*.json")):
        [unit] = items(path)
        assert isinstance(unit, Unit), path
        assert unit.title
        assert unit.url
        assert unit.format == "html"
        assert unit.source.page_id
        assert unit.source.revision_id
    sample = items(DUMPS / "wme_sample_3articles.ndjson")
    assert [f.source.line for f in sample] == [1, 2, 3]


# ---------------------------------------------------------------- XML dumps (the bridge)

XML = (
    b'<?xml version="1.0"?>\n<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/"><page/></mediawiki>'
)


def test_xml_dump_without_the_reader_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "wikiparse.wikitext.dump", None)
    [found] = items(write(tmp_path / "dump.xml.gz", gz(XML)))
    assert isinstance(found, Unreadable)
    assert str(found.error) == NOT_SUPPORTED


def _fake_dump(fail_after: int | None) -> types.ModuleType:
    module = types.ModuleType("wikiparse.wikitext.dump")
    calls: list[dict[str, object]] = []

    def iter_units(
        stream: BinaryIO, *, path: str, namespaces: frozenset[int] | None, limits: Limits
    ) -> Iterator[Unit | Skipped]:
        calls.append({"head": stream.read(9), "path": path, "namespaces": namespaces, "limits": limits})
        for n in range(3):
            if n == fail_after:
                raise InputError("XML syntax error: mismatched tag")
            yield Unit(source=SourceInfo(path=path, page_id=n), data=f"page {n}", format="wikitext")

    module.iter_units = iter_units  # type: ignore[attr-defined]
    module.calls = calls  # type: ignore[attr-defined]
    return module


def test_xml_dump_is_dispatched_with_the_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _fake_dump(fail_after=None)
    monkeypatch.setitem(sys.modules, "wikiparse.wikitext.dump", fake)
    path = write(tmp_path / "dumps.tar.gz", tar_bytes({"wiki.xml": XML}))
    options = ReadOptions(namespaces=[0, 14])
    found = items(path, options)
    assert [(f.source.path, f.source.member, f.source.page_id) for f in found] == [
        (str(path), "wiki.xml", n) for n in range(3)
    ]
    [call] = fake.calls  # type: ignore[attr-defined]
    assert call == {
        "head": b"<?xml ver",
        "path": str(path),
        "namespaces": frozenset({0, 14}),
        "limits": options.limits,
    }


def test_xml_dump_failing_midway_keeps_earlier_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "wikiparse.wikitext.dump", _fake_dump(fail_after=2))
    found = items(write(tmp_path / "dump.xml", XML))
    assert [type(f).__name__ for f in found] == ["Unit", "Unit", "Unreadable"]
    assert "after 2 pages" in str(found[2].error)  # type: ignore[union-attr]
    assert "mismatched tag" in str(found[2].error)  # type: ignore[union-attr]


def test_json_nested_beyond_the_stack_is_one_error(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "ok"}), "[" * 100_000, json.dumps({"text": "fine"})]
    found = items(write(tmp_path / "deep.jsonl", "\n".join(lines) + "\n"))
    assert [(type(f).__name__, f.source.line) for f in found] == [("Unit", 1), ("Unreadable", 2), ("Unit", 3)]


def test_arc_file(tmp_path: Path) -> None:
    body = b"1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n"
    head = b"filedesc://test.arc 0.0.0.0 20200101000000 text/plain %d\n" % len(body)
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + html_page(1).encode()
    record = b"http://example.org/wiki/Harbour 1.2.3.4 20200101000000 text/html %d\n" % len(http) + http
    data = head + body + b"\n" + record + b"\n"
    [unit] = items(write(tmp_path / "old.arc", data))
    assert isinstance(unit, Unit)
    assert (unit.url, unit.data) == ("http://example.org/wiki/Harbour", html_page(1).encode())
    assert unit.source.offset == data.index(b"http://example.org/wiki/Harbour 1.2.3.4")
    assert unit.source.record_id is None  # ARC has none; a made-up one would break resume
