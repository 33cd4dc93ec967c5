"""Reading interchange JSON Lines into `PrecedentRecord`s for the benchmark scripts.

A deliberately small reader (no validation beyond what parsing needs) used only
by `bench/`; the product imports through `precedents.interchange`.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from precedents.record import Measure, Person, PrecedentRecord


def record_from_dict(data: dict[str, Any]) -> PrecedentRecord:
    """One interchange object as a record; unknown fields go to `extra`."""
    known = {
        "code", "title", "district", "street", "filed_on", "decided_on", "level", "discovery",
        "hardships", "barriers", "household_size", "monthly_income", "measures", "situation",
        "deliberation", "decision", "persons", "tags",
    }  # fmt: skip
    income = data.get("monthly_income")
    return PrecedentRecord(
        code=data["code"],
        title=data.get("title", ""),
        district=data.get("district", ""),
        street=data.get("street"),
        filed_on=_date(data.get("filed_on")) or dt.date.today(),
        decided_on=_date(data.get("decided_on")),
        level=data.get("level", ""),
        discovery=data.get("discovery"),
        hardships=list(data.get("hardships") or []),
        barriers=list(data.get("barriers") or []),
        household_size=data.get("household_size"),
        monthly_income=Decimal(str(income)) if income is not None else None,
        measures=[
            Measure(
                type=m["type"],
                amount=Decimal(str(m["amount"])) if m.get("amount") is not None else None,
                note=m.get("note", ""),
            )
            for m in data.get("measures") or []
        ],
        situation=data.get("situation", ""),
        deliberation=data.get("deliberation") or "",
        decision=data.get("decision") or "",
        persons=[
            Person(
                name=p.get("name", ""),
                id_number=p.get("id_number", ""),
                phone=p.get("phone", ""),
                relation=p.get("relation", ""),
            )
            for p in data.get("persons") or []
        ],
        tags=list(data.get("tags") or []),
        extra={k: v for k, v in data.items() if k not in known},
    )


def read_records(path: Path) -> list[PrecedentRecord]:
    """Every record of a JSON Lines file, in file order."""
    with path.open(encoding="utf-8") as handle:
        return [record_from_dict(json.loads(line)) for line in handle if line.strip()]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
