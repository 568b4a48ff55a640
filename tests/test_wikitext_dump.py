"""Streaming MediaWiki XML dumps: compression, encodings, namespaces, accounting, bad pages."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import pickle
import sys
from pathlib import Path

import pytest

import wikiparse
import wikiparse.wikitext.dump
from wikiparse import Limits
from wikiparse.units import Skipped, Unit
from wikiparse.wikitext.context import PageContext
from wikiparse.wikitext.dump import build_template_index, iter_units

SITEINFO = """<siteinfo><sitename>Ferry Wiki</sitename><base>https://ferries.fandom.com/wiki/Main_Page</base>
<namespaces><namespace key="0"/><namespace key="1">Talk</namespace><namespace key="10">Template</namespace>
<namespace key="14">Category</namespace></namespaces></siteinfo>"""


def page(title: str, text: str, *, ns: int | None = 0, page_id: int = 1, extra: str = "") -> str:
    ns_tag = f"<ns>{ns}</ns>" if ns is not None else ""
    body = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        f"<page><title>{title}</title>{ns_tag}<id>{page_id}</id>{extra}<revision><id>{page_id * 10}</id>"
        f"<timestamp>2020-01-0{page_id % 9 + 1}T00:00:00Z</timestamp><text>{body}</text></revision></page>"
    )


def dump(*pages: str, siteinfo: str = SITEINFO, version: str = "0.10") -> bytes:
    head = f'<mediawiki xmlns="http://www.mediawiki.org/xml/export-{version}/" version="{version}">'
    return (head + siteinfo + "".join(pages) + "</mediawiki>").encode("utf-8")


ARTICLE = page("Gull", "{{Vessel|built=1899|tonnage=300}}\n'''Gull''' was a ferry.", page_id=2)
TEMPLATE = page(
    "Template:Vessel",
    '<infobox><data source="built"><label>Built</label></data><data source="tonnage"/></infobox>',
    ns=10,
    page_id=3,
)
TALK = page("Talk:Gull", "Was she a ferry?", ns=1, page_id=4)
REDIRECT = page("Gull (ferry)", "#REDIRECT [[Gull]]", page_id=5, extra='<redirect title="Gull" />')


def units(data: bytes, **kwargs: object) -> list[Unit | Skipped]:
    return list(iter_units(io.BytesIO(data), path="d.xml", limits=Limits(), **kwargs))  # type: ignore[arg-type]


def test_every_page_is_a_unit_or_skipped() -> None:
    out = units(dump(ARTICLE, TEMPLATE, TALK, REDIRECT))
    assert [type(u).__name__ for u in out] == ["Unit", "Skipped", "Skipped", "Unit"]
    skipped = [u for u in out if isinstance(u, Skipped)]
    assert [s.reason for s in skipped] == [
        "namespace 10 (Template) not selected",
        "namespace 1 (Talk) not selected",
    ]


def test_units_carry_provenance_and_site() -> None:
    gull = units(dump(ARTICLE, TEMPLATE))[0]
    assert isinstance(gull, Unit)
    assert (gull.format, gull.title, gull.namespace, gull.site_name) == ("wikitext", "Gull", 0, "Ferry Wiki")
    assert (gull.source.page_id, gull.source.revision_id, gull.source.timestamp) == (
        2,
        20,
        "2020-01-03T00:00:00Z",
    )
    assert gull.source.sha256 is not None
    assert len(gull.source.sha256) == 64
    assert gull.url == "https://ferries.fandom.com/wiki/Gull"


def test_template_defined_later_in_the_dump_still_makes_an_infobox() -> None:
    gull = units(dump(ARTICLE, TEMPLATE))[0]
    assert isinstance(gull, Unit)
    record = wikiparse.parse_unit(gull)
    assert record.site == "fandom"
    assert [(f.label, f.value) for f in record.infoboxes[0].fields] == [("Built", "1899"), ("tonnage", "300")]


def test_namespaces_none_selects_all_and_context_pickles() -> None:
    out = units(dump(ARTICLE, TEMPLATE, TALK), namespaces=None)
    assert all(isinstance(u, Unit) for u in out)
    clone = pickle.loads(pickle.dumps(out[0]))
    assert clone == out[0]
    assert isinstance(clone.context, PageContext)
    assert len(pickle.dumps(out[0].context)) < 4000


def test_redirects_are_flagged_from_the_element_and_the_text() -> None:
    (unit,) = [u for u in units(dump(REDIRECT)) if isinstance(u, Unit)]
    record = wikiparse.parse_unit(unit)
    assert (record.page_type, record.redirect, unit.redirect) == ("redirect", "Gull", "Gull")


def test_old_export_without_ns_or_siteinfo_takes_namespace_from_the_title() -> None:
    gull = page("Gull", "A ferry.", ns=None)
    data = dump(gull, page("Category:Ferries", "All.", ns=None, page_id=2), siteinfo="", version="0.3")
    out = units(data)
    assert [type(u).__name__ for u in out] == ["Unit", "Skipped"]
    assert out[0].source.page_id == 1


@pytest.mark.parametrize(
    "pack",
    [lambda b: b, gzip.compress, bz2.compress, lzma.compress],
    ids=["plain", "gzip", "bzip2", "xz"],
)
def test_compressions(pack: object) -> None:
    out = units(pack(dump(ARTICLE, TEMPLATE)))  # type: ignore[operator]
    assert [u.source.page_id for u in out] == [2, 3]


@pytest.mark.parametrize(
    "pack", [gzip.compress, lambda b: bz2.compress(b, 1), lzma.compress], ids=["gzip", "bzip2", "xz"]
)
def test_a_compressed_dump_cut_short_gives_its_pages_then_input_error(pack: object) -> None:
    """The documented contract, for compressed dumps too: pages before the damage, then InputError
    (the decompressor's own EOFError used to escape, with no page)."""
    articles = [page(f"Ferry {n}", f"Ferry {n} sailed. " * 400 + f"{n}", page_id=10 + n) for n in range(60)]
    data = pack(dump(*articles))  # type: ignore[operator]
    got: list[Unit | Skipped] = []
    with pytest.raises(wikiparse.InputError, match="truncated or corrupt"):
        got.extend(iter_units(io.BytesIO(data[: len(data) * 3 // 4]), path="d.xml", limits=Limits()))
    assert len(got) >= 10
    assert [u.source.page_id for u in got] == list(range(10, 10 + len(got)))


def test_a_compressed_dump_bomb_stops_at_the_ratio_limit() -> None:
    bomb = bz2.compress(dump(page("Zeros", "0" * (20 * 1024 * 1024))), 9)
    with pytest.raises(wikiparse.LimitExceeded):
        list(iter_units(io.BytesIO(bomb), path="d.xml", limits=Limits(max_unpack_ratio=50)))


def test_7z(tmp_path: Path) -> None:
    py7zr = pytest.importorskip("py7zr")
    archive = tmp_path / "d.7z"
    with py7zr.SevenZipFile(archive, "w") as z:
        z.writestr(dump(ARTICLE, TEMPLATE, TALK), "pages.xml")
    with archive.open("rb") as f:
        out = list(iter_units(f, path=str(archive), limits=Limits()))
    assert [type(u).__name__ for u in out] == ["Unit", "Skipped", "Skipped"]
    assert isinstance(out[0], Unit)
    assert out[0].context.templates


def test_7z_without_the_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "py7zr", None)
    with pytest.raises(wikiparse.MissingExtraError, match=r"wikiparse\[sevenzip\]"):
        units(b"7z\xbc\xaf\x27\x1c" + b"\x00" * 40)


def test_utf16_dump_with_bom() -> None:
    text = dump(page("Брезово", "'''Брезово''' е град.")).decode("utf-8")
    data = b"\xff\xfe" + ('<?xml version="1.0" encoding="UTF-16"?>' + text).encode("utf-16-le")
    (unit,) = units(data)
    assert isinstance(unit, Unit)
    assert wikiparse.parse_unit(unit).summary == "Брезово е град."


def test_a_page_without_text_is_an_error_for_that_page_only() -> None:
    hidden = (
        "<page><title>Gone</title><ns>0</ns><id>9</id>"
        '<revision><id>90</id><text deleted="deleted"/></revision></page>'
    )
    out = units(dump(hidden, ARTICLE, TEMPLATE))
    assert [u.title for u in out if isinstance(u, Unit)] == ["Gone", "Gull"]
    with pytest.raises(wikiparse.InputError, match="'Gone': the dump holds no text"):
        wikiparse.parse_unit(out[0])  # type: ignore[arg-type]
    assert wikiparse.parse_unit(out[1]).summary == "Gull was a ferry."  # type: ignore[arg-type]


def test_a_page_with_a_bad_id_is_still_yielded_with_its_problem() -> None:
    bad = page("Odd", "Text.").replace("<id>1</id>", "<id>x1</id>", 1)
    (unit,) = units(dump(bad))
    assert isinstance(unit, Unit)
    with pytest.raises(wikiparse.InputError, match="page id 'x1' is not a number"):
        wikiparse.parse_unit(unit)


def test_truncated_dump_yields_pages_before_the_damage_then_raises() -> None:
    whole = dump(ARTICLE, TEMPLATE, TALK)
    data = whole[: whole.index(b"<page><title>Talk:Gull") + 30]
    stream = iter_units(io.BytesIO(data), path="d", limits=Limits(), index=build_index())
    assert [u.source.page_id for u in (next(stream), next(stream))] == [2, 3]
    with pytest.raises(wikiparse.InputError, match="malformed or truncated"):
        next(stream)


@pytest.mark.parametrize("keep", [wikiparse.wikitext.dump.KEEP_CHARS, 0])
def test_truncated_dump_with_its_own_first_pass(keep: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Reading ahead meets the damage first; the pages before it still come out, from what was
    # read ahead (small dumps) or from a second read (large ones, on a stream that can seek).
    monkeypatch.setattr(wikiparse.wikitext.dump, "KEEP_CHARS", keep)
    whole = dump(TEMPLATE, ARTICLE, TALK)
    data = whole[: whole.index(b"<page><title>Talk:Gull") + 30]
    stream = iter_units(io.BytesIO(data), path="d", limits=Limits(), namespaces=None)
    first, second = next(stream), next(stream)
    assert [first.source.page_id, second.source.page_id] == [3, 2]
    assert isinstance(second, Unit)
    assert second.context.templates  # type: ignore[attr-defined]  # the index saw the template
    with pytest.raises(wikiparse.InputError, match="malformed or truncated"):
        next(stream)


@pytest.mark.parametrize("keep", [wikiparse.wikitext.dump.KEEP_CHARS, 0])
def test_kept_and_reread_dumps_give_the_same_units(keep: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wikiparse.wikitext.dump, "KEEP_CHARS", keep)
    got = units(dump(ARTICLE, TEMPLATE, TALK, REDIRECT))
    monkeypatch.setattr(wikiparse.wikitext.dump, "KEEP_CHARS", 10**9)
    assert got == units(dump(ARTICLE, TEMPLATE, TALK, REDIRECT))


def build_index() -> object:
    return build_template_index(io.BytesIO(dump(TEMPLATE)))


def test_dumps_that_declare_entities_are_refused_before_parsing() -> None:
    evil = b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x "BOOM">]>' + dump(page("Gull", "a &x; b"))
    with pytest.raises(wikiparse.InputError, match=r"declares entities"):
        units(evil)
    utf16 = ('\ufeff<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>').encode("utf-16-le") + dump(
        page("Gull", "a")
    ).decode().encode("utf-16-le")
    with pytest.raises(wikiparse.InputError, match=r"declares entities"):
        units(utf16)


def test_a_doctype_without_entities_is_read() -> None:
    plain = b'<?xml version="1.0"?><!DOCTYPE mediawiki>' + dump(page("Gull", "a & b"))
    (unit,) = units(plain)
    assert unit.data == "a & b"  # type: ignore[union-attr]


def test_parse_of_an_export_with_several_articles_is_refused() -> None:
    data = dump(ARTICLE, page("Tern", "Another ferry.", page_id=7))
    with pytest.raises(wikiparse.InputError, match=r"2 article pages.*wikiparse convert"):
        wikiparse.parse(data)


def test_parse_of_an_export_with_one_article_and_its_templates() -> None:
    record = wikiparse.parse(dump(ARTICLE, TEMPLATE, TALK))
    assert record.title == "Gull"
    assert record.infoboxes[0].fields[0].label == "Built"


def test_table_infobox_definition_gives_labels_from_its_rows() -> None:
    definition = (
        '{| class="infobox"\n|+ {{{name|{{PAGENAME}}}}}\n|-\n| colspan=2 | [[File:{{{image}}}|200px]]\n'
        "|-\n! Built\n| {{{built|}}}\n|-\n! style=\"text-align:left\" | '''Home port'''\n| {{{port|}}}\n"
        "{{#if:{{{captain|}}}|\n{{!}}-\n! Captain:\n{{!}} {{{captain}}}\n}}\n"
        "|-\n| '''Crew''' || {{{crew}}}\n|}"
    )
    article = page(
        "Tern", "{{Ship box|built=1901|port=[[Dover]]|captain=Ann Lee|image=T.jpg}}\nA ferry.", page_id=8
    )
    (unit,) = [
        u
        for u in units(dump(article, page("Template:Ship box", definition, ns=10, page_id=9)))
        if isinstance(u, Unit)
    ]
    (box,) = wikiparse.parse_unit(unit).infoboxes
    assert box.title == "Tern"
    assert [(f.label, f.value) for f in box.fields] == [
        ("Built", "1901"),
        ("Home port", "Dover"),
        ("Captain", "Ann Lee"),
    ]


def test_a_wrapper_of_an_infobox_is_that_infobox_with_its_own_parameter_names() -> None:
    ferry = page(
        "Template:Ferry", "{{Vessel|built={{{year|}}}|tonnage={{{weight|{{PAGENAME}}}}}|kind=ferry}}", ns=10
    )
    boat = page(
        "Template:Boat", "<includeonly>{{Infobox ship|ship_builder={{{builder|}}}}}</includeonly>", ns=10
    )
    tern = page("Tern", "{{Ferry|year=1901|weight=280}}\n{{Boat|builder=[[Harland]]}}\nA ferry.", page_id=7)
    out = units(dump(tern, TEMPLATE, ferry.replace("<id>1<", "<id>11<"), boat.replace("<id>1<", "<id>12<")))
    (unit,) = [u for u in out if isinstance(u, Unit)]
    ferry_box, boat_box = wikiparse.parse_unit(unit).infoboxes
    assert [(f.label, f.value) for f in ferry_box.fields] == [("Built", "1901"), ("tonnage", "280")]
    assert [(f.label, f.value) for f in boat_box.fields] == [("ship builder", "Harland")]


class _OneWay(io.RawIOBase):
    """A stream that cannot seek (a decompressor or archive member in a batch)."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_templates_defined_after_an_article_are_known_on_a_one_way_stream() -> None:
    (unit,) = [
        u
        for u in iter_units(_OneWay(dump(ARTICLE, TEMPLATE)), path="d", limits=Limits())  # type: ignore[arg-type]
        if isinstance(u, Unit)
    ]
    assert wikiparse.parse_unit(unit).infoboxes[0].fields[0].label == "Built"


def test_past_the_read_ahead_a_one_way_stream_learns_as_it_goes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wikiparse.wikitext.dump, "KEEP_CHARS", 0)
    late = [
        u
        for u in iter_units(_OneWay(dump(ARTICLE, TEMPLATE)), path="d", limits=Limits())  # type: ignore[arg-type]
        if isinstance(u, Unit)
    ]
    early = [
        u
        for u in iter_units(_OneWay(dump(TEMPLATE, ARTICLE)), path="d", limits=Limits())  # type: ignore[arg-type]
        if isinstance(u, Unit)
    ]
    assert not wikiparse.parse_unit(late[0]).infoboxes
    assert wikiparse.parse_unit(early[0]).infoboxes[0].fields[0].label == "Built"
