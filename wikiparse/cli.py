"""The command line: argument parsing and printing only; the work is in the library.

``main(argv) -> int`` returns the exit code: 0 success, 1 some inputs failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ._version import __version__
from .errors import WikiparseError
from .records import Page

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

ERR_NO_FILE = "wikiparse: error: no such file: {path}"
ERR_NOT_FILE = "wikiparse: error: not a file: {path}"
ERR_UNREADABLE = "wikiparse: error: cannot read {path}: {reason}"
ERR_PARSE = "wikiparse: error: {path}: {reason}"


class _Parser(argparse.ArgumentParser):
    """argparse that exits with our usage code and a one-line message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: error: {message}")


class _UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="wikiparse",
        description="Turn scraped wiki pages (HTML, plain text, XML dumps) into clean, structured records.",
    )
    parser.add_argument("--version", action="version", version=f"wikiparse {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    one = commands.add_parser("parse", help="print the record of one page", description="Parse one page.")
    _page_arguments(one)
    one.add_argument(
        "--format", choices=("json", "text", "markdown"), default="json", help="output (default: json)"
    )
    show = commands.add_parser(
        "show", help="summarise one page for reading", description="Show what was kept and removed."
    )
    _page_arguments(show)
    schema = commands.add_parser("schema", help="print the JSON Schema of the records")
    schema.add_argument(
        "record", nargs="?", choices=("page", "chunk"), default="page", help="(default: page)"
    )
    return parser


def _page_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("file", help="a saved page: HTML, plain text or Markdown")
    command.add_argument("--url", help="the page's URL, if known (helps the title and site)")
    command.add_argument(
        "--input-format",
        choices=("html", "text", "wikitext"),
        help="read as this format instead of detecting it",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help / --version
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.command == "schema":
        from .schema import schema_text

        sys.stdout.write(schema_text(args.record))
        return EXIT_OK
    page = _load(args)
    if isinstance(page, int):
        return page
    if args.command == "parse":
        return _print_page(page, args.format)
    if args.command == "show":
        from .show import show

        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        sys.stdout.write(show(page, color=color) + "\n")
        return EXIT_OK
    return EXIT_USAGE  # pragma: no cover - argparse rejects unknown commands


def _load(args: argparse.Namespace) -> Page | int:
    """The parsed page, or the exit code after printing why there is none."""
    from .parse import parse

    path = Path(args.file)
    if not path.exists():
        print(ERR_NO_FILE.format(path=path), file=sys.stderr)
        return EXIT_USAGE
    if not path.is_file():
        print(ERR_NOT_FILE.format(path=path), file=sys.stderr)
        return EXIT_USAGE
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(ERR_UNREADABLE.format(path=path, reason=exc.strerror or exc), file=sys.stderr)
        return EXIT_USAGE
    try:
        return parse(data, url=args.url, format=args.input_format)
    except WikiparseError as exc:
        print(ERR_PARSE.format(path=path, reason=exc), file=sys.stderr)
        return EXIT_FAILED


def _print_page(page: Page, form: str) -> int:
    if form == "json":
        sys.stdout.write(json.dumps(page.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif form == "markdown":
        sys.stdout.write(page.to_markdown() + "\n")
    else:
        sys.stdout.write(page.to_text() + "\n")
    return EXIT_OK
