"""What an input is, decided from its first bytes, never from its name alone.

File names lie (a ``.html`` that is a JPEG, a ``.json`` that is gzip); magic bytes and the first
characters do not.

>>> sniff(b"\\x1f\\x8b\\x08\\x00")
'gzip'
>>> sniff(b'<?xml version="1.0"?>\\n<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">')
'xml-dump'
>>> sniff(b'{"name": "Albert Einstein", "article_body": {"html": "<p>x</p>"}}')
'json'
>>> sniff(b"{{Infobox film | name = Red Heat }}")
'page'
"""

from __future__ import annotations

import codecs
from typing import Literal

import regex

from ..detect import XML_DUMP_START

Kind = Literal["gzip", "bzip2", "xz", "zstd", "zip", "tar", "warc", "xml-dump", "json", "page"]

_MAGIC: tuple[tuple[bytes, Kind], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"(\xb5/\xfd", "zstd"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),  # an empty zip: just the end-of-directory record
    (b"WARC/", "warc"),
    (b"filedesc://", "warc"),  # ARC, the WARC predecessor; warcio reads both
)

# A JSON object starts with a key or is empty; raw wikitext's "{{" does not match.
_JSON = regex.compile(r'\A\s{0,1000}\{\s{0,1000}(?:"|\})')


def sniff(head: bytes) -> Kind:
    """The kind of input whose first bytes are ``head`` (a few KiB suffice; 512 for tar)."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if _is_tar_header(head[:512]):
        return "tar"
    text = _head_text(head[:8192])
    if XML_DUMP_START.match(text):
        return "xml-dump"
    if _JSON.match(text):
        return "json"
    return "page"


def _is_tar_header(block: bytes) -> bool:
    """A POSIX/GNU tar header (``ustar`` magic), or an old v7 header whose checksum adds up."""
    if len(block) < 512 or not block[0]:
        return False
    if block[257:262] == b"ustar":
        return True
    field = block[148:156].split(b"\x00", 1)[0].strip()
    try:
        stated = int(field, 8)
    except ValueError:
        return False
    actual = sum(block[:148]) + 8 * 32 + sum(block[156:])
    return stated == actual


def _head_text(head: bytes) -> str:
    """The head as text for the prologue checks: BOMs and UTF-16 (XML dumps may be UTF-16)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="replace")
    if len(head) >= 4 and head[1] == 0 and head[3] == 0 and head[0] != 0:
        return head.decode("utf-16-le", errors="replace")
    if len(head) >= 4 and head[0] == 0 and head[2] == 0 and head[1] != 0:
        return head.decode("utf-16-be", errors="replace")
    return head.decode("utf-8", errors="replace")
