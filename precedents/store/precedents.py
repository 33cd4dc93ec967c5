"""Create, read, update and delete precedents, with optimistic locking.

Every write appends to the change feed (`change_log`) and the audit trail in the
caller's transaction, so a committed change is always visible to the search
index and always accounted for. Saving over a newer version than the one the
caller edited raises `ConflictError`; nothing is ever silently overwritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from precedents.errors import ConflictError, NotFoundError, PrecedentError
from precedents.interchange.jsonl import record_to_dict
from precedents.models import MeasureRow, PrecedentRow, utcnow
from precedents.record import PrecedentRecord, Status
from precedents.store.audit import record_event
from precedents.store.convert import apply_record, row_to_record
from precedents.store.diff import diff_records
from precedents.store.feed import queue_change


@dataclass(frozen=True, slots=True)
class Summary:
    """What a list of precedents shows, without the narrative."""

    id: int
    code: str
    title: str
    district: str
    street: str | None
    filed_on: dt.date
    decided_on: dt.date | None
    level: str
    status: str
    version: int
    updated_at: dt.datetime


def _row_by_code(session: Session, code: str) -> PrecedentRow | None:
    return session.scalar(select(PrecedentRow).where(PrecedentRow.code == code))


def find_record(session: Session, code: str) -> PrecedentRecord | None:
    row = _row_by_code(session, code)
    return row_to_record(row) if row is not None else None


def get_record(session: Session, code: str) -> PrecedentRecord:
    record = find_record(session, code)
    if record is None:
        raise NotFoundError("precedent.not_found", code=code)
    return record


def count_records(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(PrecedentRow)) or 0


def iter_records(
    session: Session, codes: Sequence[str] | None = None, batch: int = 500
) -> Iterator[PrecedentRecord]:
    """Records in code order (all, or those named), loaded `batch` at a time."""
    if codes is not None:
        wanted = sorted(set(codes))
        for start in range(0, len(wanted), batch):
            chunk = wanted[start : start + batch]
            found = session.scalars(
                select(PrecedentRow).where(PrecedentRow.code.in_(chunk)).order_by(PrecedentRow.code)
            )
            yield from (row_to_record(row) for row in found)
        return
    last = ""
    while True:
        rows = list(
            session.scalars(
                select(PrecedentRow)
                .where(PrecedentRow.code > last)
                .order_by(PrecedentRow.code)
                .limit(batch)
            )
        )
        if not rows:
            return
        yield from (row_to_record(row) for row in rows)
        last = rows[-1].code
        session.expunge_all()


def list_summaries(session: Session) -> list[Summary]:
    """Every precedent's list columns, newest filing first."""
    stmt = select(
        PrecedentRow.id,
        PrecedentRow.code,
        PrecedentRow.title,
        PrecedentRow.district,
        PrecedentRow.street,
        PrecedentRow.filed_on,
        PrecedentRow.decided_on,
        PrecedentRow.level,
        PrecedentRow.status,
        PrecedentRow.version,
        PrecedentRow.updated_at,
    ).order_by(PrecedentRow.filed_on.desc(), PrecedentRow.code)
    return [Summary(*row) for row in session.execute(stmt)]


def record_versions(session: Session) -> dict[str, int]:
    """code → version for every precedent (the index compares against this)."""
    return {
        code: version
        for code, version in session.execute(select(PrecedentRow.code, PrecedentRow.version))
    }


def measure_amounts(session: Session, measure_type: str) -> list[float]:
    rows = session.scalars(
        select(MeasureRow.amount).where(
            MeasureRow.type == measure_type, MeasureRow.amount.is_not(None)
        )
    )
    return [float(a) for a in rows if a is not None]


# -- writes -------------------------------------------------------------------


