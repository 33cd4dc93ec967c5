"""Export options: which precedents, and whether personal data is masked.

Masked is the default (`desktop.dialogs.masking.MaskingChoice`). Exporting
unmasked personal data needs a reason, which the domain records in the audit
trail with the export.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QRadioButton, QVBoxLayout, QWidget

from desktop.dialogs.masking import MaskingChoice, choose_file_buttons


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
        self.masking = MaskingChoice(
            self,
            self.tr(
                "Names become 王某, ID and phone numbers are shortened, addresses stop at the "
                "town. An unmasked export is recorded in the audit trail with its reason."
            ),
        )
        self.masked, self.reason = self.masking.masked, self.masking.reason
        self.buttons, self.ok = choose_file_buttons(self)
        self.masking.changed.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.all_button)
        layout.addWidget(self.results_button)
        layout.addSpacing(8)
        layout.addWidget(self.masking)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _update(self) -> None:
        self.ok.setEnabled(self.masking.complete())

    def choice(self) -> ExportChoice:
        masked, reason = self.masking.choice()
        return ExportChoice(self.results_button.isChecked(), masked, reason)

    @classmethod
    def ask(cls, parent: QWidget | None, total: int, results: int) -> ExportChoice | None:
        dialog = cls(parent, total, results)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
