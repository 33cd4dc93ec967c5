"""Keeping in step with the office: the change feed every few seconds, backups on a schedule.

`OfficeTimers` runs two timers on the UI thread that only start background work:

* every `SYNC_MS` the search adapter catches up with the change feed (other
  officers' saves, deletions and imports) in the search lane of the task
  manager, so it never runs beside a query; when something came in, the list
  reloads, and the status bar says when the index was last in step. A large
  catch-up (a colleague imported thousands of precedents) goes in steps of
  `CATCH_UP_BATCH` changes, each a task of its own: a query typed meanwhile
  queues behind the running step only, not behind the whole import;
* once the first results are listed, and every `BACKUP_MS` after that,
  `precedents.backup.maybe_backup` makes the day's automatic copy of a local
  SQLite database (online backup API, so officers keep working) and prunes old
  copies; a server database is backed up by the office (it does nothing then).

A round still running when its timer fires again is not started twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.search_adapter import IndexState, SearchAdapter
from desktop.tasks import Lane, TaskManager
from precedents.backup import maybe_backup
from precedents.library import Library

log = logging.getLogger(__name__)

#: How often the index catches up with other officers' changes.
SYNC_MS = 5_000
#: How often the automatic backup checks whether today's copy exists.
BACKUP_MS = 30 * 60_000
#: Changes of the feed applied per catch-up step: about 0.3 s (at most 0.7 s) at 10,000
#: precedents on a busy two-core machine. Each step commits and refreshes the index, so
#: 1,000 changes take 6.7 s in steps of 50 against 2.8 s in one; the officer's searches
#: matter more than how soon a colleague's import is complete.
CATCH_UP_BATCH = 50


class OfficeTimers(QObject):
    #: (records taken in, local time of the catch-up) after each successful round.
    synced = Signal(int, object)
    #: The index could not catch up (the reason, for the status bar).
    sync_failed = Signal(str)
    #: An automatic backup was made (its file).
    backup_made = Signal(object)
    backup_failed = Signal(str)

    def __init__(
        self,
        library: Library,
        adapter: SearchAdapter,
        tasks: TaskManager,
        parent: QObject | None = None,
        *,
        sync_ms: int = SYNC_MS,
        backup_ms: int = BACKUP_MS,
        batch: int = CATCH_UP_BATCH,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.adapter = adapter
        self.tasks = tasks
        self.clock = clock
        self.batch = batch
        self.syncing = False
        #: Precedents taken in by the steps of the round running.
        self._taken = 0
        self.backing_up = False
        self.last_sync: dt.datetime | None = None
        self.sync_timer = self._timer(sync_ms, self.catch_up)
        self.backup_timer = self._timer(backup_ms, self.back_up)

    def _timer(self, ms: int, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def start(self) -> None:
        """Start both timers (the window makes the first backup once the list is up)."""
        self.sync_timer.start()
        self.backup_timer.start()

    def stop(self) -> None:
        self.sync_timer.stop()
        self.backup_timer.stop()

    # -- the change feed ------------------------------------------------------------

    def catch_up(self) -> bool:
        """Start one catch-up round; False if one is running or the index is not ready."""
        if self.syncing or self.adapter.state is not IndexState.READY:
            return False
        self.syncing = True
        self._taken = 0
        self._step()
        return True

    def _step(self) -> None:
        batch = self.batch
        self.tasks.run(
            lambda _p: self.adapter.catch_up(batch),
            on_done=self._stepped,
            on_error=self._sync_error,
            lane=Lane.QUERIES,
            context=self,
        )

    def _stepped(self, step: tuple[int, bool]) -> None:
        taken, more = step
        self._taken += taken
        if more and self.adapter.state is IndexState.READY:
            # Started from here, the next step queues behind whatever searches the
            # officer started while this one ran.
            self._step()
            return
        self._synced(self._taken)

    def _synced(self, count: int) -> None:
        self.syncing = False
        self.last_sync = self.clock()
        self.synced.emit(count, self.last_sync)

    def _sync_error(self, error: BaseException, _details: str) -> None:
        self.syncing = False
        log.warning("catching up with the change feed failed: %s", error)
        self.sync_failed.emit(str(error))

    # -- backups --------------------------------------------------------------------

    def back_up(self) -> bool:
        """Start the automatic backup check; False if one is still running."""
        if self.backing_up:
            return False
        self.backing_up = True
        self.tasks.run(
            lambda _p: maybe_backup(self.library, self.clock()),
            on_done=self._backed_up,
            on_error=self._backup_error,
            context=self,
        )
        return True

    def _backed_up(self, made: Path | None) -> None:
        self.backing_up = False
        if made is not None:
            self.backup_made.emit(made)

    def _backup_error(self, error: BaseException, _details: str) -> None:
        self.backing_up = False
        log.error("automatic backup failed: %s", error)
        self.backup_failed.emit(str(error))
