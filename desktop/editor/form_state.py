"""The edit form's contents as plain data, and their validation through the domain.

The form holds what the officer typed: strings, lists of vocabulary labels and
rows of measures and persons. `validate` turns that into a `PrecedentRecord`
with the domain's own checks (`precedents.validation.parse_record`, the same
messages an import gives) plus the two the interchange format does not carry
(a measure's department deadline, the status). Qt-free, so it is tested alone.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from precedents.interchange.jsonl import number
from precedents.record import STATUSES, Measure, Person, PrecedentRecord, RecordMeta, Status
from precedents.validation import Issue, parse_amount, parse_date, parse_record
from precedents.vocabulary import Vocabulary

Fields = dict[str, Any]

TEXT_FIELDS = (
    "code",
    "title",
    "district",
    "street",
    "filed_on",
    "decided_on",
    "level",
    "discovery",
    "status",
    "household_size",
    "monthly_income",
    "tags",
    "situation",
    "deliberation",
    "decision",
)
MEASURE_KEYS = ("type", "amount", "note", "department", "deadline")
PERSON_KEYS = ("name", "relation", "id_number", "phone")
_TAG_SPLIT = re.compile(r"[、,，;；\s]+")
_ROW_FIELD = re.compile(r"^(measures|persons)\[(\d+)\](?:\.(\w+))?$")


def _str(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(number(value))
    return str(value)


def blank_fields(today: dt.date | None = None) -> Fields:
    fields: Fields = dict.fromkeys(TEXT_FIELDS, "")
    fields.update(
        filed_on=(today or dt.date.today()).isoformat(),
        status=Status.DRAFT.value,
        hardships=[],
        barriers=[],
        measures=[],
        persons=[],
    )
    return fields


def record_to_fields(record: PrecedentRecord) -> Fields:
    fields: Fields = {name: _str(getattr(record, name, "")) for name in TEXT_FIELDS}
    fields["status"] = record.status.value
    fields["tags"] = "、".join(record.tags)
    fields["hardships"] = list(record.hardships)
    fields["barriers"] = list(record.barriers)
    fields["measures"] = [{k: _str(getattr(m, k)) for k in MEASURE_KEYS} for m in record.measures]
    fields["persons"] = [{k: _str(getattr(p, k)) for k in PERSON_KEYS} for p in record.persons]
    return fields


def _optional(text: str) -> str | None:
    return text.strip() or None


def amount_text(text: str) -> str | None:
    """An amount as officers type it (5,800元, 1.5万) in the plain form validation reads."""
    cleaned = re.sub(r"[元,，\s]", "", text)
    if cleaned.endswith("万"):
        try:
            return str(Decimal(cleaned[:-1]) * 10000)
        except ArithmeticError:
            return cleaned
    return cleaned or None


def to_interchange(fields: Fields, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The form as an interchange object, ready for `parse_record`."""
    size_text = str(fields.get("household_size", "")).strip()
    size: object = int(size_text) if size_text.isdigit() else (size_text or None)
    data: dict[str, Any] = dict(extra or {})
    data.update(
        code=str(fields.get("code", "")).strip(),
        title=str(fields.get("title", "")).strip(),
        district=str(fields.get("district", "")).strip(),
        street=_optional(str(fields.get("street", ""))),
        filed_on=_optional(str(fields.get("filed_on", ""))),
        decided_on=_optional(str(fields.get("decided_on", ""))),
        level=_optional(str(fields.get("level", ""))),
        discovery=_optional(str(fields.get("discovery", ""))),
        hardships=list(fields.get("hardships", [])),
        barriers=list(fields.get("barriers", [])),
        household_size=size,
        monthly_income=amount_text(str(fields.get("monthly_income", ""))),
        measures=[
            {
                "type": _optional(str(m.get("type", ""))),
                "amount": amount_text(str(m.get("amount", ""))),
                "note": str(m.get("note", "")).strip(),
            }
            for m in fields.get("measures", [])
        ],
        situation=str(fields.get("situation", "")).strip(),
        deliberation=str(fields.get("deliberation", "")).strip(),
        decision=str(fields.get("decision", "")).strip(),
        persons=[{k: str(p.get(k, "")).strip() for k in PERSON_KEYS} for p in fields["persons"]],
        tags=[t for t in _TAG_SPLIT.split(str(fields.get("tags", ""))) if t],
    )
    return data


