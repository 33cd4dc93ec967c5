"""Exporting the audit trail to CSV or an Excel sheet, masked by default.

One row per event, except that an event listing changed fields (an update, a
settings change) gets one row per field with its old and new value, which is
how an inspector reads it. Personal data in the values (persons, and names, ID
and phone numbers inside text) is masked unless the exporter chooses otherwise
and gives a reason; either way the export itself is recorded in the audit trail.
Files are written beside the target and moved into place when complete.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.orm import Session

from precedents.anonymize import mask_person, mask_text
from precedents.errors import PrecedentError
from precedents.models import AuditEventRow, PersonRow, PrecedentRow
from precedents.record import Person
from precedents.settings import SETTING_LABELS
from precedents.store.audit import ACTION_LABELS, AuditEvent, AuditFilter, iter_events, record_event
from precedents.store.merge import FIELD_LABELS

Progress = Callable[[int, int], None]

HEADERS = (
    "序号",
    "时间",
    "操作人",
    "操作",
    "对象",
    "编号",
    "字段",
    "原值",
    "新值",
    "个人信息",
    "理由",
    "详情",
)
ENTITY_LABELS = {
    "precedent": "先例",
    "file": "文件",
    "vocabulary": "词表",
    "settings": "设置",
    "library": "数据库",
    "pattern": "规律",
    "policy": "政策",
}
LABELS = {**SETTING_LABELS, **FIELD_LABELS, "measure_plan": "措施承办部门与期限"}
_PERSON_KEYS = frozenset({"name", "id_number", "phone", "relation"})
# Characters a spreadsheet would read as the start of a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class AuditExportResult:
    path: Path
    count: int
    masked: bool


class PersonsIndex:
    """The persons of each record code, for masking names inside text."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._cache: dict[str, list[Person]] = {}

    def of(self, code: str) -> list[Person]:
        if not code:
            return []
        if code not in self._cache:
            rows = self._session.execute(
                select(PersonRow.name, PersonRow.id_number, PersonRow.phone, PersonRow.relation)
                .join(PrecedentRow, PrecedentRow.id == PersonRow.precedent_id)
                .where(PrecedentRow.code == code)
            )
            found = [Person(*row) for row in rows]
            if not found:  # deleted since: its deletion event kept the whole record
                details = self._session.scalar(
                    select(AuditEventRow.details)
                    .where(AuditEventRow.entity_code == code, AuditEventRow.action == "delete")
                    .order_by(AuditEventRow.id.desc())
                    .limit(1)
                )
                found = _persons_in(details or {})
            self._cache[code] = found
        return self._cache[code]


def _is_person(value: Any) -> bool:
    return isinstance(value, dict) and "name" in value and set(value) <= _PERSON_KEYS


def _persons_in(value: Any) -> list[Person]:
    """Every person-shaped object anywhere inside `value`."""
    if _is_person(value):
        return [Person(**{k: str(v or "") for k, v in value.items()})]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [p for item in value for p in _persons_in(item)]
    return []


def mask_value(value: Any, persons: list[Person]) -> Any:
    """`value` with persons masked and names, ID and phone numbers masked in all text."""
    if _is_person(value):
        masked = mask_person(Person(**{k: str(v or "") for k, v in value.items()}))
        return {k: getattr(masked, k) for k in value}
    if isinstance(value, dict):
        return {k: mask_value(v, persons) for k, v in value.items()}
    if isinstance(value, list):
        return [mask_value(v, persons) for v in value]
    if isinstance(value, str):
        return mask_text(value, persons)
    return value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _local(at: dt.datetime) -> str:
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S%z")


def masked_event(event: AuditEvent, persons: PersonsIndex) -> AuditEvent:
    """The event with personal data in its details and reason masked."""
    known = persons.of(event.entity_code) + _persons_in(event.details)
    return replace(
        event,
        details=mask_value(event.details, known),
        reason=mask_text(event.reason, known),
    )


def event_rows(event: AuditEvent, masked: bool, persons: PersonsIndex) -> Iterator[list[str]]:
    """The spreadsheet rows of one event."""
    if masked:
        event = masked_event(event, persons)
    details = dict(event.details)
    reason = event.reason
    head = [
        str(event.id),
        _local(event.at),
        event.actor,
        ACTION_LABELS.get(event.action, event.action),
        ENTITY_LABELS.get(event.entity, event.entity),
        event.entity_code,
    ]
    changes = details.pop("changes", None)
    if event.action == "status":
        changes = [{"field": "状态", "old": details.pop("from", ""), "new": details.pop("to", "")}]
    rest = _text(details) if details else ""
    if isinstance(changes, list) and changes and all(isinstance(c, dict) for c in changes):
        for change in changes:
            name = str(change.get("field", ""))
            yield [
                *head,
                LABELS.get(name, name),
                _text(change.get("old")),
                _text(change.get("new")),
                "是" if change.get("personal") else "",
                reason,
                rest,
            ]
        return
    yield [*head, "", "", "", "", reason, rest]


def _safe(cell: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _write_csv(rows: Iterator[list[str]], path: Path) -> None:
    # UTF-8 with a byte-order mark: Excel on Windows then reads the Chinese correctly.
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow([_safe(cell) for cell in row])


def _write_xlsx(rows: Iterator[list[str]], path: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("审计日志")
    for index, width in enumerate((8, 22, 10, 16, 8, 18, 14, 40, 40, 8, 20, 40)):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in HEADERS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=_ILLEGAL_XLSX.sub("", value))
            cell.data_type = "s"  # never a formula, whatever the text starts with
            cells.append(cell)
        sheet.append(cells)
    book.save(path)


def export_audit(
    session: Session,
    path: Path,
    *,
    actor: str,
    where: AuditFilter | None = None,
    masked: bool = True,
    reason: str = "",
    progress: Progress | None = None,
) -> AuditExportResult:
    """Write the matching events, oldest first, to `path` (.xlsx, else CSV); audited.

    Masked by default. An unmasked export needs a `reason`.
    """
    if not masked and not reason.strip():
        raise PrecedentError("export.failed", reason="导出未脱敏的审计日志必须填写理由")
    where = where or AuditFilter()
    persons = PersonsIndex(session)
    count = 0

    def rows() -> Iterator[list[str]]:
        nonlocal count
        for event in iter_events(session, where):
            count += 1
            yield from event_rows(event, masked, persons)
            if progress is not None and count % 500 == 0:
                progress(count, 0)

    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.partial")
    try:
        if path.suffix.lower() == ".xlsx":
            _write_xlsx(rows(), temp)
        else:
            _write_csv(rows(), temp)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    record_event(
        session,
        actor,
        "audit.export" if masked else "audit.export.unmasked",
        details={
            "file": path.name,
            "count": count,
            "masked": masked,
            "filter": {k: _text(v) for k, v in asdict(where).items() if v},
        },
        entity="file",
        reason=reason,
    )
    return AuditExportResult(path=path, count=count, masked=masked)
