"""Batch conversion: many inputs → one record or one error line per input page.

::

    batch/
      options.py    BatchOptions: jobs, order, globs, namespaces, parse options and limits
      run.py        convert() → Conversion: numbering, ordering, accounting (the run itself)
      readahead.py  inputs read on a thread of their own, a bounded distance ahead
      worker.py     convert_unit(): one unit → one result; the worker process loop; page timer
      pool.py       worker processes: chunked dispatch, hard page timeout, dead-worker replacement
      on_dask.py    the same map over partitions of units on a Dask cluster
      results.py    Converted, Failed (the error line), BatchReport
      target.py     convert_into(): a run into files, with resume and progress
      output.py     JSON Lines and per-page writers (atomic lines, safe file names)
      resume.py     what an interrupted run already wrote
      progress.py   the terminal progress bar
"""

from __future__ import annotations

from .options import BatchOptions
from .results import BatchReport, Converted, Failed, Result
from .resume import ResumeError
from .run import Conversion, convert, source_key
from .target import OutputError, Target, convert_into

__all__ = [
    "BatchOptions",
    "BatchReport",
    "Conversion",
    "Converted",
    "Failed",
    "OutputError",
    "Result",
    "ResumeError",
    "Target",
    "convert",
    "convert_into",
    "source_key",
]
