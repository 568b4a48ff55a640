"""Score the text reader on the flattened Fandom pages with the metrics of ../shared/eval/score.py.

usage (from the repository root):
    python tools/score_flattened.py [--eval ../shared/eval] [--corpus ../shared/corpus] [--verbose]

Each page's article text is extracted as tests/flattened.py does (the text of its <p>) and
parsed as text with the gold file's URL, as the HTML reader will do for pages without
structure; score.py's own functions build the record view and the metrics.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.flattened import article_text  # noqa: E402

COLS = ("title", "head_r", "head_p", "keep", "leak", "ibox")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    spec = importlib.util.spec_from_file_location("score", Path(args.eval) / "score.py")
    assert spec is not None
    assert spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    rows = []
    for gold_path in sorted((Path(args.eval) / "gold" / "fandom_flattened").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = article_text((Path(args.corpus) / gold["file"]).read_bytes())
        out = score.run_wikiparse(text, None, gold)
        metrics = score.score(gold, out)
        rows.append((gold["file"], metrics))
        if args.verbose:
            print(f"# {gold['file']}: title={out['title']!r} headings={out['headings']}")
            for snippet in gold["must_include"]:
                if score.norm(snippet) not in score.norm(out["text"]):
                    print(f"    missing: {snippet}")
            for snippet in gold["must_exclude"]:
                if score.norm(snippet) in score.norm(out["text"]):
                    print(f"    leaked:  {snippet}")
    print(f"{'page':44s}" + " ".join(f"{c:>6s}" for c in COLS))
    for name, metrics in rows:
        print(f"{name.split('/')[-1]:44s}" + " ".join(_fmt(metrics.get(c)) for c in COLS))
    means = {c: [m[c] for _, m in rows if c in m] for c in COLS}
    print(f"{'mean':44s}" + " ".join(_fmt(sum(v) / len(v) if v else None) for v in means.values()))
    return 0


def _fmt(value: float | None) -> str:
    return "     -" if value is None else f"{value:6.2f}"


if __name__ == "__main__":
    raise SystemExit(main())
