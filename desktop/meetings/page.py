"""The case meeting screen (研判会议): the matter, similar precedents and the record.

Left to right: the matter as presented (masked) above its review history; the
similar precedents side by side with their decisions, scores and reasons,
each marked 参照 or 参考; the meeting record (`MeetingForm`) with Escalate
and Save. A banner says when an adopted general policy already covers the
matter. F11 switches to the projector layout: larger type, no picker and no
history. Saving and escalating go through `saving.MeetingSaver` (a decision
departing from the closest precedents needs a written reason first); the
record as typed is kept in the data folder by `notes_keeper.NotesKeeper`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.questions import Unsaved, UnsavedChanges
from desktop.meetings import use_cases
from desktop.meetings.exports import Current, MeetingExports
from desktop.meetings.matter_view import MatterPanel
from desktop.meetings.models import MattersModel
from desktop.meetings.new_matter import NewMatterDialog
from desktop.meetings.notes_keeper import NotesKeeper
from desktop.meetings.projector import ProjectorLayout
from desktop.meetings.record_form import RecordColumn
from desktop.meetings.references_panel import ReferencesPanel
from desktop.meetings.review_state import build_review, fields_of
from desktop.meetings.saving import MeetingSaver
from desktop.meetings.status_moves import StatusMoves
from desktop.search_adapter import SearchAdapter, SimilarResults
from desktop.tasks import Progress, Task, TaskManager
from precedents.library import Library
from precedents.meetings.model import Outcome, Review
from precedents.record import Status
from precedents.validation import Issue

#: How many similar precedents the meeting compares.
SIMILAR_LIMIT = 8
BANNER_STYLE = "background: #fff7e0; color: #7a4b00; border: 1px solid #f0d48a; padding: 6px 10px;"


class MeetingPage(QWidget):
    message = Signal(str)
    #: A review was saved: (code, review).
    saved = Signal(str, object)

    def __init__(
        self,
        library: Library,
        adapter: SearchAdapter,
        tasks: TaskManager,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.adapter = adapter
        self.tasks = tasks
        self.matter: use_cases.MeetingMatter | None = None
        self.review: Review | None = None
        self.dirty = False
        self.projector = False
        self._token = 0
        self._refreshes = 0
        self._loads = 0
        self.exports = MeetingExports(adapter, tasks, self, self._current)
        self.moves = StatusMoves(library, tasks, self)
        self.saver = MeetingSaver(library, tasks, self)
        self._build()
        self.notes = NotesKeeper(library.paths.drafts, self.form, self.references, self)
        self._connect()

    # -- layout -----------------------------------------------------------------

    def _build(self) -> None:
        self.matters = MattersModel(self)
        self.matter_box = QComboBox(self)
        self.matter_box.setModel(self.matters)
        self.matter_box.setMinimumWidth(420)
        self.every_box = QCheckBox(self.tr("Decided too"), self)
        self.new_button = QPushButton(self.tr("New matter…"), self)
        self.export_button = self.exports.button
        self.projector_button = QPushButton(self.tr("Projector (F11)"), self)
        self.projector_button.setCheckable(True)
        self.pick_label = QLabel(self.tr("Matter"), self)
        self.bar = QWidget(self)
        top = QHBoxLayout(self.bar)
        top.setContentsMargins(12, 8, 12, 4)
        top.addWidget(self.pick_label)
        top.addWidget(self.matter_box, 1)
        top.addWidget(self.every_box)
        top.addWidget(self.new_button)
        top.addStretch(0)
        top.addWidget(self.export_button)
        top.addWidget(self.projector_button)

        self.banner = QLabel(self)
        self.banner.setObjectName("policyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.matter_panel = MatterPanel(self)
        self.history_box = self.matter_panel.history_box
        self.splitter.addWidget(self.matter_panel)
        self.panel = ReferencesPanel(self)
        self.references = self.panel.model
        self.splitter.addWidget(self.panel)
        self.record_column = RecordColumn(self.library.vocabulary(), self)
        self.form = self.record_column.form
        self.state_label = self.record_column.state_label
        self.issues_label = self.record_column.issues_label
        self.escalate_button = self.record_column.escalate_button
        self.save_button = self.record_column.save_button
        self.splitter.addWidget(self.record_column)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([310, 640, 440])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        banner_row = QHBoxLayout()
        banner_row.setContentsMargins(12, 0, 12, 0)
        banner_row.addWidget(self.banner)
        layout.addLayout(banner_row)
        layout.addWidget(self.splitter, 1)
        hidden: tuple[QWidget, ...] = (
            *(self.pick_label, self.matter_box, self.every_box, self.new_button),
            *(self.export_button, self.history_box, self.record_column, self.panel.hint),
        )
        self.layout_switch = ProjectorLayout(self, self.splitter, self.panel, hidden)

    def _connect(self) -> None:
        self.matter_box.activated.connect(lambda _row: self._pick())
        self.every_box.toggled.connect(lambda _on: self.refresh_matters())
        self.new_button.clicked.connect(self.new_matter)
        self.panel.find_button.clicked.connect(self.find_similar)
        self.projector_button.toggled.connect(self.set_projector)
        self.save_button.clicked.connect(self.save)
        self.escalate_button.clicked.connect(self.escalate)
        self.record_column.reopen_button.clicked.connect(lambda: self.moves.reopen(self.code))
        self.record_column.archive_button.clicked.connect(lambda: self.moves.archive(self.code))
        self.moves.moved.connect(self._status_moved)
        self.matter_panel.minutes_requested.connect(self.exports.minutes_of)
        for helper in (self.exports, self.moves, self.saver, self.notes):
            helper.message.connect(self.message)
        self.saver.stored.connect(self._stored)
        self.saver.invalid.connect(self.show_issues)
        self.saver.reason_given.connect(self.form.consistency.setPlainText)
        self.saver.busy.connect(lambda busy: self.save_button.setEnabled(not busy))
        self.notes.kept.connect(self._show_state)
        self.form.changed.connect(self._changed)
        self.references.marks_changed.connect(self._changed)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.projector_button.toggle)

    def _run(self, work: Callable[[Progress], Any], **options: Any) -> Task:
        return self.tasks.run(work, context=self, parent=self, **options)

    # -- matters ----------------------------------------------------------------

    @property
    def code(self) -> str | None:
        return self.matter.code if self.matter is not None else None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_matters()

    def refresh_matters(self, select: str | None = None) -> None:
        # After a crash the matter whose notes were kept comes up first, to offer them back.
        wanted = select or self.code or self.notes.newest_code()
        every = self.every_box.isChecked()
        self._refreshes += 1
        token = self._refreshes

        def done(matters: list[use_cases.MatterChoice]) -> None:
            if token != self._refreshes:
                return  # a later refresh (another matter chosen) answers instead
            self.matters.set_matters(matters)
            row = self.matters.row_of(wanted) if wanted else -1
            row = row if row >= 0 else (0 if matters else -1)
            self.matter_box.setCurrentIndex(row)
            if row >= 0 and (select or self.matter is None):
                self.load(self.matters.index(row).data(MattersModel.CODE_ROLE))
            elif row < 0:
                self.matter_panel.say(
                    self.tr("No matter awaits a meeting. Start one with New matter.")
                )

        self._run(
            lambda _p: use_cases.open_matters(self.library, wanted, every=every), on_done=done
        )

    def _pick(self) -> None:
        code = self.matter_box.currentData(MattersModel.CODE_ROLE)
        if not code or code == self.code:
            return
        if not self.may_leave():
            row = self.matters.row_of(self.code or "")
            self.matter_box.setCurrentIndex(row)
            return
        self.load(code)

    def may_leave(self) -> bool:
        """True unless the record has unsaved changes the officer keeps (or saves first)."""
        if not self.dirty:
            return True
        title = self.matter.record.title if self.matter is not None else ""
        answer = UnsavedChanges.ask(self, title)
        if answer is Unsaved.SAVE:
            self.save()
        if answer is Unsaved.DISCARD:
            self.notes.discard(self.code)
        return answer is Unsaved.DISCARD

    def take_up(self, code: str) -> None:
        """Show the matter `code` (sent from the library): listed even when decided."""
        if code != self.code:
            self.refresh_matters(select=code)

    def new_matter(self) -> None:
        code = NewMatterDialog.ask(
            self, self.library, self.tasks, lambda: use_cases.known_districts(self.library)
        )
        if code:
            self.refresh_matters(select=code)

    def load(self, code: str) -> None:
        """Show `code`; of several loads under way only the last one is shown."""
        self._loads += 1
        token = self._loads

        def done(matter: use_cases.MeetingMatter) -> None:
            if token == self._loads:
                self.show_matter(matter)
                self.offer_notes()

        self._run(lambda _p: use_cases.load_matter(self.library, code), on_done=done)

    def show_matter(self, matter: use_cases.MeetingMatter, *, find: bool = True) -> None:
        """Show `matter` and the review a meeting on it continues or starts."""
        self.matter = matter
        self.review = matter.current_review()
        self.matter_panel.show_matter(matter, self.review)
        self.form.set_fields(fields_of(self.review))
        self.references.set_references(self.review.references)
        editable = not (matter.decided and self.review.outcome is Outcome.DECIDED)
        self.form.set_editable(editable)
        self.save_button.setEnabled(editable)
        self.escalate_button.setEnabled(editable)
        self.record_column.reopen_button.setVisible(matter.decided)
        self.record_column.archive_button.setVisible(matter.record.status is Status.DECIDED)
        self.issues_label.hide()
        self.dirty = False
        self.notes.reset()
        self._show_state()
        self._run(
            lambda _p: use_cases.recent_participants(self.library), on_done=self.form.set_recent
        )
        if find:
            self.find_similar()

    def _show_state(self) -> None:
        if self.matter is None or self.review is None:
            self.state_label.clear()
            return
        number = self.review.sequence or len(self.matter.reviews) + 1
        text = (
            self.tr("Meeting %1 at %2 level · %3")
            .replace("%1", str(number))
            .replace("%2", self.review.level)
            .replace("%3", self.matter.record.status.value)
        )
        if self.dirty and self.notes.kept_at is not None:
            kept_at = f"{self.notes.kept_at:%H:%M:%S}"
            text += self.tr(" · notes kept at %1").replace("%1", kept_at)
        elif self.dirty:
            text += self.tr(" · not saved")
        self.state_label.setText(text)

    def _changed(self) -> None:
        if self.matter is None or self.review is None:
            return
        self.notes.changed(self.matter.code, self.review.sequence or None)
        if not self.dirty:
            self.dirty = True
            self._show_state()

    def offer_notes(self) -> None:
        """Offer back notes kept for the matter just opened."""
        if self.matter is None or self.review is None:
            return
        editable = self.save_button.isEnabled()
        fields = self.notes.offer(self.matter.code, self.matter.record.title, editable)
        if fields is not None:
            self.review = dataclasses.replace(self.review, references=list(fields.references))
            self.form.set_fields(fields)
            self.references.set_references(self.review.references)
            self.dirty = True
            self._show_state()

    # -- similar precedents and policies -----------------------------------------

    def find_similar(self) -> None:
        code = self.code
        if code is None:
            return
        self._token += 1
        token = self._token
        self.panel.note.setText(self.tr("Searching…"))

        def work(_p: object) -> tuple[SimilarResults, dict[str, use_cases.Decided]]:
            record = use_cases.matter_record(self.library, code)
            results = self.adapter.similar(record, SIMILAR_LIMIT, exclude=code)
            codes = [hit.code for hit in results.hits]
            return results, use_cases.decisions_of(self.library, codes)

        def done(found: tuple[SimilarResults, dict[str, use_cases.Decided]]) -> None:
            if token == self._token:
                self.show_similar(*found)

        self._run(work, on_done=done)

    def show_similar(self, results: SimilarResults, decisions: dict[str, Any]) -> None:
        self.panel.show_similar(results, decisions)
        if self.review is not None:
            self.references.set_references(self.review.references)
        self.banner.setText("\n".join(results.notices))
        self.banner.setVisible(bool(results.notices))

    # -- saving -----------------------------------------------------------------

    def show_issues(self, issues: list[Issue]) -> None:
        self.issues_label.setText("\n".join(issue.message for issue in issues))
        self.issues_label.setVisible(bool(issues))
        self.form.show_issues(issues)

    def save(self) -> None:
        review, issues = build_review(self.notes.typed(), self.library.vocabulary(), self.review)
        self.show_issues(issues)
        if self.code is not None and review is not None:
            self.saver.save(self.code, review, self.references.closest_codes())

    def _stored(self, saved: use_cases.SavedMeeting) -> None:
        self.notes.discard(saved.matter.code)
        self.saved.emit(saved.matter.code, saved.review)
        self._status_moved(saved.matter)

    def escalate(self) -> None:
        level = self.form.level.currentText()
        reason = self.saver.escalation_reason(level, self.form.outcome_reason.toPlainText())
        if reason is not None:
            self.form.set_outcome(Outcome.ESCALATED, reason)
            self.save()

    def _status_moved(self, matter: use_cases.MeetingMatter) -> None:
        """Show `matter` as stored after a save or a move of its status."""
        self.show_matter(matter, find=False)
        self.refresh_matters()

    # -- projector ----------------------------------------------------

    def set_projector(self, on: bool) -> None:
        """Larger type, two panes: the matter and its precedents, for the room to read.

        The picker, the history and the meeting record give way; F11 again brings
        them back to record what was said.
        """
        if on == self.projector:
            return
        self.projector = on
        if self.projector_button.isChecked() != on:
            self.projector_button.setChecked(on)
        self.layout_switch.apply(on)

    def _current(self) -> Current:
        return self.matter, self.review, self.references.references()
