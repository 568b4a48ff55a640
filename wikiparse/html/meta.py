"""What the page says about itself: skin, site, title, URL, language, categories.

All of it is read from the lxml tree through the :class:`~wikiparse.html.index.PageIndex`, before
the content region is cut, because the title and the category bar sit outside that region.
"""

from __future__ import annotations

import copy
import json
from urllib.parse import parse_qs, unquote

import attrs
import regex

from ..detect import site_from_url
from ..records import Site
from ..titles import split_url, title_text
from . import skins
from .dom import Element, classes, drop_tree, text_of
from .index import PageIndex
from .links import MAX_LINK_TEXT
from .skins import Skin
from .subtrees import Ancestry

_FRAGMENT = regex.compile(r"<(?:html|body)\b", regex.IGNORECASE)
_SAVED_FROM = regex.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", regex.IGNORECASE)
_CONFIG = regex.compile(
    r'"(?P<key>wgPageName|wgSiteName|wgServer|wgAction)"\s*:\s*"(?P<value>(?:[^"\\]|\\.){0,500})"'
)
_CONFIG_KEYS = ("wgPageName", "wgSiteName", "wgServer", "wgAction")
_ACTION = regex.compile(r"^action-(\w+)$")
_NOT_VIEW = ("edit", "submit", "history", "info", "delete", "protect", "formedit")
# MediaWiki's generator meta and markup that only MediaWiki writes.
_MEDIAWIKI_MARKS = ("#mw-content-text", "div.mw-parser-output", "#catlinks")


@attrs.frozen(kw_only=True)
class PageMeta:
    skin: Skin
    site: Site
    site_name: str | None
    title: str | None
    url: str | None
    lang: str | None
    categories: tuple[str, ...]
    action: str
    """MediaWiki's action (``view``, ``edit``…): only ``view`` pages have article content."""
    redirect: str | None
    disambiguation: bool
    namespace: int | None
    """MediaWiki namespace number (``ns-14`` body class, Parsoid's ``mw:pageNamespace``); 14 = category."""
    title_element: Element | None = attrs.field(default=None, eq=False, repr=False)
    """The element the title was read from; the region cut leaves it out of the content."""


def read_meta(index: PageIndex, text: str) -> PageMeta:
    """Everything the page states about itself."""
    config = _page_config(text)
    body_classes = _body_classes(index, text)
    skin = detect_skin(index, text, body_classes)
    action = next((m[1] for c in body_classes if (m := _ACTION.match(c))), config.get("wgAction", "view"))
    url = page_url(index, text)
    title, title_element = page_title(index, skin, action, config)
    return PageMeta(
        skin=skin,
        site=_site(skin, index, url, config),
        site_name=index.metas.get("og:site_name") or config.get("wgSiteName"),
        title=title,
        title_element=title_element,
        url=url,
        lang=_lang(index),
        categories=categories(index, skin),
        action=action,
        redirect=_redirect(index),
        disambiguation=_disambiguation(index),
        namespace=_namespace(index, body_classes),
    )


def is_view(meta: PageMeta) -> bool:
    """Whether the page shows the article (not an edit form, a history list…)."""
    return meta.action not in _NOT_VIEW


def _page_config(text: str) -> dict[str, str]:
    """MediaWiki's page configuration (``RLCONF``/``wgPageName``…) from the inline script.

    Each key is looked for with ``str.find`` and the pattern tried only where the key is (a
    scan of the pattern over the first 400 kB cost more than the rest of the page's metadata).
    """
    found: dict[str, str] = {}
    end = min(len(text), 400_000)
    for key in _CONFIG_KEYS:
        quoted = f'"{key}"'
        at = text.find(quoted, 0, end)
        while at != -1:
            match = _CONFIG.match(text, at, end)
            if match is not None:
                try:
                    found[key] = json.loads(f'"{match["value"]}"')
                    break
                except ValueError:
                    pass
            at = text.find(quoted, at + 1, end)
    return found


_BODY_CLASS = regex.compile(r"<body\b[^>]{0,2000}?\bclass\s*=\s*[\"']([^\"']*)", regex.IGNORECASE)


