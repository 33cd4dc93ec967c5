"""Icons drawn at run time: a coloured rounded square with one Chinese character.

The navigation uses them (库, 会, 策, 统); they scale to any screen density and
need no image files.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap


def glyph_icon(char: str, color: str, size: int = 64) -> QIcon:
    icon = QIcon()
    for scale in (1, 2):
        side = size * scale
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        margin = side * 0.06
        rect = QRectF(margin, margin, side - 2 * margin, side - 2 * margin)
        painter.drawRoundedRect(rect, side * 0.22, side * 0.22)
        font = QFont()
        font.setPixelSize(int(side * 0.52))
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, char)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        icon.addPixmap(pixmap)
    return icon
