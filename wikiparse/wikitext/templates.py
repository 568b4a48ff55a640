"""Template knowledge of one wiki, gathered from its dump's Template namespace.

:class:`TemplateIndex` keeps one small :class:`~.definitions.TemplateInfo` per *useful*
template (an infobox, a frame around its arguments, a redirect to one of those), so indexing
the templates of a multi-GB dump stays small; :meth:`TemplateIndex.for_page` hands a page
only the definitions it calls.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import regex

from .calls import template_key
from .definitions import TemplateInfo, analyse
from .vocab import INFOBOX_NAME

__all__ = ["TemplateIndex", "TemplateInfo", "analyse", "called_names"]

_CALLED = regex.compile(r"\{\{\s*([^{}|<>\[\]\n#]{1,200}?)\s*(?=\||\}\})")


@attrs.define
class TemplateIndex:
    """Useful template definitions of one wiki, by normalised name."""

    templates: dict[str, TemplateInfo] = attrs.Factory(dict)
    template_prefixes: tuple[str, ...] = ("template",)

    def add(self, name: str, text: str) -> None:
        """Index the definition of template ``name`` (its title without namespace)."""
        info = analyse(name, text, self.template_prefixes)
        key = template_key(name)
        if info is None:
            self.templates.pop(key, None)
        else:
            self.templates[key] = info

    def resolve(self, key: str, depth: int = 0) -> TemplateInfo | None:
        """The definition a name leads to: up to five template redirects followed, and a
        wrapper of an infobox read as that infobox with the wrapper's own parameter names."""
        info = self.templates.get(key)
        for _ in range(5):
            if info is None or info.kind != "redirect" or info.target is None:
                break
            info = self.templates.get(info.target)
        if info is not None and info.kind == "wrapper" and info.target and depth < 3:
            return _unwrap(info, self.resolve(info.target, depth + 1), info.target)
        return None if info is None or info.kind in ("redirect", "wrapper") else info

    def prune(self) -> None:
        """Drop wrappers and redirects that lead to nothing useful (once all are indexed)."""
        useless = [
            key
            for key, info in self.templates.items()
            if info.kind in ("wrapper", "redirect") and self.resolve(key) is None
        ]
        for key in useless:
            del self.templates[key]

    def for_page(self, text: str) -> tuple[tuple[str, TemplateInfo], ...]:
        """The definitions a page's calls need, redirects already followed."""
        if not self.templates:
            return ()
        found: dict[str, TemplateInfo] = {}
        for name in called_names(text):
            key = template_key(name, self.template_prefixes)
            if key not in found:
                info = self.resolve(key)
                if info is not None:
                    found[key] = info
        return tuple(found.items())


def _unwrap(outer: TemplateInfo, inner: TemplateInfo | None, inner_name: str) -> TemplateInfo | None:
    """The infobox a wrapper shows, its fields renamed to the wrapper's parameters."""
    rename = dict(outer.mapping)
    if inner is None:  # an infobox known only by name: the passed parameters are its fields
        if not INFOBOX_NAME.match(inner_name):
            return None
        fields = tuple((outside, inside.replace("_", " ")) for inside, outside in outer.mapping)
        return TemplateInfo(kind="infobox", fields=fields) if fields else None
    if inner.kind != "infobox":
        return None
    renamed = tuple(
        (rename[source], label or source.replace("_", " "))
        for source, label in inner.fields
        if source in rename
    )
    if not renamed:
        return None
    title = rename.get(inner.title_source or "")
    return TemplateInfo(kind="infobox", fields=renamed, title_source=title, title_default=inner.title_default)


def called_names(text: str) -> Iterable[str]:
    """Names of the templates a page calls, once each, in order of first call."""
    return dict.fromkeys(_CALLED.findall(text))
