"""Saving a meeting's review from the screen: the consistency question, then one transaction.

A decision is first compared with the close (or followed) decided precedents
(`use_cases.departures_from`, on the task helper); when it departs from them
the officer writes the reason (`ConsistencyReason`), which goes with the
decision. The review is then saved through `use_cases.save_meeting`; a domain
refusal with field issues comes back as `invalid`, anything else as an error
dialog. Escalating asks why the level cannot settle the matter first.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.errors import show_error
from desktop.meetings import use_cases
from desktop.meetings.questions import ConsistencyReason, OutcomeReason
from desktop.tasks import TaskManager
from precedents.errors import ValidationFailed
from precedents.library import Library
from precedents.meetings.model import Outcome, Review, next_level


class MeetingSaver(QObject):
    # The review was saved: a `use_cases.SavedMeeting`.
    stored = Signal(object)
    # The domain refused the review: the `Issue`s to show beside the fields.
    invalid = Signal(object)
    # The reason for departing from precedents, as the officer wrote it.
    reason_given = Signal(str)
    # True while a save is under way.
    busy = Signal(bool)
    message = Signal(str)

    def __init__(self, library: Library, tasks: TaskManager, parent: QWidget) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.widget = parent

    def save(self, code: str, review: Review, closest: list[str]) -> None:
        """Save `review` of `code`; `closest` are the precedents the meeting compared."""
        if review.outcome is not Outcome.DECIDED or review.consistency_reason:
            self._store(code, review, closest)
            return

        def checked(departures: list[str]) -> None:
            if departures:
                reason = ConsistencyReason.ask(self.widget, departures)
                if reason is None:
                    self.message.emit(self.tr("Not saved: the departure needs a reason."))
                    return
                review.consistency_reason = reason
                self.reason_given.emit(reason)
            self._store(code, review, closest)

        measures = review.measures
        self.tasks.run(
            lambda _p: use_cases.departures_from(self.library, measures, closest),
            on_done=checked,
            context=self.widget,
            parent=self.widget,
        )

    def _store(self, code: str, review: Review, closest: list[str]) -> None:
        self.busy.emit(True)

        def done(saved: use_cases.SavedMeeting) -> None:
            self.busy.emit(False)
            self.message.emit(
                self.tr("Meeting %1 on %2 saved.")
                .replace("%1", str(saved.review.sequence))
                .replace("%2", code)
            )
            self.stored.emit(saved)

        def failed(error: BaseException, details: str) -> None:
            self.busy.emit(False)
            if isinstance(error, ValidationFailed) and error.issues:
                self.invalid.emit(list(error.issues))
            else:
                show_error(self.widget, error, details)

        self.tasks.run(
            lambda _p: use_cases.save_meeting(self.library, code, review, closest),
            on_done=done,
            on_error=failed,
            context=self.widget,
            parent=self.widget,
        )

    def escalation_reason(self, level: str, reason: str) -> str | None:
        """Why the `level` cannot settle the matter (None: not escalated)."""
        upper = next_level(level)
        if upper is None:
            self.message.emit(self.tr("A city-level review is the highest; it cannot go up."))
            return None
        return OutcomeReason.ask(
            self.widget,
            self.tr("Escalate to %1 level").replace("%1", upper),
            self.tr("Why can the %1 level not settle the matter?").replace("%1", level),
            reason,
        )
