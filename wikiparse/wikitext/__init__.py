"""The wikitext reader: MediaWiki XML exports and raw wikitext → documents.

``wikiparse.parse(text, format="wikitext")`` reads raw wikitext or an export holding one
article; whole dumps stream through :func:`wikiparse.wikitext.dump.iter_units` and
:func:`wikiparse.parse_unit`.  Modules, in the order a page goes through them:

``xmlpages``/``compression``/``dump`` (the XML stream) → ``preprocess`` (comments, extension
tags) → ``expand`` (templates: ``calls``, ``words``, ``formats``, ``infobox``, ``templates``)
→ ``links`` → ``inline`` → ``blocks``/``tables``; ``reader`` composes them.
"""

from __future__ import annotations

import regex

from ..doc import Doc
from ..errors import InputError
from ..options import Limits
from ..rules import RuleSet
from .context import PageContext
from .reader import read_wikitext

__all__ = ["PageContext", "read_wikitext", "read_wikitext_page"]

_XML_EXPORT = regex.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<mediawiki\b", regex.DOTALL)


def read_wikitext_page(text: str, rules: RuleSet, limits: Limits, context: object | None = None) -> Doc:
    """Read raw wikitext, or an XML export holding one article, into a document.

    ``context`` is the :class:`PageContext` a dump unit carries (title, site, templates).
    """
    if context is not None and not isinstance(context, PageContext):
        raise InputError(f"a wikitext page's context must be a PageContext, not {type(context).__name__}")
    if context is None and _XML_EXPORT.match(text[:4096]):
        from .dump import export_page

        text, context = export_page(text, limits)
    elif context is not None and context.problem:
        raise InputError(f"page {context.title!r}: {context.problem}")
    return read_wikitext(text, rules, limits, context)
