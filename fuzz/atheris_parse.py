"""Coverage-guided fuzzing of ``wikiparse.parse`` with atheris (libFuzzer for Python).

usage: pip install atheris
       python fuzz/atheris_parse.py [CORPUS_DIR ...] -atheris_runs=100000 [-max_total_time=SECONDS]

The first byte of each input picks the format argument (detect, html, text, wikitext) and whether
the rest is given as bytes (decoded by wikiparse) or as text.  A crash is any exception other than
a ``WikiparseError``, an ``InternalError`` (a bug wrapped by ``parse``), or two parses of the same
input giving different JSON.  Seed it with a copy of ``fixtures/`` (atheris adds what it finds to
the first directory).  Inputs are capped at 64 KiB (``-max_len``) so that each run stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["wikiparse"]):
    # Everything instrumented before the checks run: the readers too, which parse() would
    # otherwise import on first use, outside this block.
    import wikiparse
    import wikiparse.html
    import wikiparse.text
    import wikiparse.wikitext  # noqa: F401

sys.path.insert(0, str(Path(__file__).resolve().parent))
from properties import check_deterministic

_FORMATS = (None, "html", "text", "wikitext")


def one_input(data: bytes) -> None:
    if not data:
        return
    head, body = data[0], data[1:]
    fmt = _FORMATS[head % 4]
    source: str | bytes = body if head & 4 else body.decode("utf-8", "surrogateescape")
    check_deterministic(source, fmt)


def main() -> None:
    argv = list(sys.argv)
    if not any(a.startswith("-max_len") for a in argv):
        argv.append("-max_len=65536")
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
