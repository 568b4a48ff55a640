"""The Dask path: a local cluster with two worker processes gives the records of a local run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import wikiparse
from wikiparse import BatchOptions, Failed

from .batchdata import enterprise_record, ndjson, tar_bytes, text_page, write

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def test_dask_run_equals_the_local_run(tmp_path: Path, client: object) -> None:
    for n in range(150):
        write(tmp_path / f"p{n:03d}.txt", text_page(n))
    write(tmp_path / "archive.tar.gz", tar_bytes({f"m{n}.txt": text_page(n).encode() for n in range(5)}))
    write(tmp_path / "dump.ndjson", ndjson([enterprise_record(1), enterprise_record(2, namespace=4)]))
    write(tmp_path / "empty.txt", b"")
    options = BatchOptions.build(jobs=0)
    local = wikiparse.convert([tmp_path], options)
    expected = [r.line for r in local]
    remote = wikiparse.convert([tmp_path], options, dask_client=client)
    got = [r.line for r in remote]
    assert len(client.scheduler_info()["workers"]) == 2  # type: ignore[attr-defined]
    assert got == expected  # same records and error lines, in input order
    assert sum(isinstance(r, Failed) for r in wikiparse.convert([tmp_path / "empty.txt"], options)) == 1
    assert (remote.report.inputs, remote.report.records, remote.report.skipped) == (
        local.report.inputs,
        local.report.records,
        1,
    )


def test_cli_runs_on_a_scheduler_address(tmp_path: Path, client: object) -> None:
    from wikiparse.cli import main

    for n in range(5):
        write(tmp_path / "in" / f"p{n}.txt", text_page(n))
    address = client.scheduler.address  # type: ignore[attr-defined]
    out = tmp_path / "out.jsonl"
    assert main(["convert", str(tmp_path / "in"), "-o", str(out), "-q", "--dask", address]) == 0
    assert len(out.read_text().splitlines()) == 5


def test_missing_dask_extra_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from wikiparse.cli import main

    page = write(tmp_path / "a.txt", text_page(1))
    monkeypatch.setitem(sys.modules, "distributed", None)
    assert main(["convert", str(page), "--dask", "tcp://127.0.0.1:1"]) == 2
    assert "pip install 'wikiparse[dask]'" in capsys.readouterr().err
