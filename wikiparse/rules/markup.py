"""Rules that match HTML markup: elements the HTML reader drops before reading text.

Each rule here names a family of page chrome; the selectors that find it per skin live with
the HTML reader (``wikiparse.html.skins``), keyed by these names.
"""

from __future__ import annotations

from . import Rule, register

OUTSIDE_CONTENT = Rule(
    name="page.outside-content",
    reason="page chrome outside the article's content region (navigation, header, sidebars, footer)",
    stages=("markup",),
)

register(OUTSIDE_CONTENT)
