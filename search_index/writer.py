"""The single writer thread, and the hook other index components ride on.

Whoosh allows one writer at a time, and its buffered and asynchronous writers
lose documents or raise lock errors under load, so every change to the index
(catch-up with the change feed, repairs, rebuilds) runs as a job on one thread
owned by the search service. Callers get a `Future` and may wait for it.

`IndexComponent` is the hook for other per-record data that must follow the
same records (the similarity engine's vectors, for example). The writer calls
its methods on the writer thread, after the index has committed the same
change:

* ``reset()``: forget everything; a full rebuild follows;
* ``upsert(records)``: these records were added or changed (called in batches);
* ``delete(codes)``: these records were deleted;
* ``flush()``: the end of one batch of changes; make them durable and visible.

A component that raises is logged and refilled from scratch (``reset``, every
record through ``upsert``, ``flush``) by a follow-up job.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Any, Protocol, TypeVar, runtime_checkable

from precedents.record import PrecedentRecord

log = logging.getLogger(__name__)
T = TypeVar("T")


@runtime_checkable
class IndexComponent(Protocol):
    """Per-record data kept in step with the search index by its writer."""

    # Return values are ignored (a component may report counts).

    def reset(self) -> object: ...

    def upsert(self, records: Sequence[PrecedentRecord]) -> object: ...

    def delete(self, codes: Sequence[str]) -> object: ...

    def flush(self) -> object: ...


class WriterThread:
    """Runs submitted jobs one at a time, in order, on one daemon thread."""

    def __init__(self, name: str = "search-index-writer") -> None:
        self._queue: queue.Queue[tuple[Callable[[], Any], Future[Any]] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._started = False
        self._stopped = False
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            self._start_locked()

    def is_current(self) -> bool:
        return threading.current_thread() is self._thread

    def submit(self, job: Callable[[], T]) -> Future[T]:
        """Queue `job`; a job submitted from the writer thread itself runs at once."""
        if self.is_current():
            future: Future[T] = Future()
            _run_job(job, future)
            return future
        return self.post(job)

    def post(self, job: Callable[[], T]) -> Future[T]:
        """Queue `job` behind the others, even from the writer thread (follow-up work)."""
        future: Future[T] = Future()
        with self._lock:
            if self._stopped:
                future.set_exception(RuntimeError("writer stopped"))
                return future
            self._start_locked()
            self._queue.put((job, future))
        return future

    def _start_locked(self) -> None:
        if not self._started:
            self._started = True
            self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        """Finish the queued jobs, then stop the thread."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
            started = self._started
            if started:
                self._queue.put(None)
        if started and not self.is_current():
            self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            job, future = item
            _run_job(job, future)


def _run_job(job: Callable[[], T], future: Future[T]) -> None:
    if not future.set_running_or_notify_cancel():
        return
    try:
        future.set_result(job())
    except BaseException as exc:
        future.set_exception(exc)
