"""Deleting precedents with undo for the rest of the session.

A deletion goes through the domain (which keeps the whole record in the audit
trail) and is pushed on the page's undo stack; Edit ▸ Undo puts the precedent
back with its status and attachments, Redo deletes it again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from desktop import operations
from desktop.errors import show_error
from desktop.operations import Deleted
from precedents.errors import PrecedentError
from precedents.library import Library
from precedents.record import PrecedentRecord


class DeleteCommand(QUndoCommand):
    """An undoable deletion; the first `redo` is the deletion already done."""

    def __init__(
        self,
        library: Library,
        deleted: Deleted,
        on_restored: Callable[[PrecedentRecord], None],
        on_deleted: Callable[[str], None],
        parent_widget: QWidget | None,
    ) -> None:
        text = QCoreApplication.translate("DeleteCommand", "Delete %1")
        super().__init__(text.replace("%1", deleted.record.code))
        self.library = library
        self.deleted = deleted
        self.on_restored = on_restored
        self.on_deleted = on_deleted
        self.parent_widget = parent_widget
        self._done_once = False

    def redo(self) -> None:
        if not self._done_once:
            self._done_once = True
            return
        try:
            self.deleted = operations.delete_precedent(
                self.library, self.deleted.record.code, expected_version=None
            )
        except PrecedentError as error:
            self.setObsolete(True)
            show_error(self.parent_widget, error)
            return
        self.on_deleted(self.deleted.record.code)

    def undo(self) -> None:
        try:
            restored = operations.restore_precedent(self.library, self.deleted)
        except PrecedentError as error:
            self.setObsolete(True)
            show_error(self.parent_widget, error)
            return
        self.on_restored(restored)
