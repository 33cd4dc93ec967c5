"""A screen of the main window's stack that is built the first time it is needed.

Building the meeting, patterns and statistics screens (and importing their
domain code with numpy) at window construction delayed the library's first
results, which are what the officer waits for at start-up. Each of those
screens holds its place in the stack with an empty widget; the first time
that place becomes the current screen, or the window asks for the screen (a
matter taken to the meeting, a test), the real screen is built and takes the
place of the holder, so the stack then holds the screen itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QStackedWidget, QWidget

Page = TypeVar("Page", bound=QWidget)


class DeferredPage(Generic[Page]):
    """The place of a screen in `stack`, appended now; the screen from `build` on first use."""

    def __init__(self, stack: QStackedWidget, build: Callable[[], Page]) -> None:
        self._stack = stack
        self._build = build
        self._holder: QWidget | None = QWidget(stack)
        self.built: Page | None = None
        stack.addWidget(self._holder)
        stack.currentChanged.connect(self._current_changed)

    def page(self) -> Page:
        """The screen, built now if this is the first time it is needed."""
        if self.built is None:
            self.built = self._build()
            self._replace_holder(self.built)
        return self.built

    def _current_changed(self, index: int) -> None:
        if self._holder is not None and self._stack.widget(index) is self._holder:
            self.page()

    def _replace_holder(self, page: QWidget) -> None:
        holder, self._holder = self._holder, None
        assert holder is not None
        self._stack.currentChanged.disconnect(self._current_changed)
        current = self._stack.currentWidget() is holder
        self._stack.insertWidget(self._stack.indexOf(holder), page)
        if current:
            self._stack.setCurrentWidget(page)
        self._stack.removeWidget(holder)
        holder.deleteLater()
