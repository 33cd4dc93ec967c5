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


class MeetingPage(EmptyPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Case meetings"),
            self.tr(
                "Case meetings will be run from here: the four-level review of a hard matter "
                "(village, town, district, city), the meeting itself and its minutes."
            ),
            [
                self.tr("Put a matter on a meeting's agenda and move it up a review level."),
                self.tr(
                    "Look at similar precedents during the meeting and record which are followed."
                ),
                self.tr("Record the decision, the measures, amounts and responsible departments."),
                self.tr("Export the minutes (会议纪要) as an official Word document."),
            ],
            parent,
        )
