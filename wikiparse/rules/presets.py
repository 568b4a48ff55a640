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

# Rules of the wikitext reader (XML dumps and raw wikitext).
_WIKITEXT_RULES = ("template", "reference", "file", "extension-tag", "wiki-syntax")

PRESETS: dict[str, tuple[str, ...]] = {
    "text": (*_TEXT_RULES, "fandom-chrome", "glue-repair"),
    # Wikitext is source, not a rendering: no page chrome, no rendered footnote markers.
    "wikitext": _WIKITEXT_RULES,
    "fandom": ("page.outside-content", *_TEXT_RULES, "fandom-chrome"),
    "wikipedia": ("page.outside-content", *_TEXT_RULES),
    "mediawiki": ("page.outside-content", *_TEXT_RULES),
    "none": (),
}

for _preset, _names in PRESETS.items():
    for _name in _names:
        if _name not in REGISTRY:
            raise ValueError(f"preset {_preset!r} names unknown rule {_name!r}")
