"""The meeting screen's Word documents: minutes, review form, retrieval report.

Each asks how to write it (masked by default, the office template if chosen)
and where, then runs the domain's export on the task helper. The documents
come from `precedents.word_exports` (the one document builder), so they are
the same as the command line's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from desktop.meetings import use_cases
from desktop.meetings.questions import MinutesReview, WordChoice, WordExportDialog
from desktop.meetings.use_cases import MeetingMatter
from desktop.search_adapter import SearchAdapter
from desktop.tasks import TaskManager
from precedents.meetings.model import Reference, Review

#: What the screen shows: the matter, the review on screen and the precedents marked.
Current = tuple[MeetingMatter | None, Review | None, list[Reference]]


class MeetingExports(QObject):
    message = Signal(str)
    #: The path written, once an export has finished.
    exported = Signal(object)

    def __init__(
        self,
        adapter: SearchAdapter,
        tasks: TaskManager,
        parent: QWidget,
        current: Callable[[], Current],
    ) -> None:
        super().__init__(parent)
        self.adapter = adapter
        self.library = adapter.library
        self.tasks = tasks
        self.widget = parent
        self.current = current
        self.button = QPushButton(self.tr("Word documents"), parent)
        menu = QMenu(self.button)
        menu.addAction(self.tr("Meeting minutes (会议纪要)…"), self.export_minutes)
        menu.addAction(self.tr("Case review form (个案研判表)…"), self.export_review_form)
        menu.addAction(self.tr("Retrieval report (类案检索报告)…"), self.export_report)
        self.button.setMenu(menu)

    def export_minutes(self) -> None:
        """The minutes of one saved meeting: when there were several, the officer picks
        which (the one on screen once saved, else the last, is offered first)."""
        matter, review, _marks = self.current()
        if matter is None or not matter.reviews:
            self.message.emit(self.tr("Save the meeting first: minutes record a saved meeting."))
            return
        sequence = review.sequence if review is not None and review.id else 0
        sequence = sequence or matter.reviews[-1].sequence
        if len(matter.reviews) > 1:
            choices = [(r.sequence, self.describe(r)) for r in matter.reviews]
            chosen = MinutesReview.ask(self.widget, choices, sequence)
            if chosen is None:
                return
            sequence = chosen
        self.minutes(matter.code, sequence)

    def minutes_of(self, sequence: int) -> None:
        """The minutes of meeting `sequence` of the matter on screen (from its history)."""
        matter, _review, _marks = self.current()
        if matter is not None:
            self.minutes(matter.code, sequence)

    def describe(self, review: Review) -> str:
        """第2次 · 镇街 · 2025-03-18 · 提交上一级, as the picker of meetings shows it."""
        return (
            self.tr("Meeting %1 · %2 · %3 · %4")
            .replace("%1", str(review.sequence))
            .replace("%2", review.level)
            .replace("%3", review.held_on.isoformat())
            .replace("%4", review.outcome.value)
        )

    def export_review_form(self) -> None:
        matter, _review, _marks = self.current()
        if matter is None or not matter.reviews:
            self.message.emit(self.tr("Save the meeting first: the form lists saved meetings."))
            return
        self.review_form(matter.code)

    def export_report(self) -> None:
        matter, _review, marks = self.current()
        if matter is not None:
            self.retrieval_report(matter.code, marks)

    def _ask(self, title: str, name: str) -> WordChoice | None:
        suggested = str(Path.home() / name)
        return WordExportDialog.ask(
            self.widget, title, suggested, self.library.settings.template_path
        )

    def _run(self, label: str, work: Callable[[WordChoice], Path], choice: WordChoice) -> None:
        def done(path: Path) -> None:
            state = self.tr("masked") if choice.masked else self.tr("unmasked, recorded")
            self.message.emit(
                self.tr("Written %1 (%2).").replace("%1", str(path)).replace("%2", state)
            )
            self.exported.emit(path)

        self.tasks.run(lambda _p: work(choice), on_done=done, label=label, parent=self.widget)

    def minutes(self, code: str, sequence: int) -> None:
        title = self.tr("Meeting minutes")
        choice = self._ask(title, use_cases.suggested_name("会议纪要", code, sequence))
        if choice is None:
            return
        self._run(
            self.tr("Writing the minutes…"),
            lambda c: use_cases.export_minutes(
                self.library,
                code,
                sequence,
                c.out,
                masked=c.masked,
                reason=c.reason,
                template=c.template,
            ),
            choice,
        )

    def review_form(self, code: str) -> None:
        title = self.tr("Case review form")
        choice = self._ask(title, use_cases.suggested_name("个案研判表", code))
        if choice is None:
            return
        self._run(
            self.tr("Writing the review form…"),
            lambda c: use_cases.export_review_form(
                self.library, code, c.out, masked=c.masked, reason=c.reason, template=c.template
            ),
            choice,
        )

    def retrieval_report(self, code: str, references: list[Reference]) -> None:
        title = self.tr("Similar-precedent retrieval report")
        choice = self._ask(title, use_cases.suggested_name("类案检索报告", code))
        if choice is None:
            return
        self._run(
            self.tr("Writing the retrieval report…"),
            lambda c: use_cases.export_retrieval_report(
                self.adapter.indexes,
                code,
                references,
                c.out,
                masked=c.masked,
                reason=c.reason,
                template=c.template,
            ),
            choice,
        )
