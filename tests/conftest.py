"""Shared test helpers: where the shared corpus is, and a skip when it is absent."""

from __future__ import annotations

from pathlib import Path

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
