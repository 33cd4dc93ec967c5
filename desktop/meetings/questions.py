"""The meeting screen's questions, each a dialog with a `classmethod ask()`.

A written reason for a decision that departs from the closest precedents, the
reason a matter goes up a level or back for more information, which meeting
the minutes are for when a matter has had several, and how a Word document is
written (masked by default, the office template if there is one).
Tests replace `ask` to answer without clicking.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.files import FileChooser
from desktop.dialogs.masking import MaskingChoice, choose_file_buttons


class _ReasonDialog(QDialog):
    """A question that needs a written answer; OK stays off until there is one."""

    def __init__(self, parent: QWidget | None, title: str, text: str, reason: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(reason)
        self.editor.setMinimumHeight(110)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.editor.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.editor)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason()))

    def reason(self) -> str:
        return self.editor.toPlainText().strip()


class ConsistencyReason(_ReasonDialog):
    """The decision departs from the closest precedents: why?"""

    def __init__(self, parent: QWidget | None, departures: list[str], reason: str) -> None:
        items = "".join(f"<li>{escape(text)}</li>" for text in departures)
        super().__init__(
            parent,
            self.tr("Decision departs from precedents"),
            self.tr(
                "The decision departs from the closest precedents:<ul>%1</ul>"
                "Write down why. The reason is stored with the decision and printed in "
                "the minutes."
            ).replace("%1", items),
            reason,
        )

    @classmethod
    def ask(cls, parent: QWidget | None, departures: list[str], reason: str = "") -> str | None:
        dialog = cls(parent, departures, reason)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason()


class OutcomeReason(_ReasonDialog):
    """Why the matter goes up a level, or what it lacks (returned)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, reason: str = "") -> str | None:
        dialog = cls(parent, title, text, reason)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason()


class MinutesReview(QDialog):
    """Which of the matter's meetings the minutes are for."""

    def __init__(
        self, parent: QWidget | None, choices: list[tuple[int, str]], current: int
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Meeting minutes"))
        self.label = QLabel(
            self.tr("This matter was reviewed at several meetings. Minutes of:"), self
        )
        self.box = QComboBox(self)
        for sequence, text in choices:
            self.box.addItem(text, sequence)
        self.box.setCurrentIndex(max(self.box.findData(current), 0))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.box)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def sequence(self) -> int:
        return int(self.box.currentData())

    @classmethod
    def ask(
        cls, parent: QWidget | None, choices: list[tuple[int, str]], current: int
    ) -> int | None:
        """The sequence of the meeting chosen, or None when cancelled."""
        dialog = cls(parent, choices, current)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.sequence()


@dataclass(frozen=True, slots=True)
class WordChoice:
    """How a meeting document is written and where it goes."""

    out: Path
    masked: bool = True
    reason: str = ""
    template: Path | None = None


class WordExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, template: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.masking = MaskingChoice(
            self, self.tr("An unmasked document is recorded in the audit trail with its reason.")
        )
        self.masked, self.reason = self.masking.masked, self.masking.reason
        self.use_template = QCheckBox(self.tr("Use the office template"), self)
        self.template = QLineEdit(template, self)
        self.template.setPlaceholderText(self.tr("A Word document with the red header"))
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.use_template.setChecked(bool(template))
        self.buttons, self.ok = choose_file_buttons(self)
        self.masking.changed.connect(self._update)
        self.use_template.toggled.connect(self._update)
        self.template.textChanged.connect(self._update)
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.template, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.masking)
        layout.addSpacing(8)
        layout.addWidget(self.use_template)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._update()

    def _browse(self) -> None:
        start = str(Path(self.template.text()).parent) if self.template.text() else ""
        chosen = FileChooser.template(self, start)
        if chosen is not None:
            self.template.setText(str(chosen))

    def _update(self) -> None:
        using = self.use_template.isChecked()
        self.template.setEnabled(using)
        self.browse.setEnabled(using)
        template_ok = not using or Path(self.template.text().strip()).is_file()
        self.ok.setEnabled(template_ok and self.masking.complete())

    def options(self) -> tuple[bool, str, Path | None]:
        """(masked, reason for unmasked, template or None)."""
        template = self.template.text().strip() if self.use_template.isChecked() else ""
        return (*self.masking.choice(), Path(template) if template else None)

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, suggested: str, template: str = ""
    ) -> WordChoice | None:
        dialog = cls(parent, title, template)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        masked, reason, chosen = dialog.options()
        name, _ = QFileDialog.getSaveFileName(
            parent,
            title,
            suggested,
            QCoreApplication.translate("WordExportDialog", "Word documents (*.docx)"),
        )
        if not name:
            return None
        out = Path(name) if name.lower().endswith(".docx") else Path(name + ".docx")
        return WordChoice(out, masked, reason, chosen)
