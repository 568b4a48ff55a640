"""Rules that match HTML markup: elements the HTML reader drops before reading text.

Each rule here names a family of page chrome; the selectors that find it per skin live with
the HTML reader (``wikiparse.html.chrome`` and ``wikiparse.html.skins``), keyed by these names.
Rules of the text family that also have a markup form (``edit-marker``, ``toc``,
``reference-marker``, ``ad-blocker-notice``, ``skip-links``, ``retrieved-from``, ``fandom-chrome``,
``navbox``, ``sister-project``, ``maintenance-notice``, ``page-tools``) keep their one name in both
places and are defined in :mod:`wikiparse.rules.text`.
"""

from __future__ import annotations

from . import Rule, register

OUTSIDE_CONTENT = Rule(
    name="page.outside-content",
    reason="page chrome outside the article's content region (navigation, header, sidebars, footer)",
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
STUB_NOTICE = Rule(
    name="stub-notice",
    reason='"This article is a stub" notice',
    stages=("markup",),
)

register(
    OUTSIDE_CONTENT,
    HATNOTE,
    REFERENCE_BACKLINK,
    SITE_NOTICE,
    AD_SLOT,
    LANGUAGE_LINKS,
    AUTHORITY_CONTROL,
    STUB_NOTICE,
)
