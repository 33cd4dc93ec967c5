"""Similar precedents of the precedent or draft matter on screen, with scores and reasons.

The list shows each similar precedent's title, its calibrated score as a bar
and the reasons the engine gave. Close precedents (at or above the engine's
threshold) are marked; when none is close the panel says so plainly, so a
weak match is never mistaken for a precedent to follow. Double-clicking a hit
opens it in the library.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.search_adapter import SimilarHit, SimilarResults

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_REASONS = 3
CLOSE_COLOR = QColor("#2e7d32")
WEAK_COLOR = QColor("#9e9e9e")


class SimilarModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SimilarHit] = []

    def set_hits(self, hits: list[SimilarHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SimilarHit:
        return self._hits[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            state = "" if hit.decided else self.tr(" (not decided yet)")
            return "\n".join([f"{hit.code}  {hit.title}{state}", *hit.reasons])
        if role == HIT_ROLE:
            return hit
        return None


class SimilarDelegate(QStyledItemDelegate):
    """Score bar, code and title on the first line; one reason per line beneath."""

    def _lines(self, index: Index) -> int:
        hit = index.data(HIT_ROLE)
        return 1 + min(len(hit.reasons), MAX_REASONS) if hit is not None else 1

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        height = 12 + metrics.height() + (self._lines(index) - 1) * (metrics.height() + 1)
        return QSize(option.rect.width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit: SimilarHit | None = index.data(HIT_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if hit is None:
            return
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = opt.palette.color(role)
        muted = text_color if selected else opt.palette.color(QPalette.ColorRole.PlaceholderText)
        metrics = QFontMetrics(opt.font)
        rect = opt.rect.adjusted(8, 6, -8, -6)
        painter.save()
        bar = QRect(rect.left(), rect.top() + 3, 44, metrics.height() - 6)
        painter.fillRect(bar, QColor("#e5e7eb"))
        filled = QRect(bar.left(), bar.top(), round(bar.width() * hit.score), bar.height())
        painter.fillRect(filled, CLOSE_COLOR if hit.close else WEAK_COLOR)
        bold = QFont(opt.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(text_color)
        score = f"{hit.score:.2f}"
        x = bar.right() + 8
        painter.drawText(
            QRect(x, rect.top(), 40, metrics.height()), Qt.AlignmentFlag.AlignLeft, score
        )
        x += QFontMetrics(bold).horizontalAdvance("0.00") + 10
        title = f"{hit.code}  {hit.title}"
        width = rect.right() - x
        elided = QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(x, rect.top(), width, metrics.height()), 0, elided)
        painter.setFont(opt.font)
        painter.setPen(muted)
        y = rect.top() + metrics.height() + 1
        for reason in hit.reasons[:MAX_REASONS]:
            line = metrics.elidedText(
                "· " + reason, Qt.TextElideMode.ElideRight, rect.width() - (bar.width() + 8)
            )
            painter.drawText(QRect(bar.right() + 8, y, rect.width(), metrics.height()), 0, line)
            y += metrics.height() + 1
        painter.restore()


class SimilarPanel(QWidget):
    """The similar-precedents tab: a verdict line and the list."""

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SimilarModel(self)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.verdict.setContentsMargins(8, 6, 8, 2)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(SimilarDelegate(self.view))
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.setUniformItemSizes(False)
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.verdict)
        layout.addWidget(self.view, 1)
        self.reset()

    def reset(self) -> None:
        self.show_waiting(self.tr("Select a precedent to see similar ones."))

    def show_waiting(self, text: str) -> None:
        self.model.set_hits([])
        self.verdict.setText(text)

    def show_results(self, results: SimilarResults) -> None:
        if not results.ready:
            self.show_waiting(self.tr("The similarity index is being prepared…"))
            return
        self.model.set_hits(results.hits)
        close = sum(1 for hit in results.hits if hit.close)
        if not results.hits:
            text = self.tr("No similar precedents on file.")
        elif close:
            text = self.tr("%n close precedent(s) (similarity %1 or more).", "", close)
        else:
            text = self.tr("No close precedent: nothing on file reaches similarity %1.")
        text = text.replace("%1", f"{results.threshold:.2f}")
        if results.notices:
            notices = "<br>".join(f"<b>{escape(n)}</b>" for n in results.notices)
            text = f"{notices}<br>{escape(text)}"
        self.verdict.setText(text)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.hit(index.row()).code)
