"""Table models of the patterns screen: the patterns, a pattern's precedents and amounts.

Each model holds plain data handed to it by the page (`Overview`, `Pattern`);
none opens a database session. The patterns model also offers each row's
decision dates and the time span of all patterns, which the timeline delegate
paints.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon

from desktop.icons import glyph_icon
from desktop.patterns.operations import CaseLine, Overview
from desktop.plain_table import DISPLAY, LEFT, RIGHT, Index, PlainTable
from precedents.patterns.describe import AmountStats, Pattern


class Role(enum.IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    #: The decision dates of a pattern's precedents (list of dt.date).
    DATES = Qt.ItemDataRole.UserRole + 2
    #: (first, last) date over every pattern listed: one scale for every timeline.
    SPAN = Qt.ItemDataRole.UserRole + 3


def yuan(amount: Decimal | None) -> str:
    """8000.00 → 8,000元; cents only where there are any."""
    if amount is None:
        return "—"
    whole = amount == amount.to_integral_value()
    return f"{amount:,.0f}元" if whole else f"{amount:,.2f}元"


def period(first: dt.date, last: dt.date) -> str:
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year}.{first.month:02d}"
    return f"{first.year}.{first.month:02d}–{last.year}.{last.month:02d}"


class PatternColumn(enum.IntEnum):
    PATTERN = 0
    PRECEDENTS = 1
    DISTRICTS = 2
    TIMELINE = 3


class PatternsModel(PlainTable):
    """One row per pattern, in the miner's order (largest first)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._patterns: list[Pattern] = []
        self._dates: list[list[dt.date]] = []
        self._span: tuple[dt.date, dt.date] | None = None
        self._confirmed_icon: QIcon | None = None

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Pattern"),
            self.tr("Precedents"),
            self.tr("Districts"),
            self.tr("Timeline"),
        )

    def row_count(self) -> int:
        return len(self._patterns)

    def set_overview(self, overview: Overview) -> None:
        self.beginResetModel()
        self._patterns = list(overview.patterns)
        self._dates = [sorted(overview.dates(p)) for p in self._patterns]
        every = [d for dates in self._dates for d in dates]
        self._span = (min(every), max(every)) if every else None
        self.endResetModel()

    def pattern(self, row: int) -> Pattern:
        return self._patterns[row]

    def row_of(self, pattern_id: str) -> int | None:
        return next((r for r, p in enumerate(self._patterns) if p.id == pattern_id), None)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not self.valid(index):
            return None
        pattern = self._patterns[index.row()]
        column = PatternColumn(index.column())
        if role == Role.ID:
            return pattern.id
        if role == Role.DATES:
            return list(self._dates[index.row()])
        if role == Role.SPAN:
            return self._span
        if role == DISPLAY:
            return self._text(pattern, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(pattern, column, self._dates[index.row()])
        if role == Qt.ItemDataRole.DecorationRole and column is PatternColumn.PATTERN:
            return self._confirmed() if pattern.confirmed else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column is PatternColumn.PRECEDENTS else LEFT
        return None

    def _confirmed(self) -> QIcon:
        if self._confirmed_icon is None:
            self._confirmed_icon = glyph_icon("✓", "#15803d", 32)
        return self._confirmed_icon

    def _text(self, pattern: Pattern, column: PatternColumn) -> str:
        if column is PatternColumn.PATTERN:
            return pattern.title
        if column is PatternColumn.PRECEDENTS:
            return str(pattern.support)
        if column is PatternColumn.DISTRICTS:
            return self.tr("%n district(s)", "", len(pattern.districts))
        return period(pattern.first_on, pattern.last_on)

    def _tooltip(self, pattern: Pattern, column: PatternColumn, dates: list[dt.date]) -> str:
        if column is PatternColumn.DISTRICTS:
            return "、".join(pattern.districts)
        if column is PatternColumn.TIMELINE:
            return (
                self.tr("%1 to %2: %n precedent(s)", "", len(dates))
                .replace("%1", pattern.first_on.isoformat())
                .replace("%2", pattern.last_on.isoformat())
            )
        lines = [pattern.title]
        if pattern.name:
            lines.append(self.tr("Mined label: %1").replace("%1", pattern.label))
        lines.append(pattern.id)
        if pattern.confirmed:
            lines.append(self.tr("Confirmed by officers: kept whatever mining finds"))
        return "\n".join(lines)


class CaseColumn(enum.IntEnum):
    CODE = 0
    TITLE = 1
    DISTRICT = 2
    DECIDED_ON = 3


class CasesModel(PlainTable):
    """The precedents of one pattern, earliest first; titles masked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[CaseLine] = []

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Code"), self.tr("Precedent"), self.tr("District"), self.tr("Decided"))

    def row_count(self) -> int:
        return len(self._lines)

    def set_lines(self, lines: Sequence[CaseLine]) -> None:
        self.beginResetModel()
        self._lines = sorted(lines, key=lambda line: (line.decided_on, line.code))
        self.endResetModel()

    def line(self, row: int) -> CaseLine:
        return self._lines[row]

    def codes(self) -> list[str]:
        return [line.code for line in self._lines]

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not self.valid(index):
            return None
        line = self._lines[index.row()]
        if role == Role.ID:
            return line.code
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            column = CaseColumn(index.column())
            return {
                CaseColumn.CODE: line.code,
                CaseColumn.TITLE: line.title,
                CaseColumn.DISTRICT: line.district,
                CaseColumn.DECIDED_ON: line.decided_on.isoformat(),
            }[column]
        return None


class AmountColumn(enum.IntEnum):
    MEASURE = 0
    DECIDED = 1
    MINIMUM = 2
    MEDIAN = 3
    MAXIMUM = 4


class AmountsModel(PlainTable):
    """Per measure: how many precedents decided it, and min, median, max of the amounts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._stats: list[AmountStats] = []

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Measure"),
            self.tr("Decided in"),
            self.tr("Minimum"),
            self.tr("Median"),
            self.tr("Maximum"),
        )

    def row_count(self) -> int:
        return len(self._stats)

    def set_stats(self, stats: Sequence[AmountStats]) -> None:
        self.beginResetModel()
        self._stats = list(stats)
        self.endResetModel()

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not self.valid(index):
            return None
        stats = self._stats[index.row()]
        column = AmountColumn(index.column())
        if role == DISPLAY:
            return self._text(stats, column)
        if role == Qt.ItemDataRole.ToolTipRole and column is not AmountColumn.MEASURE:
            return self.tr("%n precedent(s) gave an amount", "", stats.with_amount)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT if column is AmountColumn.MEASURE else RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and stats.minimum is None:
            return QColor("#6b7280") if column is not AmountColumn.MEASURE else None
        return None

    def _text(self, stats: AmountStats, column: AmountColumn) -> str:
        if column is AmountColumn.MEASURE:
            return stats.measure
        if column is AmountColumn.DECIDED:
            return self.tr("%n case(s)", "", stats.count)
        value = {
            AmountColumn.MINIMUM: stats.minimum,
            AmountColumn.MEDIAN: stats.median,
            AmountColumn.MAXIMUM: stats.maximum,
        }[column]
        return yuan(value)
