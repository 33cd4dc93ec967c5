"""Screens whose work belongs to later parts of the program, shown as honest empty states.

Each says what the screen will hold and what to do meanwhile, instead of
showing made-up content.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class EmptyPage(QWidget):
    def __init__(
        self, title: str, summary: str, points: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        heading = QLabel(title, self)
        heading.setObjectName("emptyTitle")
        heading.setStyleSheet("font-size: 18pt; font-weight: 600; color: #1f3a5f;")
        text = QLabel(summary, self)
        text.setWordWrap(True)
        text.setStyleSheet("font-size: 11pt; color: #374151;")
        items = "".join(f"<li style='margin-bottom:6px'>{point}</li>" for point in points)
        bullets = QLabel(f"<ul style='margin-left:-20px'>{items}</ul>", self)
        bullets.setWordWrap(True)
        bullets.setTextFormat(Qt.TextFormat.RichText)
        bullets.setStyleSheet("color: #4b5563;")
        box = QWidget(self)
        box.setMaximumWidth(640)
        column = QVBoxLayout(box)
        column.setSpacing(12)
        column.addWidget(heading)
        column.addWidget(text)
        column.addWidget(bullets)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


class StatisticsPage(EmptyPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Statistics"),
            self.tr(
                "Figures for reports upward will be shown here: matters and precedents by "
                "district, year, status and review level, amounts by measure, and how long "
                "decisions took."
            ),
            [
                self.tr("Counts and charts over any period and district."),
                self.tr("Amounts paid per measure, and days from filing to decision."),
                self.tr("Meanwhile the command line gives the same figures: precedents stats."),
            ],
            parent,
        )
