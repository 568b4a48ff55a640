"""Input readers: files, directories, compressed files and archives, detected by content."""

from __future__ import annotations

import bz2
import io
import lzma
import os
import random
import string
import sys
import zipfile
from pathlib import Path

import pytest

from wikiparse import InputError, LimitExceeded, Limits, MissingExtraError
from wikiparse.sources import ReadOptions, expand, iter_units, read_file
from wikiparse.sources.sniff import sniff
from wikiparse.units import Skipped, Unit, Unreadable

from .batchdata import gz, tar_bytes, text_page, write, zip_bytes

PAGE = text_page(1).encode("utf-8")


def items(path: Path, options: ReadOptions | None = None) -> list[Unit | Skipped | Unreadable]:
    return list(read_file(str(path), options))


def only(found: list[Unit | Skipped | Unreadable]) -> Unit | Skipped | Unreadable:
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- detection by content


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (gz(b"x"), "gzip"),
        (bz2.compress(b"x"), "bzip2"),
        (lzma.compress(b"x"), "xz"),
        (b"(\xb5/\xfd\x00", "zstd"),
        (zip_bytes({"a.txt": b"x"}), "zip"),
        (tar_bytes({"a.txt": b"x"}, mode="w"), "tar"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- c -->\n<mediawiki xml:lang='en'>", "xml-dump"),
        ('<?xml version="1.0"?><mediawiki>'.encode("utf-16"), "xml-dump"),
        (b'\n  {\n    "name": "X"', "json"),
        (b"{}", "json"),
        (b"{{Infobox town | name = X }}\n'''X''' is a town.", "page"),
        (b"<!DOCTYPE html><html>", "page"),
        (b"\xff\xd8\xff\xe0 JFIF", "page"),  # a JPEG is a "page" the pipeline refuses, with a reason
        (b"", "page"),
    ],
)
def test_sniff(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


def test_names_do_not_decide(tmp_path: Path) -> None:
    # a gzip-compressed page named .html, and a zip named .txt
    unit = only(items(write(tmp_path / "page.html", gz(PAGE))))
    assert isinstance(unit, Unit)
    assert unit.data == PAGE
    found = items(write(tmp_path / "pages.txt", zip_bytes({"a/b.txt": PAGE})))
    assert [i.source.member for i in found] == ["a/b.txt"]


# ---------------------------------------------------------------- files and directories


def test_plain_file_is_one_unit_with_its_path(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", PAGE)
    unit = only(items(path))
    assert isinstance(unit, Unit)
    assert unit.data == PAGE
    assert unit.source.path == str(path)
    assert unit.source.member is None


def test_empty_file_is_a_unit_the_worker_rejects(tmp_path: Path) -> None:
    unit = only(items(write(tmp_path / "empty.html", b"")))
    assert isinstance(unit, Unit)
    assert unit.data == b""


def test_directory_walk_is_recursive_sorted_and_filtered(tmp_path: Path) -> None:
    for name in ("b.txt", "a.html", "sub/c.txt", "sub/deeper/d.html", "skip/e.txt", "notes.md"):
        write(tmp_path / name, PAGE)
    options = ReadOptions(include=["*.txt", "*.html"], exclude=["skip"])
    found = list(expand([tmp_path], options))
    rel = [os.path.relpath(f, tmp_path) for f in found if isinstance(f, str)]
    assert rel == ["a.html", "b.txt", "sub/c.txt", "sub/deeper/d.html"]


def test_exclude_matches_paths_below_the_directory(tmp_path: Path) -> None:
    for name in ("keep/a.txt", "drafts/b.txt"):
        write(tmp_path / name, PAGE)
    found = list(expand([tmp_path], ReadOptions(exclude=["drafts/*"])))
    assert [os.path.relpath(f, tmp_path) for f in found if isinstance(f, str)] == ["keep/a.txt"]


def test_symlinks_in_directories_are_not_followed(tmp_path: Path) -> None:
    secret = write(tmp_path / "outside" / "secret.txt", b"private")
    crawl = tmp_path / "crawl"
    write(crawl / "a.txt", PAGE)
    (crawl / "link.txt").symlink_to(secret)
    (crawl / "linkdir").symlink_to(secret.parent, target_is_directory=True)
    found = list(iter_units([crawl]))
    units = [f for f in found if isinstance(f, Unit)]
    skipped = [f for f in found if isinstance(f, Skipped)]
    assert [u.data for u in units] == [PAGE]
    assert sorted(Path(s.source.path or "").name for s in skipped) == ["link.txt", "linkdir"]
    assert all("not followed" in s.reason for s in skipped)


def test_stdin_lists_paths_and_duplicates_are_read_once(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", PAGE)
    b = write(tmp_path / "b.txt", PAGE)
    stdin = io.StringIO(f"{b}\n\n{a}\n")
    found = list(expand([a, "-"], ReadOptions(), stdin=stdin))
    assert found == [str(a), str(b)]


def test_missing_path_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    found = list(iter_units([tmp_path / "nope.txt"]))
    assert isinstance(found[0], Unreadable)
    assert "no such file" in str(found[0].error)


def test_ignored_paths_are_never_read(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", PAGE)
    out = write(tmp_path / "out.jsonl", b"")
    found = list(expand([tmp_path], ReadOptions(), ignore={os.path.realpath(out)}))
    assert found == [str(tmp_path / "a.txt")]


# ---------------------------------------------------------------- compressed files


@pytest.mark.parametrize(
    ("suffix", "compress"),
    [(".gz", gz), (".bz2", bz2.compress), (".xz", lzma.compress)],
)
def test_single_compressed_page(tmp_path: Path, suffix: str, compress: object) -> None:
    unit = only(items(write(tmp_path / f"page.txt{suffix}", compress(PAGE))))  # type: ignore[operator]
    assert isinstance(unit, Unit)
    assert unit.data == PAGE


def test_zstd_page(tmp_path: Path) -> None:
    zstandard = pytest.importorskip("zstandard")
    unit = only(items(write(tmp_path / "page.zst", zstandard.ZstdCompressor().compress(PAGE))))
    assert isinstance(unit, Unit)
    assert unit.data == PAGE


def test_zstd_without_the_extra_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "zstandard", None)  # import now raises ImportError
    found = only(items(write(tmp_path / "page.zst", b"(\xb5/\xfd" + b"\x00" * 20)))
    assert isinstance(found, Unreadable)
    assert isinstance(found.error, MissingExtraError)
    assert "pip install 'wikiparse[zstd]'" in str(found.error)


def test_truncated_gzip_page_is_unreadable(tmp_path: Path) -> None:
    data = gz(text_page(3, paragraphs=200).encode())
    found = only(items(write(tmp_path / "cut.txt.gz", data[: len(data) // 2])))
    assert isinstance(found, Unreadable)
    assert isinstance(found.error, InputError)
    assert "truncated or corrupt gzip stream" in str(found.error)


def test_gzip_bomb_stops_at_the_ratio_limit(tmp_path: Path) -> None:
    bomb = gz(b"\x00" * (64 * 1024 * 1024))  # 64 MiB of zeros in ~64 KiB
    found = only(items(write(tmp_path / "bomb.gz", bomb)))
    assert isinstance(found, Unreadable)
    assert isinstance(found.error, LimitExceeded)
    assert found.error.option == "max_unpack_ratio"


def test_decompressed_size_budget_is_per_input(tmp_path: Path) -> None:
    data = tar_bytes({f"p{i}.txt": PAGE for i in range(50)})
    options = ReadOptions(limits=Limits(max_unpacked_bytes=10 * len(PAGE)))
    found = items(write(tmp_path / "many.tar.gz", data), options)
    assert sum(isinstance(f, Unit) for f in found) < 50
    assert isinstance(found[-1], Unreadable)
    assert isinstance(found[-1].error, LimitExceeded)
    assert found[-1].error.option == "max_unpacked_bytes"


def test_page_over_the_size_limit_is_unreadable(tmp_path: Path) -> None:
    options = ReadOptions(limits=Limits(max_bytes=100))
    found = only(items(write(tmp_path / "big.txt", b"x" * 101), options))
    assert isinstance(found, Unreadable)
    assert isinstance(found.error, LimitExceeded)


# ---------------------------------------------------------------- archives


def test_tar_gz_members_in_order_with_provenance(tmp_path: Path) -> None:
    data = tar_bytes({"pages/b.txt": PAGE, "pages/a.txt": text_page(2).encode(), "page.txt.gz": gz(PAGE)})
    found = items(write(tmp_path / "pages.tgz", data))
    assert [f.source.member for f in found] == ["pages/b.txt", "pages/a.txt", "page.txt.gz"]
    assert all(isinstance(f, Unit) and f.source.path == str(tmp_path / "pages.tgz") for f in found)
    assert found[2].data == PAGE  # type: ignore[union-attr]  (a .gz member is decompressed)


@pytest.mark.parametrize("mode", ["w", "w:bz2", "w:xz"])
def test_tar_compressions(tmp_path: Path, mode: str) -> None:
    found = items(write(tmp_path / "pages.tar.x", tar_bytes({"a.txt": PAGE}, mode=mode)))
    assert [(type(f).__name__, f.source.member) for f in found] == [("Unit", "a.txt")]


def test_zip_members_and_nested_archive(tmp_path: Path) -> None:
    inner = zip_bytes({"inner.txt": PAGE})
    data = zip_bytes({"a.txt": PAGE, "dir/": b"", "nested.zip": inner})
    found = items(write(tmp_path / "pages.zip", data))
    assert [f.source.member for f in found] == ["a.txt", "nested.zip!/inner.txt"]
    assert all(isinstance(f, Unit) for f in found)


def test_ndjson_inside_tar_gz_streams_line_by_line(tmp_path: Path) -> None:
    from .batchdata import enterprise_record, ndjson

    data = tar_bytes({"dump/part_0.ndjson": ndjson([enterprise_record(1), enterprise_record(2)])})
    found = items(write(tmp_path / "enterprise.tar.gz", data))
    assert [(f.source.member, f.source.line) for f in found] == [
        ("dump/part_0.ndjson", 1),
        ("dump/part_0.ndjson", 2),
    ]


def test_escaping_member_names_are_reported_not_read(tmp_path: Path) -> None:
    members = dict.fromkeys(("ok.txt", "../../x.txt", "/etc/passwd"), PAGE)
    data = tar_bytes(members, mode="w", symlinks={"link.txt": "/etc/passwd"})
    found = items(write(tmp_path / "evil.tar", data))
    kinds = [(type(f).__name__, f.source.member) for f in found]
    assert kinds == [
        ("Unit", "ok.txt"),
        ("Unreadable", "../../x.txt"),
        ("Unreadable", "/etc/passwd"),
        ("Skipped", "link.txt"),
    ]
    assert "'..' component" in str(found[1].error)  # type: ignore[union-attr]
    assert "absolute path" in str(found[2].error)  # type: ignore[union-attr]


def test_zip_symlink_and_escaping_names(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../escape.txt", PAGE)
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
        archive.writestr("fine.txt", PAGE)
    found = items(write(tmp_path / "evil.zip", buffer.getvalue()))
    assert [type(f).__name__ for f in found] == ["Unreadable", "Skipped", "Unit"]


def test_zip_bomb_member_is_refused_before_decompression(tmp_path: Path) -> None:
    data = zip_bytes({"bomb.txt": b"\x00" * (32 * 1024 * 1024), "ok.txt": PAGE})
    found = items(write(tmp_path / "bomb.zip", data))
    assert isinstance(found[0], Unreadable)
    assert isinstance(found[0].error, LimitExceeded)
    assert isinstance(found[1], Unit)


def test_truncated_tar_gz_keeps_the_members_before_the_damage(tmp_path: Path) -> None:
    rng = random.Random(4)  # text that does not compress away, so the cut falls between members
    members = {
        f"p{i}.txt": "".join(rng.choices(string.ascii_letters + " \n", k=30_000)).encode() for i in range(6)
    }
    data = tar_bytes(members)
    found = items(write(tmp_path / "cut.tar.gz", data[: int(len(data) * 0.6)]))
    units = [f for f in found if isinstance(f, Unit)]
    errors = [f for f in found if isinstance(f, Unreadable)]
    assert 1 <= len(units) < 6
    assert all(u.data == members[u.source.member or ""] for u in units)
    assert len(errors) == 1  # one error line for the damage, not one per later member
    assert "tar archive damaged after member" in str(errors[0].error)


def test_corrupt_zip_is_one_error(tmp_path: Path) -> None:
    data = zip_bytes({"a.txt": PAGE})
    found = only(items(write(tmp_path / "bad.zip", data[:30] + b"garbage" * 10)))
    assert isinstance(found, Unreadable)
    assert "zip" in str(found.error)


def test_nesting_limit(tmp_path: Path) -> None:
    data = PAGE
    for _ in range(6):
        data = gz(data)
    found = only(items(write(tmp_path / "deep.gz", data)))
    assert isinstance(found, Unreadable)
    assert "nested more than" in str(found.error)


def test_a_reader_bug_costs_the_rest_of_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wikiparse.sources import archives

    def broken(*args: object) -> object:
        yield from ()
        raise KeyError("bug")

    monkeypatch.setattr(archives, "read_tar", broken)
    found = list(
        iter_units(
            [write(tmp_path / "a.tar", tar_bytes({"x.txt": PAGE}, mode="w")), write(tmp_path / "b.txt", PAGE)]
        )
    )
    assert [type(f).__name__ for f in found] == ["Unreadable", "Unit"]
    assert "reading stopped (KeyError)" in str(found[0].error)  # type: ignore[union-attr]


def test_tar_zst(tmp_path: Path) -> None:
    zstandard = pytest.importorskip("zstandard")
    data = zstandard.ZstdCompressor().compress(tar_bytes({"a.txt": PAGE, "b.txt": PAGE}, mode="w"))
    found = items(write(tmp_path / "pages.tar.zst", data))
    assert [(type(f).__name__, f.source.member) for f in found] == [("Unit", "a.txt"), ("Unit", "b.txt")]
