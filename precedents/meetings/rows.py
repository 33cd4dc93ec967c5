"""Conversion between review rows and `Review` dataclasses."""

from __future__ import annotations

from precedents.meetings.model import (
    Opinion,
    Outcome,
    Participant,
    Reference,
    ReferenceMode,
    Review,
    Role,
    Stance,
)
from precedents.meetings.models import (
    ReviewMeasureRow,
    ReviewOpinionRow,
    ReviewParticipantRow,
    ReviewReferenceRow,
    ReviewRow,
)
from precedents.record import Measure


def row_to_review(row: ReviewRow) -> Review:
    return Review(
        id=row.id,
        sequence=row.sequence,
        version=row.version,
        level=row.level,
        held_on=row.held_on,
        place=row.place,
        chair=row.chair,
        recorder=row.recorder,
        presented_facts=row.presented_facts,
        outcome=Outcome(row.outcome),
        outcome_reason=row.outcome_reason,
        decision_text=row.decision_text,
        consistency_reason=row.consistency_reason,
        participants=[
            Participant(name=p.name, department=p.department, role=Role(p.role), title=p.title)
            for p in row.participants
        ],
        opinions=[
            Opinion(
                speaker=o.speaker, text=o.text, department=o.department, stance=Stance(o.stance)
            )
            for o in row.opinions
        ],
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
        references=[
            Reference(code=r.code, mode=ReferenceMode(r.mode), score=r.score, note=r.note)
            for r in row.references
        ],
    )


def apply_review(row: ReviewRow, review: Review) -> None:
    row.level = review.level
    row.held_on = review.held_on
    row.place = review.place
    row.chair = review.chair
    row.recorder = review.recorder
    row.presented_facts = review.presented_facts
    row.outcome = review.outcome.value
    row.outcome_reason = review.outcome_reason
    row.decision_text = review.decision_text
    row.consistency_reason = review.consistency_reason
    row.participants = [
        ReviewParticipantRow(
            position=i, name=p.name, department=p.department, role=p.role.value, title=p.title
        )
        for i, p in enumerate(review.participants)
    ]
    row.opinions = [
        ReviewOpinionRow(
            position=i,
            speaker=o.speaker,
            department=o.department,
            stance=o.stance.value,
            text=o.text,
        )
        for i, o in enumerate(review.opinions)
    ]
    row.measures = [
        ReviewMeasureRow(
            position=i,
            type=m.type,
            amount=m.amount,
            note=m.note,
            department=m.department,
            deadline=m.deadline,
        )
        for i, m in enumerate(review.measures)
    ]
    row.references = [
        ReviewReferenceRow(position=i, code=r.code, mode=r.mode.value, score=r.score, note=r.note)
        for i, r in enumerate(review.references)
    ]
