"""Plain, storage-free representation of one precedent.

`PrecedentRecord` mirrors the JSON Lines interchange format field for field
(``shared/domain/interchange.md``). Everything that moves between layers (the
importer, the database, the search index, the Word documents, the desktop forms)
speaks this type, so none of them depends on SQLAlchemy or Qt.

Workflow metadata that the interchange format does not carry (status, version,
timestamps) lives in `RecordMeta`, attached to a record when it comes from the
database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

#: Interchange field names in their documented order; exports use this order.
INTERCHANGE_FIELDS: tuple[str, ...] = (
    "code",
    "title",
    "district",
    "street",
    "filed_on",
    "decided_on",
    "level",
    "discovery",
    "hardships",
    "barriers",
    "household_size",
    "monthly_income",
    "measures",
    "situation",
    "deliberation",
    "decision",
    "persons",
    "tags",
)

#: Fields of the interchange format that hold narrative text.
NARRATIVE_FIELDS: tuple[str, ...] = ("situation", "deliberation", "decision")

#: The four review levels, lowest first.
LEVELS: tuple[str, ...] = ("村居", "镇街", "区", "市")

#: Discovery channels of the interchange format.
DISCOVERY_CHANNELS: tuple[str, ...] = (
    "动态监测预警",
    "网格员走访",
    "敲门行动",
    "主动申请",
    "部门转介",
    "其他",
)


class Status(StrEnum):
    """Workflow status of a matter; it only moves forward, except by an explicit reopen."""

    DRAFT = "草稿"
    UNDER_REVIEW = "研判中"
    DECIDED = "已决定"
    ARCHIVED = "已归档"


STATUSES: tuple[str, ...] = tuple(s.value for s in Status)


@dataclass(slots=True)
class Measure:
    """One decided measure: a vocabulary type, an optional amount in yuan, a note."""

    type: str
    amount: Decimal | None = None
    note: str = ""
    #: Not part of the interchange format: who carries the measure out, and by when.
    department: str = ""
    deadline: dt.date | None = None


@dataclass(slots=True)
class Person:
    """Personal data of one person named in a matter; masked in every export."""

    name: str
    id_number: str = ""
    phone: str = ""
    relation: str = ""


@dataclass(slots=True)
class RecordMeta:
    """Workflow and bookkeeping data kept by the store, not by the interchange format."""

    id: int | None = None
    status: Status = Status.DRAFT
    version: int = 0
    created_at: dt.datetime | None = None
    created_by: str = ""
    updated_at: dt.datetime | None = None
    updated_by: str = ""
    #: What the search index reads beside the record (filled by its record source only):
    #: the text of the attached .docx files, and a fingerprint of which files are
    #: attached (`precedents.attachments.attachment_digests`; 0 for none).
    attachment_text: str = ""
    attachments_digest: int = 0


@dataclass(slots=True)
class PrecedentRecord:
    """One precedent, field for field as in the interchange format."""

    code: str
    title: str
    district: str
    filed_on: dt.date
    level: str
    situation: str
    street: str | None = None
    decided_on: dt.date | None = None
    discovery: str | None = None
    hardships: list[str] = field(default_factory=list)
    barriers: list[str] = field(default_factory=list)
    household_size: int | None = None
    monthly_income: Decimal | None = None
    measures: list[Measure] = field(default_factory=list)
    deliberation: str = ""
    decision: str = ""
    persons: list[Person] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    #: Fields not in the interchange format, kept as read and written back on export.
    extra: dict[str, Any] = field(default_factory=dict)
    meta: RecordMeta = field(default_factory=RecordMeta)

    @property
    def narrative(self) -> str:
        """Situation, deliberation and decision joined, for analysis and display."""
        return "\n".join(
            part for part in (self.situation, self.deliberation, self.decision) if part
        )

    @property
    def measure_types(self) -> list[str]:
        return [m.type for m in self.measures]

    @property
    def status(self) -> Status:
        return self.meta.status

    def copy(self, **changes: Any) -> PrecedentRecord:
        """A deep enough copy to edit without touching the original."""
        base = replace(
            self,
            hardships=list(self.hardships),
            barriers=list(self.barriers),
            measures=[replace(m) for m in self.measures],
            persons=[replace(p) for p in self.persons],
            tags=list(self.tags),
            extra=dict(self.extra),
            meta=replace(self.meta),
        )
        return replace(base, **changes) if changes else base

    def content_key(self) -> tuple[Any, ...]:
        """Everything the interchange format carries, for "unchanged" comparisons."""
        return (
            self.code,
            self.title,
            self.district,
            self.street,
            self.filed_on,
            self.decided_on,
            self.level,
            self.discovery,
            tuple(self.hardships),
            tuple(self.barriers),
            self.household_size,
            self.monthly_income,
            tuple((m.type, m.amount, m.note) for m in self.measures),
            self.situation,
            self.deliberation,
            self.decision,
            tuple((p.name, p.id_number, p.phone, p.relation) for p in self.persons),
            tuple(self.tags),
            tuple(sorted((k, repr(v)) for k, v in self.extra.items())),
        )


def default_status(record: PrecedentRecord) -> Status:
    """Status given to a record that arrives without one (an import).

    A record with a decision date or a written decision is a decided precedent;
    anything else is still a draft matter.
    """
    if record.decided_on is not None or record.decision.strip():
        return Status.DECIDED
    return Status.DRAFT
