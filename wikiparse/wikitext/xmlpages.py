"""MediaWiki XML exports (schema 0.3–0.11) → site information and pages, one at a time.

``lxml.etree.iterparse`` reads the stream; each ``<revision>`` and ``<page>`` is cleared as soon
as it has been read and earlier pages are detached from the root, so memory holds one page
(its latest revision's text) whatever the size of the dump.  The parser never resolves
entities, loads a DTD or touches the network, and a dump whose prologue declares entities is
refused before it starts.  Text nodes above libxml2's 10 MB default are
accepted only when ``Limits.max_bytes`` allows pages that large.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import attrs
from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from ..errors import InputError
from ..options import Limits

_LIBXML_TEXT_LIMIT = 10_000_000


@attrs.frozen(kw_only=True)
class SiteInfo:
    """What ``<siteinfo>`` says about the wiki (all optional: some exports have none)."""

    name: str | None = None
    base: str | None = None
    generator: str | None = None
    case: str | None = None
    namespaces: tuple[tuple[int, str], ...] = ()
    """``(key, name)`` for every ``<namespace>``; the main namespace has the name ``""``."""


@attrs.frozen(kw_only=True)
class DumpPage:
    """One ``<page>`` with its latest revision."""

    title: str | None
    ns: int | None
    """``<ns>`` when the export has it (0.4+); ``None`` for older exports."""
    page_id: int | None
    redirect: str | None
    """``<redirect title="…">``'s target; ``""`` for an old-style empty ``<redirect/>``."""
    revision_id: int | None
    timestamp: str | None
    text: str | None
    """Wikitext of the latest revision; ``None`` when the dump omits or hides it."""
    problem: str | None = None
    """Why this page is malformed (unreadable id…), if it is; the page is still yielded."""


def _local(tag: object) -> str:
    name = tag if isinstance(tag, str) else ""
    return name.rpartition("}")[2]


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if _local(child.tag) == name:
            return child.text or ""
    return None


def _int(value: str | None, what: str, problems: list[str]) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        problems.append(f"{what} {value.strip()[:40]!r} is not a number")
        return None


def _siteinfo(element: etree._Element) -> SiteInfo:
    namespaces: list[tuple[int, str]] = []
    for child in element:
        if _local(child.tag) == "namespaces":
            for ns in child:
                key = ns.get("key")
                if key is not None and key.lstrip("-").isdigit():
                    namespaces.append((int(key), (ns.text or "").strip()))
    return SiteInfo(
        name=_child_text(element, "sitename"),
        base=_child_text(element, "base"),
        generator=_child_text(element, "generator"),
        case=_child_text(element, "case"),
        namespaces=tuple(namespaces),
    )


@attrs.define
class _Revision:
    """The latest revision seen so far inside the current page."""

    revision_id: int | None = None
    timestamp: str | None = None
    text: str | None = None


def _read_revision(element: etree._Element, latest: _Revision, problems: list[str]) -> None:
    latest.revision_id = _int(_child_text(element, "id"), "revision id", problems)
    latest.timestamp = _child_text(element, "timestamp")
    latest.text = None
    for child in element:
        if _local(child.tag) == "text" and child.get("deleted") is None:
            latest.text = child.text or ""


def _read_page(element: etree._Element, latest: _Revision, problems: list[str]) -> DumpPage:
    redirect: str | None = None
    for child in element:
        if _local(child.tag) == "redirect":
            redirect = child.get("title") or ""
    ns_text = _child_text(element, "ns")
    return DumpPage(
        title=_child_text(element, "title"),
        ns=_int(ns_text, "namespace", problems),
        page_id=_int(_child_text(element, "id"), "page id", problems),
        redirect=redirect,
        revision_id=latest.revision_id,
        timestamp=latest.timestamp,
        text=latest.text,
        problem="; ".join(problems) or None,
    )


def iter_xml(stream: BinaryIO, limits: Limits) -> Iterator[SiteInfo | DumpPage]:
    """Yield the :class:`SiteInfo` (if the export has one) and then every page, in order.

    Raises :class:`~wikiparse.errors.InputError` when the XML itself is broken (a truncated
    dump): pages read before the damage have already been yielded.
    """
    parser = etree.iterparse(
        _Refusing(stream),
        events=("end",),
        # Only these reach Python: a per-element loop over every <title>, <id>, <text>… cost
        # more than the parse itself.
        tag=("{*}revision", "{*}page", "{*}siteinfo", "{*}mediawiki"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=limits.max_bytes > _LIBXML_TEXT_LIMIT,
        remove_comments=True,
        remove_pis=True,
    )
    latest = _Revision()
    problems: list[str] = []
    try:
        for _event, element in parser:
            name = _local(element.tag)
            if name == "revision":
                _read_revision(element, latest, problems)
                element.clear()
            elif name == "page":
                yield _read_page(element, latest, problems)
                latest = _Revision()
                problems = []
                _release(element)
            elif name == "siteinfo":
                yield _siteinfo(element)
                _release(element)
            elif name == "mediawiki":
                return
    except etree.XMLSyntaxError as exc:
        raise InputError(f"the XML dump is malformed or truncated: {exc}") from exc


_HEAD = 64 * 1024
# How a declaration and the root element's start look in the encodings dumps come in.
_MARKS = [
    ("<!ENTITY".encode(encoding), "<!DOCTYPE".encode(encoding), "<mediawiki".encode(encoding))
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
]


class _Refusing:
    """The stream, refused before parsing when its prologue declares entities.

    MediaWiki never writes a DOCTYPE; a dump that declares entities is hostile (billion laughs,
    external entities).  The parser would not expand them, but their references would then be
    nodes that cut the text around them, or libxml2's amplification guard would stop midway.
    Refusing up front, as defusedxml does, gives one clear error instead.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._head: bytes | None = None

    def read(self, size: int = -1) -> bytes:
        if self._head is None:
            self._head = _checked(self._stream.read(_HEAD))
        if self._head:
            size = len(self._head) if size < 0 else size
            out, self._head = self._head[:size], self._head[size:]
            return out
        return self._stream.read(size)


def _checked(head: bytes) -> bytes:
    for entity, doctype, root in _MARKS:
        start = head.find(root)
        prologue = head if start < 0 else head[:start]
        if entity in prologue:
            raise InputError(
                "the XML dump declares entities (<!ENTITY …>); MediaWiki exports never do, and "
                "wikiparse does not read dumps that could expand or fetch them"
            )
        if start < 0 and doctype in prologue:
            raise InputError(f"the XML dump's DOCTYPE runs past its first {_HEAD // 1024} KiB; not read")
    return head


def _release(element: etree._Element) -> None:
    """Free a finished element and everything before it under the root."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
