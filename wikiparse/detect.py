"""Which reader a page needs, and which wiki family it comes from, with the evidence.

The format is decided from the first few kilobytes; the site from the URL when known, then
from words only a given family prints (Fandom's licence line, Wikipedia's tagline).  The HTML
reader refines site and skin from markup (``wikiparse.html.skins``).

>>> detect("<!DOCTYPE html><html><body><p>x</p></body></html>").input_format
'html'
>>> detect("Plot Edit\\nA film.").input_format
'text'
>>> detect("x", url="https://harrypotter.fandom.com/wiki/X").site
'fandom'
"""

from __future__ import annotations

import attrs
import regex

from .records import InputFormat, Site
from .titles import split_url


@attrs.frozen
class Detected:
    input_format: InputFormat
    site: Site
    evidence: str


_HTML_START = regex.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|section|table|h[1-6]|ul|link|script)\b",
    regex.IGNORECASE | regex.DOTALL,
)
XML_DUMP_START = regex.compile(
    # An XML prologue (declaration, comments, a doctype with its internal subset) before the
    # root element; bounded repetition keeps it linear on hostile heads.  A doctype is not a
    # dump's, but a hostile export may carry one: it is read as the dump it is, its entities
    # never expanded (see wikiparse.wikitext.xmlpages).
    r"\A(?:\s|<\?xml[^>]{0,500}>|<!--(?:[^-]|-(?!->)){0,2000}-->"
    r"|<!DOCTYPE[^\[>]{0,500}(?:\[[^\]]{0,8000}\])?\s{0,100}>){0,50}<mediawiki\b",
    regex.IGNORECASE,
)
"""The start of a MediaWiki XML export (matched on the first few KiB as text)."""
_TAG = regex.compile(
    r"</?(?:p|div|span|a|li|ul|ol|table|tr|td|h[1-6]|br|b|i|section)\b[^>]*>", regex.IGNORECASE
)

_FANDOM_WORDS = regex.compile(
    r"\b(?:wikia\.com|fandom\.com|wikia is a free-to-use site|fandom is a free-to-use site|"
    r"community content is available under|fandom homepage)",
    regex.IGNORECASE,
)
_WIKIPEDIA_WORDS = regex.compile(
    r"from wikipedia, the free encyclopedia|\bwikipedia\.org\b|wikipedia® is a registered trademark",
    regex.IGNORECASE,
)
_MEDIAWIKI_WORDS = regex.compile(r"\[edit\]|\bretrieved from\b|\bnewpp limit report\b", regex.IGNORECASE)


def detect_format(text: str) -> InputFormat:
    """``html`` when the page starts like markup (or is dense with tags), ``wikitext`` for an XML dump."""
    head = text[:4096]
    if XML_DUMP_START.match(head):
        return "wikitext"
    if _HTML_START.match(head):
        return "html"
    tags = len(_TAG.findall(head))
    return "html" if tags >= 5 and tags * 40 > len(head.strip()) // 10 else "text"


def site_from_url(url: str | None) -> Site | None:
    """The family a URL's host belongs to, if it says."""
    if not url:
        return None
    host = (split_url(url).hostname or "").lower()
    if host.endswith((".fandom.com", ".wikia.com", ".wikia.org")) or host in ("fandom.com", "wikia.com"):
        return "fandom"
    if host.endswith(".wikipedia.org"):
        return "wikipedia"
    return None


# A word each alternative of the patterns above contains.  Case-insensitive regex scans of the
# 40 kB sample cost about a millisecond each (measured: most of a small page's parse); a
# sample without any of these words, ASCII letters lowercased, cannot match, so the pattern is
# not run.  (Lowercased as UTF-8 bytes: ``str.lower`` of a non-Latin-1 text allocates three
# times its size in four-byte characters.)
_FANDOM_KEYS = (b"wikia", b"fandom", b"community content")
_WIKIPEDIA_KEYS = (b"wikipedia",)
_MEDIAWIKI_KEYS = (b"[edit]", b"retrieved from", b"newpp limit report")
# Characters that match an ASCII letter case-insensitively but do not lowercase to it (Kelvin
# sign, long s, Turkish dotted and dotless i): with one of them, the patterns always run.
_ODD_CASE = ("\u212a", "\u017f", "\u0130", "\u0131")


def site_from_text(text: str) -> tuple[Site, str]:
    """The family named by words in the page (checked over head and tail only, to stay linear)."""
    sample = text[:20000] + "\n" + text[-20000:]
    odd = not sample.isascii() and any(c in sample for c in _ODD_CASE)
    lowered = None if odd else sample.encode("utf-8", "surrogatepass").lower()

    def search(pattern: regex.Pattern[str], keys: tuple[bytes, ...]) -> regex.Match[str] | None:
        if lowered is not None and not any(key in lowered for key in keys):
            return None
        return pattern.search(sample)

    for site, pattern, keys in (
        ("fandom", _FANDOM_WORDS, _FANDOM_KEYS),
        ("wikipedia", _WIKIPEDIA_WORDS, _WIKIPEDIA_KEYS),
    ):
        match = search(pattern, keys)
        if match:
            return site, f"text mentions {match.group()!r}"  # type: ignore[return-value]
    match = search(_MEDIAWIKI_WORDS, _MEDIAWIKI_KEYS)
    if match:
        return "mediawiki", f"text has MediaWiki's {match.group()!r}"
    return "unknown", "no family-specific words"


def detect(
    text: str, *, url: str | None = None, forced: InputFormat | None = None, site: Site | None = None
) -> Detected:
    """Format and site of a decoded page; ``site`` is the family the input's container states."""
    fmt = forced or detect_format(text)
    if site is not None and site != "unknown":
        return Detected(fmt, site, "stated by the input's container")
    by_url = site_from_url(url)
    if by_url:
        return Detected(fmt, by_url, f"url host {split_url(url or '').hostname}")
    site, evidence = site_from_text(text)
    return Detected(fmt, site, evidence)
