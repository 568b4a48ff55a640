"""``parse()``: the pipeline, composed of pure stages.

decode → detect → read (HTML / text / wikitext) → block rules → normalise → assemble.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import attrs

from .assemble import assemble
from .decode import decode
from .detect import detect
from .doc import Doc
from .errors import InputError, InternalError, LimitExceeded, WikiparseError
from .nesting import cap_lists
from .normalize import normalize_doc
from .options import Format, ParseOptions
from .records import Page, SourceInfo
from .rules import RuleSet, apply, ruleset
from .titles import title_from_url


def parse(
    source: str | bytes | os.PathLike[str],
    *,
    url: str | None = None,
    format: Format | None = None,
    options: ParseOptions | None = None,
    source_info: SourceInfo | None = None,
    title: str | None = None,
    categories: Sequence[str] = (),
    context: object | None = None,
) -> Page:
    """Read one wiki page into a :class:`~wikiparse.records.Page`.

    ``source`` is page content (``str``), raw bytes of a page (any encoding; the choice is
    recorded in ``page.decoding``) or a path to a file.  A ``str`` is always content, never a
    file name.  Raises :class:`~wikiparse.errors.InputError` for input that is not a page and
    :class:`~wikiparse.errors.LimitExceeded` beyond ``options.limits``; it raises nothing but
    :class:`~wikiparse.errors.WikiparseError` subclasses (a bug surfaces as
    :class:`~wikiparse.errors.InternalError`).  ``title`` and
    ``categories`` are what a container states about the page (a dump record's name and
    category list); they win over what the page itself shows.  ``context`` is the reader
    context a batch unit carries (``Unit.context``: a dump page's title, namespaces and
    template definitions); see :func:`wikiparse.parse_unit`.
    """
    options = options or ParseOptions()
    if format is not None:
        options = attrs.evolve(options, format=format)
    if isinstance(source, os.PathLike):
        source, source_info = _read_path(source, options, source_info)
    elif not isinstance(source, (str, bytes)):
        raise InputError(f"parse() takes str, bytes or a path, not {type(source).__name__}")
    try:
        return _pipeline(source, url, options, source_info, title, categories, context)
    except WikiparseError:
        raise
    except Exception as exc:  # a bug: every cause found is fixed where it arises (docs/robustness.md)
        what = f"{type(exc).__name__}: {exc}"
        raise InternalError(f"wikiparse failed on this input ({what}); please report it") from exc


def _pipeline(
    source: str | bytes,
    url: str | None,
    options: ParseOptions,
    source_info: SourceInfo | None,
    title: str | None,
    categories: Sequence[str],
    context: object | None,
) -> Page:
    decoded = decode(source, options.limits)
    if not decoded.text or decoded.text.isspace():  # (strip() would copy the whole page)
        raise InputError("the input is empty (no text after decoding)")
    stated = getattr(context, "site", None)  # a dump page's context knows its wiki's family
    detected = detect(decoded.text, url=url, forced=options.format, site=stated)
    rules = _rules_for(options, detected.input_format, detected.site)
    doc = _read(decoded.text, detected.input_format, rules, options, url, context)
    doc = cap_lists(doc, options.limits.max_list_depth)
    if doc.site == "unknown" and detected.site != "unknown":
        doc = attrs.evolve(doc, site=detected.site)
    doc = attrs.evolve(
        doc,
        url=doc.url or url,
        title=title or doc.title or title_from_url(doc.url or url),
        categories=tuple(categories) or doc.categories,
        warnings=decoded.warnings + doc.warnings,
    )
    doc = apply(doc, rules)
    doc = normalize_doc(doc, rules)
    return assemble(doc, decoding=decoded.decoding, source=source_info)


def _read_path(
    path: os.PathLike[str], options: ParseOptions, info: SourceInfo | None
) -> tuple[bytes, SourceInfo]:
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > options.limits.max_bytes:
            raise LimitExceeded(f"file {file} of {size:,} bytes", options.limits.max_bytes, "max_bytes")
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {file}: {exc.strerror or exc}") from exc
    return data, info or SourceInfo(path=str(file))


def _rules_for(options: ParseOptions, input_format: str, site: str) -> RuleSet:
    preset: str
    if options.preset is not None:
        preset = options.preset
    elif input_format in ("text", "wikitext"):
        preset = input_format
    else:
        preset = site if site in ("fandom", "wikipedia") else "mediawiki"
    return ruleset(preset, options.disable)


def _read(
    text: str,
    input_format: str,
    rules: RuleSet,
    options: ParseOptions,
    url: str | None,
    context: object | None = None,
) -> Doc:
    if input_format == "text":
        from .text import read_text

        return read_text(text, rules, options.limits, url=url)
    if input_format == "html":
        from .html import read_html

        return read_html(text, rules, options.limits, url=url)
    from .wikitext import read_wikitext_page

    return read_wikitext_page(text, rules, options.limits, context)
