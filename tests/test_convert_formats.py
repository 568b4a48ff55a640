"""convert --to: chunks, Markdown, text and Parquet outputs, and resuming the resumable ones."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from wikiparse import Page
from wikiparse.cli import main

from .batchdata import text_page, write


def make_inputs(root: Path, count: int = 6) -> Path:
    for n in range(count):
        write(root / f"p{n}.txt", text_page(n, paragraphs=8))
    return root


def chunk_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_chunks_are_json_lines_with_provenance(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    args = ["convert", str(inputs), "--to", "chunks", "--chunk-chars", "300", "--chunk-overlap", "40"]
    assert main([*args, "-o", str(out), "-q", "-j", "1"]) == 0
    chunks = chunk_lines(out)
    by_page: dict[str, list[dict[str, object]]] = {}
    for chunk in chunks:
        assert chunk["schema"] == "wikiparse-chunk/1"
        assert len(str(chunk["text"])) <= 300
        by_page.setdefault(str(chunk["source"]["path"]), []).append(chunk)  # type: ignore[index]
    assert len(by_page) == 6
    for page_chunks in by_page.values():
        assert [c["index"] for c in page_chunks] == list(range(len(page_chunks)))
        assert {c["count"] for c in page_chunks} == {len(page_chunks)}
        assert len(page_chunks) > 1


def test_chunks_resume_cuts_a_page_whose_chunks_are_incomplete(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    args = ["convert", str(inputs), "--to", "chunks", "--chunk-chars", "300", "-o", str(out), "-q", "-j", "1"]
    assert main(args) == 0
    reference = out.read_bytes()
    lines = reference.splitlines(keepends=True)
    first_page = [line for line in lines if json.loads(line)["source"]["path"].endswith("p0.txt")]
    assert len(first_page) > 2
    # a killed run: page 0 complete, page 1 cut after its first chunk and in the middle of a line
    page1 = [line for line in lines if json.loads(line)["source"]["path"].endswith("p1.txt")]
    out.write_bytes(b"".join(first_page) + page1[0] + page1[1][:25])
    assert main([*args, "--resume"]) == 0
    assert sorted(out.read_bytes().splitlines()) == sorted(reference.splitlines())
    assert len(out.read_bytes().splitlines()) == len(lines)


def test_markdown_to_one_file_separates_pages(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in", count=3)
    out = tmp_path / "out.md"
    assert main(["convert", str(inputs), "--to", "markdown", "-o", str(out), "-q", "-j", "1"]) == 0
    documents = out.read_text(encoding="utf-8").split("\f\n")
    assert len(documents) == 3
    assert all(doc.startswith("# ") and "## History" in doc for doc in documents)
    assert "Edit" not in out.read_text(encoding="utf-8")


def test_per_page_markdown_resumes_from_its_index(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in", count=5)
    pages = tmp_path / "pages"
    args = ["convert", str(inputs), "--to", "markdown", "--per-page", "-o", str(pages), "-q", "-j", "1"]
    assert main(args) == 0
    names = sorted(n for n in os.listdir(pages) if n.endswith(".md"))
    assert len(names) == 5
    index = (pages / ".index.jsonl").read_text().splitlines()
    assert len(index) == 5
    originals = {n: (pages / n).read_bytes() for n in names}
    # an interrupted run: the last two pages never written, their index lines missing
    for name in names:
        if any(name.startswith(p) for p in ("Saltmarsh", "Quill")):
            (pages / name).unlink()
    kept = [line for line in index if not any(p in line for p in ("p3.txt", "p4.txt"))]
    (pages / ".index.jsonl").write_text("\n".join(kept) + "\n")
    assert main([*args, "--resume"]) == 0
    assert sorted(n for n in os.listdir(pages) if n.endswith(".md")) == names
    assert {n: (pages / n).read_bytes() for n in names} == originals


def test_parquet_round_trips_pages(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from wikiparse.parquet import read_parquet

    inputs = make_inputs(tmp_path / "in", count=4)
    out = tmp_path / "out.parquet"
    assert main(["convert", str(inputs), "--to", "parquet", "-o", str(out), "-q", "-j", "1"]) == 0
    jsonl = tmp_path / "out.jsonl"
    assert main(["convert", str(inputs), "-o", str(jsonl), "-q", "-j", "1"]) == 0
    expected = [Page.from_dict(json.loads(line)) for line in jsonl.read_text().splitlines()]
    assert list(read_parquet(out)) == expected


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--to", "parquet"], "--to parquet writes one file"),
        (["--to", "chunks", "--per-page", "-o", "dir"], "drop --per-page"),
        (["--to", "markdown", "-o", "x.md", "--resume"], "--resume works with"),
        (["--to", "chunks", "--chunk-chars", "10", "--chunk-overlap", "9"], "overlap"),
    ],
)
def test_impossible_outputs_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    page = write(tmp_path / "a.txt", text_page(1))
    os.chdir(tmp_path)
    assert main(["convert", str(page), "-q", *extra]) == 2
    assert message in capsys.readouterr().err
