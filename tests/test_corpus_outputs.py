"""Outputs over every page of ../shared/corpus that ``wikiparse.parse`` accepts.

Generic on purpose: each corpus file is tried; inputs the parser refuses with a
``WikiparseError`` (in this branch: HTML and dumps) are skipped, and are checked automatically
once a reader accepts them.  ``ground_truth/`` is left out: it holds other tools' expected
outputs, not pages.  Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import wikiparse
from wikiparse.chunks import ChunkOptions, chunk_page
from wikiparse.schema import load_schema

from .chunkcheck import check_chunks
from .conftest import CORPUS, need
from .mdtext import leaves, record_strings, words


def _files() -> list[object]:
    if not CORPUS.exists():
        return [pytest.param(None, id="corpus-absent")]
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and "ground_truth" not in p.parts)
    return [pytest.param(p, id=p.relative_to(CORPUS).as_posix()) for p in files]


@functools.cache
def _parsed(path: Path) -> wikiparse.Page | str:
    try:
        return wikiparse.parse(path)
    except wikiparse.WikiparseError as exc:
        return f"{type(exc).__name__}: {exc}"


def _page(path: Path | None) -> wikiparse.Page:
    need(CORPUS)
    assert path is not None
    page = _parsed(path)
    if isinstance(page, str):
        pytest.skip(f"not parsed: {page}")
    return page


_VALIDATOR = Draft202012Validator(load_schema("page"))


@pytest.mark.parametrize("path", _files())
def test_record_validates_against_the_schema(path: Path | None) -> None:
    page = _page(path)
    found = [f"{list(e.absolute_path)}: {e.message}" for e in _VALIDATOR.iter_errors(page.to_dict())]
    assert found == []


@pytest.mark.parametrize("path", _files())
def test_chunks_cover_the_content_once(path: Path | None) -> None:
    page = _page(path)
    for options in (ChunkOptions(), ChunkOptions(max_chars=400, overlap=80, min_chars=150)):
        check_chunks(page, chunk_page(page, options), options)


@pytest.mark.parametrize("path", _files())
def test_markdown_reads_back_as_the_record_text(path: Path | None) -> None:
    page = _page(path)
    assert words([leaf.text for leaf in leaves(page.to_markdown())]) == words(record_strings(page))
