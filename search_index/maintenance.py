"""The writer's jobs: open, rebuild, verify against the database, catch up.

Everything here runs on the writer thread (see `search_index.writer`); searches
only read `Maintainer.acquire`'s snapshot. The index follows its record source:

* **open**: use the current build if it opens and was built with the same
  fingerprint (schema, dictionary, synonyms, vocabulary), catch up with the
  change feed and verify; otherwise rebuild, while an old build that still
  opens keeps answering searches (marked stale);
* **verify**: compare every record's version and attachments fingerprint with
  the index's and re-index what differs (and remove what the database no
  longer has);
* **sync**: apply the change feed after the last sequence number applied;
* **rebuild**: write a new build from every record, with progress and
  cancellation, then switch to it.

Changes go into the live build through `search_index.live_writes`.
"""

from __future__ import annotations

import gc
import logging
import shutil
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from whoosh import index

from precedents.errors import Cancelled
from precedents.record import PrecedentRecord
from search_index.analysis import Segmenter
from search_index.bulk import DOCS_PER_SEGMENT, bulk_build
from search_index.folder import LOCK_TIMEOUT, FolderState, IndexFolder, LiveIndex
from search_index.live_writes import merge_small_segments, small_segments, write_changes
from search_index.parallel import batches, build_processes, parallel_build
from search_index.results import CatchUp, EngineState, OpenReport, Progress, SearchUnavailable
from search_index.schema import build_schema, document
from search_index.segments import INDEX_NAME, Snapshot
from search_index.source import RecordSource
from search_index.writer import IndexComponent

log = logging.getLogger(__name__)

BATCH = 500


