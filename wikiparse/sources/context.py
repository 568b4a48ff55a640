"""What every input reader shares: the read options, where a stream sits inside an input, the
input's decompression budget, and how a failure becomes an :class:`Unreadable` item."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Union

import attrs

from ..errors import InputError, LimitExceeded, MissingExtraError, WikiparseError
from ..options import Limits
from ..records import SourceInfo
from ..units import Skipped, Unit, Unreadable
from .streams import Budget

Item = Union[Unit, Skipped, Unreadable]  # noqa: UP007  (a runtime alias, as in records.Block)
"""What readers yield: a page to convert, a page deliberately skipped, or damage to report."""

DEFAULT_NAMESPACES = frozenset({0})


def _globs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _namespaces(value: Iterable[int] | None) -> frozenset[int] | None:
    return None if value is None else frozenset(value)


@attrs.frozen(kw_only=True)
class ReadOptions:
    """How inputs are enumerated and unpacked; frozen so it can travel to worker processes."""

    include: tuple[str, ...] = attrs.field(default=(), converter=_globs)
    """Globs a file found in a directory must match (its name or its path below the directory)."""
    exclude: tuple[str, ...] = attrs.field(default=(), converter=_globs)
    """Globs that drop files found in a directory."""
    namespaces: frozenset[int] | None = attrs.field(default=DEFAULT_NAMESPACES, converter=_namespaces)
    """Namespaces read from dumps that state them (XML, Enterprise); ``None`` reads all."""
    limits: Limits = attrs.field(factory=Limits)
    """Page and archive limits: ``max_bytes`` caps each page read from any container,
    ``max_unpacked_bytes`` and ``max_unpack_ratio`` stop decompression bombs."""
    max_nesting: int = 4
    """Deepest nesting of containers (a .gz inside a .tar inside a .zip…)."""


@attrs.frozen
class Where:
    """A stream's place inside an input: the file, and the archive member when there is one."""

    path: str
    member: str | None = None

    def info(self) -> SourceInfo:
        """Provenance of the stream itself; readers add offsets, lines or ids with ``attrs.evolve``."""
        return SourceInfo(path=self.path, member=self.member)

    def inside(self, member: str) -> Where:
        """A member of this stream (nested members are joined with ``!/``)."""
        return Where(self.path, member if self.member is None else f"{self.member}!/{member}")


@attrs.define
class Context:
    """Per-input reading state: the options, the decompression budget and the nesting depth."""

    options: ReadOptions
    budget: Budget
    depth: int = 0

    @classmethod
    def start(cls, options: ReadOptions) -> Context:
        return cls(options, Budget(options.limits.max_unpacked_bytes))

    def deeper(self) -> Context:
        return Context(self.options, self.budget, self.depth + 1)


def as_error(exc: BaseException, what: str) -> WikiparseError:
    """``exc`` as a wikiparse error whose message says which part of the input failed.

    Limit and missing-extra errors keep their own message (it names the option or the extra).
    """
    if isinstance(exc, (LimitExceeded, MissingExtraError)):
        return exc
    return InputError(f"{what}: {str(exc) or type(exc).__name__}")


def unreadable(source: SourceInfo, exc: BaseException, what: str) -> Unreadable:
    """The damaged part at ``source``: ``what`` failed because of ``exc``."""
    return Unreadable(source=source, error=as_error(exc, what))
