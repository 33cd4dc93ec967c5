"""Exporting the audit trail: masked by default, unmasked only with a reason.

`AuditExportDialog.ask` returns the file and the choice (or None); tests
replace it. The export itself runs in `audit_ops.export` and is recorded in
the trail, with the reason when personal data leaves the program unmasked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from desktop.dialogs.files import save_as
from desktop.dialogs.masking import MaskingChoice, choose_file_buttons


@dataclass(frozen=True, slots=True)
class AuditExportChoice:
    path: Path
    masked: bool
    reason: str


class AuditExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, count: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the audit trail"))
        intro = QLabel(
            self.tr("%1 event(s) match the filter and will be exported.").replace(
                "%1", f"{count:,}"
            ),
            self,
        )
        self.masking = MaskingChoice(
            self,
            self.tr(
                "Excel (.xlsx) or CSV: one row per event, one per changed field with its old "
                "and new value. The export is recorded in the audit trail."
            ),
        )
        self.masked, self.reason = self.masking.masked, self.masking.reason
        self.buttons, self.ok = choose_file_buttons(self)
        self.masking.changed.connect(self._update)
        layout = QVBoxLayout(self)
        for widget in (intro, self.masking, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(460)

    def _update(self) -> None:
        self.ok.setEnabled(self.masking.complete())

    def choose_file(self) -> Path | None:
        return save_as(
            self,
            self.tr("Export the audit trail"),
            "审计日志.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
            (".xlsx", ".csv"),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, count: int) -> AuditExportChoice | None:
        dialog = cls(parent, count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        path = dialog.choose_file()
        if path is None:
            return None
        return AuditExportChoice(path, *dialog.masking.choice())
