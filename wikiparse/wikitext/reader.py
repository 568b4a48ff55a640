"""One page's wikitext → a :class:`~wikiparse.doc.Doc`: the stages composed.

preprocess (comments, extension tags) → expand (templates) → links → inline formatting →
blocks.  A redirect page stops after the redirect is found: it has no body to read.
"""

from __future__ import annotations

from ..doc import Doc
from ..options import Limits
from ..rules import RuleSet
from ..titles import title_text
from .blocks import read_blocks
from .collect import Collector
from .context import PageContext
from .expand import expand
from .inline import format_text, may_hold_stray_markup
from .links import read_links
from .preprocess import preprocess
from .vocab import REDIRECT

_DISAMBIGUATION_TITLE = ("(disambiguation)", "(disambig)", "(begriffsklärung)", "(homonymie)", "(значения)")


def redirect_target(text: str) -> str | None:
    """The target of a ``#REDIRECT [[Target]]`` page, if the text is one.

    >>> redirect_target("#REDIRECT [[Pyrus (brand)]]\\n{{R from move}}")
    'Pyrus (brand)'
    """
    match = REDIRECT.match(text)
    return title_text(match.group(1)) if match else None


def read_wikitext(text: str, rules: RuleSet, limits: Limits, context: PageContext | None = None) -> Doc:
    """Read one page of wikitext."""
    ctx = context or PageContext()
    col = Collector.for_page(rules, ctx, limits)
    target = redirect_target(text) or ctx.redirect
    if target is not None:
        col_categories = _categories(text, col)
        return Doc(
            blocks=(),
            input_format="wikitext",
            title=ctx.title,
            url=ctx.url,
            site=ctx.site,
            site_name=ctx.site_name,
            page_type="redirect",
            redirect=target or None,
            categories=col_categories,
        )
    text = preprocess(text, col)
    text = expand(text, col)
    text = read_links(text, col)
    text = format_text(text, col)
    col.stray_possible = bool(col.blocks) or may_hold_stray_markup(text)
    blocks = read_blocks(text, col)
    if col.stray:
        col.drop("wiki-syntax", " ".join(col.stray))
    title = (ctx.title or "").casefold()
    disambiguation = col.disambiguation or title.endswith(_DISAMBIGUATION_TITLE)
    return Doc(
        blocks=tuple(blocks),
        input_format="wikitext",
        title=ctx.title,
        url=ctx.url,
        site=ctx.site,
        site_name=ctx.site_name,
        page_type="disambiguation" if disambiguation else None,
        infoboxes=tuple(col.infoboxes),
        categories=tuple(col.categories),
        links=tuple(col.links),
        removed=tuple(col.removed),
    )


def _categories(text: str, col: Collector) -> tuple[str, ...]:
    """Categories of a redirect page (its ``[[Category:…]]`` links; nothing else is read)."""
    if "[[" in text:
        read_links(preprocess(text, col), col)
    return tuple(col.categories)
