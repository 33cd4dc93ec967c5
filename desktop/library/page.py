"""The precedent library screen: search box, filters, result list and the record.

Layout, left to right: the facet filters, the result list, and the selected
precedent (read, or edited in place) above a tab with its similar precedents
and its attachments. This module lays the screen out and connects its parts;
searching is `SearchController`'s, reading and editing the record
`RecordPane`'s, import and export `Transfer`'s.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop import prefs as keys
from desktop.catalogue import Catalogue
from desktop.library.facets import FacetModel, FacetView, facet_label
from desktop.library.record_pane import RecordPane
from desktop.library.results_model import ResultsModel
from desktop.library.results_view import ResultsView
from desktop.library.search_controller import SearchController
from desktop.library.transfer import Transfer
from desktop.prefs import Prefs
from desktop.search_adapter import IndexState, Results, SearchAdapter
from desktop.tasks import Progress, Task, TaskManager
from precedents.library import Library

log = logging.getLogger(__name__)


class LibraryPage(QWidget):
    counts_changed = Signal(int, int)  # results shown, precedents in the library
    #: (done, total) while the search index is built.
    index_progress = Signal(int, int)
    #: Emitted once, when the index has answered the first query.
    first_results = Signal()
    index_state_changed = Signal(object)  # IndexState
    message = Signal(str)

    def __init__(
        self,
        library: Library,
        adapter: SearchAdapter,
        tasks: TaskManager,
        prefs: Prefs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.adapter = adapter
        self.tasks = tasks
        self.prefs = prefs
        self.catalogue = Catalogue()
        self._answered = False
        self._sizes_before_editing: list[int] = []
        self.search = SearchController(adapter, tasks, self)
        self.transfer = Transfer(library, tasks, self)
        self._build()
        self._connect()
        self.restore_layout()

    # -- layout -----------------------------------------------------------------

    def _build(self) -> None:
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            self.tr("Search precedents, e.g. 戈谢病, 独居老人 区:集美 措施:临时救助")
        )
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView)
        self.search_box.addAction(icon, QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setMinimumHeight(34)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.expanded_label = QLabel(self)
        self.expanded_label.setObjectName("expandedLabel")
        self.expanded_label.setWordWrap(True)
        self.expanded_label.hide()
        self.filters_label = QLabel(self)
        self.filters_label.setObjectName("filtersLabel")
        self.filters_label.setWordWrap(True)
        self.clear_filters_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_filters_button.setFlat(True)
        self.clear_filters_button.hide()

        self.facets = FacetModel(self)
        self.facet_view = FacetView(self.facets, self)
        self.facet_view.setMinimumWidth(170)

        self.results = ResultsModel(self.catalogue, self)
        self.view = ResultsView(self.results, self)
        self.proxy = self.view.proxy
        self.sort_box = self.view.sort_box

        self.record = RecordPane(self.library, self.adapter, self.tasks, self.catalogue, self)

        top = QHBoxLayout()
        top.setContentsMargins(12, 10, 12, 4)
        top.addWidget(self.search_box, 1)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addSpacing(8)
        top.addWidget(self.sort_box)
        status_row = QHBoxLayout()
        status_row.setContentsMargins(14, 0, 12, 4)
        status_row.addWidget(self.expanded_label, 1)
        status_row.addWidget(self.filters_label, 1)
        status_row.addWidget(self.clear_filters_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("librarySplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.facet_view)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.record)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([210, 560, 670])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addLayout(status_row)
        layout.addWidget(self.splitter, 1)

    def _run(self, work: Callable[[Progress], Any], **options: Any) -> Task:
        """Background work whose outcome is dropped if this widget is gone by then."""
        return self.tasks.run(work, context=self, **options)

    def _connect(self) -> None:
        self.search_box.textChanged.connect(self.search.set_text)
        self.search_box.returnPressed.connect(self.search.run_now)
        self.search_box.installEventFilter(self)
        self.view.doubleClicked.connect(lambda _index: self.record.edit())
        self.search.results_ready.connect(self._show_results)
        self.search.more_results.connect(lambda results: self.results.extend_hits(results.hits))
        self.search.failed.connect(self.message)
        self.facets.toggled.connect(self.search.toggle_filter)
        self.clear_filters_button.clicked.connect(self.search.clear_filters)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.record.changed.connect(self._record_changed)
        self.record.removed.connect(self._record_removed)
        self.record.open_requested.connect(self.select_code)
        self.record.message.connect(self.message)
        self.record.reselect.connect(self._reselect)
        self.record.editing_changed.connect(self._editing_changed)
        self.transfer.imported.connect(lambda _report: self.reload())
        self.transfer.message.connect(self.message)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search box goes to the list, as in a mail program."""
        if (
            watched is self.search_box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.proxy.rowCount()
        ):
            self.view.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.view.selectionModel().hasSelection():
                self.view.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def _editing_changed(self, editing: bool) -> None:
        """The form gets the filters' room while it is open; they come back after."""
        if editing == self.facet_view.isHidden():
            return
        sizes = self.splitter.sizes()
        if editing:
            self._sizes_before_editing = sizes
            self.facet_view.hide()
            self.splitter.setSizes([0, sizes[1], sizes[2] + sizes[0]])
        else:
            self.facet_view.show()
            self.splitter.setSizes(self._sizes_before_editing or sizes)

    # -- start-up ---------------------------------------------------------------

    def start(self) -> None:
        """Load the list columns and open the search index, both off the UI thread."""
        self.count_label.setText(self.tr("Loading…"))
        self.index_state_changed.emit(IndexState.OPENING)
        task = self._run(
            lambda progress: self.adapter.open(progress),
            on_done=lambda _r: self._index_ready(),
            on_error=self._index_failed,
        )
        task.progressed.connect(self.index_progress)

    def _catalogue_loaded(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.results.set_catalogue(catalogue)
        self.record.catalogue = catalogue
        if self.search.last_results is not None:
            self._update_count(self.search.last_results)

    def _index_ready(self) -> None:
        self.index_state_changed.emit(IndexState.READY)
        self.search.set_ready()

    def _after_first_results(self) -> None:
        """What the first screen does not need waits until it is up (start-up time)."""
        self._run(lambda _p: Catalogue.load(self.library), on_done=self._catalogue_loaded)
        if not self.adapter.similar_ready:
            self._run(
                lambda progress: self.adapter.open_similar(progress),
                on_done=lambda _r: self.record.refresh_similar(),
                on_error=self._similar_failed,
            )

    def _similar_failed(self, error: BaseException, details: str) -> None:
        log.error("similarity index unavailable: %s", details)
        self.message.emit(
            self.tr("Similar precedents are unavailable: %1").replace("%1", str(error))
        )

    def _index_failed(self, error: BaseException, _details: str) -> None:
        self.index_state_changed.emit(IndexState.FAILED)
        self.message.emit(
            self.tr("The search index could not be opened: %1").replace("%1", str(error))
        )

    # -- results ----------------------------------------------------------------

    def _show_results(self, results: Results) -> None:
        first = self.search.last_results is results and not self._answered
        self._answered = True
        selected = self.record.code
        self.results.set_hits(results.hits)
        self.facets.set_counts(results.facets, results.query)
        self._update_count(results)
        self._update_filters(results)
        self._update_no_results(results)
        if selected is not None:
            self._select_row_of(selected)
        if first:
            self._after_first_results()
            self.first_results.emit()

    def precedent_count(self) -> int:
        """How many precedents the library holds, as far as the screen knows yet."""
        results = self.search.last_results
        if len(self.catalogue) or results is None or not results.query.is_empty:
            return len(self.catalogue)
        return results.total

    def _update_count(self, results: Results | None) -> None:
        total = self.precedent_count()
        if results is None or results.query.is_empty:
            text = self.tr("%n precedent(s)", "", total)
        else:
            text = self.tr("%n found", "", results.total)
        self.count_label.setText(text)
        self.counts_changed.emit(results.total if results else total, total)

    def _update_no_results(self, results: Results) -> None:
        if results.total:
            self.view.show_empty(None)
            return
        if results.query.is_empty:
            self.view.show_empty(
                self.tr(
                    "The library holds no precedents yet.\n\nPress Ctrl+N to record a new "
                    "matter, or import a ledger with File ▸ Import."
                )
            )
            return
        text = self.tr(
            "No precedent matches 「%1」.\n\nTry fewer or shorter words (戈谢 finds 戈谢病), "
            "remove a filter, or press Esc to start over."
        )
        described = " ".join(
            [results.query.text.strip()]
            + [f"{facet_label(f)}:{'、'.join(v)}" for f, v in results.query.filters]
        ).strip()
        self.view.show_empty(text.replace("%1", described))

    def _update_filters(self, results: Results) -> None:
        expanded = "、".join(results.expanded)
        notes = "；".join(results.notes)
        parts = []
        if expanded:
            parts.append(self.tr("Also searched for: %1").replace("%1", expanded))
        if notes:
            parts.append(notes)
        self.expanded_label.setText("　".join(parts))
        self.expanded_label.setVisible(bool(parts))
        ticked = [
            f"{facet_label(name)}：{'、'.join(values)}" for name, values in results.query.filters
        ]
        self.filters_label.setText(self.tr("Filters: %1").replace("%1", "；".join(ticked)))
        self.filters_label.setVisible(bool(ticked))
        self.clear_filters_button.setVisible(bool(ticked))

    # -- selection --------------------------------------------------------------

    def current_code(self) -> str | None:
        return self.view.current_code()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        code = self.current_code()
        if code is not None and code != self.record.code:
            self.record.show_code(code)

    def _select_row_of(self, code: str) -> bool:
        return self.view.select_code(code)

    def _reselect(self, code: str) -> None:
        if not self._select_row_of(code):
            self.view.clearSelection()

    def select_code(self, code: str) -> None:
        """Show `code`: select it in the list if it is there, and open it."""
        self._select_row_of(code)
        self.record.show_code(code)

    # -- changes ----------------------------------------------------------------

    def _record_changed(self, code: str) -> None:
        """A save or an undo: the list shows it at once, the index catches up."""
        self.results.refresh_code(code)
        self.sync_index()

    def _record_removed(self, code: str) -> None:
        self.catalogue.remove(code)
        self.sync_index()

    def sync_index(self) -> None:
        self._run(lambda _p: self.adapter.sync(), on_done=lambda _r: self.search.run_now())

    def reload(self) -> None:
        """After an import: reload the list columns, catch the index up, search again."""
        self._run(lambda _p: Catalogue.load(self.library), on_done=self._reloaded)

    def _reloaded(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.results.set_catalogue(catalogue)
        self.record.catalogue = catalogue
        self.sync_index()

    def rebuild_index(self) -> None:
        self.index_state_changed.emit(IndexState.REBUILDING)
        task = self._run(
            lambda progress: self.adapter.rebuild(progress),
            on_done=lambda _r: self._index_ready(),
            on_error=self._index_failed,
            on_cancel=lambda: self.index_state_changed.emit(self.adapter.state),
            label=self.tr("Rebuilding the search index…"),
            parent=self,
        )
        task.progressed.connect(self.index_progress)

    # -- commands from the window -------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def clear_search(self) -> None:
        self.search_box.clear()
        self.search.clear()
        self.focus_search()

    def export(self) -> None:
        self.transfer.export(self.results.codes(), len(self.catalogue))

    # -- layout memory ------------------------------------------------------------

    def restore_layout(self) -> None:
        state = self.prefs.layout(keys.LIBRARY_SPLITTER)
        if state is not None:
            self.splitter.restoreState(state)
        columns = self.prefs.layout(keys.RESULT_COLUMNS)
        if columns is not None:
            self.view.horizontalHeader().restoreState(columns)
        self.record.restore_layout(self.prefs)

    def save_layout(self) -> None:
        self.prefs.set_layout(keys.LIBRARY_SPLITTER, self.splitter.saveState())
        self.prefs.set_layout(keys.RESULT_COLUMNS, self.view.horizontalHeader().saveState())
        self.record.save_layout(self.prefs)
