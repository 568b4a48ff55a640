"""How a batch runs: one frozen value, built once from friendly arguments."""

from __future__ import annotations

import os
from collections.abc import Iterable

import attrs

from ..options import Limits, ParseOptions
from ..sources import DEFAULT_NAMESPACES, ReadOptions


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _globs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _namespaces(value: Iterable[int] | None) -> frozenset[int] | None:
    return None if value is None else frozenset(value)


@attrs.frozen(kw_only=True)
class BatchOptions:
    """A run's settings.  Page limits (``max_bytes``, ``page_timeout``, the archive limits) live in
    ``parse.limits``: the one place readers, workers and the pipeline all take them from."""

    jobs: int = attrs.field(factory=default_jobs, validator=attrs.validators.ge(0))
    """Worker processes; ``0`` converts in this process (no protection against crashes or hangs)."""
    ordered: bool = True
    """Results in input order; ``False`` yields them as they finish (faster on uneven pages)."""
    include: tuple[str, ...] = attrs.field(default=(), converter=_globs)
    """Globs a file found in a directory must match (its name or its path below the directory)."""
    exclude: tuple[str, ...] = attrs.field(default=(), converter=_globs)
    """Globs that drop files (and directories) found while walking a directory."""
    namespaces: frozenset[int] | None = attrs.field(default=DEFAULT_NAMESPACES, converter=_namespaces)
    """Namespaces read from dumps that state them (XML, Enterprise); ``None`` reads all."""
    parse: ParseOptions = attrs.field(factory=ParseOptions)

    @classmethod
    def build(
        cls,
        *,
        jobs: int | None = None,
        ordered: bool = True,
        include: Iterable[str] = (),
        exclude: Iterable[str] = (),
        namespaces: Iterable[int] | None = DEFAULT_NAMESPACES,
        parse: ParseOptions | None = None,
        limits: Limits | None = None,
    ) -> BatchOptions:
        """Options from friendly types; ``limits`` replaces ``parse.limits`` when given."""
        parse = parse or ParseOptions()
        if limits is not None:
            parse = attrs.evolve(parse, limits=limits)
        return cls(
            jobs=default_jobs() if jobs is None else jobs,
            ordered=ordered,
            include=_globs(include),
            exclude=_globs(exclude),
            namespaces=_namespaces(namespaces),
            parse=parse,
        )

    def read_options(self) -> ReadOptions:
        """What the input readers need: the globs, the namespaces and the limits."""
        return ReadOptions(
            include=self.include, exclude=self.exclude, namespaces=self.namespaces, limits=self.parse.limits
        )
