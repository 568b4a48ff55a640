"""Shared test helpers: where the shared corpus is, a skip when it is absent, its scorer."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "red_heat_wikia.txt"
CORPUS = SHARED / "corpus"


def need(path: Path) -> Path:
    """Skip the calling test when ``path`` (under ../shared) is absent, as in a user's clone."""
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpus is not part of a clone)")
    return path


def score_module() -> ModuleType:
    """``../shared/eval/score.py``, loaded by path, so corpus tests score with its own metrics."""
    path = need(SHARED / "eval" / "score.py")
    spec = importlib.util.spec_from_file_location("wikiparse_eval_score", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
