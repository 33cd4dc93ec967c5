"""Painting the merge view's value cells with the differing passages marked.

A long narrative often differs by one added sentence; marking what differs
from the other side saves the officer reading both in full. The cell is drawn
as usual (background, tick box) without its text, then the text is laid out
as rich text (wrapped) in the text area, differing passages on a marker colour.
The row height follows the laid-out text.
"""

from __future__ import annotations

import difflib
import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex
Spans = list[tuple[int, int]]

#: The model's role for the spans of a value that differ from the other side's value.
SPANS_ROLE = int(Qt.ItemDataRole.UserRole) + 1
MARK = "#fde68a"
#: Longest texts compared character by character (beyond, the whole value is marked).
MAX_COMPARED = 20_000


def changed_spans(a: str, b: str) -> tuple[Spans, Spans]:
    """The spans of `a` and of `b` that the other does not have."""
    if len(a) + len(b) > MAX_COMPARED:
        return [(0, len(a))], [(0, len(b))]
    left: Spans = []
    right: Spans = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if a2 > a1:
            left.append((a1, a2))
        if b2 > b1:
            right.append((b1, b2))
    return left, right


def marked_html(text: str, spans: Spans) -> str:
    """`text` as HTML, the spans on the marker colour, line breaks kept."""
    out, position = [], 0
    for start, end in sorted(spans):
        out.append(html.escape(text[position:start]))
        out.append(f'<span style="background:{MARK}">{html.escape(text[start:end])}</span>')
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out).replace("\n", "<br>")


class DiffDelegate(QStyledItemDelegate):
    def _document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        spans = index.data(SPANS_ROLE) or []
        document.setHtml(marked_html(text, spans))
        document.setTextWidth(max(width, 40))
        return document

    def _text_rect_width(self, option: QStyleOptionViewItem, index: Index) -> int:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else QApplication.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        return rect.width()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        document = self._document(option, index, text_rect.width())
        painter.save()
        painter.translate(text_rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(
            QPalette.ColorRole.Text,
            opt.palette.color(QPalette.ColorRole.Text),
        )
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        base = super().sizeHint(option, index)
        width = self._text_rect_width(option, index)
        document = self._document(option, index, width)
        return QSize(base.width(), max(base.height(), int(document.size().height()) + 4))
