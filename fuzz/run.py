"""Long fuzz run: random wiki-like pages through ``wikiparse.parse``; any exception other than a
``WikiparseError`` is a bug, and so is a nondeterministic result.

usage: python fuzz/run.py [--examples N] [--seed S]

It uses Hypothesis (the ``test`` extra) with a large example budget and prints how many inputs
were tried. For coverage-guided fuzzing, ``fuzz/atheris_parse.py`` drives the same property with
atheris when it is installed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from strategies import html_pages, text_pages, wikitext_pages

import wikiparse

TRIED = 0


def check(page: str, fmt: str | None) -> None:
    global TRIED
    TRIED += 1
    try:
        one = wikiparse.parse(page, format=fmt).to_dict()  # type: ignore[arg-type]
    except wikiparse.WikiparseError:
        return
    two = wikiparse.parse(page, format=fmt).to_dict()  # type: ignore[arg-type]
    assert one == two, "parse is not deterministic"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    inputs = st.one_of(
        st.tuples(html_pages(max_nodes=120), st.sampled_from([None, "html"])),
        st.tuples(text_pages, st.sampled_from([None, "text"])),
        st.tuples(wikitext_pages, st.just("wikitext")),
        st.tuples(st.text(max_size=300), st.sampled_from([None, "html", "text", "wikitext"])),
    )

    @seed(args.seed)
    @settings(
        max_examples=args.examples, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    @given(inputs)
    def run(case: tuple[str, str | None]) -> None:
        check(*case)

    run()
    print(f"fuzz: {TRIED} inputs tried, no crash")
    return 0


if __name__ == "__main__":
    sys.exit(main())
