"""Test helper: per-unit functions for worker processes that crash, hang or stall on purpose.

Worker processes import this module by name (tests put ``tests/`` on ``sys.path``), so it must
stay importable on its own: no relative imports.
"""

from __future__ import annotations

import json
import os
import signal
import time

from wikiparse.batch.results import Converted, Result
from wikiparse.batch.worker import convert_unit
from wikiparse.options import ParseOptions
from wikiparse.units import Unit

CRASH = b"CRASH"
"""The worker process exits abruptly, as after a segfault or an out-of-memory kill."""
HANG = b"HANG"
"""The worker hangs where the page timer cannot interrupt it (as inside C code)."""
STALL = b"STALL"
"""The page takes too long inside the pipeline, where the page timer can interrupt it."""


def misbehave(unit: Unit, options: ParseOptions) -> Result:
    if unit.data == CRASH:
        os._exit(3)
    if unit.data == HANG:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)
    if unit.data == STALL:
        import wikiparse.batch.worker as worker

        original = worker.parse_unit
        worker.parse_unit = lambda *args, **kwargs: time.sleep(600)  # type: ignore[assignment]
        try:
            return convert_unit(unit, options)
        finally:
            worker.parse_unit = original
    return convert_unit(unit, options)


def context_name(unit: Unit, options: ParseOptions) -> Result:
    """The name in the unit's context, as the record (crashes on CRASH, like ``misbehave``)."""
    if unit.data == CRASH:
        os._exit(3)
    assert isinstance(unit.context, dict)
    return Converted(source=unit.source, line=json.dumps(unit.context["name"]))
