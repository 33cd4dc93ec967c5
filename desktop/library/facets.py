"""Facet filters: district, hardship, barrier, measure, level, year and status with counts.

`FacetModel` is a two-level tree: the seven facets, each with its values and
how many of the current results carry them. Ticking a value adds it to the
query as a filter (several values of one facet mean any of them; different
facets must all hold). Facets stay in place when counts change, so the tree
keeps which groups are open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from desktop.search_adapter import FACET_FIELDS, Query

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_GROUP = 0xFFFFFFFF  # internalId of a facet row; a value row holds its facet's number


def facet_label(field_name: str) -> str:
    labels = {
        "district": QCoreApplication.translate("Facets", "District"),
        "hardship": QCoreApplication.translate("Facets", "Hardship"),
        "barrier": QCoreApplication.translate("Facets", "Policy barrier"),
        "measure": QCoreApplication.translate("Facets", "Measure"),
        "level": QCoreApplication.translate("Facets", "Review level"),
        "year": QCoreApplication.translate("Facets", "Year filed"),
        "status": QCoreApplication.translate("Facets", "Status"),
    }
    return labels[field_name]


class FacetModel(QAbstractItemModel):
    """Facets and their value counts; emits `toggled` when a value is ticked."""

    toggled = Signal(str, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._values: list[list[tuple[str, int]]] = [[] for _ in FACET_FIELDS]
        self._query = Query()

    def set_counts(self, facets: dict[str, list[tuple[str, int]]], query: Query) -> None:
        """Show new counts; values ticked in `query` stay listed even at zero."""
        self._query = query
        for group, name in enumerate(FACET_FIELDS):
            counts = list(facets.get(name, []))
            present = {value for value, _ in counts}
            counts += [(value, 0) for value in query.values(name) if value not in present]
            parent = self.index(group, 0)
            old = len(self._values[group])
            if old:
                self.beginRemoveRows(parent, 0, old - 1)
                self._values[group] = []
                self.endRemoveRows()
            if counts:
                self.beginInsertRows(parent, 0, len(counts) - 1)
                self._values[group] = counts
                self.endInsertRows()

    def value_count(self, field_name: str) -> int:
        return len(self._values[FACET_FIELDS.index(field_name)])

    def entry(self, field_name: str, value: str) -> tuple[str, int] | None:
        for entry in self._values[FACET_FIELDS.index(field_name)]:
            if entry[0] == value:
                return entry
        return None

    # -- QAbstractItemModel --------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row())

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(int(child.internalId()), 0, _GROUP)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(FACET_FIELDS)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._values[parent.row()])
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        # Not user-checkable: the view ticks a value on a click anywhere on its row.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return facet_label(FACET_FIELDS[index.row()])
            if role == Qt.ItemDataRole.FontRole:
                font = QGuiApplication.font()
                font.setWeight(QFont.Weight.DemiBold)
                return font
            return None
        group = int(index.internalId())
        if not 0 <= index.row() < len(self._values[group]):
            return None
        value, count = self._values[group][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return value if index.column() == 0 else str(count)
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            ticked = value in self._query.values(FACET_FIELDS[group])
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and count == 0:
            return QGuiApplication.palette().placeholderText()
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or index.internalId() == _GROUP
            or index.column() != 0
        ):
            return False
        group = int(index.internalId())
        name = FACET_FIELDS[group]
        term = self._values[group][index.row()][0]
        self._query = self._query.toggled(name, term)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit(name, term)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Filter"), self.tr("Count"))[section] if section in (0, 1) else None
        return None


class FacetView(QTreeView):
    """The filter panel: facets open, counts right-aligned, a click ticks a value."""

    def __init__(self, model: FacetModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setIndentation(14)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.clicked.connect(self._clicked)
        self._closed_by_user: set[int] = set()
        model.rowsInserted.connect(self._expand_group)
        model.rowsInserted.connect(self._hide_empty_groups)
        model.rowsRemoved.connect(self._hide_empty_groups)
        self.collapsed.connect(lambda index: self._closed_by_user.add(index.row()))
        self.expanded.connect(lambda index: self._closed_by_user.discard(index.row()))
        self.expandAll()

    def _expand_group(self, parent: QModelIndex, _first: int, _last: int) -> None:
        # A group that had no values cannot stay open; open it again when values
        # arrive, unless the officer closed it.
        if parent.isValid() and parent.row() not in self._closed_by_user:
            self.blockSignals(True)
            self.expand(parent)
            self.blockSignals(False)

    def _hide_empty_groups(self) -> None:
        model = self.model()
        for row in range(model.rowCount()):
            group = model.index(row, 0)
            self.setRowHidden(row, QModelIndex(), model.rowCount(group) == 0)

    def _clicked(self, index: QModelIndex) -> None:
        if not index.parent().isValid():
            self.setExpanded(index, not self.isExpanded(index))
            return
        self.toggle(index)

    def toggle(self, index: QModelIndex) -> None:
        """Tick or untick the value at `index`."""
        index = index.siblingAtColumn(0)
        state = index.data(Qt.ItemDataRole.CheckStateRole)
        ticked = state == Qt.CheckState.Checked
        new = Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked
        self.model().setData(index, new, Qt.ItemDataRole.CheckStateRole)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        keys = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if event.key() in keys and index.isValid() and index.parent().isValid():
            self.toggle(index)
            return
        super().keyPressEvent(event)
