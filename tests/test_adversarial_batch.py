"""Every hostile input of the suite in one ``wikiparse convert`` run, in a child process.

The promise checked here is the batch one (issue 6): no input makes the run exit with a
traceback, every input ends as exactly one record or one error line (so no input loses another's
record), and nothing is written outside the output folder — also when titles are path-traversal
strings and archives hold escaping members.  What each page becomes in detail is checked by
tests/test_adversarial.py; the archive and dump limits one by one in tests/test_sources*.py.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from . import hostile
from .batchdata import gz, html_page, tar_bytes, text_page, write, zip_bytes

SECRET = "wikiparse-secret-value"


def _dump(text: str, doctype: str = "") -> bytes:
    """A MediaWiki export of one article, with a DOCTYPE declaring entities before it."""
    return (
        f'<?xml version="1.0"?>{doctype}'
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">'
        "<siteinfo><sitename>Hillwiki</sitename><namespaces>"
        '<namespace key="0" case="first-letter" /></namespaces></siteinfo>'
        "<page><title>Kettle Hill</title><ns>0</ns><id>1</id><revision><id>2</id>"
        f"<text>{text}</text></revision></page></mediawiki>"
    ).encode()


def _escaping_tar() -> bytes:
    members = {"../../escaped.html": html_page(1).encode(), "ok.html": html_page(2).encode()}
    return tar_bytes(members, mode="w", symlinks={"link.html": "/etc/passwd"})


def _traversal_titles() -> bytes:
    titles = ["../../outside", "/etc/cron.d/x", "..", "a/../../b", "C:\\x", "\x00nul", "CON", "x" * 5000]
    lines = [json.dumps({"title": t, "text": text_page(n)}) for n, t in enumerate(titles)]
    return ("\n".join(lines) + "\n").encode()


ZEROS = b"\x00" * (32 * 1024 * 1024)
XXE = '<!DOCTYPE mediawiki [<!ENTITY xxe SYSTEM "file://{secret}">]>'  # {secret}: filled in per run

# (file name, bytes, records, errors, skipped) for the containers: one input may hold many pages.
ARCHIVES = [
    ("bomb.html.gz", lambda: gz(b"\x00" * (64 * 1024 * 1024)), 0, 1, 0),
    (
        "bomb.zip",
        lambda: zip_bytes({"bomb.txt": b"\x00" * (32 * 1024 * 1024), "ok.txt": text_page(3).encode()}),
        1,
        1,
        0,
    ),
    ("escape.tar", _escaping_tar, 1, 1, 1),
    ("cut.tar.gz", lambda: tar_bytes({"a.txt": text_page(4).encode()})[:60], 0, 1, 0),
    (
        "laughs.xml",
        lambda: _dump(
            "before &amp;lol9; after &lol9;",
            '<!DOCTYPE mediawiki [<!ENTITY lol0 "lol">'
            + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
            + "]>",
        ),
        0,
        1,
        0,
    ),
    (
        "xxe.xml",
        lambda: _dump("a &xxe; b", '<!DOCTYPE mediawiki [<!ENTITY xxe SYSTEM "file://{secret}">]>'),
        0,
        1,
        0,
    ),
    ("titles.jsonl", _traversal_titles, 8, 0, 0),
]


def _files(root: Path) -> set[Path]:
    return {Path(d, f) for d, _, names in os.walk(root) for f in names}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Counter[str]]:
    """A crawl folder of every hostile class and archive; the counts ``convert`` must report."""
    root = tmp_path_factory.mktemp("hostile")
    inputs = root / "in"
    secret = root / "secret.txt"
    secret.write_text(SECRET)
    expect: Counter[str] = Counter()
    for case in hostile.CATALOGUE:
        write(inputs / "pages" / f"{case.name}-{case.filename}", case.build())
        expect["records" if case.expect == "record" else "errors"] += 1
    for name, build, records, errors, skipped in ARCHIVES:
        data = build()
        if name == "xxe.xml":
            data = data.replace(b"{secret}", str(secret).encode())
        write(inputs / "archives" / name, data)
        expect.update({"records": records, "errors": errors, "skipped": skipped})
    return root, expect


def convert(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wikiparse", "convert", str(root / "in"), "-j", "2", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=root,
        timeout=900,
    )


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def summary(stderr: str) -> Counter[str]:
    line = next(ln for ln in stderr.splitlines() if " inputs from " in ln).replace(",", "")
    found = re.findall(r"(\d+) (records|errors|skipped)\b", line)
    return Counter({key: int(number) for number, key in found})


def test_the_whole_crawl_converts_with_every_input_accounted_for(crawl: tuple[Path, Counter[str]]) -> None:
    root, expect = crawl
    before = _files(root)
    out = root / "out-jsonl"
    done = convert(root, "-o", str(out / "pages.jsonl"))
    assert done.returncode == 1, done.stderr  # some inputs failed, none crashed the run
    assert "Traceback" not in done.stderr
    assert summary(done.stderr) == expect
    records = [json.loads(line) for line in (out / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    errors = [
        json.loads(line) for line in (out / "pages.errors.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(records) == expect["records"]
    assert len(errors) == expect["errors"]
    # Each page's error names its own type: the typed errors of the catalogue arrive as such.
    by_file = {
        Path(e["source"]["path"]).name: e["error"]["type"] for e in errors if not e["source"]["member"]
    }
    for case in hostile.CATALOGUE:
        if case.expect != "record":
            assert by_file[f"{case.name}-{case.filename}"] == case.expect, case.name
    # Dumps that declare entities are refused before parsing: nothing expanded, nothing fetched.
    refused = [e for e in errors if e["source"]["path"].endswith(("laughs.xml", "xxe.xml"))]
    assert [e["error"]["type"] for e in refused] == ["InputError", "InputError"]
    assert all("declares entities" in e["error"]["message"] for e in refused)
    assert SECRET not in (out / "pages.jsonl").read_text(encoding="utf-8")
    assert _files(root) - before == {out / "pages.jsonl", out / "pages.errors.jsonl"}


def test_per_page_files_stay_in_the_output_folder(crawl: tuple[Path, Counter[str]]) -> None:
    root, expect = crawl
    before = _files(root)
    out = root / "out-pages"
    done = convert(root, "-o", str(out), "--per-page")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert summary(done.stderr) == expect
    written = _files(root) - before
    assert all(out.resolve() in path.resolve().parents or path.parent == root for path in written)
    pages = [p for p in written if p.parent == out and p.suffix == ".json"]
    assert len(pages) == expect["records"]
    assert not (root / "escaped.html").exists()
    assert not (root.parent / "outside.json").exists()
