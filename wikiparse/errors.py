"""Typed errors: what went wrong and what to do about it.

Every failure that ``wikiparse`` reports is a :class:`WikiparseError`.  Subclasses
also derive from the matching built-in exception so callers can catch either.
"""

from __future__ import annotations


class WikiparseError(Exception):
    """Base class of every error raised by wikiparse."""


class InputError(WikiparseError, ValueError):
    """The input cannot be read as a wiki page (empty, binary, undecodable, malformed)."""


class LimitExceeded(WikiparseError):
    """The input is beyond one of the limits (bytes, depth, nodes, cells, time).

    The message names the limit and the :class:`~wikiparse.options.Limits` option that raises
    it; ``option`` is ``None`` for the few limits no option can raise (the HTML parser's own
    nesting depth, attributes per element), whose message says so.
    """

    def __init__(self, what: str, limit: int | float, option: str | None) -> None:
        self.what = what
        self.limit = limit
        self.option = option
        advice = (
            f"raise Limits.{option} if this input is trusted"
            if option is not None
            else "no option raises it (the HTML parser cannot read such input)"
        )
        super().__init__(f"{what} exceeds the limit of {limit:,}; {advice}")

    def __reduce__(self) -> tuple[type[LimitExceeded], tuple[str, int | float, str | None]]:
        return (type(self), (self.what, self.limit, self.option))


class InternalError(WikiparseError):
    """wikiparse failed on an input for a reason that is a bug in wikiparse, not in the input.

    :func:`wikiparse.parse` raises only :class:`WikiparseError`; anything else escaping a stage
    is wrapped in this class (the original exception is its ``__cause__``) so that a batch run
    reports the page and carries on.  Please report it with the input that caused it.
    """


class UnknownRuleError(WikiparseError, KeyError):
    """A rule or preset name that is not in the registry."""

    def __init__(self, name: str, known: tuple[str, ...]) -> None:
        self.name = name
        self.known = known
        super().__init__(f"unknown rule {name!r}; known rules: {', '.join(known)}")

    def __reduce__(self) -> tuple[type[UnknownRuleError], tuple[str, tuple[str, ...]]]:
        return (type(self), (self.name, self.known))

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


class MissingExtraError(WikiparseError, ImportError):
    """An input format needs an optional dependency that is not installed."""

    def __init__(self, what: str, extra: str, module: str) -> None:
        self.what = what
        self.extra = extra
        self.module = module
        super().__init__(
            f"{what} needs the optional package {module!r}; install it with: pip install 'wikiparse[{extra}]'"
        )

    def __reduce__(self) -> tuple[type[MissingExtraError], tuple[str, str, str]]:
        return (type(self), (self.what, self.extra, self.module))
