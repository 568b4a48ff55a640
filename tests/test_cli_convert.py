"""``wikiparse convert`` end to end: the issue's mixed batch, outputs, usage errors."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from wikiparse.batch.output import safe_name
from wikiparse.cli import ERR_NO_FILE, main

from .batchdata import (
    enterprise_record,
    gz,
    html_page,
    ndjson,
    tar_bytes,
    text_page,
    warc_bytes,
    write,
    zip_bytes,
)

pytest.importorskip("warcio")


def mixed_batch(root: Path) -> Counter[tuple[str, str | None, int | None]]:
    """The issue's mixed batch; returns the (path, member, line) of every input page it holds."""
    expect: Counter[tuple[str, str | None, int | None]] = Counter()

    def add(path: Path, member: str | None = None, line: int | None = None, times: int = 1) -> None:
        expect[(str(path), member, line)] += times

    pages = root / "pages"
    add(write(pages / "a.html", html_page(1)))
    add(write(pages / "b.txt", text_page(2)))
    add(write(pages / "c.md", "# Marrow Fen\n\nMarrow Fen is an imagined marsh.\n"))
    members = {
        "t/one.txt": text_page(3).encode(),
        "t/two.txt": text_page(4).encode(),
        "t/x.html": html_page(5).encode(),
    }
    tgz = write(root / "pages.tar.gz", tar_bytes(members))
    for name in members:
        add(tgz, name)
    zipped = write(
        root / "pages.zip",
        zip_bytes({"z/one.txt": text_page(6).encode(), "z/two.txt": text_page(7).encode()}),
    )
    add(zipped, "z/one.txt")
    add(zipped, "z/two.txt")
    add(write(root / "page.txt.gz", gz(text_page(8).encode())))
    crawl = [
        ("https://w.example.org/wiki/A", html_page(9).encode(), "text/html"),
        ("https://w.example.org/a.png", b"\x89PNG\r\n\x1a\n", "image/png"),  # skipped, not an input page
        ("https://w.example.org/wiki/B", html_page(10).encode(), "text/html"),
    ]
    add(write(root / "crawl.warc.gz", warc_bytes(crawl)), times=2)
    dump = write(root / "enterprise.ndjson", ndjson([enterprise_record(11), enterprise_record(12)]))
    add(dump, line=1)
    add(dump, line=2)
    rng = random.Random(1)
    corrupt = tar_bytes({"big.txt": bytes(rng.getrandbits(8) for _ in range(50_000))})
    add(write(root / "corrupt.tar.gz", corrupt[:10] + b"\x00garbage" * 50))
    add(write(root / "empty.txt", b""))
    add(write(root / "binary.bin", bytes(range(256)) * 20))
    return expect


def read_jsonl(path: Path) -> list[dict[str, object]]:
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def key(line: dict[str, object]) -> tuple[str, str | None, int | None]:
    source = line["source"]
    assert isinstance(source, dict)
    return (source["path"], source["member"], source["line"])


def test_mixed_batch_in_one_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    expect = mixed_batch(inputs)
    out = tmp_path / "out.jsonl"
    code = main(["convert", str(inputs), "-o", str(out), "-j", "2"])
    records = read_jsonl(out)  # every line parses
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert code == 1
    assert len(records) + len(errors) == sum(expect.values()) == 16
    assert Counter(key(line) for line in records + errors) == expect  # each input exactly once
    failed = {key(e)[0].rsplit("/", 1)[-1] for e in errors}
    assert {"corrupt.tar.gz", "empty.txt", "binary.bin"} <= failed
    for line in errors:
        assert set(line) == {"source", "error"}
        assert set(line["error"]) == {"type", "message"}  # type: ignore[arg-type]
    text_members = {("pages.tar.gz", "t/one.txt"), ("pages.tar.gz", "t/two.txt"), ("pages.zip", "z/one.txt")}
    converted = {(key(r)[0].rsplit("/", 1)[-1], key(r)[1]) for r in records}
    assert text_members <= converted
    for record in records:
        assert record["schema"] == "wikiparse/1"
        assert len(record["source"]["sha256"]) == 64  # type: ignore[index]
    summary = capsys.readouterr().err
    assert "16 inputs from 11 files" in summary
    assert f"{len(records)} records, {len(errors)} errors, 1 skipped" in summary


