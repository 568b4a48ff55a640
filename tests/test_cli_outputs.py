"""The ``show`` and ``schema`` commands and ``parse --format markdown``, in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wikiparse.cli import ERR_NO_FILE, main
from wikiparse.schema import schema_text

from .conftest import FIXTURES

OASIS = FIXTURES / "text" / "oasis_copy.txt"


def test_parse_prints_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(OASIS), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out == (FIXTURES / "render" / "oasis_copy.expected.md").read_text(encoding="utf-8")


def test_show_prints_a_plain_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(OASIS)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Harbor Lights\nsite: fandom")
    assert "\x1b[" not in out  # captured output is not a terminal
    outline = out.split("Outline", 1)[1].split("\n\n", 1)[0].split("\n")[1:]
    # 28 + 37 + 26 characters of items ("- Helen Strand as Agnes Tull"…) and 2 newlines
    assert [row.split() for row in outline][2] == ["Cast", "1", "93"]
    assert "ad-blocker-notice" in out


def test_show_colours_a_terminal_unless_no_color(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["show", str(OASIS)]) == 0
    assert capsys.readouterr().out.startswith("\x1b[1mHarbor Lights")
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["show", str(OASIS)]) == 0
    assert "\x1b[" not in capsys.readouterr().out


def test_show_reports_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(tmp_path / "nope.txt")]) == 2
    assert capsys.readouterr().err.strip() == ERR_NO_FILE.format(path=tmp_path / "nope.txt")


def test_show_fails_on_unparseable_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["show", str(empty)]) == 1
    assert "empty" in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "record"), [([], "page"), (["page"], "page"), (["chunk"], "chunk")])
def test_schema_prints_the_shipped_schema(
    argv: list[str], record: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", *argv]) == 0
    out = capsys.readouterr().out
    assert out == schema_text(record)  # type: ignore[arg-type]
    assert json.loads(out)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_refuses_unknown_records(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "table"]) == 2
    assert "invalid choice" in capsys.readouterr().err
