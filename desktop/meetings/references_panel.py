"""The similar precedents pane: the table of `ReferencesModel` and what it says about them.

A note says how many precedents are close (or that none is, so a weak match is
never taken for one to follow); the first column takes the 参照/参考 mark.
"""

from __future__ import annotations

from typing import Any

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

from desktop.editor.rows import ChoiceDelegate
from desktop.meetings.references_model import ReferencesModel
from desktop.search_adapter import SimilarResults
from precedents.meetings.model import ReferenceMode

#: Widths of the mark and score columns at normal type size.
FIXED_COLUMNS = ((0, 52), (1, 64))


class ReferencesPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ReferencesModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        marks = tuple(mode.value for mode in ReferenceMode)
        self.view.setItemDelegateForColumn(0, ChoiceDelegate(marks, self))
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.size_columns()
        heading = QLabel(self.tr("Similar precedents"), self)
        heading.setStyleSheet("font-weight: 600; color: #1f3a5f;")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #6b7280;")
        self.find_button = QPushButton(self.tr("Find again"), self)
        self.hint = QLabel(
            self.tr("Mark each precedent 参照 (followed) or 参考 (consulted) in the first column."),
            self,
        )
        self.hint.setStyleSheet("color: #6b7280;")
        self.hint.setWordWrap(True)
        heading_row = QHBoxLayout()
        heading_row.addWidget(heading)
        heading_row.addWidget(self.note, 1)
        heading_row.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addLayout(heading_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)

    def size_columns(self, scale: float = 1.0) -> None:
        """Mark and score fixed (scaled with the type), the texts sharing the rest."""
        header = self.view.horizontalHeader()
        for section, width in FIXED_COLUMNS:
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(section, int(width * scale))
        for section in (2, 3, 4):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
        self.view.resizeRowsToContents()

    def show_similar(self, results: SimilarResults, decisions: dict[str, Any]) -> None:
        self.model.set_hits(results.hits)
        self.model.set_decisions(decisions)
        if not results.ready:
            self.note.setText(self.tr("The similarity index is still opening: Find again soon."))
        elif not results.hits:
            self.note.setText(self.tr("No similar precedent found."))
        elif not results.has_close:
            self.note.setText(self.tr("None is close: compare with care."))
        else:
            close = sum(1 for hit in results.hits if hit.close)
            self.note.setText(self.tr("%n close precedent(s).", "", close))
        self.view.resizeRowsToContents()
