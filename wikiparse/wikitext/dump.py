"""MediaWiki XML dumps → batch units, one per page, streamed with bounded memory.

:func:`iter_units` is what the batch converter reads a dump with: every page comes out as a
:class:`~wikiparse.units.Unit` (format ``wikitext``, the page's wikitext as ``data``) or, when
its namespace is not selected, as a :class:`~wikiparse.units.Skipped` note, so every page is
accounted for.  A page the dump damaged (hidden text, a non-numeric id) is still a unit; its
problem travels in the context and :func:`wikiparse.parse_unit` turns it into that page's
error.

Template knowledge: a dump carries its own templates (namespace 10), interleaved with the
articles by page id; they go into a :class:`~wikiparse.wikitext.templates.TemplateIndex` (kept
small: one short record per useful template) before the pages that call them.  A dump of up
to :data:`KEEP_CHARS` of text is read once, ahead of its first unit, so that all its templates
are known wherever they stand; a larger one is read twice when the stream can seek (a template
pass, then the pages), and otherwise once, templates learned as they come (those defined after
an article are then unknown to it).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import attrs

from ..errors import InputError
from ..options import Limits
from ..records import SourceInfo
from ..units import Skipped, Unit
from .compression import open_decompressed
from .context import TEMPLATE, Namespaces, PageContext, page_url, site_of
from .reader import redirect_target
from .templates import TemplateIndex
from .xmlpages import DumpPage, SiteInfo, iter_xml


@attrs.define
class _Wiki:
    """What the dump has said about its wiki so far."""

    siteinfo: SiteInfo | None = None
    namespaces: Namespaces = attrs.Factory(Namespaces.build)

    def learn(self, siteinfo: SiteInfo) -> None:
        self.siteinfo = siteinfo
        self.namespaces = Namespaces.build(siteinfo)

    def namespace_of(self, page: DumpPage) -> int:
        if page.ns is not None:
            return page.ns
        return self.namespaces.split(page.title or "")[0]


def build_template_index(stream: BinaryIO, limits: Limits | None = None) -> TemplateIndex:
    """Read only the Template namespace of a dump (any compression) into an index."""
    learner = _Learner()
    limits = limits or Limits()
    with open_decompressed(stream, limits) as raw:
        for item in iter_xml(raw, limits):
            learner.learn(item)
    learner.index.prune()
    return learner.index


KEEP_CHARS = 32 * 1024 * 1024
"""Page text read ahead of the first unit.  A dump this small is read once and every template it
defines is known before its first page is yielded, wherever the template stands in it.  A larger
dump that can seek gets a template pass, then a second read; one that cannot (a compressed
stream in a batch) yields what was read ahead and learns templates as it meets them."""


@attrs.define
class _Learner:
    """What the dump has said about its wiki and templates so far."""

    wiki: _Wiki = attrs.Factory(_Wiki)
    index: TemplateIndex = attrs.Factory(TemplateIndex)

    def learn(self, item: SiteInfo | DumpPage, *, templates: bool = True) -> None:
        """Take in the site information, and a template's definition unless ``templates`` is off."""
        if isinstance(item, SiteInfo):
            self.wiki.learn(item)
            self.index.template_prefixes = self.wiki.namespaces.prefixes(TEMPLATE)
        elif templates and item.text and item.title and self.wiki.namespace_of(item) == TEMPLATE:
            self.index.add(_name_in_namespace(item.title, self.wiki), item.text)

    def units(
        self,
        items: Iterable[SiteInfo | DumpPage],
        path: str,
        namespaces: frozenset[int] | None,
        *,
        templates: bool,
    ) -> Iterator[Unit | Skipped]:
        """A unit (or skip note) per page of ``items``, learning from them as they pass."""
        for item in items:
            self.learn(item, templates=templates)
            if isinstance(item, DumpPage):
                yield _unit(item, self.wiki, self.index, path, namespaces)


def _name_in_namespace(title: str, wiki: _Wiki) -> str:
    return wiki.namespaces.split(title)[1]


