"""The right side of the library: one precedent, read or edited, with its
similar precedents and attachments beneath.

Every database read and write runs as a background task; results that arrive
for a precedent no longer on screen are dropped. Deleting asks first and goes
on the undo stack. Personal data is revealed only on request, with a reason.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from desktop import operations
from desktop import prefs as keys
from desktop.catalogue import Catalogue, summary_of
from desktop.dialogs.questions import ConfirmDelete, ConfirmRemoveAttachment, RevealReason
from desktop.editor.editor import EditorPanel
from desktop.errors import show_error
from desktop.library.attachments_panel import AttachmentsPanel
from desktop.library.detail import DetailPane
from desktop.library.record_actions import DeleteCommand
from desktop.library.similar_panel import SimilarPanel
from desktop.operations import Deleted, Shown
from desktop.prefs import Prefs
from desktop.search_adapter import SearchAdapter, SimilarResults
from desktop.tasks import Progress, Task, TaskManager
from precedents.attachments import Attachment, file_path
from precedents.drafts import Draft
from precedents.errors import PrecedentError
from precedents.library import Library
from precedents.record import PrecedentRecord

SIMILAR_LIMIT = 8


class RecordPane(QWidget):
    changed = Signal(str)  # a code whose record was saved or restored
    removed = Signal(str)
    open_requested = Signal(str)
    meeting_requested = Signal(str)  # take this precedent's matter to the meeting screen
    reselect = Signal(str)  # the list should show this code selected again
    editing_changed = Signal(bool)
    message = Signal(str)

    def __init__(
        self,
        library: Library,
        adapter: SearchAdapter,
        tasks: TaskManager,
        catalogue: Catalogue,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.adapter = adapter
        self.tasks = tasks
        self.catalogue = catalogue
        self.undo_stack = QUndoStack(self)
        self._wanted: str | None = None
        self._similar_token = itertools.count()
        self._similar_current = -1
        self.detail = DetailPane(self)
        self.editor = EditorPanel(library, tasks, lambda: self.catalogue.districts(), self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.detail)
        self.stack.addWidget(self.editor)
        self.stack.currentChanged.connect(
            lambda index: self.editing_changed.emit(self.stack.widget(index) is self.editor)
        )
        self.similar = SimilarPanel(self)
        self.attachments = AttachmentsPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.similar, self.tr("Similar precedents"))
        self.tabs.addTab(self.attachments, self.tr("Attachments"))
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("detailSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([480, 320])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._connect()

    def _run(self, work: Callable[[Progress], Any], **options: Any) -> Task:
        """Background work whose outcome is dropped if this widget is gone by then."""
        return self.tasks.run(work, context=self, **options)

    def _connect(self) -> None:
        self.detail.edit_requested.connect(self.edit)
        self.detail.duplicate_requested.connect(self.duplicate)
        self.detail.delete_requested.connect(self.delete)
        self.detail.reveal_requested.connect(self.reveal)
        self.detail.mask_requested.connect(lambda: self._load(self.detail.code))
        self.detail.meeting_requested.connect(self._take_to_meeting)
        self.editor.saved.connect(self._saved)
        self.editor.closed.connect(self._editor_closed)
        self.editor.draft_changed.connect(self._similar_to_draft)
        self.editor.message.connect(self.message)
        self.similar.open_requested.connect(self.open_requested)
        self.attachments.add_requested.connect(self.attach)
        self.attachments.remove_requested.connect(self.remove_attachment)
        self.attachments.open_requested.connect(self.open_attachment)

    # -- what is on screen ------------------------------------------------------------

    @property
    def editing(self) -> bool:
        return bool(self.editor.key)

    @property
    def code(self) -> str | None:
        if self.editing:
            return self.editor.base.code if self.editor.base is not None else None
        return self.detail.code

    def _take_to_meeting(self) -> None:
        if self.detail.code is not None:
            self.meeting_requested.emit(self.detail.code)

    def show_code(self, code: str) -> None:
        if self.editing:
            if self.editor.base is not None and code == self.editor.base.code:
                return
            edited = self.code
            if not self.editor.request_close(lambda: self._load(code)) and edited:
                self.reselect.emit(edited)
            return
        self._load(code)

    def _load(self, code: str | None) -> None:
        if code is None:
            return
        self._wanted = code
        self._run(
            lambda _p: operations.load_shown(self.library, code),
            on_done=self._shown,
            on_error=self._load_failed,
        )
        self._similar_to_code(code)

    def _shown(self, shown: Shown) -> None:
        if shown.record.code != self._wanted or self.editing:
            return
        self.detail.show_record(shown)
        self._show_attachments(shown.record.code, shown.attachments)
        self.stack.setCurrentWidget(self.detail)

    def _load_failed(self, error: BaseException, details: str) -> None:
        self.detail.clear()
        show_error(self, error, details)

    def _show_attachments(self, code: str | None, items: list[Attachment]) -> None:
        self.attachments.model.set_items(items)
        self.attachments.set_enabled_for(code)
        label = self.tr("Attachments")
        self.tabs.setTabText(1, f"{label} ({len(items)})" if items else label)

    def clear(self) -> None:
        self._wanted = None
        self.detail.clear()
        self._show_attachments(None, [])
        self.similar.reset()

    # -- similar precedents -----------------------------------------------------------

    def refresh_similar(self) -> None:
        """Look again (the similarity index has just opened)."""
        if self.editing:
            self.editor.emit_draft()
        elif self.detail.code is not None:
            self._similar_to_code(self.detail.code)

    def _similar_to_code(self, code: str) -> None:
        token = next(self._similar_token)
        self._similar_current = token

        def work(_p: object) -> SimilarResults:
            record = operations.current_version(self.library, code)
            if record is None:
                return SimilarResults([], self.adapter.SIMILAR_THRESHOLD)
            return self.adapter.similar(record, SIMILAR_LIMIT)

        self.similar.show_waiting(self.tr("Looking for similar precedents…"))
        self._run(work, on_done=lambda r: self._similar_done(token, r))

    def _similar_to_draft(self, record: PrecedentRecord) -> None:
        token = next(self._similar_token)
        self._similar_current = token
        exclude = self.editor.base.code if self.editor.base is not None else None
        self._run(
            lambda _p: self.adapter.similar(record, SIMILAR_LIMIT, exclude=exclude),
            on_done=lambda r: self._similar_done(token, r),
        )

    def _similar_done(self, token: int, results: SimilarResults) -> None:
        if token == self._similar_current:
            self.similar.show_results(results)

    # -- editing ----------------------------------------------------------------------

    def edit(self) -> None:
        code = self.detail.code
        if code is None or self.editing:
            return
        self._run(
            lambda _p: operations.load_for_editing(self.library, code), on_done=self._edit_loaded
        )

    def _edit_loaded(self, record: PrecedentRecord) -> None:
        self.editor.start_edit(record)
        self.stack.setCurrentWidget(self.editor)

    def new_matter(self) -> None:
        def start() -> None:
            self.editor.start_new()
            self._show_attachments(None, [])
            self.similar.show_waiting(
                self.tr("Describe the matter; similar precedents appear as you write.")
            )
            self.stack.setCurrentWidget(self.editor)

        self.editor.request_close(start)

    def duplicate(self) -> None:
        code = self.detail.code
        if code is None:
            return

        def start(record: PrecedentRecord) -> None:
            self.editor.start_duplicate(record)
            self._show_attachments(None, [])
            self.stack.setCurrentWidget(self.editor)

        def load() -> None:
            self._run(lambda _p: operations.duplicate(self.library, code), on_done=start)

        self.editor.request_close(load)

    def restore_draft(self, draft: Draft) -> None:
        def start(base: PrecedentRecord | None) -> None:
            self.editor.restore_draft(draft, base)
            self.stack.setCurrentWidget(self.editor)

        def load() -> None:
            if draft.is_new:
                start(None)
                return
            self._run(lambda _p: operations.current_version(self.library, draft.key), on_done=start)

        self.editor.request_close(load)

    def save(self) -> None:
        if self.editing:
            self.editor.save()

    def _saved(self, record: PrecedentRecord, old_code: str) -> None:
        self._wanted = record.code  # shown when the editor closes
        self.catalogue.put(summary_of(record), old_code or None)
        if old_code and old_code != record.code:
            self.removed.emit(old_code)
        self._show_attachments(record.code, self.attachments.model.items())
        self.changed.emit(record.code)

    def _editor_closed(self) -> None:
        self.stack.setCurrentWidget(self.detail)
        code = self._wanted or self.detail.code
        if code is not None and code in self.catalogue:
            self._load(code)
        else:
            self.clear()

    # -- deleting, revealing ----------------------------------------------------------

    def delete(self) -> None:
        shown = self.detail.shown
        if shown is None or self.editing:
            return
        record = shown.record
        if not ConfirmDelete.ask(self, record.code, record.title):
            return
        self._run(
            lambda _p: operations.delete_precedent(self.library, record.code, record.meta.version),
            on_done=self._deleted,
        )

    def _deleted(self, deleted: Deleted) -> None:
        command = DeleteCommand(self.library, deleted, self._restored, self._gone, self)
        self.undo_stack.push(command)
        self._gone(deleted.record.code)
        self.message.emit(
            self.tr("Deleted %1. Press Ctrl+Z to undo.").replace("%1", deleted.record.code)
        )

    def _gone(self, code: str) -> None:
        if self.detail.code == code:
            self.clear()
        self.removed.emit(code)

    def _restored(self, record: PrecedentRecord) -> None:
        self.catalogue.put(summary_of(record))
        self.changed.emit(record.code)
        self.message.emit(self.tr("Restored %1.").replace("%1", record.code))
        self.open_requested.emit(record.code)

    def reveal(self) -> None:
        code = self.detail.code
        if code is None:
            return
        reason = RevealReason.ask(self, code)
        if reason is None:
            return
        self._wanted = code
        self._run(
            lambda _p: operations.load_shown(self.library, code, reveal=True, reason=reason),
            on_done=self._shown,
        )

    # -- attachments ------------------------------------------------------------------

    def attach(self, paths: list[Path]) -> None:
        code = self.code
        if code is None:
            return

        def work(_p: object) -> list[Attachment]:
            for path in paths:
                operations.add_file(self.library, code, path)
            return operations.load_shown(self.library, code).attachments

        self._run(work, on_done=lambda items: self._attached(code, items), parent=self)

    def _attached(self, code: str, items: list[Attachment]) -> None:
        self._show_attachments(code, items)
        self.changed.emit(code)
        if not self.editing:
            self._load(code)

    def remove_attachment(self, attachment: Attachment) -> None:
        if not ConfirmRemoveAttachment.ask(self, attachment.filename):
            return
        code = attachment.code

        def work(_p: object) -> list[Attachment]:
            operations.remove_file(self.library, attachment)
            return operations.load_shown(self.library, code).attachments

        self._run(work, on_done=lambda items: self._attached(code, items))

    def open_attachment(self, attachment: Attachment) -> None:
        try:
            path = file_path(self.library.paths.attachments, attachment)
        except PrecedentError as error:
            show_error(self, error)
            return
        if not AttachmentsPanel.open_file(path):
            self.message.emit(self.tr("No program is set up to open %1.").replace("%1", path.name))

    # -- layout ------------------------------------------------------------------------

    def restore_layout(self, prefs: Prefs) -> None:
        state = prefs.layout(keys.DETAIL_SPLITTER)
        if state is not None:
            self.splitter.restoreState(state)

    def save_layout(self, prefs: Prefs) -> None:
        prefs.set_layout(keys.DETAIL_SPLITTER, self.splitter.saveState())
