"""The change feed: committed changes to precedents, ordered by sequence number.

Search indexes (one per desktop) and other desktops follow it to catch up
without rebuilding anything. `LibraryRecordSource` is what the search index
reads: records together with the text of their attached .docx files and a
fingerprint of the attachments (in `record.meta`), so the index searches
attachments and notices an attachment-only change when it checks itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from precedents.attachments import attachment_digests, attachment_texts
from precedents.models import ChangeRow
from precedents.record import PrecedentRecord
from precedents.store.precedents import count_records, iter_records, record_versions


@dataclass(frozen=True, slots=True)
class Change:
    seq: int
    code: str
    op: str  # "upsert" or "delete"
    version: int


def last_seq(session: Session) -> int:
    return session.scalar(select(func.max(ChangeRow.seq))) or 0


def changes_since(session: Session, seq: int, limit: int | None = None) -> list[Change]:
    stmt = select(ChangeRow).where(ChangeRow.seq > seq).order_by(ChangeRow.seq)
    if limit:
        stmt = stmt.limit(limit)
    return [Change(r.seq, r.code, r.op, r.version) for r in session.scalars(stmt)]


class LibraryRecordSource:
    """The database seen as a source of records, for the search index.

    Each call opens its own short session, so the index writer thread never
    shares a session with the UI thread.
    """

    def __init__(self, sessions: Callable[[], Session]) -> None:
        self._sessions = sessions

    def last_seq(self) -> int:
        with self._sessions() as session:
            return last_seq(session)

    def changes_since(self, seq: int) -> list[Change]:
        with self._sessions() as session:
            return changes_since(session, seq)

    def versions(self) -> dict[str, int]:
        with self._sessions() as session:
            return record_versions(session)

    def attachment_digests(self) -> dict[str, int]:
        with self._sessions() as session:
            return attachment_digests(session)

    def load(self, codes: Sequence[str]) -> list[PrecedentRecord]:
        with self._sessions() as session:
            return _with_attachments(session, list(iter_records(session, codes)))

    def iter_all(self, batch: int = 500) -> Iterator[PrecedentRecord]:
        with self._sessions() as session:
            chunk: list[PrecedentRecord] = []
            for record in iter_records(session, batch=batch):
                chunk.append(record)
                if len(chunk) >= batch:
                    yield from _with_attachments(session, chunk)
                    chunk = []
            yield from _with_attachments(session, chunk)

    def count(self) -> int:
        with self._sessions() as session:
            return count_records(session)


def _with_attachments(session: Session, records: list[PrecedentRecord]) -> list[PrecedentRecord]:
    """The records with their attachments' text and fingerprint in `meta`."""
    if not records:
        return records
    codes = [r.code for r in records]
    texts = attachment_texts(session, codes)
    digests = attachment_digests(session, codes)
    for record in records:
        record.meta.attachment_text = texts.get(record.code, "")
        record.meta.attachments_digest = digests.get(record.code, 0)
    return records
