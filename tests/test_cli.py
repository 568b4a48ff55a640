"""The command line, in process (main(argv) -> int) and once as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wikiparse import __version__
from wikiparse.cli import ERR_NO_FILE, ERR_NOT_FILE, main

from .conftest import FIXTURES

OASIS = FIXTURES / "text" / "oasis_copy.txt"


def test_parse_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(OASIS)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["schema"] == "wikiparse/1"
    assert record["title"] == "Harbor Lights"
    assert [s["title"] for s in record["sections"]] == ["Premise", "Cast", "Reception"]


def test_parse_prints_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(OASIS), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Harbor Lights\n")
    assert "- Helen Strand as Agnes Tull" in out
    assert "Ad blocker" not in out


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.html"
    assert main(["parse", str(missing)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == ERR_NO_FILE.format(path=missing)
    assert "\n" not in err


def test_directory_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == ERR_NOT_FILE.format(path=tmp_path)


def test_unparseable_file_fails_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["parse", str(empty)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "empty" in err


def test_bad_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(OASIS), "--format", "yaml"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: wikiparse" in capsys.readouterr().err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"wikiparse {__version__}"
    assert main(["--help"]) == 0
    assert "parse" in capsys.readouterr().out


def test_subprocess_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "wikiparse", "parse", str(OASIS)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["title"] == "Harbor Lights"
