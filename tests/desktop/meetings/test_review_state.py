"""The meeting record as typed, and the matter pasted as text (both Qt-free)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from desktop.meetings.intake import apply_suggestions, fields_from_text, first_sentence, suggest
from desktop.meetings.review_state import MeetingFields, build_review, fields_of, same_review
from precedents.meetings.model import Opinion, Outcome, Participant, Review
from precedents.vocabulary import Vocabulary

VOCAB = Vocabulary.builtin()


def decided(**changes: object) -> MeetingFields:
    fields = MeetingFields(
        level="镇街",
        held_on="2025-03-18",
        participants=[Participant("李主任", "民政")],
        opinions=[Opinion("李主任", "同意", "民政")],
        outcome=Outcome.DECIDED,
        decision_text="给予临时救助",
        measure_rows=[
            {
                "type": "临时救助",
                "amount": "3,000元",
                "note": "",
                "department": "镇街",
                "deadline": "2025-04-01",
            }
        ],
    )
    for key, value in changes.items():
        setattr(fields, key, value)
    return fields


def test_a_decision_becomes_a_review_with_parsed_measures() -> None:
    review, issues = build_review(decided(), VOCAB)
    assert issues == [] and review is not None
    assert review.held_on == dt.date(2025, 3, 18)
    measure = review.measures[0]
    assert (measure.type, measure.amount, measure.deadline) == (
        "临时救助",
        Decimal("3000"),
        dt.date(2025, 4, 1),
    )
    assert same_review(review, build_review(fields_of(review), VOCAB)[0])  # type: ignore[arg-type]


def test_each_problem_is_named_where_it_is() -> None:
    fields = decided(
        held_on="2025-13-01",
        opinions=[Opinion("", "")],
        measure_rows=[{"type": "发钱", "amount": "三千", "deadline": "明天"}],
    )
    review, issues = build_review(fields, VOCAB)
    assert review is None
    where = {issue.field for issue in issues}
    assert {"held_on", "opinions[1].speaker", "opinions[1].text"} <= where
    assert {"measures[1].type", "measures[1].amount", "measures[1].deadline"} <= where
    assert all(issue.message for issue in issues)


def test_an_escalation_keeps_no_decision() -> None:
    fields = decided(outcome=Outcome.ESCALATED, outcome_reason="村里无资金")
    review, _ = build_review(fields, VOCAB, base=Review("镇街", dt.date(2025, 3, 1), id=4))
    assert review is not None and review.id == 4
    assert review.measures == [] and review.decision_text == ""
    assert review.outcome_reason == "村里无资金"


def test_pasted_text_fills_the_situation_and_suggests_the_rest() -> None:
    text = "集美区陈某88岁独居，子女在外地，日常无人照料。每月收入1200元。"
    found = suggest(text, VOCAB, ["集美区", "海沧区"])
    pairs = dict(found.items())
    assert pairs["title"] == "集美区陈某88岁独居，子女在外地，日常无人照料"
    assert pairs["district"] == "集美区"
    assert "高龄" in found.hardships
    fields = apply_suggestions(fields_from_text(text), found.items())
    assert fields["situation"] == text and fields["level"] == "村居"
    assert fields["district"] == "集美区" and "高龄" in fields["hardships"]
    assert suggest("  ", VOCAB).is_empty
    assert len(first_sentence("很" * 60)) == 40
