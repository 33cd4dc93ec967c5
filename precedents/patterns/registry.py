"""The policy registry: general policies from draft to adoption, and what they cover.

A policy is drafted from a pattern (草稿), put out for comments (征求意见),
adopted with a document number and an effective date (已施行) and eventually
repealed (已废止); it never moves backwards. On adoption it records its
coverage criteria and marks the precedents it now covers; `covering_policies`
then tells, for a new matter, which policies in force already settle it
("此情形已有普惠政策：…"). `registry_summary` counts how many thresholds have
been lowered this way.

Every function takes a `Session`; the caller owns the transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from precedents.errors import NotFoundError, PolicyError
from precedents.models import AuditEventRow
from precedents.patterns.coverage import Criteria, criteria_for
from precedents.patterns.describe import Pattern
from precedents.patterns.draft import PolicyDraftContent
from precedents.patterns.drafting import draft_policy
from precedents.patterns.features import is_precedent
from precedents.patterns.models import PolicyCoverageRow, PolicyRow
from precedents.record import PrecedentRecord
from precedents.vocabulary import Vocabulary

Mask = Callable[[str], str]


class PolicyStatus(StrEnum):
    """Where a policy stands; it only moves forward."""

    DRAFT = "草稿"
    CONSULTATION = "征求意见"
    IN_FORCE = "已施行"
    REPEALED = "已废止"


NEXT_STATUS: dict[PolicyStatus, PolicyStatus] = {
    PolicyStatus.DRAFT: PolicyStatus.CONSULTATION,
    PolicyStatus.CONSULTATION: PolicyStatus.IN_FORCE,
    PolicyStatus.IN_FORCE: PolicyStatus.REPEALED,
}
EDITABLE = (PolicyStatus.DRAFT, PolicyStatus.CONSULTATION)


@dataclass(frozen=True, slots=True)
class Policy:
    """A policy as the registry holds it."""

    id: int
    pattern_id: str | None
    title: str
    status: PolicyStatus
    document_number: str
    effective_on: dt.date | None
    repealed_on: dt.date | None
    criteria: Criteria
    content: PolicyDraftContent | None
    covered_codes: tuple[str, ...]
    version: int

    @property
    def in_force(self) -> bool:
        return self.status is PolicyStatus.IN_FORCE

    @property
    def thresholds_lowered(self) -> int:
        """Respects in which it lowered a threshold: one per barrier removed, at least one."""
        return max(1, len(self.criteria.barriers))


def _to_policy(session: Session, row: PolicyRow) -> Policy:
    covered = session.scalars(
        select(PolicyCoverageRow.code)
        .where(PolicyCoverageRow.policy_id == row.id)
        .order_by(PolicyCoverageRow.code)
    )
    return Policy(
        id=row.id,
        pattern_id=row.pattern_id,
        title=row.title,
        status=PolicyStatus(row.status),
        document_number=row.document_number,
        effective_on=row.effective_on,
        repealed_on=row.repealed_on,
        criteria=Criteria.from_data(row.criteria),
        content=PolicyDraftContent.from_data(row.content) if row.content else None,
        covered_codes=tuple(covered),
        version=row.version,
    )


def _row(session: Session, policy_id: int) -> PolicyRow:
    row = session.get(PolicyRow, policy_id)
    if row is None:
        raise NotFoundError("policy.not_found", id=policy_id)
    return row


def _audit(session: Session, actor: str, action: str, row: PolicyRow, **details: object) -> None:
    session.add(
        AuditEventRow(
            actor=actor,
            action=action,
            entity="policy",
            entity_code=str(row.id),
            details={"title": row.title, **details},
        )
    )


def _move(row: PolicyRow, target: PolicyStatus) -> None:
    current = PolicyStatus(row.status)
    if NEXT_STATUS.get(current) is not target:
        raise PolicyError("policy.bad_transition", title=row.title, current=current, target=target)
    row.status = target


# -- drafting ----------------------------------------------------------------------


def create_policy(
    session: Session,
    content: PolicyDraftContent,
    criteria: Criteria,
    pattern_id: str | None = None,
    actor: str = "",
) -> Policy:
    """Register a new draft (草稿) with its proposed coverage criteria."""
    row = PolicyRow(
        pattern_id=pattern_id,
        title=content.title,
        status=PolicyStatus.DRAFT,
        content=content.to_data(),
        criteria=criteria.to_data(),
        created_by=actor,
        updated_by=actor,
    )
    session.add(row)
    session.flush()
    _audit(session, actor, "policy.create", row, pattern=pattern_id)
    return _to_policy(session, row)


def draft_from_pattern(
    session: Session,
    pattern: Pattern,
    records: Sequence[PrecedentRecord],
    mask: Mask,
    actor: str = "",
    vocabulary: Vocabulary | None = None,
) -> Policy:
    """Write a draft from a pattern and register it, with criteria proposed from the pattern."""
    vocab = vocabulary or Vocabulary.builtin()
    content = draft_policy(pattern, records, mask, vocab)
    criteria = criteria_for(pattern, content.evidence.barriers_removed)
    return create_policy(session, content, criteria, pattern.id, actor)


def get_policy(session: Session, policy_id: int) -> Policy:
    return _to_policy(session, _row(session, policy_id))


def list_policies(session: Session, status: PolicyStatus | None = None) -> list[Policy]:
    """Policies, newest first, optionally of one status."""
    query = select(PolicyRow).order_by(PolicyRow.id.desc())
    if status is not None:
        query = query.where(PolicyRow.status == status)
    return [_to_policy(session, row) for row in session.scalars(query)]


def update_draft(
    session: Session,
    policy_id: int,
    content: PolicyDraftContent | None = None,
    criteria: Criteria | None = None,
    actor: str = "",
) -> Policy:
    """Save edits to the draft text or to its proposed criteria (草稿 and 征求意见 only)."""
    row = _row(session, policy_id)
    if PolicyStatus(row.status) not in EDITABLE:
        raise PolicyError("policy.not_editable", title=row.title, status=row.status)
    if content is not None:
        row.content = content.to_data()
        row.title = content.title
    if criteria is not None:
        row.criteria = criteria.to_data()
    row.updated_by = actor
    session.flush()
    _audit(session, actor, "policy.edit", row)
    return _to_policy(session, row)


# -- the life of a policy ------------------------------------------------------------


def open_consultation(session: Session, policy_id: int, actor: str = "") -> Policy:
    """草稿 → 征求意见."""
    row = _row(session, policy_id)
    _move(row, PolicyStatus.CONSULTATION)
    row.updated_by = actor
    session.flush()
    _audit(session, actor, "policy.consult", row)
    return _to_policy(session, row)


def adopt_policy(
    session: Session,
    policy_id: int,
    document_number: str,
    effective_on: dt.date | None,
    records: Sequence[PrecedentRecord],
    criteria: Criteria | None = None,
    actor: str = "",
    vocabulary: Vocabulary | None = None,
) -> Policy:
    """征求意见 → 已施行: fix the criteria and mark the precedents the policy now covers.

    Covered are the precedents of its pattern (as listed in the draft's
    appendix) and every other decided precedent in `records` that meets the
    criteria.
    """
    row = _row(session, policy_id)
    number = " ".join(document_number.split())
    if not number:
        raise PolicyError("policy.missing_number", title=row.title)
    if effective_on is None:
        raise PolicyError("policy.missing_date", title=row.title)
    final = criteria or Criteria.from_data(row.criteria)
    if final.is_empty():
        raise PolicyError("policy.empty_criteria", title=row.title)
    _move(row, PolicyStatus.IN_FORCE)
    row.document_number = number
    row.effective_on = effective_on
    row.criteria = final.to_data()
    row.updated_by = actor
    covered = set(_appendix_codes(row))
    vocab = vocabulary or Vocabulary.builtin()
    covered.update(r.code for r in records if is_precedent(r) and final.matches(r, vocab))
    for code in sorted(covered):
        session.add(PolicyCoverageRow(policy_id=row.id, code=code))
    session.flush()
    _audit(session, actor, "policy.adopt", row, number=number, covered=len(covered))
    return _to_policy(session, row)


def _appendix_codes(row: PolicyRow) -> list[str]:
    return [entry["code"] for entry in row.content.get("appendix", [])] if row.content else []


def repeal_policy(
    session: Session, policy_id: int, repealed_on: dt.date, actor: str = ""
) -> Policy:
    """已施行 → 已废止. The precedents it covered stay recorded, for the history."""
    row = _row(session, policy_id)
    if row.effective_on is not None and repealed_on < row.effective_on:
        raise PolicyError(
            "policy.bad_repeal_date",
            title=row.title,
            repealed=repealed_on,
            effective=row.effective_on,
        )
    _move(row, PolicyStatus.REPEALED)
    row.repealed_on = repealed_on
    row.updated_by = actor
    session.flush()
    _audit(session, actor, "policy.repeal", row, repealed_on=repealed_on.isoformat())
    return _to_policy(session, row)


# -- coverage --------------------------------------------------------------------------


def covering_policies(
    session: Session,
    record: PrecedentRecord,
    on: dt.date | None = None,
    vocabulary: Vocabulary | None = None,
) -> list[Policy]:
    """Policies in force on `on` (today by default) whose criteria the matter meets."""
    day = on or dt.date.today()
    vocab = vocabulary or Vocabulary.builtin()
    rows = session.scalars(
        select(PolicyRow)
        .where(PolicyRow.status == PolicyStatus.IN_FORCE)
        .order_by(PolicyRow.effective_on, PolicyRow.id)
    )
    out = []
    for row in rows:
        if row.effective_on is not None and row.effective_on > day:
            continue
        if Criteria.from_data(row.criteria).matches(record, vocab):
            out.append(_to_policy(session, row))
    return out


def coverage_notice(policy: Policy) -> str:
    """The sentence shown on a matter a policy in force already settles."""
    day = policy.effective_on
    dated = f"，{day.year}年{day.month}月{day.day}日起施行" if day else ""
    return f"此情形已有普惠政策：《{policy.title}》（{policy.document_number}{dated}）"


def policies_covering_code(session: Session, code: str) -> list[Policy]:
    """Adopted policies (in force or repealed) that list a precedent as covered."""
    ids = session.scalars(select(PolicyCoverageRow.policy_id).where(PolicyCoverageRow.code == code))
    return [get_policy(session, policy_id) for policy_id in sorted(set(ids))]


@dataclass(frozen=True, slots=True)
class RegistrySummary:
    """Counts for the registry's header."""

    drafts: int
    in_consultation: int
    in_force: int
    repealed: int
    #: Respects in which adopted policies (in force or since repealed) lowered a threshold.
    thresholds_lowered: int
    #: Precedents whose situation an adopted policy now settles without a meeting.
    covered_precedents: int


def registry_summary(session: Session) -> RegistrySummary:
    policies = list_policies(session)
    by_status = {s: sum(1 for p in policies if p.status is s) for s in PolicyStatus}
    adopted = [p for p in policies if p.status in (PolicyStatus.IN_FORCE, PolicyStatus.REPEALED)]
    covered = set(session.scalars(select(PolicyCoverageRow.code)))
    return RegistrySummary(
        drafts=by_status[PolicyStatus.DRAFT],
        in_consultation=by_status[PolicyStatus.CONSULTATION],
        in_force=by_status[PolicyStatus.IN_FORCE],
        repealed=by_status[PolicyStatus.REPEALED],
        thresholds_lowered=sum(p.thresholds_lowered for p in adopted),
        covered_precedents=len(covered),
    )
