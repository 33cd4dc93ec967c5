"""The index folder on disk, and the live index searches run against.

Layout::

    <folder>/state.json     which build is current, its fingerprint, last change applied
    <folder>/ix-000007/     one complete Whoosh index (a build)

A rebuild writes a new ``ix-…`` build beside the current one and switches
``state.json`` to it (an atomic file replace), so an interrupted or cancelled
rebuild leaves the old index untouched and searchable. Builds no longer named in
``state.json`` are deleted once no search uses them (on Windows, files still
open cannot be deleted; they are removed at a later start).

``state.json`` is written after every commit. If the program stops between a
commit and that write, the next start replays a few changes (harmless: applying
a change twice gives the same index), and the version check repairs the rest.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.filedb.filestore import FileStorage

from search_index.schema import build_schema
from search_index.segments import INDEX_NAME, ReaderPool, Snapshot

STATE_FILE = "state.json"
STATE_FORMAT = 1
#: Seconds a write waits for Whoosh's lock (another program writing the same folder).
LOCK_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class FolderState:
    build: str
    fingerprint: str
    seq: int


class IndexFolder:
    """Reads and writes ``state.json`` and creates and removes builds."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def read_state(self) -> FolderState | None:
        try:
            data = json.loads((self.root / STATE_FILE).read_text("utf-8"))
            if data.get("format") != STATE_FORMAT:
                return None
            return FolderState(str(data["build"]), str(data["fingerprint"]), int(data["seq"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write_state(self, state: FolderState) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        target = self.root / STATE_FILE
        temp = target.with_suffix(".tmp")
        payload = {"format": STATE_FORMAT, **asdict(state)}
        with open(temp, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, target)

    def new_build(self) -> Path:
        """An empty folder for a new build, named after the newest existing one."""
        self.root.mkdir(parents=True, exist_ok=True)
        names = [p.name for p in self.root.glob("ix-*")]
        state = self.read_state()
        if state is not None:
            # Never reuse the current build's name, even when its folder is gone.
            names.append(state.build)
        numbers = [int(n[3:]) for n in names if n[3:].isdigit()]
        path = self.root / f"ix-{max(numbers, default=0) + 1:06d}"
        path.mkdir()
        return path

    def remove_unused(self, keep: set[str]) -> None:
        """Delete builds other than `keep` (ignoring files another process holds open)."""
        if not self.root.is_dir():
            return
        for path in self.root.glob("ix-*"):
            if path.name not in keep and path.is_dir():
                shutil.rmtree(path, ignore_errors=True)


class LiveIndex:
    """One open build: the Whoosh index object and the snapshot searches use.

    Every snapshot stays open while a search uses it; a snapshot replaced by a
    newer one closes when its last search finishes. After `retire`, the build's
    files close once every snapshot has closed.
    """

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = path
        self.name = path.name
        storage = FileStorage(str(path))
        if create:
            self.ix = index.create_in(str(path), build_schema(), indexname=INDEX_NAME)
        else:
            self.ix = index.open_dir(str(path), indexname=INDEX_NAME)
        self.pool = ReaderPool(storage)
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self._open: list[Snapshot] = []
        self._retired = False
        self._on_closed: Callable[[], None] | None = None
        self.refresh()

    def writer(self, **kwargs: Any) -> Any:
        """A Whoosh writer; waits up to `LOCK_TIMEOUT` for another writer to finish."""
        return self.ix.writer(timeout=LOCK_TIMEOUT, **kwargs)

    @property
    def current(self) -> Snapshot | None:
        return self._current

    def refresh(self) -> None:
        """Publish a snapshot of the newest commit (the old one closes when unused)."""
        snapshot = self.pool.snapshot()
        with self._lock:
            old, self._current = self._current, snapshot
            self._open.append(snapshot)
            closing = self._retire_locked(old)
        self._close(closing)

    def acquire(self) -> Snapshot | None:
        with self._lock:
            snapshot = self._current
            if snapshot is not None:
                snapshot.users += 1
            return snapshot

    def release(self, snapshot: Snapshot) -> None:
        with self._lock:
            snapshot.users -= 1
            closing = snapshot if snapshot.retired and snapshot.users == 0 else None
        self._close(closing)

    def retire(self, on_closed: Callable[[], None] | None = None) -> None:
        """Stop serving; close files once the last search finishes, then call `on_closed`."""
        with self._lock:
            self._retired = True
            self._on_closed = on_closed
            old, self._current = self._current, None
            closing = self._retire_locked(old)
            idle = not self._open
        if idle:
            self._finish()
        else:
            self._close(closing)

    def _retire_locked(self, snapshot: Snapshot | None) -> Snapshot | None:
        if snapshot is None:
            return None
        snapshot.retired = True
        return snapshot if snapshot.users == 0 else None

    def _close(self, snapshot: Snapshot | None) -> None:
        if snapshot is None:
            return
        self.pool.release(snapshot)
        with self._lock:
            if snapshot in self._open:
                self._open.remove(snapshot)
            finished = self._retired and not self._open
        if finished:
            self._finish()

    def _finish(self) -> None:
        self.pool.close()
        callback, self._on_closed = self._on_closed, None
        if callback is not None:
            with contextlib.suppress(OSError):
                callback()
