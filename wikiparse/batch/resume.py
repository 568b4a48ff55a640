"""Resume: which input pages an earlier, interrupted run already wrote.

Every record and every error line carries its ``source``; its key (all provenance fields but the
hash) is what the readers produce again for the same page.  An unfinished last line (no newline:
see :mod:`.output`) is cut off first, so its page is converted again rather than lost.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator

import attrs

from ..errors import WikiparseError
from ..records import SourceInfo
from .output import INDEX_NAME, TEMP_PREFIX
from .run import SourceKey, source_key

_FIELDS = frozenset(attrs.fields_dict(SourceInfo))
_SOURCE_KEY = b'"source":'
_DECODER = json.JSONDecoder()
_SOURCE_WINDOW = 64 * 1024


class ResumeError(WikiparseError, ValueError):
    """The existing output is not one wikiparse wrote, so resuming into it would corrupt it."""


def key_of(line: object, where: str) -> SourceKey:
    """The source key of a parsed record or error line."""
    source = line.get("source") if isinstance(line, dict) else None
    if not isinstance(source, dict) or not set(source) <= _FIELDS:
        raise ResumeError(f"{where} has no wikiparse 'source'; resume only into output wikiparse wrote")
    return source_key(SourceInfo(**source))


def _complete_lines(path: str, parse: Callable[[bytes, str], object]) -> Iterator[tuple[object, str, int]]:
    """Each complete line of a JSON Lines output: parsed, where it is, the offset just past it.

    A line without its newline is an unfinished write: the scan stops before it.
    """
    offset = 0
    with open(path, "rb") as file:
        for number, line in enumerate(file, 1):
            if not line.endswith(b"\n"):
                return
            offset += len(line)
            where = f"{path}, line {number}"
            yield parse(line, where), where, offset


def _truncate(path: str, size: int) -> None:
    with open(path, "rb+") as file:
        file.truncate(size)


def scan_lines(path: str) -> list[SourceKey]:
    """Keys of the lines of a JSON Lines output, after cutting off an unfinished last line."""
    if not os.path.exists(path):
        return []
    keys: list[SourceKey] = []
    complete = 0
    for parsed, where, complete in _complete_lines(path, _source_only):  # noqa: B007  (the last end)
        keys.append(key_of(parsed, where))
    _truncate(path, complete)
    return keys


def _source_only(line: bytes, where: str) -> object:
    """``{"source": …}`` of a record or error line, without parsing the whole (large) record.

    Our lines put ``source`` before any nested object (records: schema, title, url, source;
    error lines: source first), and a quote inside a JSON string is escaped, so the first
    ``"source":`` is the key; anything unexpected falls back to parsing the line.
    """
    at = line.find(_SOURCE_KEY)
    if at >= 0:
        start = at + len(_SOURCE_KEY)
        # a cut multibyte character at the window's end lies past the source object: harmless
        window = line[start : start + _SOURCE_WINDOW].decode("utf-8", errors="replace").lstrip()
        try:
            return {"source": _DECODER.raw_decode(window)[0]}
        except ValueError:
            pass
    try:
        return json.loads(line)
    except ValueError as exc:
        raise ResumeError(f"{where} is not JSON ({exc}); cannot resume into it") from exc


def scan_pages(directory: str, *, suffix: str = ".json") -> list[SourceKey]:
    """Keys of the per-page files in ``directory``; half-written temporary files are removed.

    Only JSON files carry their source; for Markdown or text files (``suffix``) the run keeps a
    JSON Lines index of what it wrote beside them (see :class:`~.output.PageFiles`)."""
    if suffix != ".json":
        return scan_lines(os.path.join(directory, INDEX_NAME))
    if not os.path.isdir(directory):
        return []
    keys: list[SourceKey] = []
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if name.startswith(TEMP_PREFIX):
            os.unlink(path)
        elif name.endswith(".json"):
            try:
                with open(path, "rb") as file:
                    parsed = json.load(file)
            except ValueError as exc:
                raise ResumeError(f"{path} is not JSON ({exc}); cannot resume into {directory}") from exc
            keys.append(key_of(parsed, path))
    return keys


def scan_chunk_lines(path: str) -> list[SourceKey]:
    """Keys of the pages whose passages are all in a chunks output.

    A page's chunks are written by one write, but a killed run may still have cut it short: the
    trailing lines of a page that lacks some of its ``count`` chunks are cut off, so the page is
    converted again rather than half-lost.
    """
    if not os.path.exists(path):
        return []
    keys: list[SourceKey] = []
    complete = 0
    seen, last = 0, None
    for parsed, where, end in _complete_lines(path, _whole):
        key = key_of(parsed, where)
        seen = seen + 1 if key == last else 1
        last = key
        if seen == int(parsed.get("count", 1)):  # type: ignore[attr-defined]
            keys.append(key)
            complete = end
    _truncate(path, complete)
    return keys


def _whole(line: bytes, where: str) -> object:
    try:
        return json.loads(line)
    except ValueError as exc:
        raise ResumeError(f"{where} is not JSON ({exc}); cannot resume into it") from exc
