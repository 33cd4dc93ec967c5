"""会议纪要: minutes of a 一事一议 case meeting (issue 6, GB/T 9704-2012 §10.3).

Title, date and place, then the body (the matter, the precedents compared,
who said what including dissent, the decision with measures, amounts,
responsible departments and deadlines, the reason when the decision departs
from the precedents, and the outcome of this level of review), then the
出席/请假/列席 lists in 黑体 labels with wrapped names aligned after the colon.
Minutes carry no seal, so there is no signature block.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from precedents.documents import styles
from precedents.documents.builder import DocumentBuilder
from precedents.documents.fonts import FontSet
from precedents.documents.layout import Grid
from precedents.documents.matter import MatterFacts, PrecedentRef, level_name, write_facts
from precedents.documents.text import Mask, end_sentence, format_date, measure_sentence
from precedents.record import Measure


class Attendance(StrEnum):
    """How a participant took part (GB/T 9704 §10.3)."""

    PRESENT = "出席"
    ABSENT = "请假"
    OBSERVER = "列席"


class Outcome(StrEnum):
    """What this level of review concluded."""

    DECIDED = "决定"
    ESCALATED = "上报"
    RETURNED = "退回补充"


@dataclass(slots=True)
class Participant:
    name: str
    department: str = ""
    role: Attendance = Attendance.PRESENT


@dataclass(slots=True)
class Opinion:
    """What one participant said; ``dissent`` marks a view against the decision."""

    speaker: str
    text: str
    department: str = ""
    dissent: bool = False


@dataclass(slots=True)
class Minutes:
    """One meeting of one review level on one matter."""

    organisation: str
    meeting_date: dt.date
    place: str
    #: Who chaired, with the post: "市民政局副局长王强".
    chair: str
    matter: MatterFacts
    #: The level that met: 村居, 镇街, 区 or 市.
    level: str
    opinions: list[Opinion] = field(default_factory=list)
    #: The decision in words; the measures follow it item by item.
    decision: str = ""
    measures: list[Measure] = field(default_factory=list)
    outcome: Outcome = Outcome.DECIDED
    #: Why the matter goes up a level or back for more information.
    outcome_reason: str = ""
    #: The level it goes up to, when escalated.
    next_level: str = ""
    precedents: list[PrecedentRef] = field(default_factory=list)
    #: The written reason when the decision departs from the closest precedents.
    consistency_reason: str = ""
    participants: list[Participant] = field(default_factory=list)
    #: Issue number, e.g. "第3期".
    number: str = ""
    title: str = "一事一议专题会议纪要"
    issued_on: dt.date | None = None


def render_minutes(
    minutes: Minutes,
    path: str | os.PathLike[str],
    *,
    template: str | os.PathLike[str] | None = None,
    fonts: FontSet | None = None,
    mask: Mask | None = None,
    grid: Grid = Grid.NATIVE,
) -> Path:
    """Write the minutes as .docx; returns the path written."""
    builder = DocumentBuilder.open(template, fonts=fonts, mask=mask, grid=grid)
    write_minutes(builder, minutes)
    return builder.save(path)


def write_minutes(builder: DocumentBuilder, minutes: Minutes) -> None:
    issued = minutes.issued_on or minutes.meeting_date
    builder.set_field("文种", "会议纪要")
    builder.set_field("文号", minutes.number)
    builder.set_field("发文机关", minutes.organisation)
    builder.set_field("成文日期", format_date(issued))
    builder.title(minutes.title)
    if not builder.uses_template:
        head = "　　".join(
            part for part in (minutes.number, minutes.organisation, format_date(issued)) if part
        )
        builder.paragraph(head, style=styles.CENTRED)
    builder.begin_body()
    builder.paragraph(opening(minutes))
    builder.heading(1, "基本情况")
    write_facts(builder, minutes.matter)
    if minutes.precedents:
        builder.heading(1, "类案检索情况")
        builder.paragraph(f"会前检索到相似先例{len(minutes.precedents)}件，会议逐一比对：")
        for ref in minutes.precedents:
            builder.run_in(2, f"{ref.use.value}{ref.code}", end_sentence(ref.title) + ref.note)
    if minutes.opinions:
        builder.heading(1, "与会意见")
        for opinion in minutes.opinions:
            builder.paragraph(opinion_sentence(opinion))
    if minutes.decision or minutes.measures:
        builder.heading(1, "会议决定")
        builder.paragraphs(minutes.decision)
        for measure in minutes.measures:
            builder.run_in(2, measure.type, measure_sentence(measure))
    if minutes.consistency_reason:
        builder.heading(1, "与先例不一致的说明")
        builder.paragraphs(minutes.consistency_reason)
    builder.heading(1, "研判结果")
    builder.paragraph(outcome_sentence(minutes))
    _write_attendance(builder, minutes.participants)


def opening(minutes: Minutes) -> str:
    """The standard first paragraph of 纪要: when, who chaired, where, what for."""
    level = level_name(minutes.level)
    held = f"一事一议专题会议（{level}研判）" if level else "一事一议专题会议"
    subject = minutes.matter.title.rstrip("。")
    return (
        f"{format_date(minutes.meeting_date)}，{minutes.chair}在{minutes.place}主持召开{held}，"
        f"研究{subject}有关事项。现将会议议定事项纪要如下："
    )


def opinion_sentence(opinion: Opinion) -> str:
    who = opinion.department + opinion.speaker
    verb = "持不同意见，认为" if opinion.dissent else "认为"
    return f"{who}{verb}：{end_sentence(opinion.text)}"


def outcome_sentence(minutes: Minutes) -> str:
    level = level_name(minutes.level) or "本级"
    reason = end_sentence(minutes.outcome_reason)
    if minutes.outcome is Outcome.ESCALATED:
        target = level_name(minutes.next_level) or "上一级"
        return f"{level}研判未能形成决定，提交{target}研判。{reason}"
    if minutes.outcome is Outcome.RETURNED:
        return f"材料尚不完备，退回补充后再行研判。{reason}"
    return f"本事项经{level}研判作出决定，由责任单位按上述分工抓好落实。{reason}"


def attendance_text(participants: list[Participant]) -> str:
    """ "市民政局王强、李明，市财政局张伟": names grouped by department, in order of appearance."""
    groups: dict[str, list[str]] = {}
    for person in participants:
        groups.setdefault(person.department, []).append(person.name)
    return "，".join(department + "、".join(names) for department, names in groups.items())


def _write_attendance(builder: DocumentBuilder, participants: list[Participant]) -> None:
    if not participants:
        return
    builder.blank()
    for role in Attendance:
        present = [p for p in participants if p.role is role]
        if present:
            builder.attendance(role.value, attendance_text(present))
