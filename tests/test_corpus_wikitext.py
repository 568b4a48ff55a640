"""The done-when checks of issue 10 on the real dumps in ../shared (skipped when it is absent).

Each dump streams through ``iter_units`` and ``parse_unit`` exactly as the batch converter
does; the checks count records and errors against the articles, redirects, infoboxes, and
markup leaking into any kept text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
import regex

import wikiparse
from wikiparse import Limits, ListBlock, Page, Section, Table
from wikiparse.units import Skipped, Unit
from wikiparse.wikitext.calls import template_key
from wikiparse.wikitext.dump import iter_units
from wikiparse.wikitext.templates import called_names
from wikiparse.wikitext.vocab import INFOBOX_NAME

from .conftest import CORPUS, need
from .pagetext import kept_strings

DUMPS = CORPUS / "dumps"
ENWIKI = DUMPS / "gensim_enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
TITANIC = DUMPS / "wikiatp_titanic-wikia_pages-current_export-0.6.xml.bz2"
TABLES = DUMPS / "gensim_enwiki-table-markup.xml.bz2"
BULGARIAN = DUMPS / "gensim_bgwiki-latest-pages-articles-shortened.xml.bz2"

# What must never reach a record's text: template, link and emphasis markup, image options,
# references, table syntax.
LEAK = regex.compile(r"\{\{|\}\}|\[\[|\]\]|'''|thumb\||<ref|\{\||\|\}|\|\||^\s*\|-", regex.MULTILINE)


@attrs.frozen
class Converted:
    units: tuple[Unit, ...]
    skipped: int
    records: tuple[tuple[Unit, Page], ...]
    errors: tuple[tuple[Unit, str], ...]


def convert(path: Path) -> Converted:
    units: list[Unit] = []
    skipped = 0
    records: list[tuple[Unit, Page]] = []
    errors: list[tuple[Unit, str]] = []
    with need(path).open("rb") as stream:
        for unit in iter_units(stream, path=str(path), limits=Limits()):
            if isinstance(unit, Skipped):
                skipped += 1
                continue
            units.append(unit)
            try:
                records.append((unit, wikiparse.parse_unit(unit)))
            except wikiparse.WikiparseError as exc:
                errors.append((unit, str(exc)))
    return Converted(tuple(units), skipped, tuple(records), tuple(errors))


def leaks(page: Page) -> list[str]:
    return LEAK.findall("\n".join(kept_strings(page)))


def walk(sections: tuple[Section, ...]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from walk(section.sections)


@pytest.fixture(scope="module")
def enwiki() -> Converted:
    return convert(ENWIKI)


@pytest.fixture(scope="module")
def titanic() -> Converted:
    return convert(TITANIC)


def test_enwiki_accounts_for_every_article(enwiki: Converted) -> None:
    assert len(enwiki.units) == 205
    assert len(enwiki.records) + len(enwiki.errors) == 205
    assert enwiki.skipped == 1  # the one Wikipedia: page


def test_enwiki_redirects_are_flagged(enwiki: Converted) -> None:
    redirects = [p for _, p in enwiki.records if p.page_type == "redirect"]
    assert len(redirects) == 99
    assert all(p.redirect for p in redirects)


def test_enwiki_has_structure(enwiki: Converted) -> None:
    articles = [p for _, p in enwiki.records if p.page_type != "redirect"]
    nested = sum(1 for p in articles if any(s.sections for s in p.sections))
    blocks = [b for p in articles for s in walk(p.sections) for b in s.blocks]
    items = sum(len(b.items) for b in blocks if isinstance(b, ListBlock))
    rows = sum(len(b.rows) for b in blocks if isinstance(b, Table))
    assert nested >= 50, nested
    assert items >= 1000, items
    assert rows >= 200, rows
    sources = [p.source for p in articles]
    assert all(s is not None and s.page_id and s.revision_id and s.timestamp for s in sources)
    assert {p.site_name for p in articles} == {"Wikipedia"}


def test_enwiki_no_markup_leaks(enwiki: Converted) -> None:
    leaking = {u.title: leaks(p)[:5] for u, p in enwiki.records if leaks(p)}
    assert not leaking


def test_titanic_accounts_for_every_article(titanic: Converted) -> None:
    assert len(titanic.records) + len(titanic.errors) == 954
    assert titanic.skipped == 4356 - 954
    assert sum(1 for _, p in titanic.records if p.page_type == "redirect") == 188
    assert {(p.site, p.site_name) for _, p in titanic.records} == {("fandom", "Titanic Wiki")}


def test_titanic_infobox_calls_give_label_value_pairs(titanic: Converted) -> None:
    calling = with_pairs = 0
    for unit, record in titanic.records:
        definitions = dict(unit.context.templates)  # type: ignore[attr-defined]
        keys = [template_key(n) for n in called_names(str(unit.data))]
        if any(INFOBOX_NAME.match(k) or getattr(definitions.get(k), "kind", "") == "infobox" for k in keys):
            calling += 1
            with_pairs += any(box.fields for box in record.infoboxes)
    assert calling >= 200
    assert with_pairs >= 0.9 * calling, (with_pairs, calling)


def test_titanic_labels_come_from_the_dump_definitions(titanic: Converted) -> None:
    labels = {f.label for _, p in titanic.records for box in p.infoboxes for f in box.fields}
    assert {"boarded at", "escaped the sinking in", "death place"} <= labels


def test_titanic_no_markup_leaks(titanic: Converted) -> None:
    leaking = {u.title: leaks(p)[:5] for u, p in titanic.records if leaks(p)}
    assert not leaking


def test_table_markup_dump_without_siteinfo() -> None:
    converted = convert(TABLES)
    assert len(converted.records) == 5
    assert not converted.errors
    for unit, page in converted.records:
        tables = [b for s in walk(page.sections) for b in s.blocks if isinstance(b, Table)]
        tables += [b for b in page.lead if isinstance(b, Table)]
        assert tables, unit.title
        assert all(len({len(r) for r in t.rows}) <= 1 for t in tables)
        assert not leaks(page), unit.title


def test_bulgarian_utf16_dump() -> None:
    converted = convert(BULGARIAN)
    assert converted.skipped == 2  # two pages of the project namespace (Уикипедия:)
    ((_unit, page),) = converted.records
    assert page.title == "Григориански календар"
    assert page.categories
    assert page.sections
    assert not leaks(page)


@pytest.mark.parametrize("name", ["pywikibot_article-pyrus.xml", "pywikibot_article-pyrus.xml.bz2"])
def test_pywikibot_redirect_exports(name: str) -> None:
    """An export-0.3 page with several revisions: the last one counts (it redirects to Pear)."""
    with need(DUMPS / name).open("rb") as stream:
        (unit,) = [u for u in iter_units(stream, path=name, limits=Limits()) if isinstance(u, Unit)]
    record = wikiparse.parse_unit(unit)
    assert (record.title, record.page_type, record.redirect) == ("Pyrus", "redirect", "Pear")


def test_parse_reads_a_one_page_export_in_utf16() -> None:
    record = wikiparse.parse(need(DUMPS / "pywikibot_article-pyrus-utf16.xml"))
    assert (record.title, record.page_type) == ("Pyrus", "redirect")


def test_parse_reads_the_pear_export() -> None:
    record = wikiparse.parse(need(DUMPS / "pywikibot_article-pear-0.10.xml"))
    assert record.title == "Pear"
    assert record.summary.startswith("The pear is")
    assert len(record.sections) >= 5
    assert record.categories
    assert not leaks(record)
