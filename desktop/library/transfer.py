"""Import and export from the menu, run in the background with progress and Cancel.

Import reads and validates the whole file first (nothing is written); if some
records are bad the officer sees which rows and why, and chooses to import the
valid ones or nothing. The import itself is one transaction: cancelling it, or
any error, leaves the library as it was. Export writes masked data unless the
officer gives a reason for an unmasked file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop import operations
from desktop.dialogs.export_dialog import ExportDialog
from desktop.dialogs.files import FileChooser
from desktop.dialogs.import_report import ImportReportDialog
from desktop.errors import show_error
from desktop.tasks import TaskManager
from precedents.errors import ImportFailed
from precedents.library import Library

if TYPE_CHECKING:
    from precedents.interchange.exporter import ExportResult
    from precedents.interchange.importer import ImportReport, ParsedFile


class Transfer(QObject):
    imported = Signal(object)  # ImportReport
    message = Signal(str)

    def __init__(self, library: Library, tasks: TaskManager, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.library = library
        self.tasks = tasks
        self.widget = parent_widget

    # -- import -----------------------------------------------------------------

    def import_file(self, path: Path | None = None) -> None:
        path = path or FileChooser.import_file(self.widget)
        if path is None:
            return
        self.tasks.run(
            lambda progress: operations.check_import(self.library, path, progress),
            on_done=lambda parsed: self._checked(path, parsed),
            on_error=self._import_failed,
            on_cancel=self._import_cancelled,
            label=self.tr("Checking %1…").replace("%1", path.name),
            parent=self.widget,
        )

    def _checked(self, path: Path, parsed: ParsedFile) -> None:
        if parsed.rejected and not ImportReportDialog.ask_partial(
            self.widget, path.name, len(parsed.records), parsed.rejected
        ):
            self.message.emit(self.tr("Nothing was imported."))
            return
        self.tasks.run(
            lambda progress: operations.run_import(self.library, path, progress),
            on_done=self._imported,
            on_error=self._import_failed,
            on_cancel=self._import_cancelled,
            label=self.tr("Importing %1…").replace("%1", path.name),
            parent=self.widget,
        )

    def _imported(self, report: ImportReport) -> None:
        self.imported.emit(report)
        self.message.emit(
            self.tr("Imported %1: %2 created, %3 updated.")
            .replace("%1", report.file)
            .replace("%2", str(report.created))
            .replace("%3", str(report.updated))
        )
        ImportReportDialog.show_result(self.widget, report)

    def _import_cancelled(self) -> None:
        self.message.emit(self.tr("Import cancelled; nothing was imported."))

    def _import_failed(self, error: BaseException, details: str) -> None:
        if isinstance(error, ImportFailed):
            ImportReportDialog.show_failure(self.widget, error.message, error.issues)
        else:
            show_error(self.widget, error, details)

    # -- export -----------------------------------------------------------------

    def export(self, result_codes: list[str], total: int) -> None:
        choice = ExportDialog.ask(self.widget, total, len(result_codes))
        if choice is None:
            return
        suggested = f"先例导出-{dt.date.today().isoformat()}.xlsx"
        path = FileChooser.export_file(self.widget, suggested)
        if path is None:
            return
        codes = list(result_codes) if choice.only_results else None
        self.tasks.run(
            lambda progress: operations.run_export(
                self.library,
                path,
                masked=choice.masked,
                reason=choice.reason,
                codes=codes,
                progress=progress,
            ),
            on_done=self._exported,
            on_cancel=lambda: self.message.emit(self.tr("Export cancelled; no file was written.")),
            label=self.tr("Exporting to %1…").replace("%1", path.name),
            parent=self.widget,
        )

    def _exported(self, result: ExportResult) -> None:
        text = self.tr("Exported %1 precedent(s) to %2 (masked).")
        if not result.masked:
            text = self.tr("Exported %1 precedent(s) to %2, unmasked; recorded in the audit trail.")
        self.message.emit(text.replace("%1", str(result.count)).replace("%2", str(result.path)))
