"""Export options: which precedents, and whether personal data is masked.

Masked is the default. Exporting unmasked personal data needs a reason, which
the domain records in the audit trail with the export.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True, slots=True)
class ExportChoice:
    only_results: bool
    masked: bool
    reason: str


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, total: int, results: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export precedents"))
        self.all_button = QRadioButton(
            self.tr("All precedents (%1)").replace("%1", f"{total:,}"), self
        )
        self.results_button = QRadioButton(
            self.tr("The current search results (%1)").replace("%1", f"{results:,}"), self
        )
        self.all_button.setChecked(True)
        self.results_button.setEnabled(0 < results < total)
        self.masked = QCheckBox(self.tr("Mask personal data (recommended)"), self)
        self.masked.setChecked(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why unmasked data must leave the program"))
        self.reason.setEnabled(False)
        self.hint = QLabel(
            self.tr(
                "Names become 王某, ID and phone numbers are shortened, addresses stop at the "
                "town. An unmasked export is recorded in the audit trail with its reason."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #6b7280;")
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(
            self.tr("Choose file…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.masked.toggled.connect(self._update)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.all_button)
        layout.addWidget(self.results_button)
        layout.addSpacing(8)
        layout.addWidget(self.masked)
        layout.addWidget(self.reason)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _update(self) -> None:
        masked = self.masked.isChecked()
        self.reason.setEnabled(not masked)
        self.ok.setEnabled(masked or bool(self.reason.text().strip()))

    def choice(self) -> ExportChoice:
        return ExportChoice(
            only_results=self.results_button.isChecked(),
            masked=self.masked.isChecked(),
            reason=self.reason.text().strip() if not self.masked.isChecked() else "",
        )

    @classmethod
    def ask(cls, parent: QWidget | None, total: int, results: int) -> ExportChoice | None:
        dialog = cls(parent, total, results)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
