"""Building an index with worker processes, one segment set per worker.

Analysis and posting writing are pure Python, so one process builds about
250 records a second; a rebuild hands batches of records to worker processes
that analyse them and write finished segments into the new build's folder, and
the parent (which holds Whoosh's write lock) then commits all the segments in
one table of contents. Workers are started with the "spawn" method, as on
Windows; a frozen program must call ``multiprocessing.freeze_support()``.

Cancellation (the progress callback raising `Cancelled`) stops the workers;
the caller deletes the half-written build.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import shutil
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.index import TOC, LockError, clean_files
from whoosh.util.filelock import try_for

from precedents.record import PrecedentRecord

#: How long the parent waits for a worker before checking that it is alive.
_POLL = 1.0
#: Below this many records a rebuild runs in-process (starting workers costs seconds).
PARALLEL_MIN = 3000


def build_processes(total: int) -> int:
    """Worker processes for a rebuild of `total` records (1 means in-process)."""
    cores = os.cpu_count() or 1
    return min(cores, 4) if total >= PARALLEL_MIN and cores > 1 else 1


def batches(records: Iterable[PrecedentRecord], size: int) -> Iterable[list[PrecedentRecord]]:
    batch: list[PrecedentRecord] = []
    for record in records:
        batch.append(record)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _documents(jobs: Any, words: Sequence[str]) -> Iterator[dict[str, Any]]:
    from search_index.analysis import Segmenter
    from search_index.schema import document

    segmenter = Segmenter(words)
    while True:
        batch = jobs.get()
        if batch is None:
            return
        for record in batch:
            yield document(record, segmenter)


def _worker(
    path: str, indexname: str, words: Sequence[str], limit: int, jobs: Any, results: Any
) -> None:
    from search_index.bulk import build_segments

    try:
        ix = index.open_dir(path, indexname=indexname)
        segments = build_segments(ix, _documents(jobs, words), limit)
        results.put(("ok", segments))
    except BaseException:
        results.put(("error", traceback.format_exc()))


def parallel_build(
    path: Path,
    indexname: str,
    batches: Iterable[list[PrecedentRecord]],
    words: Sequence[str],
    procs: int,
    limit: int,
    on_batch: Callable[[list[PrecedentRecord]], None],
    timeout: float,
) -> None:
    """Index every batch into the (new, empty) index at `path` with `procs` workers."""
    ctx = multiprocessing.get_context("spawn")
    jobs = ctx.Queue(maxsize=procs * 2)
    results = ctx.Queue()
    workers = [
        ctx.Process(
            target=_worker,
            args=(str(path), indexname, list(words), limit, jobs, results),
            daemon=True,
            name=f"search-index-build-{i}",
        )
        for i in range(procs)
    ]
    ix = index.open_dir(str(path), indexname=indexname)
    lock = ix.lock("WRITELOCK")
    if not _acquire(lock, timeout):
        raise LockError(str(path))
    started: list[Any] = []
    try:
        for worker in workers:
            worker.start()
            started.append(worker)
        for batch in batches:
            _put(jobs, batch, workers, results)
            on_batch(batch)
        for _ in workers:
            _put(jobs, None, workers, results)
        segments = _collect(results, workers)
        toc = TOC.read(ix.storage, indexname)
        generation = toc.generation + 1
        TOC(toc.schema, [*toc.segments, *segments], generation).write(ix.storage, indexname)
        clean_files(ix.storage, indexname, generation, [*toc.segments, *segments])
    finally:
        for worker in started:
            if worker.is_alive():
                worker.terminate()
            worker.join()
        # The workers' shared temporary folder (see `search_index.bulk._finish`).
        shutil.rmtree(path / f"{indexname}.tmp", ignore_errors=True)
        lock.release()


def _acquire(lock: Any, timeout: float) -> bool:
    return bool(try_for(lock.acquire, timeout=timeout, delay=0.1))


def _put(jobs: Any, item: Any, workers: list[Any], results: Any) -> None:
    while True:
        try:
            jobs.put(item, timeout=_POLL)
            return
        except queue.Full:
            # A worker only stops after the end marker; one that stopped early failed.
            _raise_failure(results)
            stopped = [w for w in workers if w.exitcode is not None]
            if stopped:
                name, code = stopped[0].name, stopped[0].exitcode
                raise RuntimeError(
                    f"index build worker {name} stopped (exit code {code})"
                ) from None


def _raise_failure(results: Any) -> None:
    """Raise the first error a worker reported, if any."""
    while True:
        try:
            status, payload = results.get_nowait()
        except queue.Empty:
            return
        if status != "ok":
            raise RuntimeError(f"index build worker failed:\n{payload}")
        # A worker finished early: impossible before the end marker, so keep it.
        results.put((status, payload))
        return


def _collect(results: Any, workers: list[Any]) -> list[Any]:
    segments: list[Any] = []
    received = 0
    while received < len(workers):
        try:
            status, payload = results.get(timeout=_POLL)
        except queue.Empty:
            if all(w.exitcode is not None for w in workers):
                # Every worker has stopped; give their last messages a moment to arrive.
                try:
                    status, payload = results.get(timeout=_POLL * 5)
                except queue.Empty:
                    raise RuntimeError("index build workers stopped without a result") from None
            else:
                continue
        if status != "ok":
            raise RuntimeError(f"index build worker failed:\n{payload}")
        segments.extend(payload)
        received += 1
    return segments
