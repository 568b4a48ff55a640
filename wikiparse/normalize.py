"""Inline text normalisation: whitespace, invisible characters, glue at lost link joins, ref markers.

Every function here is idempotent: ``f(f(t)) == f(t)``.

>>> clean_text("the\\u00a0Soviet  Union ,  1988 .")
'the Soviet Union, 1988.'
>>> repair_glue("Viktor flees theSoviet Union and is arrested inChicago")
'Viktor flees the Soviet Union and is arrested in Chicago'
>>> repair_glue("McDonald bought an iPhone on eBay with JavaScript")
'McDonald bought an iPhone on eBay with JavaScript'
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs
import regex

from .doc import Doc, DocBlock, Heading
from .records import (
    Block,
    Code,
    Infobox,
    InfoboxField,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Removal,
    Table,
    removal,
)
from .rules import RuleSet

# Characters that carry no text: zero-width space/joiners, soft hyphen, BOM, bidi marks, and
# C0 controls other than whitespace. str.translate and str.split are the fast C paths here.
_INVISIBLE = (0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x200E, 0x200F, *range(0x202A, 0x202F))
_CONTROLS = (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)
_DROP = dict.fromkeys((*_INVISIBLE, *_CONTROLS))
# ``translate`` looks every character up in ``_DROP``; one search for any of them is about five
# times cheaper, and almost no text has one.  (The stdlib engine: on many short strings its
# per-call cost is lower than the ``regex`` module's.)
_ANY_DROP = re.compile("[" + re.escape("".join(map(chr, _DROP))) + "]")
_SPACE_BEFORE_PUNCT = re.compile(r" (?=[,.;](?: |$))")


def clean_text(text: str) -> str:
    """Collapse whitespace (NBSP and newlines included), drop invisible and control characters.

    >>> clean_text("  a\\u200b b\\n\\n c ")
    'a b c'
    """
    if _ANY_DROP.search(text) is not None:
        text = text.translate(_DROP)
    text = " ".join(text.split())
    if " ," in text or " ." in text or " ;" in text:
        return _SPACE_BEFORE_PUNCT.sub("", text)
    return text


# English function words that a lost link boundary glues to the next, capitalised word
# ("theSoviet Union", "inChicago"). A closed list keeps real words such as "iPhone", "eBay",
# "McDonald" or "deGrasse" intact.
_GLUE_WORDS = (
    "the|a|an|of|in|on|at|to|by|for|from|with|as|and|or|but|into|onto|upon|via|his|her|its|their|"
    "our|my|your|this|that|these|those|is|was|are|were|be|been|who|which|whose|where|when|while|"
    "after|before|during|between|against|about|than|also|both|each|every|some|called|named|"
    "including|near|like|see|starring|featuring|directed|written|played|voiced"
)
_GLUE_SET = frozenset(_GLUE_WORDS.split("|"))
# A lowercase ASCII letter directly followed by another, non-ASCII-lowercase letter: rare in
# prose, so scanning for it first (with the stdlib engine) keeps the repair fast on long texts.
_CASE_TURN = re.compile(r"[a-z](?=[^\W\d_a-z])")


def repair_glue(text: str) -> str:
    """Put back the space a lost link boundary removed after a function word."""
    out: list[str] = []
    last = 0
    for turn in _CASE_TURN.finditer(text):
        end = turn.end()
        if not (text[end].isupper() and text[end + 1 : end + 2].islower()):
            continue
        start = end - 1
        while start > 0 and "a" <= text[start - 1] <= "z" and end - start < 12:
            start -= 1
        word = text[start:end]
        before = text[start - 1] if start > 0 else " "
        if word in _GLUE_SET and not (before.isalnum() or before in "_'’"):
            out.append(text[last:end])
            out.append(" ")
            last = end
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


# Footnote markers in prose: [1], [12], [a], [note 3], [citation needed], [nb 2].
_REF_MARKER = regex.compile(
    r"\[(?:\d{1,4}|[a-z]{1,2}|(?:note|nb|n|lower-alpha|upper-alpha) ?\d{1,3}|citation needed|"
    r"clarification needed|who\?|when\?|which\?|by whom\?|according to whom\?|dubious[^\]]{0,30}|"
    r"verification needed|better source needed|page needed|failed verification)\]",
    regex.IGNORECASE,
)


def strip_ref_markers(text: str) -> tuple[str, tuple[str, ...]]:
    """Cut footnote markers out of prose; return the text and the markers cut.

    >>> strip_ref_markers("Noise is unwanted sound.[1][2] It hurts.[citation needed]")
    ('Noise is unwanted sound. It hurts.', ('[1]', '[2]', '[citation needed]'))
    """
    if "[" not in text:
        return text, ()
    found = tuple(m.group() for m in _REF_MARKER.finditer(text))
    if not found:
        return text, ()
    return _REF_MARKER.sub("", text), found


# "Arnold Schwarzenegger as Capt. Ivan Danko": a name (capitalised words, initials, particles)
# then " as " and a capitalised role — the shape of cast and voice lists.
_NAME_WORD = r"(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|de|da|di|del|der|van|von|la|le|du|dos|bin|al|y)"
_AS_SPLIT = regex.compile(
    rf"^(?P<term>\p{{Lu}}[\p{{L}}'’.-]*(?: {_NAME_WORD}){{0,5}}) as (?P<detail>\p{{Lu}}.*)$", regex.V1
)
# "Term: detail", "Term – detail", "Term - detail": a short label, then the rest.
_LABEL_SPLIT = regex.compile(r"^(?P<term>[^:–—\n]{1,60}?)(?:\s*:|\s+[–—-])\s+(?P<detail>\S.*)$", regex.V1)
# A label holds no sentence break and no quotation ("Kosko, Bart (2006). Noise: …" is a citation).
_NOT_A_TERM = regex.compile(r"\.\s|[\"“”]")


def split_term(text: str) -> tuple[str | None, str | None]:
    """Split a list item shaped "Term as Detail", "Term: Detail" or "Term – Detail".

    >>> split_term("Arnold Schwarzenegger as Capt. Ivan Danko")
    ('Arnold Schwarzenegger', 'Capt. Ivan Danko')
    >>> split_term("Speed: 400 units")
    ('Speed', '400 units')
    >>> split_term("Used as a weapon in the war")
    (None, None)
    >>> split_term('Elert, Glenn. "Sound – a primer". physics.info.')
    (None, None)
    """
    # Each pattern needs its separator: test for it before running the pattern.
    match = _AS_SPLIT.match(text) if " as " in text else None
    if match is None and (":" in text or "-" in text or "–" in text or "—" in text):
        match = _LABEL_SPLIT.match(text)
        if match is not None and (len(match["term"].split()) > 8 or _NOT_A_TERM.search(match["term"])):
            match = None
    if match is None:
        return None, None
    return match["term"].strip(), match["detail"].strip()


@attrs.define
class _Normaliser:
    """Applies one text function over every string of a block, collecting removals."""

    fix: Callable[[str], str]
    removed: list[Removal] = attrs.Factory(list)

    def block(self, block: DocBlock) -> DocBlock:
        match block:
            case Heading():
                return Heading(level=block.level, text=self.fix(block.text))
            case Paragraph():
                return Paragraph(text=self.fix(block.text))
            case ListBlock():
                return attrs.evolve(block, items=tuple(self.item(i) for i in block.items))
            case Table():
                return Table(
                    caption=None if block.caption is None else self.fix(block.caption),
                    header=None if block.header is None else tuple(self.fix(c) for c in block.header),
                    rows=tuple(tuple(self.fix(c) for c in row) for row in block.rows),
                )
            case Quote():
                cite = None if block.cite is None else self.fix(block.cite)
                return Quote(text=self.fix(block.text), cite=cite or None)
            case Code():
                return block
        raise TypeError(f"unknown block {block!r}")

    def item(self, item: ListItem) -> ListItem:
        text = self.fix(item.text)
        if item.term is None and item.detail is None:
            term, detail = split_term(text)
        else:
            term = None if item.term is None else self.fix(item.term)
            detail = None if item.detail is None else self.fix(item.detail)
        return ListItem(text=text, term=term, detail=detail, items=tuple(self.item(i) for i in item.items))


def normalize_doc(doc: Doc, rules: RuleSet) -> Doc:
    """Normalise every text of the document; drop blocks left empty."""
    strip_refs = "reference-marker" in rules
    glue = "glue-repair" in rules
    cut: list[str] = []

    def fix(text: str) -> str:
        if strip_refs:
            text, markers = strip_ref_markers(text)
            cut.extend(markers)
        text = clean_text(text)
        return repair_glue(text) if glue else text

    norm = _Normaliser(fix)
    blocks = tuple(b for b in (norm.block(b) for b in doc.blocks) if not _is_empty(b))
    infoboxes = tuple(
        Infobox(
            title=None if box.title is None else (fix(box.title) or None),
            fields=tuple(InfoboxField(label=fix(f.label), value=fix(f.value)) for f in box.fields),
        )
        for box in doc.infoboxes
    )
    removed = doc.removed
    if cut:
        rule = rules.rule("reference-marker")
        removed += (removal(rule.name, rule.reason, " ".join(cut)),)
    return attrs.evolve(doc, blocks=blocks, infoboxes=infoboxes, removed=removed)


def _is_empty(block: DocBlock | Block) -> bool:
    match block:
        case Heading() | Paragraph() | Code():
            return not block.text.strip()
        case ListBlock():
            return not block.items
        case Table():
            return not block.rows and not block.header
        case Quote():
            return not block.text
    return False
