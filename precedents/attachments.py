"""Files attached to precedents: Word documents, PDFs and images.

Files are copied into the data folder's ``attachments/`` under their SHA-256
(``ab/ab12…ef.docx``), so attaching the same file twice stores it once and a
stored file never changes. The database keeps one `AttachmentRow` per
attachment with the original file name and, for .docx files, the extracted
text, which `attachment_text` hands to the search index.

Adding or removing an attachment queues an ``upsert`` on the change feed (with
the precedent's unchanged version, through `queue_change` so that the feed stays
in commit order on PostgreSQL) so that the index picks up the new text, and
records an audit event. It does not bump the precedent's version, so an officer
editing the precedent at the same time is not told someone else changed it.
Since the version says nothing about attachments, `attachment_digests` gives the
search index a fingerprint of each precedent's attached files to compare on
start-up, as it compares versions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import mimetypes
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from precedents.errors import NotFoundError, PrecedentError
from precedents.models import AttachmentRow, PrecedentRow
from precedents.store.audit import record_event
from precedents.store.feed import queue_change
from precedents.validation import MAX_TEXT

log = logging.getLogger(__name__)

#: Suffix → media type of every file type that can be attached.
MEDIA_TYPES: dict[str, str] = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".bmp": "image/bmp",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".webp": "image/webp",
}
MAX_SIZE_MB = 100
_CHUNK = 1 << 20


class AttachmentError(PrecedentError):
    """A file cannot be attached, or an attachment's file is gone."""


@dataclass(frozen=True, slots=True)
class Attachment:
    """One attached file as the program shows it."""

    id: int
    code: str
    filename: str
    stored_name: str
    sha256: str
    size: int
    media_type: str
    added_at: dt.datetime
    added_by: str
    text_length: int

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


@dataclass(frozen=True, slots=True)
class AttachmentCopy:
    """What is needed to re-create an attachment row (undoing a deletion)."""

    filename: str
    stored_name: str
    sha256: str
    size: int
    media_type: str
    text: str
    added_at: dt.datetime
    added_by: str


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in MEDIA_TYPES


def media_type_of(path: Path) -> str:
    suffix = path.suffix.lower()
    return MEDIA_TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or ""


def extract_text(path: Path) -> str:
    """The text of a .docx file (paragraphs, then table cells); "" for other files."""
    if path.suffix.lower() != ".docx":
        return ""
    import docx  # python-docx is slow to import; only attaching needs it

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        for row in table.rows:
            cells = [cell.text.strip() for cell in row.cells if cell.text.strip()]
            # Merged cells repeat their text in every cell they span.
            parts.append(" ".join(dict.fromkeys(cells)))
    text = "\n".join(part for part in parts if part)
    return text[:MAX_TEXT]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def store_file(folder: Path, source: Path) -> tuple[str, str, int]:
    """Copy `source` into `folder` under its hash; returns (stored name, sha256, size)."""
    size = source.stat().st_size
    sha = _sha256(source)
    stored_name = f"{sha[:2]}/{sha}{source.suffix.lower()}"
    target = folder / stored_name
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(target.name + ".partial")
        shutil.copyfile(source, temp)
        os.replace(temp, target)
    return stored_name, sha, size


def _precedent(session: Session, code: str) -> PrecedentRow:
    row = session.scalar(select(PrecedentRow).where(PrecedentRow.code == code))
    if row is None:
        raise NotFoundError("precedent.not_found", code=code)
    return row


def _touch_feed(session: Session, row: PrecedentRow) -> None:
    queue_change(session, row.id, row.code, "upsert", row.version)


def _view(row: AttachmentRow, code: str) -> Attachment:
    return Attachment(
        id=row.id,
        code=code,
        filename=row.filename,
        stored_name=row.stored_name,
        sha256=row.sha256,
        size=row.size,
        media_type=row.media_type,
        added_at=row.added_at,
        added_by=row.added_by,
        text_length=len(row.text or ""),
    )


def check_file(source: Path) -> None:
    """Raise `AttachmentError` if `source` cannot be attached (type, size, readable)."""
    if not is_supported(source):
        raise AttachmentError("attachment.unsupported", file=source.name)
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise AttachmentError("attachment.unreadable", file=source.name, reason=str(exc)) from exc
    if size > MAX_SIZE_MB * 1024 * 1024:
        megabytes = f"{size / 1024 / 1024:.0f}"
        raise AttachmentError(
            "attachment.too_large", file=source.name, size=megabytes, limit=MAX_SIZE_MB
        )


def add_attachment(
    session: Session, folder: Path, code: str, source: Path, *, actor: str
) -> Attachment:
    """Attach `source` to precedent `code` in the caller's transaction."""
    check_file(source)
    row = _precedent(session, code)
    try:
        stored_name, sha, size = store_file(folder, source)
        text = extract_text(source)
    except OSError as exc:
        raise AttachmentError("attachment.unreadable", file=source.name, reason=str(exc)) from exc
    except Exception as exc:  # python-docx raises assorted errors for damaged files
        log.warning("text extraction failed for an attachment of %s: %s", code, exc)
        raise AttachmentError(
            "attachment.unreadable", file=source.name, reason=type(exc).__name__
        ) from exc
    attachment = AttachmentRow(
        precedent_id=row.id,
        filename=source.name,
        stored_name=stored_name,
        sha256=sha,
        size=size,
        media_type=media_type_of(source),
        text=text,
        added_by=actor,
    )
    session.add(attachment)
    session.flush()
    _touch_feed(session, row)
    record_event(
        session, actor, "attachment.add", code, {"file": source.name, "sha256": sha, "size": size}
    )
    return _view(attachment, code)


