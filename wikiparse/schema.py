"""The JSON Schemas (draft 2020-12) of the records, shipped as package data.

``schema.json`` describes a page record (:func:`wikiparse.jsonform.page_to_dict`),
``chunk.schema.json`` a chunk (:meth:`wikiparse.chunks.Chunk.to_dict`).  Both are written by
hand, with descriptions; ``tests/test_schema.py`` checks them against the record classes so
the two cannot drift.  The versioning policy is in docs/schema.md.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Literal

SchemaName = Literal["page", "chunk"]

_FILES: dict[str, str] = {"page": "schema.json", "chunk": "chunk.schema.json"}


def schema_text(name: SchemaName = "page") -> str:
    """The schema file as shipped (UTF-8 JSON text)."""
    return resources.files("wikiparse").joinpath(_FILES[name]).read_text(encoding="utf-8")


def load_schema(name: SchemaName = "page") -> dict[str, Any]:
    """The schema as a dict, ready for a JSON Schema validator (e.g. ``jsonschema``)."""
    data: dict[str, Any] = json.loads(schema_text(name))
    return data
