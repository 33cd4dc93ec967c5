"""The meeting screen's side of kept notes: a timer after each change, and the offer back.

A moment after the officer last typed, the record as typed (the form and the
precedents' marks) is written to the data folder (`notes_draft`). When a
matter opens and notes are kept for it that differ from what the screen shows,
the officer is asked whether to continue with them (`RestoreDraft`, as the
editor asks); declined notes are removed, and so are the notes of a saved
meeting or of changes the officer discards. (At start-up the main window names
the matters with notes left from a meeting not saved, without building this
screen; notes of matters deleted since are removed then, unannounced:
`notes_draft.settle`.)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop.dialogs.questions import RestoreDraft
from desktop.meetings import notes_draft
from desktop.meetings.record_form import MeetingForm
from desktop.meetings.references_model import ReferencesModel
from desktop.meetings.review_state import MeetingFields

# How long after the last keystroke the notes are kept.
AUTOSAVE_MS = 1500


class NotesKeeper(QObject):
    # The notes were written to the data folder.
    kept = Signal()
    message = Signal(str)

    def __init__(
        self,
        drafts_folder: Path,
        form: MeetingForm,
        references: ReferencesModel,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.store = notes_draft.meeting_drafts(drafts_folder)
        self.form = form
        self.references = references
        self.widget = parent
        # Which matter and review the notes on screen belong to (None: nothing to keep).
        self.target: tuple[str, int | None] | None = None
        self.kept_at: dt.datetime | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.keep)

    def typed(self) -> MeetingFields:
        """The record as the screen holds it, marks included."""
        fields = self.form.fields()
        fields.references = self.references.references()
        return fields

    def changed(self, code: str, sequence: int | None) -> None:
        """The notes of review `sequence` of `code` changed: keep them in a moment."""
        self.target = (code, sequence)
        self.timer.start()

    def reset(self) -> None:
        """A matter is shown as stored: nothing to keep until the officer types."""
        self.timer.stop()
        self.target = None
        self.kept_at = None

    def keep(self) -> None:
        self.timer.stop()
        if self.target is None:
            return
        code, sequence = self.target
        self.kept_at = notes_draft.keep(self.store, code, self.typed(), sequence)
        self.kept.emit()

    def discard(self, code: str | None) -> None:
        self.timer.stop()
        if code is not None:
            self.store.discard(code)

    def newest_code(self) -> str | None:
        return notes_draft.newest_code(self.store)

    def offer(self, code: str, title: str, editable: bool = True) -> MeetingFields | None:
        """The notes kept for `code` if the officer continues with them, else None.

        Notes that say nothing the screen does not already show are removed unasked.
        Notes for a review shown read-only (decided meanwhile) cannot continue: the
        officer is told they stay in the data folder.
        """
        found = notes_draft.kept(self.store, code)
        if found is None:
            return None
        fields, saved_at = found
        if not editable:
            self.message.emit(
                self.tr(
                    "Notes kept for %1 cannot continue: its meeting was decided meanwhile. "
                    "They stay in the data folder (drafts/meetings)."
                ).replace("%1", code)
            )
            return None
        if fields == self.typed() or not RestoreDraft.ask(self.widget, title, saved_at):
            self.store.discard(code)
            return None
        self.kept_at = saved_at
        return fields
