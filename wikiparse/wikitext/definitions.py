"""What a template's definition (its page in the Template namespace) tells the reader.

MediaWiki cannot be run offline, but a definition says enough to read most calls:

``infobox``
    a Fandom portable infobox (``<infobox>…<data source="born"><label>Born</label>``), whatever
    the template is called, or a classic infobox (an ``{{Infobox|labelN=…|dataN={{{x}}}}}``
    wrapper or a table with ``class="infobox"``): the call's arguments become label/value pairs,
    labelled as the definition labels them.
``passthrough``
    a frame around its own arguments (a quote box, a text box, a styled span): its visible
    output is the arguments' words, so those are kept.
``redirect``
    ``#REDIRECT [[Template:Other]]``: read as the target.
``wrapper``
    a single call of another template passing arguments through (``{{Ship infobox|name=
    {{{name|}}}|…}}``): an infobox when what it wraps is one (see ``TemplateIndex.resolve``).

Anything else is unknown and its calls are dropped (rule ``template``).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Literal

import attrs
import regex

from .calls import template_key
from .vocab import NON_CONTENT_PARAM, REDIRECT

Kind = Literal["infobox", "passthrough", "redirect", "wrapper"]


@attrs.frozen(kw_only=True)
class TemplateInfo:
    """What a template's definition tells the reader (picklable, a few hundred bytes)."""

    kind: Kind
    fields: tuple[tuple[str, str | None], ...] = ()
    """Infobox: ``(parameter, label wikitext or None)`` in the order the box shows them."""
    title_source: str | None = None
    title_default: str | None = None
    params: tuple[str, ...] = ()
    """Passthrough: the parameters whose values are shown, in definition order."""
    quote: bool = False
    """Passthrough: the frame is a quotation (text, then who said it)."""
    target: str | None = None
    """Redirect, wrapper: the normalised name of the template it leads to."""
    mapping: tuple[tuple[str, str], ...] = ()
    """Wrapper: ``(inner parameter, outer parameter)`` for each argument passed straight through."""


_COMMENT = regex.compile(r"<!--.*?(?:-->|\Z)", regex.DOTALL)
_NOINCLUDE = regex.compile(r"<noinclude\s*>.*?(?:</noinclude\s*>|\Z)", regex.DOTALL | regex.IGNORECASE)
_ONLYINCLUDE = regex.compile(r"<onlyinclude\s*>(.*?)(?:</onlyinclude\s*>|\Z)", regex.DOTALL | regex.I)
_INCLUDEONLY_TAG = regex.compile(r"</?includeonly\s*>", regex.IGNORECASE)


def transcluded_part(text: str) -> str:
    """What a page shows when transcluded: ``<onlyinclude>`` parts, else all but ``<noinclude>``.

    >>> transcluded_part("<includeonly>{{{1}}}</includeonly><noinclude>docs</noinclude>")
    '{{{1}}}'
    """
    text = _COMMENT.sub("", text)
    only = _ONLYINCLUDE.findall(text)
    if only:
        text = "".join(only)
    return _INCLUDEONLY_TAG.sub("", _NOINCLUDE.sub("", text))


# ---------------------------------------------------------------- portable infoboxes

_PORTABLE = regex.compile(r"<infobox\b[^>]*>(.*?)(?:</infobox\s*>|\Z)", regex.DOTALL | regex.IGNORECASE)
_SOURCE = r"""source\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s/>]+))"""
_DATA = regex.compile(
    rf"<data\b[^>]*?{_SOURCE}[^>]*?(?:/>|>(.*?)</data\s*>)", regex.DOTALL | regex.IGNORECASE
)
_TITLE = regex.compile(
    rf"<title\b[^>]*?{_SOURCE}[^>]*?(?:/>|>(.*?)</title\s*>)", regex.DOTALL | regex.IGNORECASE
)
_LABEL = regex.compile(r"<label\b[^>]*>(.*?)</label\s*>", regex.DOTALL | regex.IGNORECASE)
_DEFAULT = regex.compile(r"<default\b[^>]*>(.*?)</default\s*>", regex.DOTALL | regex.IGNORECASE)


def _source(match: regex.Match[str]) -> str:
    return (match.group(1) or match.group(2) or match.group(3) or "").strip()


