"""Command-line inputs → the files to read, in a deterministic order.

Files are taken as given; directories are walked recursively in name order, filtered by the
include/exclude globs; ``-`` reads more paths from stdin, one per line.  Symbolic links found
while walking are not followed (a crawl directory must not be able to point at ``/etc``); a link
named explicitly is.  A path given twice is read once.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Iterator
from fnmatch import fnmatchcase
from typing import TextIO, Union

from ..errors import InputError
from ..records import SourceInfo
from ..units import Skipped, Unreadable
from .context import ReadOptions

Found = Union[str, Skipped, Unreadable]  # noqa: UP007  (a runtime alias)
"""A file path to read, or a note about a path that will not be read."""

STDIN = "-"


def expand(
    inputs: Iterable[str | os.PathLike[str]],
    options: ReadOptions,
    *,
    stdin: TextIO | None = None,
    ignore: Collection[str] = (),
) -> Iterator[Found]:
    """The files named by ``inputs``; ``ignore`` holds real paths never to read (our own outputs)."""
    seen = set(ignore)
    for given in inputs:
        path = os.fspath(given)
        if path == STDIN and stdin is not None:
            for line in stdin:
                listed = line.rstrip("\r\n")
                if listed.strip():
                    yield from _one(listed, options, seen)
        else:
            yield from _one(path, options, seen)


def _one(path: str, options: ReadOptions, seen: set[str]) -> Iterator[Found]:
    if os.path.isdir(path):
        yield from _walk(path, "", options, seen)
    elif os.path.exists(path):
        if _first_time(path, seen):
            yield path
    else:
        yield Unreadable(source=SourceInfo(path=path), error=InputError("no such file or directory"))


def _first_time(path: str, seen: set[str]) -> bool:
    real = os.path.realpath(path)
    if real in seen:
        return False
    seen.add(real)
    return True


def _walk(root: str, relative: str, options: ReadOptions, seen: set[str]) -> Iterator[Found]:
    directory = os.path.join(root, relative) if relative else root
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        yield Unreadable(source=SourceInfo(path=directory), error=InputError(f"cannot list: {exc.strerror}"))
        return
    for entry in entries:
        rel = f"{relative}/{entry.name}" if relative else entry.name
        if _matches(options.exclude, entry.name, rel):
            continue
        if entry.is_symlink():
            yield Skipped(source=SourceInfo(path=entry.path), reason="symbolic link not followed")
        elif entry.is_dir():
            yield from _walk(root, rel, options, seen)
        elif options.include and not _matches(options.include, entry.name, rel):
            continue
        elif not entry.is_file():
            yield Skipped(source=SourceInfo(path=entry.path), reason="not a regular file")
        elif _first_time(entry.path, seen):
            yield entry.path


def _matches(globs: tuple[str, ...], name: str, relative: str) -> bool:
    return any(fnmatchcase(name, g) or fnmatchcase(relative, g) for g in globs)
