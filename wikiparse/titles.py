"""Page titles from URLs and from MediaWiki's own spelling of titles.

>>> title_from_url("https://beverlyhillscop.fandom.com/wiki/Billy_Rosewood")
'Billy Rosewood'
>>> title_from_url("https://en.wikipedia.org/w/index.php?title=Red_Heat&action=edit")
'Red Heat'
>>> title_from_url("https://example.org/") is None
True
"""

from __future__ import annotations

from urllib.parse import SplitResult, parse_qs, unquote, urlsplit

_NO_URL = urlsplit("")


def split_url(url: str) -> SplitResult:
    """``urlsplit``, with an empty result for what it refuses ("http://[x", bad netlocs): a
    page's links are untrusted, and a malformed one is simply not a link to anything.

    >>> split_url("https://[oops/wiki/X").netloc
    ''
    """
    try:
        return urlsplit(url)
    except ValueError:
        return _NO_URL


def title_from_url(url: str | None) -> str | None:
    """The page title a MediaWiki URL names (``/wiki/Title`` or ``?title=Title``), if any."""
    if not url:
        return None
    parts = split_url(url)
    query = parse_qs(parts.query)
    if "title" in query:
        return title_text(query["title"][0])
    path = parts.path
    for prefix in ("/wiki/", "/w/"):
        if prefix in path:
            name = path.split(prefix, 1)[1]
            return title_text(unquote(name)) if name and "/" not in name.strip("/") else None
    return None


def title_text(name: str) -> str:
    """MediaWiki's display form of a title: underscores are spaces, no surrounding blanks."""
    return " ".join(name.replace("_", " ").split())
