"""A new matter for the meeting: paste what was reported, confirm, fill the form, save.

Step one takes a paragraph (from the village, the monitoring platform) and
shows what the program reads in it as ticked suggestions; step two is the
library's own edit form (`EditorPanel`), filled with the paragraph as the
situation and the ticked suggestions, where the officer completes the code
and whatever else is known and saves. The dialog returns the saved code.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.editor.editor import EditorPanel
from desktop.meetings.intake import apply_suggestions, fields_from_text, suggest
from desktop.tasks import TaskManager
from precedents.library import Library
from precedents.record import PrecedentRecord

FIELD_ROLE = Qt.ItemDataRole.UserRole + 1


class NewMatterDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        library: Library,
        tasks: TaskManager,
        districts: Callable[[], list[str]],
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.districts = districts
        self.code = ""
        self.setWindowTitle(self.tr("New matter for the meeting"))
        self.steps = QStackedWidget(self)
        self.steps.addWidget(self._paste_step())
        self.editor = EditorPanel(library, tasks, districts, self)
        self.editor.saved.connect(self._saved)
        self.editor.closed.connect(self.reject)
        self.steps.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.steps)
        self.resize(960, 760)

    def _paste_step(self) -> QWidget:
        step = QWidget(self)
        intro = QLabel(
            self.tr(
                "Paste what was reported about the matter. It becomes the situation as it is; "
                "what the program reads in it is offered below for the form."
            ),
            step,
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(step)
        self.text.setPlaceholderText(
            self.tr("e.g. 陈某某，86岁，丧偶独居，跌倒后生活不能自理，子女均在外地……")
        )
        self.read_button = QPushButton(self.tr("Read the text"), step)
        self.read_button.clicked.connect(self.read_text)
        self.suggestions = QListWidget(step)
        self.suggestions.setMaximumHeight(180)
        self.fill_button = QPushButton(self.tr("Fill the form…"), step)
        self.fill_button.setDefault(True)
        self.fill_button.clicked.connect(self.fill_form)
        blank = QPushButton(self.tr("Empty form"), step)
        blank.clicked.connect(self.empty_form)
        cancel = QPushButton(self.tr("Cancel"), step)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(blank)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.fill_button)
        layout = QVBoxLayout(step)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(self.tr("Read in the text (untick what is wrong):"), step))
        layout.addWidget(self.suggestions)
        layout.addLayout(buttons)
        return step

    def read_text(self) -> None:
        found = suggest(self.text.toPlainText(), self.library.vocabulary(), self.districts())
        self.suggestions.clear()
        for name, value in found.items():
            item = QListWidgetItem(f"{self._label(name)}：{value}", self.suggestions)
            item.setData(FIELD_ROLE, (name, value))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        if not self.suggestions.count():
            QListWidgetItem(
                self.tr("Nothing recognised; the form starts with the text only."), self.suggestions
            )

    def _label(self, name: str) -> str:
        labels = {
            "title": self.tr("Title"),
            "district": self.tr("District"),
            "hardships": self.tr("Hardship"),
            "barriers": self.tr("Barrier"),
            "household_size": self.tr("Household size"),
            "monthly_income": self.tr("Monthly income"),
            "discovery": self.tr("Found by"),
        }
        return labels.get(name, name)

    def accepted_items(self) -> list[tuple[str, str]]:
        chosen = []
        for row in range(self.suggestions.count()):
            item = self.suggestions.item(row)
            pair = item.data(FIELD_ROLE)
            if pair and item.checkState() == Qt.CheckState.Checked:
                chosen.append(tuple(pair))
        return chosen

    def fill_form(self) -> None:
        if not self.suggestions.count() and self.text.toPlainText().strip():
            self.read_text()
        fields = apply_suggestions(fields_from_text(self.text.toPlainText()), self.accepted_items())
        self.editor.start_new(fields)
        self.steps.setCurrentIndex(1)

    def empty_form(self) -> None:
        self.editor.start_new()
        self.steps.setCurrentIndex(1)

    def _saved(self, record: PrecedentRecord, _old: str) -> None:
        self.code = record.code
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        library: Library,
        tasks: TaskManager,
        districts: Callable[[], list[str]],
    ) -> str | None:
        """The code of the new matter saved, or None."""
        dialog = cls(parent, library, tasks, districts)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.code or None
