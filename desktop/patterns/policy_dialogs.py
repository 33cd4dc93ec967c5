"""Dialogs of a policy's life: exporting its draft, adopting it, repealing it.

Each has a `classmethod ask()` that tests replace. The export dialog checks an
office template as soon as it is chosen (`precedents.documents.check_template`)
and lists what is wrong with it; a blocking problem disables the export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.files import FileChooser
from desktop.tasks import TaskManager
from precedents.patterns.registry import Policy

if TYPE_CHECKING:
    from precedents.documents import TemplateProblem

translate = QCoreApplication.translate


def _check_template(template: Path) -> list[TemplateProblem]:
    # The Word package (python-docx) loads on this background thread, not at start-up.
    from precedents.documents import check_template

    return check_template(template)


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """Where to write the draft, and with which template (None: the built-in layout)."""

    out: Path
    template: Path | None


def describe_problems(problems: list[TemplateProblem]) -> str:
    lines = []
    for problem in problems:
        kind = (
            translate("DraftExportDialog", "Cannot be used")
            if problem.blocking
            else translate("DraftExportDialog", "Warning")
        )
        lines.append(f"{kind}：{problem.message}")
    return "\n".join(lines)


class DraftExportDialog(QDialog):
    """The file to write and the template: built-in, the settings' one, or another file."""

    def __init__(
        self,
        parent: QWidget | None,
        tasks: TaskManager,
        suggested: Path,
        settings_template: str,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(self.tr("Export draft to Word"))
        self.setMinimumWidth(620)
        self._blocked = False
        self.out = QLineEdit(str(suggested), self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_out)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        self.builtin = QRadioButton(self.tr("Built-in layout (GB/T 9704)"), self)
        self.from_settings = QRadioButton(self)
        self.other = QRadioButton(self.tr("Another office template…"), self)
        self.group = QButtonGroup(self)
        for button in (self.builtin, self.from_settings, self.other):
            self.group.addButton(button)
        self.settings_template = settings_template
        self.other_path = QLineEdit(self)
        self.other_path.setPlaceholderText(self.tr("Office template (.docx)"))
        self.other_path.setEnabled(False)
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self._choose_template)
        other_row = QHBoxLayout()
        other_row.addWidget(self.other_path, 1)
        other_row.addWidget(choose)
        self.report = QLabel(self)
        self.report.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Word file"), out_row)
        form.addRow(self.tr("Layout"), self.builtin)
        form.addRow("", self.from_settings)
        form.addRow("", self.other)
        form.addRow("", other_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.report)
        layout.addWidget(self.buttons)
        self._setup_choice()

    def _setup_choice(self) -> None:
        if self.settings_template:
            name = Path(self.settings_template).name
            self.from_settings.setText(
                self.tr("Office template of the settings: %1").replace("%1", name)
            )
            self.from_settings.setChecked(True)
        else:
            self.from_settings.setText(self.tr("Office template of the settings: none chosen"))
            self.from_settings.setEnabled(False)
            self.builtin.setChecked(True)
        self.group.buttonToggled.connect(self._toggled)
        self._choice_changed()

    def _toggled(self, _button: object, on: bool) -> None:
        if on:
            self._choice_changed()

    def template(self) -> Path | None:
        if self.from_settings.isChecked():
            return Path(self.settings_template)
        if self.other.isChecked():
            text = self.other_path.text().strip()
            return Path(text) if text else None
        return None

    def _choice_changed(self) -> None:
        self.other_path.setEnabled(self.other.isChecked())
        template = self.template()
        if template is None:
            self._blocked = self.other.isChecked()
            self._show(self.tr("Choose the office template file.") if self._blocked else "")
            return
        self._blocked = True
        self._show(self.tr("Checking the template…"))
        self.tasks.run(
            lambda _p: _check_template(template),
            on_done=lambda problems: self._checked(template, problems),
            parent=self,
        )

    def _checked(self, template: Path, problems: list[TemplateProblem]) -> None:
        if template != self.template():
            return  # another choice was made meanwhile
        self._blocked = any(p.blocking for p in problems)
        if problems:
            self._show(describe_problems(problems), error=self._blocked)
        else:
            self._show(self.tr("The template is ready to use."))

    def _show(self, text: str, *, error: bool = False) -> None:
        self.report.setText(text)
        self.report.setStyleSheet(f"color: {'#b91c1c' if error else '#4b5563'};")
        self.export_button.setEnabled(not self._blocked)

    def _choose_out(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export draft to Word"),
            self.out.text(),
            self.tr("Word documents (*.docx)"),
        )
        if name:
            path = Path(name)
            self.out.setText(
                str(path if path.suffix.lower() == ".docx" else path.with_name(path.name + ".docx"))
            )

    def _choose_template(self) -> None:
        path = FileChooser.template(self, self.other_path.text())
        if path is not None:
            self.other_path.setText(str(path))
            self._choice_changed()

    def choice(self) -> ExportChoice:
        out = Path(self.out.text().strip())
        if out.suffix.lower() != ".docx":
            out = out.with_name(out.name + ".docx")
        return ExportChoice(out, self.template())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        tasks: TaskManager,
        suggested: Path,
        settings_template: str,
    ) -> ExportChoice | None:
        dialog = cls(parent, tasks, suggested, settings_template)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()


