"""A table model of plain rows under fixed headers, shared by the screens' lists.

A subclass says what its headers are (`headers`, translated when called) and
how many rows it holds (`row_count`), and answers `data`; row and column counts,
the header, selectable-but-not-editable flags and the index check (`valid`) are
the same everywhere and live here. An editable table overrides `flags` and
`setData`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
DISPLAY = Qt.ItemDataRole.DisplayRole
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class PlainTable(QAbstractTableModel):
    """Rows of plain data under fixed headers."""

    #: How header titles are aligned (None: the style's own alignment).
    header_alignment: int | None = LEFT

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers()):
            return None
        if role == DISPLAY:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.header_alignment
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def valid(self, index: Index) -> bool:
        return index.isValid() and 0 <= index.row() < self.row_count()
