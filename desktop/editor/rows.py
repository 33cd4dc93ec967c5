"""Editable tables of the form: the measures (type, amount, note, department,
deadline) and the persons (name, relation, ID number, phone).

Each row is a dict of strings, as typed. A cell the validation found wrong is
tinted and carries the message as its tooltip; the form lists the messages
beneath the table as well. The measure type cell is a vocabulary picker that
accepts synonyms.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.editor.form_state import MEASURE_KEYS, PERSON_KEYS
from desktop.editor.pickers import TermCombo
from precedents.vocabulary import Vocabulary

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ERROR_TINT = QColor("#fdecea")
WARNING_TINT = QColor("#fff4e5")
RELATIONS = ("本人", "配偶", "子女", "父母", "兄弟姐妹", "祖父母", "孙子女", "其他亲属", "监护人")


class RowsModel(QAbstractTableModel):
    """Rows of string cells keyed by `KEYS`; `edited` fires on every change."""

    KEYS: tuple[str, ...] = ()
    edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, str]] = []
        self._issues: dict[tuple[int, str], tuple[str, str]] = {}

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def rows(self) -> list[dict[str, str]]:
        return [dict(row) for row in self._rows]

    def set_rows(self, rows: list[dict[str, str]]) -> None:
        self.beginResetModel()
        self._rows = [{k: str(row.get(k, "")) for k in self.KEYS} for row in rows]
        self._issues = {}
        self.endResetModel()

    def add_row(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(dict.fromkeys(self.KEYS, ""))
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.edited.emit()

    def set_issues(self, issues: dict[tuple[int, str], tuple[str, str]]) -> None:
        """(row, key) → (severity, message) for the cells to mark."""
        if issues == self._issues:
            return
        self._issues = dict(issues)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.KEYS) - 1)
            )

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers()[section] if 0 <= section < len(self.KEYS) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key = self.KEYS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()][key]
        issue = self._issues.get((index.row(), key))
        if issue is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return ERROR_TINT if issue[0] == "error" else WARNING_TINT
        if role == Qt.ItemDataRole.ToolTipRole:
            return issue[1]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        key = self.KEYS[index.column()]
        text = "" if value is None else str(value)
        if self._rows[index.row()][key] == text:
            return False
        self._rows[index.row()][key] = text
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        self.edited.emit()
        return True


class MeasuresModel(RowsModel):
    KEYS = MEASURE_KEYS

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Measure"),
            self.tr("Amount (yuan)"),
            self.tr("Note"),
            self.tr("Department"),
            self.tr("Deadline"),
        )


class PersonsModel(RowsModel):
    KEYS = PERSON_KEYS

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Relation"), self.tr("ID number"), self.tr("Phone"))


class TermDelegate(QStyledItemDelegate):
    """Edits a cell with a vocabulary picker (measure types)."""

    def __init__(self, vocab: Vocabulary, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vocab = vocab
        self.kind = kind

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        return TermCombo(self.vocab, self.kind, parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, TermCombo)
        editor.set_value(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, TermCombo)
        editor.resolve_text()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with an editable list of common values (relations)."""

    def __init__(self, choices: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.addItems(["", *self.choices])
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText().strip(), Qt.ItemDataRole.EditRole)
