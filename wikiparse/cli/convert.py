"""``wikiparse convert``: its arguments, and printing the run's summary; the run is :mod:`wikiparse.batch`."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..chunks import ChunkOptions
from ..errors import MissingExtraError, WikiparseError
from ..outputs import OUTPUT_FORMATS
from .common import ERR_NO_FILE, EXIT_FAILED, EXIT_OK, EXIT_USAGE, Parser

if TYPE_CHECKING:
    from ..batch import BatchOptions, BatchReport
    from ..batch.run import Executor


def _size(text: str) -> int:
    """A byte count: ``1048576``, ``512K``, ``64M``, ``2G``."""
    units = {"K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}
    factor = units.get(text[-1:].upper(), 1)
    try:
        value = int(text[:-1] if factor > 1 else text) * factor
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 5000000, 512K, 64M)") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
    return value


def _namespaces(text: str) -> frozenset[int] | None:
    """``0,14`` → {0, 14}; ``all`` → every namespace."""
    if text == "all":
        return None
    try:
        return frozenset(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of namespace numbers: {text!r} (e.g. 0,14)") from None


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number, 0 or more: {text!r}")
    return value


def add_convert(commands: argparse._SubParsersAction[Parser]) -> None:
    run = commands.add_parser(
        "convert",
        help="convert many pages: files, directories, archives, WARC, dumps",
        description="Convert every page of the inputs; one record or one error line per page. "
        "Exit 0: all converted; 1: some failed; 2: usage error.",
    )
    run.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="file, directory, archive or dump; - = paths on stdin"
    )
    run.add_argument("-o", "--output", help="output file (default: stdout), or a directory with --per-page")
    run.add_argument(
        "--to",
        choices=OUTPUT_FORMATS,
        default="jsonl",
        help="jsonl: one record per line (default); chunks: passages for retrieval, JSON Lines;"
        " markdown, text: documents; parquet: one row per page (needs wikiparse[parquet])",
    )
    run.add_argument(
        "--per-page",
        action="store_true",
        help="one file per page (<title>.json, .md or .txt) in the -o directory",
    )
    run.add_argument(
        "--chunk-chars",
        type=int,
        default=2000,
        metavar="N",
        help="--to chunks: longest passage (default: 2000)",
    )
    run.add_argument(
        "--chunk-overlap",
        type=int,
        metavar="N",
        help="--to chunks: overlap (default: a tenth of --chunk-chars)",
    )
    run.add_argument(
        "--errors", metavar="FILE", help="error lines (default: beside the output; stderr with stdout)"
    )
    run.add_argument("--resume", action="store_true", help="continue an interrupted run into the same output")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    run.add_argument(
        "--dask", metavar="ADDRESS", help="run on the Dask cluster whose scheduler is at ADDRESS"
    )
    _add_run_limits(run)


def _add_run_limits(run: Parser) -> None:
    """How the run goes: workers, order, per-page and archive limits, what to read."""
    run.add_argument(
        "-j", "--jobs", type=_jobs, help="worker processes (default: all cores; 0: convert in this process)"
    )
    run.add_argument(
        "--unordered", action="store_true", help="write results as they finish, not in input order"
    )
    run.add_argument(
        "--page-timeout", type=float, metavar="SECONDS", help="time limit per page (default: 60)"
    )
    run.add_argument(
        "--max-page-bytes", type=_size, metavar="SIZE", help="size limit per page (default: 64M)"
    )
    run.add_argument(
        "--max-unpacked-bytes",
        type=_size,
        metavar="SIZE",
        help="decompressed bytes per input (default: 256G)",
    )
    run.add_argument(
        "--max-unpack-ratio", type=float, metavar="RATIO", help="decompression ratio limit (default: 200)"
    )
    run.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="in directories, read only matching files",
    )
    run.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="in directories, skip matching files"
    )
    run.add_argument(
        "--namespaces",
        type=_namespaces,
        default=frozenset({0}),
        metavar="LIST",
        help="dump namespaces to read, e.g. 0,14, or all (default: 0)",
    )


SUMMARY = (
    "wikiparse: {inputs:,} inputs from {files:,} files: {records:,} records, {errors:,} errors,"
    " {skipped:,} skipped; {megabytes:.1f} MB in {seconds:.1f} s ({rate:.1f} pages/s)"
)
RESUMED = "wikiparse: resumed: {records:,} records and {errors:,} error lines were already written"
ERR_INTERRUPTED = "wikiparse: interrupted; rerun with --resume to continue"
ERR_OUTPUT = "wikiparse: error: cannot write the output: {reason}"


def run_convert(args: argparse.Namespace) -> int:
    from ..batch import OutputError, ResumeError, Target, convert_into
    from ..batch.progress import ProgressBar

    for given in args.inputs:
        if given != "-" and not Path(given).exists():
            print(ERR_NO_FILE.format(path=given), file=sys.stderr)
            return EXIT_USAGE
    options = _batch_options(args)
    try:
        overlap = args.chunk_chars // 10 if args.chunk_overlap is None else args.chunk_overlap
        shortest = min(200, args.chunk_chars)
        sizes = ChunkOptions(max_chars=args.chunk_chars, overlap=overlap, min_chars=shortest)
    except ValueError as exc:
        print(f"wikiparse: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    target = Target(output=args.output, per_page=args.per_page, errors=args.errors, to=args.to, chunks=sizes)
    progress = ProgressBar(sys.stderr) if sys.stderr.isatty() and not args.quiet else None
    try:
        with contextlib.ExitStack() as stack:
            executor = _dask_executor(stack, args.dask, options) if args.dask else None
            report = convert_into(
                args.inputs, target, options, resume=args.resume, progress=progress, executor=executor
            )
    except (OutputError, ResumeError, MissingExtraError) as exc:
        print(f"wikiparse: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(ERR_INTERRUPTED, file=sys.stderr)
        return 130
    except OSError as exc:  # readers never raise: this is the output (disk full, closed pipe…)
        print(ERR_OUTPUT.format(reason=exc.strerror or exc), file=sys.stderr)
        return EXIT_FAILED
    except WikiparseError as exc:  # the run itself cannot go on (e.g. workers cannot start)
        print(f"wikiparse: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if not args.quiet:
        _print_summary(report)
    return EXIT_FAILED if report.failed else EXIT_OK


def _batch_options(args: argparse.Namespace) -> BatchOptions:
    import attrs

    from ..batch import BatchOptions
    from ..options import Limits

    given = {
        "page_timeout": args.page_timeout,
        "max_bytes": args.max_page_bytes,
        "max_unpacked_bytes": args.max_unpacked_bytes,
        "max_unpack_ratio": args.max_unpack_ratio,
    }
    return BatchOptions.build(
        jobs=args.jobs,
        ordered=not args.unordered,
        include=args.include,
        exclude=args.exclude,
        namespaces=args.namespaces,
        limits=attrs.evolve(Limits(), **{k: v for k, v in given.items() if v is not None}),
    )


def _print_summary(report: BatchReport) -> None:
    import attrs

    rate = report.pages_per_second
    counts = attrs.asdict(report)
    print(SUMMARY.format(**counts, megabytes=report.bytes / 1e6, rate=rate), file=sys.stderr)
    if report.resumed_records or report.resumed_errors:
        resumed = RESUMED.format(records=report.resumed_records, errors=report.resumed_errors)
        print(resumed, file=sys.stderr)


def _dask_executor(stack: contextlib.ExitStack[bool | None], address: str, options: BatchOptions) -> Executor:
    from ..batch.on_dask import connect, dask_executor

    client = stack.enter_context(connect(address))  # closed when the run ends
    return dask_executor(client, options)
