"""The policy draft editor: title, the five sections, the 起草说明, with their citations.

A window of its own, so the pattern and its precedents stay in view while the
draft is written. Left, the parts of the draft to jump to; in the middle, the
draft as it will read, every paragraph editable (see `paragraphs`); right, the
evidence it rests on and the precedents it cites. Saving goes through the
registry (`update_draft`); a policy already adopted is shown read-only.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.questions import Unsaved, UnsavedChanges
from desktop.errors import show_message
from desktop.patterns import operations as ops
from desktop.patterns.draft_state import DraftState
from desktop.patterns.paragraphs import SectionEditor, unbroken
from desktop.plain_table import Index
from desktop.tasks import TaskManager
from precedents.library import Library
from precedents.patterns.draft import AmountEvidence
from precedents.patterns.registry import EDITABLE, Policy

_ROOT = QModelIndex()


class PartsModel(QAbstractListModel):
    """The parts of the draft to jump to: sections, the 起草说明's parts, the appendix."""

    def __init__(self, parts: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._parts = list(parts)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._parts):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._parts[index.row()]
        return None


def appendix_html(state: DraftState) -> str:
    rows = "".join(
        f"<tr><td>{n}</td><td>{html.escape(e.code)}</td><td>{html.escape(e.district)}</td>"
        f"<td>{e.year}</td><td>{html.escape(e.title)}</td></tr>"
        for n, e in enumerate(state.appendix, start=1)
    )
    return f"<table cellspacing='0' cellpadding='4' width='100%'>{rows}</table>"


