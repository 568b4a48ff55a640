"""The output records: immutable attrs classes whose JSON form is a versioned contract.

Every record is ``@attrs.frozen`` with keyword-only fields and tuple collections, so a page can
be shared across threads and processes and compared by value.  The JSON form lives in
:mod:`wikiparse.jsonform`; these classes only describe the data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Union, get_args

import attrs

if TYPE_CHECKING:
    from .chunks import Chunk

SCHEMA = "wikiparse/1"
"""Value of the ``schema`` key; bumped only for incompatible changes (see docs/schema.md)."""

PageType = Literal["article", "redirect", "disambiguation", "category", "list", "empty"]
Site = Literal["fandom", "wikipedia", "mediawiki", "unknown"]
InputFormat = Literal["html", "text", "wikitext"]
DecodeMethod = Literal["bom", "declared", "utf-8", "fallback"]


@attrs.frozen(kw_only=True)
class Removal:
    """One thing the pipeline dropped, and why."""

    rule: str
    """Stable name of the rule that dropped it, e.g. ``"edit-marker"``."""
    reason: str
    """Human-readable reason."""
    text: str
    """The dropped text, capped at :data:`REMOVAL_TEXT_CAP` characters."""
    chars: int
    """Length of the dropped text before capping."""


REMOVAL_TEXT_CAP = 300


def removal(rule: str, reason: str, text: str) -> Removal:
    """Build a :class:`Removal`, capping the stored text."""
    clipped = text if len(text) <= REMOVAL_TEXT_CAP else text[: REMOVAL_TEXT_CAP - 1] + "…"
    return Removal(rule=rule, reason=reason, text=clipped, chars=len(text))


@attrs.frozen(kw_only=True)
class Link:
    """An internal wiki link: the words shown and the page title it points to."""

    text: str
    target: str


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of running text."""

    text: str


@attrs.frozen(kw_only=True)
class ListItem:
    """One list item, with its full text.

    ``term``/``detail`` split items shaped "Term as Detail", "Term: Detail", "Term – Detail".
    In a definition list, ``term`` is the ``<dt>`` and ``detail`` the ``<dd>``.
    """

    text: str
    term: str | None = None
    detail: str | None = None
    items: tuple[ListItem, ...] = ()
    """Nested list items."""


@attrs.frozen(kw_only=True)
class ListBlock:
    """An ordered, unordered or definition list."""

    ordered: bool
    items: tuple[ListItem, ...]


@attrs.frozen(kw_only=True)
class Table:
    """A data table; rowspan/colspan are expanded so every row has the same width."""

    caption: str | None
    header: tuple[str, ...] | None
    rows: tuple[tuple[str, ...], ...]


@attrs.frozen(kw_only=True)
class Quote:
    """A block quotation and, when shown, who said it."""

    text: str
    cite: str | None = None


@attrs.frozen(kw_only=True)
class Code:
    """Preformatted text or source code, whitespace kept."""

    text: str


Block = Union[Paragraph, ListBlock, Table, Quote, Code]  # noqa: UP007  (kept a typing alias)


@attrs.frozen(kw_only=True)
class Section:
    """A heading and what follows it up to the next heading of the same or a higher level."""

    title: str
    level: int
    """Heading level as written: 2 for ``h2``/``== x ==``, and so on."""
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    """Child sections (deeper headings)."""


@attrs.frozen(kw_only=True)
class InfoboxField:
    label: str
    value: str


@attrs.frozen(kw_only=True)
class Infobox:
    """An infobox as label/value pairs, in the order shown."""

    title: str | None
    fields: tuple[InfoboxField, ...]


@attrs.frozen(kw_only=True)
class SourceInfo:
    """Where a page came from. Every field is optional; batch conversion fills what it knows."""

    path: str | None = None
    """File path of the input (or of the archive/dump holding it)."""
    member: str | None = None
    """Archive member name, when the page came from a tar/zip."""
    offset: int | None = None
    """Byte offset of the record in a WARC file."""
    line: int | None = None
    """1-based line number in a JSON Lines dump."""
    record_id: str | None = None
    """WARC-Record-ID, or the dump's own identifier."""
    page_id: int | None = None
    revision_id: int | None = None
    timestamp: str | None = None
    sha256: str | None = None
    """SHA-256 of the input bytes of this page."""


@attrs.frozen(kw_only=True)
class Decoding:
    """How bytes were turned into text: the encoding and what decided it."""

    encoding: str
    method: DecodeMethod = attrs.field(validator=attrs.validators.in_(get_args(DecodeMethod)))
    """``declared``: a ``<meta charset>`` or XML declaration; ``fallback``: guessed, see warnings."""
    replaced: int = 0
    """Undecodable bytes replaced by U+FFFD (counted, never silently dropped)."""
    mojibake_repaired: int = 0
    """Sequences such as ``â€™`` repaired to the character they encode."""


@attrs.frozen(kw_only=True)
class Page:
    """One wiki page as a structured record."""

    schema: str = SCHEMA
    title: str | None = None
    url: str | None = None
    source: SourceInfo | None = None
    """Provenance; ``None`` for in-memory input."""
    page_type: PageType = attrs.field(default="article", validator=attrs.validators.in_(get_args(PageType)))
    site: Site = attrs.field(default="unknown", validator=attrs.validators.in_(get_args(Site)))
    skin: str | None = None
    """The HTML theme detected (``vector-2022``, ``fandomdesktop``…), ``None`` for text."""
    site_name: str | None = None
    """The wiki's name when the input states it (XML dump ``<sitename>``, ``og:site_name``)."""
    input_format: InputFormat = attrs.field(
        default="html", validator=attrs.validators.in_(get_args(InputFormat))
    )
    lang: str | None = None
    redirect: str | None = None
    """Target title when ``page_type`` is ``redirect``."""
    summary: str = ""
    """Plain text of the lead paragraphs."""
    lead: tuple[Block, ...] = ()
    """Blocks before the first heading."""
    sections: tuple[Section, ...] = ()
    infoboxes: tuple[Infobox, ...] = ()
    categories: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    removed: tuple[Removal, ...] = ()
    warnings: tuple[str, ...] = ()
    decoding: Decoding | None = None
    """``None`` for ``str`` input."""

    def to_dict(self) -> dict[str, object]:
        """The stable JSON form (see :mod:`wikiparse.jsonform`)."""
        from .jsonform import page_to_dict

        return page_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Page:
        """Rebuild a page from :meth:`to_dict` output; raises ``InputError`` on a malformed dict."""
        from .jsonform import page_from_dict

        return page_from_dict(data)

    def to_text(self, *, infobox: bool = True, categories: bool = True) -> str:
        """Readable plain text (see :mod:`wikiparse.render`); what chunk offsets point into."""
        from .render import RenderOptions, to_text

        return to_text(self, RenderOptions(infobox=infobox, categories=categories))

    def to_markdown(self, *, infobox: bool = True, categories: bool = True) -> str:
        """One Markdown document (see :mod:`wikiparse.markdown`)."""
        from .markdown import to_markdown
        from .render import RenderOptions

        return to_markdown(self, RenderOptions(infobox=infobox, categories=categories))

    def chunks(self, *, max_chars: int = 2000, overlap: int = 200, min_chars: int = 200) -> tuple[Chunk, ...]:
        """Passages within sections, with offsets into :meth:`to_text` (see :mod:`wikiparse.chunks`)."""
        from .chunks import ChunkOptions, chunk_page

        return chunk_page(self, ChunkOptions(max_chars=max_chars, overlap=overlap, min_chars=min_chars))
