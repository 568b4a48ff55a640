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

# ---------------------------------------------------------------- regions and scrape artefacts
# Rules the plain-text reader applies to runs of lines (a region starts at a line the
# vocabulary matches) and to pieces of lines; see wikiparse.text.chrome.

PAGE_HEADER = Rule(
    name="page-header",
    reason="site chrome above the article title (navigation, sign-in links, scraper notes)",
    stages=("line",),
    patterns=vocab.PAGE_HEADER,
    max_chars=400,
)
PAGE_FOOTER = Rule(
    name="page-footer",
    reason="page footer after the article (comments, site footer, cookie dialog, sidebar menus)",
    stages=("line",),
    patterns=vocab.FOOTER_START,
    max_chars=700,
)
CATEGORY_BAR = Rule(
    name="category-bar",
    reason="category links (their names go to the record's categories; hidden ones are dropped)",
    stages=("line", "block"),
    patterns=(*vocab.CATEGORY_LABELS, *vocab.HIDDEN_CATEGORY_LABELS, *vocab.CATEGORY_MORE),
    max_chars=40,
)
NAVBOX = Rule(
    name="navbox",
    reason="navigation box or sidebar linking related articles",
    stages=("markup", "line"),
    patterns=(*vocab.NAVBOX_VTE, *vocab.NAVBOX_ROW),
    max_chars=400,
)
SISTER_PROJECT = Rule(
    name="sister-project",
    reason="box pointing to a sister project (Wiktionary, Commons, Wikiquote…), portal or spoken article",
    stages=("markup", "line", "block"),
    patterns=vocab.SISTER_PROJECT,
    max_chars=300,
)
MAINTENANCE_NOTICE = Rule(
    name="maintenance-notice",
    reason="maintenance template asking editors to improve the page",
    stages=("markup", "line", "block"),
    patterns=vocab.MAINTENANCE_NOTICE,
    max_chars=600,
)
MEDIA_PLAYER = Rule(
    name="media-player",
    reason="media player help text",
    stages=("line", "block"),
    patterns=vocab.MEDIA_PLAYER,
    max_chars=80,
)
LEAKED_CODE = Rule(
    name="leaked-code",
    reason="style sheet or script source that leaked into the text",
    stages=("line", "inline"),
    patterns=vocab.LEAKED_CODE,
    max_chars=20000,
)
PAGE_TOOLS = Rule(
    name="page-tools",
    reason="page tools and actions: history, purge, talk, sign-in, share/download links, rating prompts",
    stages=("markup", "line", "inline"),
    patterns=vocab.PAGE_TOOLS,
    max_chars=160,
)
IMAGE = Rule(
    name="image",
    reason="image embedded in a Markdown scrape (a file reference, not article text)",
    stages=("inline",),
)
INFOBOX_HEADER = Rule(
    name="infobox-header",
    reason="group header inside a flattened infobox (its fields are kept as label/value pairs)",
    stages=("line",),
    patterns=vocab.INFOBOX_HEADERS,
    max_chars=60,
)

register(
    PAGE_HEADER,
    PAGE_FOOTER,
    CATEGORY_BAR,
    NAVBOX,
    SISTER_PROJECT,
    MAINTENANCE_NOTICE,
    MEDIA_PLAYER,
    LEAKED_CODE,
    PAGE_TOOLS,
    IMAGE,
    INFOBOX_HEADER,
)