def portable_infobox(visible: str) -> TemplateInfo | None:
    """The fields of a Fandom portable infobox definition, if ``visible`` holds one."""
    bodies = _PORTABLE.findall(visible)
    if not bodies:
        return None
    fields: dict[str, str | None] = {}
    title_source = title_default = None
    for body in bodies:
        for match in _DATA.finditer(body):
            source = _source(match)
            label = _LABEL.search(match.group(4) or "")
            if source and source not in fields:
                fields[source] = label.group(1).strip() or None if label else None
        title = _TITLE.search(body)
        if title and title_source is None:
            title_source = _source(title) or None
            default = _DEFAULT.search(title.group(4) or "")
            title_default = default.group(1).strip() if default else None
    return TemplateInfo(
        kind="infobox", fields=tuple(fields.items()), title_source=title_source, title_default=title_default
    )


# ---------------------------------------------------------------- classic infoboxes

_PARAM = regex.compile(r"\{\{\{\s*([^{}|]+?)\s*(?:\||\}\}\})")
_PARAM_SPAN = regex.compile(r"\{\{\{[^{}]*")
_META_INFOBOX = regex.compile(r"\{\{\s*infobox\s*(?:\||\n)", regex.IGNORECASE)
_LABEL_N = regex.compile(r"\|\s*label(\d+)\s*=\s*([^|\n]*)")
_DATA_N = regex.compile(r"\|\s*data(\d+)\s*=\s*([^\n]*)")
_INFOBOX_CLASS = regex.compile(r"""class\s*=\s*["']?[^"'\n|]*\binfobox\b""", regex.IGNORECASE)


def classic_infobox(visible: str) -> TemplateInfo | None:
    """A wrapper of ``{{Infobox|labelN=…|dataN={{{param}}}}}`` or a ``class="infobox"`` table.

    Tables need at least three named parameters, so a one-argument styled box (a "textbox"
    that happens to borrow the infobox class) is not taken for an infobox.
    """
    if _META_INFOBOX.search(visible):
        labels = {n: text.strip() for n, text in _LABEL_N.findall(visible)}
        fields: dict[str, str | None] = {}
        for number, data in _DATA_N.findall(visible):
            params = _PARAM.findall(data)
            if params and params[0] not in fields:
                fields[params[0]] = labels.get(number) or None
        if fields:
            return TemplateInfo(kind="infobox", fields=tuple(fields.items()))
    if _INFOBOX_CLASS.search(visible):
        labels = table_labels(visible)
        names = [p for p in dict.fromkeys(_PARAM.findall(visible)) if not p.isdigit()]
        content = [p for p in names if not NON_CONTENT_PARAM.search(p)]
        if len(content) >= 3:
            return TemplateInfo(kind="infobox", fields=tuple((p, labels.get(p)) for p in content))
    return None


_BANG_PIPE = regex.compile(r"\{\{\s*!\s*\}\}")
_ROW = regex.compile(r"^\s*\|-", regex.MULTILINE)
_CELL_START = regex.compile(r"^\s*[|!](?![-}+])|\|\||!!", regex.MULTILINE)
_LABEL_MARKUP = regex.compile(r"'{2,}|<[^<>]*>|\[\[(?:[^|\]]*\|)?|\]\]|\{\{[^{}]*\}\}|&nbsp;")
_ATTRS_PREFIX = regex.compile(r"^[^|]*=[^|]*\|(?!\|)")


def table_labels(visible: str) -> dict[str, str]:
    """Labels of a table infobox: in each row, the cell without a parameter labels the first
    parameter of the row's other cell (``! Born`` / ``| {{{born|}}}``)."""
    text = _BANG_PIPE.sub("|", visible)
    labels: dict[str, str] = {}
    for row in _ROW.split(text):
        cells = [c for c in _CELL_START.split(row)[1:] if c.strip()]
        label = ""
        for cell in cells:
            params = _PARAM.findall(cell)
            if not params:
                words = _LABEL_MARKUP.sub("", _ATTRS_PREFIX.sub("", cell)).strip().rstrip(":").strip()
                if words and len(words) <= 60 and "{" not in words:
                    label = label or words
            elif label and params[0] not in labels:
                labels[params[0]] = label
    return labels


# ---------------------------------------------------------------- passthrough frames

