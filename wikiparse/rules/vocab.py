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
    # the same line hard-wrapped inside the URL by a text renderer (html2text, 2019 enwiki scrapes)
    r"retrieved from\s*[\"“”]\s*https?://[^\"“”\n]{1,600}[\"“”]",
    r"abgerufen von\s*[\"„“]?\s*https?://\S{1,500}?\s*[\"“”]?",
    r"récupérée de\s*« ?https?://\S{1,500}? ?»",
)

# Accessibility skip links and Wikipedia's tagline.
SKIP_LINKS: tuple[str, ...] = (
    r"jump[ _]to[ _]navigation(?:[ _]jump[ _]to[ _]search)?",
    r"jump[ _]to[ _]search",
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
    r"pause",  # a line of its own in the video player's controls (Dispatching copy-paste, 2025)
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

# ---------------------------------------------------------------- text reader: page regions
# Lines that open the page footer: nothing after them is article content. Fandom prints its
# licence line after the article and before comments and the global footer (Oasis 2016-2019,
# FandomDesktop 2021-2025); MediaWiki prints "Retrieved from" after the body, then category
# links, then the "Navigation menu" sidebar (Vector, html2text renderings of 2019 enwiki).
FOOTER_START: tuple[str, ...] = (
    r"community content is available under [^\n]{1,80}? unless otherwise noted\.?",
    r"retrieved from\s*[\"“”]?\s*https?://[^\n]{1,600}",
    r"navigation menu",
)

# Lines that mark the region before the article title as site chrome (Firecrawl Markdown of
# FandomDesktop 2024-2025: global navigation and sign-in links; enwiki html2text 2019: the
# scraper's provenance note and licence link above the title).
PAGE_HEADER: tuple[str, ...] = (
    r"fandom homepage",
    r"sign in",
    r"register",
    r"log in",
    r"create account",
    r"don(?:'|’)t have an account\?",
    r"skip to content",
    r"jump to content",
    r"the following text has been accessed from https?://[^\n]{1,300}",
    r"creative[ _]commons[ _]attribution[^\n]{0,80}",
)

# Category bars: a label line, alone or followed by the names (MediaWiki "Categories:" then
# one name per line in html2text; FandomDesktop copy-paste prints the bare label; Fandom's
# header "in: A, B, and 2 more" in Markdown scrapes).
CATEGORY_LABELS: tuple[str, ...] = (
    r"categories\s*:?",
    r"category\s*:",
    r"kategorien\s*:?",
    r"catégories\s*:?",
    r"categorías\s*:?",
    r"categorie\s*:?",
    r"категории\s*:?",
    r"カテゴリ\s*:?",
    r"分类\s*:?",
)
HIDDEN_CATEGORY_LABELS: tuple[str, ...] = (r"hidden categories\s*:?", r"versteckte kategorien\s*:?")
CATEGORY_MORE: tuple[str, ...] = (r"and\s?\d{1,3} more",)

# Navigation boxes at the end of an article. Wikipedia's start with the "v t e" (view, talk,
# edit) links, rendered one per line by html2text; gameofthrones.wikia 2016 copies print the
# season navbox as rows of two glued episode entries ("#01 Winter is Coming#06 A Golden Crown").
NAVBOX_VTE: tuple[str, ...] = (r"v\s*[·•|]?\s*t\s*[·•|]?\s*e",)
NAVBOX_ROW: tuple[str, ...] = (r"(?:#\d{1,3}\s[^#\n]{1,80}){1,6}",)

# Wikipedia's boxes that point to sister projects (html2text renderings keep their text).
SISTER_PROJECT: tuple[str, ...] = (
    r"look up [^\n]{1,80} in wiktionary, the free dictionary\.?",
    r"(?:wikimedia commons|wikiquote|wikisource|wikibooks|wikinews|wikiversity|wikivoyage|wikispecies)"
    r" has (?:media|quotations|original text|a book|books|related news|news|learning resources|"
    r"travel information|information)\b[^\n]{0,160}",
)

# Maintenance templates ("This section needs expansion. You can help by adding to it. (August
# 2013)"); the dated suffix or the "Learn how and when to remove" link makes them unmistakable.
MAINTENANCE_NOTICE: tuple[str, ...] = (
    r"(?:\[\[icon\]\]\s*)?this (?:section|article|list|page)\b[^\n]{1,400}?"
    r"(?:\((?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r" \d{4}\)|learn how and when to remove this (?:template )?message\)?\.?)",
)

