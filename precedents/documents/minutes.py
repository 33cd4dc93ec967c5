"""会议纪要: minutes of a 一事一议 case meeting (issue 6, GB/T 9704-2012 §10.3).

Rendered straight from the meeting record (`precedents.meetings.model.Review`):
title, date and place, then the body (the matter, the precedents compared, who
said what including dissent, the decision with measures, amounts, responsible
departments and deadlines, the reason when the decision departs from the
precedents, and the outcome of this level of review), then the 出席/请假/列席
lists in 黑体 labels with wrapped names aligned after the colon. Minutes carry
no seal, so there is no signature block.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from precedents.documents import styles
from precedents.documents.builder import DocumentBuilder
from precedents.documents.matter import MatterFacts, level_name, write_facts
from precedents.documents.render import Renderer
from precedents.documents.text import end_sentence, format_date, measure_sentence
from precedents.meetings.model import (
    Opinion,
    Outcome,
    Participant,
    Review,
    Role,
    Stance,
    next_level,
)

#: How each stance introduces what was said.
_STANCE_VERBS = {
    Stance.AGREE: "认为",
    Stance.DISSENT: "持不同意见，认为",
    Stance.RESERVED: "持保留意见，认为",
    Stance.SUPPLEMENT: "补充认为",
}
#: The order of the §10.3 lists.
_ROLES = (Role.PRESENT, Role.ABSENT, Role.ATTENDING)


@dataclass(slots=True)
class Minutes:
    """One meeting of one review level on one matter."""

    organisation: str
    matter: MatterFacts
    review: Review
    #: Titles of the precedents the review refers to, by code (a reference holds only the code).
    titles: dict[str, str] = field(default_factory=dict)
    #: Issue number, e.g. "第3期".
    number: str = ""
    title: str = "一事一议专题会议纪要"
    #: Date of the minutes; the meeting date when not given.
    issued_on: dt.date | None = None


def write_minutes(builder: DocumentBuilder, minutes: Minutes) -> None:
    review = minutes.review
    issued = format_date(minutes.issued_on or review.held_on)
    builder.set_field("文种", "会议纪要")
    builder.set_field("文号", minutes.number)
    builder.set_field("发文机关", minutes.organisation)
    builder.set_field("成文日期", issued)
    builder.title(minutes.title)
    if not builder.uses_template:
        head = [part for part in (minutes.number, minutes.organisation, issued) if part]
        builder.paragraph("　　".join(head), style=styles.CENTRED)
    builder.begin_body()
    builder.paragraph(opening(minutes))
    builder.heading(1, "基本情况")
    presented = review.presented_facts.strip()
    write_facts(builder, minutes.matter, situation=presented or None)
    _write_references(builder, minutes)
    if review.opinions:
        builder.heading(1, "与会意见")
        for opinion in review.opinions:
            builder.paragraph(opinion_sentence(opinion))
    if review.decision_text or review.measures:
        builder.heading(1, "会议决定")
        builder.paragraphs(review.decision_text)
        for measure in review.measures:
            builder.run_in(2, measure.type, measure_sentence(measure))
    if review.consistency_reason:
        builder.heading(1, "与先例不一致的说明")
        builder.paragraphs(review.consistency_reason)
    builder.heading(1, "研判结果")
    builder.paragraph(outcome_sentence(review))
    _write_attendance(builder, review.participants)


#: Write the minutes as .docx (see `Renderer`); returns the path written.
render_minutes = Renderer(write_minutes)


def opening(minutes: Minutes) -> str:
    """The standard first paragraph of 纪要: when, who chaired, where, what for."""
    review = minutes.review
    level = level_name(review.level)
    held = f"一事一议专题会议（{level}研判）" if level else "一事一议专题会议"
    place = f"在{review.place}" if review.place else ""
    who = f"{review.chair}{place}主持召开" if review.chair else f"{place}召开"
    subject = minutes.matter.title.rstrip("。")
    return (
        f"{format_date(review.held_on)}，{who}{held}，"
        f"研究{subject}有关事项。现将会议议定事项纪要如下："
    )


def opinion_sentence(opinion: Opinion) -> str:
    who = opinion.department + opinion.speaker
    return f"{who}{_STANCE_VERBS[opinion.stance]}：{end_sentence(opinion.text)}"


def outcome_sentence(review: Review) -> str:
    level = level_name(review.level) or "本级"
    reason = end_sentence(review.outcome_reason)
    if review.outcome is Outcome.ESCALATED:
        target = level_name(next_level(review.level) or "") if review.level else ""
        return f"{level}研判未能形成决定，提交{target or '上一级'}研判。{reason}"
    if review.outcome is Outcome.RETURNED:
        return f"材料尚不完备，退回补充后再行研判。{reason}"
    if review.outcome is Outcome.PENDING:
        return f"会议未形成最终意见，继续研判。{reason}"
    return f"本事项经{level}研判作出决定，由责任单位按上述分工抓好落实。{reason}"


def attendance_text(participants: list[Participant]) -> str:
    """ "市民政局王强、李明，市财政局张伟": names grouped by department, in order of appearance."""
    groups: dict[str, list[str]] = {}
    for person in participants:
        groups.setdefault(person.department, []).append(person.name)
    return "，".join(department + "、".join(names) for department, names in groups.items())


def _write_references(builder: DocumentBuilder, minutes: Minutes) -> None:
    references = minutes.review.references
    if not references:
        return
    builder.heading(1, "类案检索情况")
    builder.paragraph(f"会前检索到相似先例{len(references)}件，会议逐一比对：")
    for ref in references:
        title = minutes.titles.get(ref.code, "")
        builder.run_in(2, f"{ref.mode.value}{ref.code}", end_sentence(title) + ref.note)


def _write_attendance(builder: DocumentBuilder, participants: list[Participant]) -> None:
    if not participants:
        return
    builder.blank()
    for role in _ROLES:
        present = [p for p in participants if p.role is role]
        if present:
            builder.attendance(role.value, attendance_text(present))
