"""The questions the program asks, each a dialog with a `classmethod ask()`.

Tests replace `ask` to give an answer instead of clicking. Every question says
what will happen in words an officer uses; the safe choice is the default.
"""

from __future__ import annotations

import datetime as dt
import enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


class ConfirmDelete:
    @classmethod
    def ask(cls, parent: QWidget | None, code: str, title: str) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("Questions", "Delete precedent"))
        box.setText(
            translate("Questions", "Delete %1 「%2」?").replace("%1", code).replace("%2", title)
        )
        box.setInformativeText(
            translate(
                "Questions", "You can undo this with Edit ▸ Undo until you close the program."
            )
        )
        delete = box.addButton(
            translate("Questions", "Delete"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(translate("Questions", "Keep"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.NoButton)
        box.exec()
        return box.clickedButton() is delete


class ConfirmRemoveAttachment:
    @classmethod
    def ask(cls, parent: QWidget | None, filename: str) -> bool:
        answer = QMessageBox.question(
            parent,
            translate("Questions", "Remove attachment"),
            translate("Questions", "Remove the attachment 「%1」? This cannot be undone.").replace(
                "%1", filename
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


class Unsaved(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class UnsavedChanges:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> Unsaved:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("Questions", "Unsaved changes"))
        box.setText(
            translate("Questions", "Save the changes to 「%1」?").replace(
                "%1", title or translate("Questions", "new matter")
            )
        )
        box.setInformativeText(
            translate("Questions", "If you discard them, the draft is deleted as well.")
        )
        save = box.addButton(translate("Questions", "Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            translate("Questions", "Discard changes"), QMessageBox.ButtonRole.DestructiveRole
        )
        cancel = box.addButton(
            translate("Questions", "Keep editing"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return Unsaved.SAVE
        if clicked is discard:
            return Unsaved.DISCARD
        return Unsaved.CANCEL


class RestoreDraft:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, saved_at: dt.datetime | None) -> bool:
        when = saved_at.strftime("%Y-%m-%d %H:%M") if saved_at else "—"
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("Questions", "Unsaved draft found"))
        box.setText(
            translate(
                "Questions", "There are unsaved changes to 「%1」 from %2. Continue with them?"
            )
            .replace("%1", title or translate("Questions", "new matter"))
            .replace("%2", when)
        )
        restore = box.addButton(
            translate("Questions", "Restore the draft"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(
            translate("Questions", "Start from the saved version"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore


class Conflict(enum.Enum):
    KEEP_EDITING = "keep"
    RELOAD = "reload"
    MERGE = "merge"


class ConflictQuestion:
    @classmethod
    def ask(cls, parent: QWidget | None, message: str, can_merge: bool) -> Conflict:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("Questions", "Changed by someone else"))
        box.setText(message)
        if can_merge:
            hint = translate(
                "Questions",
                "Your changes are kept as a draft. Compare the two versions side by side and "
                "choose field by field, go on editing, or load the other version now and lose "
                "your changes.",
            )
        else:
            hint = translate(
                "Questions",
                "Your changes are kept as a draft. You can go on editing and copy them over "
                "after reloading, or load the other version now and lose them.",
            )
        box.setInformativeText(hint)
        keep = box.addButton(
            translate("Questions", "Keep my changes"), QMessageBox.ButtonRole.RejectRole
        )
        reload = box.addButton(
            translate("Questions", "Load their version"), QMessageBox.ButtonRole.DestructiveRole
        )
        merge = None
        if can_merge:
            merge = box.addButton(
                translate("Questions", "Compare and merge…"), QMessageBox.ButtonRole.AcceptRole
            )
        box.setDefaultButton(merge or keep)
        box.exec()
        clicked = box.clickedButton()
        if merge is not None and clicked is merge:
            return Conflict.MERGE
        return Conflict.RELOAD if clicked is reload else Conflict.KEEP_EDITING


class RevealReason(QDialog):
    """Asks why personal data is being shown; the reason goes to the audit trail."""

    def __init__(self, parent: QWidget | None, code: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Show personal data"))
        text = QLabel(
            self.tr(
                "Names, ID numbers and phone numbers of %1 will be shown unmasked. "
                "This is recorded in the audit trail with your name and the reason."
            ).replace("%1", code),
            self,
        )
        text.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(
            self.tr("Reason, e.g. checking identity for the annual review")
        )
        buttons = QDialogButtonBox(self)
        self.show_button = buttons.addButton(
            self.tr("Show"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.show_button.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.show_button.setEnabled(bool(t.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @classmethod
    def ask(cls, parent: QWidget | None, code: str) -> str | None:
        dialog = cls(parent, code)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.text().strip()
