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

from desktop import operations
from desktop.office.background import OfficeTimers
from desktop.search_adapter import IndexState
from precedents.record import PrecedentRecord

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


def install(window: MainWindow) -> OfficeTimers:
    """Wire the office area into `window`; returns its timers (not started yet)."""
    action = QAction(translate("Office", "&Audit trail…"), window)
    action.triggered.connect(lambda _checked=False: _open_audit_trail(window))
    window.actions_.audit_trail = action  # type: ignore[attr-defined]
    menu = window.actions_.tools_menu
    menu.addSeparator()
    menu.addAction(action)
    timers = OfficeTimers(window.library, window.adapter, window.tasks, window)
    timers.synced.connect(lambda count, at: _synced(window, count, at))
    timers.sync_failed.connect(lambda reason: _sync_failed(window, reason))
    timers.backup_made.connect(lambda path: _backed_up(window, path))
    # The first backup waits for the list: start-up is for the officer's first search.
    window.library_page.first_results.connect(timers.back_up)
    timers.backup_failed.connect(lambda reason: _backup_failed(window, reason))
    return timers


def _open_audit_trail(window: MainWindow) -> None:
    # Imported when first opened: its export pulls in openpyxl, which start-up never needs.
    from desktop.office.audit_viewer import AuditViewer

    AuditViewer.open_for(window, window.library, window.tasks)


def _synced(window: MainWindow, count: int, at: dt.datetime) -> None:
    state = window.adapter.state
    if state is IndexState.READY:
        suffix = translate("Office", " · in step at %1").replace("%1", at.strftime("%H:%M:%S"))
        window.status.show_index_state(state, suffix)
    if count:
        text = translate("Office", "%n change(s) by other officers taken in.", "", count)
        window.status.say(text)
        window.library_page.reload()
        _check_open_record(window)


def _check_open_record(window: MainWindow) -> None:
    """Someone else saved the precedent on screen: show it anew, or warn its editor.

    A precedent shown unmasked stays as it is (showing it again would mask it).
    """
    pane = window.library_page.record
    editor = pane.editor
    if pane.editing:
        if editor.base is None:
            return
        code, version = editor.base.code, editor.base.meta.version
    else:
        shown = pane.detail.shown
        if shown is None or not shown.masked:
            return
        code, version = shown.record.code, shown.record.meta.version

    def compare(current: PrecedentRecord | None) -> None:
        if current is None or current.meta.version == version:
            return
        if not pane.editing:
            if pane.detail.code == code:
                pane.show_code(code)
            return
        if editor.base is not None and editor.base.code == code:
            text = translate(
                "Office",
                "%1 saved a newer version of %2 while you are editing it; "
                "saving will offer to compare and merge.",
            )
            window.status.say(text.replace("%1", current.meta.updated_by).replace("%2", code))

    window.tasks.run(
        lambda _p: operations.current_version(window.library, code),
        on_done=compare,
        parent=pane,
    )


def _backed_up(window: MainWindow, path: Path) -> None:
    window.status.say(translate("Office", "Automatic backup made: %1").replace("%1", path.name))


def _sync_failed(window: MainWindow, reason: str) -> None:
    text = translate("Office", "Could not catch up with other officers' changes: %1")
    window.status.say(text.replace("%1", reason))


def _backup_failed(window: MainWindow, reason: str) -> None:
    window.status.say(translate("Office", "Automatic backup failed: %1").replace("%1", reason))
