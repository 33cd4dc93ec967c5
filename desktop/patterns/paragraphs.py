"""Editing one section of a policy draft, paragraph by paragraph.

A `SectionEditor` shows a section's heading and one `ParagraphEditor` per
paragraph: its number, its run-in heading (where it has one), its text in a box
that grows with it, and beneath, the precedents it cites as links (each with a
× that stops citing it there). The text is written back to the `DraftState`
when the officer leaves the box (and before a save), which is when a citation
typed into the text moves to the citations.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.patterns.draft_state import DraftState, SectionRef
from precedents.patterns.draft import DraftParagraph

#: Links of the citations line: open the precedent, or stop citing it.
OPEN = "open:"
DROP = "drop:"
#: Text of a paragraph is set in a larger, document-like size.
TEXT_POINT_SIZE = 11


def unbroken(code: str) -> str:
    """A code as shown in wrapped text: non-breaking hyphens keep it on one line."""
    return code.replace("-", "\u2011")


class GrowingTextEdit(QPlainTextEdit):
    """A text box as tall as its text: the page scrolls, not each paragraph."""

    left = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setTabChangesFocus(True)
        font = QFont(self.font())
        font.setPointSize(TEXT_POINT_SIZE)
        self.setFont(font)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit())
        self._fit()

    def _fit(self) -> None:
        lines = max(1, int(self.document().size().height()))
        spacing = self.fontMetrics().lineSpacing()
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        self.setFixedHeight(lines * spacing + frame + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def sizeHint(self) -> QSize:
        return QSize(400, self.height())


class ParagraphEditor(QFrame):
    """One paragraph: number, run-in heading, text, and the precedents it cites."""

    changed = Signal()
    add_after = Signal(int)
    remove = Signal(int)
    open_precedent = Signal(str)

    def __init__(
        self,
        state: DraftState,
        ref: SectionRef,
        index: int,
        read_only: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.ref = ref
        self.index = index
        paragraph = self.paragraph()
        editable = ref.editable and not read_only
        self.setObjectName("paragraph")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.number = QLabel(paragraph.number, self)
        self.number.setMinimumWidth(36 if paragraph.number else 0)
        self.heading = QLineEdit(paragraph.heading, self)
        self.heading.setPlaceholderText(self.tr("Heading"))
        self.heading.setVisible(bool(paragraph.heading))
        self.heading.setReadOnly(not editable)
        self.heading.setMaximumWidth(260)
        self.heading.editingFinished.connect(self.commit)
        self.heading.textEdited.connect(lambda _t: self.changed.emit())
        self.text = GrowingTextEdit(paragraph.text, self)
        self.text.setReadOnly(not editable)
        self.text.setPlaceholderText(self.tr("Text of the paragraph"))
        self.text.textChanged.connect(self.changed)
        self.text.left.connect(self.commit)
        self.cites = QLabel(self)
        self.cites.setWordWrap(True)
        self.cites.setTextFormat(Qt.TextFormat.RichText)
        self.cites.linkActivated.connect(self._link)
        self.cites.setStyleSheet("color: #4b5563;")
        self._show_cites(paragraph)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.number)
        head.addWidget(self.heading)
        head.addStretch(1)
        if editable:
            for text, tip, signal in (
                ("＋", self.tr("Add a paragraph after this one"), self.add_after),
                ("×", self.tr("Delete this paragraph"), self.remove),
            ):
                button = QToolButton(self)
                button.setText(text)
                button.setToolTip(tip)
                button.setAutoRaise(True)
                button.clicked.connect(lambda _c=False, s=signal: s.emit(self.index))
                head.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.text)
        layout.addWidget(self.cites)

    def paragraph(self) -> DraftParagraph:
        return self.state.paragraphs(self.ref)[self.index]

    def _show_cites(self, paragraph: DraftParagraph) -> None:
        if not paragraph.cites:
            self.cites.hide()
            return
        editable = self.ref.editable and not self.text.isReadOnly()
        links = "、".join(
            f'<a href="{OPEN}{code}">{unbroken(code)}</a>'
            + (f'&nbsp;<a href="{DROP}{code}" style="color:#9ca3af;">×</a>' if editable else "")
            for code in paragraph.cites
        )
        self.cites.setText(self.tr("Cites: %1").replace("%1", links))
        tip = self.tr("Click a code to open the precedent in the library.")
        if editable:
            tip += " " + self.tr("Click × to stop citing it here.")
        self.cites.setToolTip(tip)
        self.cites.show()

    def _link(self, link: str) -> None:
        if link.startswith(DROP):
            self.commit()
            self.state.remove_citation(self.ref, self.index, link.removeprefix(DROP))
            self._show_cites(self.paragraph())
            self.changed.emit()
        else:
            self.open_precedent.emit(link.removeprefix(OPEN))

    def commit(self) -> None:
        """Write the boxes back to the draft; typed citations join the citations."""
        if not self.ref.editable or self.text.isReadOnly():
            return
        text = self.text.toPlainText()
        self.state.set_paragraph(self.ref, self.index, text, self.heading.text())
        paragraph = self.paragraph()
        if paragraph.text != text:
            blocked = self.text.blockSignals(True)
            self.text.setPlainText(paragraph.text)
            self.text.blockSignals(blocked)
        self._show_cites(paragraph)


class SectionEditor(QWidget):
    """A section's heading and its paragraphs; rebuilt when paragraphs come or go."""

    changed = Signal()
    open_precedent = Signal(str)

    def __init__(
        self, state: DraftState, ref: SectionRef, read_only: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.ref = ref
        self.read_only = read_only
        self.editors: list[ParagraphEditor] = []
        heading = QLabel(ref.heading, self)
        font = QFont(heading.font())
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        heading.setFont(font)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 10, 0, 6)
        self._layout.addWidget(heading)
        if not ref.editable:
            note = QLabel(
                self.tr(
                    "Written from the precedents' figures when the draft is exported; "
                    "shown here for reference."
                ),
                self,
            )
            note.setStyleSheet("color: #6b7280;")
            self._layout.addWidget(note)
        self._paragraphs = QVBoxLayout()
        self._paragraphs.setSpacing(4)
        self._layout.addLayout(self._paragraphs)
        self.add_button: QPushButton | None = None
        if ref.editable and not read_only:
            self.add_button = QPushButton(self.tr("Add paragraph"), self)
            self.add_button.setFlat(True)
            self.add_button.clicked.connect(lambda: self._add(None))
            row = QHBoxLayout()
            row.addWidget(self.add_button)
            row.addStretch(1)
            self._layout.addLayout(row)
        self.rebuild()

    def rebuild(self) -> None:
        for editor in self.editors:
            self._paragraphs.removeWidget(editor)
            editor.deleteLater()
        self.editors = []
        for index in range(len(self.state.paragraphs(self.ref))):
            editor = ParagraphEditor(self.state, self.ref, index, self.read_only, self)
            editor.changed.connect(self.changed)
            editor.add_after.connect(self._add)
            editor.remove.connect(self._remove)
            editor.open_precedent.connect(self.open_precedent)
            self._paragraphs.addWidget(editor)
            self.editors.append(editor)

    def commit(self) -> None:
        for editor in self.editors:
            editor.commit()

    def _add(self, after: int | None) -> None:
        self._changing(lambda: self.state.add_paragraph(self.ref, after))
        position = len(self.editors) - 1 if after is None else after + 1
        self.editors[position].text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove(self, index: int) -> None:
        self._changing(lambda: self.state.remove_paragraph(self.ref, index))

    def _changing(self, change: Callable[[], object]) -> None:
        self.commit()
        change()
        self.rebuild()
        self.changed.emit()
