"""Where the statistics exports go: one place for their file dialogs, so tests can answer them.

Each chooser is a classmethod returning a path (None when the officer cancels);
tests replace the classmethods instead of driving native dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.dialogs.files import remember_folder, start_folder
from desktop.prefs import LAST_FOLDER, Prefs

translate = QCoreApplication.translate


def _save(
    parent: QWidget | None, title: str, suggested: str, kinds: str, suffix: str
) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder() / suggested), kinds)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    remember_folder(path)
    return path


class StatsFiles:
    @classmethod
    def excel_file(cls, parent: QWidget | None, suggested: str) -> Path | None:
        return _save(
            parent,
            translate("StatsFiles", "Export the figures to Excel"),
            suggested,
            translate("StatsFiles", "Excel workbook (*.xlsx)"),
            ".xlsx",
        )

    @classmethod
    def word_file(cls, parent: QWidget | None, suggested: str) -> Path | None:
        return _save(
            parent,
            translate("StatsFiles", "Export the summary to Word"),
            suggested,
            translate("StatsFiles", "Word document (*.docx)"),
            ".docx",
        )

    @classmethod
    def picture_folder(cls, parent: QWidget | None) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            parent,
            translate("StatsFiles", "Save the charts as PNG pictures in"),
            str(start_folder()),
        )
        if not name:
            return None
        Prefs().set_text(LAST_FOLDER, name)
        return Path(name)
