"""The shared read-only table model: counts, headers, flags and the index check."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from desktop.plain_table import DISPLAY, LEFT, Index, PlainTable


class _Numbers(PlainTable):
    def __init__(self, numbers: list[int]) -> None:
        super().__init__()
        self.numbers = numbers

    def headers(self) -> tuple[str, ...]:
        return ("数", "平方")

    def row_count(self) -> int:
        return len(self.numbers)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not self.valid(index) or role != DISPLAY:
            return None
        n = self.numbers[index.row()]
        return str(n if index.column() == 0 else n * n)


def test_plain_table_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = _Numbers([1, 2, 3])
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.headerData(1, Qt.Orientation.Horizontal) == "平方"
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) == LEFT
    assert model.headerData(2, Qt.Orientation.Horizontal) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    assert model.data(model.index(2, 1)) == "9"


def test_header_alignment_can_be_left_to_the_style() -> None:
    model = _Numbers([])
    model.header_alignment = None
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) is None
