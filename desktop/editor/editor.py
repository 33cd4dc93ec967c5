"""Editing one precedent or a new matter, in place of the detail pane.

The editor keeps the form's changes safe: it validates as the officer types
(messages beside the fields), writes a draft to the data folder a moment after
each change, asks before unsaved changes would be lost, and saves through the
domain with the version it started from. If someone else saved the precedent
meanwhile, the officer is told who and when and chooses what to do: keep
editing, load the other version, or compare the two side by side and save a
merge onto the newer version (`EditorPanel.merge_handler`, the office area's
`MergeDialog`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop import operations
from desktop.dialogs.questions import (
    Conflict,
    ConflictQuestion,
    RestoreDraft,
    Unsaved,
    UnsavedChanges,
)
from desktop.editor.form import PrecedentForm
from desktop.editor.form_state import (
    Fields,
    blank_fields,
    draft_record,
    has_content,
    record_to_fields,
    validate,
)
from desktop.errors import show_error
from desktop.office.merge_dialog import MergeDialog
from desktop.tasks import TaskManager
from precedents.drafts import Draft, DraftStore
from precedents.errors import ConflictError, PrecedentError
from precedents.library import Library
from precedents.record import PrecedentRecord
from precedents.validation import Issue

#: (parent, my record, their record) → the merged record to save, or None to keep editing.
# A fourth argument is the version my edit started from, when that is known.
MergeHandler = Callable[
    [QWidget, PrecedentRecord, PrecedentRecord, PrecedentRecord | None], PrecedentRecord | None
]

VALIDATE_MS = 250
AUTOSAVE_MS = 1500
SIMILAR_MS = 800


class EditorPanel(QWidget):
    saved = Signal(object, str)  # the saved PrecedentRecord, the code it had before
    closed = Signal()
    draft_changed = Signal(object)  # a PrecedentRecord built from the form so far
    message = Signal(str)

    merge_handler: ClassVar[MergeHandler | None] = MergeDialog.ask

    def __init__(
        self,
        library: Library,
        tasks: TaskManager,
        districts: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.drafts = DraftStore(library.paths.drafts)
        self._districts = districts
        self.base: PrecedentRecord | None = None
        # The stored record the form started from, as it was then: None when that is
        # not known (a restored draft), so that a merge treats every difference as open.
        self.merge_base: PrecedentRecord | None = None
        self.key = ""
        self.baseline: Fields = {}
        self.saving = False
        self.save_attempted = False
        self.issues: list[Issue] = []
        self._build()
        self._timers = {
            name: self._timer(ms, slot)
            for name, ms, slot in (
                ("validate", VALIDATE_MS, self._validate_later),
                ("autosave", AUTOSAVE_MS, self.save_draft),
                ("similar", SIMILAR_MS, self.emit_draft),
            )
        }

    def _timer(self, ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.state_label = QLabel(self)
        self.state_label.setStyleSheet("color: #6b7280;")
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.cancel_button = QPushButton(self.tr("Close"), self)
        self.save_button.clicked.connect(lambda: self.save())
        self.cancel_button.clicked.connect(lambda: self.request_close(lambda: None))
        bar = QHBoxLayout()
        bar.setContentsMargins(16, 10, 16, 6)
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.state_label)
        bar.addSpacing(12)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.save_button)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.scroller, 1)
        self.form = self._new_form()

    def _new_form(self) -> PrecedentForm:
        form = PrecedentForm(self.library.vocabulary(), self._districts(), self)
        form.changed.connect(self._changed)
        self.scroller.setWidget(form)
        return form

    # -- starting ---------------------------------------------------------------

    def start_new(self, fields: Fields | None = None, key: str | None = None) -> None:
        self.base = None
        self.merge_base = None
        self.key = key or Draft.new_key()
        self._load(fields or blank_fields(), baseline=blank_fields())
        self.heading.setText(self.tr("New matter"))
        self.form.widgets["code"].setFocus()

    def start_edit(self, record: PrecedentRecord) -> None:
        self.base = record
        self.merge_base = record.copy()
        self.key = record.code
        fields = record_to_fields(record)
        draft = self.drafts.load(record.code)
        if draft is not None and draft.fields != fields:
            if RestoreDraft.ask(self, record.title, draft.saved_at):
                if draft.base_version is not None:
                    record.meta.version = draft.base_version
                self.merge_base = None
                self._load(draft.fields, baseline=fields)
                self.heading.setText(self.tr("Editing %1").replace("%1", record.code))
                return
            self.drafts.discard(record.code)
        self._load(fields, baseline=fields)
        self.heading.setText(self.tr("Editing %1").replace("%1", record.code))

    def start_duplicate(self, record: PrecedentRecord) -> None:
        """A new matter pre-filled from `record` (already under a free code)."""
        self.start_new(record_to_fields(record))
        self.heading.setText(self.tr("New matter from %1").replace("%1", record.code))

    def restore_draft(self, draft: Draft, base: PrecedentRecord | None) -> None:
        if base is None:
            self.start_new(draft.fields, key=draft.key)
            return
        self.base = base
        self.merge_base = None
        self.key = draft.key
        if draft.base_version is not None:
            base.meta.version = draft.base_version
        self._load(draft.fields, baseline=record_to_fields(base))
        self.heading.setText(self.tr("Editing %1").replace("%1", base.code))

    def _load(self, fields: Fields, *, baseline: Fields) -> None:
        self.baseline = baseline
        self.save_attempted = False
        self.form.set_fields(fields)
        self.form.touched.clear()
        self.scroller.verticalScrollBar().setValue(0)
        self._update_state()
        self.run_validation()
        self.emit_draft()

    def set_vocabulary_changed(self) -> None:
        fields = self.form.fields() if self.key else None
        self.form.deleteLater()
        self.form = self._new_form()
        if fields is not None:
            self.form.set_fields(fields)

    # -- state ------------------------------------------------------------------

    @property
    def title(self) -> str:
        return str(self.form.fields().get("title", "")).strip()

    def is_dirty(self) -> bool:
        return bool(self.key) and self.form.fields() != self.baseline

    def _changed(self) -> None:
        for timer in self._timers.values():
            timer.start()
        self._update_state()

    def _update_state(self, saved_at: dt.datetime | None = None) -> None:
        if saved_at is not None:
            text = self.tr("Draft kept at %1").replace("%1", saved_at.strftime("%H:%M:%S"))
        elif self.is_dirty():
            text = self.tr("Unsaved changes")
        else:
            text = ""
        self.state_label.setText(text)

    def _validate_later(self) -> None:
        self.run_validation()

    def run_validation(self) -> list[Issue]:
        self._timers["validate"].stop()
        _record, self.issues = validate(self.form.fields(), self.library.vocabulary(), self.base)
        self.form.show_issues(self.issues, show_all=self.save_attempted)
        return self.issues

    def save_draft(self) -> None:
        if not self.is_dirty():
            self.drafts.discard(self.key)
            return
        version = self.base.meta.version if self.base is not None else None
        draft = self.drafts.save(Draft(self.key, version, self.form.fields()))
        self._update_state(draft.saved_at)

    def emit_draft(self) -> None:
        """Announce the matter as the form now describes it (for similar precedents)."""
        fields = self.form.fields()
        if self.base is not None or has_content(fields):
            self.draft_changed.emit(draft_record(fields, self.library.vocabulary()))

    # -- saving -----------------------------------------------------------------

    def save(self, then: Callable[[], None] | None = None) -> bool:
        """Validate and start saving; `then` runs after a successful save.

        Returns False if nothing was started (invalid fields or already saving).
        """
        if self.saving or not self.key:
            return False
        self.save_attempted = True
        record, issues = validate(self.form.fields(), self.library.vocabulary(), self.base)
        self.issues = issues
        self.form.show_issues(issues, show_all=True)
        if record is None:
            self._focus_first_error(issues)
            errors = sum(1 for i in issues if i.severity == "error")
            self.message.emit(self.tr("%n field(s) need attention before saving.", "", errors))
            return False
        self._store(record, then)
        return True

    def _store(self, record: PrecedentRecord, then: Callable[[], None] | None) -> None:
        base = self.base
        old_code = base.code if base is not None else ""
        self.saving = True
        self.save_button.setEnabled(False)

        def work(_progress: object) -> PrecedentRecord:
            if base is None:
                return operations.save_new(self.library, record)
            return operations.save_existing(self.library, record, base.meta.version)[0]

        def done(saved: PrecedentRecord) -> None:
            self._finish_saving()
            self.drafts.discard(self.key)
            self.base = saved
            self.merge_base = saved.copy()
            self.key = saved.code
            self.baseline = record_to_fields(saved)
            self.form.set_fields(self.baseline)
            self.heading.setText(self.tr("Editing %1").replace("%1", saved.code))
            self._update_state()
            self.message.emit(self.tr("Saved %1.").replace("%1", saved.code))
            self.saved.emit(saved, old_code)
            if then is not None:
                then()

        self.tasks.run(work, on_done=done, on_error=self._save_failed, parent=self)

    def _finish_saving(self) -> None:
        self.saving = False
        self.save_button.setEnabled(True)

    def _save_failed(self, error: BaseException, details: str) -> None:
        self._finish_saving()
        self.save_draft()
        if isinstance(error, ConflictError):
            self._conflict(error)
        elif isinstance(error, PrecedentError) and error.code == "precedent.code_exists":
            self.form.show_issues([*self.issues, Issue("code", error.message)], show_all=True)
            self.form.widgets["code"].setFocus()
        else:
            show_error(self, error, details)

    def _conflict(self, error: ConflictError) -> None:
        assert self.base is not None
        handler = type(self).merge_handler
        choice = ConflictQuestion.ask(self, error.message, handler is not None)
        if choice is Conflict.KEEP_EDITING:
            return
        theirs = operations.current_version(self.library, self.base.code)
        if theirs is None:
            show_error(self, error)
            return
        if choice is Conflict.MERGE and handler is not None:
            mine, _ = validate(self.form.fields(), self.library.vocabulary(), self.base)
            merged = handler(self, mine, theirs, self.merge_base) if mine is not None else None
            if merged is not None:
                self.base = theirs
                self.merge_base = theirs.copy()
                self._store(merged, None)
            return
        self.drafts.discard(self.key)
        self.start_edit(theirs)

    def _focus_first_error(self, issues: list[Issue]) -> None:
        for issue in issues:
            if issue.severity != "error":
                continue
            widget = self.form.widget_for(issue.field)
            if widget is not None:
                self.scroller.ensureWidgetVisible(widget, 0, 60)
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    # -- closing ----------------------------------------------------------------

    def request_close(self, then: Callable[[], None]) -> bool:
        """Close the editor, asking first if there are unsaved changes; then run `then`.

        Returns False if the officer chose to keep editing (`then` does not run).
        With "save", `then` runs once the save succeeded.
        """
        if not self.key:
            then()
            return True
        if self.is_dirty():
            answer = UnsavedChanges.ask(self, self.title)
            if answer is Unsaved.CANCEL:
                return False
            if answer is Unsaved.SAVE:
                return self.save(then=lambda: self._close(then))
        self._close(then)
        return True

    def _close(self, then: Callable[[], None]) -> None:
        for timer in self._timers.values():
            timer.stop()
        self.drafts.discard(self.key)
        self.key = ""
        self.base = None
        self.closed.emit()
        then()
