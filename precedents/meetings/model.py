"""Plain dataclasses for reviews, free of storage and Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from precedents.record import LEVELS, Measure


class Role(StrEnum):
    """How a person took part in a meeting (GB/T 9704 §10.3 lists)."""

    PRESENT = "出席"
    ATTENDING = "列席"
    ABSENT = "请假"


class Stance(StrEnum):
    """An opinion's position on the proposal; dissent is kept, not smoothed over."""

    AGREE = "同意"
    DISSENT = "不同意"
    RESERVED = "保留意见"
    SUPPLEMENT = "补充意见"


class Outcome(StrEnum):
    PENDING = "进行中"
    DECIDED = "已决定"
    ESCALATED = "提交上一级"
    RETURNED = "退回补充材料"


class ReferenceMode(StrEnum):
    """类案检索: a similar precedent is either followed or only consulted."""

    FOLLOWED = "参照"
    CONSULTED = "参考"


@dataclass(slots=True)
class Participant:
    name: str
    department: str = ""
    role: Role = Role.PRESENT
    title: str = ""


@dataclass(slots=True)
class Opinion:
    speaker: str
    text: str
    department: str = ""
    stance: Stance = Stance.AGREE


@dataclass(slots=True)
class Reference:
    """A similar precedent looked at in the meeting."""

    code: str
    mode: ReferenceMode = ReferenceMode.CONSULTED
    score: float | None = None
    note: str = ""


@dataclass(slots=True)
class Review:
    """One meeting on one matter."""

    level: str
    held_on: dt.date
    place: str = ""
    chair: str = ""
    recorder: str = ""
    presented_facts: str = ""
    participants: list[Participant] = field(default_factory=list)
    opinions: list[Opinion] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    outcome: Outcome = Outcome.PENDING
    #: Why the matter went up a level, or what information is missing.
    outcome_reason: str = ""
    decision_text: str = ""
    measures: list[Measure] = field(default_factory=list)
    #: The officer's written reason when the decision departs from close precedents.
    consistency_reason: str = ""
    id: int | None = None
    sequence: int = 0
    version: int = 0

    def by_role(self, role: Role) -> list[Participant]:
        return [p for p in self.participants if p.role == role]

    @property
    def dissents(self) -> list[Opinion]:
        return [o for o in self.opinions if o.stance in (Stance.DISSENT, Stance.RESERVED)]


def next_level(level: str) -> str | None:
    """The level a matter goes to when this one cannot settle it; None above 市."""
    index = LEVELS.index(level)
    return LEVELS[index + 1] if index + 1 < len(LEVELS) else None


def highest_level(levels: list[str]) -> str:
    return max(levels, key=LEVELS.index)
