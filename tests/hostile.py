"""Test helper: a catalogue of hostile pages, generated on demand (nothing large is committed).

Each entry names the file it would arrive as in a crawl, builds its bytes, and says what
``wikiparse.parse`` must make of it: a record, or a specific error type.  The per-page tests
(tests/test_adversarial.py) check each outcome and its bound in detail; the batch tests
(tests/test_adversarial_batch.py) put them all in one directory and convert them together.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import attrs

HEAD = "<!DOCTYPE html><html><head><title>Kettle Hill - Hillwiki</title></head><body>"


def html(body: str) -> bytes:
    return (HEAD + body + "</body></html>").encode("utf-8")


@attrs.frozen
class Hostile:
    name: str
    filename: str
    build: Callable[[], bytes]
    expect: str
    """``"record"``, or the name of the error type ``parse`` raises."""


def _billion_laughs_html() -> bytes:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE html [{entities}]>'
        "<html><head><title>Laughs</title></head><body><p>before &lol9; after</p></body></html>"
    ).encode()


def _unclosed() -> bytes:
    # What broken pages really do: unclosed paragraphs, items, cells and inline tags everywhere.
    rows = "".join(f"<tr><td>cell {i}<td>more {i}" for i in range(200))
    items = "".join(f"<li>item {i} <b>bold {i}" for i in range(200))
    paras = "".join(f"<p>para {i} <i>slanted <a href='/wiki/X{i}'>link {i}" for i in range(200))
    return html(f"<h2>Start<p>lead<table>{rows}</table><ul>{items}</ul>{paras}<div><div><span>")


def _random_bytes() -> bytes:
    rng = random.Random(6)
    return bytes(rng.randrange(256) for _ in range(50_000))


def _jpeg() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 64


CATALOGUE: tuple[Hostile, ...] = (
    Hostile(
        "nested-divs",
        "divs.html",
        lambda: html("<div>" * 100_000 + "deep" + "</div>" * 100_000),
        "LimitExceeded",
    ),
    Hostile(
        "nested-lists",
        "lists.html",
        lambda: html("<ul><li>a" * 100_000 + "</li></ul>" * 100_000),
        "LimitExceeded",
    ),
    Hostile(
        "nested-lists-900",
        "lists900.html",
        lambda: html("<ul><li>level" * 900 + "</li></ul>" * 900),
        "record",
    ),
    Hostile("nested-inline", "inline.html", lambda: html("<p>" + "<b><i>" * 50_000 + "x"), "LimitExceeded"),
    Hostile(
        "colspan-100000",
        "colspan.html",
        lambda: html(
            "<table><tr><td colspan=100000>wide</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"
        ),
        "record",
    ),
    Hostile(
        "span-grid",
        "grid.html",
        lambda: html("<table>" + "<tr><td colspan=1000 rowspan=1000>x</td></tr>" * 600 + "</table>"),
        "LimitExceeded",
    ),
    Hostile("tiny-elements", "tiny.html", lambda: html("<b>x</b>" * 1_000_000), "LimitExceeded"),
    Hostile(
        "text-node-50mb", "bigtext.html", lambda: html("<p>" + "a" * 50_000_000 + "</p>"), "LimitExceeded"
    ),
    Hostile(
        "headings-10k",
        "headings.html",
        lambda: html("".join(f"<h2>Heading {i}</h2><p>Text {i}.</p>" for i in range(10_000))),
        "record",
    ),
    Hostile(
        "title-1mb",
        "title.html",
        lambda: ("<html><head><title>" + "T" * 1_000_000 + "</title></head><body><p>x</p>").encode(),
        "record",
    ),
    Hostile("unclosed-tags", "unclosed.html", _unclosed, "record"),
    Hostile("unclosed-divs-deep", "unclosed-deep.html", lambda: html("<div>word " * 5000), "LimitExceeded"),
    Hostile(
        "attributes-100k",
        "attrs.html",
        lambda: html("<div " + " ".join(f"a{i}='{i}'" for i in range(100_000)) + ">x</div>"),
        "LimitExceeded",
    ),
    Hostile(
        "links-50k",
        "links.html",
        lambda: html("<p>" + "".join(f"<a href='/wiki/P{i}'>p{i}</a> " for i in range(50_000)) + "</p>"),
        "record",
    ),
    Hostile(
        "nul-and-controls",
        "controls.html",
        lambda: html("<p>a\x00b\x01c\x1b[31md\x7fe\x0bf\x0cg</p><p>\x00\x00\x00</p>"),
        "record",
    ),
    Hostile(
        "invalid-utf8",
        "invalid.html",
        lambda: html("<p>caf</p>").replace(b"caf", b"caf\xc3 \xff\xfe\xed\xa0\x80 ok"),
        "record",
    ),
    Hostile(
        "wrong-meta-charset",
        "wrongmeta.html",
        lambda: '<html><head><meta charset="iso-2022-jp"></head><body><p>café naïve Zürich</p>'.encode(),
        "record",
    ),
    Hostile(
        "bogus-meta-codec",
        "rot13.html",
        lambda: '<html><head><meta charset="rot13"></head><body><p>café Zürich</p>'.encode(),
        "record",
    ),
    Hostile(
        "utf16-without-bom",
        "utf16.html",
        lambda: "<html><body><p>Hello wiki world</p></body></html>".encode("utf-16-le"),
        "record",
    ),
    Hostile("empty", "empty.html", lambda: b"", "InputError"),
    Hostile("whitespace-only", "blank.html", lambda: b"  \r\n\t  \n", "InputError"),
    Hostile("binary", "binary.html", _random_bytes, "InputError"),
    Hostile("jpeg", "photo.html", _jpeg, "InputError"),
    Hostile("billion-laughs-html", "laughs.html", _billion_laughs_html, "record"),
    Hostile(
        "edit-markers", "edits.txt", lambda: ("[edit]\n" * 20_000 + "Plot [edit] " * 5_000).encode(), "record"
    ),
    Hostile(
        "deep-bullets",
        "bullets.txt",
        lambda: "\n".join(" " * i + "* item " + str(i) for i in range(5000)).encode(),
        "record",
    ),
    Hostile("too-many-lines", "lines.txt", lambda: b"x\n" * 600_000, "LimitExceeded"),
    Hostile(
        "backtracking-title",
        "suffix.html",
        lambda: ("<html><head><title>" + "a - " * 50_000 + "-</title></head><body><p>x</p>").encode(),
        "record",
    ),
    Hostile(
        "backtracking-markdown",
        "leftover.md",
        lambda: (
            "# T\n\nText.\n\n[Category:X](https://a.fandom.com/wiki/Category:X)"
            + " ," * 50_000
            + "!\n"
            + "[" * 200_000
            + "\n"
            + "* "
            + " " * 100_000
            + "!\n"
        ).encode(),
        "record",
    ),
)


# Deep and wide at once: each cost (elements × depth) before — seconds to half a minute at this
# size, many minutes at the element limit — and the open anchors a gigabyte of link text.
DEEP = "<div>" * 1900
HIDDEN = "<span class='hidden'>h</span><b style='display:none'>h</b>x"
ROOTS = "<html><body>" + DEEP + "<div class='mw-parser-output'>x</div>" * 20_000
BAR = "<html><body class='skin-vector'><div id='mw-content-text'><p>text</p></div><div id='catlinks'>"
CATEGORIES = (
    "<ul>" + "".join(f"<li><a href='/wiki/Category:C{i}'>C{i}</a></li>" for i in range(20_000)) + "</ul>"
)
ANCHORS = "".join(f"<div><a href='/wiki/X{i}'>" for i in range(1000))
DEEP_AND_WIDE_FILES = (
    *("hidden.html", "editlinks.html", "cites.html", "wrappers.html"),
    *("roots.html", "catbar.html", "anchors.html"),
)
CATALOGUE += (
    Hostile("hidden-in-deep-nesting", "hidden.html", lambda: html(DEEP + HIDDEN * 20_000), "record"),
    Hostile("edit-links-in-deep-nesting", "editlinks.html",
            lambda: html(DEEP + "<span class='mw-editsection'>[edit]</span>x" * 20_000), "record"),
    Hostile("cites-in-deep-nesting", "cites.html", lambda: html(DEEP + "<cite>c</cite>x" * 40_000), "record"),
    Hostile("inline-wrappers", "wrappers.html",
            lambda: html("<b>" * 1000 + "<b>x</b>" * 40_000 + "<div>block</div>"), "record"),
    Hostile("content-roots-wide", "roots.html", lambda: ROOTS.encode(), "record"),
    Hostile("category-bar-deep", "catbar.html", lambda: (BAR + DEEP + CATEGORIES).encode(), "record"),
    Hostile("unclosed-anchors", "anchors.html", lambda: html(ANCHORS + "<p>" + "word " * 200_000), "record"),
)  # fmt: skip


# Infobox parts nested in each other: each level's text read again, 100 MB of fields from 500 KB.
PI_DATA = "<div class='pi-data'><div class='pi-data-label'>L</div><div class='pi-data-value'>"
PI_GROUP = (
    "<table class='pi-horizontal-group'><caption class='pi-header'>h</caption>"
    "<tr><th class='pi-horizontal-group-item'>L</th></tr><tr><td class='pi-horizontal-group-item'>"
)
CATALOGUE += (
    Hostile("infobox-data-nested", "pidata.html",
            lambda: html("<aside class='portable-infobox'>" + PI_DATA * 600 + "word " * 100_000), "record"),
    Hostile("infobox-groups-nested", "pigroup.html",
            lambda: html("<aside class='portable-infobox'>" + PI_GROUP * 600 + "word " * 100_000), "record"),
)  # fmt: skip


def by_name(name: str) -> Hostile:
    return next(h for h in CATALOGUE if h.name == name)
