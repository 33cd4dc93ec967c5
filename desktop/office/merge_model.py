"""The rows of the merge view: one per field the two versions disagree on.

Each row shows the officer's value ("mine") and the stored, newer value
("theirs") and which of the two will be saved. The two value cells are
checkable and behave as a pair of radio buttons: ticking one unticks the
other. A field only one side changed starts with that side chosen (the
comparison's verdict); a field both changed starts undecided, and the dialog
does not save until every such field is decided.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.office.merge_delegate import SPANS_ROLE, changed_spans
from desktop.plain_table import Index, PlainTable
from precedents.store.merge import Comparison, FieldComparison, FieldState, Side

translate = QCoreApplication.translate

FIELD, MINE, THEIRS, STATE = range(4)
SIDES: dict[int, Side] = {MINE: "mine", THEIRS: "theirs"}
CHOSEN = QColor("#dcfce7")
UNDECIDED = QColor("#fef3c7")


def _amount(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int | float) else str(value)


def _measure(item: dict[str, Any]) -> str:
    parts = [str(item.get("type") or "")]
    if item.get("amount") is not None:
        parts.append(translate("MergeModel", "%1 yuan").replace("%1", _amount(item["amount"])))
    if item.get("note"):
        parts.append(str(item["note"]))
    if item.get("department"):
        parts.append(translate("MergeModel", "by %1").replace("%1", str(item["department"])))
    if item.get("deadline"):
        parts.append(translate("MergeModel", "due %1").replace("%1", str(item["deadline"])))
    return " · ".join(p for p in parts if p)


def _person(item: dict[str, Any]) -> str:
    keys = ("name", "relation", "id_number", "phone")
    return " · ".join(str(item[k]) for k in keys if item.get(k))


def display_value(field: str, value: Any) -> str:
    """A compared value as the officer reads it; lists one item per line."""
    if value is None or value == "" or value == [] or value == {}:
        return translate("MergeModel", "(empty)")
    if field == "measures":
        return "\n".join(_measure(item) for item in value)
    if field == "persons":
        return "\n".join(_person(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(f"{k}：{v}" for k, v in value.items())
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _amount(value)
    return str(value)


class MergeModel(PlainTable):
    """Differing fields of a `Comparison`, with the side chosen for each."""

    choices_changed = Signal()
    header_alignment = None

    def __init__(self, comparison: Comparison, parent: Any = None) -> None:
        super().__init__(parent)
        self.comparison = comparison
        self.rows: list[FieldComparison] = comparison.differing
        self.choices: dict[str, Side] = {}
        for row in self.rows:
            if row.state is FieldState.MINE:
                self.choices[row.field] = "mine"
            elif row.state is FieldState.THEIRS:
                self.choices[row.field] = "theirs"

    # -- the officer's choices ----------------------------------------------------

    @property
    def undecided(self) -> list[FieldComparison]:
        return [row for row in self.rows if row.field not in self.choices]

    def choose(self, row: int, side: Side) -> None:
        self.choices[self.rows[row].field] = side
        self.dataChanged.emit(self.index(row, MINE), self.index(row, STATE))
        self.choices_changed.emit()

    def choose_all(self, side: Side) -> None:
        for row in self.rows:
            self.choices[row.field] = side
        if self.rows:
            self.dataChanged.emit(self.index(0, MINE), self.index(len(self.rows) - 1, STATE))
        self.choices_changed.emit()

    # -- the model ------------------------------------------------------------------

    def row_count(self) -> int:
        return len(self.rows)

    def headers(self) -> tuple[str, ...]:
        return (
            translate("MergeModel", "Field"),
            translate("MergeModel", "My version"),
            translate("MergeModel", "Stored version (newer)"),
            translate("MergeModel", "Changed by"),
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in SIDES:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        row, column = self.rows[index.row()], index.column()
        chosen = self.choices.get(row.field)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in SIDES:
            return self._text(row, column)
        if role == SPANS_ROLE and column in SIDES:
            mine, theirs = changed_spans(self._text(row, MINE), self._text(row, THEIRS))
            return mine if column == MINE else theirs
        if role == Qt.ItemDataRole.CheckStateRole and column in SIDES:
            ticked = chosen == SIDES[column]
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            if chosen is None and column in (FIELD, STATE):
                return QBrush(UNDECIDED)
            if column in SIDES and chosen == SIDES[column]:
                return QBrush(CHOSEN)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if index.column() not in SIDES:
            return False
        side = SIDES[index.column()]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.choose(index.row(), side)
        else:  # unticking one side chooses the other
            self.choose(index.row(), "theirs" if side == "mine" else "mine")
        return True

    def _text(self, row: FieldComparison, column: int) -> str:
        if column == FIELD:
            return row.label + (translate("MergeModel", " (personal data)") if row.personal else "")
        if column == MINE:
            return display_value(row.field, row.mine)
        if column == THEIRS:
            return display_value(row.field, row.theirs)
        if row.state is FieldState.MINE:
            return translate("MergeModel", "You")
        if row.state is FieldState.THEIRS:
            other = self.comparison.theirs_updated_by
            return other or translate("MergeModel", "The other officer")
        if row.base_known:
            return translate("MergeModel", "Both: choose")
        return translate("MergeModel", "Choose")
