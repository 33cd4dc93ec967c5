"""Exporting a policy draft to Word: choose file and template, write it, offer to open it.

Both the draft editor and the registry use this one flow. Writing runs on the
task helper (a progress dialog appears if it takes a while); a problem with the
template or the file is shown as the domain words it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.dialogs.files import remember_folder, start_folder
from desktop.patterns import operations as ops
from desktop.patterns.policy_dialogs import DraftExportDialog, OpenExported
from desktop.tasks import TaskManager
from precedents.library import Library
from precedents.patterns.registry import Policy

translate = QCoreApplication.translate


class ReplaceFile:
    @classmethod
    def ask(cls, parent: QWidget | None, path: Path) -> bool:
        answer = QMessageBox.question(
            parent,
            translate("PolicyQuestions", "Export draft to Word"),
            translate("PolicyQuestions", "%1 already exists. Replace it?").replace("%1", str(path)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


class DraftExporter(QObject):
    """Runs the export of one policy's draft from a widget of the screen."""

    exported = Signal(object)  # Path

    def __init__(self, library: Library, tasks: TaskManager, parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self.tasks = tasks

    def export(self, policy: Policy, parent: QWidget) -> None:
        suggested = start_folder() / ops.draft_file_name(policy)
        choice = DraftExportDialog.ask(
            parent, self.tasks, suggested, self.library.settings.template_path
        )
        if choice is None:
            return
        if choice.out.exists() and not ReplaceFile.ask(parent, choice.out):
            return
        library = self.library
        self.tasks.run(
            lambda progress: ops.export_draft(
                library, policy.id, choice.out, choice.template, progress
            ),
            on_done=lambda path: self._done(path, parent),
            label=self.tr("Writing the Word document…"),
            parent=parent,
        )

    def _done(self, path: Path, parent: QWidget) -> None:
        remember_folder(path)
        self.exported.emit(path)
        if OpenExported.ask(parent, path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
