"""Decoding bytes: every decision recorded, nothing silently dropped, binary refused."""

from __future__ import annotations

import codecs

import pytest

from wikiparse import InputError, LimitExceeded, Limits
from wikiparse.decode import decode, repair_mojibake


@pytest.mark.parametrize(
    ("data", "encoding", "method", "text"),
    [
        (codecs.BOM_UTF8 + "café".encode(), "utf-8", "bom", "café"),
        (codecs.BOM_UTF16_LE + "<p>café</p>".encode("utf-16-le"), "utf-16-le", "bom", "<p>café</p>"),
        (codecs.BOM_UTF16_BE + "<p>café</p>".encode("utf-16-be"), "utf-16-be", "bom", "<p>café</p>"),
        (codecs.BOM_UTF32_LE + "hi".encode("utf-32-le"), "utf-32-le", "bom", "hi"),
        (b'<meta charset="iso-8859-1"><p>caf\xe9</p>', "windows-1252", "declared", "<p>café</p>"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>\xc1</p>',
            "koi8-r",
            "declared",
            "<p>а</p>",
        ),
        (b'<?xml version="1.0" encoding="ISO-8859-5"?><x>\xd0</x>', "iso8859-5", "declared", "<x>а</x>"),
        ("<p>plain ünïcode</p>".encode(), "utf-8", "utf-8", "ünïcode"),
    ],
)
def test_declared_and_detected_encodings(data: bytes, encoding: str, method: str, text: str) -> None:
    decoded = decode(data)
    assert decoded.decoding is not None
    assert (decoded.decoding.encoding, decoded.decoding.method) == (encoding, method)
    assert text in decoded.text
    assert "\ufeff" not in decoded.text


def test_utf16_without_bom_is_sniffed_and_noted() -> None:
    decoded = decode("<p>a page of UTF-16 text without a byte-order mark</p>".encode("utf-16-le"))
    assert decoded.decoding is not None
    assert decoded.decoding.encoding == "utf-16-le"
    assert decoded.decoding.method == "fallback"
    assert "byte-order mark" in decoded.warnings[0]


def test_undeclared_invalid_utf8_falls_back_and_says_so() -> None:
    decoded = decode(b"caf\xe9 au lait")
    assert decoded.text == "café au lait"
    assert decoded.decoding is not None
    assert decoded.decoding.method == "fallback"
    assert any("windows-1252" in w for w in decoded.warnings)


def test_declared_utf8_that_is_not_falls_back_to_windows_1252() -> None:
    decoded = decode(b'<meta charset="utf-8"><p>\x93quoted\x94</p>')
    assert "“quoted”" in decoded.text
    assert decoded.decoding is not None
    assert (decoded.decoding.encoding, decoded.decoding.method) == ("windows-1252", "fallback")


def test_wrong_latin1_declaration_on_utf8_bytes_is_repaired() -> None:
    decoded = decode('<meta charset="iso-8859-1"><p>it’s – café</p>'.encode())
    assert "it’s – café" in decoded.text
    assert decoded.decoding is not None
    assert decoded.decoding.mojibake_repaired == 3


def test_undecodable_bytes_are_counted_not_dropped() -> None:
    decoded = decode(b'<meta charset="shift_jis"><p>\xff ok</p>')
    assert decoded.decoding is not None
    assert decoded.decoding.replaced == 1
    assert "\ufffd ok" in decoded.text
    assert any("replaced" in w for w in decoded.warnings)


def test_replacement_characters_already_in_the_input_are_not_counted() -> None:
    decoded = decode("a \ufffd b".encode())
    assert decoded.decoding is not None
    assert decoded.decoding.replaced == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b" \n\t ", "empty"),
        (b"\xff\xd8\xff\xe0" + bytes(200), "JPEG"),
        (b"\x89PNG\r\n\x1a\n" + bytes(50), "PNG"),
        (b"PK\x03\x04" + bytes(50), "zip"),
        (b"\x1f\x8b\x08" + bytes(50), "gzip"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x00" * 400, "binary"),
    ],
)
def test_non_pages_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(data)


def test_size_limits_apply_before_decoding() -> None:
    with pytest.raises(LimitExceeded, match="max_bytes"):
        decode(b"x" * 101, Limits(max_bytes=100))
    with pytest.raises(LimitExceeded, match="max_text_chars"):
        decode("x" * 101, Limits(max_text_chars=100))


def test_str_input_has_no_decoding_but_mojibake_is_noted() -> None:
    decoded = decode("donâ€™t")
    assert decoded.text == "don’t"
    assert decoded.decoding is None
    assert decoded.warnings == ("repaired 1 mojibake sequence(s) (UTF-8 read as Windows-1252)",)


@pytest.mark.parametrize("text", ["Ãx", "naïve façade", "Â", "€100", "ÃƒÂ©"[:1]])
def test_mojibake_repair_leaves_real_text_alone(text: str) -> None:
    assert repair_mojibake(text) == (text, 0)
