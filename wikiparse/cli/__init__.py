"""The command line: argument parsing and printing only; the work is in the library.

``main(argv) -> int`` returns the exit code: 0 success, 1 some inputs failed, 2 usage error.
Each command lives in its own module: :mod:`.pages` (parse, show, schema), :mod:`.convert`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .._version import __version__
from .common import (
    ERR_NO_FILE,
    ERR_NOT_FILE,
    ERR_PARSE,
    ERR_UNREADABLE,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    UsageError,
)
from .convert import add_convert, run_convert
from .pages import load_page, page_arguments, print_page

__all__ = [
    "ERR_NOT_FILE",
    "ERR_NO_FILE",
    "ERR_PARSE",
    "ERR_UNREADABLE",
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "build_parser",
    "main",
]


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="wikiparse",
        description="Turn scraped wiki pages (HTML, plain text, XML dumps) into clean, structured records.",
    )
    parser.add_argument("--version", action="version", version=f"wikiparse {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    one = commands.add_parser("parse", help="print the record of one page", description="Parse one page.")
    page_arguments(one)
    one.add_argument(
        "--format", choices=("json", "text", "markdown"), default="json", help="output (default: json)"
    )
    show = commands.add_parser(
        "show", help="summarise one page for reading", description="Show what was kept and removed."
    )
    page_arguments(show)
    schema = commands.add_parser("schema", help="print the JSON Schema of the records")
    schema.add_argument(
        "record", nargs="?", choices=("page", "chunk"), default="page", help="(default: page)"
    )
    add_convert(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help / --version
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.command == "schema":
        from ..schema import schema_text

        sys.stdout.write(schema_text(args.record))
        return EXIT_OK
    if args.command == "convert":
        return run_convert(args)
    page = load_page(args)
    if isinstance(page, int):
        return page
    if args.command == "parse":
        return print_page(page, args.format)
    if args.command == "show":
        from ..show import show

        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        sys.stdout.write(show(page, color=color) + "\n")
        return EXIT_OK
    return EXIT_USAGE  # pragma: no cover - argparse rejects unknown commands
