"""What the statistics are: the period counted and the figures of it, as plain data.

`Period` says which matters count (dates inclusive at both ends, a district);
`Figures` holds every figure the statistics screen, the command line and the
exports show, with `MeasureFigures` and `Durations` for its parts, and turns
itself into plain JSON data (`Figures.as_dict`). `precedents.stats` counts them.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from precedents.errors import PrecedentError
from precedents.stats_registry import RegistryFigures

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Period:
    """Which matters to count: dates inclusive at both ends (None: open), and a district."""

    start: dt.date | None = None
    end: dt.date | None = None
    district: str | None = None

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise PrecedentError(
                "stats.bad_period", start=self.start.isoformat(), end=self.end.isoformat()
            )

    @classmethod
    def year(cls, year: int, district: str | None = None) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), district)

    def contains(self, day: dt.date | None) -> bool:
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    @property
    def calendar_year(self) -> int | None:
        """The year, when the period is exactly one calendar year."""
        if self.start is None or self.end is None or self.start.year != self.end.year:
            return None
        whole = (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31)
        return self.start.year if whole else None

    def label(self) -> str:
        """2024年 / 2024年1月1日至2024年6月30日 / 2024年1月1日以来 / 全部."""
        if self.calendar_year is not None:
            return f"{self.calendar_year}年"
        if self.start and self.end:
            return f"{_cn_date(self.start)}至{_cn_date(self.end)}"
        if self.start:
            return f"{_cn_date(self.start)}以来"
        if self.end:
            return f"截至{_cn_date(self.end)}"
        return "全部"


def _cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True, slots=True)
class MeasureFigures:
    """One measure type over the matters solved: how often, and how much money."""

    count: int
    with_amount: int
    total: Decimal
    #: Median of the amounts given (None when no decision gave an amount).
    median: Decimal | None


@dataclass(frozen=True, slots=True)
class Durations:
    """Days from filing to decision."""

    count: int
    mean: float
    median: float
    max: int

    @classmethod
    def of(cls, days: list[int]) -> Durations | None:
        if not days:
            return None
        return cls(
            len(days),
            round(statistics.fmean(days), 1),
            float(statistics.median(days)),
            max(days),
        )


@dataclass(slots=True)
class Figures:
    """Everything the statistics screen, the command line and the exports show."""

    period: Period
    #: Every month of the period ("2024-01"), months without matters included.
    months: tuple[str, ...] = ()
    total: int = 0
    solved: int = 0
    by_month: dict[str, int] = field(default_factory=dict)
    solved_by_month: dict[str, int] = field(default_factory=dict)
    by_district: dict[str, int] = field(default_factory=dict)
    solved_by_district: dict[str, int] = field(default_factory=dict)
    amount_by_district: dict[str, Decimal] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    by_discovery: dict[str, int] = field(default_factory=dict)
    hardships: dict[str, int] = field(default_factory=dict)
    barriers: dict[str, int] = field(default_factory=dict)
    measures: dict[str, MeasureFigures] = field(default_factory=dict)
    amount_total: Decimal = ZERO
    #: The part of `amount_total` given by donors, charities and companies.
    social_total: Decimal = ZERO
    days_to_decision: Durations | None = None
    days_by_level: dict[str, Durations] = field(default_factory=dict)
    #: Matters solved, by the highest review level they reached.
    levels_reached: dict[str, int] = field(default_factory=dict)
    reviews_by_level: dict[str, int] = field(default_factory=dict)
    review_outcomes: dict[str, int] = field(default_factory=dict)
    #: Reviews that sent the matter up, by the level that sent it.
    escalations: dict[str, int] = field(default_factory=dict)
    matters_escalated: int = 0
    registry: RegistryFigures = field(default_factory=RegistryFigures)

    @property
    def reviews(self) -> int:
        return sum(self.reviews_by_level.values())

    @property
    def escalation_count(self) -> int:
        return sum(self.escalations.values())

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON data (amounts as numbers of yuan, dates as ISO text)."""
        data: dict[str, Any] = _plain(self)
        return data


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if hasattr(value, "__dataclass_fields__"):
        data = {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
        if isinstance(value, Figures):
            data["reviews"] = value.reviews
            data["escalation_count"] = value.escalation_count
        if isinstance(value, RegistryFigures):
            data["from_patterns"] = value.from_patterns
        return data
    return value
