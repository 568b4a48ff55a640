"""The wikitext reader: MediaWiki XML exports and raw wikitext → documents."""

from __future__ import annotations

from ..doc import Doc
from ..errors import InputError
from ..options import Limits
from ..rules import RuleSet


def read_wikitext_page(text: str, rules: RuleSet, limits: Limits) -> Doc:
    """Read one page of a MediaWiki XML export into a document."""
    raise InputError("the wikitext reader is not available in this build yet")