_TAG_WITH_ATTRS = regex.compile(r"</?[A-Za-z][^<>]*>")
_FILE_LINK = regex.compile(r"\[\[\s*(?:file|image)\s*:[^\[\]]*(?:\[\[[^\[\]]*\]\][^\[\]]*)*\]\]", regex.I)
_CELL_ATTRS = regex.compile(
    r"""\b(?:style|class|width|height|align|valign|bgcolor|id|colspan|rowspan|cellpadding|cellspacing|border)"""
    r"""\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s|]*)""",
    regex.IGNORECASE,
)
_INNER_BRACES = regex.compile(r"\{\{\{?[^{}]*\}\}\}?")
_WORD = regex.compile(r"\p{L}{2,}")
_QUOTE_HINT = regex.compile(r"quot|blockquote", regex.IGNORECASE)
_FUNCTION = regex.compile(r"\{\{\s*#")
_NESTED_CALL = regex.compile(r"\{\{(?!\{)\s*[^#{}|\s]")
# Boxes that are chrome, not content: hatnotes, message boxes, navigation boxes.
_CHROME_CLASS = regex.compile(
    r"\b(?:dablink|hatnote|rellink|ambox|mbox|tmbox|ombox|navbox|metadata|noprint|notice|stub)\b", regex.I
)
_MAX_FRAME_WORDS = 1  # a frame may say "Quote:"; more words are the template's own prose
_MAX_FUNCTIONS = 2  # a frame may test whether an argument is given; more is program logic


def passthrough(visible: str, name: str) -> TemplateInfo | None:
    """A template whose visible output is its arguments inside a frame of markup.

    The frame must be plain: no call of another template (whose output is unknown), at most
    a couple of ``{{#if:}}`` tests, no hatnote/message/navigation box class, and almost no
    words of its own.  Parameters used only in tag attributes, table styling or file embeds
    are not visible; style-like parameters (``width``, ``state``…) never are.
    """
    if _CHROME_CLASS.search(visible) or len(_FUNCTION.findall(visible)) > _MAX_FUNCTIONS:
        return None
    if _NESTED_CALL.search(_PARAM_SPAN.sub("", visible)):
        return None
    shown = _CELL_ATTRS.sub("", _FILE_LINK.sub("", _TAG_WITH_ATTRS.sub(" ", visible)))
    params = tuple(p for p in dict.fromkeys(_PARAM.findall(shown)) if not NON_CONTENT_PARAM.search(p))
    if not params:
        return None
    frame = shown
    for _ in range(8):  # nested parameter defaults and calls, innermost first
        frame, count = _INNER_BRACES.subn(" ", frame)
        if not count:
            break
    if len(_WORD.findall(frame)) > _MAX_FRAME_WORDS:
        return None
    quote = bool(_QUOTE_HINT.search(name) or _QUOTE_HINT.search(visible))
    return TemplateInfo(kind="passthrough", params=params, quote=quote)


_TOKEN = regex.compile(r"\{\{\{|\}\}\}|\{\{|\}\}|\[\[|\]\]|\|")
_PASSED = regex.compile(r"^\s*\{\{\{\s*([^{}|]+?)\s*(?:\|(?:[^{}]|\{\{[^{}]*\}\})*)?\}\}\}\s*$")
_MAX_WRAPPER = 20_000  # characters: a wrapper is a short call, never a page of logic


def wrapper(visible: str, template_prefixes: tuple[str, ...] = ("template",)) -> TemplateInfo | None:
    """A definition that is one call of another template, passing some arguments through."""
    body = visible.strip()
    if not (body.startswith("{{") and body.endswith("}}")) or body.startswith("{{{"):
        return None
    cuts = _top_level_pipes(body) if len(body) <= _MAX_WRAPPER else None
    if cuts is None:
        return None
    edges = [1, *cuts, len(body) - 2]
    parts = [body[start + 1 : end] for start, end in pairwise(edges)]
    name = parts[0].strip()
    if not name or name.startswith("#"):
        return None
    mapping = []
    for part in parts[1:]:
        inner, eq, value = part.partition("=")
        passed = _PASSED.match(value) if eq else None
        if passed:
            mapping.append((inner.strip(), passed.group(1)))
    if not mapping:
        return None
    return TemplateInfo(kind="wrapper", target=template_key(name, template_prefixes), mapping=tuple(mapping))


def _top_level_pipes(body: str) -> list[int] | None:
    """Positions of the pipes of the call filling ``body``; ``None`` if it does not fill it."""
    depth, cuts = 0, []
    for token in _TOKEN.finditer(body):
        mark = token.group()
        if mark == "|":
            if depth == 1:
                cuts.append(token.start())
        elif mark[0] in "{[":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return cuts if token.end() == len(body) else None
    return None


def analyse(name: str, text: str, template_prefixes: tuple[str, ...] = ("template",)) -> TemplateInfo | None:
    """What the definition ``text`` of template ``name`` tells the reader, or ``None``."""
    redirect = REDIRECT.match(text)
    if redirect:
        return TemplateInfo(kind="redirect", target=template_key(redirect.group(1), template_prefixes))
    visible = transcluded_part(text)
    return (
        portable_infobox(visible)
        or classic_infobox(visible)
        or wrapper(visible, template_prefixes)
        or passthrough(visible, name)
    )
