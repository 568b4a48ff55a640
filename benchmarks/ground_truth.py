"""wikiparse beside trafilatura on the expectations other benchmarks ship for the corpus pages.

    python benchmarks/ground_truth.py [--corpus ../shared/corpus]

Two sources of expectations, both in ``ground_truth/`` of the shared corpus (the pages are
found through its ``MANIFEST.tsv``):

* trafilatura's own evaluation data (``trafilatura_evaldata_wiki_subset.json``): for each page,
  snippets the main text must hold (``with``) and snippets it must not (``without``);
* WCXB (``wcxb/wcxb_ID.json``): the clean main text of each page, scored as WCXB scores it —
  word-level precision, recall and F1 of the extracted text against it — plus its ``with`` /
  ``without`` snippets where a file has them.

wikiparse's text is ``page.to_text()`` without the infobox and categories (the main text a
reader wants, as these benchmarks define it); trafilatura's is ``extract`` with tables, as
plain text.  Snippets are matched word by word (punctuation and spacing aside), case kept.  A benchmark, not a
test: it prints a table and needs the ``bench`` extra (trafilatura).
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import regex

import wikiparse

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"
_WORD = regex.compile(r"\w+")


def tokens(text: str) -> str:
    """The words of ``text``, space-separated and space-framed: snippets are compared word by word
    (WCXB's snippets put spaces before punctuation, "Arch Linux .", where the page has none)."""
    return " " + " ".join(_WORD.findall(text)) + " "


def wikiparse_text(data: bytes) -> str:
    page = wikiparse.parse(data)
    return page.to_text(infobox=False, categories=False)


def trafilatura_text(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data, include_tables=True, favor_precision=False) or ""


SYSTEMS: dict[str, Callable[[bytes], str]] = {"wikiparse": wikiparse_text, "trafilatura": trafilatura_text}


def word_scores(extracted: str, gold: str) -> tuple[float, float, float]:
    """WCXB's measure: precision, recall and F1 of the bags of lower-cased words."""
    got = Counter(w.lower() for w in _WORD.findall(extracted))
    want = Counter(w.lower() for w in _WORD.findall(gold))
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def manifest(corpus: Path) -> list[dict[str, str]]:
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as file:
        return list(csv.DictReader(file, delimiter="\t"))


def cases(corpus: Path) -> list[tuple[str, Path, list[str], list[str], str | None]]:
    """(name, page, with snippets, without snippets, clean main text or None) per page."""
    rows = [r for r in manifest(corpus) if r["category"] != "ground_truth"]
    out = []
    subset = json.loads((corpus / "ground_truth" / "trafilatura_evaldata_wiki_subset.json").read_text())
    for entry in subset.values():
        row = next((r for r in rows if r["source_path"].endswith("/" + entry["file"])), None)
        if row is None:
            print(f"note: no corpus page for trafilatura's {entry['file']}", file=sys.stderr)
            continue
        page = corpus / row["local_file"]
        out.append(("trafilatura/" + entry["file"], page, entry["with"], entry["without"], None))
    for gold_file in sorted((corpus / "ground_truth" / "wcxb").glob("wcxb_*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        truth = gold["ground_truth"]
        if isinstance(truth, str):  # some files hold the record as a Python literal
            truth = ast.literal_eval(truth)
        ident = str(gold["file_id"])
        row = next((r for r in rows if "wcxb" in r["local_file"] and f"id {ident}" in r["notes"]), None)
        if row is None:
            print(f"note: no corpus page for WCXB {ident}", file=sys.stderr)
            continue
        out.append(
            (
                "wcxb/" + ident,
                corpus / row["local_file"],
                list(truth.get("with") or []),
                list(truth.get("without") or []),
                truth.get("main_content") or None,
            )
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--verbose", action="store_true", help="per-page numbers")
    args = parser.parse_args()
    if not (args.corpus / "MANIFEST.tsv").exists():
        sys.exit(f"no corpus at {args.corpus}")
    found = cases(args.corpus)
    totals: dict[str, Counter[str]] = {name: Counter() for name in SYSTEMS}
    f1s: dict[str, list[tuple[float, float, float]]] = {name: [] for name in SYSTEMS}
    for label, path, must, must_not, clean in found:
        data = path.read_bytes()
        for name, extract in SYSTEMS.items():
            extracted = extract(data)
            text = tokens(extracted)
            # (without its closing space: snippets cut at 80 characters end in part of a word)
            held = sum(tokens(s)[:-1] in text for s in must)
            leaked = sum(tokens(s)[:-1] in text for s in must_not)
            totals[name].update(
                with_total=len(must), with_held=held, without_total=len(must_not), leaked=leaked
            )
            if clean is not None:
                f1s[name].append(word_scores(extracted, clean))
            if args.verbose:
                f1 = f" f1 {f1s[name][-1][2]:.3f}" if clean is not None else ""
                print(f"{label:28} {name:12} with {held}/{len(must)} leaked {leaked}/{len(must_not)}{f1}")
    pages = len(found)
    scored = len(f1s["wikiparse"])
    print(f"\n{pages} pages with expectations ({scored} with WCXB clean main text)")
    head = f"{'system':12} {'with held':>10} {'without leaked':>15}"
    print(f"{head} {'WCXB precision':>15} {'recall':>7} {'F1':>6}")
    for name in SYSTEMS:
        t = totals[name]
        scores = f1s[name]
        mean = [sum(s[k] for s in scores) / len(scores) if scores else 0.0 for k in range(3)]
        print(
            f"{name:12} {t['with_held'] / max(t['with_total'], 1):>10.3f} "
            f"{t['leaked'] / max(t['without_total'], 1):>15.3f} "
            f"{mean[0]:>15.3f} {mean[1]:>7.3f} {mean[2]:>6.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
