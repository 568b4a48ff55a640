"""Test helper: the plain text a scraper kept of a flattened Fandom page.

The pages in ``../shared/corpus/fandom_flattened`` hold a whole article as one ``<p>``; until
the HTML reader hands such text to :func:`wikiparse.text.read_text` itself, tests extract it
here: the text of the ``<p>`` elements, link text included, in document order.
"""

from __future__ import annotations

import lxml.html


def article_text(html: bytes) -> str:
    """The text of every ``<p>`` of the page, joined by blank lines."""
    root = lxml.html.fromstring(html)
    return "\n\n".join(p.text_content() for p in root.iter("p"))
