"""Long fuzz run: random wiki-like pages through ``wikiparse.parse``.

usage: python fuzz/run.py [--examples N] [--seed S]

A bug is any exception other than a ``WikiparseError``, an ``InternalError`` (the guard in
``parse`` that wraps a bug), a nondeterministic result, or paragraphs whose numbered words come
out of order (the properties of tests/test_properties.py, run here with a large budget).  It uses
Hypothesis (the ``test`` extra), prints how many inputs were tried, and exits 1 on the first bug
with the (shrunk) input that shows it.  For coverage-guided fuzzing of the same properties, see
``fuzz/atheris_parse.py``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

import properties
from strategies import any_input, ordered_html_pages, ordered_text_pages, raw_bytes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    inputs = st.one_of(
        any_input(max_nodes=120),
        st.tuples(raw_bytes, st.none()),
    )
    ordered = st.one_of(
        st.tuples(ordered_html_pages(max_nodes=120), st.just("html")),
        st.tuples(ordered_text_pages(), st.just("text")),
    )

    @seed(args.seed)
    @settings(
        max_examples=args.examples, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    @given(st.one_of(inputs.map(lambda case: (*case, False)), ordered.map(lambda case: (*case, True))))
    def run(case: tuple[str | bytes, str | None, bool]) -> None:
        source, fmt, order = case
        if order:
            assert isinstance(source, str)
            assert fmt is not None
            properties.check_order(source, fmt)
        else:
            properties.check_deterministic(source, fmt)

    try:
        run()
    except BaseException:
        print(f"fuzz: {properties.parses} parses, FAILED (the shrunk input is above)", file=sys.stderr)
        raise
    print(f"fuzz: {args.examples} examples, {properties.parses} parses, no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
