"""``wikiparse parse``, ``show`` and ``schema``: one page in, one rendering out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import WikiparseError
from ..records import Page
from .common import (
    ERR_NO_FILE,
    ERR_NOT_FILE,
    ERR_PARSE,
    ERR_UNREADABLE,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
)


def page_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("file", help="a saved page: HTML, plain text or Markdown")
    command.add_argument("--url", help="the page's URL, if known (helps the title and site)")
    command.add_argument(
        "--input-format",
        choices=("html", "text", "wikitext"),
        help="read as this format instead of detecting it",
    )


def load_page(args: argparse.Namespace) -> Page | int:
    """The parsed page, or the exit code after printing why there is none."""
    from ..parse import parse

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


def print_page(page: Page, form: str) -> int:
    if form == "json":
        sys.stdout.write(json.dumps(page.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif form == "markdown":
        sys.stdout.write(page.to_markdown() + "\n")
    else:
        sys.stdout.write(page.to_text() + "\n")
    return EXIT_OK
