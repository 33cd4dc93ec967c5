"""政策草案（征求意见稿）: a draft general policy drawn from recurring precedents (issue 7).

The draft has the five sections the bureau's general policies use, numbered
一、二、… (a short 若干措施/通知-style draft; 第一条-style clauses belong to
regulations with chapters, which a one-pattern draft never needs), then the
attachment note, the drafter and date, and two appendices, each on a new page:
the supporting precedents (masked) and the 起草说明 with the evidence. Every
statement drawn from precedents cites them by code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from precedents.documents.builder import DocumentBuilder
from precedents.documents.render import Renderer
from precedents.documents.text import (
    cite,
    end_sentence,
    format_amount,
    format_date,
    format_measure,
    join_list,
)
from precedents.record import Measure

SECTIONS: tuple[tuple[str, str], ...] = (
    ("applicable", "适用对象"),
    ("conditions", "认定条件"),
    ("measures", "救助措施"),
    ("procedure", "办理程序"),
    ("supplementary", "附则"),
)
APPENDICES = ("支持先例清单", "起草说明")
_PRECEDENT_COLUMNS = ("序号", "编号", "案例", "区街与决定日期", "救助措施")
_PRECEDENT_WEIGHTS = (13, 25, 37, 39, 42)


@dataclass(slots=True)
class Statement:
    """One paragraph of the draft; ``heading`` makes it a run-in "（一）heading。text"."""

    text: str
    cites: list[str] = field(default_factory=list)
    heading: str = ""

    def rendered(self) -> str:
        """The text with its citations before the final stop: "……（参见 XM-1、XM-2）。"."""
        body = end_sentence(self.text)
        if not self.cites:
            return body
        stop = body[-1] if body and body[-1] in "。；" else ""
        return f"{body.removesuffix(stop)}{cite(self.cites)}{stop or '。'}"


@dataclass(slots=True)
class SupportingPrecedent:
    """A precedent in the appendix; text already masked."""

    code: str
    title: str
    district: str
    street: str = ""
    decided_on: dt.date | None = None
    measures: list[Measure] = field(default_factory=list)


@dataclass(slots=True)
class AmountStat:
    """Amounts decided for one measure type across the supporting precedents."""

    measure: str
    count: int
    minimum: Decimal
    median: Decimal
    maximum: Decimal


@dataclass(slots=True)
class Evidence:
    """The numbers behind the draft, written out in the 起草说明."""

    precedent_count: int
    districts: list[str]
    period_start: dt.date
    period_end: dt.date
    hardships: list[str] = field(default_factory=list)
    #: The barriers the policy removes.
    barriers: list[str] = field(default_factory=list)
    amounts: list[AmountStat] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DraftingNote:
    evidence: Evidence
    background: list[Statement] = field(default_factory=list)
    main_points: list[Statement] = field(default_factory=list)
    open_questions: list[Statement] = field(default_factory=list)


@dataclass(slots=True)
class PolicyDraft:
    title: str
    drafter: str
    drafted_on: dt.date
    note: DraftingNote
    preamble: list[Statement] = field(default_factory=list)
    applicable: list[Statement] = field(default_factory=list)
    conditions: list[Statement] = field(default_factory=list)
    measures: list[Statement] = field(default_factory=list)
    procedure: list[Statement] = field(default_factory=list)
    supplementary: list[Statement] = field(default_factory=list)
    precedents: list[SupportingPrecedent] = field(default_factory=list)
    subtitle: str = "（征求意见稿）"


def write_policy_draft(builder: DocumentBuilder, draft: PolicyDraft) -> None:
    builder.set_field("文种", "征求意见稿")
    builder.title(draft.title)
    if draft.subtitle:
        builder.subtitle(draft.subtitle)
    builder.begin_body()
    _statements(builder, draft.preamble)
    for attribute, heading in SECTIONS:
        statements: list[Statement] = getattr(draft, attribute)
        if statements:
            builder.heading(1, heading)
            _statements(builder, statements)
    builder.attachment_note(list(APPENDICES))
    builder.signature(draft.drafter, draft.drafted_on)
    builder.appendix("附件1", APPENDICES[0])
    _precedent_list(builder, draft.precedents)
    builder.appendix("附件2", APPENDICES[1])
    _drafting_note(builder, draft.note)


#: Write the draft as .docx (see `Renderer`); returns the path written.
render_policy_draft = Renderer(write_policy_draft)


def _statements(builder: DocumentBuilder, statements: list[Statement], level: int = 2) -> None:
    for statement in statements:
        if statement.heading:
            builder.run_in(level, statement.heading, statement.rendered())
        else:
            builder.paragraph(statement.rendered())


def _precedent_list(builder: DocumentBuilder, precedents: list[SupportingPrecedent]) -> None:
    builder.paragraph(
        f"本草案依据以下{len(precedents)}件一事一议先例起草，按决定日期排列；个人信息已隐去。"
    )
    ordered = sorted(precedents, key=lambda p: (p.decided_on or dt.date.max, p.code))
    rows = [
        [
            str(index),
            precedent.code,
            precedent.title,
            "\n".join(
                part
                for part in (
                    precedent.district + precedent.street,
                    format_date(precedent.decided_on) if precedent.decided_on else "",
                )
                if part
            ),
            "\n".join(map(format_measure, precedent.measures)),
        ]
        for index, precedent in enumerate(ordered, start=1)
    ]
    builder.table(_PRECEDENT_COLUMNS, rows, _PRECEDENT_WEIGHTS, centred={0})


def _drafting_note(builder: DocumentBuilder, note: DraftingNote) -> None:
    if note.background:
        builder.heading(1, "起草背景")
        _statements(builder, note.background)
    builder.heading(1, "先例依据")
    for sentence in evidence_sentences(note.evidence):
        builder.paragraph(sentence)
    if note.evidence.codes:
        # A list of codes justifies into wide gaps; set it ragged right.
        builder.paragraph(f"所依据的先例：{join_list(note.evidence.codes)}。", align="left")
    if note.main_points:
        builder.heading(1, "主要内容")
        _statements(builder, note.main_points)
    if note.open_questions:
        builder.heading(1, "需要说明的问题")
        _statements(builder, note.open_questions)


def evidence_sentences(evidence: Evidence) -> list[str]:
    """The evidence in plain sentences: how many, where, when, what amounts, which barrier
    (the list of codes follows them in the note)."""
    start, end = evidence.period_start, evidence.period_end
    sentences = [
        f"{start.year}年{start.month}月至{end.year}年{end.month}月，全市共有"
        f"{evidence.precedent_count}件一事一议先例属于此类情形，分布在"
        f"{join_list(evidence.districts)}{len(evidence.districts)}个区。"
    ]
    if evidence.hardships or evidence.barriers:
        sentences.append(
            f"这些家庭的困难情形主要为{join_list(evidence.hardships) or '（未记录）'}，"
            f"未能通过常规救助解决的原因是{join_list(evidence.barriers) or '（未记录）'}。"
        )
    for stat in evidence.amounts:
        low, mid, high = (format_amount(v) for v in (stat.minimum, stat.median, stat.maximum))
        sentences.append(
            f"{stat.measure}：{stat.count}件，金额{low}至{high}，中位数{mid}。"
            if stat.minimum != stat.maximum
            else f"{stat.measure}：{stat.count}件，金额均为{low}。"
        )
    if evidence.barriers:
        sentences.append(f"本措施拟消除的政策障碍：{join_list(evidence.barriers)}。")
    return sentences
