"""The only module that imports bs4: the soup of the cut content region, built with lxml.

The region reaches bs4 already decoded (a ``str``, so bs4 never guesses a charset) and already
cut: chrome, scripts and invisible elements were dropped on the lxml tree, so this tree is the
smallest one that still holds the article.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from bs4.element import Comment, NavigableString, Tag

from ..errors import LimitExceeded
from ..options import Limits

__all__ = ["Comment", "NavigableString", "Tag", "build_soup"]


def build_soup(html: str, limits: Limits) -> Tag:
    """The ``<body>`` of a soup built from ``html`` with the lxml tree builder."""
    if len(html) > limits.max_text_chars:
        raise LimitExceeded(
            f"content region of {len(html):,} characters", limits.max_text_chars, "max_text_chars"
        )
    soup = BeautifulSoup(html, "lxml")
    body = soup.body
    return body if body is not None else soup