# Media players: Wikipedia's audio box ("Problems playing this file? See media help.").
MEDIA_PLAYER: tuple[str, ...] = (r"problems playing (?:this|these) files?\?(?: see media[ _]help\.?)?",)

# Source code that leaked into text: MediaWiki's inline TemplateStyles CSS (enwiki 2019
# citations) and Wikia's gallery JavaScript (gameofthrones.wikia 2016 copies). Searched inside
# text, so each pattern is anchored on a token no prose contains.
LEAKED_CODE: tuple[str, ...] = (
    r"(?:\.mw-parser-output\b[^{}\n]{0,300}\{[^{}\n]{0,800}\}\s*)+",
    r"JSSnippetsStack\.push\([^\n]*",
)

# Fandom chrome glued inside a line (the Oasis gallery button runs into the captions before it).
FANDOM_CHROME_INLINE: tuple[str, ...] = (r"add a photo to this gallery",)

# Page actions printed as links or bare words (FandomDesktop: "History", "Purge", "Talk (0)",
# the comment counter); bare words are matched only when unambiguous.
PAGE_TOOLS: tuple[str, ...] = (
    r"talk \(\d{1,6}\)",
    r"view (?:history|source)",
    r"\d{1,6} comments?",
    r"no comments yet",
    r"be the first to comment on [^\n]{1,120}",
    r"copy link",
)
# URLs of links that are page chrome whatever their words: edit/history/purge actions, sign-in
# and registration, special pages, in-page anchors of the page header and comments.
CHROME_LINK_URL: tuple[str, ...] = (
    r"[?&](?:action|veaction|oldid|diff|curid)=",
    r"//auth\.fandom\.com/",
    r"/(?:signin|register|login)\b",
    r"/wiki/(?:Special|Spezial|Spécial|Especial):",
    r"#(?:articleComments|page-header|top)$",
)

# Group headers inside an infobox: a row that labels the rows below it, never a field.
INFOBOX_HEADERS: tuple[str, ...] = (
    r"episode guide",
    r"episode information",
    r"production information",
    r"personal information",
    r"biographical information",
    r"physical description",
    r"chronological information",
    r"general information",
    r"technical specifications",
    r"out of universe information",
    r"behind the scenes",
)

