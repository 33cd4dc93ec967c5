"""Exporting the audit trail: masked by default, unmasked only with a reason.

`AuditExportDialog.ask` returns the file and the choice (or None); tests
replace it. The export itself runs in `audit_ops.export` and is recorded in
the trail, with the reason when personal data leaves the program unmasked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.prefs import LAST_FOLDER, Prefs


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
        self.masked = QCheckBox(self.tr("Mask personal data (recommended)"), self)
        self.masked.setChecked(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why unmasked data must leave the program"))
        self.reason.setEnabled(False)
        hint = QLabel(
            self.tr(
                "Excel (.xlsx) or CSV: one row per event, one per changed field with its old "
                "and new value. The export is recorded in the audit trail."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #6b7280;")
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
        for widget in (intro, self.masked, self.reason, hint, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(460)

    def _update(self) -> None:
        unmasked = not self.masked.isChecked()
        self.reason.setEnabled(unmasked)
        self.ok.setEnabled(not unmasked or bool(self.reason.text().strip()))

    def choose_file(self) -> Path | None:
        prefs = Prefs()
        folder = prefs.text(LAST_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit trail"),
            str(Path(folder) / "审计日志.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx" if "xlsx" in chosen else ".csv")
        prefs.set_text(LAST_FOLDER, str(path.parent))
        return path

    @classmethod
    def ask(cls, parent: QWidget | None, count: int) -> AuditExportChoice | None:
        dialog = cls(parent, count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        path = dialog.choose_file()
        if path is None:
            return None
        masked = dialog.masked.isChecked()
        return AuditExportChoice(path, masked, "" if masked else dialog.reason.text().strip())
