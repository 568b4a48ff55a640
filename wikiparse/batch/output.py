"""Where results go: JSON Lines (a file or stdout) or one JSON file per page in a directory.

Every line is written by one ``write`` whose last byte is the newline, so an interrupted run
leaves at most one unfinished last line, and it has no newline: it can never look complete.
Resume cuts it off.  Per-page files are written to a temporary name and renamed, so a file that
exists is whole.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from typing import BinaryIO

import regex

from ..outputs import json_line
from ..records import SourceInfo
from .results import Converted, source_dict

TEMP_PREFIX = ".wikiparse-"
"""Per-page files being written; left behind only by a killed run, removed on resume."""
INDEX_NAME = ".index.jsonl"
"""Beside per-page Markdown or text files: one ``{"source": …}`` line per file written, for resume
(JSON files carry their own source). ``safe_name`` never starts a name with a dot, so no page
file can take this name."""


class LineWriter:
    """Appends lines to a file, or to a binary stream such as stdout (flushed line by line, so
    lines interleave properly with other output on a terminal)."""

    def __init__(self, path: str | None, *, append: bool, stream: BinaryIO | None = None) -> None:
        self._file = open(path, "ab" if append else "wb", buffering=0) if path else None  # noqa: SIM115
        self._stream = stream

    def write(self, line: str) -> None:
        """Write one line (the newline is added)."""
        self.write_raw(line + "\n")

    def write_raw(self, text: str) -> None:
        """Write ``text`` (one or more whole lines, or a document) in as few raw writes as possible."""
        data = memoryview(text.encode("utf-8"))
        if self._file is None:
            assert self._stream is not None
            self._stream.write(data)
            self._stream.flush()
            return
        while data:  # a raw write may be short; the newline still comes last
            written = self._file.write(data)
            data = data[written or 0 :]

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        elif self._stream is not None:
            self._stream.flush()


# Control and format characters, line/paragraph separators, path separators and the characters
# Windows refuses in names.
_UNSAFE = regex.compile(r'[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}/\\:*?"<>|]')
_SPACES = regex.compile(r"\s+")
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"COM{i}" for i in range(1, 10)] + [f"LPT{i}" for i in range(1, 10)]
)
MAX_NAME_BYTES = 180
"""Well under the 255-byte name limit of common file systems, leaving room for ``~N.json``."""


def safe_name(title: str) -> str:
    """A file name stem from a page title: one path component, no control characters.

    >>> safe_name("AC/DC: Live?")
    'AC_DC__Live_'
    >>> safe_name("../../etc/passwd")
    '_.._etc_passwd'
    >>> safe_name("CON")
    '_CON'
    """
    name = unicodedata.normalize("NFC", title)
    name = _UNSAFE.sub("_", name)
    name = _SPACES.sub(" ", name).strip(" .")  # leading dots hide files; trailing ones vanish on Windows
    name = name.replace(" ", "_") or "page"
    if name.split(".", 1)[0].upper() in _RESERVED:
        name = "_" + name
    name = name[:MAX_NAME_BYTES]  # every character takes at least one byte
    while len(name.encode("utf-8")) > MAX_NAME_BYTES:
        name = name[:-1]
    return name


def fallback_title(source: SourceInfo) -> str:
    """A name for a page without a title: its member or file name, without the extension."""
    base = (source.member or source.path or "page").replace("\\", "/").rsplit("/", 1)[-1]
    stem = base.split(".", 1)[0]
    return stem or "page"


class PageFiles:
    """One ``<title>.json`` per page in ``directory``; names never clash, even by case alone."""

    def __init__(self, directory: str) -> None:
        self.directory = directory
        os.makedirs(directory, exist_ok=True)
        self._taken = {name.casefold() for name in os.listdir(directory)}
        self._index: LineWriter | None = None

    def write(self, result: Converted, content: str | None = None, *, suffix: str = ".json") -> str:
        """Write the record (or ``content``, e.g. its Markdown) to a new file; returns its name."""
        name = self._claim(safe_name(result.title or fallback_title(result.source)), suffix)
        assert os.sep not in name, "safe_name() gives one path component"
        final = os.path.join(self.directory, name)
        handle, temp = tempfile.mkstemp(dir=self.directory, prefix=TEMP_PREFIX, suffix=".tmp")
        data = (result.line + "\n") if content is None else content
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data.encode("utf-8"))
            os.replace(temp, final)
        except BaseException:
            os.unlink(temp)
            raise
        if content is not None:  # not a record: note its source in the index, after the file is whole
            if self._index is None:
                self._index = LineWriter(os.path.join(self.directory, INDEX_NAME), append=True)
            self._index.write(json_line({"source": source_dict(result.source)}))
        return name

    def _claim(self, stem: str, suffix: str) -> str:
        name, n = f"{stem}{suffix}", 1
        while name.casefold() in self._taken or os.path.lexists(os.path.join(self.directory, name)):
            n += 1
            name = f"{stem}~{n}{suffix}"
        self._taken.add(name.casefold())
        return name

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
