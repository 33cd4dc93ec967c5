"""The audit trail as a read-only table: one row per recorded event, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.office.audit_ops import AuditPage, AuditRow
from desktop.plain_table import Index, PlainTable

translate = QCoreApplication.translate

COLUMNS = ("at", "actor", "action", "entity", "code", "summary", "reason")
PERSONAL = QColor("#7c2d12")


class AuditModel(PlainTable):
    """Rows of `AuditRow`; pages are appended as the officer asks for older events.

    Never editable (`PlainTable.flags`): the trail is only ever appended to.
    """

    header_alignment = None

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRow] = []
        self.total = 0

    def set_page(self, page: AuditPage, *, append: bool = False) -> None:
        if append:
            first = len(self.rows)
            if page.rows:
                self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
                self.rows.extend(page.rows)
                self.endInsertRows()
        else:
            self.beginResetModel()
            self.rows = list(page.rows)
            self.endResetModel()
        self.total = page.total

    @property
    def has_more(self) -> bool:
        return len(self.rows) < self.total

    @property
    def oldest_id(self) -> int | None:
        return self.rows[-1].id if self.rows else None

    def row_at(self, index: Index) -> AuditRow | None:
        return self.rows[index.row()] if index.isValid() else None

    def row_count(self) -> int:
        return len(self.rows)

    def headers(self) -> tuple[str, ...]:
        return (
            translate("AuditModel", "Time"),
            translate("AuditModel", "User"),
            translate("AuditModel", "Action"),
            translate("AuditModel", "Object"),
            translate("AuditModel", "Code"),
            translate("AuditModel", "What changed"),
            translate("AuditModel", "Reason"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        row = self.rows[index.row()]
        name = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(getattr(row, name))
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "summary":
                note = (
                    translate("AuditModel", "Personal data changed (shown masked)")
                    if row.personal
                    else ""
                )
                return "\n".join(t for t in (row.details, note) if t)
            return str(getattr(row, name)) or None
        if role == Qt.ItemDataRole.ForegroundRole and name == "summary" and row.personal:
            return QBrush(PERSONAL)
        return None
