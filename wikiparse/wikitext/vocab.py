"""Wikitext vocabulary as data: redirect words, magic words, tag names, file options, template names.

Sources: MediaWiki core ``languages/messages/Messages*.php`` (magic words and their
localisations), ``includes/parser/Sanitizer.php`` (HTML tags allowed in wikitext), the
extension registry (tags such as ``<gallery>``, ``<math>``, ``<syntaxhighlight>``), and, for
template names, the most called templates of the enwiki and Fandom samples in the shared corpus.
All patterns are linear (no nested quantifiers over the same text).
"""

from __future__ import annotations

import regex


def _names(joined: str) -> frozenset[str]:
    """A set of names written ``"a|b|c"``, compact for long vocabularies."""
    return frozenset(joined.split("|"))


# "#REDIRECT [[Target]]" and its localisations (MagicWord 'redirect').
REDIRECT_WORDS = (
    "redirect|weiterleitung|redirección|redireccion|renvoi|redirection|rinvia|rinvio|doorverwijzing|"
    "przekieruj|перенаправление|перенапр|пренасочване|виж|redirecionamento|omdirigering|"
    "転送|リダイレクト|重定向|넘겨주기|yönlendirme|yönlendİrme|đổi|přesměruj|uudelleenohjaus|átirányítás"
)
REDIRECT = regex.compile(
    rf"\A\s*#\s*(?:{REDIRECT_WORDS})\s*:?\s*\[\[\s*([^\[\]|\n]+?)\s*(?:\|[^\[\]\n]*)?\]\]",
    regex.IGNORECASE,
)

# Behaviour switches: __NOTOC__, __TOC__, __FORCETOC__, __NOEDITSECTION__, __DISAMBIG__ …
MAGIC_SWITCH = regex.compile(r"__[A-Z\p{Lu}]{2,30}__")
DISAMBIGUATION_SWITCH = "__DISAMBIG__"

# Templates and parser functions with nothing visible in text: page properties, layout, anchors.
SILENT_TEMPLATES = _names(
    "defaultsort|defaultsortkey|defaultcategorysort|displaytitle|noexternallanglinks|#babel|toc|"
    "notoc|noindex|index|nocc|#seo|#set|#description|short description|use dmy dates|"
    "use mdy dates|use british english|use american english|use indian english|"
    "use australian english|use canadian english|use new zealand english|engvarb|"
    "use list-defined references|pp|pp-move-indef|pp-semi-indef|pp-protected|pp-vandalism|pp-move|"
    "pp-semi|pp-dispute|pp-template|featured article|good article|italic title|lowercase title|"
    "dmoz|bots|toc right|toc left|toclimit|clear|clr|-|clearleft|clearright|clear left|"
    "clear right|anchor|anchors|sfn whitelist|r from camelcase|r from subpage|"
    "r from other capitalisation|r from alternative name|r from misspelling|redr|refbegin|refend|"
    "div col|div col end|colbegin|colend|col-begin|col-end|col-break|col-2|col-3|multicol|"
    "multicol-break|multicol-end|columns-list|end|fb end|s-start|s-end|start box|end box|"
    "flagicon|flag icon|flagdeco|flagicon image|increase|decrease|steady|nowrap end"
)

# Magic variables that show the page title, and parser functions that only set page properties.
TITLE_VARIABLES = _names(
    "pagename|pagenamee|fullpagename|fullpagenamee|basepagename|subpagename|rootpagename|articlepagename"
)
SILENT_FUNCTIONS = _names(
    "defaultsort|defaultsortkey|defaultcategorysort|displaytitle|#babel|noexternallanglinks|#seo|#set|"
    "#description|#related|#vardefine|#dplvar|#css"
)

# Templates that mark a disambiguation page (enwiki Category:Disambiguation message boxes; Fandom).
# Set-index templates ({{surname}}, {{shipindex}}) are lists, not disambiguation pages.
DISAMBIGUATION_TEMPLATES = _names(
    "disambiguation|disambig|dab|disamb|disambiguation page|hndis|geodis|numberdis|"
    "letter-numbercombdisambig|mathdab|schooldis|hospitaldis|begriffsklärung|homonymie|"
    "desambiguación|disambigua|неоднозначность|пояснение|многозначност"
)

# Infobox templates by name when the dump does not define them.
INFOBOX_NAME = regex.compile(
    r"^(?:infobox\b|.*\binfobox$|(?:automatic |sub)?(?:taxobox|speciesbox)$|chembox|drugbox|geobox|"
    r"starbox|ficha de|infobox_|box ?infobox|карточка|инфокутия|info/)",
    regex.IGNORECASE,
)

# Template parameters that style a box rather than hold its content (infobox and frame
# analysis): whole names (enwiki Template:Infobox's own parameters), then name endings
# ("image_size", "title_style") and beginnings ("image_caption", "pushpin_map").
NON_CONTENT_PARAM = regex.compile(
    r"^(?:name|template|embed|child|subbox|module\d*|qid|nocat|noicon|onlysourced|fetchwikidata|"
    r"suppressfields|italic[ _]title|autoheaders|decat|bodyclass|bodystyle|navbar|tnavbar|state|"
    r"image\d*|img|logo|signature|alt|caption|upright|relief|mark|marksize|float|align|width|"
    r"height|size|style|class|colou?r|bgcolor|border|gap|coordinates|coords)\d*$"
    r"|[_ ](?:size|width|height|style|class|colou?r|bgcolor|alt|upright|caption|image|img|px|align)\d*$"
    r"|^(?:image|logo|map|pushpin|signature|coat[_ ]of[_ ]arms|flag|seal|dot)[_ ]"
    r"|^(?:image|img|logo|map|signature|flag|seal)(?:size|width|upright|alt|caption|px)\d*$"
    r"|[_ ](?:photo|picture|insignia|logo|signature|seal)\d*$",
    regex.IGNORECASE,
)

