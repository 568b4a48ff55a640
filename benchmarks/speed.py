"""Throughput of wikiparse beside trafilatura and the raw parse floors, in one process and one run.

usage: python benchmarks/speed.py [--corpus DIR] [--rounds N] [--quick] [--json OUT]

For every HTML page of the corpus (``*.html`` under DIR, default ../shared/corpus) it times,
interleaved page by page so that machine noise hits every system alike:

* ``wikiparse``  — ``wikiparse.parse(bytes)`` (decode + full extraction);
* ``trafilatura`` — ``trafilatura.extract`` with XML output, tables and formatting (its
  structured mode, the comparable one), when installed (``pip install 'wikiparse[bench]'``);
* ``lxml`` — ``lxml.html.document_fromstring`` alone (the parse floor);
* ``bs4`` — ``BeautifulSoup(html, "lxml")`` alone (the tree wikiparse's API is built on).

The same is done for the plain-text reader over ``*.txt``/``*.md`` scrapes.  It prints pages/s,
MB/s, the median per-page throughput (each page's best round), each system's ratio to wikiparse
(total time, and median throughput), and the peak traced memory of one wikiparse parse
(``tracemalloc``: Python allocations only, libxml2's own tree is not traced) as a multiple of
the page's size.  ``--quick`` runs one round over a few pages: it only checks that the script
runs.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"


def _systems_html() -> dict[str, Callable[[bytes], object]]:
    import lxml.html
    from bs4 import BeautifulSoup

    import wikiparse

    systems: dict[str, Callable[[bytes], object]] = {"wikiparse": wikiparse.parse}
    try:
        import trafilatura

        def run_trafilatura(data: bytes) -> object:
            html = data.decode("utf-8", "replace")
            return trafilatura.extract(
                html, output_format="xml", include_tables=True, include_formatting=True, with_metadata=True
            )

        systems["trafilatura"] = run_trafilatura
    except ImportError:
        print("trafilatura not installed: pip install 'wikiparse[bench]' to compare", file=sys.stderr)
    systems["lxml"] = lambda data: lxml.html.document_fromstring(data.decode("utf-8", "replace"))
    systems["bs4"] = lambda data: BeautifulSoup(data.decode("utf-8", "replace"), "lxml")
    return systems


def _systems_text() -> dict[str, Callable[[bytes], object]]:
    import wikiparse

    return {"wikiparse": lambda data: wikiparse.parse(data, format="text")}


def _time_all(
    pages: list[bytes], systems: dict[str, Callable[[bytes], object]], rounds: int
) -> dict[str, list[float]]:
    """Seconds per page per system (best of ``rounds``), interleaving systems page by page."""
    best: dict[str, list[float]] = {name: [float("inf")] * len(pages) for name in systems}
    for run in systems.values():
        run(pages[0])  # imports and first-use caches are not per-page work
    for _ in range(rounds):
        for k, data in enumerate(pages):
            for name, run in systems.items():
                gc.collect()
                start = time.perf_counter()
                run(data)
                elapsed = time.perf_counter() - start
                best[name][k] = min(best[name][k], elapsed)
    return best


def _peak_memory(pages: list[bytes], run: Callable[[bytes], object]) -> dict[str, float]:
    """Peak traced allocation of one parse per page: the largest (MB, and x its page's size),
    and the largest and median multiple of the page size over pages of 100 kB or more."""
    peaks: list[tuple[float, int]] = []
    for data in pages:
        run(data)  # caches (compiled patterns, imports) are not the parse's memory
        gc.collect()
        tracemalloc.start()
        run(data)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        peaks.append((peak, len(data)))
    worst = max(peaks)
    big = [peak / size for peak, size in peaks if size >= 100_000] or [worst[0] / max(worst[1], 1)]
    return {
        "peak_mb": worst[0] / 1e6,
        "peak_x_page": worst[0] / max(worst[1], 1),
        "max_x_page_100k": max(big),
        "median_x_page_100k": statistics.median(big),
    }


def _report(title: str, pages: list[bytes], times: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    total_mb = sum(len(p) for p in pages) / 1e6
    base = times["wikiparse"]
    base_median = statistics.median(len(p) / 1e6 / t for p, t in zip(pages, base, strict=True))
    print(f"\n{title}: {len(pages)} pages, {total_mb:.1f} MB")
    print(
        f"{'system':12s} {'pages/s':>9s} {'MB/s':>7s} {'median MB/s':>12s}"
        f" {'time vs wikiparse':>18s} {'wikiparse median is':>20s}"
    )
    out: dict[str, dict[str, float]] = {}
    for name, per_page in times.items():
        seconds = sum(per_page)
        median = statistics.median(len(p) / 1e6 / t for p, t in zip(pages, per_page, strict=True))
        ratio = seconds / sum(base)
        out[name] = {
            "pages_s": len(pages) / seconds,
            "mb_s": total_mb / seconds,
            "median_mb_s": median,
            "time_ratio": ratio,
            "median_ratio": base_median / median,
        }
        print(
            f"{name:12s} {len(pages) / seconds:9.1f} {total_mb / seconds:7.2f} {median:12.2f}"
            f" {ratio:17.2f}x {base_median / median:19.2f}x"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="one round over three pages: a smoke run")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    html = sorted(p for p in args.corpus.rglob("*.html") if p.is_file())
    text = sorted(p for p in args.corpus.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
    if args.quick:
        html, text, args.rounds = html[:3], text[:3], 1
    html_pages = [p.read_bytes() for p in html]
    text_pages = [p.read_bytes() for p in text]
    results: dict[str, object] = {}
    if html_pages:
        systems = _systems_html()
        results["html"] = _report("HTML pages", html_pages, _time_all(html_pages, systems, args.rounds))
        memory = _peak_memory(html_pages, systems["wikiparse"])
        print(
            f"wikiparse peak traced memory of one parse: {memory['peak_mb']:.1f} MB"
            f" ({memory['peak_x_page']:.1f}x that page's size); pages of 100 kB or more:"
            f" at most {memory['max_x_page_100k']:.1f}x, median {memory['median_x_page_100k']:.1f}x"
        )
        results["html_memory"] = memory
    if text_pages:
        results["text"] = _report(
            "Text scrapes", text_pages, _time_all(text_pages, _systems_text(), args.rounds)
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
