"""A template call's name and arguments, split the way MediaWiki splits them.

``{{Name|a|key = b|[[x|y]]}}`` → name ``Name``, positional ``("a", "[[x|y]]")`` and named
``{"key": "b"}``.  Pipes inside ``[[links]]`` do not split; nested template calls never reach
this module (they have been replaced by markers before the outer call is split).
"""

from __future__ import annotations

import attrs
import regex

# A link with at most one nested link inside it (a file caption holding a link).
_LINK_SPAN = regex.compile(r"\[\[(?:[^\[\]]++|\[\[[^\[\]]*+\]\]|\[(?!\[)|\](?!\]))*+\]\]")
_PIPE_SUB = "\x1f"
_SUBST = regex.compile(r"^\s*(?:subst|safesubst|msg|msgnw|raw)\s*:", regex.IGNORECASE)
_SPACES = regex.compile(r"[\s_]+")


def template_key(name: str, template_prefixes: tuple[str, ...] = ("template",)) -> str:
    """The normalised name of a template: no ``Template:`` prefix, spaces for underscores,
    first letter upper-case (MediaWiki's ``first-letter`` case rule).

    >>> template_key(" template:infobox_ship ")
    'Infobox ship'
    >>> template_key("subst:Cite web")
    'Cite web'
    """
    name = _SUBST.sub("", name)
    name = _SPACES.sub(" ", name).strip()
    prefix, colon, rest = name.partition(":")
    if colon and prefix.strip().casefold() in template_prefixes:
        name = rest.strip()
    return name[:1].upper() + name[1:]


def split_pipes(body: str) -> list[str]:
    """Split on ``|`` outside ``[[…]]``.

    >>> split_pipes("a|[[b|c]]|d")
    ['a', '[[b|c]]', 'd']
    """
    if "[[" not in body:
        return body.split("|")
    masked = _LINK_SPAN.sub(lambda m: m.group().replace("|", _PIPE_SUB), body)
    return [part.replace(_PIPE_SUB, "|") for part in masked.split("|")]


@attrs.frozen(kw_only=True)
class Call:
    """One template call, its arguments as raw wikitext."""

    name: str
    """The name as written (stripped)."""
    key: str
    """:func:`template_key` of the name."""
    positional: tuple[str, ...]
    named: tuple[tuple[str, str], ...]
    """``(name, value)`` in call order; values stripped as MediaWiki strips named arguments."""

    def arg(self, name: str | int, default: str = "") -> str:
        """A named or 1-based positional argument (a named ``1=`` wins, as in MediaWiki)."""
        key = str(name)
        for arg_name, value in reversed(self.named):
            if arg_name == key:
                return value
        index = name if isinstance(name, int) else int(key) if key.isdigit() else 0
        if 0 < index <= len(self.positional):
            return self.positional[index - 1]
        return default

    def first(self, *names: str | int) -> str:
        """The first non-blank argument among ``names``."""
        for name in names:
            value = self.arg(name).strip()
            if value:
                return value
        return ""

    def values(self) -> list[str]:
        """Every argument value: all positionals, then named, in call order."""
        return [*self.positional, *(v for _, v in self.named)]


def parse_call(body: str, template_prefixes: tuple[str, ...] = ("template",)) -> Call:
    """Split the inside of ``{{…}}``.

    >>> c = parse_call("convert| 5 |km| abbr = on ")
    >>> (c.key, c.positional, c.named)
    ('Convert', (' 5 ', 'km'), (('abbr', 'on'),))
    """
    parts = split_pipes(body)
    name = parts[0].strip()
    positional: list[str] = []
    named: list[tuple[str, str]] = []
    for part in parts[1:]:
        key, eq, value = part.partition("=")
        if eq and "\n" not in key and "[" not in key and "<" not in key:
            named.append((key.strip(), value.strip()))
        else:
            positional.append(part)
    return Call(
        name=name, key=template_key(name, template_prefixes), positional=tuple(positional), named=tuple(named)
    )