# Common labels of Fandom portable infoboxes and Wikipedia infoboxes, as printed. Sources:
# gameofthrones.wikia 2016 episode infobox (Season … Next), beverlyhillscop.fandom.com 2026
# Character_Infobox and actor infobox, Fandom's default Character/Episode/Film/Location
# templates (community.fandom.com "Infobox templates", 2024), enwiki Infobox person/film.
# Words that also begin values ("Actor", "Director", "Title", "Type") are left out.
INFOBOX_LABELS: tuple[str, ...] = (
    # people and characters
    "Born", "Died", "Status", "Aliases", "Alias", "Nickname", "Nicknames", "Nickname(s)",
    "Gender", "Sex", "Species", "Race", "Age", "Height", "Weight", "Hair", "Hair color",
    "Hair colour", "Eye color", "Eye colour", "Eyes", "Nationality", "Citizenship",
    "Occupation", "Occupations", "Occupation(s)", "Profession", "Residence", "Affiliation",
    "Affiliations", "Allegiance", "Family", "Family Members", "Relatives", "Spouse", "Spouses",
    "Spouse(s)", "Children", "Parents", "Partner", "Rank", "Culture", "Religion", "Education",
    "Alma mater", "Years active", "Years Active", "Character", "Characters", "Film(s)", "Films",
    "Credits", "Known for", "Portrayed by", "Portrayed By", "Played by", "Played By",
    "Voiced by", "Voiced By", "Actor/Actress", "First appearance", "First Appearance",
    "Last appearance", "Last Appearance", "Appears in", "Appeared in", "Mentioned in",
    "Death", "Cause of death", "Place of birth", "Place of death", "Date of birth",
    # gameofthrones.wikia / Fandom character boxes: family and chronology rows
    "Also known as", "Titles", "Title(s)", "Father", "Mother", "Siblings", "Sibling(s)",
    "Issue", "Lovers", "Predecessor", "Successor", "Heir", "Origin", "Birthplace",
    "Killed by", "Seasons", "Season(s)", "First seen", "Last seen", "Appearances",
    "Voice actor", "Weapons", "Abilities",
    # superhero and game wikis (FandomDesktop portable infoboxes)
    "Real name", "Real Name", "Full name", "Full Name", "Birth name", "Other names",
    "Powers", "Debut", "Hero name", "Codename", "Role", "Class", "Team",
    "Base of operations",
    # episodes and films
    "Season", "Episode", "Air date", "Airdate", "Original air date", "Written by",
    "Directed by", "Teleplay by", "Story by", "Produced by", "Music by", "Edited by",
    "Cinematography", "Production code", "Running time", "Runtime", "Release date",
    "Released", "Budget", "Box office", "Distributed by", "Starring", "Based on", "Previous",
    "Next", "Preceded by", "Followed by",
    # places, organisations, things
    "Location", "Region", "Population", "Founded", "Founder", "Leader", "Ruler", "Capital",
    "Headquarters", "Manufacturer", "Designer", "Developer", "Developers", "Developer(s)",
    "Publisher", "Publishers", "Publisher(s)", "Platform", "Platforms", "Platform(s)",
    "Genre", "Genres", "Caliber", "Calibre", "Cartridge", "Used by", "Users", "Owner",
    "Owners",
)  # fmt: skip

# Titles and ranks that open a person's name in a lead sentence ("Chief John Taggart is …");
# they mark where an infobox run together with the lead gives way to the lead.
HONORIFICS: tuple[str, ...] = (
    "Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Doctor", "Sir", "Dame", "Lord", "Lady", "King",
    "Queen", "Prince", "Princess", "Emperor", "Empress", "Duke", "Duchess", "Count",
    "Countess", "Baron", "Ser", "Maester", "Khal", "Captain", "Capt.", "Lieutenant", "Lt.",
    "Sergeant", "Sgt.", "Detective", "Det.", "Officer", "Agent", "Chief", "Commander",
    "Cmdr.", "General", "Gen.", "Colonel", "Col.", "Major", "Maj.", "Admiral", "Corporal",
    "Private", "Inspector", "Professor", "Prof.", "Father", "Sister", "Brother", "Uncle",
    "Aunt", "Judge", "Senator", "President", "Governor", "Mayor", "Sheriff", "Deputy",
)  # fmt: skip

# Hatnotes: navigation lines at the top of an article or section, never its lead sentence.
HATNOTE_START: tuple[str, ...] = (
    r"this article is about",
    r"for other uses",
    r"for the [^\n]{1,60}, see",
    r"not to be confused with",
    r"main articles?\s*:",
    r"main\s*:",
    r"see also\s*:",
    r"further information\s*:",
)

# Section titles so common on wiki articles that a bare line holding exactly one of them is a
# heading even when the copy lost every other sign of it (FandomDesktop copy-pastes of pages
# with fewer than four sections print no TOC and no edit link). Sources: the headings of the
# corpus pages (Fandom, Wikipedia) and Fandom's default article layouts.
COMMON_SECTIONS: tuple[str, ...] = (
    "Overview", "Summary", "Synopsis", "Plot", "Story", "Biography", "Background", "History",
    "Early life", "Personality", "Appearance", "Physical appearance", "Abilities",
    "Powers and abilities", "Skills", "Relationships", "Equipment", "Weapons", "Description",
    "Gameplay", "Strategy", "Tips", "Trivia", "Notes", "Gallery", "Images", "Videos", "Quotes",
    "Memorable quotes", "Appearances", "Cast", "Crew", "Production", "Development", "Reception",
    "Legacy", "Behind the scenes", "See also", "References", "Sources", "Bibliography",
    "Further reading", "External links", "Navigation",
)  # fmt: skip
