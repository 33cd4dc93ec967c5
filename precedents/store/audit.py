"""The audit trail: append-only records of who did what, when, and why.

The program only ever inserts into `audit_events`; there is no function that
edits or deletes an entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from precedents.models import AuditEventRow, utcnow


@dataclass(frozen=True, slots=True)
class AuditEvent:
    id: int
    at: dt.datetime
    actor: str
    action: str
    entity: str
    entity_code: str
    details: dict[str, Any]
    reason: str


def record_event(
    session: Session,
    actor: str,
    action: str,
    entity_code: str = "",
    details: dict[str, Any] | None = None,
    *,
    entity: str = "precedent",
    reason: str = "",
) -> None:
    """Append one audit event in the caller's transaction."""
    session.add(
        AuditEventRow(
            at=utcnow(),
            actor=actor,
            action=action,
            entity=entity,
            entity_code=entity_code,
            details=details or {},
            reason=reason,
        )
    )


def list_events(
    session: Session,
    *,
    action: str | None = None,
    code: str | None = None,
    actor: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    limit: int = 1000,
) -> list[AuditEvent]:
    """Newest first, filtered by any of action, record code, actor and time."""
    stmt = select(AuditEventRow).order_by(AuditEventRow.id.desc()).limit(limit)
    if action:
        stmt = stmt.where(AuditEventRow.action == action)
    if code:
        stmt = stmt.where(AuditEventRow.entity_code == code)
    if actor:
        stmt = stmt.where(AuditEventRow.actor == actor)
    if since:
        stmt = stmt.where(AuditEventRow.at >= since)
    if until:
        stmt = stmt.where(AuditEventRow.at < until)
    return [
        AuditEvent(
            id=row.id,
            at=row.at,
            actor=row.actor,
            action=row.action,
            entity=row.entity,
            entity_code=row.entity_code,
            details=dict(row.details or {}),
            reason=row.reason,
        )
        for row in session.scalars(stmt)
    ]
