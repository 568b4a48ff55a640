"""The batch layer's unit of work: one page as read from an input, before it is parsed.

Input readers (files, archives, WARC, JSON Lines, XML dumps) yield :class:`Unit` values,
:class:`Skipped` notes or :class:`Unreadable` damage reports; workers turn each unit into exactly
one record or one error line.  Units are frozen and picklable so they can cross process boundaries.
"""

from __future__ import annotations

import attrs

from .options import Format
from .records import SourceInfo


@attrs.frozen(kw_only=True)
class Unit:
    """One page to convert."""

    source: SourceInfo
    """Provenance; becomes the record's ``source`` (and the error line's)."""
    data: bytes | str
    """The page: raw bytes (decoded by the pipeline) or already-decoded text (JSON dumps, XML dumps)."""
    format: Format | None = None
    """The input format when the container says (``wikitext`` for XML dump pages), else detected."""
    url: str | None = None
    title: str | None = None
    """The title the container states (XML dump ``<title>``, Enterprise ``name``)."""
    site_name: str | None = None
    namespace: int | None = None
    redirect: str | None = None
    """Redirect target the container states (XML ``<redirect title=…>``)."""
    categories: tuple[str, ...] = ()
    """Categories the container states (Wikimedia Enterprise records)."""
    context: object | None = None
    """Reader-specific, picklable context, e.g. a dump's infobox template definitions."""


@attrs.frozen(kw_only=True)
class Skipped:
    """An input page deliberately not converted (e.g. outside the chosen namespaces); counted, not lost."""

    source: SourceInfo
    reason: str


@attrs.frozen(kw_only=True)
class Unreadable:
    """A part of an input that could not be read into a page: a corrupt archive member, a truncated
    WARC record, a page over the size limit, a dump line that is not JSON.

    Readers yield it instead of raising, so the damage costs one error line, not the run.
    """

    source: SourceInfo
    error: Exception
    """The reason; a :class:`~wikiparse.errors.WikiparseError` where the reader can say what to do."""
