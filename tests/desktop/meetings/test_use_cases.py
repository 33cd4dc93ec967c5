"""What the meeting screen does to the library, without a window."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from desktop.meetings import use_cases
from precedents.errors import PrecedentError, ValidationFailed
from precedents.library import Library
from precedents.meetings.model import (
    Opinion,
    Outcome,
    Participant,
    Reference,
    ReferenceMode,
    Review,
)
from precedents.record import Measure, Status
from tests.desktop.conftest import sample

CODE = "T-JM-2025-020"


@pytest.fixture
def matter(library: Library) -> str:
    record = sample(CODE, decided_on=None, measures=[], decision="", level="村居")
    record.meta.status = Status.DRAFT
    with library.sessions.begin() as session:
        from precedents.store.precedents import create_record

        create_record(session, record, actor="测试员")
    return CODE


def meeting(level: str, outcome: Outcome, **changes: object) -> Review:
    review = Review(
        level=level,
        held_on=dt.date(2025, 3, 18),
        chair="李主任",
        participants=[Participant("李主任", "民政")],
        opinions=[Opinion("李主任", "同意", "民政")],
        outcome=outcome,
    )
    for key, value in changes.items():
        setattr(review, key, value)
    return review


def test_two_escalations_then_a_decision(library: Library, matter: str) -> None:
    first = use_cases.load_matter(library, matter)
    assert first.current_review().level == "村居" and first.record.persons[0].name != "王建国"
    saved = use_cases.save_meeting(
        library, matter, meeting("村居", Outcome.ESCALATED, outcome_reason="无资金"), []
    )
    assert saved.matter.record.status is Status.UNDER_REVIEW
    assert saved.matter.current_review().level == "镇街"
    saved = use_cases.save_meeting(
        library, matter, meeting("镇街", Outcome.ESCALATED, outcome_reason="须区级统筹"), []
    )
    third = saved.matter.current_review()
    assert third.level == "区" and third.id is None
    decision = meeting(
        "区",
        Outcome.DECIDED,
        decision_text="纳入特困供养",
        measures=[Measure("特困集中供养")],
        references=[Reference("T-JM-2023-001", ReferenceMode.FOLLOWED, 0.8)],
    )
    saved = use_cases.save_meeting(library, matter, decision, ["T-JM-2023-001"])
    assert saved.matter.decided and saved.review.sequence == 3
    # The deciding review is what the screen shows of a decided matter.
    assert saved.matter.current_review().outcome is Outcome.DECIDED
    assert [p.name for p in use_cases.recent_participants(library)] == ["李主任"]


def test_a_departure_needs_a_written_reason(library: Library, matter: str) -> None:
    closest = ["T-HC-2024-001"]
    measures = [Measure("救急难", Decimal("90000"))]
    assert use_cases.departures_from(library, measures, closest) == [
        "「救急难」金额 90,000 元超出相近先例的范围（58,000–58,000 元）"
    ]
    decision = meeting("村居", Outcome.DECIDED, decision_text="救急难", measures=measures)
    with pytest.raises(ValidationFailed) as raised:
        use_cases.save_meeting(library, matter, decision, closest)
    assert raised.value.issues[0].field == "consistency_reason"
    decision.consistency_reason = "药费翻倍"
    saved = use_cases.save_meeting(library, matter, decision, closest)
    assert saved.review.consistency_reason == "药费翻倍"


def test_documents_are_written_masked(library: Library, matter: str, tmp_path: Path) -> None:
    saved = use_cases.save_meeting(
        library, matter, meeting("村居", Outcome.ESCALATED, outcome_reason="无资金"), []
    )
    minutes = use_cases.export_minutes(
        library, matter, saved.review.sequence, tmp_path / "m.docx", masked=True, reason=""
    )
    form = use_cases.export_review_form(
        library, matter, tmp_path / "f.docx", masked=True, reason=""
    )
    for path in (minutes, form):
        document = docx.Document(str(path))
        text = "\n".join(p.text for p in document.paragraphs)
        text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert "王建国" not in text and "13912345678" not in text
    assert use_cases.suggested_name("会议纪要", "JM/2025 1", 2) == "JM-2025-1-会议纪要-第2次.docx"


def test_unmasked_needs_a_reason_and_a_missing_template_is_named(
    library: Library, matter: str, tmp_path: Path
) -> None:
    with pytest.raises(PrecedentError, match="理由"):
        use_cases.export_review_form(library, matter, tmp_path / "f.docx", masked=False, reason="")
    with pytest.raises(PrecedentError) as raised:
        use_cases.export_review_form(
            library,
            matter,
            tmp_path / "f.docx",
            masked=True,
            reason="",
            template=tmp_path / "无此模板.docx",
        )
    assert "无此模板.docx" in str(raised.value)


def test_the_retrieval_report_carries_the_marks(
    library: Library, matter: str, tmp_path: Path
) -> None:
    from search_index.library import LibraryIndexes

    indexes = LibraryIndexes(library)
    try:
        indexes.open()
        indexes.ensure_similar()
        out = use_cases.export_retrieval_report(
            indexes,
            matter,
            [Reference("T-JM-2023-001", ReferenceMode.FOLLOWED)],
            tmp_path / "r.docx",
            masked=True,
            reason="",
        )
    finally:
        indexes.close()
    document = docx.Document(str(out))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert any("参照" in text for text in cells)
    assert "王建国" not in "\n".join(p.text for p in document.paragraphs) + "".join(cells)
