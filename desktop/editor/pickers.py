"""Pickers for the controlled vocabularies, accepting labels and their synonyms.

`TermPicker` holds several terms of one kind (hardships, barriers) as removable
chips; the officer types a label or any synonym (大病 → 重病, 临救 → 临时救助)
and presses Enter, or ticks terms in the list button. `TermCombo` holds one
term (discovery channel, measure type) the same way. Text that names no term
is kept and reported by the form's validation, never silently dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from precedents.vocabulary import Vocabulary


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping to the next line (Qt's flow layout)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        space = self.spacing()
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + space, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + space
            line = max(line, hint.height())
        return y + line - rect.y()


def _names(vocab: Vocabulary, kind: str) -> list[str]:
    names: list[str] = []
    for label in vocab.labels(kind):
        term = vocab.term(kind, label)
        names.append(label)
        if term is not None:
            names.extend(s for s in term.synonyms if vocab.resolve(kind, s) == label)
    return list(dict.fromkeys(names))


CHIP_STYLE = (
    "QToolButton { border: 1px solid #c7d2fe; border-radius: 10px; padding: 1px 8px;"
    " background: #eef2ff; color: #1e3a8a; }"
    "QToolButton:hover { background: #e0e7ff; }"
)


class TermPicker(QWidget):
    """Several terms of one vocabulary kind as chips, added by typing or ticking."""

    changed = Signal()
    #: A message about text that names no term (shown beside the field).
    problem = Signal(str)

    def __init__(self, vocab: Vocabulary, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vocab = vocab
        self.kind = kind
        self._values: list[str] = []
        self._flow = FlowLayout(self)
        self.input = QLineEdit(self)
        self.input.setPlaceholderText(self.tr("Type a term or a synonym, then Enter"))
        self.input.setMinimumWidth(200)
        completer = QCompleter(_names(vocab, kind), self.input)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._add_text)
        self.input.setCompleter(completer)
        self.input.returnPressed.connect(lambda: self._add_text(self.input.text()))
        self.input.installEventFilter(self)
        self.menu_button = QToolButton(self)
        self.menu_button.setText(self.tr("List"))
        self.menu_button.setToolTip(self.tr("Choose from the list"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.menu_button.setMenu(QMenu(self.menu_button))
        self.menu_button.menu().aboutToShow.connect(self._fill_menu)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._rebuild()

    def values(self) -> list[str]:
        return list(self._values)

    def set_values(self, values: list[str]) -> None:
        self._values = list(dict.fromkeys(values))
        self._rebuild()

    def add(self, label: str) -> None:
        if label not in self._values:
            self._values.append(label)
            self._rebuild()
            self.changed.emit()

    def remove(self, label: str) -> None:
        if label in self._values:
            self._values.remove(label)
            self._rebuild()
            self.changed.emit()

    def _add_text(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        label = self.vocab.resolve(self.kind, text)
        if label is None:
            self.problem.emit(self.tr("「%1」 is not a term of this list").replace("%1", text))
            return
        self.input.clear()
        self.add(label)
        # The completer writes its choice back after this slot; clear again once it has.
        QTimer.singleShot(0, self.input.clear)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.input
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Backspace
            and not self.input.text()
            and self._values
        ):
            self.remove(self._values[-1])
            return True
        return super().eventFilter(watched, event)

    def _fill_menu(self) -> None:
        menu = self.menu_button.menu()
        menu.clear()
        for label in self.vocab.labels(self.kind):
            action = QAction(label, menu)
            action.setCheckable(True)
            action.setChecked(label in self._values)
            action.toggled.connect(
                lambda on, term=label: self.add(term) if on else self.remove(term)
            )
            menu.addAction(action)

    def _rebuild(self) -> None:
        while (item := self._flow.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None and widget not in (self.input, self.menu_button):
                widget.deleteLater()
        for label in self._values:
            chip = QToolButton(self)
            chip.setText(f"{label}  ×")
            chip.setToolTip(self.tr("Remove %1").replace("%1", label))
            chip.setStyleSheet(CHIP_STYLE)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.clicked.connect(lambda _=False, term=label: self.remove(term))
            self._flow.addWidget(chip)
        self._flow.addWidget(self.input)
        self._flow.addWidget(self.menu_button)
        self.updateGeometry()


class TermCombo(QComboBox):
    """One term of a vocabulary kind; a typed synonym becomes its label on leaving."""

    def __init__(
        self,
        vocab: Vocabulary,
        kind: str,
        parent: QWidget | None = None,
        *,
        allow_empty: bool = True,
    ) -> None:
        super().__init__(parent)
        self.vocab = vocab
        self.kind = kind
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        if allow_empty:
            self.addItem("")
        self.addItems(vocab.labels(kind))
        completer = QCompleter(_names(vocab, kind), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        completer.activated.connect(self.resolve_text)
        line = self.lineEdit()
        assert line is not None
        line.editingFinished.connect(self.resolve_text)

    def value(self) -> str:
        return self.currentText().strip()

    def set_value(self, value: str) -> None:
        self.setCurrentText(value)

    def resolve_text(self, *_args: object) -> None:
        text = self.currentText().strip()
        label = self.vocab.resolve(self.kind, text) if text else None
        if label is not None and label != text:
            self.setCurrentText(label)


class Row(QWidget):
    """A horizontal row of widgets with no margins (a field and its unit)."""

    def __init__(self, *widgets: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