def _locked_row(
    session: Session, *, code: str | None = None, id_: int | None = None
) -> PrecedentRow | None:
    """The row to change, locked against other writers until the transaction ends.

    On PostgreSQL, ``FOR UPDATE`` waits for a concurrent writer to commit and then
    returns its version, so the version check below sees it; the stored values
    are refreshed even if the session had loaded the row earlier. SQLite has
    one writer at a time and ignores the clause.
    """
    stmt = select(PrecedentRow).with_for_update().execution_options(populate_existing=True)
    stmt = (
        stmt.where(PrecedentRow.id == id_)
        if id_ is not None
        else stmt.where(PrecedentRow.code == code)
    )
    return session.scalar(stmt)


def _conflict(code: str, expected: int | None, theirs: PrecedentRecord | None) -> ConflictError:
    if theirs is None:
        return ConflictError(
            "precedent.deleted_meanwhile",
            expected_version=expected,
            code=code,
            expected=expected if expected is not None else "?",
        )
    updated_at = theirs.meta.updated_at
    return ConflictError(
        "precedent.conflict",
        expected_version=expected,
        current_version=theirs.meta.version,
        theirs=theirs,
        code=theirs.code,
        by=theirs.meta.updated_by or "他人",
        at=updated_at.strftime("%Y-%m-%d %H:%M") if updated_at else "",
        current=theirs.meta.version,
        expected=expected if expected is not None else "?",
    )


def _check_version(row: PrecedentRow, expected_version: int | None) -> None:
    if expected_version is not None and row.version != expected_version:
        raise _conflict(row.code, expected_version, row_to_record(row))


def _committed_record(session: Session, precedent_id: int) -> PrecedentRecord | None:
    """The record as other transactions committed it, read outside this session."""
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    with Session(engine) as fresh:
        row = fresh.get(PrecedentRow, precedent_id)
        return row_to_record(row) if row is not None else None


def _flush_or_conflict(session: Session, row: PrecedentRow, expected_version: int | None) -> None:
    """Flush; a version that moved under us (SQLite's late writer) is a conflict."""
    precedent_id, code = row.id, row.code
    try:
        session.flush()
    except StaleDataError as exc:
        theirs = _committed_record(session, precedent_id)
        raise _conflict(code, expected_version, theirs) from exc


def _append_change(session: Session, row: PrecedentRow, op: str) -> None:
    queue_change(session, row.id, row.code, op, row.version)


def _new_row(record: PrecedentRecord, actor: str, now: dt.datetime) -> PrecedentRow:
    row = PrecedentRow(
        status=record.meta.status.value,
        created_at=now,
        created_by=actor,
        updated_at=now,
        updated_by=actor,
    )
    apply_record(row, record)
    return row


def _taken_code(session: Session, codes: Sequence[str]) -> str | None:
    """The first of `codes` some precedent has, read outside this transaction's view."""
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    with Session(engine) as fresh:
        return fresh.scalar(select(PrecedentRow.code).where(PrecedentRow.code.in_(codes)).limit(1))


def create_records(
    session: Session, records: Sequence[PrecedentRecord], *, actor: str, action: str = "create"
) -> int:
    """Insert new precedents with one flush (the importer's bulk path); codes must be free.

    Each gets its change-feed entry and audit event, exactly as `create_record` does.
    """
    codes = [r.code for r in records]
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise PrecedentError("precedent.code_exists", code=code)
        seen.add(code)
    taken = session.scalar(select(PrecedentRow.code).where(PrecedentRow.code.in_(codes)).limit(1))
    if taken is not None:
        raise PrecedentError("precedent.code_exists", code=taken)
    now = utcnow()
    rows = [_new_row(record, actor, now) for record in records]
    session.add_all(rows)
    try:
        session.flush()
    except IntegrityError as exc:
        # Another officer created one of these codes after our check (PostgreSQL,
        # READ COMMITTED): the unique constraint is the final word.
        taken = _taken_code(session, codes)
        raise PrecedentError("precedent.code_exists", code=taken or codes[0]) from exc
    for row in rows:
        _append_change(session, row, "upsert")
        record_event(
            session, actor, action, row.code, {"status": row.status, "version": row.version}
        )
    return len(rows)


