"""Settings: the officer, the data folder and database, export fonts and template,
similarity weights, and (for administrators) the vocabularies and synonyms.

Shared settings go to the data folder's settings.json, which the command line
reads too; the interface language and the data folder itself are this
desktop's own (QSettings). A new data folder, database or language takes effect
at the next start, and the dialog says so.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from desktop.dialogs.files import FileChooser
from desktop.dialogs.vocabulary_editor import VocabularyEditor
from desktop.errors import show_message
from desktop.i18n import LANGUAGES
from desktop.prefs import Prefs
from desktop.search_adapter import SearchAdapter
from precedents.db import sqlite_path
from precedents.library import Library

#: Font roles of exported documents and the usual official fonts for each.
FONT_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("title", ("方正小标宋简体", "方正小标宋_GBK", "华文中宋", "宋体")),
    ("body", ("仿宋_GB2312", "仿宋", "FangSong")),
    ("heading1", ("黑体", "SimHei")),
    ("heading2", ("楷体_GB2312", "楷体", "KaiTi")),
    ("page_number", ("宋体", "SimSun")),
)


def describe_database(library: Library) -> str:
    """The database in use as an officer reads it: the file, or the server without password."""
    url = library.engine.url.render_as_string(hide_password=False)
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    return library.engine.url.render_as_string(hide_password=True)


class SettingsDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, library: Library, adapter: SearchAdapter, prefs: Prefs
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.adapter = adapter
        self.prefs = prefs
        self.setWindowTitle(self.tr("Settings"))
        self.resize(720, 560)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._general(), self.tr("General"))
        self.tabs.addTab(self._data(), self.tr("Data"))
        self.tabs.addTab(self._documents(), self.tr("Documents"))
        weights = self._weights()
        if weights is not None:
            self.tabs.addTab(weights, self.tr("Similarity"))
        self.vocabulary = VocabularyEditor(library, self)
        self.tabs.addTab(self.vocabulary, self.tr("Vocabularies (administrators)"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    # -- tabs ---------------------------------------------------------------------

    def _form(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setContentsMargins(16, 16, 16, 16)
        form.setVerticalSpacing(10)
        return page, form

    @staticmethod
    def _note(text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setWordWrap(True)
        label.setStyleSheet("color: #6b7280;")
        return label

    def _general(self) -> QWidget:
        page, form = self._form()
        settings = self.library.settings
        self.officer = QLineEdit(settings.officer_name, page)
        self.officer.setPlaceholderText(self.library.actor)
        self.department = QLineEdit(settings.department, page)
        self.language = QComboBox(page)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(self.prefs.language()), 0))
        form.addRow(self.tr("Officer name"), self.officer)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(
            "",
            self._note(
                self.tr("Named in reports and minutes, and in the audit trail of your changes."),
                page,
            ),
        )
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow("", self._note(self.tr("A new language applies at the next start."), page))
        return page

    def _data(self) -> QWidget:
        page, form = self._form()
        self.data_dir = QLineEdit(self.prefs.data_dir() or str(self.library.paths.root), page)
        browse = QPushButton(self.tr("Choose…"), page)
        browse.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.data_dir, 1)
        row.addWidget(browse)
        self.db_url = QLineEdit(self.library.settings.db_url, page)
        self.db_url.setPlaceholderText(self.tr("Empty: the database file in the data folder"))
        form.addRow(self.tr("Data folder"), row)
        form.addRow(self.tr("Shared database"), self.db_url)
        form.addRow(
            "",
            self._note(
                self.tr(
                    "For an office server, e.g. "
                    "postgresql+psycopg://user:password@server/precedents. "
                    "A new folder or database applies at the next start."
                ),
                page,
            ),
        )
        form.addRow(self.tr("In use now"), self._note(describe_database(self.library), page))
        return page

    def _documents(self) -> QWidget:
        page, form = self._form()
        labels = {
            "title": self.tr("Title font"),
            "body": self.tr("Body font"),
            "heading1": self.tr("First-level heading font"),
            "heading2": self.tr("Second-level heading font"),
            "page_number": self.tr("Page number font"),
        }
        self.fonts: dict[str, QComboBox] = {}
        for role, suggestions in FONT_ROLES:
            combo = QComboBox(page)
            combo.setEditable(True)
            combo.addItems(["", *suggestions])
            combo.setCurrentText(self.library.settings.fonts.get(role, ""))
            line = combo.lineEdit()
            if line is not None:
                line.setPlaceholderText(self.tr("Default (%1)").replace("%1", suggestions[0]))
            self.fonts[role] = combo
            form.addRow(labels[role], combo)
        self.template = QLineEdit(self.library.settings.template_path, page)
        self.template.setPlaceholderText(self.tr("Empty: the built-in layout"))
        browse = QPushButton(self.tr("Choose…"), page)
        browse.clicked.connect(self._choose_template)
        row = QHBoxLayout()
        row.addWidget(self.template, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Office template (.docx)"), row)
        return page

    def _weights(self) -> QWidget | None:
        defaults = self.adapter.similarity_weights()
        if not defaults:
            return None
        page, form = self._form()
        form.addRow(
            self._note(
                self.tr(
                    "How much each attribute counts when precedents are compared. Only the ratios "
                    "matter; 0 leaves an attribute out."
                ),
                page,
            )
        )
        self.weights: dict[str, QDoubleSpinBox] = {}
        current = self.library.settings.similarity_weights
        for name, label, default in defaults:
            spin = QDoubleSpinBox(page)
            spin.setRange(0.0, 1.0)
            spin.setSingleStep(0.01)
            spin.setDecimals(2)
            spin.setMaximumWidth(110)
            spin.setValue(float(current.get(name, default)))
            spin.setToolTip(self.tr("Default %1").replace("%1", f"{default:.2f}"))
            self.weights[name] = spin
            form.addRow(label, spin)
        return page

    # -- actions ------------------------------------------------------------------

    def _choose_folder(self) -> None:
        folder = FileChooser.folder(self, self.tr("Data folder"), self.data_dir.text())
        if folder is not None:
            self.data_dir.setText(str(folder))

    def _choose_template(self) -> None:
        path = FileChooser.template(self, self.template.text())
        if path is not None:
            self.template.setText(str(path))

    def _save(self) -> None:
        url = self.db_url.text().strip()
        if url:
            try:
                make_url(url)
            except ArgumentError:
                show_message(self, self.tr("「%1」 is not a database address.").replace("%1", url))
                return
        settings = self.library.settings
        settings.officer_name = self.officer.text().strip()
        settings.department = self.department.text().strip()
        settings.db_url = url
        settings.fonts = {
            r: c.currentText().strip() for r, c in self.fonts.items() if c.currentText().strip()
        }
        settings.template_path = self.template.text().strip()
        if hasattr(self, "weights"):
            settings.similarity_weights = {n: s.value() for n, s in self.weights.items()}
        self.library.save_settings()
        self.library.actor = settings.actor()
        self.prefs.set_language(str(self.language.currentData()))
        folder = self.data_dir.text().strip()
        if folder and folder != str(self.library.paths.root):
            self.prefs.set_data_dir(folder)
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, library: Library, adapter: SearchAdapter, prefs: Prefs
    ) -> bool:
        return cls(parent, library, adapter, prefs).exec() == QDialog.DialogCode.Accepted
