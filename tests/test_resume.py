"""Resume: a run killed with SIGKILL midway, rerun with --resume, equals an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import attrs
import pytest

from wikiparse import BatchOptions
from wikiparse.batch import Target, convert_into
from wikiparse.cli import main

from .batchdata import text_page, write

PAGES = 240


def make_inputs(root: Path) -> Path:
    for n in range(PAGES):
        write(root / f"p{n:03d}.txt", text_page(n, paragraphs=6))
    write(root / "p100_empty.txt", b"")  # an error line in the middle
    return root


def count_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_sigkill_midway_then_resume_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in")
    reference = tmp_path / "reference.jsonl"
    convert_into([str(inputs)], Target(output=str(reference)), BatchOptions.build(jobs=0))

    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "wikiparse", "convert", str(inputs), "-o", str(out), "-j", "2", "-q"]
    run = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while count_lines(out) < 40 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.killpg(run.pid, signal.SIGKILL)  # the whole run: parent, workers, fork server
    run.wait()
    assert run.returncode == -signal.SIGKILL, run.stderr.read() if run.stderr else ""
    run.stderr.close()  # type: ignore[union-attr]
    written = count_lines(out)
    assert 40 <= written < PAGES  # really killed midway

    with out.open("ab") as torn:  # as if the kill had cut a write short: a line without its newline
        torn.write(b'{"schema": "wikiparse/1", "title": "Torn')

    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, check=False)
    assert resumed.returncode == 1, resumed.stderr  # the empty page's error line, as in the reference
    assert out.read_bytes() == reference.read_bytes()  # same records, same order, no duplicates
    errors = (tmp_path / "out.errors.jsonl").read_text()
    assert errors == (tmp_path / "reference.errors.jsonl").read_text()
    assert len(errors.splitlines()) == 1


def test_resume_of_per_page_files(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    for n in range(8):
        write(inputs / f"p{n}.txt", text_page(n))
    pages = tmp_path / "pages"
    args = ["convert", str(inputs), "-o", str(pages), "--per-page", "-q", "-j", "1"]
    assert main(args) == 0
    complete = sorted(os.listdir(pages))
    originals = {name: (pages / name).read_bytes() for name in complete}
    for name in complete[2:5]:  # an interrupted run: three pages missing, one half-written temp file
        (pages / name).unlink()
    write(pages / ".wikiparse-x.tmp", b'{"schema": "wiki')
    assert main([*args, "--resume"]) == 0
    assert sorted(os.listdir(pages)) == complete
    assert {name: (pages / name).read_bytes() for name in complete} == originals


def test_resume_refuses_output_it_did_not_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = write(tmp_path / "a.txt", text_page(1))
    out = write(tmp_path / "out.jsonl", json.dumps({"hello": "world"}) + "\n")
    assert main(["convert", str(page), "-o", str(out), "--resume", "-q"]) == 2
    assert "no wikiparse 'source'" in capsys.readouterr().err
    assert out.read_text() == '{"hello": "world"}\n'


def test_resume_of_a_finished_run_converts_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write(tmp_path / "a.txt", text_page(1))
    out = tmp_path / "out.jsonl"
    assert main(["convert", str(page), "-o", str(out), "-j", "1"]) == 0
    before = out.read_bytes()
    capsys.readouterr()
    assert main(["convert", str(page), "-o", str(out), "-j", "1", "--resume"]) == 0
    assert out.read_bytes() == before
    err = capsys.readouterr().err
    assert "0 inputs from 1 files" in err
    assert "resumed: 1 records and 0 error lines" in err


def test_resume_reads_the_source_even_when_text_mentions_it(tmp_path: Path) -> None:
    from wikiparse.batch.resume import scan_lines
    from wikiparse.batch.run import source_key
    from wikiparse.outputs import json_line
    from wikiparse.records import SourceInfo

    tricky = 'He wrote "source": {"path": "elsewhere"} in the title'
    source = SourceInfo(path="in/a.txt", member="m", line=3)
    record = {"schema": "wikiparse/1", "title": tricky, "url": None, "source": attrs.asdict(source)}
    out = write(tmp_path / "out.jsonl", json_line(record) + "\n")
    assert scan_lines(str(out)) == [source_key(source)]
