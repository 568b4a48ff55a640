"""Page chrome inside the content region, by rule name: the selectors the markup rules drop.

The rules themselves (name, reason) live in :mod:`wikiparse.rules.markup` and
:mod:`wikiparse.rules.text`; this table says how each one is recognised in HTML.  Order matters
where one element carries several classes: the first entry that matches names the removal
(Wikipedia's authority-control box is also a ``.navbox``).  Skin-specific entries come from
:attr:`wikiparse.html.skins.Skin.chrome` and go first.
"""

from __future__ import annotations

import regex

# Not chrome: classes that tell the page type or hide an element; reported, not dropped.
SIGNALS: tuple[tuple[str, str], ...] = (
    ("signal.redirect", ".redirectMsg, .redirectText"),
    ("signal.disambiguation", "#disambigbox, .dmbox-disambig, #disambig, .disambig, .disambiguation"),
    ("signal.math", ".mwe-math-element, span[typeof^=mw:Extension/math]"),
    # CSS-hidden by the skin or by MediaWiki's own styles (CS1 maintenance messages, sort keys).
    (
        "signal.hidden",
        ".mw-hidden-catlinks, .wds-is-hidden, .hidden, .sortkey, .mw-dismissable-notice-close, "
        ".cs1-maint, .citation-comment, .cs1-hidden-error, "
        # line numbers of highlighted code: beside the code, not part of it
        ".linenos, span.ln",
    ),
    # Already in the record: a category bar that old skins print inside #bodyContent is kept as
    # ``categories``, so it leaves the text without a removal.
    ("signal.extracted", "#catlinks, .catlinks"),
)

_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)


def hidden_style(style: str | None) -> bool:
    """Whether an inline ``style`` hides the element (``display:none``, ``visibility:hidden``)."""
    if not style or ("none" not in style and "hidden" not in style):
        return False
    return _HIDDEN_STYLE.search(style) is not None


CHROME: tuple[tuple[str, str], ...] = (
    # Section edit links: MediaWiki's span.mw-editsection (all skins since 1.18), the older
    # span.editsection (MW ≤1.17, Monaco), Fandom's mobile pencil links.
    ("edit-marker", ".mw-editsection, .editsection, a.edit-section, .mw-editsection-like"),
    # Tables of contents: MediaWiki's #toc/.toc (also the compact A–Z "toc-top" boxes),
    # Minerva's .toc-mobile, wikiHow's #inline_toc.
    ("toc", "#toc, .toc, .toc-mobile, #inline_toc, #toctitle"),
    # Footnote markers: sup.reference (Cite), Parsoid's sup.mw-ref, {{citation needed}}-style
    # inline templates (sup.Inline-Template).
    ("reference-marker", "sup.reference, sup.mw-ref, sup.Inline-Template"),
    # Back-links from footnotes: Cite's span.mw-cite-backlink, Parsoid's rel=mw:referencedBy.
    ("reference-backlink", ".mw-cite-backlink, a[rel=mw:referencedBy], .mw-linkback-text"),
    ("ad-blocker-notice", "#WikiaArticleMsg"),
    ("site-notice", "#siteNotice, .sitenotice, #centralNotice, #localNotice, .mw-dismissable-notice"),
    ("authority-control", ".authority-control, .navbox-authority-control"),
    # Sister-project, portal and "Spoken Wikipedia" boxes of Wikipedia and its sister wikis.
    (
        "sister-project",
        ".sistersitebox, .sister-project, .sister-box, .portalbox, .portal-bar, .portal, "
        "#section_SpokenWikipedia, .spoken-wikipedia, .noprint.side-box, .side-box-right",
    ),
    # Navigation boxes: Wikipedia/Fandom .navbox, Wikipedia sidebars (.sidebar, .vertical-navbox),
    # MediaWiki's own #navbox ids, Fandom's .navbox-container, role=navigation blocks in the body.
    (
        "navbox",
        ".navbox, .vertical-navbox, .navbox-styles, table.sidebar, .sidebar-container, #navbox, "
        ".navbox-container, .nmbox, div[role=navigation], table[role=navigation]",
    ),
    # Hatnotes are navigation by construction ("For other uses, see …", "Main article: …").
    ("hatnote", ".hatnote, .dablink, .rellink, .mainarticle, .seealso, .dmbox-disambig-hatnote"),
    ("stub-notice", ".stub, .asbox, #stub"),
    # Maintenance banners: Wikipedia's ambox family ("This section needs expansion").
    ("maintenance-notice", ".ambox, .mbox-small, .ombox-notice"),
    (
        "language-links",
        ".mw-pt-languages, .mw-pt-translate-header, #p-lang, .interlanguage-link, .WikiaArticleInterlang",
    ),
    ("skip-links", ".mw-jump-link, #jump-to-nav, .mw-jump, #siteSub, #contentSub, #contentSub2"),
    ("retrieved-from", ".printfooter"),
    # Ad slots: Fandom .ad-slot / #INCONTENT_* / .gpt-ad, wikiHow .wh_ad_*.
    (
        "ad-slot",
        ".ad-slot, .ad-slot-placeholder, .gpt-ad, .wikia-ad, div[id^=INCONTENT], .top-ads-container, "
        ".bottom-ads-container, .wh_ad_inner, .wh_ad_spacing, .adsbygoogle",
    ),
    # Fandom chrome that Fandom writes inside the article area: the featured video player,
    # comments, the page-header actions captured with the body.
    (
        "fandom-chrome",
        ".featured-video__wrapper, .featured-video, #articleComments, #WikiaArticleComments, "
        ".article-comments, .page-header__actions, .wds-global-navigation",
    ),
)

# Chrome outside the content region that has a rule of its own: dropped under that name before
# the rest of the outside is summarised as ``page.outside-content``.
OUTSIDE: tuple[tuple[str, str], ...] = (
    ("ad-blocker-notice", "#WikiaArticleMsg"),
    ("site-notice", "#siteNotice, #centralNotice, #localNotice"),
    ("retrieved-from", ".printfooter"),
    ("skip-links", ".mw-jump-link, #jump-to-nav, #siteSub"),
    ("licence-footer", "#footer-info-copyright, #footer-info-lastmod, .license-description"),
)
