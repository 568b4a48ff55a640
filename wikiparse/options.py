"""Parse options and input limits: one frozen, hashable value that every stage receives.

Public functions accept friendly types and build a :class:`ParseOptions` once; only that
object reaches caches, worker processes and logs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import attrs

Format = Literal["html", "text", "wikitext"]
Preset = Literal["fandom", "wikipedia", "mediawiki", "text", "wikitext", "none"]


MAX_LIST_DEPTH = 64
"""The highest ``Limits.max_list_depth`` accepted."""


def _list_depth_ok(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= MAX_LIST_DEPTH:
        raise ValueError(f"Limits.max_list_depth must be between 1 and {MAX_LIST_DEPTH}, not {value!r}")


@attrs.frozen(kw_only=True)
class Limits:
    """Bounds applied before work explodes; inputs beyond them raise ``LimitExceeded``.

    Defaults are sized for real pages: the largest page in our corpus is about 2 MB of HTML,
    with nesting depth under 60 and about 10,000 elements (the largest Wikipedia pages have a
    few hundred thousand).  See docs/robustness.md for what each limit costs.
    """

    max_bytes: int = 64 * 1024 * 1024
    """Largest input accepted, in bytes (UTF-8 length for ``str`` input)."""
    max_depth: int = 1000
    """Deepest element nesting read; deeper content is flattened into its ancestor at this depth.
    (HTML nested deeper than 2,040 levels is refused whatever this says: libxml2 stops there.)"""
    max_nodes: int = 500_000
    """Most elements (HTML; start tags are counted before parsing) or lines (text) in one page.
    The HTML reader's tree costs about 1.5 KB per element, so this also bounds its memory."""
    max_list_depth: int = attrs.field(default=32, validator=_list_depth_ok)
    """Deepest list nesting kept; deeper items join the deepest level (with a warning).  At most
    64, so records stay shallow enough to compare, pickle and serialise with Python's default
    recursion limit."""
    max_table_cells: int = 500_000
    """Most cells in one table after rowspan/colspan expansion."""
    max_span: int = 1000
    """Largest rowspan/colspan honoured; larger values are clamped to it (browsers clamp at 1000/65534)."""
    max_text_chars: int = 32 * 1024 * 1024
    """Most characters of text in one page after decoding."""
    page_timeout: float = 60.0
    """Seconds one page may take in batch mode before it becomes an error line."""
    max_unpacked_bytes: int = 256 * 1024**3
    """Batch mode: most decompressed bytes one input (all its layers and members) may produce."""
    max_unpack_ratio: float = 200.0
    """Batch mode: highest decompressed/compressed ratio accepted once a stream passes 8 MiB of
    output (decompression bombs run in the thousands; text and XML dumps stay under 20)."""


def _names(names: Iterable[str]) -> frozenset[str]:
    return frozenset(names)


@attrs.frozen(kw_only=True)
class ParseOptions:
    """How to read one page."""

    format: Format | None = None
    """Force the input format instead of detecting it."""
    preset: Preset | None = None
    """Rule preset; ``None`` chooses by the detected site and input format."""
    disable: frozenset[str] = attrs.field(default=frozenset(), converter=_names)
    """Rule names to switch off (validated against the registry)."""
    limits: Limits = Limits()
    """Input bounds."""

    @classmethod
    def build(
        cls,
        *,
        format: Format | None = None,
        preset: Preset | None = None,
        disable: Iterable[str] = (),
        limits: Limits | None = None,
    ) -> ParseOptions:
        """Build options from friendly argument types."""
        return cls(format=format, preset=preset, disable=_names(disable), limits=limits or Limits())
