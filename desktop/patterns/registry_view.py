"""The policy registry tab: every policy drafted from a pattern, and its life.

A header counts drafts, policies in consultation and in force, thresholds
lowered and precedents covered (`registry_summary`). Under the list, the
buttons move the selected policy on: 草稿 → 征求意见 → 已施行 (文号 and date,
criteria fixed, covered precedents marked) → 已废止.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.patterns import operations as ops
from desktop.patterns.policy_dialogs import AdoptDialog, RepealDialog
from desktop.patterns.registry_model import PoliciesModel, PolicyColumn
from desktop.tasks import Progress, TaskManager
from precedents.library import Library
from precedents.patterns.registry import EDITABLE, Policy, PolicyStatus, RegistrySummary

SEPARATOR = "&nbsp;" * 8
FIGURE = "<span style='font-size:15pt; font-weight:600; color:{color};'>{n}</span> {label}"


class RegistryView(QWidget):
    edit_requested = Signal(object)  # Policy
    export_requested = Signal(object)  # Policy
    registry_changed = Signal(object)  # Registry

    def __init__(self, library: Library, tasks: TaskManager, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.summary = QLabel(self)
        self.summary.setObjectName("registrySummary")
        self.model = PoliciesModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PolicyColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _i: self._emit(self.edit_requested))
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.edit_button = QPushButton(self.tr("Open draft…"), self)
        self.export_button = QPushButton(self.tr("Export to Word…"), self)
        self.consult_button = QPushButton(self.tr("Open consultation"), self)
        self.adopt_button = QPushButton(self.tr("Adopt…"), self)
        self.repeal_button = QPushButton(self.tr("Repeal…"), self)
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.export_button.clicked.connect(lambda: self._emit(self.export_requested))
        self.consult_button.clicked.connect(self.consult)
        self.adopt_button.clicked.connect(self.adopt)
        self.repeal_button.clicked.connect(self.repeal)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.consult_button, self.adopt_button, self.repeal_button):
            buttons.addWidget(button)
        self.empty = QLabel(
            self.tr(
                "No policy drafted yet. Select a pattern and press 「Draft policy…」: the draft "
                "is written from its precedents and listed here."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #6b7280;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.set_registry(ops.Registry((), RegistrySummary(0, 0, 0, 0, 0, 0)))

    # -- showing ------------------------------------------------------------------

    def set_registry(self, registry: ops.Registry) -> None:
        selected = self.selected()
        self.model.set_policies(registry.policies)
        self.summary.setText(self.summary_html(registry.summary))
        self.empty.setVisible(not registry.policies)
        if selected is not None:
            self.select(selected.id)
        elif registry.policies:
            self.view.selectRow(0)
        self._update()

    def summary_html(self, summary: RegistrySummary) -> str:
        figures = [
            (summary.drafts, self.tr("drafts"), "#4b5563"),
            (summary.in_consultation, self.tr("in consultation"), "#b45309"),
            (summary.in_force, self.tr("in force"), "#15803d"),
            (summary.repealed, self.tr("repealed"), "#9ca3af"),
            (summary.thresholds_lowered, self.tr("thresholds lowered"), "#7c3aed"),
            (summary.covered_precedents, self.tr("precedents covered"), "#2563eb"),
        ]
        return SEPARATOR.join(FIGURE.format(n=n, label=label, color=c) for n, label, c in figures)

    def selected(self) -> Policy | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.policy(rows[0].row()) if rows else None

    def select(self, policy_id: int) -> None:
        row = self.model.row_of(policy_id)
        if row is not None:
            self.view.selectRow(row)

    def _update(self) -> None:
        policy = self.selected()
        status = policy.status if policy else None
        self.edit_button.setEnabled(policy is not None and policy.content is not None)
        self.edit_button.setText(
            self.tr("Open draft…") if status in EDITABLE or status is None else self.tr("View…")
        )
        self.export_button.setEnabled(policy is not None and policy.content is not None)
        self.consult_button.setEnabled(status is PolicyStatus.DRAFT)
        self.adopt_button.setEnabled(status is PolicyStatus.CONSULTATION)
        self.repeal_button.setEnabled(status is PolicyStatus.IN_FORCE)

    def _emit(self, signal: Any) -> None:
        policy = self.selected()
        if policy is not None and policy.content is not None:
            signal.emit(policy)

    # -- the life of a policy -----------------------------------------------------

    def _change(self, work: Callable[[Progress], ops.Registry], label: str = "") -> None:
        self.tasks.run(work, on_done=self._changed, label=label, parent=self)

    def _changed(self, registry: ops.Registry) -> None:
        self.set_registry(registry)
        self.registry_changed.emit(registry)

    def consult(self) -> None:
        policy = self.selected()
        if policy is not None:
            library, pid = self.library, policy.id
            self._change(lambda _p: ops.consult(library, pid))

    def adopt(self) -> None:
        policy = self.selected()
        if policy is None:
            return
        adoption = AdoptDialog.ask(self, policy)
        if adoption is None:
            return
        library, pid = self.library, policy.id
        self._change(
            lambda progress: ops.adopt(
                library, pid, adoption.document_number, adoption.effective_on, progress
            ),
            self.tr("Adopting the policy and marking the precedents it covers…"),
        )

    def repeal(self) -> None:
        policy = self.selected()
        if policy is None:
            return
        day = RepealDialog.ask(self, policy)
        if day is not None:
            library, pid = self.library, policy.id
            self._change(lambda _p: ops.repeal(library, pid, day))
