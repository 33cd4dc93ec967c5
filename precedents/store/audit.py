"""The audit trail: append-only records of who did what, when, and why.

The program only ever inserts into `audit_events`; there is no function that
edits or deletes an entry, and the database refuses both (migration 0004:
triggers on SQLite and PostgreSQL; on the office server the officers' role also
lacks the privilege, see `precedents.server`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select
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


#: Chinese names of the recorded actions, for listings and exports.
ACTION_LABELS: dict[str, str] = {
    "create": "新建",
    "update": "修改",
    "delete": "删除",
    "status": "状态变更",
    "import": "导入文件",
    "import.create": "导入新建",
    "import.update": "导入更新",
    "export": "导出（已脱敏）",
    "export.unmasked": "导出（未脱敏）",
    "view.unmasked": "查看未脱敏信息",
    "vocabulary.create": "新增词表条目",
    "vocabulary.update": "修改词表条目",
    "settings.update": "修改设置",
    "backup": "备份",
    "restore": "从备份恢复",
    "audit.export": "导出审计日志（已脱敏）",
    "audit.export.unmasked": "导出审计日志（未脱敏）",
    "pattern.confirm": "确认规律",
    "pattern.rename": "规律改名",
    "pattern.merge": "合并规律",
    "pattern.split": "拆分规律",
    "pattern.exclude": "移出规律",
    "policy.create": "起草政策",
    "policy.edit": "修改政策草稿",
    "policy.consult": "政策征求意见",
    "policy.adopt": "政策施行",
    "policy.repeal": "政策废止",
}


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Which events to list or export; empty fields do not filter.

    `action` matches the action and its sub-actions ("import" also matches
    "import.create"); every comparison is exact and case-sensitive on every
    database (no LIKE, whose case rules differ between SQLite and PostgreSQL).
    """

    action: str | None = None
    code: str | None = None
    actor: str | None = None
    entity: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None

    def apply(self, stmt: Select[Any]) -> Select[Any]:
        col = AuditEventRow
        if self.action:
            prefix = self.action + "."
            stmt = stmt.where(
                or_(col.action == self.action, func.substr(col.action, 1, len(prefix)) == prefix)
            )
        if self.code:
            stmt = stmt.where(col.entity_code == self.code)
        if self.actor:
            stmt = stmt.where(col.actor == self.actor)
        if self.entity:
            stmt = stmt.where(col.entity == self.entity)
        if self.since:
            stmt = stmt.where(col.at >= self.since)
        if self.until:
            stmt = stmt.where(col.at < self.until)
        return stmt


_COLUMNS = (
    AuditEventRow.id,
    AuditEventRow.at,
    AuditEventRow.actor,
    AuditEventRow.action,
    AuditEventRow.entity,
    AuditEventRow.entity_code,
    AuditEventRow.details,
    AuditEventRow.reason,
)


def _select() -> Select[Any]:
    # Plain rows, not ORM objects: listing or exporting a long trail keeps
    # nothing in the session.
    return select(*_COLUMNS)


def _event(row: Any) -> AuditEvent:
    return AuditEvent(
        id=row.id,
        at=row.at,
        actor=row.actor,
        action=row.action,
        entity=row.entity,
        entity_code=row.entity_code,
        details=dict(row.details or {}),
        reason=row.reason,
    )


def list_events(
    session: Session,
    *,
    action: str | None = None,
    code: str | None = None,
    actor: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    entity: str | None = None,
    limit: int = 1000,
    before_id: int | None = None,
) -> list[AuditEvent]:
    """Newest first, filtered by any of action, record code, actor, entity and time.

    A viewer pages back by passing the id of the last event it shows as `before_id`.
    """
    where = AuditFilter(action, code, actor, entity, since, until)
    stmt = where.apply(_select())
    if before_id is not None:
        stmt = stmt.where(AuditEventRow.id < before_id)
    stmt = stmt.order_by(AuditEventRow.id.desc()).limit(limit)
    return [_event(row) for row in session.execute(stmt)]


def count_events(session: Session, where: AuditFilter | None = None) -> int:
    """How many events match (a viewer's total)."""
    stmt = (where or AuditFilter()).apply(select(func.count()).select_from(AuditEventRow))
    return session.scalar(stmt) or 0


def iter_events(
    session: Session, where: AuditFilter | None = None, *, batch: int = 1000
) -> Iterator[AuditEvent]:
    """Every matching event, oldest first, read `batch` at a time (for exports)."""
    where = where or AuditFilter()
    last = 0
    while True:
        stmt = where.apply(_select()).where(AuditEventRow.id > last)
        rows = [
            _event(row) for row in session.execute(stmt.order_by(AuditEventRow.id).limit(batch))
        ]
        if not rows:
            return
        yield from rows
        last = rows[-1].id


def record_unmasked_view(
    session: Session, actor: str, code: str, *, via: str, reason: str = ""
) -> None:
    """Someone saw a record's personal data unmasked (desktop or `show --unmasked`)."""
    record_event(session, actor, "view.unmasked", code, {"via": via}, reason=reason)
