"""A policy draft written from a pattern: its sections, citations, evidence and masking."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from precedents.anonymize import mask_text
from precedents.errors import PatternError, PolicyError
from precedents.patterns.describe import Pattern
from precedents.patterns.draft import CITATION, DraftParagraph, PolicyDraftContent, cite
from precedents.patterns.drafting import draft_policy
from precedents.patterns.mining import mine_patterns
from precedents.record import Person, PrecedentRecord
from tests.precedents.pattern_cases import all_cases

NAME = "蔡建国"
ID_NUMBER = "350203198001011234"


def records_with_personal_data() -> list[PrecedentRecord]:
    """All cases; one dialysis precedent names its person in the title and narrative."""
    records = all_cases()
    first = records[0]
    records[0] = dataclasses.replace(
        first,
        title=f"{NAME}每周血液透析三次，家庭收入略超低保标准",
        situation=f"{NAME}（身份证 {ID_NUMBER}）{first.situation}",
        persons=[Person(NAME, ID_NUMBER, "13812345678", "本人")],
    )
    return records


def mask_for(records: list[PrecedentRecord]) -> object:
    persons = [p for r in records for p in r.persons]
    return lambda text: mask_text(text, persons)


@pytest.fixture(scope="module")
def records() -> list[PrecedentRecord]:
    return records_with_personal_data()


@pytest.fixture(scope="module")
def patterns(records: list[PrecedentRecord]) -> list[Pattern]:
    return mine_patterns(records)


def pattern_of(patterns: list[Pattern], code: str) -> Pattern:
    return next(p for p in patterns if code in p.codes)


@pytest.fixture(scope="module")
def dialysis_draft(records: list[PrecedentRecord], patterns: list[Pattern]) -> PolicyDraftContent:
    persons = [p for r in records for p in r.persons]
    return draft_policy(
        pattern_of(patterns, "T-SM-2021-001"), records, lambda t: mask_text(t, persons)
    )


def test_the_draft_has_every_section_in_order(dialysis_draft: PolicyDraftContent) -> None:
    assert dialysis_draft.title.startswith("关于") and dialysis_draft.title.endswith("的实施意见")
    assert [s.heading for s in dialysis_draft.sections] == [
        "一、适用对象",
        "二、认定条件",
        "三、救助措施",
        "四、办理程序",
        "五、附则",
    ]
    assert all(section.paragraphs for section in dialysis_draft.sections)
    assert dialysis_draft.appendix_title == "支撑先例一览表"
    assert dialysis_draft.note_title == f"关于《{dialysis_draft.title}》的起草说明"
    assert [s.heading for s in dialysis_draft.note] == [
        "一、起草背景",
        "二、主要内容",
        "三、先例依据",
        "四、拟破除的政策门槛",
        "五、需要说明的问题",
    ]


def test_scope_and_criteria_come_from_the_pattern(dialysis_draft: PolicyDraftContent) -> None:
    scope = "".join(dialysis_draft.section("scope").rendered())
    assert "本市户籍" in scope and "重特大疾病" in scope and "“透析”" in scope
    paragraphs = dialysis_draft.section("criteria").paragraphs
    first = paragraphs[1]
    assert (
        first.number == "（一）"
        and first.cites
        and set(first.cites) <= set(dialysis_draft.cited_codes())
    )
    criteria = dialysis_draft.section("criteria").rendered()
    assert criteria[0] == "同时符合下列条件的，认定为救助对象："
    assert criteria[1].startswith("（一）") and criteria[1].endswith("件）；")
    assert any("家庭人均收入略高于本市最低生活保障标准" in line for line in criteria)
    # The rule that replaces the barrier.
    assert criteria[-1].startswith("认定时，扣除必要的医疗")


def test_measures_carry_the_types_and_amounts_of_the_precedents(
    dialysis_draft: PolicyDraftContent,
) -> None:
    paragraphs = dialysis_draft.section("measures").paragraphs
    assert [(p.number, p.heading) for p in paragraphs[1:]] == [
        ("（一）", "低保边缘家庭认定"),
        ("（二）", "医疗救助"),
    ]
    assert paragraphs[2].cites == ["T-SM-2021-001", "T-HC-2023-001"]
    measures = dialysis_draft.section("measures").rendered()
    status, medical = measures[1], measures[2]
    assert status.startswith("（一）低保边缘家庭认定。")
    assert medical.startswith("（二）医疗救助。")
    assert "12000元至25000元" in medical
    assert medical.endswith(
        "具体金额根据实际支出和家庭困难程度确定（参见 T-SM-2021-001、T-HC-2023-001）。"
    )


def test_statements_cite_only_the_pattern_precedents(
    dialysis_draft: PolicyDraftContent, patterns: list[Pattern]
) -> None:
    pattern = pattern_of(patterns, "T-SM-2021-001")
    cited = dialysis_draft.cited_codes()
    assert cited and cited <= set(pattern.codes)
    for match in CITATION.finditer(dialysis_draft.text()):
        assert re.fullmatch(
            r"T-[A-Z]{2}-\d{4}-\d{3}(、T-[A-Z]{2}-\d{4}-\d{3})*( 等 \d+ 件)?", match.group(1)
        )


def test_the_drafting_note_sets_out_the_evidence(dialysis_draft: PolicyDraftContent) -> None:
    note = {s.key: "".join(s.rendered()) for s in dialysis_draft.note}
    background = note["background"]
    assert "2021年3月至2024年3月" in background
    assert "全市4个区" in background and "先例5件" in background
    assert "思明区2件" in background
    evidence = note["evidence"]
    assert (
        "（二）医疗救助。5件先例给予，其中5件有明确金额，最低12000元、中位数18000元、" in evidence
    )
    assert "最高25000元（参见 T-SM-2021-001、T-HC-2023-001）。" in evidence
    assert "家庭月收入中位数为4200元" in evidence
    assert "“收入超标”这一门槛" in note["barrier"] and "5件先例中有5件" in note["barrier"]
    figures = dialysis_draft.evidence
    assert figures.support == 5 and len(figures.districts) == 4
    assert figures.barriers_removed == ("收入超标",)
    medical = next(a for a in figures.amounts if a.measure == "医疗救助")
    assert (medical.minimum, medical.median, medical.maximum) == ("12000元", "18000元", "25000元")


def test_the_appendix_lists_every_precedent_masked(
    dialysis_draft: PolicyDraftContent, patterns: list[Pattern]
) -> None:
    pattern = pattern_of(patterns, "T-SM-2021-001")
    assert [e.code for e in dialysis_draft.appendix] == list(pattern.codes)
    first = dialysis_draft.appendix[0]
    assert (first.district, first.year) == ("思明区", 2021)
    assert first.title.startswith("蔡某") and NAME not in first.title
    text = dialysis_draft.text() + json.dumps(dialysis_draft.to_data(), ensure_ascii=False)
    assert NAME not in text and ID_NUMBER not in text and "建国" not in text


def test_a_removed_cause_reads_before_its_effect(
    records: list[PrecedentRecord], patterns: list[Pattern]
) -> None:
    draft = draft_policy(pattern_of(patterns, "T-TA-2021-001"), records, lambda t: t)
    assert draft.title == "关于将重度残疾人按单人户纳入最低生活保障的实施意见"
    assert draft.evidence.barriers_removed == ("家庭成员合并计算",)
    assert "合并计算" in "".join(draft.section("criteria").rendered())
    barrier = "".join(next(s for s in draft.note if s.key == "barrier").rendered())
    assert "“家庭成员合并计算”这一门槛" in barrier and "不再合并计算" in barrier


def test_a_draft_round_trips_through_storage(dialysis_draft: PolicyDraftContent) -> None:
    data = json.loads(json.dumps(dialysis_draft.to_data(), ensure_ascii=False))
    assert PolicyDraftContent.from_data(data) == dialysis_draft
    with pytest.raises(PolicyError):
        PolicyDraftContent.from_data({"title": "残缺"})


def test_a_pattern_without_its_precedents_cannot_be_drafted(patterns: list[Pattern]) -> None:
    with pytest.raises(PatternError):
        draft_policy(patterns[0], [], lambda t: t)


def test_a_paragraph_renders_its_citation_before_the_final_stop() -> None:
    assert DraftParagraph("给予临时救助。", ["A-1"], "（一）", "临时救助").rendered() == (
        "（一）临时救助。给予临时救助（参见 A-1）。"
    )
    assert (
        DraftParagraph("持有残疾人证；", ["A-1", "A-2"]).rendered()
        == "持有残疾人证（参见 A-1、A-2）；"
    )
    assert DraftParagraph("无依据的段落。").rendered() == "无依据的段落。"


def test_citations_are_summarised_beyond_three_codes() -> None:
    assert cite([]) == ""
    assert cite(["A-1", "A-2"]) == "（参见 A-1、A-2）"
    assert cite(["A-1", "A-2", "A-3", "A-4", "A-1"]) == "（参见 A-1、A-2、A-3 等 4 件）"