class Maintainer:
    """Owns the live build and applies every change to it (writer thread only)."""

    def __init__(
        self,
        folder: IndexFolder,
        source: RecordSource,
        segmenter: Segmenter,
        fingerprint: str,
        components: Iterable[IndexComponent] = (),
        segmenter_words: Sequence[str] = (),
    ) -> None:
        self.folder = folder
        self.source = source
        self.segmenter = segmenter
        #: The extra words `segmenter` was built with (worker processes rebuild it).
        self.segmenter_words = list(segmenter_words)
        self.fingerprint = fingerprint
        self.components = list(components)
        self.status = EngineState.CLOSED
        self.progress: tuple[int, int] = (0, 0)
        self._live: LiveIndex | None = None
        self._state: FolderState | None = None
        self._lock = threading.Lock()
        #: Called after a change when small segments should be merged (`compact`).
        self.on_compaction_due: Callable[[], None] | None = None
        #: Called when a component missed changes and must be refilled (`replay`).
        self.on_component_stale: Callable[[IndexComponent], None] | None = None

    # -- what searches see -------------------------------------------------------

    def acquire(self) -> tuple[LiveIndex, Snapshot]:
        with self._lock:
            live = self._live
            snapshot = live.acquire() if live is not None else None
        if live is None or snapshot is None:
            raise self.unavailable()
        return live, snapshot

    def unavailable(self) -> SearchUnavailable:
        if self.status == EngineState.REBUILDING:
            done, total = self.progress
            return SearchUnavailable("search.rebuilding", done=done, total=total)
        if self.status == EngineState.CLOSED:
            return SearchUnavailable("search.closed")
        return SearchUnavailable("search.unavailable", reason="没有可用的索引")

    @property
    def stale(self) -> bool:
        state = self._state
        return state is not None and state.fingerprint != self.fingerprint

    @property
    def seq(self) -> int:
        return self._state.seq if self._state else 0

    # -- jobs ------------------------------------------------------------------

    def open(self, progress: Progress | None) -> OpenReport:
        self.status = EngineState.OPENING
        state = self.folder.read_state()
        live = self._try_open(state)
        if live is not None and state is not None:
            self._install(live, state)
            self.folder.remove_unused({state.build})
        if live is None or self.stale:
            if state is None:
                reason = "索引尚未建立"
            else:
                reason = "索引无法读取" if live is None else "词典、同义词或索引格式已更新"
            self.rebuild(progress)
            if self._state is not None:  # what a build killed half-way left behind
                self.folder.remove_unused({self._state.build})
            report = OpenReport(rebuilt=True, reason=reason)
        else:
            # The feed first: what remains different afterwards is what the feed
            # never carried (a lost state write, a change made behind its back).
            caught_up = self.sync()
            stale, extra = self._repair()
            report = OpenReport(repaired=tuple(stale), removed=tuple(extra), caught_up=caught_up)
        self.status = EngineState.READY
        return report

    def rebuild(self, progress: Progress | None) -> None:
        previous = self.status
        self.status = EngineState.REBUILDING
        try:
            seq = self.source.last_seq()
            path = self.folder.new_build()
            try:
                live = self._build(path, progress)
            except BaseException:
                shutil.rmtree(path, ignore_errors=True)
                raise
        except BaseException:
            self.status = self._status_after_failure(previous)
            raise
        state = FolderState(path.name, self.fingerprint, seq)
        self.folder.write_state(state)
        self._install(live, state)
        self.sync()
        self.status = EngineState.READY

    def compare(self) -> tuple[list[str], list[str]]:
        """(records missing or differing in the index, records only the index has).

        A record differs when its version or its attachments fingerprint does
        (attaching a file leaves the version as it is).
        """
        live, snapshot = self.acquire()
        try:
            indexed = snapshot.stamps()
        finally:
            live.release(snapshot)
        versions = self.source.versions()
        digests = self.source.attachment_digests()
        stale = sorted(
            code
            for code, version in versions.items()
            if indexed.get(code) != (version, digests.get(code, 0))
        )
        extra = sorted(code for code in indexed if code not in versions)
        return stale, extra

    def verify(self) -> int:
        """Re-index records that differ from the database; returns how many were repaired."""
        stale, extra = self._repair()
        return len(stale) + len(extra)

    def _repair(self) -> tuple[list[str], list[str]]:
        stale, extra = self.compare()
        if stale or extra:
            log.info("index repair: %d changed or missing, %d removed", len(stale), len(extra))
            self._apply(stale, extra)
        return stale, extra

    def sync(self) -> int:
        """Apply the change feed since the last applied change; returns records touched."""
        return self.catch_up().touched

    def catch_up(self, limit: int | None = None) -> CatchUp:
        """Apply the oldest `limit` changes of the feed (all of them when None).

        The feed is in sequence order, so applying a prefix and remembering its
        last sequence number leaves the rest for the next step.
        """
        if self._live is None or self._state is None:
            raise self.unavailable()
        changes = self.source.changes_since(self._state.seq)
        more = limit is not None and len(changes) > limit
        if more:
            changes = changes[:limit]
        if not changes:
            return CatchUp()
        latest = {change.code: change for change in changes}
        upserts = [c for c, ch in latest.items() if ch.op == "upsert"]
        deletes = [c for c, ch in latest.items() if ch.op == "delete"]
        self._apply(upserts, deletes)
        self._state = replace(self._state, seq=max(c.seq for c in changes))
        self.folder.write_state(self._state)
        return CatchUp(touched=len(latest), more=more)

    def replay(self, component: IndexComponent, progress: Progress | None = None) -> None:
        """Refill one component from every record."""
        component.reset()
        total = self.source.count()
        done = 0
        for batch in batches(self.source.iter_all(BATCH), BATCH):
            component.upsert(batch)
            done += len(batch)
            if progress is not None:
                progress(done, total)
        component.flush()

    def compact(self) -> int:
        """Rewrite the small segments as one (from the source's records); returns records."""
        live = self._live
        if live is None:
            return 0
        return merge_small_segments(live, self._load, self.segmenter)

    def close(self) -> None:
        with self._lock:
            live, self._live = self._live, None
        if live is not None:
            live.retire()
        self.status = EngineState.CLOSED

    # -- helpers ---------------------------------------------------------------

    def _try_open(self, state: FolderState | None) -> LiveIndex | None:
        if state is None:
            return None
        path = self.folder.root / state.build
        if not path.is_dir():
            return None
        # Whoosh leaves the file it failed to read open; it is closed when the
        # exception goes away, quietly, so that the damaged build can be deleted.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                return LiveIndex(path)
            except Exception as exc:
                # Log text, not the exception: a kept traceback would keep the file open.
                reason = f"{type(exc).__name__}: {exc}"
            gc.collect()
        # An index that cannot be read is a cache to rebuild, not an error to show.
        log.warning("search index %s cannot be opened (%s); rebuilding", path, reason)
        return None

    def _install(self, live: LiveIndex, state: FolderState) -> None:
        with self._lock:
            old, self._live = self._live, live
            self._state = state
        if old is not None and old is not live:
            old_path = old.path
            old.retire(on_closed=lambda: shutil.rmtree(old_path, ignore_errors=True))

    def _status_after_failure(self, previous: EngineState) -> EngineState:
        if self._live is None:
            return EngineState.UNAVAILABLE
        return previous if previous != EngineState.OPENING else EngineState.READY

    def _build(self, path: Path, progress: Progress | None) -> LiveIndex:
        total = self.source.count()
        self.progress = (0, total)
        ix = index.create_in(str(path), build_schema(), indexname=INDEX_NAME)
        self._notify("reset")
        done = 0

        def batch_done(batch: list[PrecedentRecord]) -> None:
            nonlocal done
            self._notify("upsert", batch)
            done += len(batch)
            self._report(progress, done, total)

        def documents() -> Iterator[dict[str, Any]]:
            for batch in batches(self.source.iter_all(BATCH), BATCH):
                for record in batch:
                    yield document(record, self.segmenter)
                batch_done(batch)

        try:
            self._report(progress, 0, total)
            procs = build_processes(total)
            if procs == 1 or not self._build_with_workers(path, procs, batch_done):
                done = 0
                bulk_build(ix, documents(), timeout=LOCK_TIMEOUT)
        except BaseException:
            # The components were reset and partly refilled: refill them in the background.
            for component in self.components:
                self._component_stale(component)
            raise
        self._notify("flush")
        return LiveIndex(path)

    def _build_with_workers(
        self, path: Path, procs: int, batch_done: Callable[[list[PrecedentRecord]], None]
    ) -> bool:
        """Build with worker processes; False (components reset) if they could not."""
        try:
            parallel_build(
                path,
                INDEX_NAME,
                batches(self.source.iter_all(BATCH), BATCH),
                self.segmenter_words,
                procs,
                DOCS_PER_SEGMENT,
                batch_done,
                LOCK_TIMEOUT,
            )
            return True
        except Cancelled:
            raise
        except Exception:
            # Worker processes may be unavailable (a locked-down PC): slower is better
            # than no index. Segment files the workers left are not in the table of
            # contents, and the next commit deletes them.
            log.exception("index build with worker processes failed; building here")
            self._notify("reset")
            return False

    def _report(self, progress: Progress | None, done: int, total: int) -> None:
        self.progress = (done, total)
        if progress is not None:
            progress(done, total)

    def _load(self, codes: Sequence[str]) -> list[PrecedentRecord]:
        records: list[PrecedentRecord] = []
        for start in range(0, len(codes), BATCH):
            records.extend(self.source.load(codes[start : start + BATCH]))
        return records

    def _apply(self, upserts: Sequence[str], deletes: Sequence[str]) -> None:
        live = self._live
        if live is None:
            raise self.unavailable()
        records = self._load(upserts)
        found = {r.code for r in records}
        gone = sorted({*deletes, *(c for c in upserts if c not in found)})
        write_changes(live, records, gone, self.segmenter)
        if records:
            self._notify("upsert", records)
        if gone:
            self._notify("delete", gone)
        self._notify("flush")
        if self.on_compaction_due is not None and small_segments(self._live):
            self.on_compaction_due()

    def _notify(self, method: str, *args: Any) -> None:
        for component in list(self.components):
            try:
                getattr(component, method)(*args)
            except Cancelled:
                raise
            except Exception:
                log.exception("index component %r failed in %s", component, method)
                self._component_stale(component)

    def _component_stale(self, component: IndexComponent) -> None:
        if self.on_component_stale is not None:
            self.on_component_stale(component)
