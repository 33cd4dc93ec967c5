"""The meeting screen's projector layout: larger type, only the matter and its precedents.

The room reads the matter and the precedents compared with it; the picker,
the review history and the meeting record give way, and the type grows by
`SCALE`. Switching back restores the type and the column widths as they were.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QSplitter, QWidget

from desktop.meetings.references_panel import ReferencesPanel

#: Type size in projector mode, relative to the normal one.
SCALE = 1.6


class ProjectorLayout:
    """Switches `screen` between its normal layout and the projector one."""

    def __init__(
        self,
        screen: QWidget,
        splitter: QSplitter,
        panel: ReferencesPanel,
        hidden: tuple[QWidget, ...],
    ) -> None:
        self.screen = screen
        self.splitter = splitter
        self.panel = panel
        self.hidden = hidden
        self.normal_font = QFont(screen.font())
        self.sizes: list[int] = []

    def apply(self, on: bool) -> None:
        if on:
            self.sizes = self.splitter.sizes()
        font = QFont(self.normal_font)
        if on:
            font.setPointSizeF(self.normal_font.pointSizeF() * SCALE)
        self.screen.setFont(font)
        # Labels styled with a colour take their size from a style sheet, not the font.
        size = font.pointSizeF()
        self.screen.setStyleSheet(
            f"QLabel, QPushButton {{ font-size: {size:.1f}pt; }}" if on else ""
        )
        for widget in self.hidden:
            widget.setVisible(not on)
        self.panel.size_columns(SCALE if on else 1.0)
        total = sum(self.splitter.sizes())
        self.splitter.setSizes([total * 2 // 5, total * 3 // 5, 0] if on else self.sizes)
