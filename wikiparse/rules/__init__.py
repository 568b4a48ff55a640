"""Named boilerplate rules: one registry, presets that select from it, and the block pass.

A :class:`Rule` is data: a stable name (the ``rule`` of every :class:`~wikiparse.records.Removal`
it causes), a human reason, the stage that consults it and, for text rules, its vocabulary.

Stages:

``markup``
    HTML elements dropped by the HTML reader before text is read (edit links, navboxes…).
``line``
    lines of a plain-text scrape dropped or rewritten by the text reader (TOC, "Sign in to edit"…).
``block``
    whole blocks dropped after reading, whatever the input format (:func:`apply`).
``inline``
    pieces of text cut out of kept blocks (reference markers, edit markers after headings).

Presets (:mod:`wikiparse.rules.presets`) are lists of names; asking for an unknown name raises
:class:`~wikiparse.errors.UnknownRuleError`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Literal

import attrs
import regex

from ..doc import Doc, Heading
from ..errors import UnknownRuleError
from ..records import Paragraph, Removal, removal

Stage = Literal["markup", "line", "block", "inline"]


@attrs.frozen(kw_only=True, repr=False)
class Rule:
    """One named check that can drop or rewrite part of a page."""

    name: str
    reason: str
    stages: tuple[Stage, ...]
    """Where the rule is consulted; one concept (e.g. edit links) may be met in several stages."""
    patterns: tuple[str, ...] = ()
    """Vocabulary, as regular expressions matched against the whole (normalised) text of a block or line."""
    max_chars: int = 2000
    """Longer blocks are never matched: boilerplate is short, and this bounds the regex work."""
    compiled: regex.Pattern[str] | None = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if {"line", "block"} & set(self.stages) and not self.patterns:
            raise ValueError(f"rule {self.name!r}: a line or block rule needs a non-empty vocabulary")
        pattern = "|".join(f"(?:{p})" for p in self.patterns)
        compiled = regex.compile(rf"(?:{pattern})\Z", regex.V1 | regex.IGNORECASE) if pattern else None
        object.__setattr__(self, "compiled", compiled)

    def matches(self, text: str) -> bool:
        """Whether ``text`` (already whitespace-normalised) is wholly this rule's boilerplate."""
        if self.compiled is None or len(text) > self.max_chars:
            return False
        try:
            return self.compiled.match(text, timeout=1.0) is not None
        except TimeoutError:  # bounded patterns should never get here; keep the text if they do
            return False

    def drop(self, text: str) -> Removal:
        """The removal record for dropping ``text`` under this rule."""
        return removal(self.name, self.reason, text)

    def __repr__(self) -> str:
        return f"<Rule {self.name} ({'/'.join(self.stages)}): {self.reason}>"


REGISTRY: dict[str, Rule] = {}


def register(*rules: Rule) -> None:
    """Add rules to the registry; a name may be registered once."""
    for rule in rules:
        if rule.name in REGISTRY:
            raise ValueError(f"rule {rule.name!r} is registered twice")
        REGISTRY[rule.name] = rule


@attrs.frozen
class RuleSet:
    """The rules active for one parse: an immutable, hashable selection from the registry."""

    names: frozenset[str]

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def active(self, stage: Stage) -> tuple[Rule, ...]:
        """Active rules of one stage, in registry order."""
        return tuple(r for n, r in REGISTRY.items() if stage in r.stages and n in self.names)

    def first_match(self, stage: Stage, text: str, *, exclude: frozenset[str] = frozenset()) -> Rule | None:
        """The first active rule of ``stage`` whose vocabulary matches all of ``text``.

        One combined, anchored pattern per (rule set, stage) makes this a single regex match
        per line or block, however many rules are active.
        """
        matcher = _stage_matcher(self.names - exclude, stage)
        return matcher(text) if matcher is not None else None

    def rule(self, name: str) -> Rule:
        """A rule by name (active or not); raises ``UnknownRuleError`` for unknown names."""
        try:
            return REGISTRY[name]
        except KeyError:
            raise UnknownRuleError(name, tuple(REGISTRY)) from None


@functools.lru_cache(maxsize=64)
def _stage_matcher(names: frozenset[str], stage: Stage) -> Callable[[str], Rule | None] | None:
    rules = [r for n, r in REGISTRY.items() if n in names and stage in r.stages and r.patterns]
    if not rules:
        return None
    groups = "|".join(f"(?P<r{k}>{'|'.join(f'(?:{p})' for p in r.patterns)})" for k, r in enumerate(rules))
    combined = regex.compile(rf"(?:{groups})\Z", regex.V1 | regex.IGNORECASE)
    longest = max(r.max_chars for r in rules)

    def match(text: str) -> Rule | None:
        if not text or len(text) > longest:
            return None
        try:
            found = combined.match(text, timeout=1.0)
        except TimeoutError:  # bounded patterns should never get here; keep the text if they do
            return None
        if found is None:
            return None
        rule = rules[int(str(found.lastgroup)[1:])]
        if len(text) <= rule.max_chars:
            return rule
        return next((r for r in rules if len(text) <= r.max_chars and r.matches(text)), None)

    return match


def ruleset(preset: str, disable: Iterable[str] = ()) -> RuleSet:
    """The rules of ``preset`` minus ``disable``; every name is checked against the registry."""
    from .presets import PRESETS

    if preset not in PRESETS:
        raise UnknownRuleError(preset, tuple(PRESETS))
    names = set(PRESETS[preset])
    for name in disable:
        if name not in REGISTRY:
            raise UnknownRuleError(name, tuple(REGISTRY))
        names.discard(name)
    return RuleSet(frozenset(names))


def registry() -> Mapping[str, Rule]:
    """Every known rule by name."""
    return REGISTRY


def apply(doc: Doc, rules: RuleSet) -> Doc:
    """Drop blocks that an active ``block`` rule matches, recording one removal per block."""
    if not rules.active("block"):
        return doc
    kept = []
    removed: list[Removal] = []
    for block in doc.blocks:
        text = _block_text(block)
        hit = None if text is None else rules.first_match("block", text)
        if hit is None:
            kept.append(block)
        else:
            removed.append(hit.drop(text or ""))
    if not removed:
        return doc
    return attrs.evolve(doc, blocks=tuple(kept), removed=doc.removed + tuple(removed))


def _block_text(block: object) -> str | None:
    """Text of the blocks that block rules may judge: paragraphs and headings."""
    if isinstance(block, (Paragraph, Heading)):
        return " ".join(block.text.split())
    return None


# Importing the rule families registers their rules; they need the names defined above.
from . import markup as _markup  # noqa: E402,F401
from . import text as _text  # noqa: E402,F401
from . import wikitext as _wikitext  # noqa: E402,F401