def iter_units(
    stream: BinaryIO,
    *,
    path: str,
    namespaces: frozenset[int] | None = frozenset({0}),
    limits: Limits,
    index: TemplateIndex | None = None,
) -> Iterator[Unit | Skipped]:
    """Every page of a dump as a unit, or as skipped when ``namespaces`` does not hold it.

    ``namespaces=None`` selects every namespace.  ``stream`` is the dump file as stored (plain,
    gzip, bzip2, xz or 7z); pass ``index`` to reuse template knowledge already built.  Raises
    :class:`~wikiparse.errors.InputError` if the XML breaks off (pages before it are yielded).
    """
    if index is not None:
        with open_decompressed(stream, limits) as raw:
            yield from _Learner(index=index).units(iter_xml(raw, limits), path, namespaces, templates=False)
        return
    start = stream.tell() if stream.seekable() else None
    learner = _Learner()
    with open_decompressed(stream, limits) as raw:
        items = iter_xml(raw, limits)
        ahead: list[SiteInfo | DumpPage] = []
        damage: InputError | None = None
        chars = 0
        try:
            for item in items:
                learner.learn(item)
                ahead.append(item)
                chars += len(item.text or "") if isinstance(item, DumpPage) else 0
                if chars > KEEP_CHARS:
                    break
            else:
                learner.index.prune()  # the whole dump is read: every template is known
        except InputError as exc:
            damage = exc
        if chars <= KEEP_CHARS or start is None:
            yield from learner.units(ahead, path, namespaces, templates=False)  # learnt already
            if damage is not None:
                raise damage
            # past the read-ahead of a stream that cannot seek: templates learnt as they come
            yield from learner.units(items, path, namespaces, templates=True)
            return
        del ahead  # a large dump that can seek: the template pass goes on to the end…
        with contextlib.suppress(InputError):  # (the damage is met again, and raised, on the reread)
            for item in items:
                learner.learn(item)
    learner.index.prune()
    stream.seek(start)  # … then the pages are read again
    yield from iter_units(stream, path=path, namespaces=namespaces, limits=limits, index=learner.index)


def _unit(
    page: DumpPage, wiki: _Wiki, index: TemplateIndex, path: str, namespaces: frozenset[int] | None
) -> Unit | Skipped:
    ns = wiki.namespace_of(page)
    text = page.text
    source = SourceInfo(
        path=path,
        page_id=page.page_id,
        revision_id=page.revision_id,
        timestamp=page.timestamp,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest() if text is not None else None,
    )
    if namespaces is not None and ns not in namespaces:
        return Skipped(source=source, reason=f"namespace {ns} ({wiki.namespaces.name(ns)}) not selected")
    redirect = page.redirect or (redirect_target(text) if text else None)
    problem = page.problem or (None if text is not None else "the dump holds no text for this page")
    context = PageContext(
        title=page.title,
        namespace=ns,
        site=site_of(wiki.siteinfo),
        site_name=wiki.siteinfo.name if wiki.siteinfo else None,
        url=page_url(wiki.siteinfo, page.title),
        redirect=redirect if page.redirect is not None else None,
        namespaces=wiki.namespaces,
        templates=index.for_page(text) if text else (),
        problem=problem,
    )
    return Unit(
        source=source,
        data=text or "",
        format="wikitext",
        url=context.url,
        title=page.title,
        site_name=context.site_name,
        namespace=ns,
        redirect=redirect,
        context=context,
    )


def export_page(text: str, limits: Limits) -> tuple[str, PageContext]:
    """The one article of an XML export given as text (``wikiparse.parse`` of an export).

    Raises :class:`~wikiparse.errors.InputError` when the export holds several articles: that
    is a dump, for ``wikiparse convert`` or :func:`iter_units`.
    """
    body = text.lstrip("\ufeff")
    if body.startswith("<?xml"):
        body = body[body.find("?>") + 2 :]
    units = [
        u
        for u in iter_units(io.BytesIO(body.encode("utf-8")), path="", namespaces=None, limits=limits)
        if isinstance(u, Unit)
    ]
    articles = [u for u in units if u.namespace == 0] or units
    if not articles:
        raise InputError("the XML export holds no page")
    if len(articles) > 1:
        raise InputError(
            f"the XML export holds {len(articles)} article pages; convert a dump with `wikiparse convert`"
            " or iterate it with wikiparse.wikitext.dump.iter_units()"
        )
    unit = articles[0]
    context = unit.context
    assert isinstance(context, PageContext)
    if context.problem:
        raise InputError(f"page {unit.title!r}: {context.problem}")
    return str(unit.data), attrs.evolve(context, url=context.url)
