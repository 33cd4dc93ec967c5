"""Editing the controlled vocabularies and the search synonyms (for administrators).

Terms keep their labels (records refer to them); an administrator adds terms
and edits their synonyms and parent term. Synonym groups (自闭症 = 孤独症 = ASD)
can be added, changed and removed. Every change is saved at once through the
domain, which records it in the audit trail, and affects everyone who shares
the database.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import show_error, show_message
from desktop.plain_table import Index, PlainTable
from precedents.library import Library
from precedents.store.synonyms import SynonymGroup, delete_group, list_groups, save_group
from precedents.store.vocabulary import save_term
from precedents.vocabulary import KIND_LABELS, KINDS, Term

_SPLIT = re.compile(r"[、,，;；\s]+")


def split_terms(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in _SPLIT.split(text) if t))


class TermsModel(PlainTable):
    """The terms of one kind: label (fixed), synonyms and parent (editable)."""

    header_alignment = None

    term_edited = Signal(object)  # the changed Term

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._terms: list[Term] = []

    def set_terms(self, terms: list[Term]) -> None:
        self.beginResetModel()
        self._terms = list(terms)
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Term"), self.tr("Synonyms"), self.tr("Broader term"))

    def row_count(self) -> int:
        return len(self._terms)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        editable = index.isValid() and index.column() > 0
        return flags | Qt.ItemFlag.ItemIsEditable if editable else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        term = self._terms[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (term.label, "、".join(term.synonyms), term.parent or "")[index.column()]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == 0:
            return False
        term = self._terms[index.row()]
        text = str(value or "").strip()
        if index.column() == 1:
            changed = replace(term, synonyms=split_terms(text))
        else:
            changed = replace(term, parent=text or None)
        if changed == term:
            return False
        self._terms[index.row()] = changed
        self.dataChanged.emit(index, index)
        self.term_edited.emit(changed)
        return True


class GroupsModel(PlainTable):
    """Search synonym groups: the terms, and a note."""

    header_alignment = None

    group_edited = Signal(object)  # the changed SynonymGroup

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[SynonymGroup] = []

    def set_groups(self, groups: list[SynonymGroup]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    def group(self, row: int) -> SynonymGroup:
        return self._groups[row]

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Words searched as one"), self.tr("Note"))

    def row_count(self) -> int:
        return len(self._groups)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        group = self._groups[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return "、".join(group.terms) if index.column() == 0 else group.note
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        group = self._groups[index.row()]
        text = str(value or "").strip()
        if index.column() == 0:
            changed = replace(group, terms=split_terms(text))
        else:
            changed = replace(group, note=text)
        if changed == group:
            return False
        self.group_edited.emit(changed)
        return True


def _table(model: QAbstractTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class VocabularyEditor(QWidget):
    """Terms of each vocabulary and the search synonym groups, saved as edited."""

    changed = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        note = QLabel(
            self.tr(
                "Changes are saved at once, recorded in the audit trail and apply to everyone "
                "sharing this database. Separate several synonyms with 、. Changed search "
                "synonyms take effect after Tools ▸ Rebuild search index."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #6b7280;")
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.kind.currentIndexChanged.connect(self._load_terms)
        self.terms = TermsModel(self)
        self.terms.term_edited.connect(self._save_term)
        self.terms_view = _table(self.terms, self)
        self.terms_view.setColumnWidth(0, 120)
        self.terms_view.setColumnWidth(1, 280)
        add_term = QPushButton(self.tr("Add term…"), self)
        add_term.clicked.connect(self._add_term)
        self.groups = GroupsModel(self)
        self.groups.group_edited.connect(self._save_group)
        self.groups_view = _table(self.groups, self)
        self.groups_view.setColumnWidth(0, 380)
        add_group = QPushButton(self.tr("Add group…"), self)
        remove_group = QPushButton(self.tr("Remove group"), self)
        add_group.clicked.connect(self._add_group)
        remove_group.clicked.connect(self._remove_group)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Vocabulary:"), self))
        row.addWidget(self.kind)
        row.addStretch(1)
        row.addWidget(add_term)
        group_row = QHBoxLayout()
        group_row.addWidget(QLabel(self.tr("Search synonyms"), self))
        group_row.addStretch(1)
        group_row.addWidget(add_group)
        group_row.addWidget(remove_group)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.terms_view, 3)
        layout.addLayout(group_row)
        layout.addWidget(self.groups_view, 2)
        self._load_terms()
        self._load_groups()

    def _kind(self) -> str:
        return str(self.kind.currentData())

    def _load_terms(self) -> None:
        vocab = self.library.vocabulary(reload=True)
        self.terms.set_terms(list(vocab.terms.get(self._kind(), {}).values()))

    def _load_groups(self) -> None:
        with self.library.session() as session:
            self.groups.set_groups(list_groups(session))

    def _save_term(self, term: Term) -> None:
        try:
            with self.library.sessions.begin() as session:
                save_term(session, term, actor=self.library.actor)
        except Exception as error:  # a database error is shown, the list reloaded
            show_error(self, error)
        self._load_terms()
        self.changed.emit()

    def _add_term(self) -> None:
        label, ok = QInputDialog.getText(
            self,
            self.tr("Add term"),
            self.tr("New term for %1:").replace("%1", self.kind.currentText()),
        )
        label = label.strip()
        if not ok or not label:
            return
        if self.library.vocabulary().term(self._kind(), label) is not None:
            show_message(self, self.tr("「%1」 is already a term.").replace("%1", label))
            return
        order = len(self.library.vocabulary().terms.get(self._kind(), {}))
        self._save_term(Term(kind=self._kind(), label=label, sort_order=order))

    def _save_group(self, group: SynonymGroup) -> None:
        try:
            with self.library.sessions.begin() as session:
                save_group(session, group, actor=self.library.actor)
        except ValueError:
            show_message(self, self.tr("A synonym group needs at least two words."))
        self._load_groups()
        self.changed.emit()

    def _add_group(self) -> None:
        text, ok = QInputDialog.getText(
            self, self.tr("Add synonym group"), self.tr("Words searched as one, separated by 、:")
        )
        if ok and text.strip():
            self._save_group(SynonymGroup(None, split_terms(text)))

    def _remove_group(self) -> None:
        rows = self.groups_view.selectionModel().selectedRows()
        if not rows:
            return
        group = self.groups.group(rows[0].row())
        with self.library.sessions.begin() as session:
            delete_group(session, group.id or 0, actor=self.library.actor)
        self._load_groups()
        self.changed.emit()
