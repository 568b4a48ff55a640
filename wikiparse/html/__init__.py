"""The HTML reader: rendered wiki pages (any skin, API output, fragments) → document."""

from __future__ import annotations

from ..doc import Doc
from ..errors import InputError
from ..options import Limits
from ..rules import RuleSet


def read_html(text: str, rules: RuleSet, limits: Limits, *, url: str | None = None) -> Doc:
    """Read an HTML page into a document."""
    raise InputError("the HTML reader is not available in this build yet")
