"""What the desktop does to the library, one short function per user action.

Each function takes the open `Library`, runs one transaction through the
domain API and returns plain data; none of them touches Qt, so they run on
background threads and are tested without a window (the Anki operations
pattern). Widgets call these and nothing below them.

Import and export are imported when first used: openpyxl alone costs a sixth of
a second, which start-up does not need to pay.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from precedents.anonymize import mask_record
from precedents.attachments import (
    Attachment,
    AttachmentCopy,
    add_attachment,
    copy_attachments,
    list_attachments,
    remove_attachment,
    restore_attachments,
)
from precedents.library import Library
from precedents.record import PrecedentRecord, Status
from precedents.store.audit import record_event
from precedents.store.precedents import (
    create_record,
    delete_record,
    find_record,
    get_record,
    set_status,
    update_record,
)
from precedents.vocabulary import Vocabulary

if TYPE_CHECKING:
    from precedents.interchange.exporter import ExportResult
    from precedents.interchange.importer import ImportReport, ParsedFile

Progress = Callable[[int, int], None]


@dataclass(slots=True)
class Shown:
    """A precedent as the detail pane shows it: masked unless revealed."""

    record: PrecedentRecord
    masked: bool
    attachments: list[Attachment] = field(default_factory=list)


@dataclass(slots=True)
class Deleted:
    """Everything needed to undo a deletion within the session."""

    record: PrecedentRecord
    attachments: list[AttachmentCopy]


def load_shown(library: Library, code: str, *, reveal: bool = False, reason: str = "") -> Shown:
    """A precedent for display; revealing personal data is recorded in the audit trail."""
    with library.sessions.begin() as session:
        record = get_record(session, code)
        attachments = list_attachments(session, code)
        if reveal:
            details = {"via": "desktop", "persons": len(record.persons)}
            record_event(session, library.actor, "view.unmasked", code, details, reason=reason)
    return Shown(record if reveal else mask_record(record), not reveal, attachments)


def load_for_editing(library: Library, code: str) -> PrecedentRecord:
    """The unmasked record for the edit form; opening it is audited like a reveal."""
    with library.sessions.begin() as session:
        record = get_record(session, code)
        if record.persons:
            record_event(session, library.actor, "view.unmasked", code, {"via": "desktop.edit"})
    return record


def save_new(library: Library, record: PrecedentRecord) -> PrecedentRecord:
    with library.sessions.begin() as session:
        return create_record(session, record, actor=library.actor)


def save_existing(
    library: Library, record: PrecedentRecord, expected_version: int
) -> tuple[PrecedentRecord, bool]:
    """Save an edit, status included; raises `ConflictError` if someone saved meanwhile."""
    with library.sessions.begin() as session:
        saved, changed = update_record(
            session, record, actor=library.actor, expected_version=expected_version
        )
        if record.status != saved.status:
            saved = set_status(
                session,
                saved.code,
                record.status,
                actor=library.actor,
                expected_version=saved.meta.version,
            )
            changed = True
        return saved, changed


def delete_precedent(library: Library, code: str, expected_version: int | None) -> Deleted:
    with library.sessions.begin() as session:
        copies = copy_attachments(session, code)
        record = delete_record(
            session, code, actor=library.actor, expected_version=expected_version
        )
    return Deleted(record, copies)


def restore_precedent(library: Library, deleted: Deleted) -> PrecedentRecord:
    """Undo a deletion: the record comes back with its status and attachments."""
    record = deleted.record.copy()
    record.meta.id = None
    with library.sessions.begin() as session:
        restored = create_record(session, record, actor=library.actor, action="restore")
        restore_attachments(session, record.code, deleted.attachments, actor=library.actor)
    return restored


def current_version(library: Library, code: str) -> PrecedentRecord | None:
    with library.session() as session:
        return find_record(session, code)


_TRAILING_NUMBER = re.compile(r"^(.*?)(\d+)$")


def next_free_code(library: Library, code: str) -> str:
    """A free code near `code`: its trailing number counted up, else 副本 appended."""
    with library.session() as session:
        match = _TRAILING_NUMBER.match(code)
        for step in range(1, 1000):
            if match:
                prefix, digits = match.groups()
                candidate = f"{prefix}{int(digits) + step:0{len(digits)}d}"
            else:
                candidate = f"{code}-{step}"
            if find_record(session, candidate) is None:
                return candidate
    return f"{code}-副本"


def duplicate(library: Library, code: str) -> PrecedentRecord:
    """A new draft matter with the fields of `code`, under a free code."""
    original = load_for_editing(library, code)
    copy = original.copy(code=next_free_code(library, code))
    copy.meta.id = None
    copy.meta.version = 0
    copy.meta.status = Status.DRAFT
    return copy


def add_file(library: Library, code: str, source: Path) -> Attachment:
    with library.sessions.begin() as session:
        return add_attachment(session, library.paths.attachments, code, source, actor=library.actor)


def remove_file(library: Library, attachment: Attachment) -> None:
    with library.sessions.begin() as session:
        remove_attachment(session, library.paths.attachments, attachment.id, actor=library.actor)


def check_import(library: Library, path: Path, progress: Progress | None = None) -> ParsedFile:
    """Read and validate a file without writing anything."""
    from precedents.interchange.importer import parse_file

    return parse_file(path, library.vocabulary(), progress=progress)


def run_import(library: Library, path: Path, progress: Progress | None = None) -> ImportReport:
    """Import the valid records of `path` in one transaction.

    The rejected ones (already shown to the officer) are written with their
    reasons to the data folder's ``imports/``. Cancelling through `progress`
    raises inside the transaction, which then rolls back: nothing is imported.
    """
    from precedents.interchange.importer import import_file

    rejects = library.paths.root / "imports" / f"{path.stem}.rejects.jsonl"
    rejects.parent.mkdir(parents=True, exist_ok=True)
    with library.sessions.begin() as session:
        return import_file(
            session,
            path,
            library.vocabulary(),
            actor=library.actor,
            skip_invalid=True,
            rejects_path=rejects,
            progress=progress,
        )


def run_export(
    library: Library,
    path: Path,
    *,
    masked: bool,
    reason: str,
    codes: list[str] | None,
    progress: Progress | None = None,
) -> ExportResult:
    from precedents.interchange.exporter import export_file

    with library.sessions.begin() as session:
        return export_file(
            session,
            path,
            actor=library.actor,
            masked=masked,
            reason=reason,
            codes=codes,
            progress=progress,
        )


def vocabulary(library: Library, *, reload: bool = False) -> Vocabulary:
    return library.vocabulary(reload=reload)
