"""The audit trail viewer (Tools ▸ Audit trail): filter, read and export, never edit.

A window of its own beside the main window. The filters (user, action, date
range, precedent code) apply a moment after they change; the list shows the
newest events first, a page at a time ("Show older"), with personal data
masked; the pane below shows every changed field of the selected event with
its old and new value. Export writes the filtered events to Excel or CSV.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QItemSelection, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import show_error
from desktop.office import audit_ops
from desktop.office.audit_export import AuditExportDialog
from desktop.office.audit_model import AuditModel
from desktop.office.audit_ops import AuditPage
from desktop.tasks import TaskManager
from precedents.interchange.audit_file import AuditExportResult
from precedents.library import Library
from precedents.store.audit import AuditFilter

# Filters apply this long after the last change (typing a code, picking dates).
FILTER_MS = 300
# The earliest date the date fields offer; it reads as "any".
NO_DATE = QDate(2000, 1, 1)


class AuditViewer(QDialog):
    def __init__(self, library: Library, tasks: TaskManager, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self._generation = 0
        self.loading = False
        self.setWindowTitle(self.tr("Audit trail"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1280, 760)
        self.model = AuditModel(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_MS)
        self._timer.timeout.connect(self.reload)
        self._build()
        self._connect()

    # -- layout -----------------------------------------------------------------

    def _build(self) -> None:
        self.actor = QComboBox(self)
        self.actor.setEditable(True)
        self.actor.setMinimumWidth(120)
        line = self.actor.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Anyone"))
        self.action = QComboBox(self)
        self.action.addItem(self.tr("Any action"), "")
        for key, label in audit_ops.action_choices():
            self.action.addItem(label, key)
        self.since = self._date_edit()
        self.until = self._date_edit()
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("Precedent code"))
        self.code.setClearButtonEnabled(True)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("User"), self.actor),
            (self.tr("Action"), self.action),
            (self.tr("From"), self.since),
            (self.tr("To"), self.until),
            (self.tr("Code"), self.code),
        ):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
            filters.addSpacing(8)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        for column, width in enumerate((150, 80, 130, 50, 160, 0, 180)):
            if width:
                self.view.setColumnWidth(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Select an event to see everything it changed."))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.count_label = QLabel(self)
        self.notice = QLabel(self)
        self.notice.setStyleSheet("color: #2e7d32;")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.setToolTip(self.tr("Show events recorded since (F5)"))
        self.more_button = QPushButton(self.tr("Show older"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addSpacing(16)
        bottom.addWidget(self.notice, 1)
        for button in (
            self.refresh_button,
            self.more_button,
            self.export_button,
            self.close_button,
        ):
            bottom.addWidget(button)
        note = QLabel(
            self.tr(
                "The audit trail is only ever added to: nobody can change or delete an entry. "
                "Personal data is shown masked; an export can include it with a reason."
            ),
            self,
        )
        note.setStyleSheet("color: #6b7280;")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(note)
        layout.addLayout(bottom)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("Any"))
        edit.setDate(NO_DATE)
        return edit

    def _connect(self) -> None:
        self.actor.currentTextChanged.connect(lambda _t: self._timer.start())
        self.action.currentIndexChanged.connect(lambda _i: self._timer.start())
        self.since.dateChanged.connect(lambda _d: self._timer.start())
        self.until.dateChanged.connect(lambda _d: self._timer.start())
        self.code.textChanged.connect(lambda _t: self._timer.start())
        self.clear_button.clicked.connect(self.clear_filters)
        self.refresh_button.clicked.connect(self.reload)
        self.more_button.clicked.connect(self.load_more)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.close)
        self.view.selectionModel().selectionChanged.connect(self._selected)

    # -- filters ------------------------------------------------------------------

    def _day(self, edit: QDateEdit) -> dt.date | None:
        date = edit.date()
        return None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())

    def current_filter(self) -> AuditFilter:
        return audit_ops.audit_filter(
            actor=self.actor.currentText(),
            action=str(self.action.currentData() or ""),
            since=self._day(self.since),
            until=self._day(self.until),
            code=self.code.text(),
        )

    def clear_filters(self) -> None:
        for widget in (self.actor, self.action, self.since, self.until, self.code):
            widget.blockSignals(True)
        self.actor.setCurrentText("")
        self.action.setCurrentIndex(0)
        self.since.setDate(NO_DATE)
        self.until.setDate(NO_DATE)
        self.code.clear()
        for widget in (self.actor, self.action, self.since, self.until, self.code):
            widget.blockSignals(False)
        self.reload()

    # -- loading ------------------------------------------------------------------

    def start(self) -> None:
        """Fill the user list and the first page (in the background)."""
        self.tasks.run(
            lambda _p: audit_ops.actors(self.library), on_done=self._set_actors, parent=self
        )
        self.reload()

    def _set_actors(self, names: list[str]) -> None:
        typed = self.actor.currentText()
        self.actor.blockSignals(True)
        self.actor.clear()
        self.actor.addItem("")
        self.actor.addItems(names)
        self.actor.setCurrentText(typed)
        self.actor.blockSignals(False)

    def reload(self) -> None:
        self._timer.stop()
        self._load(None)

    def load_more(self) -> None:
        if self.model.has_more and not self.loading:
            self._load(self.model.oldest_id)

    def _load(self, before_id: int | None) -> None:
        self._generation += 1
        generation, where = self._generation, self.current_filter()
        self.loading = True
        self.more_button.setEnabled(False)

        def done(page: AuditPage) -> None:
            if generation != self._generation:
                return  # the filter changed meanwhile: a newer load is on its way
            self.loading = False
            self.model.set_page(page, append=before_id is not None)
            self._update_counts()

        def failed(error: BaseException, details: str) -> None:
            self.loading = False
            show_error(self, error, details)

        self.tasks.run(
            lambda _p: audit_ops.load_page(self.library, where, before_id),
            on_done=done,
            on_error=failed,
            parent=self,
        )

    def _update_counts(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if shown == total:
            text = self.tr("%n event(s)", "", total)
        else:
            text = self.tr("Newest %1 of %2 events").replace("%1", f"{shown:,}")
            text = text.replace("%2", f"{total:,}")
        self.count_label.setText(text)
        self.more_button.setEnabled(self.model.has_more)
        self.export_button.setEnabled(total > 0)

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        row = self.model.row_at(rows[0]) if rows else None
        if row is None:
            self.details.clear()
            return
        lines = [f"{row.at}　{row.actor}　{row.action}　{row.entity} {row.code}".strip()]
        if row.reason:
            lines.append(self.tr("Reason: %1").replace("%1", row.reason))
        if row.details:
            lines += ["", row.details]
        self.details.setPlainText("\n".join(lines))

    # -- export -------------------------------------------------------------------

    def export(self) -> None:
        choice = AuditExportDialog.ask(self, self.model.total)
        if choice is None:
            return
        where = self.current_filter()

        def done(result: AuditExportResult) -> None:
            text = self.tr("%1 event(s) exported to %2.").replace("%1", f"{result.count:,}")
            self.notice.setText(text.replace("%2", str(result.path)))
            self.reload()  # the export is in the trail now

        self.tasks.run(
            lambda progress: audit_ops.export(
                self.library,
                choice.path,
                where,
                masked=choice.masked,
                reason=choice.reason,
                progress=progress,
            ),
            on_done=done,
            on_error=lambda error, details: show_error(self, error, details),
            label=self.tr("Exporting the audit trail…"),
            parent=self,
        )

    @classmethod
    def open_for(cls, parent: QWidget, library: Library, tasks: TaskManager) -> AuditViewer:
        """Show the viewer (one per window: raised again if it is already open)."""
        existing = parent.findChild(cls)
        if isinstance(existing, cls) and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        viewer = cls(library, tasks, parent)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        viewer.start()
        return viewer
