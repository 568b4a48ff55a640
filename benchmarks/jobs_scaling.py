"""How much faster ``wikiparse convert --jobs 2`` is than ``--jobs 1`` (and ``--jobs 0``) on a folder.

A benchmark, not a test: it runs the real command (process start-up, reading, workers,
writing) several times per setting, the settings interleaved so that a machine whose speed
drifts favours neither; keeps the best and the median wall time, checks that both settings
wrote the same output, and prints the ratio.  The target on a 2-core machine is >= 1.7x.

It also prints the CPU seconds each run used (the process and its workers) over its wall time:
the cores it kept busy.  ``--jobs 1`` already keeps more than one busy, since the parent reads
inputs (decompressing dumps, splitting archives) while its worker converts; that caps what a
second worker can add.  ``--jobs 0`` converts in the one process (reading still runs on its own
thread): the single-process baseline.

    python benchmarks/jobs_scaling.py                  # the shared corpus, ../shared/corpus
    python benchmarks/jobs_scaling.py some/folder --repeat 5
    python benchmarks/jobs_scaling.py --generate 400   # generated plain-text pages instead
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_FOLDER = HERE.parent.parent / "shared" / "corpus"


def generate(folder: Path, count: int) -> None:
    """Plain-text scrapes of a few KB each (our own template, not corpus text)."""
    for n in range(count):
        sections = "\n\n".join(
            f"Part {k} Edit\nThe harbour town number {n} rebuilt its pier in {1800 + k}, and again later."
            for k in range(12)
        )
        page = f"Harbour {n}\n\nHarbour {n} is an imagined town on a quiet coast.\n\n{sections}\n"
        (folder / f"page{n:04d}.txt").write_text(page, encoding="utf-8")


def run(folder: Path, jobs: int, out: Path) -> tuple[float, float, str]:
    """Wall time, CPU time (the command and its workers) and a digest of what was written."""
    command = [
        sys.executable,
        "-m",
        "wikiparse",
        "convert",
        str(folder),
        "-o",
        str(out),
        "-j",
        str(jobs),
        "-q",
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, check=False, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if done.returncode not in (0, 1):
        sys.exit(f"convert failed (exit {done.returncode}): {done.stderr.strip()}")
    errors = out.with_name(out.stem + ".errors.jsonl")
    digest = hashlib.sha256(out.read_bytes() + errors.read_bytes()).hexdigest()
    return elapsed, cpu, digest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--repeat", type=int, default=3, help="runs per setting; the best counts (default 3)")
    parser.add_argument("--generate", type=int, metavar="N", help="benchmark N generated text pages instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.folder
        if args.generate:
            folder = Path(scratch) / "pages"
            folder.mkdir()
            generate(folder, args.generate)
        if not folder.is_dir():
            sys.exit(f"no such folder: {folder}")
        out = Path(scratch) / "out.jsonl"
        settings = (0, 1, 2)
        times: dict[int, list[float]] = {jobs: [] for jobs in settings}
        cores: dict[int, list[float]] = {jobs: [] for jobs in settings}
        digests: dict[int, str] = {}
        lines = 0
        for _ in range(args.repeat):
            for jobs in settings:
                elapsed, cpu, digests[jobs] = run(folder, jobs, out)
                times[jobs].append(elapsed)
                cores[jobs].append(cpu / elapsed)
                lines = out.read_bytes().count(b"\n")
        for jobs in settings:
            runs = " ".join(f"{t:.2f}" for t in times[jobs])
            print(
                f"--jobs {jobs}: best {min(times[jobs]):.2f} s, median {statistics.median(times[jobs]):.2f} s"
                f" ({lines} records; runs: {runs}); cores busy: {statistics.median(cores[jobs]):.2f}"
            )
        if len(set(digests.values())) > 1:
            print("warning: the settings wrote different output", file=sys.stderr)
        print(f"cores: {os.cpu_count()}  folder: {folder}")
        for base in (1, 0):
            best = min(times[base]) / min(times[2])
            median = statistics.median(times[base]) / statistics.median(times[2])
            print(f"speed-up --jobs 2 vs --jobs {base}: best {best:.2f}x, median {median:.2f}x")
        print("(target: --jobs 2 at least 1.7x --jobs 1 on 2 cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
