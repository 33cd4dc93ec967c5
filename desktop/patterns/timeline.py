"""The small timeline of a pattern: when its precedents were decided, as dots on a line.

Every row is drawn on the same scale (the span of all patterns listed), so a
pattern that only began last year stands out beside one that has recurred for
four. Year boundaries are faint ticks; dots are translucent, so precedents
decided close together show as a darker dot.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.patterns.models import Role

Index = QModelIndex | QPersistentModelIndex

MARGIN_X = 10
DOT_RADIUS = 4.0
DOT = QColor(124, 58, 237, 150)
DOT_SELECTED = QColor(255, 255, 255, 200)
LINE = QColor("#d1d5db")
TICK = QColor("#e5e7eb")


def position(day: dt.date, span: tuple[dt.date, dt.date]) -> float:
    """Where `day` falls on the span, 0.0 (first) to 1.0 (last)."""
    first, last = span
    days = (last - first).days
    if days <= 0:
        return 0.5
    return min(max((day - first).days / days, 0.0), 1.0)


def year_starts(span: tuple[dt.date, dt.date]) -> list[dt.date]:
    first, last = span
    return [dt.date(year, 1, 1) for year in range(first.year + 1, last.year + 1)]


class TimelineDelegate(QStyledItemDelegate):
    """Paints `Role.DATES` of a row against `Role.SPAN`."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        style = option.widget.style() if option.widget is not None else QApplication.style()
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, option.widget)
        dates = index.data(Role.DATES) or []
        span = index.data(Role.SPAN)
        if not dates or span is None:
            return
        rect = QRectF(option.rect).adjusted(MARGIN_X, 0, -MARGIN_X, 0)
        middle = rect.center().y()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(TICK, 1))
        for start in year_starts(span):
            x = rect.left() + position(start, span) * rect.width()
            painter.drawLine(QPointF(x, middle - 6), QPointF(x, middle + 6))
        line = option.palette.color(QPalette.ColorRole.HighlightedText) if selected else LINE
        painter.setPen(QPen(line, 1))
        painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.right(), middle))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(DOT_SELECTED if selected else DOT)
        for day in dates:
            x = rect.left() + position(day, span) * rect.width()
            painter.drawEllipse(QPointF(x, middle), DOT_RADIUS, DOT_RADIUS)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 160), max(hint.height(), 24))
