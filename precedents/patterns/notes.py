"""The 起草说明 of a policy draft: why the policy is needed and what evidence it rests on.

It tells the reviewers how many precedents there were, in which districts and
over what period, what was decided and for how much, and which barrier the
policy removes, citing the precedents by code, the way a drafter's note to a
bureau meeting does.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from precedents.patterns import wording
from precedents.patterns.describe import AmountStats, Pattern
from precedents.patterns.draft import DraftEvidence, DraftParagraph, DraftSection, ordinal
from precedents.record import LEVELS, PrecedentRecord

_LEVEL_NAMES = {"村居": "村（居）级", "镇街": "镇（街）级", "区": "区级", "市": "市级"}


def _month(day: dt.date) -> str:
    return f"{day.year}年{day.month}月"


def _district_counts(records: Sequence[PrecedentRecord]) -> str:
    counts = Counter(r.district for r in records)
    return "、".join(f"{d}{n}件" for d, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _levels(records: Sequence[PrecedentRecord]) -> str:
    counts = Counter(r.level for r in records)
    parts = [
        f"{_LEVEL_NAMES.get(level, level)}{counts[level]}件" for level in LEVELS if counts[level]
    ]
    return "、".join(parts)


def background(
    pattern: Pattern,
    records: Sequence[PrecedentRecord],
    evidence: DraftEvidence,
    measures: Sequence[AmountStats],
) -> list[DraftParagraph]:
    noun = wording.hardship_noun(pattern.hardships)
    clauses = "，".join(wording.hardship_clause(h) for h in wording.conditions(pattern.hardships))
    barriers = "，".join(wording.barrier_clause(b) for b in evidence.barriers_removed)
    decided = "、".join(wording.measure_heading(s.measure) for s in measures) or "相应救助"
    first = (
        f"{_month(evidence.first_on)}至{_month(evidence.last_on)}，全市{len(evidence.districts)}个区"
        f"共办理涉及{noun}的“一事一议”先例{evidence.support}件（{_district_counts(records)}，"
        f"详见附件）。这些先例的共同特点是：{clauses or '生活陷入困境'}"
        f"{'，' + barriers if barriers else ''}，按现行政策难以获得救助；经{_levels(records)}研判，"
        f"分别给予{decided}等救助。"
    )
    second = (
        "同类情形在不同区、不同年份反复出现，说明这并非个别现象，而是现行政策在认定条件上存在门槛。"
        "为减少同类个案逐一提交研判，提高救助时效和政策公平性，有必要将先例经验转化为普惠政策，"
        "特起草本意见。"
    )
    return [DraftParagraph(first), DraftParagraph(second)]


def main_content() -> list[DraftParagraph]:
    return [
        DraftParagraph(
            "本意见共五部分：一是明确适用对象；二是规定认定条件，并明确对原有门槛的调整；"
            "三是规定救助措施及参考标准；四是规范申请、审核、实施和动态管理程序；五是附则。"
        )
    ]


def _amount_line(stats: AmountStats, deciding: list[str]) -> tuple[str, list[str]]:
    text = f"{stats.count}件先例给予"
    if stats.minimum is not None and stats.minimum == stats.maximum:
        return f"{text}，金额为{stats.minimum:f}元。", list(stats.codes_with_amount)
    if stats.minimum is not None and stats.maximum is not None and stats.median is not None:
        low, high = stats.codes_with_amount[0], stats.codes_with_amount[-1]
        text += (
            f"，其中{stats.with_amount}件有明确金额，最低{stats.minimum:f}元、"
            f"中位数{stats.median:f}元、最高{stats.maximum:f}元。"
        )
        return text, [low, high]
    return f"{text}。", deciding


def evidence_lines(pattern: Pattern, records: Sequence[PrecedentRecord]) -> list[DraftParagraph]:
    """Per measure: how many precedents, what amounts (citing the lowest and the highest)."""
    lines = []
    for n, stats in enumerate(pattern.amounts, start=1):
        deciding = [r.code for r in records if stats.measure in r.measure_types]
        text, cites = _amount_line(stats, deciding)
        lines.append(
            DraftParagraph(text, cites, ordinal(n), wording.measure_heading(stats.measure))
        )
    household = pattern.household
    facts = []
    if household.median_size is not None:
        facts.append(f"家庭人口中位数为{household.median_size:g}人")
    if household.median_income is not None:
        facts.append(f"家庭月收入中位数为{household.median_income:f}元")
    if household.median_income_per_person is not None:
        per_person = household.median_income_per_person.quantize(Decimal("1"))
        facts.append(f"人均月收入中位数约为{per_person:f}元")
    if facts:
        number = ordinal(len(lines) + 1)
        lines.append(DraftParagraph(f"{'，'.join(facts)}。", number=number, heading="家庭情况"))
    return lines


def barrier_lines(
    pattern: Pattern, records: Sequence[PrecedentRecord], barriers: Sequence[str]
) -> list[DraftParagraph]:
    lines = []
    for barrier in barriers:
        holders = [r.code for r in records if barrier in r.barriers]
        lines.append(
            DraftParagraph(
                f"本意见主要破除“{barrier}”这一门槛。{wording.barrier_clause(barrier)}的，"
                f"按现行规定难以获得救助；{pattern.support}件先例中有{len(holders)}件属于此种情形，"
                "均须逐案提交研判。",
                holders,
            )
        )
        lines.append(DraftParagraph(f"本意见明确：{wording.barrier_rule(barrier)}。"))
    if not lines:
        lines.append(
            DraftParagraph(
                "上述先例未集中反映某一项认定门槛，"
                "本意见主要将分散的个案做法统一为明确的救助措施和标准。"
            )
        )
    return lines


def open_questions() -> list[DraftParagraph]:
    points = [
        "本意见所列救助标准区间来自已有先例的实际决定，正式印发前，请会同财政部门测算资金需求。",
        "与本意见适用对象不完全一致的个案，仍按“一事一议”方式办理，并纳入先例库持续跟踪。",
        "本稿为征求意见稿，请各区民政局和市直有关部门提出修改意见。",
    ]
    return [DraftParagraph(text, number=ordinal(n)) for n, text in enumerate(points, start=1)]


def drafting_note(
    pattern: Pattern,
    records: Sequence[PrecedentRecord],
    evidence: DraftEvidence,
    measures: Sequence[AmountStats],
) -> list[DraftSection]:
    """The sections of the 起草说明, in order."""
    return [
        DraftSection(
            "background", "一、起草背景", background(pattern, records, evidence, measures)
        ),
        DraftSection("content", "二、主要内容", main_content()),
        DraftSection("evidence", "三、先例依据", evidence_lines(pattern, records)),
        DraftSection(
            "barrier",
            "四、拟破除的政策门槛",
            barrier_lines(pattern, records, evidence.barriers_removed),
        ),
        DraftSection("questions", "五、需要说明的问题", open_questions()),
    ]
