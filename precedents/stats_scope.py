"""What the statistics can be filtered by: the span of dates in the store and its districts.

The statistics screen offers these as its starting period and its district
list, so an officer opening it sees every matter rather than an empty year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from precedents.models import PrecedentRow


@dataclass(frozen=True, slots=True)
class Scope:
    """The first filing date and the last filing or decision date; the districts by name."""

    first: dt.date | None
    last: dt.date | None
    districts: tuple[str, ...]

    @property
    def years(self) -> tuple[int, ...]:
        """Calendar years the store has dates in, newest first."""
        if self.first is None or self.last is None:
            return ()
        return tuple(range(self.last.year, self.first.year - 1, -1))


def read_scope(session: Session) -> Scope:
    first, last_filed, last_decided = session.execute(
        select(
            func.min(PrecedentRow.filed_on),
            func.max(PrecedentRow.filed_on),
            func.max(PrecedentRow.decided_on),
        )
    ).one()
    last = max((d for d in (last_filed, last_decided) if d is not None), default=None)
    names = session.scalars(
        select(PrecedentRow.district).distinct().order_by(PrecedentRow.district)
    )
    return Scope(first, last, tuple(name for name in names if name))