def validate(
    fields: Fields,
    vocab: Vocabulary,
    base: PrecedentRecord | None = None,
    today: dt.date | None = None,
) -> tuple[PrecedentRecord | None, list[Issue]]:
    """The record the form describes (None if anything is wrong) and every issue."""
    extra = base.extra if base is not None else None
    record, issues = parse_record(
        to_interchange(fields, extra), vocab, today=today or dt.date.today(), lenient_vocab=True
    )
    issues = [*issues, *_plan_issues(fields)]
    status = str(fields.get("status", ""))
    if status not in STATUSES:
        issues.append(Issue("status", "未知的状态"))
    elif base is not None and STATUSES.index(status) < STATUSES.index(base.status.value):
        issues.append(
            Issue("status", f"状态只能向前推进（{' → '.join(STATUSES)}），不能退回「{status}」")
        )
    if record is None or any(i.severity == "error" for i in issues):
        return None, issues
    for measure, row in zip(record.measures, fields["measures"], strict=True):
        measure.department = str(row.get("department", "")).strip()
        measure.deadline = parse_date(row["deadline"])[0] if row.get("deadline") else None
    record.meta = _meta(base, Status(status))
    return record, issues


def _plan_issues(fields: Fields) -> list[Issue]:
    out = []
    for number_, row in enumerate(fields.get("measures", []), start=1):
        text = str(row.get("deadline", "")).strip()
        if text:
            _date, message = parse_date(text)
            if message:
                out.append(Issue(f"measures[{number_}].deadline", message))
    return out


def _meta(base: PrecedentRecord | None, status: Status) -> RecordMeta:
    if base is None:
        return RecordMeta(status=status)
    meta = RecordMeta(
        id=base.meta.id,
        status=status,
        version=base.meta.version,
        created_at=base.meta.created_at,
        created_by=base.meta.created_by,
        updated_at=base.meta.updated_at,
        updated_by=base.meta.updated_by,
    )
    return meta


def split_field(name: str) -> tuple[str, int | None, str | None]:
    """ "measures[2].amount" → ("measures", 1, "amount") (row counted from 0)."""
    match = _ROW_FIELD.match(name)
    if match is None:
        return name, None, None
    return match.group(1), int(match.group(2)) - 1, match.group(3)


def draft_record(
    fields: Fields, vocab: Vocabulary, today: dt.date | None = None
) -> PrecedentRecord:
    """Whatever the form already says, as a record for the similar-precedents panel.

    Unlike `validate` this never fails: fields that do not parse are left out.
    """

    def terms(kind: str, values: list[str]) -> list[str]:
        return [label for v in values if (label := vocab.resolve(kind, v)) is not None]

    filed, _ = parse_date(str(fields.get("filed_on", "")))
    income, _ = parse_amount(amount_text(str(fields.get("monthly_income", ""))))
    size_text = str(fields.get("household_size", "")).strip()
    discovery = vocab.resolve("discovery", str(fields.get("discovery", "")))
    measures = [
        Measure(type=label)
        for m in fields.get("measures", [])
        if (label := vocab.resolve("measure", str(m.get("type", "")))) is not None
    ]
    return PrecedentRecord(
        code=str(fields.get("code", "")).strip() or "草稿",
        title=str(fields.get("title", "")).strip(),
        district=str(fields.get("district", "")).strip(),
        street=_optional(str(fields.get("street", ""))),
        filed_on=filed or today or dt.date.today(),
        level=vocab.resolve("level", str(fields.get("level", ""))) or "",
        discovery=discovery,
        hardships=terms("hardship", list(fields.get("hardships", []))),
        barriers=terms("barrier", list(fields.get("barriers", []))),
        household_size=int(size_text) if size_text.isdigit() else None,
        monthly_income=income,
        measures=measures,
        situation=str(fields.get("situation", "")).strip(),
        deliberation=str(fields.get("deliberation", "")).strip(),
        persons=[
            Person(**{k: str(p.get(k, "")) for k in PERSON_KEYS})
            for p in fields.get("persons", [])
            if str(p.get("name", "")).strip()
        ],
    )


def has_content(fields: Fields) -> bool:
    """Whether a new matter's form says enough to look for similar precedents."""
    text = "".join(str(fields.get(k, "")) for k in ("title", "situation"))
    return len(text.strip()) >= 4 or bool(fields.get("hardships") or fields.get("barriers"))
