"""Test helper: every string a page record keeps, outside its removal log."""

from __future__ import annotations

from wikiparse import Page

_SKIP = {
    "removed",
    "source",
    "schema",
    "decoding",
    "warnings",
    "url",
    "type",
    "page_type",
    "input_format",
    "site",
    "skin",
}


def kept_strings(page: Page) -> list[str]:
    """All text values of the record except removals and provenance."""
    out: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key not in _SKIP:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(page.to_dict())
    return out


def kept_text(page: Page) -> str:
    return "\n".join(kept_strings(page))