class DraftEditor(QDialog):
    saved = Signal(object)  # Policy
    export_requested = Signal(object)  # Policy
    open_precedent = Signal(str)

    def __init__(
        self, library: Library, tasks: TaskManager, policy: Policy, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if policy.content is None:
            raise ValueError(f"policy {policy.id} has no draft text")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.library = library
        self.tasks = tasks
        self.policy = policy
        self.read_only = policy.status not in EDITABLE
        self.state = DraftState(policy.content)
        self._typed = False
        self._closing = False
        self.sections: list[SectionEditor] = []
        self.resize(1360, 860)
        self._build()
        self._update_status()

    # -- layout -------------------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Policy draft — %1").replace("%1", self.policy.title))
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #4b5563;")
        self.title = QLineEdit(self.state.title, self)
        font = QFont(self.title.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setReadOnly(self.read_only)
        self.title.textEdited.connect(lambda _t: self._changed())
        self.title.editingFinished.connect(lambda: self.state.set_title(self.title.text()))
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel(self.tr("Title"), self))
        title_row.addWidget(self.title, 1)

        self.document = QWidget(self)
        column = QVBoxLayout(self.document)
        column.setContentsMargins(24, 8, 24, 24)
        anchors: list[QWidget] = []
        parts: list[str] = []
        note_started = False
        for ref in self.state.sections():
            if ref.part == "note" and not note_started:
                note_started = True
                column.addSpacing(16)
                column.addWidget(self._part_heading(self.state.note_title))
            editor = SectionEditor(self.state, ref, self.read_only, self.document)
            editor.changed.connect(self._changed)
            editor.open_precedent.connect(self.open_precedent)
            column.addWidget(editor)
            self.sections.append(editor)
            anchors.append(editor)
            prefix = self.tr("Note") + " · " if ref.part == "note" else ""
            parts.append(prefix + ref.heading)
        appendix = self._appendix()
        column.addWidget(appendix)
        anchors.append(appendix)
        parts.append(self.tr("Appendix") + " · " + self.state.appendix_title)
        column.addStretch(1)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.document)
        self._anchors = anchors

        self.parts = PartsModel(parts, self)
        self.parts_view = QListView(self)
        self.parts_view.setModel(self.parts)
        self.parts_view.clicked.connect(lambda index: self.show_part(index.row()))
        self.parts_view.setMinimumWidth(200)
        self.evidence = QLabel(self.evidence_html(), self)
        self.evidence.setWordWrap(True)
        self.evidence.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.evidence.setTextFormat(Qt.TextFormat.RichText)
        self.evidence.setMinimumWidth(240)
        self.cited = QLabel(self)
        self.cited.setWordWrap(True)
        self.cited.setTextFormat(Qt.TextFormat.RichText)
        self.cited.linkActivated.connect(self.open_precedent)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self._part_heading(self.tr("Evidence")))
        side_layout.addWidget(self.evidence)
        side_layout.addSpacing(8)
        side_layout.addWidget(self._part_heading(self.tr("Precedents cited")))
        side_layout.addWidget(self.cited)
        side_layout.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.parts_view)
        splitter.addWidget(self.scroller)
        splitter.addWidget(side)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 840, 300])

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.export_button = self.buttons.addButton(
            self.tr("Export to Word…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(self.save)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.close)
        self.save_button.setEnabled(not self.read_only)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(title_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

    def evidence_html(self) -> str:
        """The figures the draft rests on, for the side panel."""
        if self.policy.content is None:
            return ""
        found = self.policy.content.evidence
        rows = [
            (self.tr("Precedents"), str(found.support)),
            (self.tr("Districts"), "、".join(found.districts)),
            (self.tr("Period"), f"{found.first_on.isoformat()} — {found.last_on.isoformat()}"),
            (self.tr("Barriers removed"), "、".join(found.barriers_removed) or "—"),
        ]
        lines = [f"<b>{label}</b>：{html.escape(value)}" for label, value in rows]
        amounts = [self.amount_line(a) for a in found.amounts if a.minimum]
        if amounts:
            heading = self.tr("Amounts")
            lines.append(f"<b>{heading}</b>：<br>" + "<br>".join(amounts))
        return "<br>".join(lines)

    def amount_line(self, amounts: AmountEvidence) -> str:
        """医疗救助：8000元–30000元（median 17500元）; one figure when all were the same."""
        measure = html.escape(amounts.measure)
        if amounts.minimum == amounts.maximum:
            return f"{measure}：{amounts.minimum}"
        median = self.tr("（median %1）").replace("%1", str(amounts.median))
        return f"{measure}：{amounts.minimum}–{amounts.maximum}{median}"

    def _part_heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = QFont(label.font())
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        label.setFont(font)
        label.setStyleSheet("color: #1f3a5f;")
        return label

    def _appendix(self) -> QWidget:
        box = QWidget(self.document)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.addWidget(self._part_heading(self.state.appendix_title))
        note = QLabel(self.tr("Masked; listed from the pattern's precedents."), box)
        note.setStyleSheet("color: #6b7280;")
        layout.addWidget(note)
        table = QLabel(appendix_html(self.state), box)
        table.setTextFormat(Qt.TextFormat.RichText)
        table.setWordWrap(True)
        layout.addWidget(table)
        return box

    def show_part(self, row: int) -> None:
        if 0 <= row < len(self._anchors):
            self.scroller.verticalScrollBar().setValue(self._anchors[row].y())

    # -- state --------------------------------------------------------------------

    def _changed(self) -> None:
        self._typed = True
        self._update_status()

    def commit(self) -> None:
        """Write every box back to the draft state."""
        self.state.set_title(self.title.text())
        for section in self.sections:
            section.commit()

    def is_dirty(self) -> bool:
        self.commit()
        return self.state.dirty

    def _update_status(self) -> None:
        policy = self.policy
        content = policy.content
        support = content.evidence.support if content else 0
        parts = [
            str(policy.status),
            self.tr("from pattern %1").replace("%1", policy.pattern_id or "—"),
            self.tr("%n precedent(s)", "", support),
        ]
        if self.read_only:
            parts.append(self.tr("adopted policies are not edited"))
        elif self._typed or self.state.dirty:
            parts.append(self.tr("unsaved changes"))
        else:
            parts.append(self.tr("saved"))
        self.status.setText(" · ".join(parts))
        codes = self.state.cited_codes()
        self.cited.setText("、".join(f'<a href="{c}">{unbroken(c)}</a>' for c in codes) or "—")

    # -- actions ------------------------------------------------------------------

    def save(self, then: Any = None) -> None:
        if self.read_only:
            return
        self.commit()
        problems = self.state.problems()
        if problems:
            show_message(self, "\n".join(problems))
            return
        content = self.state.content()
        library, policy_id = self.library, self.policy.id
        self.save_button.setEnabled(False)
        self.tasks.run(
            lambda _p: ops.save_draft(library, policy_id, content),
            on_done=lambda policy: self._saved(policy, then),
            on_error=self._save_failed,
            parent=self,
        )

    def _saved(self, policy: Policy, then: Any) -> None:
        self.policy = policy
        if policy.content is not None:
            self.state.mark_saved(policy.content)
        self._typed = False
        self.save_button.setEnabled(True)
        self.setWindowTitle(self.tr("Policy draft — %1").replace("%1", policy.title))
        self._update_status()
        self.saved.emit(policy)
        if callable(then):
            then()

    def _save_failed(self, error: BaseException, details: str) -> None:
        from desktop.errors import show_error

        self.save_button.setEnabled(True)
        show_error(self, error, details)

    def export(self) -> None:
        """Export what is saved; unsaved edits are saved first."""
        if not self.read_only and self.is_dirty():
            self.save(then=lambda: self.export_requested.emit(self.policy))
            return
        self.export_requested.emit(self.policy)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing or self.read_only or not self.is_dirty():
            event.accept()
            return
        answer = UnsavedChanges.ask(self, self.state.title)
        if answer is Unsaved.CANCEL:
            event.ignore()
            return
        if answer is Unsaved.DISCARD:
            event.accept()
            return
        event.ignore()
        self.save(then=self._close_now)

    def _close_now(self) -> None:
        self._closing = True
        self.close()
