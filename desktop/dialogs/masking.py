"""The masking question every export asks: masked by default, a reason for unmasked.

`MaskingChoice` is the checkbox, the reason field (enabled only when unmasked)
and a grey hint saying what the export does; `complete()` is False while an
unmasked export has no reason, and `changed` fires on every edit so the dialog
can enable its OK button. `choose_file_buttons` gives the "Choose file…" and
Cancel buttons the export dialogs share. The domain records the reason in the
audit trail with the export.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class MaskingChoice(QWidget):
    """Mask personal data (checked by default); unmasked needs a written reason."""

    changed = Signal()

    def __init__(self, parent: QWidget | None, hint: str) -> None:
        super().__init__(parent)
        self.masked = QCheckBox(self.tr("Mask personal data (recommended)"), self)
        self.masked.setChecked(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why unmasked data must leave the program"))
        self.reason.setEnabled(False)
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #6b7280;")
        self.masked.toggled.connect(self._toggled)
        self.reason.textChanged.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.masked, self.reason, self.hint):
            layout.addWidget(widget)

    def _toggled(self, masked: bool) -> None:
        self.reason.setEnabled(not masked)
        self.changed.emit()

    def complete(self) -> bool:
        """Masked, or unmasked with a reason."""
        return self.masked.isChecked() or bool(self.reason.text().strip())

    def choice(self) -> tuple[bool, str]:
        """(masked, the reason when unmasked else "")."""
        masked = self.masked.isChecked()
        return masked, "" if masked else self.reason.text().strip()


def choose_file_buttons(dialog: QDialog) -> tuple[QDialogButtonBox, QPushButton]:
    """ "Choose file…" (accepts) and Cancel (rejects) for `dialog`; returns (box, the OK button)."""
    buttons = QDialogButtonBox(dialog)
    ok = buttons.addButton(
        QCoreApplication.translate("MaskingChoice", "Choose file…"),
        QDialogButtonBox.ButtonRole.AcceptRole,
    )
    buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok
