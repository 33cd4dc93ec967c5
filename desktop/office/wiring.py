"""Adding the office area to the main window: the audit trail action and the timers.

`install(window)` is called once by the main window; it puts Tools ▸ Audit
trail in the menu and returns the `OfficeTimers`, which the window starts
once it is on screen. Catching up updates the status bar ("in step at …")
and, when other officers' changes came in, reloads the list.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from desktop.office.audit_viewer import AuditViewer
from desktop.office.background import OfficeTimers
from desktop.search_adapter import IndexState

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


def install(window: MainWindow) -> OfficeTimers:
    """Wire the office area into `window`; returns its timers (not started yet)."""
    action = QAction(translate("Office", "&Audit trail…"), window)
    action.triggered.connect(
        lambda _checked=False: AuditViewer.open_for(window, window.library, window.tasks)
    )
    window.actions_.audit_trail = action  # type: ignore[attr-defined]
    menu = window.actions_.tools_menu
    menu.addSeparator()
    menu.addAction(action)
    timers = OfficeTimers(window.library, window.adapter, window.tasks, window)
    timers.synced.connect(lambda count, at: _synced(window, count, at))
    timers.sync_failed.connect(lambda reason: _sync_failed(window, reason))
    timers.backup_made.connect(lambda path: _backed_up(window, path))
    timers.backup_failed.connect(lambda reason: _backup_failed(window, reason))
    return timers


def _synced(window: MainWindow, count: int, at: dt.datetime) -> None:
    state = window.adapter.state
    if state is IndexState.READY:
        suffix = translate("Office", " · in step at %1").replace("%1", at.strftime("%H:%M:%S"))
        window.status.show_index_state(state, suffix)
    if count:
        text = translate("Office", "%n change(s) by other officers taken in.", "", count)
        window.status.say(text)
        window.library_page.reload()


def _backed_up(window: MainWindow, path: Path) -> None:
    window.status.say(translate("Office", "Automatic backup made: %1").replace("%1", path.name))


def _sync_failed(window: MainWindow, reason: str) -> None:
    text = translate("Office", "Could not catch up with other officers' changes: %1")
    window.status.say(text.replace("%1", reason))


def _backup_failed(window: MainWindow, reason: str) -> None:
    window.status.say(translate("Office", "Automatic backup failed: %1").replace("%1", reason))
