"""Boilerplate vocabulary as data, grouped by concept.

Each tuple holds regular expressions (``regex`` module, V1, case-insensitive) that must match a
whole normalised line or block.  Where a phrase comes from is noted beside it so that tuning
stays reviewable.  Patterns are written to be linear: no nested quantifiers over the same text.
"""

from __future__ import annotations

# Section edit links as they survive in text: "Plot Edit", "PlotEdit", "Plot [edit]",
# "Biography [ ]" (FandomDesktop's icon-only link), localised MediaWiki messages.
EDIT_WORDS: tuple[str, ...] = (
    r"edit",
    r"edit source",
    r"edit section",
    r"sign in to edit",
    r"bearbeiten",  # de
    r"quelltext bearbeiten",  # de
    r"modifier",  # fr
    r"modifier le code",  # fr
    r"editar",  # es, pt
    r"editar código(?: fuente)?",  # es
    r"modifica",  # it
    r"modifica wikitesto",  # it
    r"bewerken",  # nl
    r"brontekst bewerken",  # nl
    r"edytuj",  # pl
    r"edytuj kod",  # pl
    r"править",  # ru
    r"править код",  # ru
    r"редактировать",  # ru
    r"編集",  # ja
    r"ソースを編集",  # ja
    r"编辑",  # zh-hans
    r"編輯",  # zh-hant
    r"编辑源代码",  # zh
    r"편집",  # ko
    r"원본 편집",  # ko
    r"redigera",  # sv
    r"rediger",  # da, no
    r"muokkaa",  # fi
    r"upravit",  # cs
    r"düzenle",  # tr
    r"sửa",  # vi
)

# Fandom / Wikia ad-blocker notice (Oasis #WikiaArticleMsg; seed page, 2016-2019 text copies).
AD_BLOCKER_NOTICE: tuple[str, ...] = (
    r"ad blocker interference detected!?",
    r"(?:wikia|fandom) is a free-to-use site that makes money from advertising\.[^\n]{0,300}",
    r"we have a modified experience for viewers using ad blockers\.?",
    r"(?:wikia|fandom) is not accessible if you(?:'|’)ve made further modifications\.[^\n]{0,200}",
    r"remove the custom ad blocker rule\(s\) and the page will load as expected\.?",
)

# Licence lines in page footers (Fandom "Community content is available under CC-BY-SA unless
# otherwise noted."; Wikipedia "Text is available under the Creative Commons …"; MediaWiki
# "Content is available under … unless otherwise noted.").
LICENCE_FOOTER: tuple[str, ...] = (
    r"community content is available under [^\n]{1,80}? unless otherwise noted\.?",
    r"text is available under the creative commons[^\n]{0,400}",
    r"content is available under [^\n]{1,120}? unless otherwise noted\.?[^\n]{0,200}",
    r"(?:this page was last (?:edited|modified) on|last edited on) [^\n]{1,120}",
)

# "Retrieved from "https://…"" after the article body.
RETRIEVED_FROM: tuple[str, ...] = (
    r"retrieved from\s*[\"“”]?\s*https?://\S{1,500}?\s*[\"“”]?",
    r"abgerufen von\s*[\"„“]?\s*https?://\S{1,500}?\s*[\"“”]?",
    r"récupérée de\s*« ?https?://\S{1,500}? ?»",
)

# Accessibility skip links and Wikipedia's tagline.
SKIP_LINKS: tuple[str, ...] = (
    r"jump to[ _]navigation(?:[ _]jump to[ _]search)?",
    r"jump to[ _]search",
    r"jump to content",
    r"skip to content",
    r"from wikipedia, the free encyclopedia",
    r"from [^\n]{1,60}, the free encyclopedia",
)

# Cookie consent banners (Fandom/Wikia TrustArc and generic GDPR notices).
COOKIE_BANNER: tuple[str, ...] = (
    r"(?:this (?:site|website)|we) uses? cookies[^\n]{0,400}",
    r"by continuing to (?:browse|use) (?:this|the) (?:site|website)[^\n]{0,300}",
    r"accept (?:all )?cookies",
)

# Fandom page chrome as it survives in text copies (FandomDesktop 2021-2025 copy-pastes and
# Markdown scrapes): header/footer links, video-player controls, ad slot labels.
FANDOM_CHROME: tuple[str, ...] = (
    r"advertisement",
    r"fandom homepage",
    r"don(?:'|’)t have an account\?",
    r"explore properties",
    r"follow us",
    r"what is fandom\?",
    r"take your favorite fandoms with you and never miss a beat\.?",
    r"fan feed",
    r"more [^\n]{1,40} wiki",
    r"unmute",
    r"advanced settings",
    r"fullscreen",
    r"rewind 10 seconds",
    r"up next",
    r"add a photo to this gallery",
    r"recent wiki activity",
)

# MediaWiki parser debug output ("NewPP limit report", kept in HTML comments; scrapers that
# flatten the DOM leak it). These lines start the block; the block runs to its last line.
NEWPP_REPORT_START: tuple[str, ...] = (r"newpp limit report",)
NEWPP_REPORT_LINE: tuple[str, ...] = (
    r"parsed by \S+",
    r"cached time: \d+",
    r"cache expiry: \d+",
    r"reduced expiry: (?:true|false)",
    r"complications: [^\n]*",
    r"dynamic content: (?:true|false)",
    r"(?:cpu|real) time usage: [\d.]+ seconds?",
    r"preprocessor (?:visited node|generated node) count: \d+/\d+",
    r"post[‐-]expand include size: \d+/\d+ bytes",
    r"template argument size: \d+/\d+ bytes",
    r"highest expansion depth: \d+/\d+",
    r"expensive parser function count: \d+/\d+",
    r"unstrip (?:recursion depth|post[‐-]expand size): \d+/\d+(?: bytes)?",
    r"lua [^\n]{0,80}: [^\n]{0,80}",
    r"number of wikibase entities loaded: \d+/\d+",
    r"transclusion expansion time report[^\n]*",
    r"\s*[\d.]+%\s+[\d.]+\s+\d+\s+[^\n]{0,200}",
    r"saved in parser cache with key [^\n]*",
    r"rendering was triggered because: [^\n]*",
    r"-->",
)

# Table-of-contents titles.
TOC_TITLES: tuple[str, ...] = (
    r"contents",
    r"table of contents",
    r"inhaltsverzeichnis",
    r"sommaire",
    r"contenido",
    r"índice",
    r"indice",
    r"inhoud",
    r"spis treści",
    r"содержание",
    r"目次",
    r"目录",
    r"目錄",
    r"목차",
)
