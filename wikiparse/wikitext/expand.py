"""Template calls, innermost first: infoboxes, words kept, quotations, the rest dropped.

Each pass replaces every call that holds no other call; a call's output is parked behind a
marker, so an outer call's arguments split cleanly, and the markers are resolved once all
passes are done.  What a call becomes, in order of precedence:

1. parser functions and variables: ``{{PAGENAME}}`` → the title, ``{{lc:…}}`` → its words,
   ``{{DEFAULTSORT:…}}`` → nothing, ``{{#if:…}}``/``{{#invoke:…}}`` → dropped;
2. an infobox (from the dump's definition, or by name) → an :class:`~wikiparse.records.Infobox`;
3. a quotation template → a quote block (at the start of a line) or its words;
4. a template that carries the sentence's own words (:mod:`.words`) → those words;
5. a disambiguation notice → the page is flagged, the notice dropped;
6. a template with nothing visible (``{{clear}}``, ``{{DEFAULTSORT}}``) → nothing;
7. a frame around its own arguments (from the dump's definition) → the arguments' words;
8. anything else → dropped with a ``template`` removal.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..errors import LimitExceeded
from ..records import Quote
from .calls import Call, parse_call
from .collect import Collector
from .infobox import build_infobox
from .preprocess import at_line
from .templates import TemplateInfo
from .vocab import (
    DISAMBIGUATION_TEMPLATES,
    INFOBOX_NAME,
    SILENT_FUNCTIONS,
    SILENT_TEMPLATES,
    TITLE_VARIABLES,
)
from .words import QUOTES, quote_parts, words_of

MAX_NESTING = 40
"""Passes of expansion: MediaWiki's own template depth limit ($wgMaxTemplateDepth); braces
nested deeper are left over and cut as stray markup."""
_CALL = regex.compile(r"\{\{(?!\{)((?:[^{}]++|\{(?!\{)|\}(?!\}))*+)\}\}")
_PARAM = regex.compile(r"\{\{\{((?:[^{}]++|\{(?!\{)|\}(?!\}))*+)\}\}\}")

_CASE_FUNCTIONS: dict[str, Callable[[str], str]] = {
    "lc": str.lower,
    "uc": str.upper,
    "lcfirst": lambda s: s[:1].lower() + s[1:],
    "ucfirst": lambda s: s[:1].upper() + s[1:],
    "formatnum": lambda s: s,
    "#formatnum": lambda s: s,
    "#tag:nowiki": lambda s: s,
}


def expand(text: str, col: Collector) -> str:
    """Replace every template call in ``text``; return the text with the calls' outputs."""
    if "{{" not in text:
        return text
    calls = 0
    for _ in range(min(col.limits.max_depth, MAX_NESTING)):
        if "{{{" in text:
            text = _PARAM.sub(lambda m: m.group(1).partition("|")[2], text)
        text, count = _CALL.subn(lambda m: _replace(m, col), text)
        calls += count
        if calls > col.limits.max_nodes:
            raise LimitExceeded(
                f"a page with over {calls:,} template calls", col.limits.max_nodes, "max_nodes"
            )
        if not count or "{{" not in text:
            break
    return col.restore_words(text)


def _replace(match: regex.Match[str], col: Collector) -> str:
    call = parse_call(match.group(1), col.template_prefixes)
    block = at_line(match.string, match.start(), match.end())
    output = _render(call, block, col)
    return col.word(output) if output else ""


def _render(call: Call, block: bool, col: Collector) -> str:
    name = call.name
    head, colon, rest = name.partition(":")
    lowered = head.strip().lower()
    if colon and (lowered.startswith("#") or lowered in _CASE_FUNCTIONS or lowered in SILENT_FUNCTIONS):
        return _function(lowered, rest, call, col)
    if lowered.startswith("#"):
        return _drop(call, col)
    key = call.key.casefold()
    if key in TITLE_VARIABLES:
        return col.context.title or ""
    if key == "sitename":
        return col.context.site_name or ""
    info = col.definitions.get(call.key)
    if (info is not None and info.kind == "infobox") or (info is None and INFOBOX_NAME.match(call.key)):
        col.infoboxes.append(build_infobox(call, info, col))
        return ""
    if key in QUOTES:
        return _quote(call, key, block, col)
    render = words_of(key)
    if render is not None:
        return render(call)
    if key in DISAMBIGUATION_TEMPLATES:
        col.disambiguation = True
        return _drop(call, col)
    if key in SILENT_TEMPLATES:
        return ""
    if info is not None and info.kind == "passthrough":
        return _passthrough(call, info, block, col)
    return _drop(call, col)


def _function(name: str, rest: str, call: Call, col: Collector) -> str:
    if name in SILENT_FUNCTIONS:
        return ""
    transform = _CASE_FUNCTIONS.get(name)
    if transform is not None:
        return transform(rest.strip())
    if name == "#tag" and rest.strip().lower() == "ref":
        col.drop("reference", "|".join(call.values()))
        return ""
    return _drop(call, col)


def _drop(call: Call, col: Collector) -> str:
    body = "|".join((call.name, *call.positional, *(f"{k}={v}" for k, v in call.named)))
    col.drop("template", "{{" + body + "}}")
    return ""


def _quote(call: Call, key: str, block: bool, col: Collector) -> str:
    text, cite = quote_parts(call, key)
    if not text:
        return ""
    if block:
        return col.block(Quote(text=text, cite=cite or None))
    return text


def _passthrough(call: Call, info: TemplateInfo, block: bool, col: Collector) -> str:
    values = [call.arg(p).strip() for p in info.params]
    values = [v for v in values if v]
    if not values:  # an empty frame shows nothing
        return ""
    if info.quote and block:
        return col.block(Quote(text=values[0], cite=", ".join(values[1:]) or None))
    return ("\n\n" if block else " ").join(values)
