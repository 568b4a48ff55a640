"""The shipped JSON Schemas against the record classes, the JSON form and real records."""

from __future__ import annotations

import json
import types
import typing
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import wikiparse
from wikiparse import records as r
from wikiparse.chunks import CHUNK_SCHEMA, Chunk, ChunkOptions, chunk_page
from wikiparse.jsonform import BLOCK_TAGS, BLOCK_TYPES
from wikiparse.schema import load_schema

from .conftest import FIXTURES
from .strategies import pages

PAGE = load_schema("page")
CHUNK = load_schema("chunk")
PAGE_VALIDATOR = Draft202012Validator(PAGE)
CHUNK_VALIDATOR = Draft202012Validator(CHUNK)

DEFS: dict[str, type[Any]] = {
    "paragraph": r.Paragraph,
    "list": r.ListBlock,
    "list_item": r.ListItem,
    "table": r.Table,
    "quote": r.Quote,
    "code": r.Code,
    "section": r.Section,
    "infobox": r.Infobox,
    "infobox_field": r.InfoboxField,
    "link": r.Link,
    "removal": r.Removal,
    "source": r.SourceInfo,
    "decoding": r.Decoding,
}


def errors(validator: Draft202012Validator, instance: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


def test_schemas_are_valid_draft_2020_12() -> None:
    for schema in (PAGE, CHUNK):
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        Draft202012Validator.check_schema(schema)


def test_version_constants_match() -> None:
    assert PAGE["properties"]["schema"]["const"] == r.SCHEMA
    assert PAGE["$id"].endswith(r.SCHEMA)
    assert CHUNK["properties"]["schema"]["const"] == CHUNK_SCHEMA
    assert PAGE["$defs"]["removal"]["properties"]["text"]["maxLength"] == r.REMOVAL_TEXT_CAP


def test_every_record_class_has_a_definition_and_back() -> None:
    assert set(PAGE["$defs"]) == set(DEFS) | {"block"}
    refs = {ref["$ref"].rsplit("/", 1)[1] for ref in PAGE["$defs"]["block"]["oneOf"]}
    assert refs == set(BLOCK_TYPES)
    for tag, cls in BLOCK_TYPES.items():
        assert DEFS[tag] is cls


@pytest.mark.parametrize("name", ["<page>", *DEFS])
def test_keys_in_the_order_the_json_form_writes_them(name: str) -> None:
    cls = r.Page if name == "<page>" else DEFS[name]
    definition = PAGE if name == "<page>" else PAGE["$defs"][name]
    keys = (["type"] if cls in BLOCK_TAGS else []) + [f.name for f in attrs.fields(cls)]
    assert list(definition["properties"]) == keys
    assert definition["required"] == keys
    assert definition["additionalProperties"] is False
    if cls in BLOCK_TAGS:
        assert definition["properties"]["type"] == {"const": BLOCK_TAGS[cls]}


@pytest.mark.parametrize("name", ["<page>", *DEFS])
def test_value_types_follow_the_annotations(name: str) -> None:
    cls = r.Page if name == "<page>" else DEFS[name]
    definition = PAGE if name == "<page>" else PAGE["$defs"][name]
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        assert _types(definition["properties"][field.name]) == _expected(hints[field.name]), field.name


def _expected(hint: Any) -> frozenset[str]:
    """The JSON types a Python annotation allows, with Literal values and nested shapes spelled out."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return frozenset().union(*(_expected(h) for h in typing.get_args(hint)))
    if origin is typing.Literal:
        return frozenset(f"enum:{v}" for v in typing.get_args(hint))
    if origin is tuple:
        return frozenset({f"array<{'|'.join(sorted(_expected(typing.get_args(hint)[0])))}>"})
    if attrs.has(hint):
        return frozenset({f"ref:{hint.__name__}"})
    simple = {type(None): "null", str: "string", int: "integer", bool: "boolean"}
    return frozenset({simple[hint]})


_REF_NAMES = {name: cls.__name__ for name, cls in DEFS.items()} | {"block": "<block>"}


def _types(prop: dict[str, Any]) -> frozenset[str]:
    if "anyOf" in prop:
        return frozenset().union(*(_types(p) for p in prop["anyOf"]))
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[1]
        if name == "block":  # the Block union: every block class
            return frozenset(f"ref:{cls.__name__}" for cls in BLOCK_TYPES.values())
        return frozenset({f"ref:{_REF_NAMES[name]}"})
    if "enum" in prop:
        return frozenset(f"enum:{v}" for v in prop["enum"])
    if "const" in prop:
        return frozenset({"string"})
    kinds = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
    out = set()
    for kind in kinds:
        if kind == "array":
            out.add(f"array<{'|'.join(sorted(_types(prop['items'])))}>")
        else:
            out.add(kind)
    return frozenset(out)


def test_chunk_schema_matches_the_chunk_record() -> None:
    keys = list(Chunk.to_dict(Chunk(**_chunk_fields())))
    assert list(CHUNK["properties"]) == keys
    assert CHUNK["required"] == keys
    assert CHUNK["additionalProperties"] is False
    assert CHUNK["$defs"]["source"] == PAGE["$defs"]["source"]


def _chunk_fields() -> dict[str, Any]:
    return {
        "index": 0,
        "count": 1,
        "title": None,
        "url": None,
        "source": None,
        "section_path": (),
        "sections": ((),),
        "start": 0,
        "end": 1,
        "text": "x",
    }


@given(pages)
@settings(max_examples=100, deadline=None)
def test_generated_records_validate(page: wikiparse.Page) -> None:
    assert errors(PAGE_VALIDATOR, json.loads(json.dumps(page.to_dict()))) == []


@given(pages, st.integers(5, 60))
@settings(max_examples=100, deadline=None)
def test_generated_chunks_validate(page: wikiparse.Page, max_chars: int) -> None:
    for chunk in chunk_page(page, ChunkOptions(max_chars=max_chars, overlap=0, min_chars=0)):
        assert errors(CHUNK_VALIDATOR, json.loads(json.dumps(chunk.to_dict()))) == []


def _fixture_records() -> list[object]:
    paths = sorted(FIXTURES.rglob("*.expected.json")) + sorted((FIXTURES / "render").glob("*.json"))
    return [pytest.param(p, id=p.relative_to(FIXTURES).as_posix()) for p in paths if "rules" not in p.parts]


@pytest.mark.parametrize("path", _fixture_records())
def test_fixture_records_validate(path: Any) -> None:
    record = json.loads(path.read_text(encoding="utf-8"))
    assert errors(PAGE_VALIDATOR, record) == []


def _fixture_pages() -> list[object]:
    kinds = ("text", "html", "wikitext")
    suffixes = {".txt", ".md", ".html", ".xml"}
    paths = sorted(p for k in kinds for p in (FIXTURES / k).glob("*") if p.suffix in suffixes)
    return [pytest.param(p, id=p.relative_to(FIXTURES).as_posix()) for p in paths]


@pytest.mark.parametrize("path", _fixture_pages())
def test_records_parsed_from_fixtures_validate(path: Any) -> None:
    page = wikiparse.parse(path.read_bytes())
    assert errors(PAGE_VALIDATOR, page.to_dict()) == []


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda d: d.update(schema="wikiparse/0"), "schema"),
        (lambda d: d.update(title=3), "title"),
        (lambda d: d.update(extra=1), ""),
        (lambda d: d.update(lead=[{"type": "poem", "text": "x"}]), "lead"),
        (lambda d: d.update(page_type="novel"), "page_type"),
        (lambda d: d.update(lead={"type": "paragraph"}), "lead"),
        (
            lambda d: d["sections"].append({"title": "S", "level": "2", "blocks": [], "sections": []}),
            "sections",
        ),
        (lambda d: d["lead"].append({"type": "list", "ordered": "yes", "items": []}), "lead"),
        (lambda d: d["removed"].append({"rule": "r", "reason": "x", "text": "t", "chars": "4"}), "removed"),
        (
            lambda d: d.update(
                decoding={"encoding": "utf-8", "method": "guess", "replaced": 0, "mojibake_repaired": 0}
            ),
            "decoding",
        ),
    ],
)
def test_schema_and_reader_refuse_the_same_malformed_records(mutate: Any, where: str) -> None:
    record = wikiparse.Page(title="T", lead=(wikiparse.Paragraph(text="a"),)).to_dict()
    mutate(record)
    found = errors(PAGE_VALIDATOR, record)
    assert found
    assert all(e.startswith(f"[{where!r}" if where else "[]") for e in found), found
    with pytest.raises(wikiparse.InputError):
        wikiparse.Page.from_dict(record)


def test_the_schema_requires_every_key_the_writer_writes() -> None:
    """``Page.from_dict`` fills missing keys with defaults; the schema describes what wikiparse writes."""
    record = wikiparse.Page(title="T").to_dict()
    del record["warnings"]
    assert errors(PAGE_VALIDATOR, record) == ["[]: 'warnings' is a required property"]
    assert wikiparse.Page.from_dict(record) == wikiparse.Page(title="T")
