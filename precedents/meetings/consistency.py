"""Does a decision depart from the closest precedents?

When it does (a measure type none of them used, or an amount outside the range
they granted), the meeting must write down why; the reason is stored with the
decision and printed in the minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from precedents.record import Measure, PrecedentRecord


@dataclass(frozen=True, slots=True)
class Departure:
    measure_type: str
    kind: str  # "new_type" or "amount"
    amount: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None

    @property
    def text(self) -> str:
        if self.kind == "new_type":
            return f"最相近的先例均未采用「{self.measure_type}」"
        return (
            f"「{self.measure_type}」金额 {self.amount:,.0f} 元超出相近先例的范围"
            f"（{self.low:,.0f}–{self.high:,.0f} 元）"
        )


def departures(measures: list[Measure], closest: list[PrecedentRecord]) -> list[Departure]:
    """Departures of `measures` from the measures of the `closest` decided precedents."""
    if not closest:
        return []
    used: dict[str, list[Decimal]] = {}
    for record in closest:
        for m in record.measures:
            amounts = used.setdefault(m.type, [])
            if m.amount is not None:
                amounts.append(m.amount)
    out: list[Departure] = []
    for m in measures:
        if m.type not in used:
            out.append(Departure(measure_type=m.type, kind="new_type"))
            continue
        amounts = used[m.type]
        if m.amount is not None and amounts and not min(amounts) <= m.amount <= max(amounts):
            out.append(
                Departure(
                    measure_type=m.type,
                    kind="amount",
                    amount=m.amount,
                    low=min(amounts),
                    high=max(amounts),
                )
            )
    return out
