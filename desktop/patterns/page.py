"""The 规律与政策 screen: recurring kinds of hard case, their curation and the policies drafted.

At the top, how many patterns were found among how many decided precedents,
the two officers' settings of mining (fewest precedents, fewest districts) and
"Mine again". The first tab lists the patterns (precedents, districts, a small
timeline) beside the selected pattern's details and curation actions; the
second is the policy registry. Every change to the library runs through
`desktop.patterns.operations` on the task helper; the precedents are mined
when the screen is first shown and again whenever the library has changed
since.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.patterns import operations as ops
from desktop.patterns.details import PatternDetails
from desktop.patterns.dialogs import ExcludeDialog, MergeQuestion, RenameDialog, SplitDialog
from desktop.patterns.draft_editor import DraftEditor
from desktop.patterns.export_flow import DraftExporter
from desktop.patterns.models import PatternColumn, PatternsModel
from desktop.patterns.registry_view import RegistryView
from desktop.patterns.timeline import TimelineDelegate
from desktop.tasks import Progress, Task, TaskManager
from precedents.library import Library
from precedents.patterns.describe import Pattern
from precedents.patterns.registry import Policy


class PatternsPage(QWidget):
    """The patterns and policies screen."""

    #: An officer asked to see a precedent in the library.
    open_precedent = Signal(str)
    #: A short message for the status bar.
    message = Signal(str)

    def __init__(self, library: Library, tasks: TaskManager, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.overview: ops.Overview | None = None
        self.busy: Task | None = None
        self.editors: dict[int, DraftEditor] = {}
        self.exporter = DraftExporter(library, tasks, self)
        self.exporter.exported.connect(
            lambda path: self.message.emit(self.tr("Draft written to %1").replace("%1", str(path)))
        )
        self._build()
        self._connect()

    # -- layout -------------------------------------------------------------------

    def _build(self) -> None:
        self.summary = QLabel(self)
        self.summary.setStyleSheet("font-size: 12pt; color: #1f3a5f;")
        self.min_support = QSpinBox(self)
        self.min_support.setRange(2, 99)
        self.min_support.setToolTip(self.tr("Fewest precedents that make a pattern"))
        self.min_districts = QSpinBox(self)
        self.min_districts.setRange(1, 20)
        self.min_districts.setToolTip(self.tr("Fewest districts its precedents must come from"))
        self.mine_button = QPushButton(self.tr("Mine again"), self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        header = QHBoxLayout()
        header.addWidget(self.summary, 1)
        header.addWidget(self.progress)
        header.addWidget(QLabel(self.tr("At least"), self))
        header.addWidget(self.min_support)
        header.addWidget(QLabel(self.tr("precedents from"), self))
        header.addWidget(self.min_districts)
        header.addWidget(QLabel(self.tr("district(s)"), self))
        header.addWidget(self.mine_button)

        self.model = PatternsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        # Labels are long ("重病 + 家庭成员合并计算收入超标 → 单人户低保"): rows wrap them.
        self.view.setWordWrap(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setItemDelegateForColumn(PatternColumn.TIMELINE, TimelineDelegate(self.view))
        head = self.view.horizontalHeader()
        head.setHighlightSections(False)
        head.setSectionResizeMode(PatternColumn.PATTERN, QHeaderView.ResizeMode.Stretch)
        for column in (PatternColumn.PRECEDENTS, PatternColumn.DISTRICTS):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(PatternColumn.TIMELINE, QHeaderView.ResizeMode.Fixed)
        head.resizeSection(PatternColumn.TIMELINE, 170)
        self.merge_button = QPushButton(self.tr("Merge selected…"), self)
        self.merge_button.setToolTip(
            self.tr("Select two or more patterns that are one kind of case")
        )
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #6b7280;")
        self.empty.hide()
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        left_layout.addLayout(buttons)

        self.details = PatternDetails(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setSizes([620, 740])

        self.registry = RegistryView(self.library, self.tasks, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, self.tr("Patterns"))
        self.tabs.addTab(self.registry, self.tr("Policy registry"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        self._update()

    def _connect(self) -> None:
        self.mine_button.clicked.connect(lambda: self.mine(with_settings=True))
        self.merge_button.clicked.connect(self.merge)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.details.confirm_requested.connect(self.confirm)
        self.details.rename_requested.connect(self.rename)
        self.details.split_requested.connect(self.split)
        self.details.exclude_requested.connect(self.exclude)
        self.details.draft_requested.connect(self.open_draft)
        self.details.open_precedent.connect(self.open_precedent)
        self.registry.edit_requested.connect(self.edit_policy)
        self.registry.export_requested.connect(lambda p: self.exporter.export(p, self))
        self.registry.registry_changed.connect(self._registry_changed)

    # -- mining ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.busy is not None:
            return
        if self.overview is None:
            self.mine()
            return
        library = self.library
        self.tasks.run(lambda _p: ops.library_seq(library), on_done=self._seq_known, parent=self)

    def _seq_known(self, seq: int) -> None:
        """Precedents were saved since the last run: what the list shows may be stale."""
        if self.overview is not None and seq != self.overview.seq and self.busy is None:
            self.mine()

    def mine(self, with_settings: bool = False) -> None:
        """Mine the library again; with the header's settings when the officer changed them."""
        settings = None
        if with_settings and self.overview is not None:
            settings = replace(
                self.overview.settings,
                min_support=self.min_support.value(),
                min_districts=self.min_districts.value(),
            )
        library = self.library
        self._start(
            lambda progress: ops.load_overview(library, settings, progress),
            lambda overview: self.show_overview(overview, self.current_id()),
            self.tr("Mining patterns among the precedents…"),
        )

    def _start(
        self, work: Callable[[Progress], Any], done: Callable[[Any], None], label: str
    ) -> None:
        self.busy = self.tasks.run(
            work, on_done=done, on_cancel=self._cancelled, label=label, parent=self
        )
        self.busy.progressed.connect(self._progressed)
        self.busy.finished.connect(self._finished)
        self.progress.setRange(0, 0)
        self.progress.show()
        self._update()

    def _cancelled(self) -> None:
        text = self.tr("Mining stopped: the list may be out of date. Press Mine again.")
        self.summary.setText(text)
        self.message.emit(text)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 0))
        if total:
            self.progress.setValue(min(done, total))

    def _finished(self) -> None:
        self.busy = None
        self.progress.hide()
        self._update()

    def show_overview(self, overview: ops.Overview, select: str | None = None) -> None:
        self.overview = overview
        self.model.set_overview(overview)
        self.min_support.setValue(overview.settings.min_support)
        self.min_districts.setValue(overview.settings.min_districts)
        self.summary.setText(
            self.tr(
                "%n pattern(s) among %1 decided precedents", "", len(overview.patterns)
            ).replace("%1", str(overview.precedents))
        )
        self.empty.setText(
            self.tr(
                "No kind of case recurs often enough yet: a pattern needs at least %1 decided "
                "precedents from %2 district(s). Lower the settings above to see smaller groups."
            )
            .replace("%1", str(overview.settings.min_support))
            .replace("%2", str(overview.settings.min_districts))
        )
        self.empty.setVisible(not overview.patterns)
        self.registry.set_registry(overview.registry)
        row = self.model.row_of(select) if select else None
        if row is None and overview.patterns:
            row = 0
        if row is not None:
            self.view.selectRow(row)
        else:
            self.details.show_pattern(None, None)
        self._update()

    # -- selection -----------------------------------------------------------------------

    def selected_patterns(self) -> list[Pattern]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.pattern(r) for r in rows]

    def current_id(self) -> str | None:
        chosen = self.selected_patterns()
        return chosen[0].id if chosen else None

    def select(self, pattern_id: str) -> None:
        row = self.model.row_of(pattern_id)
        if row is not None:
            self.view.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _selection_changed(self) -> None:
        chosen = self.selected_patterns()
        if len(chosen) > 1:
            self.details.show_several(len(chosen))
        else:
            self.details.show_pattern(chosen[0] if chosen else None, self.overview)
        self._update()

    def _update(self) -> None:
        idle = self.busy is None
        self.mine_button.setEnabled(idle)
        self.merge_button.setEnabled(idle and len(self.selected_patterns()) >= 2)
        self.details.setEnabled(idle)
        self.registry.setEnabled(idle)

    # -- curation ------------------------------------------------------------------------

    def _curate(self, work: Callable[[Progress], ops.Curated]) -> None:
        self._start(
            work,
            lambda curated: self.show_overview(curated.overview, curated.selected),
            self.tr("Saving and mining the precedents again…"),
        )

    def confirm(self) -> None:
        pattern = self.details.pattern
        if pattern is not None:
            library, pid = self.library, pattern.id
            self._curate(lambda progress: ops.confirm(library, pid, progress))

    def rename(self) -> None:
        pattern = self.details.pattern
        if pattern is None:
            return
        name = RenameDialog.ask(self, pattern)
        if name is not None:
            library, pid = self.library, pattern.id
            self._curate(lambda progress: ops.rename(library, pid, name, progress))

    def merge(self) -> None:
        chosen = self.selected_patterns()
        if len(chosen) < 2:
            return
        target, others = chosen[0], chosen[1:]
        if MergeQuestion.ask(self, target, others):
            library, ids = self.library, [p.id for p in chosen]
            self._curate(lambda progress: ops.merge(library, ids, progress))

    def split(self, ticked: list[str]) -> None:
        pattern = self.details.pattern
        if pattern is None or self.overview is None:
            return
        lines = [self.overview.cases[c] for c in pattern.codes if c in self.overview.cases]
        codes = SplitDialog.ask(self, pattern, lines, ticked)
        if codes:
            library, pid = self.library, pattern.id
            self._curate(lambda progress: ops.split(library, pid, codes, progress))

    def exclude(self, code: str) -> None:
        pattern = self.details.pattern
        line = self.overview.cases.get(code) if self.overview else None
        if pattern is None or line is None:
            return
        reason = ExcludeDialog.ask(self, pattern, line)
        if reason is not None:
            library, pid = self.library, pattern.id
            self._curate(lambda progress: ops.exclude(library, pid, code, reason, progress))

    # -- drafts and the registry -------------------------------------------------------

    def open_draft(self) -> None:
        """The pattern's open draft in the editor, written from the pattern if there is none."""
        pattern = self.details.pattern
        if pattern is None:
            return
        library = self.library
        self.tasks.run(
            lambda _p: ops.open_draft(library, pattern),
            on_done=self._draft_opened,
            label=self.tr("Writing the draft from the precedents…"),
            parent=self,
        )

    def _draft_opened(self, policy: Policy) -> None:
        self.edit_policy(policy)
        self.refresh_registry()

    def edit_policy(self, policy: Policy) -> DraftEditor:
        editor = self.editors.get(policy.id)
        if editor is None:
            editor = DraftEditor(self.library, self.tasks, policy, self)
            editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            editor.saved.connect(lambda _p: self.refresh_registry())
            editor.export_requested.connect(lambda p, e=editor: self.exporter.export(p, e))
            editor.open_precedent.connect(self.open_precedent)
            editor.destroyed.connect(lambda _o=None, pid=policy.id: self.editors.pop(pid, None))
            self.editors[policy.id] = editor
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def close_editors(self) -> bool:
        """Close every draft editor, each asking about unsaved edits; False if one stays."""
        return all([editor.close() for editor in list(self.editors.values())])

    def refresh_registry(self) -> None:
        library = self.library
        self.tasks.run(
            lambda _p: ops.load_registry(library), on_done=self._registry_changed, parent=self
        )

    def _registry_changed(self, registry: ops.Registry) -> None:
        if self.overview is None:
            return
        self.overview = replace(self.overview, registry=registry)
        self.registry.set_registry(registry)
        chosen = self.selected_patterns()
        if len(chosen) == 1:
            self.details.show_pattern(chosen[0], self.overview)
