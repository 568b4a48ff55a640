"""Properties of ``wikiparse.parse`` over generated wiki-like pages (fuzz/properties.py says
which; the strategies are in fuzz/strategies.py).  ``python fuzz/run.py`` runs the same
properties for as long as wanted (docs/robustness.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fuzz"))
from properties import check_deterministic, check_order  # the checks live beside the fuzz drivers
from strategies import any_input, ordered_html_pages, ordered_text_pages, raw_bytes

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(any_input(max_nodes=60))
@SETTINGS
def test_nothing_but_wikiparse_errors_and_deterministic(case: tuple[str, str | None]) -> None:
    check_deterministic(*case)


@given(raw_bytes)
@SETTINGS
def test_nothing_but_wikiparse_errors_from_bytes(data: bytes) -> None:
    check_deterministic(data)


@given(ordered_html_pages(max_nodes=60))
@SETTINGS
def test_html_paragraphs_keep_the_order_of_the_page(html: str) -> None:
    check_order(html, "html")


@given(ordered_text_pages())
@SETTINGS
def test_text_paragraphs_keep_the_order_of_the_lines(text: str) -> None:
    check_order(text, "text")
