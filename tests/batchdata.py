"""Test helper: generated batch inputs (pages, archives, WARC, dumps), written in our own words.

Nothing here copies corpus text; every page is built from the templates below, so tests can
state exactly how many pages each input holds.
"""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path

PLACES = ("Lantern Bay", "Copper Hollow", "Marrow Fen", "Quill Point", "Saltmarsh Ridge", "Tern Island")


def text_page(n: int, paragraphs: int = 1) -> str:
    """A small plain-text wiki scrape with a title, a lead, two sections and an edit marker."""
    place = f"{PLACES[n % len(PLACES)]} {n}"
    body = "\n\n".join(
        f"The town of {place} grew around a stone harbour built in {1800 + n + i}." for i in range(paragraphs)
    )
    return (
        f"{place}\n\n{place} is an imagined fishing town on a quiet coast.\n\n"
        f"History Edit\n{body}\n\nPlaces Edit\n* The old lighthouse\n* The net market\n"
    )


def html_page(n: int) -> str:
    return f"<!DOCTYPE html><html><head><title>Page {n}</title></head><body><p>Body {n}.</p></body></html>"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def tar_bytes(members: dict[str, bytes], mode: str = "w:gz", symlinks: dict[str, str] | None = None) -> bytes:
    """A tar archive of ``members``, then ``symlinks`` (name → target)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:  # type: ignore[call-overload]
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, target in (symlinks or {}).items():
            link = tarfile.TarInfo(name)
            link.type = tarfile.SYMTYPE
            link.linkname = target
            archive.addfile(link)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def enterprise_record(n: int, *, namespace: int = 0, html: str | None = None) -> dict[str, object]:
    """A Wikimedia Enterprise record of the shape the dumps use (fields wikiparse reads, and more)."""
    title = f"{PLACES[n % len(PLACES)]} {n}"
    return {
        "name": title,
        "identifier": 1000 + n,
        "date_modified": "2024-05-01T12:00:00Z",
        "version": {"identifier": 5000 + n, "editor": {"name": "Example"}},
        "url": f"https://en.example.org/wiki/{title.replace(' ', '_')}",
        "namespace": {"name": "Article", "identifier": namespace},
        "in_language": {"identifier": "en"},
        "categories": [{"name": "Category:Imagined towns", "url": "https://en.example.org/wiki/Category:X"}],
        "is_part_of": {"name": "Example Wiki", "identifier": "examplewiki"},
        "article_body": {"html": html if html is not None else html_page(n), "wikitext": "''x''"},
    }


def ndjson(records: list[dict[str, object]]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")


def warc_bytes(pages: list[tuple[str, bytes, str]], *, gzipped: bool = True) -> bytes:
    """A WARC with a request and a response record per ``(url, payload, content type)``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for url, payload, content_type in pages:
        get = b"GET / HTTP/1.1\r\n\r\n"
        request = writer.create_warc_record(url, "request", payload=io.BytesIO(get), length=len(get))
        writer.write_record(request)
        request.raw_stream.close()  # warcio buffers records in temporary files it leaves open
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        response = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers
        )
        writer.write_record(response)
        response.raw_stream.close()
    return buffer.getvalue()


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)
