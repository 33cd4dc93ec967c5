"""Item models of the meeting screen: participants, opinions and the review history.

Plain rows of domain dataclasses (`Participant`, `Opinion`, `Review`), no
Session: the page loads and saves through `use_cases`. The similar precedents'
model is in `references_model`. Dissenting opinions are tinted so that they
stand out on the projector as well.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from desktop.meetings.use_cases import MatterChoice
from precedents.meetings.model import Opinion, Outcome, Participant, Review, Role, Stance

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
DISSENT_TINT = QColor("#fff4e5")
ISSUE_TINT = QColor("#fdecea")
ROLES = tuple(role.value for role in Role)
STANCES = tuple(stance.value for stance in Stance)


class _RowsModel(QAbstractTableModel):
    """Editable rows of one dataclass; `edited` fires on every change."""

    FIELDS: ClassVar[tuple[str, ...]] = ()
    edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._issues: dict[tuple[int, str], str] = {}

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _value(self, row: Any, name: str) -> str:
        value = getattr(row, name)
        return str(value.value if hasattr(value, "value") else value)

    def _with(self, row: Any, name: str, text: str) -> Any:
        return replace(row, **{name: text})

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._issues = {}
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def append(self, row: Any) -> int:
        at = len(self._rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.append(row)
        self.endInsertRows()
        self.edited.emit()
        return at

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.edited.emit()

    def set_issues(self, issues: dict[tuple[int, str], str]) -> None:
        """(row, field) → message for the cells to mark."""
        if issues == self._issues:
            return
        self._issues = dict(issues)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.FIELDS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.FIELDS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        name = self.FIELDS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._value(row, name)
        issue = self._issues.get((index.row(), name))
        if role == Qt.ItemDataRole.ToolTipRole:
            return issue or (self._value(row, name) or None)
        if role == Qt.ItemDataRole.BackgroundRole:
            return ISSUE_TINT if issue else self._tint(row)
        return None

    def _tint(self, row: Any) -> QColor | None:
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        name = self.FIELDS[index.column()]
        text = "" if value is None else str(value).strip()
        current = self._rows[index.row()]
        if self._value(current, name) == text:
            return False
        try:
            changed = self._with(current, name, text)
        except ValueError:
            return False
        self._rows[index.row()] = changed
        last = self.index(index.row(), len(self.FIELDS) - 1)
        self.dataChanged.emit(self.index(index.row(), 0), last)
        self.edited.emit()
        return True


class ParticipantsModel(_RowsModel):
    FIELDS = ("name", "department", "role")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Department"), self.tr("Attendance"))

    def _with(self, row: Participant, name: str, text: str) -> Participant:
        if name == "role":
            return replace(row, role=Role(text))
        changes: dict[str, Any] = {name: text}
        return replace(row, **changes)

    def names(self) -> list[str]:
        return [p.name for p in self._rows if p.name]

    def department_of(self, name: str) -> str:
        return next((p.department for p in self._rows if p.name == name), "")


class OpinionsModel(_RowsModel):
    FIELDS = ("speaker", "department", "stance", "text")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Speaker"), self.tr("Department"), self.tr("Stance"), self.tr("Opinion"))

    def _with(self, row: Opinion, name: str, text: str) -> Opinion:
        if name == "stance":
            return replace(row, stance=Stance(text))
        changes: dict[str, Any] = {name: text}
        return replace(row, **changes)

    def _tint(self, row: Opinion) -> QColor | None:
        return DISSENT_TINT if row.stance in (Stance.DISSENT, Stance.RESERVED) else None


class HistoryModel(QAbstractListModel):
    """The matter's reviews, first to last; the one on screen is marked."""

    REVIEW_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._reviews: list[Review] = []
        self.current: int | None = None
        self.mask: Callable[[str], str] = str

    def set_reviews(
        self,
        reviews: list[Review],
        current: int | None = None,
        mask: Callable[[str], str] = str,
    ) -> None:
        """Show `reviews`; `mask` masks their texts (the screen may be projected)."""
        self.beginResetModel()
        self._reviews = list(reviews)
        self.current = current
        self.mask = mask
        self.endResetModel()

    def reviews(self) -> list[Review]:
        return list(self._reviews)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._reviews)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._reviews):
            return None
        review = self._reviews[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.describe(review)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.mask(review.outcome_reason or review.decision_text) or None
        if role == Qt.ItemDataRole.FontRole and review.sequence == self.current:
            font = QFont()
            font.setBold(True)
            return font
        if role == self.REVIEW_ROLE:
            return review
        return None

    def describe(self, review: Review) -> str:
        text = (
            self.tr("Meeting %1 · %2 · %3 · %4")
            .replace("%1", str(review.sequence))
            .replace("%2", review.level)
            .replace("%3", review.held_on.isoformat())
            .replace("%4", review.outcome.value)
        )
        dissents = len(review.dissents)
        if dissents:
            text += self.tr(" · %n dissent(s)", "", dissents)
        if review.outcome in (Outcome.ESCALATED, Outcome.RETURNED) and review.outcome_reason:
            text += "\n" + self.mask(review.outcome_reason)
        return text


class MattersModel(QAbstractListModel):
    """Matters a meeting can take up, for the picker."""

    CODE_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._matters: list[MatterChoice] = []

    def set_matters(self, matters: list[MatterChoice]) -> None:
        self.beginResetModel()
        self._matters = list(matters)
        self.endResetModel()

    def row_of(self, code: str) -> int:
        return next((i for i, m in enumerate(self._matters) if m.code == code), -1)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._matters)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._matters):
            return None
        matter = self._matters[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{matter.code}　{matter.title}（{matter.status}）"
        if role == Qt.ItemDataRole.ToolTipRole:
            return matter.title
        if role == self.CODE_ROLE:
            return matter.code
        return None
