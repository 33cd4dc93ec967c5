"""The similar precedents of the matter, side by side with their decisions and reasons.

Each row is one precedent the similarity engine found: how it is used in this
meeting (参照 followed, 参考 consulted, or not used), its calibrated score,
its code and title, what it decided (decision and measures with amounts) and
the engine's reasons. The marks become the review's references; precedents
marked in a saved review but no longer among the hits keep their marks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from desktop.library.similar_panel import CLOSE_COLOR, MAX_REASONS
from desktop.meetings.use_cases import Decided
from desktop.search_adapter import SimilarHit
from precedents.meetings.model import Reference, ReferenceMode

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
MARK, SCORE, PRECEDENT, DECISION, REASONS = range(5)
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
FOLLOWED_TINT = QColor("#e8f5e9")
CONSULTED_TINT = QColor("#eef2ff")
#: The most decision text a row shows before the measures.
DECISION_CHARS = 70


def measure_line(decided: Decided) -> str:
    """临时救助 5,000 元；医疗救助 12,000 元."""
    parts = []
    for measure in decided.measures:
        amount = f" {measure.amount:,.0f} 元" if measure.amount is not None else ""
        parts.append(measure.type + amount)
    return "；".join(parts)


@dataclass(slots=True)
class Compared:
    hit: SimilarHit
    decided: Decided | None = None


class ReferencesModel(QAbstractTableModel):
    marks_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Compared] = []
        self._marks: dict[str, Reference] = {}

    # -- contents ---------------------------------------------------------------------

    def set_hits(self, hits: list[SimilarHit]) -> None:
        self.beginResetModel()
        self._rows = [Compared(hit) for hit in hits]
        self.endResetModel()

    def set_decisions(self, decisions: dict[str, Decided]) -> None:
        for row in self._rows:
            row.decided = decisions.get(row.hit.code, row.decided)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, DECISION), self.index(len(self._rows) - 1, DECISION)
            )

    def set_references(self, references: list[Reference]) -> None:
        """The marks of a saved review (or none, for a new one)."""
        self._marks = {ref.code: ref for ref in references}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, REASONS))

    def hit(self, row: int) -> SimilarHit:
        return self._rows[row].hit

    def codes(self) -> list[str]:
        return [row.hit.code for row in self._rows]

    def mark_of(self, code: str) -> ReferenceMode | None:
        found = self._marks.get(code)
        return found.mode if found is not None else None

    def set_mark(self, row: int, mode: ReferenceMode | None) -> None:
        if not 0 <= row < len(self._rows):
            return
        hit = self._rows[row].hit
        if self.mark_of(hit.code) == mode:
            return
        if mode is None:
            self._marks.pop(hit.code, None)
        else:
            self._marks[hit.code] = Reference(hit.code, mode, round(hit.score, 4))
        self.dataChanged.emit(self.index(row, 0), self.index(row, REASONS))
        self.marks_changed.emit()

    def references(self) -> list[Reference]:
        """The marked precedents, followed first, then by score."""
        order = {mode: n for n, mode in enumerate(ReferenceMode)}
        return sorted(
            self._marks.values(), key=lambda r: (order[r.mode], -(r.score or 0.0), r.code)
        )

    def closest_codes(self) -> list[str]:
        """Precedents a decision is compared with: decided ones that are close or followed."""
        return [
            row.hit.code
            for row in self._rows
            if row.hit.decided
            and (row.hit.close or self.mark_of(row.hit.code) is ReferenceMode.FOLLOWED)
        ]

    # -- the model --------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (
            self.tr("Use"),
            self.tr("Similarity"),
            self.tr("Precedent"),
            self.tr("Decision and measures"),
            self.tr("Why similar"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == MARK:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            mode = self.mark_of(row.hit.code)
            if mode is ReferenceMode.FOLLOWED:
                return FOLLOWED_TINT
            return CONSULTED_TINT if mode is ReferenceMode.CONSULTED else None
        if role == Qt.ItemDataRole.ForegroundRole and column == SCORE and row.hit.close:
            return CLOSE_COLOR
        if role == Qt.ItemDataRole.FontRole and column in (MARK, SCORE):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (MARK, SCORE):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == HIT_ROLE:
            return row.hit
        return None

    def _text(self, row: Compared, column: int) -> str:
        hit = row.hit
        if column == MARK:
            mode = self.mark_of(hit.code)
            return mode.value if mode is not None else ""
        if column == SCORE:
            return f"{hit.score:.2f}"
        if column == PRECEDENT:
            # The engine's title is as stored; the masked one arrives with the decision.
            title = row.decided.title if row.decided is not None and row.decided.title else ""
            lines = [hit.code, title or hit.title]
            if hit.policy:
                lines.append(self.tr("Policy now: %1").replace("%1", hit.policy))
            return "\n".join(lines)
        if column == DECISION:
            return self._decision(row)
        return "\n".join(hit.reasons[:MAX_REASONS])

    def _decision(self, row: Compared) -> str:
        if not row.hit.decided:
            return self.tr("Not decided yet")
        if row.decided is None:
            return "…"
        text = row.decided.decision.strip()
        if len(text) > DECISION_CHARS:
            text = text[: DECISION_CHARS - 1] + "…"
        return "\n".join(part for part in (measure_line(row.decided), text) if part) or "—"

    def _tooltip(self, row: Compared, column: int) -> str | None:
        if column == DECISION and row.decided is not None:
            return "\n".join(p for p in (measure_line(row.decided), row.decided.decision) if p)
        if column == REASONS:
            return "\n".join(row.hit.reasons) or None
        title = row.decided.title if row.decided is not None and row.decided.title else ""
        return f"{row.hit.code}  {title or row.hit.title}"

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != MARK:
            return False
        text = "" if value is None else str(value).strip()
        if text and text not in {m.value for m in ReferenceMode}:
            return False
        self.set_mark(index.row(), ReferenceMode(text) if text else None)
        return True
