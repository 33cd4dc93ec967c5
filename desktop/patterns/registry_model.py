"""The policy registry as a table: title, status, document number, dates, coverage."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.patterns.models import Role
from desktop.plain_table import DISPLAY, LEFT, RIGHT, Index, PlainTable
from precedents.patterns.registry import Policy, PolicyStatus

#: A colour per status, so the list reads at a glance.
STATUS_COLORS = {
    PolicyStatus.DRAFT: "#4b5563",
    PolicyStatus.CONSULTATION: "#b45309",
    PolicyStatus.IN_FORCE: "#15803d",
    PolicyStatus.REPEALED: "#9ca3af",
}


class PolicyColumn(enum.IntEnum):
    TITLE = 0
    STATUS = 1
    NUMBER = 2
    EFFECTIVE = 3
    COVERED = 4
    PATTERN = 5


class PoliciesModel(PlainTable):
    """One row per policy, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._policies: list[Policy] = []

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Policy"),
            self.tr("Status"),
            self.tr("Document number"),
            self.tr("In force from"),
            self.tr("Precedents covered"),
            self.tr("Pattern"),
        )

    def row_count(self) -> int:
        return len(self._policies)

    def set_policies(self, policies: Sequence[Policy]) -> None:
        self.beginResetModel()
        self._policies = list(policies)
        self.endResetModel()

    def policy(self, row: int) -> Policy:
        return self._policies[row]

    def row_of(self, policy_id: int) -> int | None:
        return next((r for r, p in enumerate(self._policies) if p.id == policy_id), None)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not self.valid(index):
            return None
        policy = self._policies[index.row()]
        column = PolicyColumn(index.column())
        if role == Role.ID:
            return policy.id
        if role == DISPLAY:
            return self._text(policy, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(policy, column)
        if role == Qt.ItemDataRole.ForegroundRole and column is PolicyColumn.STATUS:
            return QColor(STATUS_COLORS[policy.status])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column is PolicyColumn.COVERED else LEFT
        return None

    def _text(self, policy: Policy, column: PolicyColumn) -> str:
        if column is PolicyColumn.TITLE:
            return policy.title
        if column is PolicyColumn.STATUS:
            return str(policy.status)
        if column is PolicyColumn.NUMBER:
            return policy.document_number or "—"
        if column is PolicyColumn.EFFECTIVE:
            return policy.effective_on.isoformat() if policy.effective_on else "—"
        if column is PolicyColumn.COVERED:
            return str(len(policy.covered_codes)) if policy.covered_codes else "—"
        return policy.pattern_id or "—"

    def _tooltip(self, policy: Policy, column: PolicyColumn) -> str:
        if column is PolicyColumn.COVERED and policy.covered_codes:
            return "、".join(policy.covered_codes)
        if column is PolicyColumn.STATUS and policy.repealed_on:
            return self.tr("Repealed on %1").replace("%1", policy.repealed_on.isoformat())
        return self._text(policy, column)
