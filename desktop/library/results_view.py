"""The result list widget: a sortable table of hits with two-line rows.

Columns can be shown or hidden from the header's menu; the code, level and
relevance columns start hidden (the code is on each row's second line). The
sort box offers the usual orders, and "most relevant first" returns to the
engine's ranking. When a search finds nothing the list says so and suggests
what to try. A row's context menu takes the precedent to a meeting (提交研判).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QWidget,
)

from desktop.library.delegates import HighlightDelegate
from desktop.library.results_model import Column, ResultsModel, ResultsProxy, Role

#: Default widths of the result columns (the title stretches).
COLUMN_WIDTHS = {
    Column.CODE: 150,
    Column.DISTRICT: 68,
    Column.FILED_ON: 96,
    Column.LEVEL: 52,
    Column.STATUS: 64,
    Column.RELEVANCE: 60,
}
#: Shown only when asked for (header menu): the code is on each row's second line.
HIDDEN_COLUMNS = (Column.CODE, Column.LEVEL, Column.RELEVANCE)


class ResultsView(QTableView):
    meeting_requested = Signal(str)  # take this precedent's matter to the meeting screen

    def __init__(self, model: ResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results = model
        self.proxy = ResultsProxy(self)
        self.proxy.setSourceModel(model)
        self.setObjectName("resultList")
        self.setModel(self.proxy)
        self.setItemDelegateForColumn(Column.TITLE, HighlightDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(HighlightDelegate(self).row_height(self.font()))
        self._setup_header()
        self.sort_box = self._sort_box()
        self.empty_label = QLabel(self.viewport())
        self.empty_label.setObjectName("noResults")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #6b7280; padding: 24px;")
        self.empty_label.hide()
        self.viewport().installEventFilter(self)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._row_menu)

    def _setup_header(self) -> None:
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        for column in HIDDEN_COLUMNS:
            header.setSectionHidden(column, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)

    def _sort_box(self) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName("sortBox")
        for text, column, order in (
            (self.tr("Most relevant first"), -1, Qt.SortOrder.AscendingOrder),
            (self.tr("Newest filed first"), Column.FILED_ON, Qt.SortOrder.DescendingOrder),
            (self.tr("Oldest filed first"), Column.FILED_ON, Qt.SortOrder.AscendingOrder),
            (self.tr("By code"), Column.CODE, Qt.SortOrder.AscendingOrder),
            (self.tr("By district"), Column.DISTRICT, Qt.SortOrder.AscendingOrder),
        ):
            box.addItem(text, (int(column), order))
        box.currentIndexChanged.connect(self._sort_chosen)
        return box

    def _column_menu(self, position: QPoint) -> None:
        header = self.horizontalHeader()
        menu = QMenu(self)
        for column in Column:
            if column is Column.TITLE:
                continue
            action = menu.addAction(self.results.headers()[column])
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        menu.exec(header.mapToGlobal(position))

    def row_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of the precedent at `index` (None: no row there)."""
        code = index.data(Role.CODE) if index.isValid() else None
        if not code:
            return None
        menu = QMenu(self)
        menu.addAction(self.tr("Take to a meeting"), lambda: self.meeting_requested.emit(code))
        return menu

    def _row_menu(self, position: QPoint) -> None:
        menu = self.row_menu(self.indexAt(position))
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(position))

    def _sort_chosen(self, _index: int) -> None:
        column, order = self.sort_box.currentData()
        self.sortByColumn(column, order)
        if column < 0:
            self.proxy.sort(-1)

    def show_empty(self, text: str | None) -> None:
        """Say `text` over the empty list (None hides it)."""
        self.empty_label.setVisible(text is not None)
        if text is not None:
            self.empty_label.setText(text)
            self.empty_label.resize(self.viewport().size())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_label.resize(self.viewport().size())
        return super().eventFilter(watched, event)

    # -- selection ----------------------------------------------------------------

    def current_code(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        return str(rows[0].data(Role.CODE)) if rows else None

    def select_code(self, code: str) -> bool:
        """Select `code` without announcing it; False if it is not listed."""
        row = self.results.row_of(code)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.results.index(row, 0))
        selection = self.selectionModel()
        selection.blockSignals(True)
        self.selectRow(index.row())
        selection.blockSignals(False)
        self.scrollTo(index)
        return True
