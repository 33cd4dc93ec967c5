"""Field-by-field differences between two versions of a record, for the audit trail."""

from __future__ import annotations

from typing import Any

from precedents.interchange.jsonl import record_to_dict
from precedents.record import PrecedentRecord

#: Fields that hold personal data; the audit trail marks changes to them.
PERSONAL_FIELDS = frozenset({"persons"})
_ABSENT = object()


def diff_records(old: PrecedentRecord, new: PrecedentRecord) -> list[dict[str, Any]]:
    """[{"field", "old", "new", "personal"}] for every interchange field that differs.

    Department and deadline of measures are compared too, although the
    interchange format does not carry them.
    """
    before = record_to_dict(old)
    after = record_to_dict(new)
    changes = [
        {
            "field": key,
            "old": before.get(key),
            "new": after.get(key),
            "personal": key in PERSONAL_FIELDS,
        }
        for key in dict.fromkeys([*before, *after])
        # A field outside the format that is gone differs from one that is null.
        if before.get(key, _ABSENT) != after.get(key, _ABSENT)
    ]
    old_plan = [(m.department, m.deadline) for m in old.measures]
    new_plan = [(m.department, m.deadline) for m in new.measures]
    if old_plan != new_plan:
        changes.append(
            {
                "field": "measure_plan",
                "old": [[d, str(t) if t else None] for d, t in old_plan],
                "new": [[d, str(t) if t else None] for d, t in new_plan],
                "personal": False,
            }
        )
    return changes
