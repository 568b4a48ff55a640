"""Internal wiki links, resolved on the lxml tree before the soup is built.

Every ``<a>`` of the cut region is judged once: a link to a page of this wiki is recorded as a
:class:`~wikiparse.records.Link` (the words shown, the target title); then every anchor is
unwrapped, its text kept in place.  Links are a third of a wiki page's elements: the soup built
afterwards is that much smaller.

>>> link_target("/wiki/Red_Heat", "", None, None, None)
'Red Heat'
>>> link_target("https://en.m.wikipedia.org/wiki/Duck", "", None, None, "en.wikipedia.org")
'Duck'
>>> link_target("/title/Pacman", "", None, "Pacman", None)
'Pacman'
>>> link_target("https://example.org/x", "external text", None, None, None) is None
True
"""

from __future__ import annotations

from urllib.parse import parse_qs, unquote

import lxml.etree

from ..records import Link
from ..titles import split_url, title_text
from .dom import Element, spaced_text

# Namespaces whose links are media or tools, not pages.
_NOT_PAGES = ("file:", "image:", "media:", "special:", "datei:", "fichier:", "archivo:", "bild:")


def same_wiki_host(host: str) -> str:
    """A host without its mobile label: en.m.wikipedia.org and en.wikipedia.org are one wiki."""
    host = host.lower()
    return host.replace(".m.", ".", 1) if ".m." in host else host.removeprefix("m.")


def link_target(
    href: str | None, classes: str, rel: str | None, title: str | None, host: str | None
) -> str | None:
    """The page title an ``<a>`` points to, when it is an internal wiki link.

    MediaWiki gives every internal link a ``title`` attribute naming its target (whatever the
    wiki's URL layout: ``/wiki/X``, ``/title/X``, ``/X``); red links name it in ``?title=``.
    Without one, ``/wiki/X``, ``index.php?title=X`` and Parsoid's ``./X`` paths are read.
    """
    if not href or href.startswith("#"):
        return None
    tokens = classes.split()
    if "extiw" in tokens or "external" in tokens or "image" in tokens:
        return None
    netloc, path, query_string = _split(href)
    if netloc and (host is None or same_wiki_host(netloc) != same_wiki_host(host)):
        return None
    query = parse_qs(query_string) if query_string else {}
    if "new" in tokens and "title" in query:
        name = query["title"][0]
    elif title and title.strip() and "action" not in query:
        name = title
    elif rel is not None and "mw:WikiLink" in rel and path.startswith("./"):
        name = path[2:]
    elif "/wiki/" in path:
        name = path.split("/wiki/", 1)[1]
    elif path.endswith("index.php") and "title" in query and query.get("action", ["view"])[0] == "view":
        name = query["title"][0]
    else:
        return None
    target = title_text(unquote(name))
    if not target or target.casefold().startswith(_NOT_PAGES):
        return None
    return target


# Characters after which a site-relative href ("/wiki/X") needs the full URL parser.
_NOT_PLAIN = frozenset("?#\t\r\n")


def _split(href: str) -> tuple[str, str, str]:
    """(netloc, path, query) of an href; a plain site-relative path skips ``urlsplit``.

    Nine links in ten on a wiki page are ``/wiki/Title``: for those the path is the href itself
    (``urlsplit`` would find no scheme, host, query or fragment and remove nothing).
    """
    if href[0] == "/" and href[1:2] != "/" and _NOT_PLAIN.isdisjoint(href):
        return "", href, ""
    parts = split_url(href)
    return parts.netloc, parts.path, parts.query


MAX_LINK_TEXT = 1000
"""Link texts are cut at this many characters.  A link's text is short; anchors left open in a
broken page nest, each holding all that follows, and would repeat the page once per anchor."""


def collect_links(root: Element, host: str | None) -> list[Link]:
    """Internal links of ``root`` in document order; then every anchor is unwrapped (in C)."""
    links = []
    for a in root.iter("a"):
        target = link_target(a.get("href"), a.get("class") or "", a.get("rel"), a.get("title"), host)
        if target is not None:
            shown = " ".join((a.text or "").split()) if len(a) == 0 else spaced_text(a, MAX_LINK_TEXT)
            shown = shown[:MAX_LINK_TEXT]
            if shown:
                links.append(Link(text=shown, target=target))
    # One C-level pass: unwrapping anchors one by one re-joins the growing text around them,
    # quadratic on a paragraph of 100,000 links.
    lxml.etree.strip_tags(root, "a")
    return links
