"""The meeting record as typed, turned into a `Review` with clear messages. Qt-free.

The screen holds the meeting's facts as text (date, amounts as officers type
them), the participants and opinions as rows and the measures as rows of
strings (the editor's measure table). `build_review` checks them and returns
the `Review` the domain saves, or the issues to show beside the fields; the
domain then checks the outcome itself (a reason for an escalation, a decision
text or measures for a decision, a reason for departing from precedents).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.editor.form_state import amount_text
from precedents.meetings.model import Opinion, Outcome, Participant, Reference, Review
from precedents.record import LEVELS, Measure
from precedents.validation import Issue, parse_amount, parse_date
from precedents.vocabulary import Vocabulary


@dataclass(slots=True)
class MeetingFields:
    """Everything the meeting screen holds about one review, as typed."""

    level: str
    held_on: str
    place: str = ""
    chair: str = ""
    recorder: str = ""
    presented_facts: str = ""
    participants: list[Participant] = field(default_factory=list)
    opinions: list[Opinion] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    outcome: Outcome = Outcome.PENDING
    outcome_reason: str = ""
    decision_text: str = ""
    measure_rows: list[dict[str, str]] = field(default_factory=list)
    consistency_reason: str = ""


def measure_rows(measures: list[Measure]) -> list[dict[str, str]]:
    """Measures as the editor's measure table holds them."""
    return [
        {
            "type": m.type,
            "amount": "" if m.amount is None else f"{m.amount:f}".rstrip("0").rstrip("."),
            "note": m.note,
            "department": m.department,
            "deadline": m.deadline.isoformat() if m.deadline else "",
        }
        for m in measures
    ]


def fields_of(review: Review) -> MeetingFields:
    return MeetingFields(
        level=review.level,
        held_on=review.held_on.isoformat(),
        place=review.place,
        chair=review.chair,
        recorder=review.recorder,
        presented_facts=review.presented_facts,
        participants=list(review.participants),
        opinions=list(review.opinions),
        references=list(review.references),
        outcome=review.outcome,
        outcome_reason=review.outcome_reason,
        decision_text=review.decision_text,
        measure_rows=measure_rows(review.measures),
        consistency_reason=review.consistency_reason,
    )


def _measures(rows: list[dict[str, str]], vocab: Vocabulary) -> tuple[list[Measure], list[Issue]]:
    measures: list[Measure] = []
    issues: list[Issue] = []
    for number, row in enumerate(rows, start=1):
        if not any(str(v).strip() for v in row.values()):
            continue
        where = f"measures[{number}]"
        kind = str(row.get("type", "")).strip()
        label = vocab.resolve("measure", kind) if kind else None
        if label is None:
            text = f"未知的救助措施「{kind}」" if kind else "请选择救助措施"
            issues.append(Issue(f"{where}.type", text))
        amount, problem = parse_amount(amount_text(str(row.get("amount", ""))))
        if problem:
            issues.append(Issue(f"{where}.amount", problem))
        deadline_text = str(row.get("deadline", "")).strip()
        deadline = None
        if deadline_text:
            deadline, problem = parse_date(deadline_text)
            if problem:
                issues.append(Issue(f"{where}.deadline", problem))
        measures.append(
            Measure(
                type=label or kind,
                amount=amount,
                note=str(row.get("note", "")).strip(),
                department=str(row.get("department", "")).strip(),
                deadline=deadline,
            )
        )
    return measures, issues


def _people(fields: MeetingFields) -> list[Issue]:
    issues = []
    for number, person in enumerate(fields.participants, start=1):
        if not person.name.strip():
            issues.append(Issue(f"participants[{number}].name", "参会人员须填写姓名"))
    for number, opinion in enumerate(fields.opinions, start=1):
        if not opinion.speaker.strip():
            issues.append(Issue(f"opinions[{number}].speaker", "发言意见须注明发言人"))
        if not opinion.text.strip():
            issues.append(Issue(f"opinions[{number}].text", "发言意见不能为空"))
    return issues


def build_review(
    fields: MeetingFields, vocab: Vocabulary, base: Review | None = None
) -> tuple[Review | None, list[Issue]]:
    """The review the fields describe (None if anything is wrong) and every issue."""
    issues: list[Issue] = []
    if fields.level not in LEVELS:
        issues.append(Issue("level", f"研判层级应为{'、'.join(LEVELS)}之一"))
    held_on, problem = parse_date(fields.held_on.strip())
    if problem:
        issues.append(Issue("held_on", problem))
    decided = fields.outcome is Outcome.DECIDED
    measures, measure_issues = _measures(fields.measure_rows, vocab)
    issues += (measure_issues if decided else []) + _people(fields)
    if issues or held_on is None:
        return None, issues
    review = Review(
        level=fields.level,
        held_on=held_on,
        place=fields.place.strip(),
        chair=fields.chair.strip(),
        recorder=fields.recorder.strip(),
        presented_facts=fields.presented_facts.strip(),
        participants=list(fields.participants),
        opinions=list(fields.opinions),
        references=list(fields.references),
        outcome=fields.outcome,
        # Each outcome keeps only what it means: a decision has no reason to go up,
        # an escalation no decision (the measures would not be applied anyway).
        outcome_reason="" if decided else fields.outcome_reason.strip(),
        decision_text=fields.decision_text.strip() if decided else "",
        measures=measures if decided else [],
        consistency_reason=fields.consistency_reason.strip() if decided else "",
    )
    if base is not None:
        review.id, review.sequence, review.version = base.id, base.sequence, base.version
    return review, []


def same_review(a: Review, b: Review) -> bool:
    """Whether two reviews record the same meeting content (ignoring bookkeeping)."""
    return fields_of(a) == fields_of(b)