class OpenExported:
    @classmethod
    def ask(cls, parent: QWidget | None, path: Path) -> bool:
        answer = QMessageBox.question(
            parent,
            translate("PolicyQuestions", "Draft exported"),
            translate("PolicyQuestions", "The draft was written to %1. Open it now?").replace(
                "%1", str(path)
            ),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            QMessageBox.StandardButton.Open,
        )
        return answer == QMessageBox.StandardButton.Open


def qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


@dataclass(frozen=True, slots=True)
class Adoption:
    document_number: str
    effective_on: dt.date


def criteria_text(policy: Policy) -> str:
    criteria = policy.criteria
    parts = []
    if criteria.hardships:
        parts.append(
            translate("AdoptDialog", "Hardships (all): %1").replace(
                "%1", "、".join(criteria.hardships)
            )
        )
    if criteria.barriers:
        parts.append(
            translate("AdoptDialog", "Barriers removed (any): %1").replace(
                "%1", "、".join(criteria.barriers)
            )
        )
    if criteria.key_terms:
        parts.append(
            translate("AdoptDialog", "Narrative mentions (any): %1").replace(
                "%1", "、".join(criteria.key_terms)
            )
        )
    return "\n".join(parts)


class AdoptDialog(QDialog):
    """文号 and 施行日期; shows the coverage criteria that adoption fixes."""

    def __init__(self, parent: QWidget | None, policy: Policy, today: dt.date) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Adopt policy"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "《%1》 comes into force. Its coverage criteria are fixed, and every decided "
                "precedent that meets them is marked as covered; new matters that meet them "
                "are told that a general policy already settles them."
            ).replace("%1", policy.title),
            self,
        )
        intro.setWordWrap(True)
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("e.g. 厦民规〔2025〕3号"))
        self.effective = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        criteria = QLabel(criteria_text(policy), self)
        criteria.setWordWrap(True)
        criteria.setStyleSheet("color: #374151;")
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("Adopt"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok.setEnabled(False)
        self.number.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        form = QFormLayout()
        form.addRow(self.tr("Document number"), self.number)
        form.addRow(self.tr("In force from"), self.effective)
        form.addRow(self.tr("Covers matters with"), criteria)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def adoption(self) -> Adoption:
        return Adoption(self.number.text().strip(), qdate(self.effective.date()))

    @classmethod
    def ask(cls, parent: QWidget | None, policy: Policy) -> Adoption | None:
        dialog = cls(parent, policy, dt.date.today())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.adoption()


class RepealDialog(QDialog):
    def __init__(self, parent: QWidget | None, policy: Policy, today: dt.date) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Repeal policy"))
        text = QLabel(
            self.tr(
                "《%1》 stops applying from the date below. The precedents it covered stay "
                "recorded, for the history."
            ).replace("%1", policy.title),
            self,
        )
        text.setWordWrap(True)
        self.day = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        if policy.effective_on is not None:
            first = policy.effective_on
            self.day.setMinimumDate(QDate(first.year, first.month, first.day))
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Repeal"), QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.clicked.connect(
            lambda button: (
                self.accept()
                if buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.DestructiveRole
                else self.reject()
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("Repealed from"), self.day)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    @classmethod
    def ask(cls, parent: QWidget | None, policy: Policy) -> dt.date | None:
        dialog = cls(parent, policy, dt.date.today())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        day = qdate(dialog.day.date())
        return day