def create_record(
    session: Session, record: PrecedentRecord, *, actor: str, action: str = "create"
) -> PrecedentRecord:
    """Insert a new precedent with the status in `record.meta`; its code must be free."""
    create_records(session, [record], actor=actor, action=action)
    row = _row_by_code(session, record.code)
    assert row is not None
    return row_to_record(row)


def update_record(
    session: Session,
    record: PrecedentRecord,
    *,
    actor: str,
    expected_version: int | None = None,
    action: str = "update",
) -> tuple[PrecedentRecord, bool]:
    """Save changes to an existing precedent; returns (saved record, changed?).

    The precedent is found by `record.meta.id` when set (so its code can be
    changed), otherwise by code. `expected_version` is the version the caller
    edited; a newer stored version raises `ConflictError` (with both versions
    and the stored record). ``None`` means "whatever is stored" and is for
    callers that have just read the record in the same transaction.
    """
    if record.meta.id is not None:
        row = _locked_row(session, id_=record.meta.id)
    else:
        row = _locked_row(session, code=record.code)
    if row is None:
        if expected_version is not None:
            raise _conflict(record.code, expected_version, None)
        raise NotFoundError("precedent.not_found", code=record.code)
    _check_version(row, expected_version)
    old = row_to_record(row)
    changes = diff_records(old, record)
    if not changes:
        return old, False
    if record.code != row.code and _row_by_code(session, record.code) is not None:
        raise PrecedentError("precedent.code_exists", code=record.code)
    apply_record(row, record)
    row.updated_at = utcnow()
    row.updated_by = actor
    _flush_or_conflict(
        session, row, expected_version if expected_version is not None else old.meta.version
    )
    _append_change(session, row, "upsert")
    record_event(session, actor, action, row.code, {"changes": changes, "version": row.version})
    return row_to_record(row), True


def save_record(
    session: Session,
    record: PrecedentRecord,
    *,
    actor: str,
    expected_version: int | None = None,
) -> PrecedentRecord:
    """Create the precedent or update it, whichever applies."""
    exists = record.meta.id is not None or _row_by_code(session, record.code) is not None
    if not exists:
        return create_record(session, record, actor=actor)
    saved, _changed = update_record(session, record, actor=actor, expected_version=expected_version)
    return saved


def set_status(
    session: Session,
    code: str,
    status: Status,
    *,
    actor: str,
    expected_version: int | None = None,
    note: str = "",
) -> PrecedentRecord:
    """Move a matter to another workflow status, recorded with who and when."""
    row = _locked_row(session, code=code)
    if row is None:
        if expected_version is not None:
            raise _conflict(code, expected_version, None)
        raise NotFoundError("precedent.not_found", code=code)
    _check_version(row, expected_version)
    if row.status == status.value:
        return row_to_record(row)
    old = row.status
    before = row.version
    row.status = status.value
    row.updated_at = utcnow()
    row.updated_by = actor
    _flush_or_conflict(session, row, expected_version if expected_version is not None else before)
    _append_change(session, row, "upsert")
    record_event(
        session,
        actor,
        "status",
        code,
        {"from": old, "to": status.value, "version": row.version},
        reason=note,
    )
    return row_to_record(row)


def delete_record(
    session: Session, code: str, *, actor: str, expected_version: int | None = None
) -> PrecedentRecord:
    """Delete a precedent; returns the deleted record so the caller can undo.

    The audit trail keeps the whole record, so a deletion never loses data.
    """
    row = _locked_row(session, code=code)
    if row is None:
        if expected_version is not None:
            raise _conflict(code, expected_version, None)
        raise NotFoundError("precedent.not_found", code=code)
    _check_version(row, expected_version)
    snapshot = row_to_record(row)
    queue_change(session, row.id, row.code, "delete", row.version + 1)
    session.delete(row)
    _flush_or_conflict(
        session, row, expected_version if expected_version is not None else snapshot.meta.version
    )
    record_event(
        session,
        actor,
        "delete",
        code,
        {"record": record_to_dict(snapshot), "version": snapshot.meta.version},
    )
    return snapshot
