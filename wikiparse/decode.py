"""bytes → str, recording which encoding was chosen and why.

Order of evidence: a byte-order mark; a declaration in the first 4 KiB (``<meta charset>``,
``http-equiv`` Content-Type, ``<?xml encoding=?>``); strict UTF-8; UTF-16 without a BOM
(recognised by its NUL pattern); then Windows-1252 as the recorded fallback.  Bytes that
cannot be decoded are replaced by U+FFFD and counted — never silently dropped.  Binary input
(images, archives, executables) is refused with :class:`~wikiparse.errors.InputError`.

>>> decode(b'<meta charset="iso-8859-1"><p>caf\\xe9</p>').text
'<meta charset="iso-8859-1"><p>café</p>'
>>> decode("it\\u00e2\\u20ac\\u2122s".encode("utf-8")).text
'it’s'
"""

from __future__ import annotations

import codecs

import attrs
import regex

from .errors import InputError, LimitExceeded
from .options import Limits
from .records import DecodeMethod, Decoding


@attrs.frozen
class Decoded:
    text: str
    decoding: Decoding | None
    warnings: tuple[str, ...] = ()


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_DECLARED = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']""",
    regex.IGNORECASE,
)

# File signatures of formats that are never a wiki page.
_BINARY_MAGIC = (
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"(\xb5/\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"wOFF", "a web font"),
)


def decode(source: str | bytes, limits: Limits | None = None) -> Decoded:
    """Decode ``source`` (``str`` passes through, with mojibake repair) under ``limits``."""
    limits = limits or Limits()
    if isinstance(source, str):
        if len(source) > limits.max_text_chars:
            raise LimitExceeded(
                f"input of {len(source):,} characters", limits.max_text_chars, "max_text_chars"
            )
        text, repaired = repair_mojibake(source)
        notes = (f"repaired {repaired} mojibake sequence(s)",) if repaired else ()
        return Decoded(text, None, notes)
    if len(source) > limits.max_bytes:
        raise LimitExceeded(f"input of {len(source):,} bytes", limits.max_bytes, "max_bytes")
    if not source.strip():
        raise InputError("the input is empty (no bytes, or only whitespace)")
    encoding, method = _choose(source)
    text, replaced = _decode_counting(source, encoding, method)
    if len(text) > limits.max_text_chars:
        raise LimitExceeded(f"input of {len(text):,} characters", limits.max_text_chars, "max_text_chars")
    _refuse_binary_text(text, source)
    text, repaired = repair_mojibake(text)
    warnings: list[str] = []
    if method == "fallback":
        warnings.append(f"no encoding declared and not valid UTF-8: decoded as {encoding}")
    if replaced:
        warnings.append(f"{replaced} undecodable byte(s) replaced by U+FFFD")
    if repaired:
        warnings.append(f"repaired {repaired} mojibake sequence(s)")
    decoding = Decoding(encoding=encoding, method=method, replaced=replaced, mojibake_repaired=repaired)
    return Decoded(text, decoding, tuple(warnings))


def _choose(data: bytes) -> tuple[str, DecodeMethod]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, "bom"
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError(f"the input is {what}, not a wiki page")
    utf16 = _sniff_utf16(data[:4096])
    if utf16:
        return utf16, "fallback"
    declared = _declared(data[:4096])
    if declared:
        return declared, "declared"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "windows-1252", "fallback"
    return "utf-8", "utf-8"


def _declared(head: bytes) -> str | None:
    for match in _DECLARED.finditer(head):
        name = (match.group(1) or match.group(2)).decode("ascii").lower()
        try:
            canonical = codecs.lookup(name).name
        except LookupError:
            continue
        # Browsers treat a declared Latin-1 as Windows-1252 (WHATWG Encoding Standard), and a
        # declared UTF-16 in an ASCII-compatible byte stream is a lie.
        if canonical in ("latin-1", "iso8859-1", "ascii"):
            return "windows-1252"
        if canonical.startswith(("utf-16", "utf-32")):
            continue
        return canonical
    return None


def _sniff_utf16(head: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-range text has a NUL in every other byte."""
    if len(head) < 4:
        return None
    even = head[0::2]
    odd = head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _decode_counting(data: bytes, encoding: str, method: str) -> tuple[str, int]:
    if method == "bom":
        data = data[len(next(b for b, n in _BOMS if n == encoding)) :]
    try:
        return data.decode(encoding), 0
    except UnicodeDecodeError:
        pass
    if method == "declared" and encoding == "utf-8":
        # Declared UTF-8 that is not: very often really Windows-1252.
        try:
            return data.decode("windows-1252"), 0
        except UnicodeDecodeError:
            pass
    text = data.decode(encoding, errors="replace")
    return text, text.count("\ufffd") - _count_replacement_chars(data, encoding)


def _count_replacement_chars(data: bytes, encoding: str) -> int:
    """U+FFFD characters that were already in the input (not caused by decoding)."""
    marker = "\ufffd".encode(encoding, errors="ignore") if encoding.startswith("utf") else b""
    return data.count(marker) if marker else 0


_CONTROL_BYTES = regex.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _refuse_binary_text(text: str, data: bytes) -> None:
    sample = text[:8192]
    if not sample:
        return
    controls = len(_CONTROL_BYTES.findall(sample))
    if controls > 0.1 * len(sample) or sample.count("\x00") > 0.01 * len(sample) + 8:
        raise InputError(
            f"the input looks binary ({controls} control characters in its first {len(sample)}),"
            " not a wiki page"
        )


# UTF-8 read as Windows-1252: a lead byte (Â..ô) followed by continuation bytes shown as
# Windows-1252 characters. Only whole, valid sequences are repaired, so the repair is certain.
_CONTINUATION = (
    "\x80-\xbf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d"
    "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
)
_MOJIBAKE = regex.compile(
    rf"[\u00c2-\u00df][{_CONTINUATION}]"
    rf"|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}"
    rf"|[\u00f0-\u00f4][{_CONTINUATION}]{{3}}"
)

# A necessary condition checked on UTF-8 bytes, about 30 times faster than the pattern above
# over str: a lead character (U+00C2–U+00F4, bytes C3 82–C3 B4) directly followed by a
# continuation character (U+0080–U+00BF, or a Windows-1252 letter/punctuation in U+0152–U+2122).
_MOJIBAKE_HINT = regex.compile(rb"\xc3[\x82-\xb4](?:\xc2|\xe2[\x80-\x84]|\xc5|\xc6|\xcb)")


def repair_mojibake(text: str) -> tuple[str, int]:
    """Repair UTF-8-read-as-Windows-1252 sequences; return the text and how many were repaired.

    >>> repair_mojibake("Pokémon and Ã©tÃ© but not Ãx")
    ('Pokémon and été but not Ãx', 2)
    """
    count = 0

    def fix(match: regex.Match[str]) -> str:
        nonlocal count
        try:
            fixed = match.group().encode("windows-1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return match.group()
        count += 1
        return fixed

    if not _MOJIBAKE_HINT.search(text.encode("utf-8", "surrogatepass")) or not _MOJIBAKE.search(text):
        return text, 0
    return _MOJIBAKE.sub(fix, text), count