def test_stdout_output_and_error_lines_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path / "a.txt", text_page(1))
    bad = write(tmp_path / "b.txt", b"")
    assert main(["convert", str(good), str(bad), "-j", "1"]) == 1
    captured = capsys.readouterr()
    [record] = [json.loads(line) for line in captured.out.splitlines()]
    assert record["source"]["path"] == str(good)
    err_lines = captured.err.splitlines()
    assert json.loads(err_lines[0])["source"]["path"] == str(bad)
    assert err_lines[-1].startswith("wikiparse: 2 inputs from 2 files: 1 records, 1 errors")


def test_all_converted_exits_0_and_quiet_prints_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write(tmp_path / "a.txt", text_page(1))
    assert main(["convert", str(page), "-o", str(tmp_path / "o.jsonl"), "-q", "-j", "1"]) == 0
    assert capsys.readouterr().err == ""
    assert (tmp_path / "o.errors.jsonl").read_text() == ""


def test_stdin_list_of_paths(tmp_path: Path) -> None:
    pages = [write(tmp_path / f"{n}.txt", text_page(n)) for n in range(3)]
    listing = "".join(f"{p}\n" for p in reversed(pages))
    out = tmp_path / "o.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "wikiparse", "convert", "-", "-o", str(out), "-j", "1"],
        input=listing,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [key(r)[0] for r in read_jsonl(out)] == [str(p) for p in reversed(pages)]


def test_per_page_files_have_safe_distinct_names(tmp_path: Path) -> None:
    titles = [
        "../../etc/passwd",
        "/abs",
        "CON",
        "a/b\\c",
        "Same",
        "same",
        "bell\x07\u202eevil",
        ".hidden",
        "x" * 600,
        "",
    ]
    dump = write(
        tmp_path / "titles.jsonl",
        "".join(json.dumps({"text": text_page(n), "title": t}) + "\n" for n, t in enumerate(titles)),
    )
    outdir = tmp_path / "pages"
    assert main(["convert", str(dump), "-o", str(outdir), "--per-page", "-q", "-j", "1"]) == 0
    names = sorted(os.listdir(outdir))
    assert len(names) == len(titles)
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert (outdir / name).resolve().parent == outdir.resolve()
        assert name.endswith(".json")
        assert not name.startswith(".")
        assert all(ch.isprintable() for ch in name)
        assert len(name.encode()) <= 200
        json.loads((outdir / name).read_text(encoding="utf-8"))
    assert not (tmp_path / "etc").exists()
    assert "_CON.json" in names
    assert {"Same.json", "same~2.json"} <= set(names)
    assert (tmp_path / "pages.errors.jsonl").read_text() == ""


def test_safe_name_never_escapes() -> None:
    for title in ["..", ".", "../..", "a/../../b", "\\\\server\\share", "C:\\x", "\x00", " . "]:
        name = safe_name(title)
        assert name
        assert "/" not in name
        assert "\\" not in name
        assert not name.startswith(".")


# ---------------------------------------------------------------- usage errors (exit 2)


def test_missing_input_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope"
    assert main(["convert", str(missing)]) == 2
    assert capsys.readouterr().err.strip() == ERR_NO_FILE.format(path=missing)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--resume"], "--resume needs an output file"),
        (["--per-page"], "--per-page needs an output directory"),
        (["--namespaces", "main"], "not a list of namespace numbers"),
        (["-j", "-1"], "0 or more"),
        (["--max-page-bytes", "lots"], "not a size"),
    ],
)
def test_bad_options_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    page = write(tmp_path / "a.txt", text_page(1))
    assert main(["convert", str(page), *extra]) == 2
    assert message in capsys.readouterr().err


def test_refuses_to_write_into_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = write(tmp_path / "a.jsonl", json.dumps({"text": text_page(1)}) + "\n")
    before = page.read_bytes()
    assert main(["convert", str(page), "-o", str(page)]) == 2
    assert "refusing to write into an input" in capsys.readouterr().err
    assert page.read_bytes() == before


def test_output_inside_an_input_directory_is_not_read_back(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", text_page(1))
    out = tmp_path / "out.jsonl"
    assert main(["convert", str(tmp_path), "-o", str(out), "-q", "-j", "1"]) == 0
    assert [key(r)[0] for r in read_jsonl(out)] == [str(tmp_path / "a.txt")]


def test_per_page_directory_must_be_empty_without_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write(tmp_path / "a.txt", text_page(1))
    write(tmp_path / "pages" / "old.json", "{}")
    assert main(["convert", str(page), "-o", str(tmp_path / "pages"), "--per-page"]) == 2
    assert "not empty" in capsys.readouterr().err
