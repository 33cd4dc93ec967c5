"""Figures for reports upward: what officers report each month and year.

`compute_figures(session, period)` reads the store once per table (precedents,
their hardships, barriers and measures, the reviews, the policy registry) and
tallies everything in one pass; nothing is queried per record, so 10,000
matters take a fraction of a second. The command line prints the figures, the
desktop's statistics screen charts them, the Excel and Word exports write them:
all from the same `Figures` (defined with `Period` in `precedents.stats_figures`,
re-exported here).

Which date each figure uses (the period is inclusive at both ends):

* **filing date** (`filed_on`): new matters (total, per month, district, status,
  discovery channel), the hardships and barriers seen;
* **decision date** (`decided_on`) of matters decided or archived: hard cases
  solved (per month and district), the measures decided with their amounts,
  days from filing to decision, the highest review level reached;
* **meeting date** (`held_on`): reviews held per level, their outcomes and the
  escalations to the next level;
* **effective date** (`effective_on`): policies adopted and the thresholds they
  lowered. Policies are the city's: the district filter does not apply to them.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from precedents.meetings.model import Outcome
from precedents.meetings.models import ReviewRow
from precedents.models import MeasureRow, PrecedentBarrierRow, PrecedentHardshipRow, PrecedentRow
from precedents.record import LEVELS, Status
from precedents.stats_figures import ZERO, Durations, Figures, MeasureFigures, Period
from precedents.stats_registry import AdoptedPolicy, RegistryFigures, registry_figures

#: Measures paid by donors, charities and companies rather than public funds.
SOCIAL_MEASURES: tuple[str, ...] = ("社会捐赠", "慈善救助", "价格优惠")
#: Statuses of a matter that counts as solved.
SOLVED_STATUSES: frozenset[str] = frozenset({Status.DECIDED.value, Status.ARCHIVED.value})


# -- reading the store ---------------------------------------------------------------


def _within(
    column: InstrumentedAttribute[dt.date] | InstrumentedAttribute[dt.date | None],
    period: Period,
) -> ColumnElement[bool]:
    parts: list[ColumnElement[bool]] = [column.is_not(None)]
    if period.start is not None:
        parts.append(column >= period.start)
    if period.end is not None:
        parts.append(column <= period.end)
    return and_(*parts)


def _wanted(period: Period) -> ColumnElement[bool]:
    """Precedents any figure of the period needs: filed or decided in it, of the district."""
    dates: ColumnElement[bool] = (
        true()
        if period.start is None and period.end is None
        else or_(_within(PrecedentRow.filed_on, period), _within(PrecedentRow.decided_on, period))
    )
    if period.district is None:
        return dates
    return and_(PrecedentRow.district == period.district, dates)


def compute_figures(session: Session, period: Period | None = None) -> Figures:
    """The figures of `period` (all matters when None); see the module docstring."""
    period = period or Period()
    tally = _Tally(period)
    wanted = _wanted(period)
    matters = select(
        PrecedentRow.id,
        PrecedentRow.district,
        PrecedentRow.filed_on,
        PrecedentRow.decided_on,
        PrecedentRow.level,
        PrecedentRow.status,
        PrecedentRow.discovery,
    ).where(wanted)
    for row in session.execute(matters):
        tally.matter(*row)
    for table, kind in ((PrecedentHardshipRow, "h"), (PrecedentBarrierRow, "b")):
        terms = select(table.precedent_id, table.term).join(PrecedentRow).where(wanted)
        tally.terms(kind, session.execute(terms))
    measures = select(MeasureRow.precedent_id, MeasureRow.type, MeasureRow.amount)
    tally.measures(session.execute(measures.join(PrecedentRow).where(wanted)))
    tally.reviews(session.execute(_reviews_query(period)))
    figures = tally.figures()
    figures.registry = registry_figures(session, period.start, period.end)
    return figures


def _reviews_query(period: Period) -> Any:
    """Reviews held in the period, and every review of a matter decided in it (its levels)."""
    held = _within(ReviewRow.held_on, period)
    decided = _within(PrecedentRow.decided_on, period)
    query = (
        select(ReviewRow.precedent_id, ReviewRow.level, ReviewRow.outcome, ReviewRow.held_on)
        .join(PrecedentRow, ReviewRow.precedent_id == PrecedentRow.id)
        .where(or_(held, decided))
    )
    if period.district is not None:
        query = query.where(PrecedentRow.district == period.district)
    return query


# -- tallying --------------------------------------------------------------------------


def level_rank(level: str) -> int:
    """Order of review levels, lowest first; a level outside the four ranks last."""
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


class _Tally:
    """Counts rows as they stream past; every row is looked at once."""

    def __init__(self, period: Period) -> None:
        self.period = period
        self.filed: set[int] = set()
        #: Solved matters: id → (filing date, decision date, level recorded on the matter).
        self.solved: dict[int, tuple[dt.date, dt.date, str]] = {}
        self.district: dict[int, str] = {}
        self.count: dict[str, Counter[str]] = defaultdict(Counter)
        self.amounts: dict[str, list[Decimal]] = defaultdict(list)
        self.amount_by_district: dict[str, Decimal] = defaultdict(Decimal)
        self.reviewed_levels: dict[int, set[str]] = defaultdict(set)
        self.escalated: set[int] = set()
        self.first_day: dt.date | None = None
        self.last_day: dt.date | None = None

    def _seen(self, day: dt.date) -> None:
        self.first_day = day if self.first_day is None else min(self.first_day, day)
        self.last_day = day if self.last_day is None else max(self.last_day, day)

    def matter(
        self,
        pid: int,
        district: str,
        filed_on: dt.date,
        decided_on: dt.date | None,
        level: str,
        status: str,
        discovery: str | None,
    ) -> None:
        self.district[pid] = district
        if self.period.contains(filed_on):
            self.filed.add(pid)
            self._seen(filed_on)
            self.count["month"][filed_on.strftime("%Y-%m")] += 1
            self.count["district"][district] += 1
            self.count["status"][status] += 1
            self.count["discovery"][discovery or "未填写"] += 1
        if (
            decided_on is not None
            and status in SOLVED_STATUSES
            and self.period.contains(decided_on)
        ):
            self.solved[pid] = (filed_on, decided_on, level)
            self._seen(decided_on)
            self.count["solved_month"][decided_on.strftime("%Y-%m")] += 1
            self.count["solved_district"][district] += 1

    def terms(self, kind: str, rows: Iterable[tuple[int, str]]) -> None:
        seen: set[tuple[int, str]] = set()
        for pid, term in rows:
            # A matter counts once per term, even if the term was entered twice.
            if pid in self.filed and (pid, term) not in seen:
                seen.add((pid, term))
                self.count[kind][term] += 1

    def measures(self, rows: Iterable[tuple[int, str, Decimal | None]]) -> None:
        for pid, kind, amount in rows:
            if pid not in self.solved:
                continue
            self.count["measure"][kind] += 1
            if amount is not None:
                self.amounts[kind].append(Decimal(amount))
                self.amount_by_district[self.district[pid]] += Decimal(amount)

    def reviews(self, rows: Iterable[tuple[int, str, str, dt.date]]) -> None:
        for pid, level, outcome, held_on in rows:
            self.reviewed_levels[pid].add(level)
            if not self.period.contains(held_on):
                continue
            self.count["review_level"][level] += 1
            self.count["outcome"][outcome] += 1
            if outcome == Outcome.ESCALATED.value:
                self.count["escalation"][level] += 1
                self.escalated.add(pid)

    def figures(self) -> Figures:
        c = self.count
        months = month_range(self.period, self.first_day, self.last_day)
        measures, total, social = self._measures()
        return Figures(
            period=self.period,
            months=months,
            total=len(self.filed),
            solved=len(self.solved),
            by_month={m: c["month"][m] for m in months},
            solved_by_month={m: c["solved_month"][m] for m in months},
            by_district=_ranked(c["district"]),
            solved_by_district=_ranked(c["solved_district"]),
            amount_by_district=dict(sorted(self.amount_by_district.items())),
            by_status={s.value: c["status"][s.value] for s in Status if c["status"][s.value]},
            by_discovery=_ranked(c["discovery"]),
            hardships=_ranked(c["h"]),
            barriers=_ranked(c["b"]),
            measures=measures,
            amount_total=total,
            social_total=social,
            **self._durations(),
            reviews_by_level=_by_level(c["review_level"], every=False),
            review_outcomes={
                o.value: c["outcome"][o.value] for o in Outcome if c["outcome"][o.value]
            },
            escalations=_by_level(c["escalation"], every=False),
            matters_escalated=len(self.escalated),
        )

    def _measures(self) -> tuple[dict[str, MeasureFigures], Decimal, Decimal]:
        result = {}
        for kind, count in _ranked(self.count["measure"]).items():
            amounts = self.amounts.get(kind, [])
            result[kind] = MeasureFigures(
                count=count,
                with_amount=len(amounts),
                total=sum(amounts, ZERO),
                median=Decimal(statistics.median(amounts)) if amounts else None,
            )
        total = sum((m.total for m in result.values()), ZERO)
        social = sum((m.total for k, m in result.items() if k in SOCIAL_MEASURES), ZERO)
        return result, total, social

    def _durations(self) -> dict[str, Any]:
        every: list[int] = []
        per_level: dict[str, list[int]] = defaultdict(list)
        reached: Counter[str] = Counter()
        for pid, (filed_on, decided_on, level) in self.solved.items():
            top = max([level, *self.reviewed_levels.get(pid, ())], key=level_rank)
            reached[top] += 1
            days = (decided_on - filed_on).days
            every.append(days)
            per_level[top].append(days)
        by_level = {
            level: durations
            for level in sorted(per_level, key=level_rank)
            if (durations := Durations.of(per_level[level])) is not None
        }
        return {
            "days_to_decision": Durations.of(every),
            "days_by_level": by_level,
            "levels_reached": _by_level(reached, every=bool(self.solved)),
        }


def _ranked(counts: Counter[str]) -> dict[str, int]:
    """Most frequent first; ties in a stable, readable order (by name)."""
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _by_level(counts: Counter[str], *, every: bool) -> dict[str, int]:
    """Counts in review-level order; with `every`, the four levels even when zero."""
    levels = [*LEVELS, *sorted(set(counts) - set(LEVELS))]
    return {level: counts[level] for level in levels if every or counts[level]}


def month_range(period: Period, first: dt.date | None, last: dt.date | None) -> tuple[str, ...]:
    """Every month from the period's start (or the first date seen) to its end (or the last)."""
    start = period.start or first
    end = period.end or last
    if start is None or end is None or end < start:
        return ()
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


__all__ = [
    "SOCIAL_MEASURES",
    "AdoptedPolicy",
    "Durations",
    "Figures",
    "MeasureFigures",
    "Period",
    "RegistryFigures",
    "compute_figures",
    "level_rank",
    "month_range",
    "registry_figures",
]
