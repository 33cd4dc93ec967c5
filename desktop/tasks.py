"""Long work off the UI thread: the one task helper every background job goes through.

`TaskManager.run(work, ...)` runs ``work(progress)`` on a thread pool and returns
a `Task`. ``progress(done, total)`` is the plain callable domain functions take
(``total`` 0 means "not known yet"); once the user presses Cancel it raises
`precedents.errors.Cancelled`, which unwinds the domain function and rolls back
its transaction. The result, the error or the cancellation is delivered on the
UI thread, to the callbacks given. A task with a label shows a progress dialog
with Cancel if it is still running after half a second; quick work never
flickers a dialog. Search queries run in a lane of their own with one thread,
so a long import never delays a keystroke's results.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from precedents.errors import Cancelled

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]

#: How long work may run before its progress dialog appears (milliseconds).
DIALOG_DELAY_MS = 500
#: Progress signals closer together than this are dropped (seconds).
PROGRESS_INTERVAL = 0.05


class Lane(enum.Enum):
    JOBS = "jobs"
    QUERIES = "queries"


class TaskState(enum.Enum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class _Signals(QObject):
    """Emitted from the worker thread; lives on the UI thread, so delivery is queued."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, work: Work, signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._signals = signals
        self._cancel = cancel
        self._last = 0.0

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        now = time.monotonic()
        if now - self._last >= PROGRESS_INTERVAL or (total and done >= total):
            self._last = now
            self._signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            if self._cancel.is_set():
                raise Cancelled()
            result = self._work(self._progress)
        except Cancelled:
            self._signals.cancelled.emit()
        except BaseException as exc:  # every error reaches the UI thread, none is lost
            self._signals.failed.emit(exc, traceback.format_exc())
        else:
            self._signals.succeeded.emit(result)


class Task(QObject):
    """One running piece of work, as the UI thread sees it."""

    progressed = Signal(int, int)
    #: Emitted last, after the callbacks ran, whatever the outcome.
    finished = Signal()

    def __init__(
        self,
        label: str,
        parent_widget: QWidget | None,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException, str], None] | None,
        on_cancel: Callable[[], None] | None,
        context: QObject | None = None,
    ) -> None:
        super().__init__()
        self.label = label
        #: Set when nobody is left to receive the outcome (program closing).
        self.abandoned = False
        self._context = context
        self.state = TaskState.RUNNING
        self.result: Any = None
        self.error: BaseException | None = None
        self.cancel_event = threading.Event()
        self.signals = _Signals()
        self._parent_widget = parent_widget
        self._on_done = on_done
        self._on_error = on_error
        self._on_cancel = on_cancel
        self._dialog: QProgressDialog | None = None
        self._last_progress = (0, 0)
        self.signals.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self.signals.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.signals.cancelled.connect(self._cancelled, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return self.state is TaskState.RUNNING

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    def cancel(self) -> None:
        """Ask the work to stop at its next progress call."""
        self.cancel_event.set()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Cancelling…"))
            self._dialog.setCancelButton(None)

    def show_dialog(self) -> None:
        """Show the progress dialog now (normally after `DIALOG_DELAY_MS`)."""
        if not self.running or self._dialog is not None or not self.label:
            return
        dialog = QProgressDialog(self.label, self.tr("Cancel"), 0, 0, self._parent_widget)
        dialog.setWindowTitle(self.tr("Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(360)
        dialog.canceled.connect(self.cancel)
        self._dialog = dialog
        self._progress(*self._last_progress)
        dialog.show()

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self._last_progress = (done, total)
        self.progressed.emit(done, total)
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 0))
            if total:
                self._dialog.setValue(min(done, total))

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _receiver_gone(self) -> bool:
        """The outcome has no one to go to: the program is closing or its widget is gone."""
        return self.abandoned or (
            self._context is not None and not shiboken6.isValid(self._context)
        )

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self.state, self.result = TaskState.SUCCEEDED, result
        self._close_dialog()
        try:
            if self._on_done is not None and not self._receiver_gone():
                self._on_done(result)
        finally:
            self.finished.emit()

    @Slot(object, str)
    def _failed(self, error: BaseException, details: str) -> None:
        self.state, self.error = TaskState.FAILED, error
        self._close_dialog()
        try:
            if self._receiver_gone():
                log.error("background work failed after its window closed: %s", details)
            elif self._on_error is not None:
                self._on_error(error, details)
            else:
                from desktop.errors import show_error

                show_error(self._parent_widget, error, details)
        finally:
            self.finished.emit()

    @Slot()
    def _cancelled(self) -> None:
        self.state = TaskState.CANCELLED
        self._close_dialog()
        try:
            if self._on_cancel is not None and not self._receiver_gone():
                self._on_cancel()
        finally:
            self.finished.emit()


class TaskManager(QObject):
    """Runs background work; keeps every running task alive until it finishes."""

    #: Emitted when the set of running labelled jobs changes (for the status bar).
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools = {Lane.JOBS: QThreadPool(self), Lane.QUERIES: QThreadPool(self)}
        self._pools[Lane.JOBS].setMaxThreadCount(2)
        self._pools[Lane.QUERIES].setMaxThreadCount(1)
        self._running: set[Task] = set()

    def run(
        self,
        work: Work,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        label: str = "",
        parent: QWidget | None = None,
        lane: Lane = Lane.JOBS,
        context: QObject | None = None,
    ) -> Task:
        """Start `work`; a `label` means a progress dialog appears if it takes a while.

        The callbacks are skipped if `context` (default: `parent`) has been deleted
        by the time the work ends, or if the manager was shut down.
        """
        task = Task(label, parent, on_done, on_error, on_cancel, context or parent)
        self._running.add(task)
        task.finished.connect(lambda: self._forget(task))
        if label:
            QTimer.singleShot(DIALOG_DELAY_MS, task.show_dialog)
            self.busy_changed.emit(True)
        self._pools[lane].start(_Runnable(work, task.signals, task.cancel_event))
        return task

    def _forget(self, task: Task) -> None:
        self._running.discard(task)
        if task.label:
            self.busy_changed.emit(self.busy)

    @property
    def busy(self) -> bool:
        return any(t.label for t in self._running)

    def running(self) -> list[Task]:
        return list(self._running)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel everything and wait for the threads; True if they all stopped."""
        for task in self._running:
            task.abandoned = True
            task.cancel_event.set()
        return all(pool.waitForDone(timeout_ms) for pool in self._pools.values())
