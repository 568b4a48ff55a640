"""``parse_unit``: one batch unit → one page record, using everything the unit carries.

A :class:`~wikiparse.units.Unit` knows more than its bytes: the format its container states,
the URL, provenance, and reader context (a dump page's title, namespaces and template
definitions).  The title and categories a container states win over what the page shows (a
dump's ``<title>`` or an Enterprise record's ``name`` *is* the page's name); its site name and
redirect target fill in what the page does not say.
"""

from __future__ import annotations

import attrs

from .errors import InputError
from .options import ParseOptions
from .parse import parse
from .records import Page
from .units import Unit


def parse_unit(unit: Unit, options: ParseOptions | None = None) -> Page:
    """Parse one unit; raises the same typed errors as :func:`wikiparse.parse`.

    A dump page whose text the dump withholds raises :class:`~wikiparse.errors.InputError`
    naming the page, so the batch layer writes an error line for that page alone.
    """
    problem = getattr(unit.context, "problem", None)
    if problem:
        raise InputError(f"page {unit.title!r}: {problem}")
    page = parse(
        unit.data,
        format=unit.format,
        url=unit.url,
        options=options,
        source_info=unit.source,
        title=unit.title,
        categories=unit.categories,
        context=unit.context,
    )
    changes: dict[str, object] = {}
    if page.site_name is None and unit.site_name:
        changes["site_name"] = unit.site_name
    if page.redirect is None and unit.redirect:
        changes["redirect"] = unit.redirect
        changes["page_type"] = "redirect"
    if not page.categories and unit.categories:
        changes["categories"] = unit.categories
    return attrs.evolve(page, **changes) if changes else page  # type: ignore[arg-type]
