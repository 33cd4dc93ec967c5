"""Painting list rows with highlighted matches.

`HighlightDelegate` draws the result list's first column as two lines: the
title, with the matched words marked, and beneath it the snippet around the
matches (or the code, place and date when there is no snippet). Text that does
not fit ends in an ellipsis; highlights are clipped with it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.library.results_model import Role

Index = QModelIndex | QPersistentModelIndex
Spans = list[tuple[int, int]]

PADDING_X = 8
PADDING_Y = 5
LINE_GAP = 2
HIGHLIGHT = QColor("#ffe58f")
HIGHLIGHT_TEXT = QColor("#262626")


def segments(text: str, spans: Spans) -> list[tuple[str, bool]]:
    """`text` cut into (piece, highlighted) pieces; overlapping spans are merged."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        start, end = max(0, start), min(len(text), end)
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[tuple[str, bool]] = []
    position = 0
    for start, end in merged:
        if start > position:
            out.append((text[position:start], False))
        out.append((text[start:end], True))
        position = end
    if position < len(text):
        out.append((text[position:], False))
    return out


def bring_first_match_into_view(
    text: str, spans: Spans, metrics: QFontMetrics, width: int
) -> tuple[str, Spans]:
    """Drop the start of `text` if its first match would fall beyond the visible part."""
    if not spans:
        return text, spans
    first = min(start for start, _end in spans)
    if metrics.horizontalAdvance(text[:first]) <= width * 0.4:
        return text, spans
    cut = first
    while cut > 0 and metrics.horizontalAdvance(text[cut - 1 : first]) < width * 0.2:
        cut -= 1
    shifted = [(start - cut + 1, end - cut + 1) for start, end in spans if end > cut]
    return "…" + text[cut:].lstrip("…"), shifted


def draw_highlighted(
    painter: QPainter,
    rect: QRect,
    text: str,
    spans: Spans,
    font: QFont,
    color: QColor,
    *,
    show_first_match: bool = False,
) -> None:
    """One line of `text` in `rect`, highlighted spans on a marker colour, elided."""
    metrics = QFontMetrics(font)
    if show_first_match:
        text, spans = bring_first_match_into_view(text, spans, metrics, rect.width())
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    cut = len(elided) - 1 if elided != text else len(text)
    pieces = segments(text[:cut], spans)
    if elided != text:
        pieces.append(("…", False))
    painter.save()
    painter.setFont(font)
    x = rect.left()
    baseline = rect.top() + (rect.height() + metrics.ascent() - metrics.descent()) // 2
    for piece, marked in pieces:
        width = metrics.horizontalAdvance(piece)
        if marked:
            painter.fillRect(QRect(x, rect.top() + 1, width, rect.height() - 2), HIGHLIGHT)
            painter.setPen(HIGHLIGHT_TEXT)
        else:
            painter.setPen(color)
        painter.drawText(x, baseline, piece)
        x += width
        if x > rect.right():
            break
    painter.restore()


class HighlightDelegate(QStyledItemDelegate):
    """Two-line rows: highlighted title, then a snippet or the record's place and date."""

    def row_height(self, font: QFont) -> int:
        metrics = QFontMetrics(font)
        small = QFontMetrics(self.small_font(font))
        return PADDING_Y * 2 + metrics.height() + LINE_GAP + small.height()

    @staticmethod
    def small_font(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() - 1, 8))
        return small

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        base = super().sizeHint(option, index)
        return QSize(base.width(), self.row_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        text_color = opt.palette.color(
            group,
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text,
        )
        muted = QColor(text_color)
        if not selected:
            muted = opt.palette.color(group, QPalette.ColorRole.PlaceholderText)
        rect = opt.rect.adjusted(PADDING_X, PADDING_Y, -PADDING_X, -PADDING_Y)
        title_font = QFont(opt.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        title_height = QFontMetrics(title_font).height()
        title_rect = QRect(rect.left(), rect.top(), rect.width(), title_height)
        draw_highlighted(
            painter,
            title_rect,
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            _spans(index.data(Role.TITLE_SPANS)),
            title_font,
            text_color,
        )
        snippet = str(index.data(Role.SNIPPET) or "").replace("\n", " ")
        spans = _spans(index.data(Role.SNIPPET_SPANS))
        if snippet:
            # The code leads the line, so a row says which precedent it is at a glance.
            prefix = f"{index.data(Role.CODE)}  "
            snippet = prefix + snippet
            spans = [(start + len(prefix), end + len(prefix)) for start, end in spans]
        else:
            snippet, spans = str(index.data(Role.SUBTITLE) or ""), []
        small = self.small_font(opt.font)
        second = QRect(
            rect.left(),
            title_rect.bottom() + 1 + LINE_GAP,
            rect.width(),
            QFontMetrics(small).height(),
        )
        draw_highlighted(painter, second, snippet, spans, small, muted, show_first_match=True)


def _spans(value: Any) -> Spans:
    if not value:
        return []
    return [(int(a), int(b)) for a, b in value]
