"""The result list: a table model over the codes of the current hits.

Rows are the hits in the order the engine ranked them; the list columns
(district, dates, level, status) come from the `Catalogue` when a row is
painted, so a model of 10,000 rows holds little more than their codes. No
database session is ever opened here. Sorting by a column is the proxy's work
(`ResultsProxy`); "relevance" sorts by the engine's rank.
"""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.catalogue import Catalogue
from desktop.search_adapter import Hit

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Column(enum.IntEnum):
    TITLE = 0
    CODE = 1
    DISTRICT = 2
    FILED_ON = 3
    LEVEL = 4
    STATUS = 5
    RELEVANCE = 6


class Role(enum.IntEnum):
    CODE = Qt.ItemDataRole.UserRole + 1
    SORT = Qt.ItemDataRole.UserRole + 2
    SNIPPET = Qt.ItemDataRole.UserRole + 3
    SNIPPET_SPANS = Qt.ItemDataRole.UserRole + 4
    TITLE_SPANS = Qt.ItemDataRole.UserRole + 5
    SUBTITLE = Qt.ItemDataRole.UserRole + 6


class ResultsModel(QAbstractTableModel):
    """One row per hit; `set_hits` replaces them all."""

    def __init__(self, catalogue: Catalogue, parent: Any = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._hits: list[Hit] = []
        self._rows: dict[str, int] = {}

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Precedent"),
            self.tr("Code"),
            self.tr("District"),
            self.tr("Filed on"),
            self.tr("Level"),
            self.tr("Status"),
            self.tr("Relevance"),
        )

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """New list columns for the same rows (the selection and scroll position stay)."""
        self._catalogue = catalogue
        if self._hits:
            last = self.index(len(self._hits) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._rows = {hit.code: row for row, hit in enumerate(self._hits)}
        self.endResetModel()

    def extend_hits(self, hits: list[Hit]) -> None:
        """Append hits that follow the ones shown (the rest of the same query)."""
        fresh = [hit for hit in hits if hit.code not in self._rows]
        if not fresh:
            return
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        for hit in fresh:
            self._rows[hit.code] = len(self._hits)
            self._hits.append(hit)
        self.endInsertRows()

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def row_of(self, code: str) -> int | None:
        return self._rows.get(code)

    def codes(self) -> list[str]:
        return [hit.code for hit in self._hits]

    def refresh_code(self, code: str) -> None:
        """Repaint one row after its record changed in the catalogue."""
        row = self._rows.get(code)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        column = Column(index.column())
        if role == Role.CODE:
            return hit.code
        if role == Role.SORT:
            return self._sort_key(hit, index.row(), column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(hit, column, tooltip=role == Qt.ItemDataRole.ToolTipRole)
        if column is Column.TITLE:
            return self._title_data(hit, role)
        return None

    def _title_data(self, hit: Hit, role: int) -> Any:
        if role == Role.SNIPPET:
            return hit.snippet
        if role == Role.SNIPPET_SPANS:
            return list(hit.snippet_spans)
        if role == Role.TITLE_SPANS:
            return list(hit.title_spans)
        if role == Role.SUBTITLE:
            summary = self._catalogue.get(hit.code)
            if summary is None:
                return hit.code
            return " · ".join(part for part in (hit.code, summary.street or "") if part)
        return None

    def _text(self, hit: Hit, column: Column, *, tooltip: bool) -> str | None:
        summary = self._catalogue.get(hit.code)
        if column is Column.TITLE:
            if tooltip:
                return hit.title if not hit.snippet else f"{hit.title}\n\n{hit.snippet}"
            return hit.title
        if column is Column.CODE:
            return hit.code
        if column is Column.RELEVANCE:
            return f"{hit.score:.2f}" if hit.score is not None else "—"
        if summary is None:
            # The list columns arrive just after the first results; the engine's own
            # copy of a few of them fills in until then.
            return {Column.DISTRICT: hit.district, Column.STATUS: hit.status}.get(column, "")
        if column is Column.DISTRICT:
            return summary.district
        if column is Column.FILED_ON:
            return summary.filed_on.isoformat()
        if column is Column.LEVEL:
            return summary.level
        return summary.status

    def _sort_key(self, hit: Hit, row: int, column: Column) -> Any:
        if column is Column.RELEVANCE:
            return -row  # the engine's ranking, best first when sorted descending
        text = self._text(hit, column, tooltip=False)
        return text or ""


class ResultsProxy(QSortFilterProxyModel):
    """Sorts the result list by any column; unsorted it keeps the engine's order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(Role.SORT)
        self.setSortLocaleAware(True)
