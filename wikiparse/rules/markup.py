"""Rules that match HTML markup: elements the HTML reader drops before reading text.

Each rule here names a family of page chrome; the selectors that find it per skin live with
the HTML reader (``wikiparse.html.chrome`` and ``wikiparse.html.skins``), keyed by these names.
Rules of the text family that also have a markup form (``edit-marker``, ``toc``,
``reference-marker``, ``ad-blocker-notice``, ``skip-links``, ``retrieved-from``, ``fandom-chrome``)
keep their one name in both places.
"""

from __future__ import annotations

from . import Rule, register

OUTSIDE_CONTENT = Rule(
    name="page.outside-content",
    reason="page chrome outside the article's content region (navigation, header, sidebars, footer)",
    stages=("markup",),
)
NAVBOX = Rule(
    name="navbox",
    reason="navigation box or sidebar listing related pages",
    stages=("markup",),
)
HATNOTE = Rule(
    name="hatnote",
    reason='navigation hatnote ("For other uses, see …", "Main article: …")',
    stages=("markup",),
)
REFERENCE_BACKLINK = Rule(
    name="reference-backlink",
    reason='back-links from a footnote to its markers ("↑", "Jump up to: a b")',
    stages=("markup",),
)
SITE_NOTICE = Rule(
    name="site-notice",
    reason="site-wide notice or banner shown above the article",
    stages=("markup",),
)
AD_SLOT = Rule(
    name="ad-slot",
    reason="advertisement slot",
    stages=("markup",),
)
LANGUAGE_LINKS = Rule(
    name="language-links",
    reason="links to the same page in other languages",
    stages=("markup",),
)
AUTHORITY_CONTROL = Rule(
    name="authority-control",
    reason="authority-control identifiers box",
    stages=("markup",),
)
SISTER_PROJECT = Rule(
    name="sister-project",
    reason="sister-project, portal or spoken-article box",
    stages=("markup",),
)
STUB_NOTICE = Rule(
    name="stub-notice",
    reason='"This article is a stub" notice',
    stages=("markup",),
)
MAINTENANCE_NOTICE = Rule(
    name="maintenance-notice",
    reason='maintenance banner addressed to editors ("This section needs expansion")',
    stages=("markup",),
)
PAGE_TOOLS = Rule(
    name="page-tools",
    reason="page tools and reader widgets: download/share links, rating prompts, author credits, promotions",
    stages=("markup",),
)

register(
    OUTSIDE_CONTENT,
    NAVBOX,
    HATNOTE,
    REFERENCE_BACKLINK,
    SITE_NOTICE,
    AD_SLOT,
    LANGUAGE_LINKS,
    AUTHORITY_CONTROL,
    SISTER_PROJECT,
    STUB_NOTICE,
    MAINTENANCE_NOTICE,
    PAGE_TOOLS,
)
