"""The status bar: messages on the left, record counts, index state and officer on the right."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desktop.search_adapter import IndexState

MESSAGE_MS = 8000


class StatusBar(QStatusBar):
    def __init__(self, officer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts = QLabel(self)
        self.index_state = QLabel(self)
        self.officer = QLabel(self.tr("Officer: %1").replace("%1", officer), self)
        for label in (self.counts, self.index_state, self.officer):
            label.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(label)
        self.show_index_state(IndexState.CLOSED)

    def show_counts(self, shown: int, total: int) -> None:
        if shown == total:
            self.counts.setText(self.tr("%n precedent(s)", "", total))
        else:
            text = self.tr("%1 of %2 shown")
            self.counts.setText(text.replace("%1", f"{shown:,}").replace("%2", f"{total:,}"))

    def show_index_state(self, state: IndexState, progress: str = "") -> None:
        texts = {
            IndexState.CLOSED: self.tr("Search index: not open"),
            IndexState.OPENING: self.tr("Search index: opening…"),
            IndexState.REBUILDING: self.tr("Search index: rebuilding…"),
            IndexState.READY: self.tr("Search index: ready"),
            IndexState.FAILED: self.tr("Search index: unavailable"),
        }
        colors = {
            IndexState.READY: "#2e7d32",
            IndexState.FAILED: "#b42318",
        }
        self.index_state.setText(f"● {texts[state]}{progress}")
        self.index_state.setStyleSheet(f"color: {colors.get(state, '#b54708')};")

    def show_index_progress(self, done: int, total: int) -> None:
        if total:
            text = self.tr("Search index: building %1%").replace("%1", str(done * 100 // total))
        else:
            text = self.tr("Search index: building (%1 read)").replace("%1", f"{done:,}")
        self.index_state.setText(f"● {text}")
        self.index_state.setStyleSheet("color: #b54708;")

    def say(self, text: str) -> None:
        self.showMessage(text, MESSAGE_MS)
