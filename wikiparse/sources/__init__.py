"""Batch inputs → units of work, detected by content and read as streams.

``expand`` turns command-line inputs (files, directories, ``-``) into files in a deterministic
order; ``read_file`` yields every page in one file, whatever it is: a page, a compressed page,
a tar or zip archive, a WARC, an NDJSON/JSON dump or a MediaWiki XML dump, nested freely.
Damage never raises: it becomes an :class:`~wikiparse.units.Unreadable` for the damaged part.

::

    sources/
      paths.py      inputs → files (directories, globs, stdin lists)
      sniff.py      what a stream is, from its first bytes
      dispatch.py   one stream → pages, by kind (recursive for containers)
      streams.py    head replay, capped reads, decompression under bomb limits
      bz2blocks.py  bzip2 decoded block by block on a few threads
      archives.py   tar and zip members (unsafe names reported, links not followed)
      warc.py       WARC/ARC response records (warcio, the ``warc`` extra)
      jsondump.py   Enterprise, action=parse and generic JSON records
      xmldump.py    bridge to the wikitext reader's XML dump iterator
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import IO, TextIO

from .context import DEFAULT_NAMESPACES, Context, Item, ReadOptions
from .dispatch import read_file as _read_file
from .paths import STDIN, Found, expand


def read_file(
    path: str, options: ReadOptions | None = None, *, opened: Callable[[IO[bytes]], None] | None = None
) -> Iterator[Item]:
    """Every page in the file at ``path``, each as a unit, a skip note or an unreadable part.

    ``opened``, if given, is handed the open file as reading starts (progress follows its position).
    """
    return _read_file(path, Context.start(options or ReadOptions()), opened)


def iter_units(
    inputs: Iterable[str | os.PathLike[str]],
    options: ReadOptions | None = None,
    *,
    stdin: TextIO | None = None,
    ignore: Collection[str] = (),
) -> Iterator[Item]:
    """Every page of every input, in input order."""
    options = options or ReadOptions()
    for found in expand(inputs, options, stdin=stdin, ignore=ignore):
        if isinstance(found, str):
            yield from read_file(found, options)
        else:
            yield found


__all__ = ["DEFAULT_NAMESPACES", "STDIN", "Found", "Item", "ReadOptions", "expand", "iter_units", "read_file"]
