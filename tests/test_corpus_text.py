"""The text reader on the shared corpus: text scrapes and flattened Fandom pages, against gold.

Every page with a gold file must get its title right, its headings in order, and leak none of
its boilerplate snippets; content, list items and infobox pairs must stay at or above pinned
floors. Metrics come from ``../shared/eval/score.py`` itself (loaded by path) so that these
tests and the scorer can never disagree. Everything skips when ``../shared`` is absent.

Floors are the values measured when they were pinned; raising one is welcome, lowering one is
a decision to make in review, never silently.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .conftest import CORPUS, SHARED, need, score_module
from .flattened import article_text

EVAL = SHARED / "eval"
GOLD = EVAL / "gold"
KINDS = ("text_scrapes", "fandom_flattened")

# Pinned per-page floors (measured 1.0 everywhere on the 8 text scrapes and 5 flattened pages).
FLOORS = {"keep": 1.0, "items": 1.0, "ibox": 1.0, "cells": 1.0, "cats": 1.0}


def _golds() -> list[Any]:
    paths = [p for kind in KINDS for p in sorted((GOLD / kind).glob("*.json"))] if GOLD.exists() else []
    return [pytest.param(p, id=p.name.removesuffix(".json")) for p in paths] or [
        pytest.param(None, id="no-shared-corpus")
    ]


@pytest.fixture(scope="module")
def score() -> ModuleType:
    return score_module()


def _run(score: ModuleType, gold_path: Path | None) -> tuple[dict[str, Any], dict[str, Any]]:
    gold_path = need(gold_path or GOLD / KINDS[0])
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    page = need(CORPUS / gold["file"])
    data: str | bytes = page.read_bytes()
    if gold["file"].startswith("fandom_flattened/"):
        data = article_text(page.read_bytes())  # what the HTML reader hands to read_text
    return gold, score.run_wikiparse(data, page, gold)


@pytest.mark.parametrize("gold_path", _golds())
def test_title(score: ModuleType, gold_path: Path | None) -> None:
    gold, out = _run(score, gold_path)
    assert score.norm(out["title"]) == score.norm(gold["title"])


@pytest.mark.parametrize("gold_path", _golds())
def test_headings_in_order(score: ModuleType, gold_path: Path | None) -> None:
    gold, out = _run(score, gold_path)
    assert [score.hnorm(h) for h in out["headings"]] == [score.hnorm(h) for h in gold["headings"]]


@pytest.mark.parametrize("gold_path", _golds())
def test_no_boilerplate_leak(score: ModuleType, gold_path: Path | None) -> None:
    gold, out = _run(score, gold_path)
    text = score.norm(out["text"])
    leaked = [s for s in gold["must_exclude"] if score.norm(s) in text]
    assert not leaked


@pytest.mark.parametrize("gold_path", _golds())
def test_floors(score: ModuleType, gold_path: Path | None) -> None:
    gold, out = _run(score, gold_path)
    metrics = score.score(gold, out)
    below = {
        name: metrics[name] for name, floor in FLOORS.items() if name in metrics and metrics[name] < floor
    }
    assert not below, f"below the pinned floors {FLOORS}: {below}"
