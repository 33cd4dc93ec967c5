"""What the audit trail viewer asks of the library (no Qt: runs on background threads).

The viewer lists the trail newest first, a page at a time, with personal data
masked (reading the trail is not a reason to see it); filters are a user, an
action (with its sub-actions), a range of local dates and a precedent code.
An export writes the same filter's events to Excel or CSV through
`precedents.interchange.audit_file.export_audit`, masked unless the officer
chooses otherwise and gives a reason; the export is itself recorded.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from precedents.interchange.audit_file import (
    AuditExportResult,
    PersonsIndex,
    event_rows,
    export_audit,
)
from precedents.library import Library
from precedents.models import AuditEventRow
from precedents.store.audit import ACTION_LABELS, AuditFilter, count_events, list_events

Progress = Callable[[int, int], None]

#: Events read per page (the viewer asks for the next page on demand).
PAGE = 300
#: Characters of a value shown in the summary column (the detail pane shows all).
SHORT = 40


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One event as the viewer shows it, personal data masked."""

    id: int
    at: str
    actor: str
    action: str
    entity: str
    code: str
    summary: str
    reason: str
    details: str
    personal: bool


@dataclass(frozen=True, slots=True)
class AuditPage:
    rows: list[AuditRow]
    #: Events matching the filter in all (not only this page).
    total: int


def _utc(day: dt.date) -> dt.datetime:
    """Local midnight at the start of `day`, as the naive UTC time the trail stores."""
    local = dt.datetime.combine(day, dt.time()).astimezone()
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def audit_filter(
    actor: str = "",
    action: str = "",
    since: dt.date | None = None,
    until: dt.date | None = None,
    code: str = "",
) -> AuditFilter:
    """The filter for the viewer's fields; `until` is inclusive (the whole day)."""
    return AuditFilter(
        action=action or None,
        code=code.strip() or None,
        actor=actor.strip() or None,
        since=_utc(since) if since else None,
        until=_utc(until + dt.timedelta(days=1)) if until else None,
    )


#: Names of the detail keys the domain records, as the viewer shows them.
DETAIL_LABELS: dict[str, str] = {
    "status": "状态",
    "version": "版本",
    "file": "文件",
    "files": "文件",
    "count": "条数",
    "counts": "条数",
    "created": "新建",
    "updated": "更新",
    "unchanged": "未变",
    "rejected": "未导入",
    "masked": "脱敏",
    "via": "途径",
    "kind": "类型",
    "size": "大小",
    "before": "之前",
    "after": "之后",
    "filter": "筛选条件",
    "record": "记录",
    "policy": "政策",
    "terms": "词条",
    "synonyms": "同义词",
    "parent": "上级",
    "review": "复核",
    "title": "标题",
    "number": "文号",
    "pattern": "规律",
    "covered": "覆盖先例",
    "repealed_on": "废止日期",
    "old": "原",
    "new": "新",
    "merged": "并入",
    "code": "先例",
    "codes": "先例",
}
EMPTY = "（空）"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"


def _plain(value: object) -> str:
    """A detail value as words: lists joined with 、, objects as 名称：值, yes/no."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return "，".join(f"{DETAIL_LABELS.get(k, k)}：{_plain(v)}" for k, v in value.items())
    return str(value)


def _value(text: str) -> str:
    """A spreadsheet cell of the export (JSON for lists and objects) as words."""
    if text[:1] in ("[", "{"):
        try:
            return _plain(json.loads(text))
        except ValueError:
            return text
    return text or EMPTY


def _row(cells: list[list[str]]) -> AuditRow:
    """One `AuditRow` from the spreadsheet rows of an event (one per changed field)."""
    head = cells[0]
    changes = [(c[6], _value(c[7]), _value(c[8])) for c in cells if c[6]]
    rest = _value(head[11]) if head[11] else ""
    summary_parts = [
        f"{f}：{old} → {new}" if len(old) + len(new) <= SHORT else f"{f}" for f, old, new in changes
    ]
    if rest:
        summary_parts.append(rest)
    details = [f"{f}\n　原值：{old}\n　新值：{new}" for f, old, new in changes]
    if rest:
        details.append(rest)
    return AuditRow(
        id=int(head[0]),
        at=head[1][:19],
        actor=head[2],
        action=head[3],
        entity=head[4],
        code=head[5],
        summary=_short("；".join(summary_parts)) if not changes else "；".join(summary_parts),
        reason=head[10],
        details="\n".join(details),
        personal=any(c[9] for c in cells),
    )


def load_page(library: Library, where: AuditFilter, before_id: int | None = None) -> AuditPage:
    """The next `PAGE` matching events, newest first, older than `before_id` if given."""
    with library.session() as session:
        events = list_events(
            session,
            action=where.action,
            code=where.code,
            actor=where.actor,
            since=where.since,
            until=where.until,
            entity=where.entity,
            limit=PAGE,
            before_id=before_id,
        )
        persons = PersonsIndex(session)
        rows = [_row(list(event_rows(event, True, persons))) for event in events]
        return AuditPage(rows, count_events(session, where))


def actors(library: Library) -> list[str]:
    """Everyone who appears in the trail, for the user filter."""
    with library.session() as session:
        found = session.scalars(select(AuditEventRow.actor).distinct())
        return sorted(a for a in found if a)


def action_choices() -> list[tuple[str, str]]:
    """(action, Chinese name) for the action filter."""
    return list(ACTION_LABELS.items())


def export(
    library: Library,
    path: Path,
    where: AuditFilter,
    *,
    masked: bool,
    reason: str,
    progress: Progress | None = None,
) -> AuditExportResult:
    """Write the filtered trail to `path` (.xlsx or .csv); the export is recorded too."""
    with library.sessions.begin() as session:
        return export_audit(
            session,
            path,
            actor=library.actor,
            where=where,
            masked=masked,
            reason=reason,
            progress=progress,
        )
