"""Resume: which input pages an earlier, interrupted run already wrote.

Every record and every error line carries its ``source``; its key (all provenance fields but the
hash) is what the readers produce again for the same page.  An unfinished last line (no newline:
see :mod:`.output`) is cut off first, so its page is converted again rather than lost.
"""

from __future__ import annotations

import json
import os

import attrs

from ..errors import WikiparseError
from ..records import SourceInfo
from .output import TEMP_PREFIX
from .run import SourceKey, source_key

_FIELDS = frozenset(attrs.fields_dict(SourceInfo))


class ResumeError(WikiparseError, ValueError):
    """The existing output is not one wikiparse wrote, so resuming into it would corrupt it."""


def key_of(line: object, where: str) -> SourceKey:
    """The source key of a parsed record or error line."""
    source = line.get("source") if isinstance(line, dict) else None
    if not isinstance(source, dict) or not set(source) <= _FIELDS:
        raise ResumeError(f"{where} has no wikiparse 'source'; resume only into output wikiparse wrote")
    return source_key(SourceInfo(**source))


def scan_lines(path: str) -> list[SourceKey]:
    """Keys of the lines of a JSON Lines output, after cutting off an unfinished last line."""
    if not os.path.exists(path):
        return []
    keys: list[SourceKey] = []
    complete = 0
    with open(path, "rb+") as file:
        for number, line in enumerate(file, 1):
            if not line.endswith(b"\n"):
                break
            try:
                parsed = json.loads(line)
            except ValueError as exc:
                raise ResumeError(
                    f"{path}, line {number} is not JSON ({exc}); cannot resume into it"
                ) from exc
            keys.append(key_of(parsed, f"{path}, line {number}"))
            complete += len(line)
        file.truncate(complete)
    return keys


def scan_pages(directory: str) -> list[SourceKey]:
    """Keys of the per-page files in ``directory``; half-written temporary files are removed."""
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
