"""Flattened pages: a scraper saved the article's visible text as one run inside one element.

Such a page has no structure left in its markup (no headings; one paragraph holds nearly all the
text, edit-link remnants and the TOC run together), so the plain-text reader, which recovers
structure from text alone, reads it.  The HTML still knows the links, the URL and the title.
"""

from __future__ import annotations

from ..doc import Doc, Heading
from ..records import Paragraph
from ..rules import RuleSet, ruleset
from ..rules.presets import PRESETS

# One block holding at least this share of the text, of at least this many characters: a
# flattened article (corpus: 1.2–9 kB in one <p>), not a short stub of two paragraphs.
_RUN_SHARE = 0.85
_RUN_MIN_CHARS = 600


def looks_flattened(doc: Doc) -> bool:
    """No heading, and one paragraph carries nearly all the text."""
    if any(isinstance(b, Heading) for b in doc.blocks) or doc.infoboxes:
        return False
    sizes = [len(b.text) for b in doc.blocks if isinstance(b, Paragraph)]
    total = sum(sizes) + sum(1 for b in doc.blocks if not isinstance(b, Paragraph)) * 200
    biggest = max(sizes, default=0)
    return biggest >= _RUN_MIN_CHARS and biggest >= _RUN_SHARE * total


def plain_text(doc: Doc) -> str:
    """The blocks' text, one line per block."""
    return "\n".join(" ".join(b.text.split()) for b in doc.blocks if isinstance(b, Paragraph))


def text_rules(rules: RuleSet) -> RuleSet:
    """The ``text`` preset, less the rules the caller switched off."""
    html_names = {n for preset in ("fandom", "wikipedia", "mediawiki") for n in PRESETS[preset]}
    disabled = [n for n in PRESETS["text"] if n in html_names and n not in rules]
    return ruleset("text", disabled)
