"""The attachments tab: the files attached to the precedent on screen.

Files are added with the button or by dropping them on the list, opened with
the system's viewer and removed after a question. The work itself is the
domain's (`precedents.attachments`, through `desktop.operations`); this panel
only lists and asks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.plain_table import Index, PlainTable
from precedents.attachments import Attachment


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


class AttachmentsModel(PlainTable):
    header_alignment = None

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Attachment] = []

    def set_items(self, items: list[Attachment]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> Attachment:
        return self._items[row]

    def items(self) -> list[Attachment]:
        return list(self._items)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("File"), self.tr("Size"), self.tr("Added"), self.tr("Added by"))

    def row_count(self) -> int:
        return len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                item.filename,
                human_size(item.size),
                item.added_at.strftime("%Y-%m-%d %H:%M"),
                item.added_by,
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            if item.text_length:
                return self.tr("Text extracted for search (%1 characters)").replace(
                    "%1", str(item.text_length)
                )
            return item.filename
        return None


class AttachmentsPanel(QWidget):
    """Lists attachments; asks the page to add, open or remove them."""

    add_requested = Signal(list)  # list[Path]
    remove_requested = Signal(object)  # Attachment
    open_requested = Signal(object)  # Attachment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AttachmentsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.view.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.view.doubleClicked.connect(lambda index: self._emit(self.open_requested))
        self.add_button = QPushButton(self.tr("Attach files…"), self)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.clicked.connect(self._choose)
        self.open_button.clicked.connect(lambda: self._emit(self.open_requested))
        self.remove_button.clicked.connect(lambda: self._emit(self.remove_requested))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(8, 6, 8, 6)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.setAcceptDrops(True)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.set_enabled_for(None)

    def set_enabled_for(self, code: str | None) -> None:
        """Attachments belong to a saved precedent; a new matter has none yet."""
        self._code = code
        self.add_button.setEnabled(code is not None)
        self.add_button.setToolTip(
            "" if code is not None else self.tr("Save the new matter first, then attach files.")
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = bool(self.view.selectionModel().selectedRows())
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and self._code is not None)

    def _emit(self, signal: Any) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            signal.emit(self.model.item(rows[0].row()))

    def _choose(self) -> None:
        from desktop.dialogs.files import FileChooser

        paths = FileChooser.attachments(self)
        if paths:
            self.add_requested.emit(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._code is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.add_requested.emit(paths)
            event.acceptProposedAction()

    @staticmethod
    def open_file(path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
