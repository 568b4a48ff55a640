"""What a conversion yields per input page — a record or an error line — and the final report.

Records travel between processes as their finished JSON line (a string pickles cheaply; a
``Page`` tree does not), and are rebuilt into a :class:`~wikiparse.records.Page` only on request.
"""

from __future__ import annotations

import json
from typing import Any, Union

import attrs

from ..outputs import json_line
from ..records import Page, SourceInfo


def source_dict(source: SourceInfo) -> dict[str, Any]:
    """The ``source`` object of a record or an error line (the same keys, in field order)."""
    return attrs.asdict(source)


@attrs.frozen(kw_only=True)
class Converted:
    """One page converted: its record as one JSON line."""

    source: SourceInfo
    """Provenance, with ``sha256`` of the page bytes."""
    line: str
    """The record (``Page.to_dict()``) as one line of JSON, without the newline."""
    title: str | None = None
    """The page title, for naming per-page files without re-reading the record."""

    def record(self) -> dict[str, Any]:
        """The record as a dict."""
        value: dict[str, Any] = json.loads(self.line)
        return value

    def page(self) -> Page:
        """The record as a :class:`~wikiparse.records.Page`."""
        return Page.from_dict(self.record())


@attrs.frozen(kw_only=True)
class Failed:
    """One page (or damaged part of an input) that could not be converted."""

    source: SourceInfo
    type: str
    """The error class, e.g. ``InputError``, ``LimitExceeded``, ``WorkerDied``."""
    message: str

    @property
    def line(self) -> str:
        """The error line: ``{"source": {...}, "error": {"type": ..., "message": ...}}``."""
        error = {"type": self.type, "message": self.message}
        return json_line({"source": source_dict(self.source), "error": error})


Result = Union[Converted, Failed]  # noqa: UP007  (a runtime alias, as in records.Block)


@attrs.frozen(kw_only=True)
class BatchReport:
    """The accounting of a run: ``inputs == records + errors`` always holds."""

    files: int = 0
    """Input files read (directories count by the files found in them)."""
    inputs: int = 0
    """Input pages (and damaged parts of inputs) this run accounted for."""
    records: int = 0
    errors: int = 0
    skipped: int = 0
    """Pages deliberately not converted: other namespaces, non-HTML WARC records, links."""
    resumed_records: int = 0
    """With resume: records already in the output, not converted again."""
    resumed_errors: int = 0
    """With resume: error lines already written, not retried."""
    bytes: int = 0
    """Size of the input files read, in bytes."""
    seconds: float = 0.0

    @property
    def pages_per_second(self) -> float:
        return self.inputs / self.seconds if self.seconds > 0 else 0.0

    @property
    def failed(self) -> bool:
        """Whether any input of the output (this run or a resumed one) is an error line."""
        return self.errors + self.resumed_errors > 0
