"""The main window's menus, actions and keyboard shortcuts, declared in one place.

`WindowActions` creates every action with its text, shortcut and handler; the
window only lays the menus out. Ctrl+F goes to the search box, Ctrl+N starts a
new matter, Ctrl+S saves the matter being edited, Esc (in the list) clears the
search; Ctrl+1 to Ctrl+4 switch screens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


class WindowActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        page = window.library_page
        record = page.record
        self.new = self._action(
            self.tr("&New matter"), record.new_matter, QKeySequence.StandardKey.New
        )
        self.save = self._action(
            self.tr("&Save"), window.save_current, QKeySequence.StandardKey.Save
        )
        self.import_file = self._action(
            self.tr("&Import…"), lambda: page.transfer.import_file(), "Ctrl+I"
        )
        self.export = self._action(self.tr("&Export…"), page.export, "Ctrl+E")
        self.settings = self._action(
            self.tr("Se&ttings…"), window.open_settings, QKeySequence.StandardKey.Preferences
        )
        self.quit = self._action(self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)
        self.undo = record.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = record.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.edit = self._action(self.tr("&Edit precedent"), record.edit, "F2")
        self.duplicate = self._action(
            self.tr("D&uplicate as new matter"), record.duplicate, "Ctrl+D"
        )
        self.delete = self._action(self.tr("&Delete precedent…"), record.delete, "Del")
        # Del deletes only from the list: in a text field it deletes characters.
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.removeAction(self.delete)
        page.view.addAction(self.delete)
        self.find = self._action(
            self.tr("&Find"), window.focus_search, QKeySequence.StandardKey.Find
        )
        self.clear = self._action(self.tr("&Clear search"), page.clear_search, "Esc")
        # Esc belongs to the list and the search box only: in the form, in menus and in
        # cell editors it keeps its usual meaning (close, cancel).
        self.clear.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.removeAction(self.clear)
        for widget in (page.search_box, page.view, page.facet_view):
            widget.addAction(self.clear)
        self.rebuild = self._action(self.tr("&Rebuild search index"), page.rebuild_index)
        self.drafts = self._action(self.tr("Unsaved &drafts…"), window.open_drafts)
        self.data_folder = self._action(self.tr("Open data &folder"), window.open_data_folder)
        self.logs = self._action(self.tr("Open &log folder"), window.open_log_folder)
        self.about = self._action(self.tr("&About Precedent Desk"), window.about)

    def _action(self, text: str, slot: Callable[[], object], shortcut: object = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # type: ignore[call-overload]
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def build_menus(self, bar: QMenuBar) -> None:
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new, self.save])
        file_menu.addSeparator()
        file_menu.addActions([self.import_file, self.export])
        file_menu.addSeparator()
        file_menu.addAction(self.settings)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.edit, self.duplicate, self.delete])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find, self.clear])
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions(self.window.navigation.actions())
        tools_menu = self.tools_menu = bar.addMenu(self.tr("&Tools"))
        tools_menu.addActions([self.rebuild, self.drafts])
        tools_menu.addSeparator()
        tools_menu.addActions([self.data_folder, self.logs])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about)
