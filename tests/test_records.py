"""Records and their JSON form: round trip, determinism, strict reading."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings

import wikiparse
from wikiparse import InputError, Page, Paragraph, Section

from .strategies import pages


@given(pages)
@settings(max_examples=200)
def test_round_trip(page: Page) -> None:
    assert Page.from_dict(page.to_dict()) == page


@given(pages)
@settings(max_examples=100)
def test_round_trip_through_json_text(page: Page) -> None:
    line = json.dumps(page.to_dict(), ensure_ascii=False)
    again = Page.from_dict(json.loads(line))
    assert again == page
    assert json.dumps(again.to_dict(), ensure_ascii=False) == line


def test_key_order_and_block_tags() -> None:
    page = Page(title="T", lead=(Paragraph(text="a"),), sections=(Section(title="S", level=2),))
    d = page.to_dict()
    assert list(d)[:4] == ["schema", "title", "url", "source"]
    assert d["schema"] == "wikiparse/1"
    assert d["lead"] == [{"type": "paragraph", "text": "a"}]
    assert d["sections"] == [{"title": "S", "level": 2, "blocks": [], "sections": []}]


def test_records_are_frozen() -> None:
    page = Page(title="T")
    with pytest.raises(AttributeError):
        page.title = "U"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(schema="wikiparse/0"), "unsupported schema"),
        (lambda d: d.update(title=3), "expected str"),
        (lambda d: d.update(extra=1), "unknown key"),
        (lambda d: d.update(lead=[{"type": "poem", "text": "x"}]), "unknown block type"),
        (lambda d: d.update(page_type="novel"), "page_type"),
        (lambda d: d.update(lead={"type": "paragraph"}), "expected a list"),
    ],
)
def test_from_dict_rejects_malformed(mutate, message) -> None:  # type: ignore[no-untyped-def]
    d = Page(title="T").to_dict()
    mutate(d)
    with pytest.raises(InputError, match=message):
        Page.from_dict(d)


def test_from_dict_rejects_non_mapping() -> None:
    with pytest.raises(InputError, match="JSON object"):
        Page.from_dict([])  # type: ignore[arg-type]


def test_public_api_names() -> None:
    assert wikiparse.SCHEMA == "wikiparse/1"
    assert callable(wikiparse.parse)
    assert issubclass(wikiparse.InputError, ValueError)