# A size given in pixels ("250px", "300x200px"): layout, not a value to show.
PIXEL_VALUE = regex.compile(r"^\s*\d*x?\d+\s*px\s*$", regex.IGNORECASE)

# Arguments whose value is a file name (an image shown, not text).
FILE_VALUE = regex.compile(
    r"^[^\n\[\]{}|]{1,240}\.(?:jpe?g|png|svg|gif|tiff?|webp|bmp|ogg|ogv|oga|webm|mp3|mp4|wav|pdf)\s*$",
    regex.IGNORECASE,
)

# File embed options that are not a caption (enwiki Help:Pictures) and frequent localisations.
FILE_OPTIONS = _names(
    "thumb|thumbnail|frame|framed|frameless|border|left|right|center|centre|none|upright|baseline|"
    "middle|sub|super|sup|top|text-top|bottom|text-bottom|mini|miniatur|miniature|vignette|gauche|"
    "droite|links|rechts|hochkant|rahmenlos|rahmen|zentriert|miniaturadeimagen|miniatura|"
    "izquierda|derecha|centro|miniaturadaimagem|direita|esquerda|mały|prawo|lewo|miniatuur|destra|"
    "sinistra|мини|миниатюра|справа|слева|центр|ляво|дясно|център|рамка|без рамки|缩略图|左|右|居中|"
    "サムネイル|右|左|中央|섬네일|왼쪽|오른쪽|가운데"
)
FILE_OPTION = regex.compile(
    r"^(?:\d*x?\d+\s*(?:px|пкс|пикс)|(?:link|alt|page|class|lang|upright|thumb|thumbnail|border|"
    r"мини|miniatur|vignette|hochkant|lien|verweis|enlace|collegamento|ссылка|връзка)\s*=.*)$",
    regex.IGNORECASE | regex.DOTALL,
)

# Interwiki prefixes whose links show their words ("[[wikt:word]]"); language codes are shaped.
INTERWIKI = _names(
    "w|wikipedia|wikt|wiktionary|commons|c|meta|m|mw|mediawikiwiki|wikia|fandom|wikiquote|q|s|"
    "wikisource|b|wikibooks|n|wikinews|v|wikiversity|species|wikispecies|d|wikidata|voy|"
    "wikivoyage|foundation|wmf|phab|google|imdb|memoryalpha|ma|wookieepedia|gutenberg"
)
LANGUAGE_PREFIX = regex.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8}){0,2}$|^simple$")

# Extension tags whose content is not read as wikitext here.
CODE_TAGS = frozenset({"pre", "syntaxhighlight", "source"})
DROPPED_TAGS = _names(
    "math|chem|ce|hiero|score|timeline|graph|mapframe|maplink|templatedata|imagemap|inputbox|"
    "categorytree|charinsert|dynamicpagelist|dpl|rss|youtube|embedvideo|nicovideo|vimeo|"
    "googlemaps|ogg|mp3|templatestyles|indicator|section|talkpage|comments|bloglist|forum|"
    "mainpage-leftcolumn-start|mainpage-rightcolumn-start|mainpage-endcolumn|choose|option|phonos|"
    "kbd-fancy|jsonconfig"
)
EXTENSION_TAGS = (
    "ref|references|nowiki|gallery|pre|syntaxhighlight|source|math|chem|ce|hiero|score|timeline|graph|"
    "mapframe|maplink|templatedata|imagemap|inputbox|categorytree|charinsert|dynamicpagelist|dpl|rss|"
    "youtube|embedvideo|nicovideo|vimeo|googlemaps|ogg|mp3|templatestyles|indicator|section|talkpage|"
    "comments|bloglist|forum|choose|phonos|jsonconfig|includeonly"
)

# HTML tags MediaWiki lets through (Sanitizer.php) plus tags of extensions that wrap wikitext.
HTML_TAGS = (
    "abbr|b|bdi|bdo|big|blockquote|br|caption|center|cite|code|data|dd|del|dfn|div|dl|dt|em|font|"
    "h[1-6]|hr|i|ins|kbd|li|link|mark|meta|ol|p|poem|q|rb|rp|rt|rtc|ruby|s|samp|small|span|strike|"
    "strong|sub|sup|table|tbody|td|tfoot|th|thead|time|tr|tt|u|ul|var|wbr|noinclude|onlyinclude|"
    "includeonly|nowiki|ref|references|tabber|tabview|center|translate|tvar|languages|mainpage-\\w+|"
    "gallery|pre|source|syntaxhighlight|math|section|span|img|a|figure|figcaption|abbr|label|input|"
    "font|big|u|nav|header|footer|aside|article|main|summary|details|bdi|spoiler"
)