def _body_classes(index: PageIndex, text: str) -> frozenset[str]:
    """Class tokens of ``<body>``.

    When something that belongs in ``<body>`` comes before the tag, libxml2 opens an implicit body
    and drops the real tag's attributes; the tag itself still says which skin drew the page.
    """
    found = classes(index.body) if index.body is not None else frozenset()
    if not found:
        match = _BODY_CLASS.search(text)
        if match:
            found = frozenset(match[1].split())
    return found


def detect_skin(index: PageIndex, text: str, body_classes: frozenset[str]) -> Skin:
    """The skin from ``<body>`` classes, else the shape of the markup."""
    found = skins.skin_by_body(body_classes)
    if found is not None:
        return found
    if "mw:html:version" in index.metas:
        return skins.PARSOID
    mediawiki = any(index.first(s) is not None for s in _MEDIAWIKI_MARKS)
    if mediawiki and not _FRAGMENT.search(text, 0, 20_000):
        return skins.ACTION_PARSE
    generator = index.metas.get("generator", "")
    if mediawiki or generator.startswith("MediaWiki") or "mediawiki" in body_classes:
        return skins.GENERIC_MEDIAWIKI
    return skins.GENERIC


def _site(skin: Skin, index: PageIndex, url: str | None, config: dict[str, str]) -> Site:
    if skin.site is not None:
        return skin.site
    for candidate in (url, config.get("wgServer"), _base(index)):
        by_url = site_from_url(_absolute(candidate))
        if by_url is not None:
            return by_url
    if (index.metas.get("og:site_name") or config.get("wgSiteName")) == "Wikipedia":
        return "wikipedia"
    if skin is not skins.GENERIC or index.metas.get("generator", "").startswith("MediaWiki"):
        return "mediawiki"
    return "unknown"


def _base(index: PageIndex) -> str | None:
    base = index.root.find("head/base")
    return None if base is None else base.get("href")


def _absolute(url: str | None) -> str | None:
    if url and url.startswith("//"):
        return "https:" + url
    return url


def page_url(index: PageIndex, text: str) -> str | None:
    """The canonical URL: ``rel=canonical``, ``og:url``, Parsoid's ``dc:isVersionOf``, a saved-from note."""
    rels = dict(reversed(index.links))  # first of each rel wins
    for candidate in (rels.get("canonical"), index.metas.get("og:url"), rels.get("dc:isVersionOf")):
        if candidate:
            return _absolute(candidate.strip())
    saved = _SAVED_FROM.search(text, 0, 2000)
    return saved[1] if saved else None


def page_title(
    index: PageIndex, skin: Skin, action: str, config: dict[str, str]
) -> tuple[str | None, Element | None]:
    """The title as the page shows it (and the element showing it), without site suffixes."""
    if action in _NOT_VIEW and config.get("wgPageName"):
        return title_text(config["wgPageName"]), None
    for selector in skin.titles:
        el = index.first(selector)
        if el is not None:
            shown = _heading_text(el)
            if shown:
                return shown, el
    return _title_from_head(index, skin, config), None


def _title_from_head(index: PageIndex, skin: Skin, config: dict[str, str]) -> str | None:
    head_title = index.root.find("head/title")
    if skin is skins.PARSOID and head_title is not None and text_of(head_title):
        return text_of(head_title)
    if index.metas.get("og:title"):
        return index.metas["og:title"].strip()
    if head_title is not None and text_of(head_title):
        return strip_site_suffix(
            text_of(head_title), index.metas.get("og:site_name") or config.get("wgSiteName")
        )
    return _title_from_edit_links(index)


def _heading_text(el: Element) -> str:
    """Text of a title element without its edit links (zhwiki's h1 carries one)."""
    if el.find(".//*[@class]") is None:
        return text_of(el)
    clone = copy.deepcopy(el)
    clone.tail = None
    for bad in clone.xpath(".//*[contains(@class, 'editsection')]"):
        drop_tree(bad)
    return text_of(clone)


