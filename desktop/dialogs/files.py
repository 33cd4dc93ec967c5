"""Choosing files: one place for every file dialog, so tests can answer them.

Each chooser is a classmethod returning paths (or None when the officer
cancels); tests replace the classmethods instead of driving native dialogs.
The last folder used is remembered for the next dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.prefs import LAST_FOLDER, Prefs

translate = QCoreApplication.translate


def start_folder() -> Path:
    """The folder of the last file chosen, or the officer's Documents folder."""
    folder = Prefs().text(LAST_FOLDER)
    if folder and Path(folder).is_dir():
        return Path(folder)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def remember_folder(path: Path) -> None:
    """The next file dialog starts in `path`'s folder."""
    Prefs().set_text(LAST_FOLDER, str(path.parent))


def save_as(
    parent: QWidget | None, title: str, suggested: str, kinds: str, suffixes: tuple[str, ...]
) -> Path | None:
    """A file to write, offered in the start folder; its suffix one of `suffixes`.

    A name without one of them gets the suffix of the file type chosen in the
    dialog (the last of `suffixes` when none matches) appended: a dot inside the
    name, as in "2024.06台账", is part of the name, not a suffix to replace.
    """
    name, chosen = QFileDialog.getSaveFileName(
        parent, title, str(start_folder() / suggested), kinds
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in suffixes:
        suffix = next((s for s in suffixes if s[1:] in chosen), suffixes[-1])
        path = path.with_name(path.name + suffix)
    remember_folder(path)
    return path


class FileChooser:
    @classmethod
    def import_file(cls, parent: QWidget | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            translate("FileChooser", "Import precedents"),
            str(start_folder()),
            translate(
                "FileChooser", "Precedent files (*.jsonl *.json *.ndjson *.xlsx);;All files (*)"
            ),
        )
        if not name:
            return None
        remember_folder(Path(name))
        return Path(name)

    @classmethod
    def export_file(cls, parent: QWidget | None, suggested: str) -> Path | None:
        return save_as(
            parent,
            translate("FileChooser", "Export precedents"),
            suggested,
            translate("FileChooser", "Excel ledger (*.xlsx);;JSON Lines (*.jsonl)"),
            (".xlsx", ".jsonl"),
        )

    @classmethod
    def attachments(cls, parent: QWidget | None) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            parent,
            translate("FileChooser", "Attach files"),
            str(start_folder()),
            translate(
                "FileChooser",
                "Documents and images (*.docx *.doc *.pdf *.png *.jpg *.jpeg *.gif *.bmp "
                "*.tif *.tiff *.webp);;All files (*)",
            ),
        )
        if names:
            remember_folder(Path(names[0]))
        return [Path(name) for name in names]

    @classmethod
    def folder(cls, parent: QWidget | None, title: str, start: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title, start)
        return Path(name) if name else None

    @classmethod
    def template(cls, parent: QWidget | None, start: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            translate("FileChooser", "Office template"),
            start,
            translate("FileChooser", "Word documents (*.docx)"),
        )
        return Path(name) if name else None
