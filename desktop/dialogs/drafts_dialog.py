"""Unsaved drafts found in the data folder: continue one, or throw it away.

Shown at start-up when drafts exist (after a crash or a closed window) and from
Tools ▸ Unsaved drafts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.plain_table import Index, PlainTable
from precedents.drafts import Draft, DraftStore


class DraftsModel(PlainTable):
    header_alignment = None

    def __init__(self, drafts: list[Draft], parent: Any = None) -> None:
        super().__init__(parent)
        self._drafts = list(drafts)

    def draft(self, row: int) -> Draft:
        return self._drafts[row]

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._drafts[row]
        self.endRemoveRows()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Matter"), self.tr("Precedent"), self.tr("Kept at"))

    def row_count(self) -> int:
        return len(self._drafts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        draft = self._drafts[index.row()]
        if index.column() == 0:
            return draft.title or self.tr("(no title yet)")
        if index.column() == 1:
            return self.tr("new matter") if draft.is_new else draft.key
        return draft.saved_at.strftime("%Y-%m-%d %H:%M") if draft.saved_at else ""


class DraftsDialog(QDialog):
    def __init__(self, parent: QWidget | None, store: DraftStore) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Unsaved drafts"))
        self.resize(640, 320)
        text = QLabel(
            self.tr(
                "These changes were kept when the program closed before they were saved. "
                "Continue with one, or discard those you no longer need."
            ),
            self,
        )
        text.setWordWrap(True)
        self.model = DraftsModel(store.all(), self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.view.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.ResizeToContents
        )
        if self.model.rowCount():
            self.view.selectRow(0)
        buttons = QDialogButtonBox(self)
        self.continue_button = buttons.addButton(
            self.tr("Continue editing"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        discard = QPushButton(self.tr("Discard"), self)
        buttons.addButton(discard, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        discard.clicked.connect(self._discard)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def selected(self) -> Draft | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.draft(rows[0].row()) if rows else None

    def _discard(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        row = rows[0].row()
        self.store.discard(self.model.draft(row).key)
        self.model.remove(row)
        if not self.model.rowCount():
            self.reject()

    @classmethod
    def ask(cls, parent: QWidget | None, store: DraftStore) -> Draft | None:
        if not store.all():
            return None
        dialog = cls(parent, store)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.selected()
