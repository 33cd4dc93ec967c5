"""Conversion between database rows and `PrecedentRecord`s."""

from __future__ import annotations

from precedents.models import (
    MeasureRow,
    PersonRow,
    PrecedentBarrierRow,
    PrecedentHardshipRow,
    PrecedentRow,
    PrecedentTagRow,
)
from precedents.record import Measure, Person, PrecedentRecord, RecordMeta, Status


def row_to_record(row: PrecedentRow) -> PrecedentRecord:
    return PrecedentRecord(
        code=row.code,
        title=row.title,
        district=row.district,
        street=row.street,
        filed_on=row.filed_on,
        decided_on=row.decided_on,
        level=row.level,
        discovery=row.discovery,
        hardships=[h.term for h in row.hardships],
        barriers=[b.term for b in row.barriers],
        household_size=row.household_size,
        monthly_income=row.monthly_income,
        measures=[
            Measure(
                type=m.type,
                amount=m.amount,
                note=m.note,
                department=m.department,
                deadline=m.deadline,
            )
            for m in row.measures
        ],
        situation=row.situation,
        deliberation=row.deliberation,
        decision=row.decision,
        persons=[
            Person(name=p.name, id_number=p.id_number, phone=p.phone, relation=p.relation)
            for p in row.persons
        ],
        tags=[t.tag for t in row.tags],
        extra=dict(row.extra or {}),
        meta=RecordMeta(
            id=row.id,
            status=Status(row.status),
            version=row.version,
            created_at=row.created_at,
            created_by=row.created_by,
            updated_at=row.updated_at,
            updated_by=row.updated_by,
        ),
    )


def apply_record(row: PrecedentRow, record: PrecedentRecord) -> None:
    """Copy every interchange field of `record` onto `row` (children replaced)."""
    row.code = record.code
    row.title = record.title
    row.district = record.district
    row.street = record.street
    row.filed_on = record.filed_on
    row.decided_on = record.decided_on
    row.level = record.level
    row.discovery = record.discovery
    row.household_size = record.household_size
    row.monthly_income = record.monthly_income
    row.situation = record.situation
    row.deliberation = record.deliberation
    row.decision = record.decision
    row.extra = dict(record.extra)
    _replace_children(row, record)


def _replace_children(row: PrecedentRow, record: PrecedentRecord) -> None:
    if [h.term for h in row.hardships] != record.hardships:
        row.hardships = [
            PrecedentHardshipRow(position=i, term=t) for i, t in enumerate(record.hardships)
        ]
    if [b.term for b in row.barriers] != record.barriers:
        row.barriers = [
            PrecedentBarrierRow(position=i, term=t) for i, t in enumerate(record.barriers)
        ]
    if [t.tag for t in row.tags] != record.tags:
        row.tags = [PrecedentTagRow(position=i, tag=t) for i, t in enumerate(record.tags)]
    measures = [(m.type, m.amount, m.note, m.department, m.deadline) for m in record.measures]
    current = [(m.type, m.amount, m.note, m.department, m.deadline) for m in row.measures]
    if measures != current:
        row.measures = [
            MeasureRow(
                position=i,
                type=m.type,
                amount=m.amount,
                note=m.note,
                department=m.department,
                deadline=m.deadline,
            )
            for i, m in enumerate(record.measures)
        ]
    persons = [(p.name, p.id_number, p.phone, p.relation) for p in record.persons]
    if persons != [(p.name, p.id_number, p.phone, p.relation) for p in row.persons]:
        row.persons = [
            PersonRow(
                position=i, name=p.name, id_number=p.id_number, phone=p.phone, relation=p.relation
            )
            for i, p in enumerate(record.persons)
        ]
