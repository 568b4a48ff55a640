"""How much faster ``wikiparse convert --jobs 2`` is than ``--jobs 1`` (and ``--jobs 0``) on a folder.

A benchmark, not a test: it runs the real command (process start-up, reading, workers,
writing) several times per setting, the settings interleaved so that a machine whose speed
drifts favours neither; keeps the best and the median wall time, checks that all settings
wrote the same output, and prints the ratios.  The target on a 2-core machine is >= 1.7x.

It also prints the CPU seconds each run used (the process and its workers) over its wall time:
the cores it kept busy.  ``--jobs 1`` already keeps more than one busy, since the parent reads
inputs (decompressing dumps, splitting archives) on a thread of its own while its worker
converts; that caps what a second worker can add.  So a fourth setting runs ``--jobs 1`` with
the whole command held to one core (CPU affinity, Linux): the one-core baseline, against which
``--jobs 2`` on two cores shows how the conversion scales with cores.  ``--jobs 0`` converts in
the one process (reading still runs on its own thread).

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
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Setting:
    label: str
    jobs: int
    one_core: bool = False


SETTINGS = (
    Setting("--jobs 0", 0),
    Setting("--jobs 1", 1),
    Setting("--jobs 1, one core", 1, one_core=True),
    Setting("--jobs 2", 2),
)


def run(folder: Path, setting: Setting, out: Path) -> tuple[float, float, str]:
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
        str(setting.jobs),
        "-q",
    ]
    first_cpu = min(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0

    def pin() -> None:  # runs in the child before it starts: it and its workers share one core
        os.sched_setaffinity(0, {first_cpu})

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        command, check=False, stderr=subprocess.PIPE, text=True, preexec_fn=pin if setting.one_core else None
    )
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
        settings = [s for s in SETTINGS if not s.one_core or hasattr(os, "sched_setaffinity")]
        times: dict[Setting, list[float]] = {s: [] for s in settings}
        cores: dict[Setting, list[float]] = {s: [] for s in settings}
        digests: dict[Setting, str] = {}
        lines = 0
        for _ in range(args.repeat):
            for setting in settings:
                elapsed, cpu, digests[setting] = run(folder, setting, out)
                times[setting].append(elapsed)
                cores[setting].append(cpu / elapsed)
                lines = out.read_bytes().count(b"\n")
        for setting in settings:
            taken = times[setting]
            runs = " ".join(f"{t:.2f}" for t in taken)
            print(
                f"{setting.label}: best {min(taken):.2f} s, median {statistics.median(taken):.2f} s"
                f" ({lines} records; runs: {runs}); cores busy: {statistics.median(cores[setting]):.2f}"
            )
        if len(set(digests.values())) > 1:
            print("warning: the settings wrote different output", file=sys.stderr)
        print(f"cores: {os.cpu_count()}  folder: {folder}")
        two = SETTINGS[-1]
        for base in settings[:-1]:
            best = min(times[base]) / min(times[two])
            median = statistics.median(times[base]) / statistics.median(times[two])
            print(f"speed-up {two.label} vs {base.label}: best {best:.2f}x, median {median:.2f}x")
        print("(target: --jobs 2 at least 1.7x --jobs 1 on 2 cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
