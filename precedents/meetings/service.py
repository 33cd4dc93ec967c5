"""Use cases of a case meeting: record a review, decide, escalate, return, archive.

Functions take a Session owned by the caller. A review's outcome moves the
matter: the first review puts a draft under review (研判中); a decision writes
the measures, the decision text and date and the highest level reached into the
precedent and makes it 已决定; an escalation needs a reason and a next level.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from precedents.errors import ConflictError, NotFoundError, ValidationFailed
from precedents.meetings.consistency import Departure, departures
from precedents.meetings.model import Outcome, Review, highest_level, next_level
from precedents.meetings.models import ReviewRow
from precedents.meetings.rows import apply_review, row_to_review
from precedents.models import PrecedentRow, utcnow
from precedents.record import PrecedentRecord, Status
from precedents.store.audit import record_event
from precedents.store.precedents import get_record, set_status, update_record
from precedents.validation import Issue


def _precedent(session: Session, code: str) -> PrecedentRow:
    row = session.scalar(select(PrecedentRow).where(PrecedentRow.code == code))
    if row is None:
        raise NotFoundError("precedent.not_found", code=code)
    return row


def list_reviews(session: Session, code: str) -> list[Review]:
    precedent = _precedent(session, code)
    rows = session.scalars(
        select(ReviewRow).where(ReviewRow.precedent_id == precedent.id).order_by(ReviewRow.sequence)
    )
    return [row_to_review(row) for row in rows]


def _check(review: Review, closest: list[PrecedentRecord]) -> list[Departure]:
    problems: list[Issue] = []
    if (
        review.outcome in (Outcome.ESCALATED, Outcome.RETURNED)
        and not review.outcome_reason.strip()
    ):
        problems.append(Issue("outcome_reason", "提交上一级或退回补充材料时必须写明理由"))
    if review.outcome == Outcome.ESCALATED and next_level(review.level) is None:
        problems.append(Issue("outcome", "市级研判已是最高层级，不能再提交上一级"))
    found: list[Departure] = []
    if review.outcome == Outcome.DECIDED:
        if not review.measures and not review.decision_text.strip():
            problems.append(Issue("decision_text", "作出决定时应填写处理结果或救助措施"))
        found = departures(review.measures, closest)
        if found and not review.consistency_reason.strip():
            problems.append(
                Issue(
                    "consistency_reason",
                    "决定与相近先例不一致，请写明理由：" + "；".join(d.text for d in found),
                )
            )
    if problems:
        raise ValidationFailed(
            "precedent.invalid",
            issues=problems,
            code="研判记录",
            count=len(problems),
            first=str(problems[0]),
        )
    return found


def save_review(
    session: Session,
    code: str,
    review: Review,
    *,
    actor: str,
    closest: list[PrecedentRecord] | None = None,
) -> Review:
    """Create or update one review of the matter `code` and apply its outcome.

    `closest` are the close precedents shown in the meeting; a decision that
    departs from them needs `review.consistency_reason`.
    """
    found = _check(review, closest or [])
    precedent = _precedent(session, code)
    if review.id is None:
        count = session.scalar(
            select(func.count())
            .select_from(ReviewRow)
            .where(ReviewRow.precedent_id == precedent.id)
        )
        row = ReviewRow(precedent_id=precedent.id, sequence=(count or 0) + 1, created_by=actor)
        session.add(row)
    else:
        existing = _locked_review(session, review.id)
        if existing is None or existing.precedent_id != precedent.id:
            raise NotFoundError("precedent.not_found", code=f"{code} 的研判记录 {review.id}")
        row = existing
        if review.version and row.version != review.version:
            raise _review_conflict(code, row, review.version)
    apply_review(row, review)
    row.updated_at = utcnow()
    row.updated_by = actor
    review_id = row.id
    try:
        session.flush()
    except StaleDataError as exc:
        # Another officer's save committed between our read and our write (a
        # late writer on SQLite, or READ COMMITTED on PostgreSQL).
        raise _committed_conflict(session, code, review_id, review.version) from exc
    record_event(
        session,
        actor,
        "review.save",
        code,
        {
            "review": row.sequence,
            "level": row.level,
            "outcome": row.outcome,
            "departures": [d.text for d in found],
        },
        reason=review.consistency_reason,
    )
    _apply_outcome(session, code, row_to_review(row), actor=actor)
    return row_to_review(row)


def _locked_review(session: Session, review_id: int) -> ReviewRow | None:
    """The review row as committed now, locked against other writers until commit.

    ``populate_existing`` refreshes a row the session loaded earlier, so the
    version compared is the stored one; SQLite ignores the lock clause.
    """
    stmt = (
        select(ReviewRow)
        .where(ReviewRow.id == review_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return session.scalar(stmt)


def _review_conflict(code: str, row: ReviewRow, expected: int) -> ConflictError:
    return ConflictError(
        "precedent.conflict",
        expected_version=expected,
        current_version=row.version,
        code=code,
        by=row.updated_by or "他人",
        at=row.updated_at.strftime("%Y-%m-%d %H:%M"),
        current=row.version,
        expected=expected,
    )


def _committed_conflict(
    session: Session, code: str, review_id: int | None, expected: int
) -> ConflictError:
    """The conflict as the other officer's committed save describes it (read outside
    this session, whose transaction the caller rolls back)."""
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    with Session(engine) as fresh:
        row = fresh.get(ReviewRow, review_id) if review_id is not None else None
        if row is None:
            return ConflictError(
                "precedent.deleted_meanwhile",
                expected_version=expected,
                code=code,
                expected=expected,
            )
        return _review_conflict(code, row, expected)


def _apply_outcome(session: Session, code: str, review: Review, *, actor: str) -> None:
    record = get_record(session, code)
    levels = [r.level for r in list_reviews(session, code)]
    edited = record.copy(level=highest_level([record.level, *levels]))
    if review.outcome == Outcome.DECIDED:
        edited.measures = list(review.measures)
        edited.decision = review.decision_text or edited.decision
        edited.decided_on = review.held_on
        if not edited.deliberation.strip():
            edited.deliberation = compose_deliberation(list_reviews(session, code))
    update_record(session, edited, actor=actor, action="review.apply")
    if review.outcome == Outcome.DECIDED and record.status in (Status.DRAFT, Status.UNDER_REVIEW):
        set_status(
            session, code, Status.DECIDED, actor=actor, note=f"第{review.sequence}次研判作出决定"
        )
    elif record.status == Status.DRAFT:
        set_status(session, code, Status.UNDER_REVIEW, actor=actor, note="开始研判")


def compose_deliberation(reviews: list[Review]) -> str:
    """The 研判过程与意见 of a precedent, written from its reviews."""
    parts = []
    for r in reviews:
        who = f"，{r.chair}主持" if r.chair else ""
        opinions = "；".join(
            f"{o.speaker}{f'（{o.department}）' if o.department else ''}{o.stance.value}：{o.text}"
            for o in r.opinions
        )
        text = f"{r.held_on.year}年{r.held_on.month}月{r.held_on.day}日{r.level}级研判{who}"
        if opinions:
            text += f"。{opinions}"
        if r.outcome == Outcome.ESCALATED:
            text += f"。因{r.outcome_reason}，提交{next_level(r.level)}级研判"
        elif r.outcome == Outcome.RETURNED:
            text += f"。退回补充材料：{r.outcome_reason}"
        elif r.outcome == Outcome.DECIDED:
            text += "。会议作出决定"
        parts.append(text + "。")
    return "".join(parts)


def archive(
    session: Session,
    code: str,
    *,
    actor: str,
    note: str = "",
    expected_version: int | None = None,
) -> PrecedentRecord:
    """Close a decided matter (已归档); refused if it changed since `expected_version`."""
    record = get_record(session, code)
    if record.status != Status.DECIDED:
        raise ValidationFailed(
            "precedent.invalid",
            issues=[Issue("status", "只有已决定的事项可以归档")],
            code=code,
            count=1,
            first="只有已决定的事项可以归档",
        )
    return set_status(
        session, code, Status.ARCHIVED, actor=actor, note=note, expected_version=expected_version
    )


def reopen(
    session: Session,
    code: str,
    *,
    actor: str,
    reason: str,
    expected_version: int | None = None,
) -> PrecedentRecord:
    """Take a decided or archived matter back under review; the reason is recorded.

    Refused (`ConflictError`) if the matter changed since `expected_version`.
    """
    if not reason.strip():
        raise ValidationFailed(
            "precedent.invalid",
            issues=[Issue("reason", "重新研判必须写明理由")],
            code=code,
            count=1,
            first="重新研判必须写明理由",
        )
    return set_status(
        session,
        code,
        Status.UNDER_REVIEW,
        actor=actor,
        note=reason,
        expected_version=expected_version,
    )
