"""The detail pane: the selected precedent, readable, with its actions.

Personal data is masked unless the officer reveals it for this precedent,
which asks for a reason and is recorded in the audit trail; choosing another
precedent masks it again. With nothing selected the pane says what to do.
提交研判 takes the precedent's matter to the meeting screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.library.detail_html import render
from desktop.operations import Shown


class DetailPane(QWidget):
    edit_requested = Signal()
    duplicate_requested = Signal()
    delete_requested = Signal()
    reveal_requested = Signal()
    mask_requested = Signal()
    meeting_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown: Shown | None = None
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.duplicate_button = QPushButton(self.tr("Duplicate as new matter"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.reveal_button = QPushButton(self.tr("Show personal data…"), self)
        self.meeting_button = QPushButton(self.tr("Take to a meeting"), self)
        self.meeting_button.setToolTip(self.tr("Open this matter on the meeting screen"))
        self.meeting_button.clicked.connect(self.meeting_requested)
        self.edit_button.clicked.connect(self.edit_requested)
        self.duplicate_button.clicked.connect(self.duplicate_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        self.reveal_button.clicked.connect(self._reveal_clicked)
        bar = QHBoxLayout()
        bar.setContentsMargins(12, 8, 12, 4)
        bar.setSpacing(6)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.duplicate_button)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.meeting_button)
        bar.addStretch(1)
        bar.addWidget(self.reveal_button)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.browser.document().setDocumentMargin(14)
        self.empty = QLabel(
            self.tr(
                "Select a precedent in the list to read it here.\n\n"
                "Type in the search box to find precedents, tick filters on the left to "
                "narrow them, or press Ctrl+N to record a new matter."
            ),
            self,
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #6b7280; padding: 24px;")
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(self.browser, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    @property
    def code(self) -> str | None:
        return self.shown.record.code if self.shown is not None else None

    def show_record(self, shown: Shown) -> None:
        keep_scroll = self.shown is not None and self.shown.record.code == shown.record.code
        position = self.browser.verticalScrollBar().value()
        self.shown = shown
        self.browser.setHtml(
            render(shown.record, masked=shown.masked, attachments=shown.attachments)
        )
        if keep_scroll:
            self.browser.verticalScrollBar().setValue(position)
        self.reveal_button.setText(
            self.tr("Show personal data…") if shown.masked else self.tr("Mask personal data")
        )
        self.stack.setCurrentIndex(1)

    def clear(self) -> None:
        self.shown = None
        self.browser.clear()
        self.stack.setCurrentIndex(0)

    def _reveal_clicked(self) -> None:
        if self.shown is None:
            return
        if self.shown.masked:
            self.reveal_requested.emit()
        else:
            self.mask_requested.emit()
