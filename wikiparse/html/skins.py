"""Per-skin data: how each wiki theme is recognised and where its title, content and categories sit.

A :class:`Skin` is data only.  Selectors are compound selectors of the CSS subset in
:mod:`wikiparse.html.dom` (one tag, ``#id``, ``.class`` and attribute tests, no combinators), so
that one pass over the page can index them (:mod:`wikiparse.html.index`).

Content roots are tried in order; every top-most match of the first selector that matches is a
root (a ScrapBook capture may hold several ``#mw-content-text`` copies).  An unknown skin falls back
to :data:`GENERIC_MEDIAWIKI`, and a page without MediaWiki markup to :data:`GENERIC`, whose roots
end with ``body`` so that a page with an article never yields an empty record.
"""

from __future__ import annotations

import attrs

from ..records import Site

# MediaWiki's own ids and classes, shared by every skin since 1.16 or so: #mw-content-text holds the
# parser output and, on category pages, the generated listings; .mw-parser-output is what
# action=parse and Parsoid return; #bodyContent/#content are older or custom skins' wrappers.
MEDIAWIKI_ROOTS = ("#mw-content-text", "div.mw-parser-output", "#bodyContent", "#content")
# Last resort for pages that are no known skin: HTML5 landmarks, then the whole body.
GENERIC_ROOTS = ("main", "article", "#main", "#content", "body")
# The first <h1> is a last resort: some skins put the site name in one (Foreground) or a footer
# feed heading after the title (Fandom's "Fan Feed"), so it comes after the skins' own ids.
MEDIAWIKI_TITLES = ("#firstHeading", ".firstHeading", "#section_0", "h1")
FANDOM_TITLES = (".page-header__title", "#firstHeading", ".wiki-page-header__title", "h1")
CATLINKS = ("#catlinks",)


@attrs.frozen(kw_only=True)
class Skin:
    """How one skin lays out a page."""

    name: str
    """Reported as ``Page.skin``."""
    site: Site | None = None
    """The family every page of this skin belongs to; ``None`` decides from other evidence."""
    body_classes: tuple[str, ...] = ()
    """Class tokens of ``<body>`` that identify the skin (MediaWiki writes ``skin-<name>``)."""
    roots: tuple[str, ...] = MEDIAWIKI_ROOTS
    titles: tuple[str, ...] = MEDIAWIKI_TITLES
    """Elements holding the page title as shown, tried in order."""
    categories: tuple[str, ...] = CATLINKS
    """Containers of the category bar, tried in order (the first that exists is read)."""
    chrome: tuple[tuple[str, str], ...] = ()
    """Skin-specific page chrome inside the content region: (rule name, selector)."""


OASIS = Skin(
    name="oasis",
    site="fandom",
    body_classes=("skin-oasis", "skin-wikia"),
    titles=FANDOM_TITLES,
    categories=("#articleCategories", ".page-header__categories", *CATLINKS),
    chrome=(("ad-blocker-notice", "#WikiaArticleMsg"), ("fandom-chrome", "#WikiaArticleComments")),
)
FANDOM_DESKTOP = Skin(
    name="fandomdesktop",
    site="fandom",
    body_classes=("skin-fandomdesktop",),
    titles=FANDOM_TITLES,
    categories=("#articleCategories", ".page-footer__categories", ".page-header__categories", *CATLINKS),
)
FANDOM_MOBILE = Skin(
    name="fandommobile",
    site="fandom",
    body_classes=("skin-fandommobile", "skin-mercury"),
    roots=("#mw-content-text", "div.mw-parser-output", ".article-content", ".wiki-page-content"),
    titles=FANDOM_TITLES,
    categories=(".article-categories", "#articleCategories", *CATLINKS),
)
VECTOR_2022 = Skin(name="vector-2022", body_classes=("skin-vector-2022",))
VECTOR = Skin(name="vector", body_classes=("skin-vector-legacy", "skin-vector"))
MONOBOOK = Skin(name="monobook", body_classes=("skin-monobook",))
BULBAPEDIA = Skin(name="bulbapediamonobook", body_classes=("skin-bulbapediamonobook",))
TIMELESS = Skin(name="timeless", body_classes=("skin-timeless",))
MINERVA = Skin(name="minerva", body_classes=("skin-minerva",))
MONACO = Skin(name="monaco", body_classes=("skin-monaco",))
FOREGROUND = Skin(name="foreground", body_classes=("skin-foreground",))
TYRIAN = Skin(name="tyrian", body_classes=("skin-tyrian",), titles=("#firstHeading", ".first-header", "h1"))
WIKIHOW = Skin(
    name="minervawh",
    body_classes=("skin-minervawh",),
    roots=("#bodyContent", *MEDIAWIKI_ROOTS),
    titles=("#section_0", "#firstHeading", "h1"),
    # wikiHow prints the categories as a line in its "About this article" box.
    categories=(".sp_fullbox", "#catlinks"),
    chrome=(
        (
            "page-tools",
            "#aboutthisarticle, #userreviews_mobile, #article_rating_mobile, .relatedwikihows, "
            ".affiliate_disclaimer, .addTipElement, .pdf_link, .qa_answer_footer, #aiinfo, "
            "#qa_submitted_question_form, #mobile_tab_container, .wh_vote_container, "
            "#qa_add_curated_question, #qa_ask_heading, #qa_aq_search_container, .qa_ask_form",
        ),
        ("ad-slot", ".al_method, .wh_ad_active"),
    ),
)
PARSOID = Skin(name="parsoid", body_classes=("parsoid-body",), roots=("body",), titles=(), categories=())
ACTION_PARSE = Skin(name="action-parse", roots=("div.mw-parser-output",), titles=(), categories=CATLINKS)
GENERIC_MEDIAWIKI = Skin(name="mediawiki")
GENERIC = Skin(name="generic", roots=GENERIC_ROOTS, titles=("h1",), categories=CATLINKS)

SKINS: tuple[Skin, ...] = (
    OASIS,
    FANDOM_DESKTOP,
    FANDOM_MOBILE,
    VECTOR_2022,
    BULBAPEDIA,
    WIKIHOW,
    MINERVA,
    TIMELESS,
    MONACO,
    FOREGROUND,
    TYRIAN,
    MONOBOOK,
    VECTOR,
    PARSOID,
)
"""Skins recognised by ``<body>`` classes, most specific first (``skin-vector`` also marks 2022)."""


def skin_by_body(body_classes: frozenset[str]) -> Skin | None:
    """The skin a ``<body>`` class list names, if any."""
    for skin in SKINS:
        if body_classes.intersection(skin.body_classes):
            return skin
    return None


EVERY_SKIN: tuple[Skin, ...] = (*SKINS, ACTION_PARSE, GENERIC_MEDIAWIKI, GENERIC)


def every_selector() -> tuple[str, ...]:
    """Every root, title and category selector of every skin (indexed in one pass)."""
    out: list[str] = []
    for skin in EVERY_SKIN:
        out.extend((*skin.roots, *skin.titles, *skin.categories))
    return tuple(dict.fromkeys(out))
