"""Figures over the precedents: counts, amounts and durations, for reports upward.

Pure queries over the store; the command line prints them and the desktop's
statistics view charts them. Dates filter on the filing date.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from precedents.record import PrecedentRecord
from precedents.store.precedents import iter_records


@dataclass(slots=True)
class Figures:
    total: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    by_district: dict[str, int] = field(default_factory=dict)
    by_year: dict[str, int] = field(default_factory=dict)
    by_month: dict[str, int] = field(default_factory=dict)
    by_level: dict[str, int] = field(default_factory=dict)
    hardships: dict[str, int] = field(default_factory=dict)
    barriers: dict[str, int] = field(default_factory=dict)
    measures: dict[str, dict[str, float]] = field(default_factory=dict)
    days_to_decision: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "by_status": self.by_status,
            "by_district": self.by_district,
            "by_year": self.by_year,
            "by_month": self.by_month,
            "by_level": self.by_level,
            "hardships": self.hardships,
            "barriers": self.barriers,
            "measures": self.measures,
            "days_to_decision": self.days_to_decision,
        }


def _in_range(record: PrecedentRecord, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or record.filed_on >= start) and (end is None or record.filed_on <= end)


def compute_figures(
    session: Session,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    district: str | None = None,
) -> Figures:
    """Figures for precedents filed from `start` to `end` (inclusive), optionally one district."""
    records = [
        r
        for r in iter_records(session)
        if _in_range(r, start, end) and (district is None or r.district == district)
    ]
    return figures_of(records)


def figures_of(records: list[PrecedentRecord]) -> Figures:
    counters: dict[str, Counter[str]] = {
        name: Counter() for name in ("status", "district", "year", "month", "level", "h", "b")
    }
    amounts: dict[str, list[float]] = {}
    counts: Counter[str] = Counter()
    durations: list[int] = []
    for r in records:
        counters["status"][r.status.value] += 1
        counters["district"][r.district] += 1
        counters["year"][str(r.filed_on.year)] += 1
        counters["month"][r.filed_on.strftime("%Y-%m")] += 1
        counters["level"][r.level] += 1
        counters["h"].update(r.hardships)
        counters["b"].update(r.barriers)
        for m in r.measures:
            counts[m.type] += 1
            if m.amount is not None:
                amounts.setdefault(m.type, []).append(float(m.amount))
        if r.decided_on is not None:
            durations.append((r.decided_on - r.filed_on).days)
    measures = {
        name: {
            "count": float(count),
            "with_amount": float(len(amounts.get(name, []))),
            "total_amount": round(sum(amounts.get(name, [])), 2),
        }
        for name, count in counts.most_common()
    }
    days = (
        {
            "count": float(len(durations)),
            "mean": round(statistics.fmean(durations), 1),
            "median": float(statistics.median(durations)),
            "max": float(max(durations)),
        }
        if durations
        else {}
    )
    return Figures(
        total=len(records),
        by_status=dict(counters["status"].most_common()),
        by_district=dict(counters["district"].most_common()),
        by_year=dict(sorted(counters["year"].items())),
        by_month=dict(sorted(counters["month"].items())),
        by_level=dict(counters["level"].most_common()),
        hardships=dict(counters["h"].most_common()),
        barriers=dict(counters["b"].most_common()),
        measures=measures,
        days_to_decision=days,
    )
