"""Showing errors: one helper for expected errors, one hook for everything else.

Domain errors (`PrecedentError`) carry a Chinese sentence written for officers;
`show_error` shows it as it is. Anything unexpected is logged with its
traceback to the data folder's log and shown as a short, readable message with
the details folded away, instead of the program vanishing. `install_excepthook`
routes uncaught exceptions of the UI thread and of worker threads there.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from precedents.errors import PrecedentError

log = logging.getLogger(__name__)


translate = QCoreApplication.translate


class ErrorDialog:
    """The dialogs errors are shown in; tests replace `show` to record instead."""

    @classmethod
    def show(cls, parent: QWidget | None, title: str, message: str, details: str = "") -> None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning if not details else QMessageBox.Icon.Critical)
        box.setWindowTitle(title)
        box.setText(message)
        if details:
            box.setDetailedText(details)
        box.exec()


def show_message(parent: QWidget | None, text: str) -> None:
    """A plain problem the officer can fix (not an error of the program)."""
    ErrorDialog.show(parent, translate("errors", "Precedent Desk"), text)


def show_error(parent: QWidget | None, error: BaseException, details: str = "") -> None:
    """Show `error`: a domain error's own sentence, or an unexpected error's summary."""
    if isinstance(error, PrecedentError):
        ErrorDialog.show(parent, translate("errors", "Precedent Desk"), error.message)
        return
    if isinstance(error, OSError):
        text = translate("errors", "The file could not be read or written: %1").replace(
            "%1", str(error)
        )
        ErrorDialog.show(parent, translate("errors", "Precedent Desk"), text)
        return
    details = details or "".join(traceback.format_exception(error))
    log.error("unexpected error: %s", details)
    ErrorDialog.show(parent, translate("errors", "Unexpected error"), unexpected_message(), details)


def unexpected_message() -> str:
    folder = _log_folder[0]
    text = translate(
        "errors",
        "Something went wrong that the program did not expect. Your saved data is safe; "
        "unsaved changes are kept as a draft. The details have been written to the log.",
    )
    if folder is not None:
        text += "\n\n" + translate("errors", "Log folder: %1").replace("%1", str(folder))
    return text


_log_folder: list[Path | None] = [None]


class _MainThreadRelay(QObject):
    """Carries an exception from a worker thread to the UI thread to be shown."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: list[tuple[BaseException, str]] = []

    @Slot()
    def show_pending(self) -> None:
        while self.pending:
            error, details = self.pending.pop(0)
            show_error(QApplication.activeWindow(), error, details)


class ExceptHook:
    """Logs uncaught exceptions and shows them; never lets one close the program."""

    def __init__(self, log_folder: Path | None) -> None:
        _log_folder[0] = log_folder
        self._showing = False
        self._relay = _MainThreadRelay()
        app = QCoreApplication.instance()
        if app is not None:
            self._relay.moveToThread(app.thread())

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        log.error("uncaught exception: %s", details)
        if threading.current_thread() is not threading.main_thread():
            self._relay.pending.append((error, details))
            QMetaObject.invokeMethod(
                self._relay, "show_pending", Qt.ConnectionType.QueuedConnection
            )
            return
        if self._showing:  # an error while showing an error: logged, not shown again
            return
        self._showing = True
        try:
            show_error(QApplication.activeWindow(), error, details)
        finally:
            self._showing = False

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self(args.exc_type, args.exc_value, args.exc_traceback)


def install_excepthook(log_folder: Path | None) -> Callable[..., None]:
    hook = ExceptHook(log_folder)
    sys.excepthook = hook
    threading.excepthook = hook.thread_hook
    return hook
