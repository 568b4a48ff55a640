"""Rules that judge text: whole blocks or lines of boilerplate, and pieces cut out of kept text.

They apply to every input format: an HTML page whose chrome slipped past the markup rules,
a plain-text scrape, or rendered wikitext.
"""

from __future__ import annotations

from . import Rule, register, vocab

AD_BLOCKER_NOTICE = Rule(
    name="ad-blocker-notice",
    reason="Fandom/Wikia notice shown to readers using an ad blocker",
    stages=("markup", "block", "line"),
    patterns=vocab.AD_BLOCKER_NOTICE,
)
LICENCE_FOOTER = Rule(
    name="licence-footer",
    reason="licence and last-edited lines from the page footer",
    stages=("markup", "block", "line"),
    patterns=vocab.LICENCE_FOOTER,
)
RETRIEVED_FROM = Rule(
    name="retrieved-from",
    reason='MediaWiki\'s "Retrieved from" permalink line',
    stages=("markup", "block", "line"),
    patterns=vocab.RETRIEVED_FROM,
)
SKIP_LINKS = Rule(
    name="skip-links",
    reason="accessibility skip links and the site tagline",
    stages=("markup", "block", "line"),
    patterns=vocab.SKIP_LINKS,
)
COOKIE_BANNER = Rule(
    name="cookie-banner",
    reason="cookie consent banner",
    stages=("block", "line"),
    patterns=vocab.COOKIE_BANNER,
)
FANDOM_CHROME = Rule(
    name="fandom-chrome",
    reason="Fandom header, footer, video player and ad-slot labels",
    stages=("markup", "block", "line"),
    patterns=vocab.FANDOM_CHROME,
    max_chars=80,
)
SIGN_IN_TO_EDIT = Rule(
    name="sign-in-to-edit",
    reason='Fandom\'s "Sign in to edit" prompt',
    stages=("block", "line"),
    patterns=(r"sign in to edit",),
    max_chars=40,
)
EDIT_MARKER = Rule(
    name="edit-marker",
    reason="section edit link",
    stages=("markup", "line", "inline"),
    patterns=(*(rf"\[?\s*(?:{w})\s*\]?" for w in vocab.EDIT_WORDS), r"\[\s*\]"),
    max_chars=40,
)
TOC = Rule(
    name="toc",
    reason="table of contents",
    stages=("markup", "line"),
    patterns=tuple(rf"{t}\s*(?:\[\s*(?:show|hide|toggle)\s*\])?" for t in vocab.TOC_TITLES),
    max_chars=40,
)
NEWPP_REPORT = Rule(
    name="newpp-report",
    reason="MediaWiki parser debug report (NewPP limit report)",
    stages=("line", "inline"),
    patterns=vocab.NEWPP_REPORT_START,
)
REFERENCE_MARKER = Rule(
    name="reference-marker",
    reason="footnote reference marker in prose",
    stages=("markup", "inline"),
)

GLUE_REPAIR = Rule(
    name="glue-repair",
    reason="rewrite (not a drop): restores the space a lost link boundary removed ('theSoviet Union')",
    stages=("inline",),
)

register(
    AD_BLOCKER_NOTICE,
    LICENCE_FOOTER,
    RETRIEVED_FROM,
    SKIP_LINKS,
    COOKIE_BANNER,
    FANDOM_CHROME,
    SIGN_IN_TO_EDIT,
    EDIT_MARKER,
    TOC,
    NEWPP_REPORT,
    REFERENCE_MARKER,
    GLUE_REPAIR,
)
