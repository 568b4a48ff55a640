"""Placeholder; replaced below."""

from __future__ import annotations

from .state import ReadState


def unflatten(raw_lines: list[str], state: ReadState) -> list[str]:
    return raw_lines
