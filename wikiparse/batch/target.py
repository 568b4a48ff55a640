"""A whole run into files: records to JSON Lines (or per-page files), error lines beside them,
resume, progress — what ``wikiparse convert`` does, as a library call.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable
from typing import TextIO

import attrs

from ..chunks import ChunkOptions
from ..errors import WikiparseError
from ..outputs import OutputFormat, PageWriter, TextFormat, formatter_for, open_writer
from .options import BatchOptions
from .output import LineWriter, PageFiles
from .progress import ProgressBar, Snapshot
from .results import BatchReport, Converted
from .resume import scan_chunk_lines, scan_lines, scan_pages
from .run import Conversion, Executor, SourceKey


class OutputError(WikiparseError, ValueError):
    """The output cannot be written as asked (resume into stdout, output that is an input…)."""


_JSON_SUFFIXES = (".jsonl", ".ndjson", ".json", ".parquet", ".md", ".txt")
_RESUMABLE = ("jsonl", "chunks")


@attrs.frozen(kw_only=True)
class Target:
    """Where a run writes."""

    output: str | None = None
    """A JSON Lines file, or a directory with ``per_page``; ``None`` (or ``-``) for stdout."""
    per_page: bool = False
    """One ``<title>.json`` per page in the ``output`` directory instead of JSON Lines."""
    errors: str | None = None
    """The error lines' file; default: beside the output (``out.errors.jsonl``), or stderr when
    the records go to stdout."""
    to: OutputFormat = "jsonl"
    """What is written per page: the record (``jsonl``), its passages (``chunks``, JSON Lines),
    ``markdown`` or ``text`` documents, or ``parquet`` rows (see docs/outputs.md)."""
    chunks: ChunkOptions = attrs.field(factory=ChunkOptions)
    """Passage sizes for ``to="chunks"``."""

    @property
    def to_stdout(self) -> bool:
        return self.output in (None, "-")

    def errors_path(self) -> str | None:
        if self.errors is not None:
            return None if self.errors == "-" else self.errors
        if self.output is None or self.to_stdout:
            return None
        base = self.output.rstrip("/\\")
        for suffix in _JSON_SUFFIXES:
            if base.endswith(suffix) and not self.per_page:
                return base[: -len(suffix)] + ".errors.jsonl"
        return base + ".errors.jsonl"


def check(target: Target, inputs: Iterable[str], *, resume: bool) -> None:
    """Refuse outputs that cannot work, before anything is read or written."""
    if resume and target.to_stdout:
        raise OutputError("--resume needs an output file (-o): stdout cannot be resumed")
    if target.per_page and target.to_stdout:
        raise OutputError("--per-page needs an output directory (-o DIR)")
    if target.to == "parquet" and (target.to_stdout or target.per_page):
        raise OutputError("--to parquet writes one file: give -o FILE.parquet (not stdout, not --per-page)")
    if target.to == "chunks" and target.per_page:
        raise OutputError("--to chunks writes JSON Lines: drop --per-page")
    if resume and target.to not in _RESUMABLE and not (target.per_page and target.to != "parquet"):
        raise OutputError(
            f"--resume works with --to jsonl or chunks, or with --per-page; not with --to {target.to}"
        )
    outputs = {os.path.realpath(p) for p in (target.output, target.errors_path()) if p and p != "-"}
    for given in inputs:
        if given != "-" and os.path.isfile(given) and os.path.realpath(given) in outputs:
            raise OutputError(f"refusing to write into an input: {given}")
    occupied = target.output and os.path.isdir(target.output) and os.listdir(target.output)
    if target.per_page and not resume and occupied:
        raise OutputError(f"{target.output} is not empty; use --resume or another directory")


def convert_into(
    inputs: Iterable[str | os.PathLike[str]],
    target: Target,
    options: BatchOptions | None = None,
    *,
    resume: bool = False,
    progress: ProgressBar | None = None,
    stdin: TextIO | None = None,
    executor: Executor | None = None,
) -> BatchReport:
    """Convert ``inputs`` into ``target``; returns the report (``inputs == records + errors``)."""
    paths = [os.fspath(i) for i in inputs]
    check(target, paths, resume=resume)
    options = options or BatchOptions()
    errors_path = target.errors_path()
    _make_parents(target, errors_path)
    done_records, done_errors = _done(target, errors_path) if resume else ([], [])
    ignore = {os.path.realpath(p) for p in (target.output, errors_path) if p and not target.to_stdout}
    conversion = Conversion(
        paths,
        options,
        done=frozenset(done_records) | frozenset(done_errors),
        ignore=ignore,
        stdin=stdin,
        executor=executor,
    )
    _write(conversion, target, errors_path, resume=resume, progress=progress)
    return attrs.evolve(conversion.report, resumed_records=len(done_records), resumed_errors=len(done_errors))


def _make_parents(target: Target, errors_path: str | None) -> None:
    """Create the folders the output and error files go into, as ``mkdir -p`` would."""
    # (stdout needs no folder; a per-page folder is made by PageFiles)
    files = [errors_path] if target.to_stdout or target.per_page else [target.output, errors_path]
    for file in files:
        folder = os.path.dirname(file) if file and file != "-" else ""
        if folder:
            try:
                os.makedirs(folder, exist_ok=True)
            except OSError as exc:
                raise OutputError(f"cannot create the folder {folder}: {exc.strerror or exc}") from exc


def _done(target: Target, errors_path: str | None) -> tuple[list[SourceKey], list[SourceKey]]:
    assert target.output is not None
    if target.per_page:
        suffix = ".json" if target.to == "jsonl" else formatter_for(_text_format(target.to)).suffix
        records = scan_pages(target.output, suffix=suffix)
    elif target.to == "chunks":
        records = scan_chunk_lines(target.output)
    else:
        records = scan_lines(target.output)
    return records, scan_lines(errors_path) if errors_path else []


def _text_format(to: OutputFormat) -> TextFormat:
    return "jsonl" if to == "parquet" else to


class _Records:
    """Writes each converted page in the target's format to the target's place."""

    def __init__(self, target: Target, *, resume: bool) -> None:
        self.to = target.to
        self.per_page = target.per_page
        self.formatter = formatter_for(_text_format(target.to), chunks=target.chunks)
        self.pages = 0
        self.files: PageFiles | None = None
        self.lines: LineWriter | None = None
        self.parquet: PageWriter | None = None
        if target.per_page:
            assert target.output is not None
            self.files = PageFiles(target.output)
        elif target.to == "parquet":
            assert target.output is not None
            self.parquet = open_writer("parquet", target.output)
        elif target.to_stdout:
            self.lines = LineWriter(None, append=False, stream=sys.stdout.buffer)
        else:
            self.lines = LineWriter(target.output, append=resume)

    def write(self, result: Converted) -> None:
        if self.parquet is not None:
            self.parquet.write(result.page())
        elif self.files is not None:
            if self.to == "jsonl":
                self.files.write(result)
            else:
                self.files.write(result, self.formatter(result.page()), suffix=self.formatter.suffix)
        else:
            assert self.lines is not None
            text = result.line + "\n" if self.to == "jsonl" else self.formatter(result.page())
            if self.pages and self.formatter.separator:
                text = self.formatter.separator + text
            if text:
                self.lines.write_raw(text)
        self.pages += 1

    def close(self) -> None:
        for writer in (self.files, self.lines, self.parquet):
            if writer is not None:
                writer.close()


def _write(
    conversion: Conversion,
    target: Target,
    errors_path: str | None,
    *,
    resume: bool,
    progress: ProgressBar | None,
) -> None:
    records = _Records(target, resume=resume)
    errors = LineWriter(errors_path, append=resume, stream=None if errors_path else sys.stderr.buffer)

    def snapshot() -> Snapshot:
        report = conversion.report
        return Snapshot(report.inputs, report.seconds, conversion.fraction_done, conversion.reading)

    if progress is not None:
        conversion.when_reading(functools.partial(progress.start, snapshot))
    try:
        for result in conversion:
            if isinstance(result, Converted):
                records.write(result)
            elif progress is not None and errors_path is None:
                with progress.aside():  # error lines share the terminal
                    errors.write(result.line)
            else:
                errors.write(result.line)
    finally:
        if progress is not None:
            progress.stop()
        records.close()
        errors.close()
