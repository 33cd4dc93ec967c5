"""Writing the change feed so that sequence order is commit order, on every database.

A reader of the feed (each desktop's search index) remembers the highest `seq`
it has applied and next asks for changes after it. That is only correct if a
change can never become visible with a `seq` lower than one already seen.

SQLite gives this for free: one writer at a time, and `seq` is taken inside the
write transaction. PostgreSQL does not: `seq` comes from a sequence when the row
is inserted, not when the transaction commits, so transaction A can take seq 5,
transaction B seq 6, B commit first, a reader see 6, and A's 5 appear later,
behind the reader's back.

So the store never inserts change rows as it goes. Writes queue them on the
session (`queue_change`); just before the transaction commits, `_write_queued`
flushes the session's other work, takes a transaction-scoped advisory lock
(PostgreSQL), and only then inserts the queued rows. The lock is held from the
moment seqs are drawn until the commit, so seqs are drawn in commit order: when
seq N is visible, every transaction holding a seq below N has already committed
or rolled back. The lock covers only the last instant of a transaction (a long
import does not hold it while it works), and it is taken after every row lock
the transaction needs, so it cannot deadlock with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from precedents.models import ChangeRow, utcnow

#: Advisory lock key that serialises change-feed inserts ("feed" in ASCII).
FEED_LOCK_KEY = 0x66656564
_QUEUE = "precedents.change_queue"


@dataclass(frozen=True, slots=True)
class _Queued:
    precedent_id: int
    code: str
    op: str
    version: int


def queue_change(session: Session, precedent_id: int, code: str, op: str, version: int) -> None:
    """Record that a precedent changed; the row is written when the transaction commits."""
    queue: list[_Queued] = session.info.setdefault(_QUEUE, [])
    queue.append(_Queued(precedent_id, code, op, version))


def _write_queued(session: Session) -> None:
    queue: list[_Queued] = session.info.pop(_QUEUE, [])
    if not queue:
        return
    # Row locks first (the flush), the feed lock last: no lock cycle is possible.
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(FEED_LOCK_KEY)))
    now = utcnow()
    session.add_all(
        ChangeRow(precedent_id=q.precedent_id, code=q.code, op=q.op, version=q.version, at=now)
        for q in queue
    )
    session.flush()


def _discard_queued(session: Session, *_args: Any) -> None:
    session.info.pop(_QUEUE, None)


event.listen(Session, "before_commit", _write_queued)
event.listen(Session, "after_rollback", _discard_queued)