_SUFFIX = regex.compile(r"^(?P<title>.+?)\s+[-–—|]\s+[^-–—|]+(?:\s+[-–—|]\s+[^-–—|]+)*$")
# A MediaWiki title has at most 255 bytes; with a site's suffix, a <title> stays far below this.
# Longer ones are not "Title - Site" and are left alone: _SUFFIX backtracks quadratically on them.
_SUFFIX_MAX_CHARS = 1000


def strip_site_suffix(title: str, site_name: str | None) -> str:
    """'Duck - Wikipedia' → 'Duck'; 'X | Y Wiki | Fandom' → 'X'.

    >>> strip_site_suffix("Duck - Wikipedia", None)
    'Duck'
    >>> strip_site_suffix("Red Heat | Movies Wiki | Fandom", None)
    'Red Heat'
    """
    if site_name and title.endswith(site_name):
        title = title[: -len(site_name)].rstrip(" -–—|")
        return strip_site_suffix(title, None) if title.endswith(("| Fandom", " Wiki")) else title
    match = _SUFFIX.match(title) if len(title) <= _SUFFIX_MAX_CHARS else None
    return match["title"] if match else title


def _title_from_edit_links(index: PageIndex) -> str | None:
    """An ``action=parse`` fragment has no title element: its edit links name the page."""
    for a in index.root.iter("a"):
        href = a.get("href") or ""
        if "action=edit" in href:
            names = parse_qs(split_url(href).query).get("title")
            if names:
                return title_text(unquote(names[0]))
    return None


def _lang(index: PageIndex) -> str | None:
    for el in (index.root, index.body):
        if el is not None and el.get("lang"):
            return str(el.get("lang"))
    return None


def categories(index: PageIndex, skin: Skin) -> tuple[str, ...]:
    """Category names from the skin's category bar (hidden ones left out) or Parsoid's links."""
    for selector in skin.categories:
        container = index.first(selector)
        if container is not None:
            return tuple(dict.fromkeys(_bar_names(container)))
    names = [category_name(href) for rel, href in index.links if rel == "mw:PageProp/Category"]
    return tuple(dict.fromkeys(n for n in names if n))


def _bar_names(container: Element) -> list[str]:
    """Category links of a bar; when the bar is a list, only its items (not the "Categories:" label)."""
    names = []
    in_items = Ancestry(container.iter("li"))
    anchors = [a for a in container.iter("a") if in_items.inside(a)] or list(container.iter("a"))
    hidden = Ancestry(el for el in container.iter() if el is not container and _HIDDEN_BAR & classes(el))
    for a in anchors:
        href = a.get("href") or ""
        if "Special:" in href or (a.get("title") or "").startswith("Special:") or hidden.inside(a):
            continue
        name = text_of(a, MAX_LINK_TEXT)[:MAX_LINK_TEXT]
        if name:
            names.append(name.removeprefix("Category:"))
    return names


_HIDDEN_BAR = frozenset({"mw-hidden-catlinks", "hidden"})


def category_name(href: str) -> str:
    """The category a Parsoid category link names, without its (localised) namespace.

    >>> category_name("./Category:Domesticated_animals#Dog")
    'Domesticated animals'
    >>> category_name("./Cat%C3%A9gorie:Portail:Gr%C3%A8ce/Articles_li%C3%A9s")
    'Portail:Grèce/Articles liés'
    """
    title = unquote(href.split("#", 1)[0]).removeprefix("./")
    title = title.split("/wiki/", 1)[-1]
    return title_text(title.split(":", 1)[1] if ":" in title else title)


def _redirect(index: PageIndex) -> str | None:
    for rel, href in index.links:
        if rel == "mw:PageProp/redirect":
            return title_text(unquote(href.split("/")[-1].split("#")[0]))
    return None


def _namespace(index: PageIndex, body_classes: frozenset[str]) -> int | None:
    found = index.metas.get("mw:pagenamespace") or next(
        (c[3:] for c in body_classes if c.startswith("ns-") and c[3:].isdigit()), None
    )
    return int(found) if found is not None and found.isdigit() else None


def _disambiguation(index: PageIndex) -> bool:
    return "mw:pageprop/disambiguation" in index.metas or any(
        rel == "mw:PageProp/disambiguation" for rel, _ in index.links
    )
