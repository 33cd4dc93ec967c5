"""Moves of a decided matter's status from the meeting screen: archive, or review again.

Reviewing a decided or archived matter again needs a written reason, which the
domain records with the move (`precedents.meetings.service.reopen`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.meetings import use_cases
from desktop.meetings.questions import OutcomeReason
from desktop.tasks import TaskManager
from precedents.library import Library


class StatusMoves(QObject):
    #: The matter as it is after the move.
    moved = Signal(object)
    message = Signal(str)

    def __init__(self, library: Library, tasks: TaskManager, parent: QWidget) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.widget = parent

    def reopen(self, code: str | None) -> None:
        if code is None:
            return
        reason = OutcomeReason.ask(
            self.widget,
            self.tr("Review again"),
            self.tr("Why must the decided matter be reviewed again?"),
        )
        if reason is not None:
            self.tasks.run(
                lambda _p: use_cases.reopen_matter(self.library, code, reason),
                on_done=self._done,
                parent=self.widget,
            )

    def archive(self, code: str | None) -> None:
        if code is not None:
            self.tasks.run(
                lambda _p: use_cases.archive_matter(self.library, code),
                on_done=self._done,
                parent=self.widget,
            )

    def _done(self, matter: use_cases.MeetingMatter) -> None:
        status = matter.record.status.value
        self.message.emit(self.tr("%1 is now %2.").replace("%1", matter.code).replace("%2", status))
        self.moved.emit(matter)
