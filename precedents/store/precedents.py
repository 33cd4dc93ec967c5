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

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from precedents.errors import ConflictError, NotFoundError, PrecedentError
from precedents.interchange.jsonl import record_to_dict
from precedents.models import ChangeRow, MeasureRow, PrecedentRow, utcnow
from precedents.record import PrecedentRecord, Status
from precedents.store.audit import record_event
from precedents.store.convert import apply_record, row_to_record
from precedents.store.diff import diff_records


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


def _append_change(session: Session, row: PrecedentRow, op: str) -> None:
    session.add(ChangeRow(precedent_id=row.id, code=row.code, op=op, version=row.version))


def _check_version(row: PrecedentRow, expected_version: int | None) -> None:
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(
            "precedent.conflict",
            code=row.code,
            by=row.updated_by or "他人",
            at=row.updated_at.strftime("%Y-%m-%d %H:%M"),
            current=row.version,
            expected=expected_version,
        )


def create_record(
    session: Session, record: PrecedentRecord, *, actor: str, action: str = "create"
) -> PrecedentRecord:
    """Insert a new precedent with the status in `record.meta`; its code must be free."""
    if _row_by_code(session, record.code) is not None:
        raise PrecedentError("precedent.code_exists", code=record.code)
    now = utcnow()
    row = PrecedentRow(
        status=record.meta.status.value,
        created_at=now,
        created_by=actor,
        updated_at=now,
        updated_by=actor,
    )
    apply_record(row, record)
    session.add(row)
    session.flush()
    _append_change(session, row, "upsert")
    record_event(session, actor, action, record.code, {"status": row.status})
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
    edited; a newer stored version raises `ConflictError`.
    """
    row = (
        session.get(PrecedentRow, record.meta.id)
        if record.meta.id is not None
        else _row_by_code(session, record.code)
    )
    if row is None:
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
    session.flush()
    _append_change(session, row, "upsert")
    record_event(session, actor, action, row.code, {"changes": changes})
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
    row = _row_by_code(session, code)
    if row is None:
        raise NotFoundError("precedent.not_found", code=code)
    _check_version(row, expected_version)
    if row.status == status.value:
        return row_to_record(row)
    old = row.status
    row.status = status.value
    row.updated_at = utcnow()
    row.updated_by = actor
    session.flush()
    _append_change(session, row, "upsert")
    record_event(session, actor, "status", code, {"from": old, "to": status.value}, reason=note)
    return row_to_record(row)


def delete_record(
    session: Session, code: str, *, actor: str, expected_version: int | None = None
) -> PrecedentRecord:
    """Delete a precedent; returns the deleted record so the caller can undo.

    The audit trail keeps the whole record, so a deletion never loses data.
    """
    row = _row_by_code(session, code)
    if row is None:
        raise NotFoundError("precedent.not_found", code=code)
    _check_version(row, expected_version)
    snapshot = row_to_record(row)
    session.add(ChangeRow(precedent_id=row.id, code=row.code, op="delete", version=row.version + 1))
    session.delete(row)
    session.flush()
    record_event(session, actor, "delete", code, {"record": record_to_dict(snapshot)})
    return snapshot
