"""Side-by-side comparison of two versions of a precedent, for the merge view.

When a save is refused because another officer saved first (`ConflictError`),
the desktop shows, field by field, what the officer typed ("mine"), what is
stored now ("theirs") and, when it knows it, the version the officer opened
("base"). With a base, a field only one side changed merges by itself; a field
both changed differently is a conflict the officer decides. `merge` builds the
record to save from those decisions; it carries the stored version, so saving
it with ``expected_version=theirs.meta.version`` either succeeds or is refused
again if a third save came in meanwhile. Nothing here touches the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, Literal

from precedents.errors import PrecedentError
from precedents.interchange.jsonl import number, record_to_dict
from precedents.record import INTERCHANGE_FIELDS, PrecedentRecord
from precedents.store.diff import PERSONAL_FIELDS

Side = Literal["mine", "theirs"]

#: Chinese labels of the compared fields, in form order.
FIELD_LABELS: dict[str, str] = {
    "code": "案例编号",
    "title": "标题",
    "district": "区",
    "street": "镇街",
    "filed_on": "提出日期",
    "decided_on": "决定日期",
    "level": "研判层级",
    "discovery": "发现渠道",
    "hardships": "困难情形",
    "barriers": "政策障碍",
    "household_size": "家庭人口",
    "monthly_income": "家庭月收入（元）",
    "measures": "救助措施",
    "situation": "基本情况",
    "deliberation": "研判过程与意见",
    "decision": "处理结果",
    "persons": "当事人",
    "tags": "标签",
    "extra": "其他字段",
}
COMPARED_FIELDS: tuple[str, ...] = (*INTERCHANGE_FIELDS, "extra")


class FieldState(StrEnum):
    SAME = "same"  # both versions agree
    MINE = "mine"  # only this officer changed it: keep mine
    THEIRS = "theirs"  # only the other officer changed it: take theirs
    CONFLICT = "conflict"  # both changed it differently (or no base): the officer decides


@dataclass(frozen=True, slots=True)
class FieldComparison:
    """One row of the merge view. Values are plain JSON-like data."""

    field: str
    label: str
    mine: Any
    theirs: Any
    base: Any
    base_known: bool
    personal: bool
    state: FieldState

    @property
    def differs(self) -> bool:
        return self.state is not FieldState.SAME


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything the merge view shows after a refused save."""

    code: str
    mine_version: int
    theirs_version: int
    theirs_updated_by: str
    theirs_updated_at: str
    fields: tuple[FieldComparison, ...]

    @property
    def differing(self) -> list[FieldComparison]:
        return [f for f in self.fields if f.differs]

    @property
    def conflicts(self) -> list[FieldComparison]:
        return [f for f in self.fields if f.state is FieldState.CONFLICT]


def field_value(record: PrecedentRecord, name: str) -> Any:
    """The JSON-like value of one compared field (measures with department and deadline)."""
    if name == "extra":
        return dict(record.extra)
    if name == "measures":
        return [
            {
                "type": m.type,
                "amount": number(m.amount),
                "note": m.note,
                "department": m.department,
                "deadline": m.deadline.isoformat() if m.deadline else None,
            }
            for m in record.measures
        ]
    return record_to_dict(record)[name]


def _state(mine: Any, theirs: Any, base: Any, base_known: bool) -> FieldState:
    if mine == theirs:
        return FieldState.SAME
    if base_known and mine == base:
        return FieldState.THEIRS
    if base_known and theirs == base:
        return FieldState.MINE
    return FieldState.CONFLICT


def compare_versions(
    mine: PrecedentRecord, theirs: PrecedentRecord, base: PrecedentRecord | None = None
) -> Comparison:
    """Field-by-field comparison of the officer's edit with the stored version."""
    rows = []
    for name in COMPARED_FIELDS:
        mine_value = field_value(mine, name)
        theirs_value = field_value(theirs, name)
        base_value = field_value(base, name) if base is not None else None
        rows.append(
            FieldComparison(
                field=name,
                label=FIELD_LABELS[name],
                mine=mine_value,
                theirs=theirs_value,
                base=base_value,
                base_known=base is not None,
                personal=name in PERSONAL_FIELDS,
                state=_state(mine_value, theirs_value, base_value, base is not None),
            )
        )
    at = theirs.meta.updated_at
    return Comparison(
        code=theirs.code,
        mine_version=(base or mine).meta.version,
        theirs_version=theirs.meta.version,
        theirs_updated_by=theirs.meta.updated_by,
        theirs_updated_at=at.strftime("%Y-%m-%d %H:%M") if at else "",
        fields=tuple(rows),
    )


def _copy_field(target: PrecedentRecord, source: PrecedentRecord, name: str) -> None:
    value = getattr(source, name)
    if name == "measures":
        value = [replace(m) for m in value]
    elif name == "persons":
        value = [replace(p) for p in value]
    elif isinstance(value, list):
        value = list(value)
    elif isinstance(value, dict):
        value = dict(value)
    setattr(target, name, value)


def merge(
    mine: PrecedentRecord,
    theirs: PrecedentRecord,
    base: PrecedentRecord | None = None,
    choices: Mapping[str, Side] | None = None,
) -> PrecedentRecord:
    """The record to save: each field from the side chosen for it.

    Fields only one side changed take that side unless `choices` says
    otherwise; every conflicting field needs a choice, else `PrecedentError`
    ("merge.unresolved") names them. The result carries the stored record's
    id, status and version.
    """
    choices = dict(choices or {})
    comparison = compare_versions(mine, theirs, base)
    open_fields = [f.label for f in comparison.conflicts if f.field not in choices]
    if open_fields:
        raise PrecedentError("merge.unresolved", fields="、".join(open_fields))
    merged = theirs.copy()
    for row in comparison.fields:
        side = choices.get(row.field)
        if side is None:
            side = "mine" if row.state is FieldState.MINE else "theirs"
        _copy_field(merged, mine if side == "mine" else theirs, row.field)
    return merged