def list_attachments(session: Session, code: str) -> list[Attachment]:
    row = _precedent(session, code)
    rows = session.scalars(
        select(AttachmentRow)
        .where(AttachmentRow.precedent_id == row.id)
        .order_by(AttachmentRow.added_at, AttachmentRow.id)
    )
    return [_view(a, code) for a in rows]


def count_attachments(session: Session, codes: Iterable[str]) -> dict[str, int]:
    wanted = list(codes)
    stmt = (
        select(PrecedentRow.code, AttachmentRow.id)
        .join(AttachmentRow, AttachmentRow.precedent_id == PrecedentRow.id)
        .where(PrecedentRow.code.in_(wanted))
    )
    counts: dict[str, int] = {}
    for code, _id in session.execute(stmt):
        counts[code] = counts.get(code, 0) + 1
    return counts


def file_path(folder: Path, attachment: Attachment) -> Path:
    """Where the attachment's file is; raises if the file has gone missing."""
    path = folder / attachment.stored_name
    if not path.is_file():
        raise AttachmentError("attachment.missing_file", file=attachment.filename, path=str(path))
    return path


def remove_attachment(session: Session, folder: Path, attachment_id: int, *, actor: str) -> None:
    """Remove one attachment; its file goes too unless another attachment shares it."""
    row = session.get(AttachmentRow, attachment_id)
    if row is None:
        raise AttachmentError("attachment.not_found", id=attachment_id)
    precedent = session.get(PrecedentRow, row.precedent_id)
    stored_name, filename = row.stored_name, row.filename
    session.delete(row)
    session.flush()
    shared = session.scalar(
        select(AttachmentRow.id).where(AttachmentRow.stored_name == stored_name).limit(1)
    )
    if precedent is not None:
        _touch_feed(session, precedent)
        record_event(session, actor, "attachment.remove", precedent.code, {"file": filename})
    if shared is None:
        # The row is gone in this transaction; if it rolls back the file is
        # missing, which `file_path` reports plainly instead of failing later.
        (folder / stored_name).unlink(missing_ok=True)


def attachment_text(session: Session, code: str) -> str:
    """The extracted text of every attachment of `code`, for the search index."""
    return attachment_texts(session, [code]).get(code, "")


def attachment_texts(session: Session, codes: Iterable[str]) -> dict[str, str]:
    """code → extracted attachment text, for the precedents that have any."""
    wanted = list(codes)
    out: dict[str, list[str]] = {}
    for start in range(0, len(wanted), 500):
        stmt = (
            select(PrecedentRow.code, AttachmentRow.text)
            .join(AttachmentRow, AttachmentRow.precedent_id == PrecedentRow.id)
            .where(PrecedentRow.code.in_(wanted[start : start + 500]), AttachmentRow.text != "")
            .order_by(AttachmentRow.id)
        )
        for code, text in session.execute(stmt):
            out.setdefault(code, []).append(text)
    return {code: "\n".join(texts) for code, texts in out.items()}


def digest_of(pairs: Iterable[tuple[int, str]]) -> int:
    """A 62-bit fingerprint of a set of (attachment id, sha256); 0 for none."""
    items = sorted(pairs)
    if not items:
        return 0
    text = ",".join(f"{id_}:{sha}" for id_, sha in items)
    return int.from_bytes(hashlib.sha256(text.encode("ascii")).digest()[:8], "big") >> 2


def attachment_digests(session: Session, codes: Iterable[str] | None = None) -> dict[str, int]:
    """code → fingerprint of its attached files, for the precedents that have any.

    Adding or removing a file changes it; the search index stores it beside
    each record's version and re-indexes a record whose fingerprint differs.
    """
    stmt = select(PrecedentRow.code, AttachmentRow.id, AttachmentRow.sha256).join(
        AttachmentRow, AttachmentRow.precedent_id == PrecedentRow.id
    )
    pairs: dict[str, list[tuple[int, str]]] = {}
    if codes is None:
        rows = list(session.execute(stmt))
    else:
        wanted = list(codes)
        rows = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows.extend(session.execute(stmt.where(PrecedentRow.code.in_(chunk))))
    for code, id_, sha in rows:
        pairs.setdefault(code, []).append((id_, sha))
    return {code: digest_of(items) for code, items in pairs.items()}


def copy_attachments(session: Session, code: str) -> list[AttachmentCopy]:
    """Everything needed to restore the attachments of `code` after deleting it."""
    row = _precedent(session, code)
    rows = session.scalars(
        select(AttachmentRow).where(AttachmentRow.precedent_id == row.id).order_by(AttachmentRow.id)
    )
    return [
        AttachmentCopy(
            filename=a.filename,
            stored_name=a.stored_name,
            sha256=a.sha256,
            size=a.size,
            media_type=a.media_type,
            text=a.text,
            added_at=a.added_at,
            added_by=a.added_by,
        )
        for a in rows
    ]


def restore_attachments(
    session: Session, code: str, copies: Iterable[AttachmentCopy], *, actor: str
) -> int:
    """Re-create attachment rows for `code` (files are kept when a precedent is deleted)."""
    row = _precedent(session, code)
    count = 0
    for copy in copies:
        session.add(
            AttachmentRow(
                precedent_id=row.id,
                filename=copy.filename,
                stored_name=copy.stored_name,
                sha256=copy.sha256,
                size=copy.size,
                media_type=copy.media_type,
                text=copy.text,
                added_at=copy.added_at,
                added_by=copy.added_by,
            )
        )
        count += 1
    if count:
        session.flush()
        _touch_feed(session, row)
        record_event(session, actor, "attachment.restore", code, {"count": count})
    return count
