"""Which rules each preset enables: lists of names, checked against the registry at import."""

from __future__ import annotations

from . import REGISTRY

_TEXT_RULES = (
    "ad-blocker-notice",
    "licence-footer",
    "retrieved-from",
    "skip-links",
    "cookie-banner",
    "sign-in-to-edit",
    "edit-marker",
    "toc",
    "newpp-report",
    "reference-marker",
)

# Markup rules of the HTML reader (wikiparse.html.chrome): every HTML preset drops them all.
_MARKUP_RULES = (
    "page.outside-content",
    "navbox",
    "hatnote",
    "reference-backlink",
    "site-notice",
    "ad-slot",
    "language-links",
    "authority-control",
    "sister-project",
    "stub-notice",
    "maintenance-notice",
    "page-tools",
)

# Rules of the wikitext reader (XML dumps and raw wikitext).
_WIKITEXT_RULES = ("template", "reference", "file", "extension-tag", "wiki-syntax")

PRESETS: dict[str, tuple[str, ...]] = {
    "text": (*_TEXT_RULES, "fandom-chrome", "glue-repair"),
    # Wikitext is source, not a rendering: no page chrome, no rendered footnote markers.
    "wikitext": _WIKITEXT_RULES,
    "fandom": (*_MARKUP_RULES, *_TEXT_RULES, "fandom-chrome"),
    "wikipedia": (*_MARKUP_RULES, *_TEXT_RULES),
    "mediawiki": (*_MARKUP_RULES, *_TEXT_RULES),
    "none": (),
}

# Rules of the plain-text reader's regions and scrape artefacts (issue 2): text scrapes only;
# an HTML preset may add the block-stage ones when its reader meets the same text.
_TEXT_SCRAPE_RULES = (
    "page-header",
    "page-footer",
    "category-bar",
    "navbox",
    "sister-project",
    "maintenance-notice",
    "media-player",
    "leaked-code",
    "page-tools",
    "image",
    "infobox-header",
)
PRESETS["text"] = (*PRESETS["text"], *_TEXT_SCRAPE_RULES)

for _preset, _names in PRESETS.items():
    for _name in _names:
        if _name not in REGISTRY:
            raise ValueError(f"preset {_preset!r} names unknown rule {_name!r}")
