"""The run: one result per input page, in order, across worker processes that may die or hang."""

from __future__ import annotations

import hashlib
import importlib
import json
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest

import wikiparse
from wikiparse import BatchOptions, Converted, Failed, Limits, ParseOptions
from wikiparse.batch.pool import Pool
from wikiparse.batch.run import Conversion
from wikiparse.batch.worker import convert_unit, page_timer
from wikiparse.records import SourceInfo
from wikiparse.units import Unit

from .batchdata import text_page, write

TESTS = Path(__file__).resolve().parent


def make_pages(root: Path, count: int) -> list[Path]:
    return [write(root / f"p{n:03d}.txt", text_page(n)) for n in range(count)]


def unit(data: bytes | str, n: int = 0) -> Unit:
    return Unit(source=SourceInfo(path=f"mem/{n}"), data=data)


def lines(results: list[Converted | Failed]) -> list[str]:
    return [r.line for r in results]


@pytest.fixture
def misbehave(monkeypatch: pytest.MonkeyPatch) -> Callable[..., object]:
    monkeypatch.syspath_prepend(str(TESTS))
    module = importlib.import_module("batch_workers")
    return module.misbehave  # type: ignore[no-any-return]


# ---------------------------------------------------------------- convert_unit


def test_convert_unit_adds_the_hash_and_keeps_provenance() -> None:
    data = text_page(4).encode()
    result = convert_unit(unit(data), ParseOptions())
    assert isinstance(result, Converted)
    record = result.record()
    assert record["source"]["path"] == "mem/0"
    assert record["source"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert result.page().title == "Saltmarsh Ridge 4" == result.title


def test_convert_unit_turns_every_failure_into_an_error() -> None:
    empty = convert_unit(unit(b""), ParseOptions())
    assert isinstance(empty, Failed)
    assert (empty.type, "empty" in empty.message) == ("InputError", True)
    line = json.loads(empty.line)
    assert list(line) == ["source", "error"]
    assert line["error"] == {"type": "InputError", "message": empty.message}
    big = convert_unit(unit("é" * 60), ParseOptions(limits=Limits(max_bytes=100)))  # 120 bytes as UTF-8
    assert isinstance(big, Failed)
    assert big.type == "LimitExceeded"


def test_convert_unit_passes_container_title_and_categories() -> None:
    stated = attrs.evolve(unit(text_page(1)), title="Stated Title", categories=("Towns", "Coasts"))
    result = convert_unit(stated, ParseOptions())
    assert isinstance(result, Converted)
    page = result.page()
    assert (page.title, page.categories) == ("Stated Title", ("Towns", "Coasts"))


def test_page_timer_interrupts_and_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    import wikiparse.batch.worker as worker

    monkeypatch.setattr(worker, "parse_unit", lambda *a, **k: time.sleep(30))
    result = convert_unit(unit(b"x"), ParseOptions(limits=Limits(page_timeout=0.2)))
    assert isinstance(result, Failed)
    assert result.type == "LimitExceeded"
    assert "page_timeout" in result.message


def test_page_timer_is_disarmed_after_the_page() -> None:
    with page_timer(0.05):
        pass
    time.sleep(0.1)  # an armed timer would raise here


# ---------------------------------------------------------------- the run


def test_in_process_run_accounts_for_every_input(tmp_path: Path) -> None:
    pages = make_pages(tmp_path, 5)
    write(tmp_path / "z_empty.txt", b"")
    write(tmp_path / "z_image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    run = wikiparse.convert([tmp_path], BatchOptions.build(jobs=0))
    results = list(run)
    report = run.report
    assert (report.files, report.inputs, report.records, report.errors) == (7, 7, 5, 2)
    assert report.inputs == report.records + report.errors
    assert report.bytes == sum(p.stat().st_size for p in tmp_path.iterdir())
    assert [r.source.path for r in results] == [str(p) for p in sorted(tmp_path.iterdir())]
    for page, result in zip(pages, results, strict=False):
        assert isinstance(result, Converted)
        assert result.source.sha256 == hashlib.sha256(page.read_bytes()).hexdigest()


def test_worker_processes_give_the_same_lines_in_input_order(tmp_path: Path) -> None:
    make_pages(tmp_path, 40)
    write(tmp_path / "p010_empty.txt", b"")  # an error in the middle keeps its place
    local = lines(list(wikiparse.convert([tmp_path], BatchOptions.build(jobs=0))))
    pooled = lines(list(wikiparse.convert([tmp_path], BatchOptions.build(jobs=2))))
    assert pooled == local
    unordered = lines(list(wikiparse.convert([tmp_path], BatchOptions.build(jobs=2, ordered=False))))
    assert sorted(unordered) == sorted(local)


@pytest.mark.parametrize("start", ["fork", "forkserver"])
def test_a_worker_that_dies_costs_one_page(
    misbehave: Callable[..., object], monkeypatch: pytest.MonkeyPatch, start: str
) -> None:
    from batch_workers import CRASH  # type: ignore[import-not-found]

    import wikiparse.batch.pool as pool_module

    context = multiprocessing.get_context(start)
    monkeypatch.setattr(pool_module, "_context", lambda: context)  # fork: no threads; else forkserver

    units = [unit(text_page(n).encode(), n) for n in range(12)]
    units[3] = unit(CRASH, 3)
    units[8] = unit(CRASH, 8)
    pool = Pool(2, ParseOptions(), convert=misbehave)  # type: ignore[arg-type]
    results = dict(pool.map(iter(enumerate(units))))
    assert sorted(results) == list(range(12))  # one result per unit, none lost, none twice
    died = {seq for seq, r in results.items() if isinstance(r, Failed)}
    assert died == {3, 8}
    assert results[3].type == "WorkerDied"  # type: ignore[union-attr]
    assert "signal" in results[3].message or "exit code 3" in results[3].message  # type: ignore[union-attr]
    assert results[3].source.sha256 == hashlib.sha256(CRASH).hexdigest()


@pytest.mark.skipif(sys.platform != "linux", reason="fork is chosen on Linux only")
def test_a_replacement_is_not_forked_from_a_parent_with_threads(misbehave: Callable[..., object]) -> None:
    import threading

    from batch_workers import CRASH

    units = [unit(text_page(n).encode(), n) for n in range(6)]
    units[2] = unit(CRASH, 2)
    pool = Pool(1, ParseOptions(), convert=misbehave)  # type: ignore[arg-type]
    assert pool._ctx.get_start_method() == "fork"  # the test process has one thread
    stop = threading.Event()
    reader = threading.Thread(target=stop.wait)

    def source() -> Iterator[tuple[int, Unit]]:
        reader.start()  # as in a conversion: the first worker is forked, then a reading thread starts
        yield from enumerate(units)

    try:
        results = dict(pool.map(source()))
    finally:
        stop.set()
        reader.join()
    assert sorted(results) == list(range(6))
    assert isinstance(results[2], Failed)
    assert results[2].type == "WorkerDied"
    assert all(isinstance(results[n], Converted) for n in (0, 1, 3, 4, 5))
    assert pool._ctx.get_start_method() == "forkserver"  # the replacement came from a fork server


def test_a_hung_worker_is_stopped_and_replaced(misbehave: Callable[..., object]) -> None:
    from batch_workers import HANG

    units = [unit(text_page(n).encode(), n) for n in range(6)]
    units[1] = unit(HANG, 1)
    options = ParseOptions(limits=Limits(page_timeout=0.5))
    results = dict(Pool(2, options, convert=misbehave).map(iter(enumerate(units))))  # type: ignore[arg-type]
    assert sorted(results) == list(range(6))
    hung = results[1]
    assert isinstance(hung, Failed)
    assert hung.type == "LimitExceeded"
    assert "worker was stopped" in hung.message
    assert all(isinstance(results[n], Converted) for n in (0, 2, 3, 4, 5))


def test_a_slow_page_is_interrupted_inside_its_worker(misbehave: Callable[..., object]) -> None:
    from batch_workers import STALL

    units = [unit(STALL, 0), unit(text_page(1).encode(), 1)]
    options = ParseOptions(limits=Limits(page_timeout=1.0))
    results = dict(Pool(1, options, convert=misbehave).map(iter(enumerate(units))))  # type: ignore[arg-type]
    stalled = results[0]
    assert isinstance(stalled, Failed)
    assert stalled.type == "LimitExceeded"
    assert "worker was stopped" not in stalled.message  # the timer fired; the worker lived on
    assert isinstance(results[1], Converted)


def test_ordered_run_bounds_how_far_it_reads_ahead(misbehave: Callable[..., object]) -> None:
    from batch_workers import STALL

    units = [unit(STALL, 0)] + [unit(text_page(n).encode(), n) for n in range(1, 30)]
    options = ParseOptions(limits=Limits(page_timeout=1.0))
    pool = Pool(2, options, max_ahead=8, convert=misbehave)  # type: ignore[arg-type]
    taken: list[int] = []

    def source() -> object:
        for seq, u in enumerate(units):
            taken.append(seq)
            yield seq, u

    finished_before_first: list[int] = []
    for seq, _ in pool.map(source()):  # type: ignore[arg-type]
        if seq == 0:
            break
        finished_before_first.append(seq)
    # while page 0 stalls, no page more than 8 places past it is even read
    assert max(finished_before_first) <= 8
    assert max(taken) <= 9


def test_progress_moves_inside_one_large_file(tmp_path: Path) -> None:
    """A single dump is most of a run: progress must not wait for its end."""
    from .batchdata import enterprise_record, ndjson

    write(tmp_path / "dump.ndjson", ndjson([enterprise_record(n) for n in range(300)]))
    run = Conversion([tmp_path], BatchOptions.build(jobs=0))
    fractions = []
    for _ in run:
        fractions.append(run.fraction_done)
    assert len(fractions) == 300
    halfway = fractions[150]
    assert halfway is not None
    assert 0.2 < halfway < 0.8
    assert fractions[-1] == 1.0


def test_report_counts_skipped_and_resumed(tmp_path: Path) -> None:
    from .batchdata import enterprise_record, ndjson

    write(tmp_path / "dump.ndjson", ndjson([enterprise_record(1), enterprise_record(2, namespace=4)]))
    pages = make_pages(tmp_path, 2)
    done = {wikiparse.batch.source_key(SourceInfo(path=str(pages[0])))}
    run = Conversion([tmp_path], BatchOptions.build(jobs=0), done=done)
    results = list(run)
    assert [r.source.path for r in results] == [str(tmp_path / "dump.ndjson"), str(pages[1])]
    assert (run.report.skipped, run.report.inputs) == (1, 2)


def test_stopping_early_stops_the_workers() -> None:
    units = [unit(text_page(n).encode(), n) for n in range(40)]
    pool = Pool(2, ParseOptions())
    results = pool.map(iter(enumerate(units)))
    next(results)
    processes = [w.process for w in pool._workers]
    assert len(processes) == 2
    results.close()  # the consumer stopped: no waiting for work in flight
    assert not any(p.is_alive() for p in processes)


@pytest.mark.skipif(sys.platform != "linux", reason="fork is chosen on Linux only")
def test_start_method_avoids_fork_when_the_parent_has_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from wikiparse.batch.pool import _context

    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert _context().get_start_method() == "fork"
    monkeypatch.setattr(threading, "active_count", lambda: 3)
    assert _context().get_start_method() == "forkserver"


def test_a_shared_context_crosses_to_each_worker_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(TESTS))
    helpers = importlib.import_module("batch_workers")
    one = {"name": "dump one", "templates": "x" * 100_000}
    two = {"name": "dump two", "templates": "y" * 100_000}
    units = [attrs.evolve(unit(b"page", n), context=one if n < 20 else two) for n in range(40)]
    units[7] = attrs.evolve(unit(helpers.CRASH, 7), context=one)  # a new worker needs it again
    pool = Pool(2, ParseOptions(), convert=helpers.context_name)
    sent: list[int] = []
    wire = Pool._wire

    def counting(chunk: list[tuple[int, Unit]], worker: object) -> list[tuple[int, Unit]]:
        out = wire(chunk, worker)  # type: ignore[arg-type]
        sent.extend(seq for seq, u in out if isinstance(u.context, dict))
        return out

    monkeypatch.setattr(Pool, "_wire", staticmethod(counting))
    results = dict(pool.map(iter(enumerate(units))))
    assert sorted(results) == list(range(40))
    for seq, result in results.items():
        if seq != 7:
            assert isinstance(result, Converted)
            assert json.loads(result.line) == ("dump one" if seq < 20 else "dump two")
    assert len(sent) <= 8  # once per worker and context (and per replacement), not per chunk
