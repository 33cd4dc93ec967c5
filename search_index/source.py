"""Where the index reads its records from: the record source protocol.

The index is a cache of the database. It never reads the database itself: it
follows a `RecordSource`, which the store implements over the precedents table
and its change feed (``change_log``). `MemorySource` is a complete in-memory
implementation for tests, benchmarks and the evaluation script.

A change feed entry (`Change`, the store's own type) says that one record was
saved (``op == "upsert"``) or deleted (``"delete"``); ``seq`` grows with every
change, and ``version`` is the record's version after the change
(``record.meta.version``). `precedents.store.changes.LibraryRecordSource` is the
implementation over the database.

Records may carry the text of their attached files in
``record.meta.attachment_text`` (indexed in a field of its own) and a
fingerprint of those files in ``record.meta.attachments_digest``. Attaching a
file does not change a record's version, so the index compares the
fingerprints (`attachment_digests`) as well as the versions when it checks
itself against its source.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, runtime_checkable

from precedents.record import PrecedentRecord
from precedents.store.changes import Change

__all__ = ["Change", "MemorySource", "RecordSource"]


@runtime_checkable
class RecordSource(Protocol):
    """What the search index needs from the store."""

    def last_seq(self) -> int:
        """The newest change-feed sequence number (0 when nothing changed yet)."""
        ...

    def changes_since(self, seq: int) -> list[Change]:
        """Changes with a sequence number greater than `seq`, oldest first."""
        ...

    def versions(self) -> dict[str, int]:
        """Code → version of every record."""
        ...

    def attachment_digests(self) -> dict[str, int]:
        """Code → attachments fingerprint of every record that has attachments."""
        ...

    def load(self, codes: Sequence[str]) -> list[PrecedentRecord]:
        """The records with these codes that still exist (any order)."""
        ...

    def iter_all(self, batch: int = 500) -> Iterator[PrecedentRecord]:
        """Every record, read `batch` at a time."""
        ...

    def count(self) -> int:
        """Number of records."""
        ...


class MemorySource:
    """A record source held in memory, with its own change feed.

    `save` bumps the record's version (as the store does) and appends a change;
    `delete` appends a delete; `attach` changes a record's attachments without
    changing its version, as the store does. Thread-safe.
    """

    def __init__(self, records: Iterable[PrecedentRecord] = ()) -> None:
        self._lock = threading.Lock()
        self._records: dict[str, PrecedentRecord] = {}
        self._feed: list[Change] = []
        for record in records:
            self.save(record)

    def save(self, record: PrecedentRecord) -> PrecedentRecord:
        """Store a copy of `record` with the next version; returns the stored copy."""
        with self._lock:
            current = self._records.get(record.code)
            stored = record.copy()
            stored.meta.version = (current.meta.version if current else 0) + 1
            if current is not None:  # attachments stay with the record, as in the store
                stored.meta.attachment_text = current.meta.attachment_text
                stored.meta.attachments_digest = current.meta.attachments_digest
            self._records[record.code] = stored
            self._feed.append(Change(self._next_seq(), record.code, "upsert", stored.meta.version))
            return stored.copy()

    def attach(self, code: str, text: str, digest: int, *, feed: bool = True) -> None:
        """Give `code` these attachments (text and fingerprint), version unchanged.

        `feed=False` leaves the change feed alone: a change the index can only
        notice by checking itself (a feed entry it never saw).
        """
        with self._lock:
            record = self._records[code]
            record.meta.attachment_text = text
            record.meta.attachments_digest = digest
            if feed:
                change = Change(self._next_seq(), code, "upsert", record.meta.version)
                self._feed.append(change)

    def delete(self, code: str) -> None:
        with self._lock:
            current = self._records.pop(code, None)
            version = current.meta.version if current else 0
            self._feed.append(Change(self._next_seq(), code, "delete", version))

    def _next_seq(self) -> int:
        return self._feed[-1].seq + 1 if self._feed else 1

    # -- RecordSource ----------------------------------------------------------

    def last_seq(self) -> int:
        with self._lock:
            return self._feed[-1].seq if self._feed else 0

    def changes_since(self, seq: int) -> list[Change]:
        with self._lock:
            return [c for c in self._feed if c.seq > seq]

    def versions(self) -> dict[str, int]:
        with self._lock:
            return {code: r.meta.version for code, r in self._records.items()}

    def attachment_digests(self) -> dict[str, int]:
        with self._lock:
            return {
                code: r.meta.attachments_digest
                for code, r in self._records.items()
                if r.meta.attachments_digest
            }

    def load(self, codes: Sequence[str]) -> list[PrecedentRecord]:
        with self._lock:
            return [self._records[c].copy() for c in codes if c in self._records]

    def iter_all(self, batch: int = 500) -> Iterator[PrecedentRecord]:
        with self._lock:
            codes = list(self._records)
        for start in range(0, len(codes), batch):
            yield from self.load(codes[start : start + batch])

    def count(self) -> int:
        with self._lock:
            return len(self._records)
