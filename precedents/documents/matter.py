"""Content shared by the document kinds: the matter's key facts and cited precedents.

These are plain dataclasses the use cases fill from the domain; the documents
only lay them out. Text must already be masked (or a ``mask`` given to the
render function): the documents never decide what is personal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from precedents.documents.builder import DocumentBuilder
from precedents.documents.text import format_amount, format_date, join_list
from precedents.record import PrecedentRecord


@dataclass(slots=True)
class MatterFacts:
    """The key facts of a matter under review (a record without its decision)."""

    title: str
    code: str = ""
    district: str = ""
    street: str = ""
    filed_on: dt.date | None = None
    discovery: str = ""
    level: str = ""
    household_size: int | None = None
    monthly_income: Decimal | None = None
    hardships: list[str] = field(default_factory=list)
    barriers: list[str] = field(default_factory=list)
    situation: str = ""

    @classmethod
    def from_record(cls, record: PrecedentRecord) -> MatterFacts:
        """The facts of a record; pass a masked record (``mask_record``) for exports."""
        return cls(
            title=record.title,
            code=record.code,
            district=record.district,
            street=record.street or "",
            filed_on=record.filed_on,
            discovery=record.discovery or "",
            level=record.level,
            household_size=record.household_size,
            monthly_income=record.monthly_income,
            hardships=list(record.hardships),
            barriers=list(record.barriers),
            situation=record.situation,
        )

    @property
    def location(self) -> str:
        return self.district + self.street

    def rows(self) -> list[tuple[str, str]]:
        """Labelled facts that are known, in the order officers read them."""
        rows = [
            ("事项编号", self.code),
            ("所在区街", self.location),
            ("受理日期", format_date(self.filed_on) if self.filed_on else ""),
            ("发现渠道", self.discovery),
            ("家庭人口", f"{self.household_size}人" if self.household_size else ""),
            (
                "家庭月收入",
                format_amount(self.monthly_income) if self.monthly_income is not None else "",
            ),
            ("困难情形", join_list(self.hardships)),
            ("政策障碍", join_list(self.barriers)),
        ]
        return [(label, value) for label, value in rows if value]


def level_name(level: str) -> str:
    """区 → 区级, 镇街 → 镇街级; empty stays empty."""
    return f"{level}级" if level else ""


def write_facts(builder: DocumentBuilder, facts: MatterFacts, situation: str | None = None) -> None:
    """Labelled key facts, then the situation (or the facts as presented) in paragraphs."""
    for label, value in facts.rows():
        builder.labelled(label, value)
    text = facts.situation if situation is None else situation
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines:
        builder.labelled("基本情况", lines[0])
        for line in lines[1:]:
            builder.paragraph(line)
