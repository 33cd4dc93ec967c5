"""Table model over the list of precedents (Model/View; no session inside)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from precedents.store.precedents import Summary

Index = QModelIndex | QPersistentModelIndex


class PrecedentTableModel(QAbstractTableModel):
    """Rows are `Summary` objects handed in by the caller."""

    COLUMNS = ("code", "title", "district", "filed_on", "level", "status")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Summary] = []

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Code"),
            self.tr("Title"),
            self.tr("District"),
            self.tr("Filed on"),
            self.tr("Level"),
            self.tr("Status"),
        )

    def set_rows(self, rows: list[Summary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> Summary:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        value = getattr(self._rows[index.row()], self.COLUMNS[index.column()])
        return str(value) if value is not None else ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None
