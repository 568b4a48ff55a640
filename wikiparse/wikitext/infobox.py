"""An infobox template call → an :class:`~wikiparse.records.Infobox` of label/value pairs.

With a definition from the dump, fields follow the definition: its order, its labels (a
label may itself use the call's arguments, ``'''{{{Row 1 title}}}'''``), and only the
parameters it shows.  Without one (``{{Infobox person|…}}`` on a Wikipedia page), every named
argument with a value is a field, labelled by its name, minus images and styling.
"""

from __future__ import annotations

import regex

from ..records import Infobox, InfoboxField
from .calls import Call
from .collect import Collector
from .fragment import render_fragment
from .templates import TemplateInfo
from .vocab import FILE_VALUE, NON_CONTENT_PARAM, PIXEL_VALUE

_PARAM_USE = regex.compile(r"\{\{\{\s*([^{}|]+?)\s*(?:\|([^{}]*))?\}\}\}")
_PAGENAME = regex.compile(r"\{\{\s*PAGENAMEE?\s*\}\}", regex.IGNORECASE)
_TITLE_ARGS = ("name", "title", "above", "box title", "Box title", "official_name", "conventional_long_name")


def _substitute(text: str, call: Call, col: Collector) -> str:
    """Fill ``{{{param|default}}}`` and ``{{PAGENAME}}`` in a label from the call."""
    if "{{" not in text:
        return text
    text = _PARAM_USE.sub(lambda m: call.arg(m.group(1)) or (m.group(2) or ""), text)
    return _PAGENAME.sub(col.context.title or "", text)


def _value(raw: str, col: Collector) -> str:
    if not raw.strip() or PIXEL_VALUE.match(raw):
        return ""
    if FILE_VALUE.match(raw.strip()):
        return ""  # a file name: the image shown, not a value to read
    return render_fragment(raw, col, lines=", ")


def _label(text: str) -> str:
    return " ".join(text.replace("_", " ").split())


def build_infobox(call: Call, info: TemplateInfo | None, col: Collector) -> Infobox:
    """The infobox a call shows."""
    fields: list[InfoboxField] = []
    if info is not None and info.fields:
        for source, label in info.fields:
            value = _value(call.arg(source), col)
            if value:
                shown = render_fragment(_substitute(label, call, col), col) if label else _label(source)
                fields.append(InfoboxField(label=shown or _label(source), value=value))
    else:
        for name, raw in call.named:
            if NON_CONTENT_PARAM.search(name) or name.isdigit():
                continue
            value = _value(raw, col)
            if value:
                fields.append(InfoboxField(label=_label(name), value=value))
    return Infobox(title=_title(call, info, col), fields=tuple(fields))


def _title(call: Call, info: TemplateInfo | None, col: Collector) -> str | None:
    raw = ""
    if info is not None and info.title_source:
        raw = call.arg(info.title_source) or _substitute(info.title_default or "", call, col)
    if not raw:
        raw = call.first(*_TITLE_ARGS)
    title = render_fragment(raw, col) if raw else ""
    return title or col.context.title
