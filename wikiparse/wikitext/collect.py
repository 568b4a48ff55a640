"""The per-page accumulator the wikitext stages share: markers, removals, links, categories.

Stages rewrite the page text with regular expressions; what they take out of it is kept here
and referred to from the text by *markers*, control characters that cannot occur in XML text:

* ``\\x02n\\x03`` literal text (``<nowiki>``, ``<code>`` of ``<pre>`` inside a line), restored last;
* ``\\x04n\\x05`` the wikitext a template call stands for, restored right after expansion;
* ``\\x06n\\x07`` a finished block (a quotation, a code block) that the block reader places.
"""

from __future__ import annotations

import attrs
import regex

from ..options import Limits
from ..records import Block, Infobox, Link, Removal
from ..rules import RuleSet
from .context import PageContext
from .templates import TemplateInfo

LITERAL = regex.compile(r"\x02(\d+)\x03")
WORDS = regex.compile(r"\x04(\d+)\x05")
BLOCK = regex.compile(r"\x06(\d+)\x07")
ANY_MARKER = regex.compile(r"[\x02-\x07]")
BLOCK_LINE = regex.compile(r"\A\s*\x06(\d+)\x07\s*\Z")


@attrs.define
class Collector:
    """What one page's stages found; mutable, lives for one page only."""

    @classmethod
    def for_page(cls, rules: RuleSet, context: PageContext, limits: Limits) -> Collector:
        return cls(
            rules,
            context,
            limits,
            definitions=dict(context.templates),
            template_prefixes=context.namespaces.prefixes(10),
        )

    rules: RuleSet
    context: PageContext
    limits: Limits
    definitions: dict[str, TemplateInfo] = attrs.Factory(dict)
    """The page's template definitions by normalised name (from ``context.templates``)."""
    template_prefixes: tuple[str, ...] = ("template",)
    """Case-folded names of the Template namespace, stripped from ``{{Template:X}}``."""
    literals: list[str] = attrs.Factory(list)
    words: list[str] = attrs.Factory(list)
    blocks: list[Block] = attrs.Factory(list)
    removed: list[Removal] = attrs.Factory(list)
    links: list[Link] = attrs.Factory(list)
    categories: list[str] = attrs.Factory(list)
    infoboxes: list[Infobox] = attrs.Factory(list)
    disambiguation: bool = False
    stray_possible: bool = True
    """Whether unbalanced markup may remain; cleared once a whole-page check finds none."""
    stray: list[str] = attrs.Factory(list)
    """Unbalanced markup cut from text (``[[``, ``}}``…), logged once per page."""

    def literal(self, text: str) -> str:
        self.literals.append(text)
        return f"\x02{len(self.literals) - 1}\x03"

    def word(self, text: str) -> str:
        self.words.append(text)
        return f"\x04{len(self.words) - 1}\x05"

    def block(self, block: Block) -> str:
        self.blocks.append(block)
        return f"\x06{len(self.blocks) - 1}\x07"

    def drop(self, rule: str, text: str) -> None:
        """Record a removal under a registered rule (the text is made readable first)."""
        self.removed.append(self.rules.rule(rule).drop(self.plain(text).strip()))

    def restore_words(self, text: str) -> str:
        """Put template outputs back into ``text`` (outputs may hold markers of inner calls)."""
        for _ in range(self.limits.max_depth):
            if "\x04" not in text:
                break
            text = WORDS.sub(lambda m: self.words[int(m.group(1))], text)
        return text

    def restore_literals(self, text: str) -> str:
        if "\x02" not in text:
            return text
        return LITERAL.sub(lambda m: self.literals[int(m.group(1))], text)

    @property
    def marked(self) -> bool:
        """Whether any marker was handed out (if not, no text needs a marker scan)."""
        return bool(self.literals or self.words or self.blocks)

    def plain(self, text: str) -> str:
        """Text with markers resolved to their words, for removal records."""
        if not self.marked or not ANY_MARKER.search(text):
            return text
        text = self.restore_literals(self.restore_words(text))
        return ANY_MARKER.sub("", BLOCK.sub("", text))
