"""Golden fixtures: each hand-written page in fixtures/ against the record a person checked.

``fixtures/<kind>/<case>.<ext>`` pairs with ``<case>.expected.json``; a page without an
expected file, or an expected file without a page, fails the well-formedness test.  Cases in
``fixtures/known_failures.json`` run under strict xfail.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import wikiparse

from .conftest import FIXTURES

PAGE_SUFFIXES = {".txt", ".md", ".html", ".htm", ".xml"}
KINDS = ("text", "html", "wikitext")


def _pages() -> list[Path]:
    return sorted(
        p for kind in KINDS for p in (FIXTURES / kind).rglob("*") if p.suffix in PAGE_SUFFIXES and p.is_file()
    )


def _expected(page: Path) -> Path:
    return page.with_name(page.name.rsplit(".", 1)[0] + ".expected.json")


def _known_failures() -> dict[str, str]:
    path = FIXTURES / "known_failures.json"
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return data


def _case_id(page: Path) -> str:
    return page.relative_to(FIXTURES).as_posix()


def _params() -> list[object]:
    known = _known_failures()
    out = []
    for page in _pages():
        marks = (
            [pytest.mark.xfail(reason=known[_case_id(page)], strict=True)] if _case_id(page) in known else []
        )
        out.append(pytest.param(page, id=_case_id(page), marks=marks))
    return out


def parse_fixture(page: Path) -> dict[str, object]:
    """Parse a fixture from bytes with the URL given in a sidecar ``<case>.url`` file, if any."""
    url_file = page.with_suffix(".url")
    url = url_file.read_text(encoding="utf-8").strip() if url_file.exists() else None
    return wikiparse.parse(page.read_bytes(), url=url).to_dict()


@pytest.mark.parametrize("page", _params())
def test_fixture(page: Path) -> None:
    expected = json.loads(_expected(page).read_text(encoding="utf-8"))
    assert parse_fixture(page) == expected


def test_every_page_has_an_expected_file_and_back() -> None:
    pages = _pages()
    assert pages, "no fixtures found"
    missing = [str(p) for p in pages if not _expected(p).exists()]
    assert not missing, f"pages without expected JSON: {missing}"
    stems = {_expected(p) for p in pages}
    orphans = [str(e) for kind in KINDS for e in (FIXTURES / kind).rglob("*.expected.json") if e not in stems]
    assert not orphans, f"expected files without a page: {orphans}"
    known = set(_known_failures())
    assert known <= {_case_id(p) for p in pages}, f"known_failures names unknown cases: {known}"
