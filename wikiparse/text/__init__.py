"""The plain-text reader: scraped text (copies, html2text, Markdown) → document."""

from .to_doc import read_text

__all__ = ["read_text"]
