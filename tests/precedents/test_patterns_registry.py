"""The policy registry: the life of a policy, what it covers and what it counts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from precedents.errors import NotFoundError, PolicyError
from precedents.models import AuditEventRow
from precedents.patterns.coverage import Criteria
from precedents.patterns.describe import Pattern
from precedents.patterns.mining import mine_patterns
from precedents.patterns.registry import (
    PolicyStatus,
    adopt_policy,
    coverage_notice,
    covering_policies,
    draft_from_pattern,
    get_policy,
    list_policies,
    open_consultation,
    policies_covering_code,
    registry_summary,
    repeal_policy,
    update_draft,
)
from precedents.record import PrecedentRecord, RecordMeta, Status
from precedents.schema import metadata
from tests.precedents.pattern_cases import all_cases, codes, dialysis, single_household

EFFECTIVE = dt.date(2025, 3, 1)


@pytest.fixture
def session() -> Iterator[Session]:
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with Session(engine) as session:
        yield session
    engine.dispose()


@pytest.fixture(scope="module")
def patterns() -> list[Pattern]:
    return mine_patterns(all_cases())


def pattern_of(patterns: list[Pattern], code: str) -> Pattern:
    return next(p for p in patterns if code in p.codes)


def new_matter(record: PrecedentRecord, code: str, **changes: object) -> PrecedentRecord:
    """A matter just filed: no measures, no decision yet."""
    return dataclasses.replace(
        record,
        code=code,
        measures=[],
        decision="",
        decided_on=None,
        meta=RecordMeta(id=99, status=Status.UNDER_REVIEW),
        **changes,
    )


def adopted(session: Session, pattern: Pattern, number: str = "厦民〔2025〕12号") -> int:
    policy = draft_from_pattern(session, pattern, all_cases(), lambda t: t, actor="张科长")
    open_consultation(session, policy.id)
    return adopt_policy(session, policy.id, number, EFFECTIVE, all_cases()).id


def test_a_draft_moves_forward_through_its_states(
    session: Session, patterns: list[Pattern]
) -> None:
    policy = draft_from_pattern(session, pattern_of(patterns, "T-SM-2021-001"), all_cases(), str)
    assert policy.status is PolicyStatus.DRAFT and policy.content is not None
    assert policy.title == policy.content.title and policy.pattern_id is not None
    with pytest.raises(PolicyError):
        adopt_policy(session, policy.id, "厦民〔2025〕1号", EFFECTIVE, all_cases())
    with pytest.raises(PolicyError):
        repeal_policy(session, policy.id, EFFECTIVE)
    assert open_consultation(session, policy.id).status is PolicyStatus.CONSULTATION
    with pytest.raises(PolicyError) as info:
        open_consultation(session, policy.id)
    assert "征求意见" in info.value.message
    in_force = adopt_policy(session, policy.id, " 厦民〔2025〕1号 ", EFFECTIVE, all_cases())
    assert in_force.status is PolicyStatus.IN_FORCE
    assert in_force.document_number == "厦民〔2025〕1号" and in_force.effective_on == EFFECTIVE
    repealed = repeal_policy(session, policy.id, dt.date(2026, 1, 1))
    assert repealed.status is PolicyStatus.REPEALED and repealed.repealed_on == dt.date(2026, 1, 1)
    with pytest.raises(PolicyError):
        repeal_policy(session, policy.id, dt.date(2026, 2, 1))


def test_adoption_needs_a_number_a_date_and_criteria(
    session: Session, patterns: list[Pattern]
) -> None:
    policy = draft_from_pattern(session, pattern_of(patterns, "T-SM-2021-001"), all_cases(), str)
    open_consultation(session, policy.id)
    with pytest.raises(PolicyError) as info:
        adopt_policy(session, policy.id, "  ", EFFECTIVE, all_cases())
    assert "文号" in info.value.message
    with pytest.raises(PolicyError) as info:
        adopt_policy(session, policy.id, "厦民〔2025〕2号", None, all_cases())
    assert "施行日期" in info.value.message
    with pytest.raises(PolicyError):
        adopt_policy(session, policy.id, "厦民〔2025〕2号", EFFECTIVE, all_cases(), Criteria())
    assert get_policy(session, policy.id).status is PolicyStatus.CONSULTATION
    adopt_policy(session, policy.id, "厦民〔2025〕2号", EFFECTIVE, all_cases())
    with pytest.raises(PolicyError) as info:
        repeal_policy(session, policy.id, dt.date(2025, 1, 1))
    assert "早于" in info.value.message


def test_drafts_are_edited_until_adoption(session: Session, patterns: list[Pattern]) -> None:
    policy = draft_from_pattern(session, pattern_of(patterns, "T-SM-2021-001"), all_cases(), str)
    assert policy.content is not None
    edited = dataclasses.replace(policy.content, title="关于完善尿毒症透析患者家庭救助的实施意见")
    saved = update_draft(session, policy.id, edited, actor="李科员")
    assert saved.title == edited.title and saved.content == edited
    tighter = dataclasses.replace(saved.criteria, key_terms=("透析",))
    assert update_draft(session, policy.id, criteria=tighter).criteria.key_terms == ("透析",)
    open_consultation(session, policy.id)
    update_draft(session, policy.id, edited)
    adopt_policy(session, policy.id, "厦民〔2025〕3号", EFFECTIVE, all_cases())
    with pytest.raises(PolicyError) as info:
        update_draft(session, policy.id, edited)
    assert "已施行" in info.value.message


def test_adoption_marks_the_precedents_the_policy_now_covers(
    session: Session, patterns: list[Pattern]
) -> None:
    pid = adopted(session, pattern_of(patterns, "T-SM-2021-001"))
    policy = get_policy(session, pid)
    # Its own precedents, and the matter under review is not a precedent.
    assert set(policy.covered_codes) == codes(dialysis())
    assert policy.criteria.hardships == ("重病", "支出型贫困")
    assert policy.criteria.barriers == ("收入超标",)
    assert {"透析", "尿毒症"} <= set(policy.criteria.key_terms)
    assert [p.id for p in policies_covering_code(session, "T-HL-2022-001")] == [pid]
    assert policies_covering_code(session, "T-HC-2023-009") == []


def test_a_new_matter_of_the_kind_is_detected(session: Session, patterns: list[Pattern]) -> None:
    pid = adopted(session, pattern_of(patterns, "T-SM-2021-001"))
    matter = new_matter(dialysis()[2], "T-TA-2025-001")
    found = covering_policies(session, matter, on=dt.date(2025, 6, 1))
    assert [p.id for p in found] == [pid]
    notice = coverage_notice(found[0])
    assert notice.startswith("此情形已有普惠政策：《关于")
    assert "厦民〔2025〕12号，2025年3月1日起施行" in notice
    # Before the policy took effect, nothing covered it.
    assert covering_policies(session, matter, on=dt.date(2025, 1, 1)) == []
    # A lung-cancer household meets the structured criteria but is not of the kind.
    lung = next(r for r in all_cases() if r.code == "T-HC-2023-009")
    assert covering_policies(session, new_matter(lung, "T-HC-2025-002"), on=EFFECTIVE) == []
    # Without the barrier the policy removes, the matter needs no policy.
    unblocked = new_matter(dialysis()[2], "T-TA-2025-003", barriers=[])
    assert covering_policies(session, unblocked, on=EFFECTIVE) == []
    repeal_policy(session, pid, dt.date(2025, 12, 31))
    assert covering_policies(session, matter, on=dt.date(2026, 1, 5)) == []


def test_a_specific_hardship_counts_for_its_parent(
    session: Session, patterns: list[Pattern]
) -> None:
    adopted(session, pattern_of(patterns, "T-SM-2021-001"))
    rare = new_matter(dialysis()[1], "T-HL-2025-004", hardships=["罕见病", "支出型贫困"])
    assert len(covering_policies(session, rare, on=EFFECTIVE)) == 1


def test_the_registry_counts_thresholds_lowered(session: Session, patterns: list[Pattern]) -> None:
    first = adopted(session, pattern_of(patterns, "T-SM-2021-001"), "厦民〔2025〕12号")
    adopted(session, pattern_of(patterns, "T-TA-2021-001"), "厦民〔2025〕13号")
    draft_from_pattern(session, pattern_of(patterns, "T-XA-2021-001"), all_cases(), str)
    repeal_policy(session, first, dt.date(2025, 9, 1))
    summary = registry_summary(session)
    assert (summary.drafts, summary.in_consultation, summary.in_force, summary.repealed) == (
        1,
        0,
        1,
        1,
    )
    assert summary.thresholds_lowered == 2
    assert summary.covered_precedents == len(codes(dialysis()) | codes(single_household()))
    assert [p.status for p in list_policies(session, PolicyStatus.IN_FORCE)] == [
        PolicyStatus.IN_FORCE
    ]


def test_every_step_is_audited_and_unknown_policies_refused(
    session: Session, patterns: list[Pattern]
) -> None:
    adopted(session, pattern_of(patterns, "T-SM-2021-001"))
    actions = session.scalars(
        select(AuditEventRow.action).where(AuditEventRow.entity == "policy")
    ).all()
    assert actions == ["policy.create", "policy.consult", "policy.adopt"]
    with pytest.raises(NotFoundError):
        get_policy(session, 4242)
