"""The validation report of an import: which rows failed, and why.

Shown before anything is written when a file has bad records (the officer
chooses to import only the valid ones or nothing), and after an import with
what it did. The rows are a table model: line, field, problem.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.plain_table import Index, PlainTable
from precedents.validation import Issue

if TYPE_CHECKING:
    from precedents.interchange.importer import ImportReport, Rejected

translate = QCoreApplication.translate


class IssuesModel(PlainTable):
    """One row per problem: line, field, message."""

    header_alignment = None

    def __init__(self, issues: list[Issue], parent: Any = None) -> None:
        super().__init__(parent)
        self._issues = list(issues)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Line"), self.tr("Field"), self.tr("Problem"))

    def row_count(self) -> int:
        return len(self._issues)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        issue = self._issues[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                str(issue.line) if issue.line is not None else "",
                issue.field_label or issue.field,
                issue.message + ("（提醒）" if issue.severity == "warning" else ""),
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and issue.severity == "warning":
            return QColor("#b54708")
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(issue)
        return None


class ImportReportDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, title: str, summary: str, issues: list[Issue]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 460)
        text = QLabel(summary, self)
        text.setWordWrap(True)
        self.model = IssuesModel(issues, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.view.setVisible(bool(issues))

    @classmethod
    def ask_partial(
        cls, parent: QWidget | None, file: str, valid: int, rejected: list[Rejected]
    ) -> bool:
        """Some records are bad: import the valid ones (True) or nothing (False)?"""
        issues = [issue for r in rejected for issue in r.issues]
        summary = (
            translate(
                "ImportReportDialog",
                "%1: %2 record(s) have problems and cannot be imported; %3 are valid.",
            )
            .replace("%1", file)
            .replace("%2", str(len(rejected)))
            .replace("%3", str(valid))
        )
        dialog = cls(
            parent, translate("ImportReportDialog", "Import: problems found"), summary, issues
        )
        if valid:
            dialog.buttons.addButton(
                translate("ImportReportDialog", "Import the %1 valid records").replace(
                    "%1", str(valid)
                ),
                QDialogButtonBox.ButtonRole.AcceptRole,
            )
        dialog.buttons.addButton(
            translate("ImportReportDialog", "Import nothing"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        return dialog.exec() == QDialog.DialogCode.Accepted

    @classmethod
    def show_result(cls, parent: QWidget | None, report: ImportReport) -> None:
        summary = translate(
            "ImportReportDialog", "%1: %2 created, %3 updated, %4 unchanged, %5 skipped."
        )
        for number, value in enumerate(
            (report.file, report.created, report.updated, report.unchanged, len(report.rejected)),
            start=1,
        ):
            summary = summary.replace(f"%{number}", str(value))
        if report.rejects_file:
            summary += "\n" + translate(
                "ImportReportDialog", "Skipped records were written to %1"
            ).replace("%1", report.rejects_file)
        issues = [*(i for r in report.rejected for i in r.issues), *report.warnings]
        dialog = cls(parent, translate("ImportReportDialog", "Import finished"), summary, issues)
        dialog.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        dialog.exec()

    @classmethod
    def show_failure(cls, parent: QWidget | None, message: str, issues: list[Issue]) -> None:
        dialog = cls(
            parent, translate("ImportReportDialog", "Import not possible"), message, issues
        )
        dialog.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        dialog.exec()
