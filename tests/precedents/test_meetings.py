"""The four-level review: escalation, dissent, decision, consistency with precedents."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest

from precedents.errors import ConflictError, ValidationFailed
from precedents.library import Library
from precedents.meetings.consistency import departures
from precedents.meetings.model import (
    Opinion,
    Outcome,
    Participant,
    Reference,
    ReferenceMode,
    Review,
    Role,
    Stance,
    next_level,
)
from precedents.meetings.models import ReviewRow
from precedents.meetings.service import archive, list_reviews, reopen, save_review
from precedents.record import Measure, Status
from precedents.store.audit import list_events
from precedents.store.precedents import create_record, get_record
from tests.precedents.conftest import make_record


@pytest.fixture
def matter(library: Library) -> str:
    record = make_record(
        "NEW-1", decided_on=None, decision="", measures=[], deliberation="", level="村居"
    )
    with library.sessions.begin() as session:
        create_record(session, record, actor="甲")
    return record.code


def _escalation() -> Review:
    return Review(
        level="镇街",
        held_on=dt.date(2024, 3, 1),
        place="后溪镇人民政府会议室",
        chair="张某",
        participants=[
            Participant("张某", "后溪镇", Role.PRESENT),
            Participant("李某", "镇财政所", Role.ABSENT),
        ],
        opinions=[Opinion("张某", "镇级无权突破养老金计入收入的规定", "后溪镇")],
        outcome=Outcome.ESCALATED,
        outcome_reason="涉及养老金计入收入政策，需区级研判",
    )


def _decision() -> Review:
    return Review(
        level="区",
        held_on=dt.date(2024, 3, 20),
        chair="陈某",
        participants=[
            Participant("陈某", "区民政局"),
            Participant("周某", "区财政局", Role.ATTENDING),
        ],
        opinions=[
            Opinion("陈某", "同意一事一议纳入特困集中供养", "区民政局"),
            Opinion("周某", "担心形成攀比，建议限定条件", "区财政局", Stance.DISSENT),
        ],
        references=[Reference("XM-JM-2023-001", ReferenceMode.FOLLOWED, 0.82)],
        outcome=Outcome.DECIDED,
        decision_text="纳入特困集中供养，养老金上交财政。",
        measures=[
            Measure(
                "特困集中供养",
                None,
                "本人自愿",
                department="区民政局",
                deadline=dt.date(2024, 4, 30),
            )
        ],
    )


def test_two_level_review_ends_in_a_decided_precedent(library: Library, matter: str) -> None:
    with library.sessions.begin() as session:
        first = save_review(session, matter, _escalation(), actor="甲")
        assert get_record(session, matter).status == Status.UNDER_REVIEW
        assert next_level(first.level) == "区"
        second = save_review(session, matter, _decision(), actor="乙")
    with library.session() as session:
        record = get_record(session, matter)
        reviews = list_reviews(session, matter)
        events = list_events(session, code=matter, action="status")
    assert [r.sequence for r in reviews] == [1, 2] and second.sequence == 2
    assert record.status == Status.DECIDED and record.level == "区"
    assert record.decided_on == dt.date(2024, 3, 20)
    assert record.measures[0].department == "区民政局"
    assert "提交区级研判" in record.deliberation and "不同意" in record.deliberation
    assert [e.details["to"] for e in reversed(events)] == ["研判中", "已决定"]
    assert reviews[1].dissents[0].speaker == "周某"
    assert reviews[1].references[0].mode == ReferenceMode.FOLLOWED


def test_escalation_needs_a_reason_and_a_higher_level(library: Library, matter: str) -> None:
    review = _escalation()
    review.outcome_reason = ""
    with pytest.raises(ValidationFailed) as info, library.sessions.begin() as session:
        save_review(session, matter, review, actor="甲")
    assert info.value.issues[0].field == "outcome_reason"
    review = _escalation()
    review.level = "市"
    with pytest.raises(ValidationFailed), library.sessions.begin() as session:
        save_review(session, matter, review, actor="甲")


def test_departing_decision_needs_a_written_reason(library: Library, matter: str) -> None:
    close = make_record(
        "OLD-1", measures=[Measure("临时救助", Decimal(5000)), Measure("临时救助", Decimal(20000))]
    )
    review = _decision()
    review.measures = [Measure("临时救助", Decimal(80000))]
    with pytest.raises(ValidationFailed) as info, library.sessions.begin() as session:
        save_review(session, matter, review, actor="甲", closest=[close])
    assert "超出相近先例的范围（5,000–20,000 元）" in info.value.issues[0].message
    review.consistency_reason = "医疗费用远超一般情形"
    with library.sessions.begin() as session:
        saved = save_review(session, matter, review, actor="甲", closest=[close])
    assert saved.consistency_reason == "医疗费用远超一般情形"


def test_departures() -> None:
    close = [make_record(measures=[Measure("医疗救助", Decimal(3000))])]
    found = departures([Measure("医疗救助", Decimal(3000)), Measure("住房改造")], close)
    assert [d.text for d in found] == ["最相近的先例均未采用「住房改造」"]
    assert departures([Measure("住房改造")], []) == []


def test_archive_and_reopen(library: Library, matter: str) -> None:
    with library.sessions.begin() as session:
        with pytest.raises(ValidationFailed):
            archive(session, matter, actor="甲")
        save_review(session, matter, _decision(), actor="甲")
        archive(session, matter, actor="甲")
        with pytest.raises(ValidationFailed):
            reopen(session, matter, actor="甲", reason="")
        assert (
            reopen(session, matter, actor="甲", reason="家庭情况变化").status == Status.UNDER_REVIEW
        )


def test_a_review_saved_meanwhile_is_a_conflict_not_a_stale_row(any_library: Library) -> None:
    """The other officer commits after this session loaded the review: ConflictError."""
    record = make_record(
        "NEW-2", decided_on=None, decision="", measures=[], deliberation="", level="村居"
    )
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
        first = save_review(session, record.code, _escalation(), actor="甲")
    late = any_library.session()
    late.begin()
    # The late officer's session holds the review as it was (version 1).
    assert late.get(ReviewRow, first.id) is not None
    with any_library.sessions.begin() as session:
        theirs = list_reviews(session, record.code)[0]
        theirs.place = "镇政府二楼会议室"
        save_review(session, record.code, theirs, actor="乙")
    mine = _escalation()
    mine.id, mine.version, mine.chair = first.id, first.version, "王某"
    with pytest.raises(ConflictError) as info:
        save_review(late, record.code, mine, actor="甲")
    late.rollback()
    late.close()
    assert (info.value.expected_version, info.value.current_version) == (1, 2)
    assert "乙" in info.value.message
    with any_library.session() as session:
        kept = list_reviews(session, record.code)[0]
    assert (kept.place, kept.chair) == ("镇政府二楼会议室", "张某")


def test_two_officers_saving_one_review_at_once(any_library: Library) -> None:
    """Saves of the same version from two threads: one wins, the other is told."""
    record = make_record(
        "NEW-3", decided_on=None, decision="", measures=[], deliberation="", level="村居"
    )
    with any_library.sessions.begin() as session:
        create_record(session, record, actor="甲")
        first = save_review(session, record.code, _escalation(), actor="甲")
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def officer(name: str) -> None:
        mine = _escalation()
        mine.id, mine.version, mine.chair = first.id, first.version, name
        start.wait()
        try:
            with any_library.sessions.begin() as session:
                save_review(session, record.code, mine, actor=name)
            outcomes.append("saved")
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=officer, args=(n,)) for n in ("甲", "乙")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "saved"]
    with any_library.session() as session:
        assert list_reviews(session, record.code)[0].version == 2
