"""Editing the search synonym groups (自闭症 = 孤独症 = ASD, ...), for administrators.

The groups are office data: built-in groups are seeded once and may then be
edited or removed like any other. Every change is audited. The search index
applies synonyms at query time and notes their version, so callers reopen or
rebuild the index after a change.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from precedents.models import SynonymGroupRow
from precedents.store.audit import record_event


@dataclass(frozen=True, slots=True)
class SynonymGroup:
    id: int | None
    terms: tuple[str, ...]
    note: str = ""
    builtin: bool = False


def clean_terms(terms: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Stripped, without blanks and repeats, in the order given."""
    return tuple(dict.fromkeys(t.strip() for t in terms if t.strip()))


def list_groups(session: Session) -> list[SynonymGroup]:
    return [
        SynonymGroup(id=row.id, terms=tuple(row.terms), note=row.note, builtin=row.builtin)
        for row in session.scalars(select(SynonymGroupRow).order_by(SynonymGroupRow.id))
    ]


def save_group(session: Session, group: SynonymGroup, *, actor: str) -> SynonymGroup:
    """Add a group (id None) or change one; a group needs at least two terms."""
    terms = clean_terms(group.terms)
    if len(terms) < 2:
        raise ValueError("a synonym group needs at least two terms")
    row = session.get(SynonymGroupRow, group.id) if group.id is not None else None
    before: list[str] = []
    if row is None:
        row = SynonymGroupRow(terms=list(terms), note=group.note, builtin=False)
        session.add(row)
    else:
        before = list(row.terms)
        row.terms = list(terms)
        row.note = group.note
    session.flush()
    record_event(
        session,
        actor,
        "synonyms.update" if before else "synonyms.create",
        str(row.id),
        {"before": before, "after": list(terms)},
        entity="synonyms",
    )
    return SynonymGroup(id=row.id, terms=terms, note=row.note, builtin=row.builtin)


def delete_group(session: Session, group_id: int, *, actor: str) -> None:
    row = session.get(SynonymGroupRow, group_id)
    if row is None:
        return
    record_event(
        session,
        actor,
        "synonyms.delete",
        str(group_id),
        {"terms": list(row.terms)},
        entity="synonyms",
    )
    session.delete(row)
