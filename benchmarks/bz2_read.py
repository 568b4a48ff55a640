"""How fast the batch parent can read bzip2 input: ``bz2.BZ2File`` beside block-parallel decoding.

A benchmark, not a test.  The parent process reads every input of a conversion, so its reading
speed caps the whole run however many workers convert: this measures that cap for bzip2, the
form MediaWiki dumps come in.  For each file it decompresses the whole stream with the
standard library's ``BZ2File`` and with :class:`wikiparse.sources.bz2blocks.Bz2Blocks` on 1,
2 and (if more) ``THREADS`` threads, the methods interleaved, best of ``--repeat``; then it
reads the file's pages as a conversion does (decompression and XML) to show the cap in pages.

    python benchmarks/bz2_read.py                       # the shared corpus's two large dumps
    python benchmarks/bz2_read.py big-dump.xml.bz2 --repeat 5
"""

from __future__ import annotations

import argparse
import bz2
import io
import os
import time
from collections.abc import Callable
from pathlib import Path

from wikiparse.sources import ReadOptions, read_file
from wikiparse.sources.bz2blocks import THREADS, Bz2Blocks

HERE = Path(__file__).resolve().parent
DUMPS = HERE.parent.parent / "shared" / "corpus" / "dumps"
DEFAULT = [
    DUMPS / "gensim_enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2",
    DUMPS / "wikiatp_titanic-wikia_pages-current_export-0.6.xml.bz2",
]


def drain(stream: io.RawIOBase | io.BufferedIOBase) -> int:
    size = 0
    while chunk := stream.read(1024 * 1024):
        size += len(chunk)
    return size


def timed(run: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    size = run()
    return time.perf_counter() - start, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    counts = sorted({1, 2, THREADS})
    for path in args.files:
        data = path.read_bytes()
        methods: dict[str, Callable[[], int]] = {"BZ2File": lambda d=data: drain(bz2.BZ2File(io.BytesIO(d)))}
        for n in counts:
            label = f"blocks, {n} thread{'s' if n > 1 else ''}"
            methods[label] = lambda d=data, n=n: drain(Bz2Blocks(io.BytesIO(d), n))
        best: dict[str, float] = {}
        size = 0
        for _ in range(args.repeat):
            for name, run in methods.items():
                seconds, size = timed(run)
                best[name] = min(best.get(name, seconds), seconds)
        mb_in, mb_out = len(data) / 1e6, size / 1e6
        print(f"{path.name}: {mb_in:.1f} MB compressed, {mb_out:.1f} MB out; cores: {os.cpu_count()}")
        for name, seconds in best.items():
            ratio = best["BZ2File"] / seconds
            print(f"  {name:<20} {seconds:6.3f} s  {mb_out / seconds:6.1f} MB/s  {ratio:4.2f}x")
        start = time.perf_counter()
        pages = sum(1 for _ in read_file(str(path), ReadOptions()))
        seconds = time.perf_counter() - start
        rate = pages / seconds
        print(f"  its pages read as a conversion reads them: {pages} in {seconds:.3f} s ({rate:.0f}/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
